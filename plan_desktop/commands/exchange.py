"""``keys``, ``export``, ``import``, ``receipt``, ``setup-file``, ``status``: the USB exchange."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from plan_desktop import paths
from plan_desktop.commands.common import EXIT_ERROR, EXIT_OK, CliError, data_folder, open_installation, out


def register(sub) -> None:
    s = sub.add_parser("keys", help="khóa ký số của đơn vị và khóa đã ghi nhận của các đơn vị khác")
    ks = s.add_subparsers(dest="keys_command", metavar="LỆNH")
    k = ks.add_parser("show", help="in dấu vân tay khóa của đơn vị (để đọc qua điện thoại)")
    k.set_defaults(handler=cmd_keys_show)
    k = ks.add_parser("trust", help="đăng ký lại khóa của một đơn vị (sau khi đã gọi điện đối chiếu)")
    k.add_argument("--unit", required=True, metavar="MÃ")
    k.add_argument("--fingerprint", required=True, metavar="DẤU_VÂN_TAY")
    k.set_defaults(handler=cmd_keys_trust)
    s.set_defaults(handler=cmd_keys_show)

    s = sub.add_parser("export", help="xuất gói dữ liệu gửi cấp trên (ra USB)")
    s.add_argument("--out", required=True, metavar="THƯ_MỤC", help="thư mục ghi gói (ví dụ ổ USB)")
    s.add_argument("--full", action="store_true", help="xuất toàn bộ dữ liệu, không chỉ phần thay đổi")
    s.add_argument(
        "--report", action="append", default=[], metavar="PDF", help="kèm báo cáo PDF đã ký (lặp lại được)"
    )
    s.set_defaults(handler=cmd_export)

    s = sub.add_parser("import", help="nhập gói dữ liệu của đơn vị cấp dưới, hoặc biên nhận của cấp trên")
    s.add_argument("files", nargs="+", metavar="TỆP", help="tệp gói/biên nhận, hoặc thư mục chứa chúng")
    s.set_defaults(handler=cmd_import)

    s = sub.add_parser("receipt", help="lập biên nhận (tiếp nhận hoặc trả lại) cho gói của đơn vị cấp dưới")
    s.add_argument("--unit", required=True, metavar="MÃ")
    s.add_argument("--out", required=True, metavar="THƯ_MỤC")
    s.add_argument("--seq", type=int, metavar="SỐ", help="số gói (mặc định: gói mới nhất đã nhận)")
    g = s.add_mutually_exclusive_group()
    g.add_argument("--accept", action="store_true", help="tiếp nhận (mặc định)")
    g.add_argument("--return", dest="return_reason", metavar="LÝ_DO", help="trả lại, kèm lý do")
    s.set_defaults(handler=cmd_receipt)

    s = sub.add_parser("setup-file", help="tệp thiết lập cho đơn vị cấp dưới / áp dụng tệp thiết lập")
    ss = s.add_subparsers(dest="setup_command", metavar="LỆNH")
    w = ss.add_parser("write", help="lập tệp thiết lập cho một đơn vị cấp dưới")
    w.add_argument("--unit", required=True, metavar="MÃ")
    w.add_argument("--out", required=True, metavar="THƯ_MỤC")
    w.set_defaults(handler=cmd_setup_write)
    a = ss.add_parser("apply", help="thiết lập thư mục dữ liệu từ tệp thiết lập của cấp trên")
    a.add_argument("file", metavar="TỆP")
    a.add_argument("--officer", default="", metavar="TÊN")
    a.set_defaults(handler=cmd_setup_apply)
    s.set_defaults(handler=lambda args: _usage(s))

    s = sub.add_parser("status", help="tình trạng gửi/nhận gói; ở huyện/tỉnh: bảng theo dõi đầy đủ")
    s.add_argument("--year", type=int, metavar="NĂM")
    s.add_argument("--kind", default="Q", choices=["Y", "H", "Q", "M"], help="kỳ: năm, 6 tháng, quý, tháng")
    s.add_argument("--all", action="store_true", help="mọi cấp bên dưới (ở tỉnh: cả xã)")
    s.set_defaults(handler=cmd_status)


def _usage(p) -> int:
    p.print_help(sys.stderr)
    return EXIT_ERROR


def _exchange_errors(fn):
    def wrapper(args: argparse.Namespace) -> int:
        from plan_desktop.exchange.errors import ExchangeError

        try:
            return fn(args)
        except ExchangeError as exc:
            raise CliError(str(exc)) from None

    return wrapper


@_exchange_errors
def cmd_keys_show(args: argparse.Namespace) -> int:
    from plan_desktop.services import exchange

    with open_installation(args) as inst:
        own, others = exchange.keys_overview(inst)
        out(f"Đơn vị: {inst.unit().name} (mã {inst.unit_code})")
        out(f"Dấu vân tay khóa của đơn vị: {own}")
        if others:
            out("Khóa đã ghi nhận của các đơn vị khác:")
            for k in others:
                note = "" if k.has_key else " (đã đăng ký, chờ gói đầu tiên)"
                out(f"  {k.unit_code:<6} {k.unit_name:<28} {k.fingerprint}{note}")
    return EXIT_OK


@_exchange_errors
def cmd_keys_trust(args: argparse.Namespace) -> int:
    from plan_desktop.services import exchange

    with open_installation(args) as inst:
        fpr = exchange.trust_key(inst, args.unit, args.fingerprint)
        out(f"Đã đăng ký khóa của đơn vị mã {args.unit}: {fpr}. Gói tiếp theo phải được ký bằng khóa này.")
    return EXIT_OK


@_exchange_errors
def cmd_export(args: argparse.Namespace) -> int:
    from plan_desktop.services import exchange

    with open_installation(args) as inst:
        res = exchange.export_package(
            inst, Path(args.out), full=args.full, reports=[Path(p) for p in args.report]
        )
        out(
            f"Đã xuất gói số {res.sequence}: {res.records} bản ghi"
            + (f", kèm {res.forwarded} gói của đơn vị cấp dưới" if res.forwarded else "")
            + "."
        )
        for form_id, c in res.counts.items():
            out(f"  {inst.store.forms[form_id].label}: {c['records']} (trong đó {c['deleted']} đã xóa)")
        out(
            "Gói đã được mã hóa cho đơn vị cấp trên."
            if res.encrypted_to
            else "Chưa có khóa của đơn vị cấp trên nên gói chỉ được ký, chưa mã hóa."
        )
        out(str(res.path))
    return EXIT_OK


@_exchange_errors
def cmd_import(args: argparse.Namespace) -> int:
    from plan_desktop.services import exchange

    with open_installation(args) as inst:
        files = [Path(f) for f in args.files]
        missing = [f for f in files if not f.exists()]
        if missing:
            raise CliError(f"Không tìm thấy tệp {missing[0]}.")
        report = exchange.import_files(inst, files)
        if not report.files:
            raise CliError("Không có tệp gói dữ liệu nào để nhập.")
        text = report.text(forms=inst.store.forms)
        (sys.stdout if report.ok else sys.stderr).write(text)
        if report.saved_to:
            out(f"Báo cáo nhập đã lưu tại: {report.saved_to}")
        if not report.ok:
            refused = [f for f in report.files if not f.ok]
            sys.stderr.write(f"Lỗi: {len(refused)} tệp bị từ chối.\n")
            return EXIT_ERROR
    return EXIT_OK


@_exchange_errors
def cmd_receipt(args: argparse.Namespace) -> int:
    from plan_desktop.services import exchange

    with open_installation(args) as inst:
        status = "returned" if args.return_reason is not None else "accepted"
        res = exchange.write_receipt(
            inst, args.unit, Path(args.out), sequence=args.seq, status=status, reason=args.return_reason or ""
        )
        out(
            ("Đã lập biên nhận tiếp nhận" if status == "accepted" else "Đã lập biên nhận trả lại")
            + f" gói số {res.sequence} của đơn vị mã {res.unit}."
        )
        out(str(res.path))
    return EXIT_OK


@_exchange_errors
def cmd_setup_write(args: argparse.Namespace) -> int:
    from plan_desktop.services import exchange

    with open_installation(args) as inst:
        path = exchange.write_setup_file(inst, args.unit, Path(args.out))
        out(
            f"Đã lập tệp thiết lập cho đơn vị mã {args.unit}. Dấu vân tay khóa của {inst.unit().name}: "
            f"{exchange.keys_overview(inst)[0]}"
        )
        out(str(path))
    return EXIT_OK


@_exchange_errors
def cmd_setup_apply(args: argparse.Namespace) -> int:
    from plan_desktop.services import exchange
    from plan_desktop.services.installation import Installation

    info = exchange.read_setup_file(Path(args.file))
    folder = data_folder(args)
    if not paths.db_path(folder).exists():
        extra = {"working_year": info.working_year} if info.working_year else None
        Installation.init(folder, info.unit, officer=args.officer, extra_settings=extra).close()
    with open_installation(args) as inst:
        exchange.apply_setup_file(inst, info)
        out(f"Đã thiết lập cho {info.unit_name} (mã {info.unit}); cấp trên: {info.issuer_name}.")
        out(f"Dấu vân tay khóa của cấp trên: {info.fingerprint} — hãy gọi điện đối chiếu.")
        out(f"Dấu vân tay khóa của đơn vị này: {exchange.keys_overview(inst)[0]}")
    return EXIT_OK


@_exchange_errors
def cmd_status(args: argparse.Namespace) -> int:
    from plan_desktop.domain.units import Level
    from plan_desktop.services import exchange

    with open_installation(args) as inst:
        if inst.level != Level.PROVINCE:
            hist = exchange.export_history(inst)
            out(f"Bản ghi thay đổi chưa được cấp trên xác nhận: {exchange.pending_changes(inst)}")
            names = {
                "sent": "đã gửi, chờ biên nhận",
                "accepted": "đã được tiếp nhận",
                "returned": "BỊ TRẢ LẠI",
            }
            for h in hist:
                out(
                    f"  Gói số {h.sequence} ({exchange.local_time(h.created_at)}, {h.records} bản ghi): "
                    f"{names.get(h.status, h.status)}" + (f" — {h.reason}" if h.reason else "")
                )
            if not hist:
                out("  Chưa xuất gói nào.")
        if inst.level != Level.COMMUNE:
            board = exchange.completeness(inst, year=args.year, kind=args.kind, all_levels=args.all)
            out(f"Bảng theo dõi nhận gói năm {args.year or inst.working_year}:")
            sys.stdout.write(board.text())
    return EXIT_OK
