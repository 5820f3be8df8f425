"""``init``, ``demo``, ``check``, ``forms``, ``units``."""

from __future__ import annotations

import argparse
import sys
from datetime import date

from plan_desktop import paths
from plan_desktop.commands.common import EXIT_ERROR, EXIT_OK, CliError, data_folder, level_vi, open_installation, out


def register(sub) -> None:
    s = sub.add_parser("init", help="thiết lập thư mục dữ liệu cho một đơn vị")
    s.add_argument("--unit", required=True, metavar="MÃ", help="mã đơn vị hành chính (xã, huyện hoặc tỉnh)")
    s.add_argument("--officer", default="", metavar="TÊN", help="họ và tên cán bộ")
    s.add_argument("--title", default="", metavar="CHỨC_VỤ", help="chức vụ của cán bộ")
    s.set_defaults(handler=cmd_init)

    s = sub.add_parser("demo", help="tạo dữ liệu mẫu một năm cho đơn vị (và các đơn vị cấp dưới)")
    s.add_argument("--unit", metavar="MÃ", help="thiết lập thư mục cho đơn vị này trước, nếu chưa thiết lập")
    s.add_argument("--year", type=int, metavar="NĂM")
    s.add_argument("--seed", type=int, default=1295)
    s.set_defaults(handler=cmd_demo)

    s = sub.add_parser("check", help="kiểm tra toàn vẹn tệp dữ liệu và nhật ký thay đổi")
    s.set_defaults(handler=cmd_check)

    s = sub.add_parser("forms", help="liệt kê các biểu mẫu và trường")
    s.add_argument("form", nargs="?", metavar="BIỂU_MẪU")
    s.set_defaults(handler=cmd_forms)

    s = sub.add_parser("units", help="tra cứu đơn vị hành chính")
    s.add_argument("search", nargs="?", default="", metavar="CHỮ")
    s.add_argument("--on", metavar="NGÀY", help="ngày hiệu lực (YYYY-MM-DD), mặc định cuối năm làm việc")
    s.set_defaults(handler=cmd_units)


def cmd_init(args: argparse.Namespace) -> int:
    from plan_desktop.services.exchange.keys import own_keys
    from plan_desktop.services.installation import Installation

    with Installation.init(data_folder(args), args.unit, officer=args.officer, title=args.title) as inst:
        unit = inst.unit()
        out(f"Đã thiết lập thư mục dữ liệu cho {unit.name} (mã {unit.code}, cấp {level_vi(unit.level)}).")
        out(f"Tệp dữ liệu: {inst.store.path}")
        # the exchange key init just made: the level above checks it by phone at the first package
        out(f"Dấu vân tay khóa trao đổi dữ liệu của đơn vị: {own_keys(inst).fingerprint}")
        parent = inst.units.parent(unit.code, date(inst.working_year, 12, 31))
        if parent is not None:
            out(
                f"Hãy ghi lại dãy này: khi nhận gói dữ liệu đầu tiên, {parent.name} sẽ gọi điện đọc lại "
                "để đối chiếu (xem lại bằng «plan-desktop keys show»)."
            )
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from plan_desktop.services.demo import fill_demo
    from plan_desktop.services.installation import Installation

    folder = data_folder(args)
    if args.unit and not paths.db_path(folder).exists():
        Installation.init(folder, args.unit).close()
    with open_installation(args) as inst:
        if args.unit and args.unit != inst.unit_code:
            raise CliError(f"Thư mục {folder} đã được thiết lập cho đơn vị {inst.unit_code}, không phải {args.unit}.")
        year = args.year or inst.working_year
        if year in inst.store.get_setting("demo_years", []):
            out(f"Thư mục đã có dữ liệu mẫu năm {year}; không tạo thêm.")
            return EXIT_OK
        counts = fill_demo(inst, year=year, seed=args.seed)
        out(f"Đã tạo {sum(counts.values())} bản ghi mẫu năm {year}:")
        for form_id, n in counts.items():
            out(f"  {inst.store.forms[form_id].label}: {n}")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    with open_installation(args) as inst:
        problems = inst.store.check()
        if problems:
            sys.stderr.write(f"Phát hiện {len(problems)} vấn đề trong tệp dữ liệu {inst.store.path}:\n")
            for p in problems:
                sys.stderr.write(f"  - {p}\n")
            return EXIT_ERROR
        n = inst.store.get_meta("audit_head_seq")
        out(f"Tệp dữ liệu toàn vẹn; nhật ký thay đổi ({n} dòng) khớp với dữ liệu.")
    return EXIT_OK


def cmd_forms(args: argparse.Namespace) -> int:
    from plan_desktop.domain.forms import default_forms

    forms = default_forms()
    if args.form:
        form = forms[args.form]
        out(f"{form.id} — {form.label}")
        for f in form.fields:
            extra = f" [{', '.join(c.code for c in f.choices)}]" if f.choices else ""
            req = " (bắt buộc)" if f.required else ""
            local = " (chỉ lưu tại đơn vị, không gửi lên cấp trên)" if f.local_only else ""
            out(f"  {f.name:<22} {f.type:<8} {f.label}{req}{local}{extra}")
    else:
        for form in forms.values():
            out(f"{form.id:<15} {form.label}")
    return EXIT_OK


def cmd_units(args: argparse.Namespace) -> int:
    from plan_desktop.domain.units import default_registry
    from plan_desktop.services.installation import default_year

    try:
        on = date.fromisoformat(args.on) if args.on else date(default_year(), 12, 31)
    except ValueError:
        raise CliError(f"Ngày «{args.on}» không hợp lệ; dùng dạng YYYY-MM-DD.") from None
    reg = default_registry()
    for u in reg.search(args.search, on) if args.search else reg.in_force(on):
        out(f"{u.code:<6} {u.name:<28} {level_vi(u.level):<6} {u.parent_code or ''}")
    return EXIT_OK
