"""The periodic report as a PDF in the official layout (content from :mod:`periodic`, layout from
:mod:`layout`)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, NextPageTemplate, PageBreak, Paragraph, Spacer

from plan_desktop.reports import charts
from plan_desktop.reports.layout import (
    AGENCY_SIGNATURE_FIELD,
    FONT_ITALIC,
    LAND_WIDTH,
    PAGE,
    TEXT_WIDTH,
    AppendixStart,
    DocumentTemplate,
    FieldLine,
    QrStamp,
    Styles,
    closing_block,
    data_table,
    date_parts,
    header_block,
    number_parts,
    para,
    title_block,
)
from plan_desktop.reports.periodic import ReportData, Section, Table, unit_phrase
from plan_desktop.signing import qr
from plan_desktop.signing.placement import INFO_KEY, REPORT_KEY, SIGNER_KEY, UNFINISHED_KEY, declaration

DATA_HASH_KEY = "/PlanDesktopDataSHA256"
#: the unit's audit chain head (``seq:hash``, store/audit.chain_head) when the report was made
AUDIT_HEAD_KEY = "/PlanDesktopAuditHead"
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


def qr_payload(data: ReportData) -> str:
    """What the QR code on the last page carries: unit, period, number, date and the data hash."""
    return qr.qr_payload(data.scope.unit.code, str(data.scope.period), data.number, data.report_date,
                         data.data_hash)


def story(data: ReportData, st: Styles | None = None) -> list[Any]:
    st = st or Styles()
    place = data.place_date.split(",")[0]
    # a number given now prints as text; without one, number and date are form fields the clerk fills
    # when issuing (the signer's signature allows exactly that)
    fields = not data.number
    s: list[Any] = [header_block(st, data.agency, number_parts(data.number) if fields else data.number_text,
                                 date_parts(place, data.report_date) if fields else data.place_date)]
    s += title_block(st, "BÁO CÁO", data.subject, data.addressees)
    s.append(para(data.intro, st.body))
    for sec in data.sections:
        s += _section(st, data, sec)
    # the signature block never stands alone on a page: the last paragraph goes with it
    keep = [s.pop()] if s and isinstance(s[-1], (Paragraph, KeepTogether)) else []
    s.append(closing_block(st, data.recipients, data.signer_authority, data.signer_position, data.signer_name,
                           keep=keep, seal=data.seal))
    unit = unit_phrase(data.scope.unit).replace(" ", "\u00a0")  # never broken inside the unit's name
    for appx in data.appendices:
        s.append(NextPageTemplate("landscape" if appx.landscape else "portrait"))
        s.append(AppendixStart())
        s.append(PageBreak())
        avail = LAND_WIDTH if appx.landscape else TEXT_WIDTH
        s.append(para(f"Phụ lục {appx.number}", st.appx_number))
        s.append(para(appx.title, st.appx_title))
        if fields:
            s.append(FieldLine(["(Kèm theo Báo cáo số ", *number_parts(data.number)[1:], " ngày ",
                                *date_parts("", data.report_date)[1:]], FONT_ITALIC, st.appx_ref.fontSize,
                               st.appx_ref.leading))
        else:
            d = data.report_date  # «ngày 05 tháng 01 năm 2017», as the header's date line writes it
            month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
            s.append(para(f"(Kèm theo Báo cáo số {data.number}/BC-UBND ngày {d.day:02d} tháng {month} năm {d.year}",
                          st.appx_ref))
        s.append(para(f"của Ủy ban nhân dân {unit})", st.appx_ref))
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
    s.append(QrStamp(qr_payload(data), field=fields))
    return s




def agency_box(seal: bool) -> str:
    """Where the agency's signature goes: over the left third of the chairman's signature when the
    unit has a seal image, else a small text stamp in the top margin of page 1 (the usual place of
    the issuing agency's signature on an electronic document)."""
    if seal:
        return ""  # declared by the signature block itself (``closing_block``)
    w, h = PAGE
    return declaration(AGENCY_SIGNATURE_FIELD, 0, (w - 15 * mm - 62 * mm, h - 18 * mm, w - 15 * mm, h - 4 * mm))


def author_of(data: ReportData) -> str:
    """The unit's name as it is written: «Ủy ban nhân dân xã Đồng Lý»."""
    return f"Ủy ban nhân dân {unit_phrase(data.scope.unit)}"


def render_pdf(data: ReportData, target: str | Path | io.BytesIO) -> None:
    """Write the report to ``target`` (a path or a binary buffer)."""
    info = {DATA_HASH_KEY[1:]: data.data_hash, DATA_HASH_VERSION_KEY[1:]: str(data.data_hash_version),
            UNFINISHED_KEY: ",".join(data.unfinished) or "-",
            SIGNER_KEY: data.signer_name,
            REPORT_KEY: f"{data.scope.unit.code}|{data.scope.period}|{data.report_date.isoformat()}|{data.number}"}
    if data.audit_head:
        info[AUDIT_HEAD_KEY[1:]] = data.audit_head
    agency = agency_box(data.seal)
    if agency:
        info[INFO_KEY] = agency
    doc = DocumentTemplate(
        str(target) if isinstance(target, Path) else target,
        title=data.title, author=author_of(data), subject=data.subject,
        keywords=data.keywords, extra_info=info,
    )
    doc.build(story(data))


def pdf_bytes(data: ReportData) -> bytes:
    buf = io.BytesIO()
    render_pdf(data, buf)
    return buf.getvalue()
