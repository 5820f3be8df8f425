"""``records import`` and ``records list``."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from plan_desktop.commands.common import EXIT_ERROR, EXIT_OK, CliError, open_installation, out
from plan_desktop.domain.forms import COMMON_FIELDS, FieldDef
from plan_desktop.domain.text import protect_formula


def register(sub) -> None:
    from plan_desktop.commands.common import Parser

    s = sub.add_parser("records", help="nhập, xem danh sách bản ghi")
    rsub = s.add_subparsers(dest="records_command", metavar="LỆNH", parser_class=Parser, required=True)
    r = rsub.add_parser("import", help="nhập bản ghi từ tệp CSV hoặc XLSX (tất cả hoặc không)")
    r.add_argument("form", metavar="BIỂU_MẪU", help="mã biểu mẫu (xem «plan-desktop forms»)")
    r.add_argument("file", metavar="TỆP", type=Path, help="tệp .csv hoặc .xlsx")
    r.set_defaults(handler=cmd_import)
    r = rsub.add_parser("list", help="liệt kê bản ghi")
    r.add_argument("form", metavar="BIỂU_MẪU", help="mã biểu mẫu (xem «plan-desktop forms»)")
    r.add_argument("--period", metavar="KỲ", help="kỳ: 2016, 2016-H1, 2016-Q3, 2016-07")
    r.add_argument("--search", default="", metavar="CHỮ", help="tìm không phân biệt hoa thường và dấu")
    r.add_argument("--unit", metavar="MÃ", help="chỉ bản ghi của một đơn vị")
    r.add_argument("--format", choices=("table", "csv", "json"), default="table",
                   help="dạng in ra: table (bảng, mặc định), csv (mở bằng Excel), json")
    r.add_argument("--deleted", action="store_true", help="gồm cả bản ghi đã xóa")
    r.set_defaults(handler=cmd_list)


def cmd_import(args: argparse.Namespace) -> int:
    from plan_desktop.services.tabular import import_file

    with open_installation(args) as inst:
        form = inst.store.forms[args.form]
        result = import_file(inst.records(), form.id, args.file)
        if not result.ok:
            sys.stderr.write(f"Không nhập tệp {args.file.name}: có {len(result.errors)} lỗi, chưa ghi bản ghi nào.\n")
            for e in result.errors[:200]:
                sys.stderr.write(f"  {e}\n")
            if len(result.errors) > 200:
                sys.stderr.write(f"  … và {len(result.errors) - 200} lỗi khác.\n")
            return EXIT_ERROR
        unchanged = result.rows - result.created - result.updated
        out(f"Đã nhập {result.created + result.updated} bản ghi «{form.label}» "
            f"(mới: {result.created}, cập nhật: {result.updated}, không đổi: {unchanged}).")
    return EXIT_OK


def json_value(fd: FieldDef, value: Any) -> Any:
    if value is None:
        return [] if fd.is_multi else None
    if fd.type == "date":
        return value.isoformat()
    return value


def csv_value(fd: FieldDef, value: Any) -> Any:
    if value is None:
        return ""
    if fd.is_multi:
        return ";".join(value)
    if fd.type == "bool":
        return "1" if value else "0"
    if fd.type == "date":
        return value.isoformat()
    if isinstance(value, str):
        return protect_formula(value)
    return value


def cmd_list(args: argparse.Namespace) -> int:
    from plan_desktop.store import Query

    with open_installation(args) as inst:
        form = inst.store.forms[args.form]
        start = end = None
        if args.period:
            start, end = inst.period_bounds(args.period)
        if args.unit:
            _require_unit(inst, args.unit)
        q = Query(unit_code=args.unit, start=start, end=end, search=args.search, include_deleted=args.deleted)
        rows = [inst.store.to_values(form, r) for r in inst.store.rows(form, q)]
        if args.format == "json":
            objs = [{**{c: v[c] for c in COMMON_FIELDS}, **{f.name: json_value(f, v[f.name]) for f in form.fields}}
                    for v in rows]
            out(json.dumps(objs, ensure_ascii=False, indent=1))
        elif args.format == "csv":
            sys.stdout.write("\ufeff")  # the BOM: Excel then reads the file as UTF-8, marks intact
            w = csv.writer(sys.stdout, lineterminator="\n")
            w.writerow([*COMMON_FIELDS, *form.field_names])
            for v in rows:
                w.writerow([*(v[c] for c in COMMON_FIELDS), *(csv_value(f, v[f.name]) for f in form.fields)])
        else:
            _table(inst, form, rows)
    return EXIT_OK


def _require_unit(inst, code: str) -> None:
    """``--unit``: this unit or one below it, else a message (never an empty list that looks like no data)."""
    years = range(2000, inst.working_year + 2)
    known = any(inst.units.get(code, date(y, 12, 31)) is not None for y in years)
    if not known:
        raise CliError(f"Không có đơn vị nào mã «{code}». Tra mã bằng «plan-desktop units TÊN».")
    if code != inst.unit_code and not any(
            inst.units.is_ancestor(inst.unit_code, code, date(y, 12, 31)) for y in years):
        raise CliError(f"Đơn vị mã {code} không trực thuộc đơn vị {inst.unit_code}; "
                       "ở đây không có bản ghi của đơn vị đó.")


def _table(inst, form, rows: list[dict[str, Any]]) -> None:
    cols = form.columns_for_list()
    show_unit = inst.level.value != "commune"
    header = (["Đơn vị"] if show_unit else []) + [c.label for c in cols]
    table = [header]
    for v in rows:
        line = [v["unit_code"]] if show_unit else []
        line += [c.display(v[c.name]) for c in cols]
        table.append([s.replace("\n", " ")[:40] for s in line])
    widths = [max(len(r[i]) for r in table) for i in range(len(header))]
    for i, r in enumerate(table):
        out("  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip())
        if i == 0:
            out("  ".join("-" * w for w in widths))
    out(f"({len(rows)} bản ghi)")
