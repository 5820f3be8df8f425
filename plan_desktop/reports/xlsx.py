"""The report's tables as an XLSX workbook (openpyxl), for officers who keep working in Excel.

Same numbers as the PDF (the same :class:`~plan_desktop.reports.periodic.ReportData`), written as
numbers (not text) so that Excel can add them up; shown with thousands separators. Dates are date
cells; text is always a text cell (a name starting with «=» is never run as a formula). Every sheet
prints on A4, fitted to the page's width, its header row repeated on each page, and each row is as
high as its wrapped text needs (openpyxl cannot measure text: estimated from the column widths).
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from plan_desktop.domain.text import FORMULA_START
from plan_desktop.reports.periodic import ReportData, Table

_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_FONT = "Times New Roman"


def _sheet_name(title: str, used: set[str]) -> str:
    name = re.sub(r"[\[\]\*\?/\\:]", " ", title)[:31].strip() or "Bảng"
    base, n = name, 2
    while name in used:
        suffix = f" ({n})"
        name = base[: 31 - len(suffix)] + suffix
        n += 1
    used.add(name)
    return name


_LINE_PT = 15.0  # one line of 11-point Times New Roman, with its leading


def _put(ws: Any, row: int, column: int, value: Any) -> Any:
    """A cell holding ``value``: text always as text (never a formula, no character Excel refuses)."""
    cell = ws.cell(row=row, column=column)
    if isinstance(value, str):
        cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell.data_type = "s"
        if value.startswith(FORMULA_START):
            cell.quotePrefix = True
    else:
        cell.value = value
    return cell


def _as_date(v: Any) -> Any:
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, date) or not isinstance(v, str):
        return v
    try:
        return date.fromisoformat(v[:10])
    except ValueError:
        return v


def _write_table(ws: Any, row: int, t: Table, *, caption: str | None = None) -> int:
    """Write ``t`` from ``row``; returns the next free row. The header row's number is kept in
    ``ws._header_rows`` (the first one is repeated on every printed page)."""
    if caption:
        _put(ws, row, 1, caption).font = Font(name=_FONT, bold=True, size=12)
        row += 1
    ws.__dict__.setdefault("_header_rows", []).append(row)
    for c, h in enumerate(t.header, 1):
        cell = _put(ws, row, c, h)
        cell.font = Font(name=_FONT, bold=True, size=11)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = _BORDER
    row += 1
    body = list(t.rows) + ([t.total] if t.total is not None else [])
    for i, r in enumerate(body):
        is_total = t.total is not None and i == len(body) - 1
        for c, (v, kind) in enumerate(zip(r, t.kinds, strict=False), 1):
            value: Any = v
            if kind in ("int", "money") and isinstance(v, (int, float)):
                value = int(v) if float(v).is_integer() else v
            elif kind == "date":
                value = _as_date(v)
            elif kind == "percent" and isinstance(v, (int, float)):
                value = v / 100
            elif v is None:
                value = None
            cell = _put(ws, row, c, value)
            cell.font = Font(name=_FONT, size=11, bold=is_total)
            cell.border = _BORDER
            if kind in ("int", "money"):
                cell.number_format = "#,##0"
            elif kind == "percent":
                cell.number_format = "0.0%"
            elif kind in ("center", "date"):
                cell.alignment = Alignment(horizontal="center", vertical="top", wrap_text=True)
                if isinstance(value, date):
                    cell.number_format = "dd/mm/yyyy"
            else:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        row += 1
    if t.note:
        _put(ws, row, 1, t.note).font = Font(name=_FONT, italic=True, size=11)
        row += 1
    return row + 1


def _fit_rows(ws: Any) -> None:
    """Each row as high as its wrapped text needs in its column (an estimate: openpyxl cannot measure
    text, and Excel does not grow rows of a file it opens); one-line rows keep the default height."""
    widths = {k: d.width for k, d in ws.column_dimensions.items() if d.width}
    for row in ws.iter_rows():
        lines = 1
        for cell in row:
            if not isinstance(cell.value, str) or not cell.value or not (cell.alignment and cell.alignment.wrap_text):
                continue
            width = widths.get(cell.column_letter, 9.0)
            per_line = max(1.0, width * 1.15 - 1)  # characters of Times 11 in a column of that width
            bold = 1.1 if cell.font is not None and cell.font.b else 1.0
            n = sum(max(1, math.ceil(len(part) * bold / per_line)) for part in cell.value.split("\n"))
            lines = max(lines, n)
        if lines > 1:
            ws.row_dimensions[row[0].row].height = lines * _LINE_PT + 3


def _page_setup(ws: Any) -> None:
    """A4, fitted to one page's width (as many pages down as needed), the first header row repeated."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if ws.max_column > 6 else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    headers = ws.__dict__.get("_header_rows") or [1]
    ws.print_title_rows = f"{headers[0]}:{headers[0]}"
    ws.oddFooter.center.text = "Trang &P/&N"


def _widths(ws: Any, tables: list[Table]) -> None:
    widths: dict[int, float] = {}
    for t in tables:
        rel = t.widths or [1.0] * len(t.header)
        for i, w in enumerate(rel, 1):
            widths[i] = max(widths.get(i, 0), min(60, 9 + 11 * w))
    for i, w in widths.items():
        ws.column_dimensions[get_column_letter(i)].width = w


def build_workbook(data: ReportData) -> Workbook:
    wb = Workbook()
    used: set[str] = set()
    ws = wb.active
    ws.title = _sheet_name("Tổng hợp", used)
    _put(ws, 1, 1, " ".join(data.agency)).font = Font(name=_FONT, bold=True, size=12)
    _put(ws, 2, 1, f"Báo cáo {data.subject[0].lower()}{data.subject[1:]}").font = Font(name=_FONT, bold=True, size=13)
    _put(ws, 3, 1, data.place_date).font = Font(name=_FONT, italic=True, size=11)
    _put(ws, 4, 1, data.keywords).font = Font(name=_FONT, size=9, color="808080")
    row = 6
    tables: list[Table] = []
    for sec in data.sections:
        if sec.title.startswith("8.") or not sec.tables:
            continue
        for t in sec.tables:
            row = _write_table(ws, row, t, caption=f"{sec.title} — {t.title}")
            tables.append(t)
    _widths(ws, tables)

    # indicators, as numbers
    wi = wb.create_sheet(_sheet_name("Chỉ tiêu", used))
    head = ["TT", "Chỉ tiêu", "Nội dung chỉ tiêu", f"Mục tiêu năm {data.scope.year}", "Kết quả", "Đơn vị",
            "Đánh giá", "Tử số", "Mẫu số", "Ghi chú", "Trạng thái", "Tính đến ngày"]
    unit_vi = {"percent": "%", "count": "số lượng", "months": "tháng"}
    ind_rows = [[str(n), i.short_label or i.label, i.label, i.target_text, i.value, unit_vi.get(i.unit, i.unit),
                 i.met_text, i.numerator, i.denominator, i.detail, i.status, i.as_of]
                for n, i in enumerate(data.indicators, 1)]
    label = data.indicators[0].period_label if data.indicators else f"năm {data.scope.year}"
    it = Table(f"Kết quả thực hiện chỉ tiêu {label}", head,
               ["center", "text", "text", "center", "num", "center", "center", "num", "num", "text", "center",
                "center"], ind_rows,
               widths=[0.4, 2, 4, 1, 0.8, 0.7, 0.8, 0.6, 0.6, 4, 0.9, 0.9])
    _write_table(wi, 1, it, caption=it.title)
    for r in range(3, 3 + len(ind_rows)):
        wi.cell(row=r, column=5).number_format = "0.0"
    _widths(wi, [it])

    for appx in data.appendices:
        wa = wb.create_sheet(_sheet_name(f"Phụ lục {appx.number}", used))
        _put(wa, 1, 1, f"Phụ lục {appx.number}. {appx.title}").font = Font(name=_FONT, bold=True, size=12)
        row = 3
        for t in appx.tables:
            row = _write_table(wa, row, t, caption=t.title if len(appx.tables) > 1 else None)
        _widths(wa, appx.tables)
    for sheet in wb.worksheets:
        _fit_rows(sheet)
        _page_setup(sheet)
    return wb


def write_xlsx(data: ReportData, path: str | Path) -> None:
    build_workbook(data).save(str(path))
