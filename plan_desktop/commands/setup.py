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
    s.add_argument("--signer-name", default="", metavar="HỌ_TÊN",
                   help="họ và tên người ký báo cáo (in dưới chức danh; phải trùng tên trên chứng thư số)")
    s.add_argument("--signer-title", default="", metavar="CHỨC_DANH",
                   help="chức danh người ký: «CHỦ TỊCH» (mặc định) hoặc «PHÓ CHỦ TỊCH»")
    s.set_defaults(handler=cmd_init)

    s = sub.add_parser("settings", help="xem và sửa cài đặt (cán bộ, người ký, năm làm việc…)")
    ssub = s.add_subparsers(dest="settings_command", metavar="LỆNH", required=True, parser_class=type(s))
    t = ssub.add_parser("show", help="xem các cài đặt")
    t.add_argument("--format", choices=("table", "json"), default="table", help="table (mặc định) hoặc json")
    t.set_defaults(handler=cmd_settings_show)
    t = ssub.add_parser("set", help="đặt một cài đặt, ví dụ: settings set signer_name \"Trần Văn Quyết\"")
    t.add_argument("key", metavar="MỤC", help="tên cài đặt (xem «settings show»)")
    t.add_argument("value", metavar="GIÁ_TRỊ", help="giá trị mới")
    t.set_defaults(handler=cmd_settings_set)

    s = sub.add_parser("demo", help="tạo dữ liệu mẫu một năm cho đơn vị (và các đơn vị cấp dưới)")
    s.add_argument("--unit", metavar="MÃ", help="thiết lập thư mục cho đơn vị này trước, nếu chưa thiết lập")
    s.add_argument("--year", type=int, metavar="NĂM", help="năm của dữ liệu mẫu (mặc định: năm làm việc)")
    s.add_argument("--seed", type=int, default=1295, metavar="SỐ", help="hạt giống ngẫu nhiên (cùng số, cùng dữ liệu)")
    s.set_defaults(handler=cmd_demo)

    s = sub.add_parser("check", help="kiểm tra toàn vẹn tệp dữ liệu và nhật ký thay đổi")
    s.set_defaults(handler=cmd_check)

    s = sub.add_parser("forms", help="liệt kê các biểu mẫu và trường")
    s.add_argument("form", nargs="?", metavar="BIỂU_MẪU", help="mã biểu mẫu để xem các trường")
    s.set_defaults(handler=cmd_forms)

    s = sub.add_parser(
        "units", help="tra cứu đơn vị hành chính; «units abolished»: các đơn vị cấp dưới đã bị giải thể; "
        "«units move-rosters --from MÃ [--to MÃ]»: chuyển danh sách cán bộ, cơ sở, mô hình của đơn vị đã "
        "giải thể sang đơn vị kế thừa")
    s.add_argument("search", nargs="?", default="", metavar="CHỮ", help="tên hoặc mã cần tìm")
    s.add_argument("--on", metavar="NGÀY", help="ngày hiệu lực (YYYY-MM-DD), mặc định cuối năm làm việc")
    s.add_argument("--from", dest="from_unit", metavar="MÃ", help="move-rosters: mã đơn vị đã bị giải thể")
    s.add_argument("--to", dest="to_unit", metavar="MÃ",
                   help="move-rosters: mã đơn vị nhận (mặc định: đơn vị kế thừa theo danh mục)")
    s.set_defaults(handler=cmd_units)


def cmd_init(args: argparse.Namespace) -> int:
    from plan_desktop.services.exchange.keys import own_keys
    from plan_desktop.services.installation import Installation
    from plan_desktop.services.settings import SettingsService, check_standalone

    folder = data_folder(args)
    signer = {k: v for k, v in (("signer_name", args.signer_name), ("signer_title", args.signer_title)) if v}
    check_standalone(signer)  # a refused signer sets nothing up
    with Installation.init(folder, args.unit, officer=args.officer, title=args.title) as inst:
        if signer:
            SettingsService(inst).update(signer)
        unit = inst.unit()
        out(f"Đã thiết lập thư mục dữ liệu cho {unit.name} (mã {unit.code}, cấp {level_vi(unit.level)}).")
        out(f"Tệp dữ liệu: {inst.store.path}")
        # the exchange key init just made: the level above checks it by phone at the first package
        out(f"Mã khóa trao đổi dữ liệu của đơn vị: {own_keys(inst).code}")
        parent = inst.units.parent_for(unit.code, date(inst.working_year, 12, 31))
        if parent is not None:
            out(
                f"Hãy ghi lại mã này: trước khi nhận gói dữ liệu đầu tiên, {parent.name} sẽ gọi điện để đối chiếu "
                "(xem lại bằng «plan-desktop keys show»)."
            )
    return EXIT_OK


def cmd_settings_show(args: argparse.Namespace) -> int:
    import json

    from plan_desktop.services.settings import KEYS, SettingsService

    with open_installation(args) as inst:
        values = SettingsService(inst).show()
    if args.format == "json":
        out(json.dumps(values, ensure_ascii=False, indent=2))
        return EXIT_OK
    for key, value in values.items():
        spec = KEYS[key]
        hint = f"  ({spec.hint})" if spec.hint else ""
        out(f"{key:<18} {value!s:<32} {spec.label}{hint}")
    return EXIT_OK


def cmd_settings_set(args: argparse.Namespace) -> int:
    from plan_desktop.services.settings import SettingsService

    with open_installation(args) as inst:
        written = SettingsService(inst).update({args.key: args.value})
    for key, value in written.items():
        if key != "signer_position":
            out(f"Đã đặt {key} = {value}")
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from plan_desktop.services.demo import demo_years, fill_demo
    from plan_desktop.services.installation import Installation

    folder = data_folder(args)
    if args.unit and not paths.db_path(folder).exists():
        Installation.init(folder, args.unit).close()
    with open_installation(args) as inst:
        if args.unit and args.unit != inst.unit_code:
            raise CliError(f"Thư mục {folder} đã được thiết lập cho đơn vị {inst.unit_code}, không phải {args.unit}.")
        year = args.year or inst.working_year
        if year in demo_years(inst):
            out(f"Thư mục đã có dữ liệu mẫu năm {year}; không tạo thêm.")
            return EXIT_OK
        counts = fill_demo(inst, year=year, seed=args.seed)
        out(f"Đã tạo {sum(counts.values())} bản ghi mẫu năm {year}:")
        for form_id, n in counts.items():
            out(f"  {inst.store.forms[form_id].label}: {n}")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from plan_desktop.services.integrity import check_installation

    with open_installation(args) as inst:
        problems = check_installation(inst)
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

    if args.search == "move-rosters":
        return _cmd_move_rosters(args)
    if args.search == "abolished":
        return _cmd_abolished(args)
    from plan_desktop.services.installation import default_year

    try:
        on = date.fromisoformat(args.on) if args.on else date(default_year(), 12, 31)
    except ValueError:
        raise CliError(f"Ngày «{args.on}» không hợp lệ; dùng dạng YYYY-MM-DD.") from None
    reg = default_registry()
    found = reg.search(args.search, on) if args.search else reg.in_force(on)
    if not found:
        raise CliError(f"Không có đơn vị hành chính nào khớp «{args.search}» vào ngày {on:%d/%m/%Y}. "
                       "Hãy gõ một phần tên (không cần dấu) hoặc mã đơn vị.")
    for u in found:
        out(f"{u.code:<6} {u.name:<28} {level_vi(u.level):<6} {u.parent_code or ''}")
    return EXIT_OK


def _cmd_abolished(args: argparse.Namespace) -> int:
    from plan_desktop.services.unit_changes import abolished_units

    with open_installation(args) as inst:
        found = abolished_units(inst)
        if not found:
            out("Không có đơn vị cấp dưới nào bị giải thể.")
        for a in found:
            succ = f"{a.successor.name} ({a.successor.code})" if a.successor else "chưa rõ đơn vị kế thừa"
            out(f"{a.unit.code:<6} {a.unit.name:<28} đến {a.last_day:%d/%m/%Y} → {succ}; "
                f"còn {a.pending['officer']} cán bộ, {a.pending['establishment']} cơ sở, "
                f"{a.pending['support_model']} mô hình chưa chuyển")
    return EXIT_OK


def _cmd_move_rosters(args: argparse.Namespace) -> int:
    from plan_desktop.services.unit_changes import move_rosters

    if not args.from_unit:
        raise CliError("Hãy ghi mã đơn vị đã bị giải thể: «units move-rosters --from MÃ [--to MÃ]».")
    with open_installation(args) as inst:
        result = move_rosters(inst, args.from_unit, args.to_unit)
        out(result.text())
    return EXIT_OK
