"""``dhis2 metadata`` and ``dhis2 data``: files a DHIS2 administrator loads as they are."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from plan_desktop.commands.common import EXIT_OK, CliError, open_installation, out


def register(sub) -> None:
    s = sub.add_parser("dhis2",
                       help="tệp cho DHIS2 (hệ thống quốc gia): danh mục (metadata) và số liệu (dataValueSets)")
    dsub = s.add_subparsers(dest="dhis2_command", metavar="LỆNH", required=True, parser_class=type(s))
    m = dsub.add_parser("metadata", help="danh mục: phần tử dữ liệu, chỉ số, bộ dữ liệu, cây đơn vị hành chính")
    m.add_argument("--out", required=True, metavar="TỆP.json", help="tệp JSON ghi ra")
    m.add_argument("--unit", metavar="MÃ", help="gốc của cây đơn vị (mặc định: tỉnh của Kế hoạch)")
    m.set_defaults(handler=cmd_metadata)
    d = dsub.add_parser("data", help="số liệu một kỳ của đơn vị và mọi đơn vị cấp dưới (dataValueSet)")
    d.add_argument("--period", required=True, metavar="KỲ", help="2016, 2016-H1, 2016-Q3, 2016-07")
    d.add_argument("--unit", metavar="MÃ", help="mã đơn vị (mặc định: đơn vị của thư mục dữ liệu)")
    d.add_argument("--out", required=True, metavar="TỆP.json", help="tệp JSON ghi ra")
    d.set_defaults(handler=cmd_data)


def write_json(path: str | Path, text: str) -> Path:
    """Write ``text`` to ``path`` whole or not at all (a temporary file beside it, then renamed)."""
    target = Path(path)
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        tmp.write_text(text + "\n", encoding="utf-8")
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise CliError(f"Không ghi được tệp {target}: {exc.strerror or exc}.") from None
    return target


def cmd_metadata(args: argparse.Namespace) -> int:
    from plan_desktop.domain.plan import plan_for
    from plan_desktop.reports.dhis2 import dumps, metadata

    with open_installation(args) as inst:
        plan = plan_for(inst.store.get_setting)
        top = (args.unit or plan.province_code or inst.unit_code).strip()
        if not inst.units.versions(top):
            raise CliError(f"Không tìm thấy đơn vị hành chính có mã {top}.")
        meta = metadata(plan, inst.units, top)
    path = write_json(args.out, dumps(meta))
    out(f"Đã ghi danh mục DHIS2: {len(meta['dataElements'])} phần tử dữ liệu, {len(meta['indicators'])} chỉ số, "
        f"{len(meta['dataSets'])} bộ dữ liệu, {len(meta['organisationUnits'])} đơn vị — {path}")
    return EXIT_OK


def cmd_data(args: argparse.Namespace) -> int:
    from plan_desktop.reports.dhis2 import ID_SCHEME, data_value_set, dumps

    with open_installation(args) as inst:
        dvs = data_value_set(inst, args.period, args.unit)
    path = write_json(args.out, dumps(dvs))
    out(f"Đã ghi số liệu DHIS2 kỳ {dvs['period']}: {len(dvs['dataValues'])} giá trị — {path}")
    out(f"Nạp vào DHIS2: POST /api/dataValueSets?{ID_SCHEME}")
    return EXIT_OK
