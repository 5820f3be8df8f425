"""The report's tables as an XLSX workbook (openpyxl), for officers who keep working in Excel.

Same numbers as the PDF (the same :class:`~plan_desktop.reports.periodic.ReportData`), written as
numbers (not text) so that Excel can add them up; shown with thousands separators.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

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


def _write_table(ws: Any, row: int, t: Table, *, caption: str | None = None) -> int:
    """Write ``t`` from ``row``; returns the next free row."""
    if caption:
        ws.cell(row=row, column=1, value=caption).font = Font(name=_FONT, bold=True, size=12)
        row += 1
    for c, h in enumerate(t.header, 1):
        cell = ws.cell(row=row, column=c, value=h)
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
                value = t.cell_text(v, kind)
            elif kind == "percent" and isinstance(v, (int, float)):
                value = v / 100
            elif v is None:
                value = None
            cell = ws.cell(row=row, column=c, value=value)
            cell.font = Font(name=_FONT, size=11, bold=is_total)
            cell.border = _BORDER
            if kind in ("int", "money"):
                cell.number_format = "#,##0"
            elif kind == "percent":
                cell.number_format = "0.0%"
            elif kind in ("center", "date"):
                cell.alignment = Alignment(horizontal="center", vertical="top")
            else:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        row += 1
    if t.note:
        ws.cell(row=row, column=1, value=t.note).font = Font(name=_FONT, italic=True, size=11)
        row += 1
    return row + 1


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
    ws["A1"] = " ".join(data.agency)
    ws["A1"].font = Font(name=_FONT, bold=True, size=12)
    ws["A2"] = f"Báo cáo {data.subject[0].lower()}{data.subject[1:]}"
    ws["A2"].font = Font(name=_FONT, bold=True, size=13)
    ws["A3"] = data.place_date
    ws["A3"].font = Font(name=_FONT, italic=True, size=11)
    ws["A4"] = data.keywords
    ws["A4"].font = Font(name=_FONT, size=9, color="808080")
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
    head = ["TT", "Mã chỉ tiêu", "Chỉ tiêu", f"Mục tiêu năm {data.scope.year}", "Kết quả", "Đơn vị", "Đánh giá",
            "Tử số", "Mẫu số", "Ghi chú", "Trạng thái", "Tính đến ngày"]
    unit_vi = {"percent": "%", "count": "số lượng", "months": "tháng"}
    ind_rows = [[str(n), i.id, i.label, i.target_text, i.value, unit_vi.get(i.unit, i.unit), i.met_text, i.numerator,
                 i.denominator, i.detail, i.status, i.as_of.strftime("%d/%m/%Y") if i.as_of else ""]
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
        wa["A1"] = f"Phụ lục {appx.number}. {appx.title}"
        wa["A1"].font = Font(name=_FONT, bold=True, size=12)
        row = 3
        for t in appx.tables:
            row = _write_table(wa, row, t, caption=t.title if len(appx.tables) > 1 else None)
        _widths(wa, appx.tables)
    return wb


def write_xlsx(data: ReportData, path: str | Path) -> None:
    build_workbook(data).save(str(path))
