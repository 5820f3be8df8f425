"""Use case: the periodic report of the installation's unit (or a unit below it) for a period.

Builds the report data from the store, keeps the officer's texts of sections III–V (and the
document number and date) as a draft in the settings table (key ``report_draft:<period>``, or
``report_draft:<period>:<unit>`` for a unit other than the installation's own), and writes the PDF
and XLSX. No Qt here: the window and the command line both call these functions.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from plan_desktop.domain.periods import Period
from plan_desktop.domain.plan import plan_for
from plan_desktop.domain.text import nfc
from plan_desktop.reports.indicators import IndicatorValue, compute_indicators
from plan_desktop.reports.periodic import DRAFT_SECTIONS, TEXT_KEYS, ReportData, build_report
from plan_desktop.reports.scope import ReportError, make_scope, report_data_hash
from plan_desktop.store import utc_now

if TYPE_CHECKING:
    from plan_desktop.services.installation import Installation

__all__ = [
    "DRAFT_FIELDS",
    "ReportError",
    "ReportResult",
    "build",
    "check_ready",
    "draft_key",
    "indicators",
    "load_draft",
    "load_text_file",
    "make_report",
    "report_data_hash",
    "save_draft",
    "with_signature_fields",
]

#: What a draft holds: the three officer-written sections, the document number and date, addressees.
DRAFT_FIELDS = (*DRAFT_SECTIONS, "number", "date", "addressees")


def draft_key(inst: Installation, period: str | Period, unit_code: str | None = None) -> str:
    p = str(Period.parse(period))
    if unit_code and unit_code != inst.unit_code:
        return f"report_draft:{p}:{unit_code}"
    return f"report_draft:{p}"


def load_draft(inst: Installation, period: str | Period, unit_code: str | None = None) -> dict[str, str]:
    raw = inst.store.get_setting(draft_key(inst, period, unit_code), {}) or {}
    return {k: str(raw.get(k) or "") for k in DRAFT_FIELDS}


def save_draft(inst: Installation, period: str | Period, draft: dict[str, Any], unit_code: str | None = None) -> None:
    """Keep the officer's texts (NFC, trimmed) for ``period``; unknown keys are ignored."""
    clean = {k: nfc(str(draft.get(k) or "")).strip() for k in DRAFT_FIELDS}
    if clean["date"]:
        try:
            date.fromisoformat(clean["date"])
        except ValueError:
            raise ReportError(f"Ngày báo cáo «{clean['date']}» không hợp lệ; dùng dạng YYYY-MM-DD.",
                              en=f"The report date «{clean['date']}» is not valid; use the form YYYY-MM-DD.") from None
    clean["updated_at"] = utc_now()
    inst.store.set_settings({draft_key(inst, period, unit_code): clean})


def load_text_file(path: Path) -> dict[str, str]:
    """Sections III–V from a UTF-8 TOML file with keys ``assessment``, ``next_steps``, ``proposals``."""
    import tomllib

    path = Path(path)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ReportError(f"Không tìm thấy tệp nội dung «{path}».",
                          en=f"The text file «{path}» was not found.") from None
    except UnicodeDecodeError:
        raise ReportError(f"Tệp «{path.name}» không phải văn bản UTF-8.",
                          en=f"The file «{path.name}» is not UTF-8 text.") from None
    except tomllib.TOMLDecodeError as exc:
        raise ReportError(f"Tệp «{path.name}» không đúng định dạng TOML: {exc}.",
                          en=f"The file «{path.name}» is not valid TOML: {exc}.") from None
    unknown = sorted(set(raw) - set(TEXT_KEYS))
    if unknown:
        raise ReportError(f"Tệp «{path.name}» có mục không dùng được: {', '.join(unknown)}; "
                          f"chỉ dùng {', '.join(TEXT_KEYS)}.",
                          en=f"The file «{path.name}» has entries that cannot be used: {', '.join(unknown)}; "
                             f"only {', '.join(TEXT_KEYS)} are allowed.")
    out = {}
    for key, section in TEXT_KEYS.items():
        value = raw.get(key, "")
        if not isinstance(value, str):
            raise ReportError(f"Mục «{key}» trong tệp «{path.name}» phải là một đoạn văn bản (chuỗi TOML).",
                              en=f"The entry «{key}» in the file «{path.name}» must be a piece of text (a TOML "
                                 "string).")
        out[section] = nfc(value).strip()
    return out


def check_ready(data: ReportData, file_name: str = "") -> None:
    """Refuse (naming each gap) a report whose sections III–V are empty or the hint, or that has no
    signer's name: such a report is not signed."""
    from plan_desktop.signing.placement import unfinished_texts

    if data.unfinished:
        vi, en = unfinished_texts(data.unfinished, file_name)
        raise ReportError(vi, en=en)


def _report_date(draft: dict[str, str], override: date | None) -> date | None:
    if override:
        return override
    if draft.get("date"):
        try:
            return date.fromisoformat(draft["date"])
        except ValueError:
            return None
    return None


def build(inst: Installation, period: str | Period, unit_code: str | None = None, *,
          report_date: date | None = None, draft: dict[str, str] | None = None) -> ReportData:
    """The report data of ``period`` with the stored draft (or ``draft`` as being edited)."""
    d = draft if draft is not None else load_draft(inst, period, unit_code)
    when = _report_date(d, report_date)
    check_period(inst, period, unit_code, when or date.today())
    return build_report(inst.report_context(), period, unit_code, drafts=d, report_date=when,
                        number=d.get("number") or None)


def check_period(inst: Installation, period: str | Period, unit_code: str | None, report_date: date) -> None:
    """Refuse a period outside the plan's years (from the plan file), a period ending before the unit
    existed, and a report dated before the period's end (with the installation's cut-off)."""
    p = Period.parse(period)
    plan = plan_for(inst.store.get_setting)
    if p.year not in plan.years:
        raise ReportError(
            f"Kỳ {p.label_vi()} nằm ngoài thời gian của Kế hoạch {plan.number} ({plan.first_year}–{plan.last_year}); "
            "không lập báo cáo cho kỳ này.",
            en=f"Period {p} is outside the plan {plan.number} ({plan.first_year}–{plan.last_year}).")
    _start, end = inst.period_bounds(p)
    code = (unit_code or inst.unit_code).strip()
    versions = inst.units.versions(code)
    if versions and all(v.valid_from > end for v in versions):
        first = min(versions, key=lambda v: v.valid_from)
        raise ReportError(
            f"{first.name} (mã {code}) được thành lập từ ngày {first.valid_from:%d/%m/%Y}, sau khi kỳ {p.label_vi()} "
            f"kết thúc ({end:%d/%m/%Y}): đơn vị chưa có trong kỳ này nên không lập được báo cáo.",
            en=f"{first.name} ({code}) was established on {first.valid_from:%d/%m/%Y}, after period {p} ended.")
    if report_date < end:
        raise ReportError(
            f"Ngày báo cáo {report_date:%d/%m/%Y} trước ngày kết thúc kỳ {p.label_vi()} ({end:%d/%m/%Y}, theo cách "
            "tính kỳ trong Cài đặt); báo cáo chỉ lập từ ngày kết thúc kỳ trở đi.",
            en=f"Report date {report_date:%d/%m/%Y} is before the end of period {p} ({end:%d/%m/%Y}).")


@dataclass(frozen=True)
class ReportResult:
    data: ReportData
    pdf: Path | None
    xlsx: Path | None
    seconds: float


def with_signature_fields(pdf: Path) -> None:
    """Give a report PDF its empty signature fields (officer, signer, agency) where it declares them,
    so that the first signature may allow only form filling and later signatures (DocMDP)."""
    from plan_desktop.reports.layout import AGENCY_SIGNATURE_FIELD, CHAIRMAN_SIGNATURE_FIELD, OFFICER_SIGNATURE_FIELD
    from plan_desktop.signing.errors import SigningError
    from plan_desktop.signing.sign import add_signature_fields

    try:
        data = add_signature_fields(pdf.read_bytes(), [OFFICER_SIGNATURE_FIELD, CHAIRMAN_SIGNATURE_FIELD,
                                                       AGENCY_SIGNATURE_FIELD])
    except SigningError:  # no pyHanko: the report is still a report, signing says what is missing
        return
    pdf.write_bytes(data)


def make_report(inst: Installation, period: str | Period, *, out: Path | None = None, xlsx: Path | None = None,
                unit_code: str | None = None, report_date: date | None = None,
                texts: dict[str, str] | None = None, number: str | None = None,
                require_ready: bool = False, shown_as: Path | None = None) -> ReportResult:
    """Write the PDF (and/or the XLSX) of the report of ``period``. ``texts`` (sections III–V, e.g. from
    :func:`load_text_file`) and ``number`` go over the stored draft; ``require_ready`` refuses, before
    anything is written, a report that may not be signed (:func:`check_ready`)."""
    from plan_desktop.reports.layout import register_fonts
    from plan_desktop.reports.pdf import render_pdf
    from plan_desktop.reports.xlsx import write_xlsx

    t0 = time.perf_counter()
    if out is not None:
        register_fonts()  # a missing font file is said before anything is computed or written
    draft = load_draft(inst, period, unit_code)
    draft.update({k: v for k, v in (texts or {}).items() if v})
    if number is not None:
        draft["number"] = number
    data = build(inst, period, unit_code, report_date=report_date, draft=draft)
    if require_ready:
        check_ready(data, (shown_as or out).name if (shown_as or out) is not None else "")
    for p in (out, xlsx):
        if p is not None and not p.parent.exists():
            raise ReportError(f"Thư mục «{p.parent}» không tồn tại; không ghi được tệp {p.name}.",
                              en=f"The folder «{p.parent}» does not exist; the file {p.name} cannot be written.")
    if out is not None:
        tmp = out.with_name(out.name + ".tmp")
        try:
            render_pdf(data, tmp)
            with_signature_fields(tmp)
            tmp.replace(out)
        finally:
            tmp.unlink(missing_ok=True)
    if xlsx is not None:
        write_xlsx(data, xlsx)
    return ReportResult(data, out, xlsx, time.perf_counter() - t0)


def indicators(inst: Installation, year: int, unit_code: str | None = None, *,
               period: str | Period | None = None) -> list[IndicatorValue]:
    """The plan indicators of ``year`` (or of ``period``: a half-year, quarter or month counts only what
    is dated inside it, as its report does) for ``unit_code`` (default: the installation's unit)."""
    if period is not None:
        ctx = inst.report_context()
        scope = make_scope(ctx, period, unit_code)
        return compute_indicators(ctx, scope.year, unit_code, scope=scope)
    return compute_indicators(inst.report_context(), year, unit_code)
