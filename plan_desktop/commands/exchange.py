"""``keys``, ``export``, ``import``, ``receipt``, ``setup-file``, ``status``: the USB exchange."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from plan_desktop import paths
from plan_desktop.commands.common import EXIT_ERROR, EXIT_OK, CliError, data_folder, open_installation, out
from plan_desktop.services.demo import demo_note


def register(sub) -> None:
    s = sub.add_parser("keys", help="khóa ký số của đơn vị và khóa đã ghi nhận của các đơn vị khác")
    ks = s.add_subparsers(dest="keys_command", metavar="LỆNH")
    k = ks.add_parser("show", help="in mã khóa của đơn vị (để đọc qua điện thoại) và các khóa đã ghi nhận")
    k.set_defaults(handler=cmd_keys_show)
    k = ks.add_parser("pending", help="các tệp đang chờ xác nhận khóa (gói, biên nhận, tệp thiết lập)")
    k.set_defaults(handler=cmd_keys_pending)
    k = ks.add_parser(
        "approve",
        help="xác nhận khóa của một đơn vị sau khi gọi điện đối chiếu mã khóa, rồi nhập các tệp đang chờ của đơn vị",
    )
    k.add_argument("--unit", required=True, metavar="MÃ", help="mã đơn vị")
    k.add_argument(
        "--code", required=True, metavar="MÃ_KHÓA", help="mã khóa đơn vị đọc qua điện thoại (XXXX-XXXX-XXXX-XXXX)"
    )
    k.set_defaults(handler=cmd_keys_approve)
    k = ks.add_parser("reject", help="từ chối khóa của một đơn vị: bỏ các tệp đang chờ, không nhập gì")
    k.add_argument("--unit", required=True, metavar="MÃ", help="mã đơn vị")
    k.add_argument("--code", metavar="MÃ_KHÓA", help="chỉ bỏ các tệp ký bằng khóa có mã này")
    k.set_defaults(handler=cmd_keys_reject)
    k = ks.add_parser("trust", help="đăng ký trước mã khóa của một đơn vị (sau khi đã gọi điện đối chiếu)")
    k.add_argument("--unit", required=True, metavar="MÃ", help="mã đơn vị")
    k.add_argument("--code", "--fingerprint", dest="code", required=True, metavar="MÃ_KHÓA",
                   help="mã khóa đơn vị đã đọc qua điện thoại")
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
    s.add_argument("--unit", required=True, metavar="MÃ", help="mã đơn vị cấp dưới đã gửi gói")
    s.add_argument("--out", required=True, metavar="THƯ_MỤC", help="thư mục ghi biên nhận (ví dụ USB)")
    s.add_argument("--seq", type=int, metavar="SỐ", help="số gói (mặc định: gói mới nhất đã nhận)")
    g = s.add_mutually_exclusive_group()
    g.add_argument("--accept", action="store_true", help="tiếp nhận (mặc định)")
    g.add_argument("--return", dest="return_reason", metavar="LÝ_DO", help="trả lại, kèm lý do")
    s.set_defaults(handler=cmd_receipt)

    s = sub.add_parser("setup-file", help="tệp thiết lập cho đơn vị cấp dưới / áp dụng tệp thiết lập")
    ss = s.add_subparsers(dest="setup_command", metavar="LỆNH")
    w = ss.add_parser("write", help="lập tệp thiết lập cho một đơn vị cấp dưới")
    w.add_argument("--unit", required=True, metavar="MÃ", help="mã đơn vị cấp dưới")
    w.add_argument("--out", required=True, metavar="THƯ_MỤC", help="thư mục ghi tệp thiết lập")
    w.set_defaults(handler=cmd_setup_write)
    a = ss.add_parser("apply", help="thiết lập thư mục dữ liệu từ tệp thiết lập của cấp trên")
    a.add_argument("file", metavar="TỆP", help="tệp thiết lập do cấp trên lập")
    a.add_argument("--officer", default="", metavar="TÊN", help="họ tên cán bộ phụ trách")
    a.set_defaults(handler=cmd_setup_apply)
    s.set_defaults(handler=lambda args: _usage(s))

    s = sub.add_parser("status", help="tình trạng gửi/nhận gói; ở huyện/tỉnh: bảng theo dõi đầy đủ")
    s.add_argument("--year", type=int, metavar="NĂM", help="năm theo dõi (mặc định: năm làm việc)")
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
        out(f"Mã khóa của đơn vị: {own}")
        out(f"Dấu vân tay khóa của đơn vị: {exchange.own_keys(inst).fingerprint}")
        if others:
            out("Khóa đã ghi nhận của các đơn vị khác:")
            for k in others:
                note = "" if k.has_key else " (đã đăng ký trước, chờ tệp đầu tiên)"
                code = k.code or k.fingerprint
                out(f"  {k.unit_code:<6} {k.unit_name:<28} {code}  {exchange.source_vi(k.source)}{note}")
        pending = exchange.list_pending(inst)
        if pending:
            out(f"Có {len(pending)} khóa đang chờ xác nhận: xem «plan-desktop keys pending».")
    return EXIT_OK


@_exchange_errors
def cmd_keys_pending(args: argparse.Namespace) -> int:
    from plan_desktop.services import exchange

    with open_installation(args) as inst:
        pending = exchange.list_pending(inst)
        if not pending:
            out("Không có tệp nào đang chờ xác nhận khóa.")
            return EXIT_OK
        out("Tệp đang chờ xác nhận khóa (chưa nhập gì từ các tệp này):")
        for p in pending:
            out(f"  {p.unit_label}: mã khóa trong tệp {p.code} — {exchange.REASON_VI.get(p.reason, p.reason)}")
            for name, kind in zip(p.files, p.kinds, strict=True):
                out(f"      {exchange.KIND_VI.get(kind, kind)} {name}")
        out(
            "Gọi điện cho đơn vị, nhờ đọc mã khóa của họ («plan-desktop keys show»). Nếu khớp: "
            "«plan-desktop keys approve --unit MÃ --code MÃ_KHÓA»; nếu không: «plan-desktop keys reject --unit MÃ»."
        )
    return EXIT_OK


@_exchange_errors
def cmd_keys_approve(args: argparse.Namespace) -> int:
    from plan_desktop.services import exchange

    with open_installation(args) as inst:
        res = exchange.approve_key(inst, args.unit, args.code)
        out(f"Đã xác nhận khóa của đơn vị mã {args.unit}: {res.code}.")
        for m in res.setup_messages:
            out(m)
        if res.report.files:
            text = res.report.text(forms=inst.store.forms)
            (sys.stdout if res.report.ok else sys.stderr).write(text)
            if not res.report.ok:
                return EXIT_ERROR
    return EXIT_OK


@_exchange_errors
def cmd_keys_reject(args: argparse.Namespace) -> int:
    from plan_desktop.services import exchange

    with open_installation(args) as inst:
        n = exchange.reject_key(inst, args.unit, args.code)
        out(f"Đã bỏ {n} tệp đang chờ của đơn vị mã {args.unit}; không nhập gì từ các tệp đó.")
    return EXIT_OK


@_exchange_errors
def cmd_keys_trust(args: argparse.Namespace) -> int:
    from plan_desktop.services import exchange

    with open_installation(args) as inst:
        code = exchange.trust_key(inst, args.unit, args.code)
        out(f"Đã đăng ký khóa của đơn vị mã {args.unit}: {code}. Tệp tiếp theo của đơn vị phải được ký bằng khóa này.")
        if any(p.unit_code == args.unit and p.code == code for p in exchange.list_pending(inst)):
            out(
                f"Có tệp của đơn vị mã {args.unit} ký bằng khóa này đang chờ xác nhận: chạy «plan-desktop keys "
                f"approve --unit {args.unit} --code {code}» để nhập."
            )
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
        out("Gói đã được ký và mã hóa cho đơn vị cấp trên.")
        note = demo_note(inst)
        if note:
            out(note)
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
            held = [f for f in report.files if f.held]
            refused = [f for f in report.files if not f.ok and not f.held]
            if refused:
                sys.stderr.write(f"Lỗi: {len(refused)} tệp bị từ chối.\n")
            if held:
                sys.stderr.write(f"{len(held)} tệp chờ xác nhận khóa (xem «plan-desktop keys pending»).\n")
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
            f"Đã lập tệp thiết lập cho đơn vị mã {args.unit}. Mã khóa của {inst.unit().name} (đọc cho đơn vị "
            f"khi họ gọi điện): {exchange.keys_overview(inst)[0]}"
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
        applied = exchange.apply_setup_file(inst, info)
        out(f"Mã khóa của đơn vị này: {exchange.keys_overview(inst)[0]}")
        if applied.held:
            code = applied.untrusted[0].code
            out(
                f"Tệp thiết lập của {info.issuer_name} đang CHỜ XÁC NHẬN: mã khóa trong tệp là {code}. Hãy gọi điện "
                f"cho {info.issuer_name}, nhờ đọc mã khóa của họ; nếu khớp, chạy «plan-desktop keys approve --unit "
                f"{info.issuer} --code {code}»; nếu không, «plan-desktop keys reject --unit {info.issuer}»."
            )
            return EXIT_OK
        out(f"Đã thiết lập cho {info.unit_name} (mã {info.unit}); cấp trên: {info.issuer_name}.")
        for w in applied.warnings:
            out(f"Lưu ý: {w}")
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
