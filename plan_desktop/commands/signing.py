"""``sign``, ``verify``, ``reopen``, ``trust import|list``, ``reports list`` — signed reports, headless.

Also the helpers the ``report --sign`` option uses: :func:`add_signer_arguments` and
:func:`signer_from_args` (passphrase from ``PLAN_DESKTOP_P12_PASSPHRASE`` or a prompt, PIN from
``PLAN_DESKTOP_PKCS11_PIN`` or a prompt; neither is ever stored).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from plan_desktop import paths
from plan_desktop.commands.common import (
    EXIT_ERROR,
    EXIT_OK,
    CliError,
    data_folder,
    not_set_up,
    open_installation,
    out,
)

ENV_P12_PASSPHRASE = "PLAN_DESKTOP_P12_PASSPHRASE"
ENV_PKCS11_PIN = "PLAN_DESKTOP_PKCS11_PIN"


def register(sub) -> None:
    s = sub.add_parser("verify", help="kiểm tra chữ ký số của một tệp PDF")
    s.add_argument("file", metavar="TỆP.pdf", help="tệp PDF cần kiểm tra")
    s.add_argument("--trust", action="append", metavar="CHỨNG_THƯ.pem",
                   help="chứng thư gốc tin cậy (có thể lặp lại); khi có, người ký phải được tin cậy")
    s.add_argument("--require-trust", action="store_true",
                   help="người ký phải được tin cậy theo các chứng thư gốc đã nhập («trust import»)")
    s.set_defaults(handler=cmd_verify)

    s = sub.add_parser("sign", help="ký số một báo cáo đã lập (ví dụ chủ tịch ký sau cán bộ)")
    s.add_argument("file", metavar="TỆP.pdf", help="báo cáo PDF cần ký")
    s.add_argument("--period", required=True, metavar="KỲ", help="kỳ của báo cáo, ví dụ 2019-H1")
    s.add_argument("--out", metavar="TỆP.pdf", help="tệp đã ký (mặc định: ghi đè tệp đầu vào)")
    add_signer_arguments(s, with_sign_flag=False)
    s.set_defaults(handler=cmd_sign)

    s = sub.add_parser("issue", help="văn thư cấp số, ngày cho báo cáo đã ký và ký số của cơ quan (ban hành)")
    s.add_argument("file", metavar="TỆP.pdf", help="báo cáo PDF đã ký")
    s.add_argument("--number", required=True, metavar="SỐ", help="số văn bản, ví dụ 15/BC-UBND hoặc 15")
    s.add_argument("--date", required=True, metavar="NGÀY", help="ngày ban hành (YYYY-MM-DD)")
    s.add_argument("--out", metavar="TỆP.pdf", help="tệp đã ban hành (mặc định: ghi đè tệp đầu vào)")
    add_signer_arguments(s, with_sign_flag=False)
    s.set_defaults(handler=cmd_issue)

    s = sub.add_parser("reopen", help="mở lại một kỳ báo cáo đã ký (báo cáo đã ký bị đánh dấu thay thế)")
    s.add_argument("--period", required=True, metavar="KỲ", help="kỳ báo cáo, ví dụ 2019-H1")
    s.add_argument("--reason", required=True, metavar="LÝ_DO", help="lý do mở lại (ghi vào nhật ký)")
    s.set_defaults(handler=cmd_reopen)

    s = sub.add_parser("trust", help="chứng thư gốc tin cậy để kiểm tra chữ ký số")
    tsub = s.add_subparsers(dest="trust_command", metavar="LỆNH", required=True, parser_class=type(s))
    t = tsub.add_parser("import", help="nhập chứng thư gốc (PEM, DER/CER) của tổ chức cung cấp chứng thư số")
    t.add_argument("files", nargs="+", metavar="CHỨNG_THƯ", help="tệp chứng thư gốc (PEM, DER/CER)")
    t.set_defaults(handler=cmd_trust_import)
    t = tsub.add_parser("list", help="liệt kê các chứng thư gốc đã nhập")
    t.set_defaults(handler=cmd_trust_list)

    s = sub.add_parser("reports", help="danh sách báo cáo và trạng thái")
    rsub = s.add_subparsers(dest="reports_command", metavar="LỆNH", required=True, parser_class=type(s))
    r = rsub.add_parser("list", help="liệt kê báo cáo (bản nháp, đã ký, đã bị thay thế, đã gửi, đã tiếp nhận)")
    r.add_argument("--period", metavar="KỲ", help="chỉ báo cáo của một kỳ: 2016, 2016-H1, 2016-Q3")
    r.set_defaults(handler=cmd_reports_list)


# -- for ``report --sign`` ------------------------------------------------------------------------------
def add_signer_arguments(parser: argparse.ArgumentParser, *, with_sign_flag: bool = True) -> None:
    g = parser.add_argument_group("ký số")
    if with_sign_flag:
        g.add_argument("--sign", action="store_true", help="ký số báo cáo sau khi tạo")
    g.add_argument("--p12", metavar="TỆP", help="tệp chứng thư số PKCS#12 (.p12, .pfx); mật khẩu lấy từ biến "
                   f"môi trường {ENV_P12_PASSPHRASE} hoặc được hỏi")
    g.add_argument("--pkcs11-lib", metavar="ĐƯỜNG_DẪN", help="thư viện PKCS#11 của thiết bị ký số (USB token); "
                   f"mã PIN lấy từ {ENV_PKCS11_PIN} hoặc được hỏi")
    g.add_argument("--token-label", metavar="NHÃN", help="nhãn của thiết bị ký số")
    g.add_argument("--signer-title", metavar="CHỨC_VỤ",
                   help="chức vụ in trên dấu chữ ký (mặc định: theo Cài đặt); họ tên luôn lấy từ chứng thư số")


def _secret(env: str, prompt: str) -> str:
    value = os.environ.get(env)
    if value:
        return value
    if not sys.stdin or not sys.stdin.isatty():
        raise CliError(f"Chưa có {prompt.lower()}: đặt biến môi trường {env} hoặc chạy lệnh trong cửa sổ dòng lệnh.")
    return getpass.getpass(f"{prompt}: ")


def signer_from_args(args: argparse.Namespace):
    """The :class:`SignerSpec` the options describe (asks for the passphrase/PIN if not in the env)."""
    from plan_desktop.signing.specs import Pkcs11Spec, Pkcs12Spec

    if getattr(args, "p12", None) and getattr(args, "pkcs11_lib", None):
        raise CliError("Chỉ chọn một trong hai: --p12 (tệp chứng thư) hoặc --pkcs11-lib (thiết bị ký số).")
    if getattr(args, "p12", None):
        return Pkcs12Spec(Path(args.p12), _secret(ENV_P12_PASSPHRASE, "Mật khẩu tệp chứng thư số"))
    if getattr(args, "pkcs11_lib", None):
        if not args.token_label:
            raise CliError("Thiếu --token-label (nhãn của thiết bị ký số).")
        return Pkcs11Spec(Path(args.pkcs11_lib), args.token_label, _secret(ENV_PKCS11_PIN, "Mã PIN thiết bị ký số"))
    raise CliError("Để ký số cần --p12 TỆP hoặc --pkcs11-lib ĐƯỜNG_DẪN --token-label NHÃN.")


def sign_report_from_args(args: argparse.Namespace, inst, pdf: Path, period: str, spec=None,
                          source: Path | None = None) -> None:
    """Sign ``source`` (default: ``pdf`` itself) into ``pdf`` as this installation's report of ``period``
    and lock the period.

    ``spec`` (from :func:`signer_from_args`, asked before the report is built) or else asked now.
    """
    from plan_desktop.services.signing import SigningService
    from plan_desktop.signing.errors import SigningError

    unit = getattr(args, "unit", None)
    if unit and unit != inst.unit_code:
        raise CliError(f"Chỉ ký số được báo cáo của chính đơn vị mình ({inst.unit_code}), không phải của {unit}.")
    spec = spec or signer_from_args(args)
    try:
        entry = SigningService(inst).sign_report(source or pdf, pdf, period, spec, title=args.signer_title)
    except SigningError as exc:
        raise CliError(str(exc)) from None
    out(f"Đã ký số báo cáo {entry.period_vi} ({entry.signer}); kỳ báo cáo {entry.period} đã được khóa.")


def cmd_sign(args: argparse.Namespace) -> int:
    src = Path(args.file)
    dst = Path(args.out) if args.out else src
    spec = signer_from_args(args)
    with open_installation(args) as inst:
        from plan_desktop.services.signing import SigningService
        from plan_desktop.signing.errors import SigningError

        try:
            entry = SigningService(inst).sign_report(src, dst, args.period, spec, title=args.signer_title)
        except SigningError as exc:
            raise CliError(str(exc)) from None
        out(f"Đã ký số {dst.name}: báo cáo {entry.period_vi}, người ký {entry.signer}; kỳ {entry.period} đã khóa.")
    return EXIT_OK


def cmd_issue(args: argparse.Namespace) -> int:
    from datetime import date

    src = Path(args.file)
    dst = Path(args.out) if args.out else src
    try:
        issued_on = date.fromisoformat(args.date)
    except ValueError:
        raise CliError(f"Ngày «{args.date}» không hợp lệ; dùng dạng YYYY-MM-DD.") from None
    spec = signer_from_args(args)
    with open_installation(args) as inst:
        from plan_desktop.services.signing import SigningService

        entry = SigningService(inst).issue_report(src, dst, spec, number=args.number, issued_on=issued_on)
        out(f"Đã cấp số, ngày và ký số của cơ quan: {dst.name}"
            + (f" (báo cáo {entry.period_vi}, {entry.status_vi})." if entry else "."))
    return EXIT_OK


# -- handlers -------------------------------------------------------------------------------------------------
def _store_roots(args: argparse.Namespace) -> list | None:
    """Imported trust roots, read without opening the store (a district may verify on any PC)."""
    from plan_desktop.signing.trust import TrustStore

    store = TrustStore.for_data_folder(data_folder(args))
    return store.certificates() or None


def cmd_verify(args: argparse.Namespace) -> int:
    from plan_desktop.signing.errors import SigningError
    from plan_desktop.signing.trust import load_certificates
    from plan_desktop.signing.verify import verify_pdf

    try:
        if args.trust:
            roots = [c for t in args.trust for c in load_certificates(Path(t))]
            require = True
        else:
            roots = _store_roots(args)
            require = args.require_trust
            if require and roots is None:
                raise CliError("Chưa nhập chứng thư gốc tin cậy nào («plan-desktop trust import TỆP»).")
        result = verify_pdf(Path(args.file), roots)
    except SigningError as exc:
        raise CliError(str(exc)) from None
    lines = result.summary_vi()
    ok = result.intact and (result.trusted if require else True)
    (sys.stdout if ok else sys.stderr).write("\n".join(lines) + "\n")
    if result.intact and require and not result.trusted:
        sys.stderr.write("Kết luận: chữ ký nguyên vẹn nhưng người ký KHÔNG được tin cậy.\n")
    elif not result.intact:
        sys.stderr.write("Kết luận: KHÔNG chấp nhận tệp này.\n")
    return EXIT_OK if ok else EXIT_ERROR


def cmd_reopen(args: argparse.Namespace) -> int:
    from plan_desktop.services.signing import SigningService
    from plan_desktop.signing.errors import SigningError

    with open_installation(args) as inst:
        try:
            superseded = SigningService(inst).reopen(args.period, args.reason)
        except SigningError as exc:
            raise CliError(str(exc)) from None
        out(f"Đã mở lại kỳ báo cáo {args.period}; lý do đã được ghi vào nhật ký thay đổi.")
        for e in superseded:
            out(f"  Báo cáo số {e.id} ({e.signer or 'chưa ký'}) chuyển sang trạng thái «{e.status_vi}».")
    return EXIT_OK


def cmd_trust_import(args: argparse.Namespace) -> int:
    from plan_desktop.signing.errors import SigningError
    from plan_desktop.signing.trust import TrustStore

    folder = data_folder(args)
    if not paths.db_path(folder).exists():
        raise not_set_up(args)
    store = TrustStore.for_data_folder(folder)
    for f in args.files:
        try:
            infos = store.import_file(Path(f))
        except SigningError as exc:
            raise CliError(str(exc)) from None
        for info in infos:
            kind = "chứng thư gốc/CA" if info.is_ca else "chứng thư (không phải CA)"
            out(f"Đã nhập {kind} «{info.subject}», hiệu lực đến {info.not_after:%d/%m/%Y}, "
                f"vân tay SHA-256 {info.fingerprint[:16]}…")
    return EXIT_OK


def cmd_trust_list(args: argparse.Namespace) -> int:
    from plan_desktop.signing.trust import TrustStore

    infos = TrustStore.for_data_folder(data_folder(args)).list()
    if not infos:
        out("Chưa nhập chứng thư gốc tin cậy nào.")
    for info in infos:
        out(f"{info.fingerprint[:16]}  {info.subject}  "
            f"(do «{info.issuer}» cấp, hiệu lực đến {info.not_after:%d/%m/%Y})")
    return EXIT_OK


def cmd_reports_list(args: argparse.Namespace) -> int:
    from plan_desktop.services.signing import SigningService

    with open_installation(args) as inst:
        entries = SigningService(inst).list_reports(args.period)
        if not entries:
            out("Chưa có báo cáo nào.")
        for e in entries:
            signed = f"ký ngày {e.signed_on_vi} bởi {e.signer}" if e.signed_at else "chưa ký"
            out(f"{e.id:>4}  {e.period:<8} {e.status_vi:<22} {signed}  {e.file_path or ''}")
            if e.status == "superseded" and e.reason:
                out(f"      lý do: {e.reason}")
    return EXIT_OK
