"""The periodic report as a PDF in the official layout (content from :mod:`periodic`, layout from
:mod:`layout`)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from reportlab.platypus import CondPageBreak, KeepTogether, NextPageTemplate, PageBreak, Spacer

from plan_desktop.domain.text import format_date_vi
from plan_desktop.reports import charts
from plan_desktop.reports.layout import (
    LAND_WIDTH,
    TEXT_WIDTH,
    DocumentTemplate,
    Styles,
    closing_block,
    data_table,
    header_block,
    para,
    title_block,
)
from plan_desktop.reports.periodic import ReportData, Section, Table, unit_phrase

DATA_HASH_KEY = "/PlanDesktopDataSHA256"
DATA_HASH_VERSION_KEY = "/PlanDesktopDataHashVersion"


def _table(st: Styles, t: Table, avail: float, *, small: bool = False) -> list[Any]:
    out: list[Any] = []
    tbl = data_table(st, t.header, t.text_rows(), t.kinds, t.widths, avail, total=t.total is not None, small=small)
    caption = para(t.title, st.caption)
    # keep the caption with the table (or, for a long table, with its first rows): a table moves to
    # the next page only when little of it would fit at the bottom of this one
    rows = len(t.rows) + (t.total is not None)
    tall = any("\n" in str(v) for r in t.rows for v in r)
    if rows <= 14 and not tall:
        out.append(KeepTogether([caption, tbl]))
    else:
        out.append(CondPageBreak(min(45 + 20 * rows, 200)))
        out += [caption, tbl]
    if t.note:
        out.append(para(t.note, st.note))
    out.append(Spacer(1, 6))
    return out


def _section(st: Styles, data: ReportData, sec: Section) -> list[Any]:
    out: list[Any] = []
    head = para(sec.title, st.h1 if sec.level == 1 else st.h2)
    first = [head]
    paras = [para(p, st.body) for p in sec.paragraphs]
    if paras:
        first.append(paras.pop(0))
    # a heading with nothing under it (II.) goes with the next heading and its first lines
    out.append(CondPageBreak(60 if (sec.paragraphs or sec.tables) else 140))
    out.append(KeepTogether(first))
    out += paras
    for t in sec.tables:
        out += _table(st, t, TEXT_WIDTH)
    if sec.chart == "monthly" and data.monthly and any(v for _, v in data.monthly):
        out.append(charts.monthly_chart(data.monthly, TEXT_WIDTH,
                                        f"Số hoạt động truyền thông theo tháng, {data.scope.period.label_vi()}"))
        out.append(Spacer(1, 6))
    if sec.chart == "indicators":
        out.append(KeepTogether([charts.indicators_chart(
            data.indicators, TEXT_WIDTH, f"Các chỉ tiêu tỷ lệ (%) so với mục tiêu năm {data.scope.year}")]))
    return out


def story(data: ReportData, st: Styles | None = None) -> list[Any]:
    st = st or Styles()
    s: list[Any] = [header_block(st, data.agency, data.number_text, data.place_date)]
    s += title_block(st, "BÁO CÁO", data.subject, data.addressees)
    s.append(para(data.intro, st.body))
    for sec in data.sections:
        s += _section(st, data, sec)
    s.append(closing_block(st, data.recipients, data.signer_authority, data.signer_position, data.signer_name))
    number = data.number_text.removeprefix("Số: ").strip(" ")
    ref_no = f"số {number}"
    for appx in data.appendices:
        s.append(NextPageTemplate("landscape" if appx.landscape else "portrait"))
        s.append(PageBreak())
        avail = LAND_WIDTH if appx.landscape else TEXT_WIDTH
        s.append(para(f"Phụ lục {appx.number}", st.appx_number))
        s.append(para(appx.title, st.appx_title))
        s.append(para(f"(Kèm theo Báo cáo {ref_no} ngày {format_date_vi(data.report_date)} của "
                      f"Ủy ban nhân dân {unit_phrase(data.scope.unit)})", st.appx_ref))
        for k, t in enumerate(appx.tables, 1):
            if len(appx.tables) > 1:
                s.append(CondPageBreak(80))
                s.append(para(f"{k}. {t.title}", st.h2))
            tbl = data_table(st, t.header, t.text_rows(), t.kinds, t.widths, avail, total=t.total is not None,
                             small=len(t.header) > 8)
            s.append(tbl)
            if t.note:
                s.append(para(t.note, st.note))
            s.append(Spacer(1, 8))
    return s


def render_pdf(data: ReportData, target: str | Path | io.BytesIO) -> None:
    """Write the report to ``target`` (a path or a binary buffer)."""
    doc = DocumentTemplate(
        str(target) if isinstance(target, Path) else target,
        title=data.title, author=data.agency[-1].title() if data.agency else "", subject=data.subject,
        keywords=data.keywords, extra_info={DATA_HASH_KEY[1:]: data.data_hash,
                                               DATA_HASH_VERSION_KEY[1:]: str(data.data_hash_version)},
    )
    doc.build(story(data))


def pdf_bytes(data: ReportData) -> bytes:
    buf = io.BytesIO()
    render_pdf(data, buf)
    return buf.getvalue()
