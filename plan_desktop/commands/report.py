"""``report`` (the periodic report as PDF/XLSX) and ``indicators`` (the plan indicators of a year)."""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

from plan_desktop.commands.common import EXIT_OK, CliError, open_installation, out
from plan_desktop.commands.signing import add_signer_arguments, sign_report_from_args, signer_from_args


def register(sub) -> None:
    s = sub.add_parser("report", help="lập báo cáo định kỳ (PDF theo thể thức văn bản hành chính, XLSX)")
    s.add_argument("--period", required=True, metavar="KỲ", help="kỳ báo cáo: 2019, 2019-H1, 2019-Q3, 2019-07")
    s.add_argument("--unit", metavar="MÃ", help="mã đơn vị (mặc định: đơn vị của thư mục dữ liệu)")
    s.add_argument("--out", required=True, metavar="TỆP.pdf", help="tệp PDF cần ghi")
    s.add_argument("--xlsx", metavar="TỆP.xlsx", help="ghi thêm các bảng số liệu ra tệp XLSX")
    s.add_argument("--date", metavar="NGÀY", help="ngày ký báo cáo (YYYY-MM-DD), mặc định hôm nay")
    s.add_argument("--number", metavar="SỐ",
                   help="số văn bản, ví dụ 15/BC-UBND (để trống: văn thư cấp số khi ban hành)")
    s.add_argument("--text", metavar="TỆP.toml",
                   help="nội dung mục III–V: tệp TOML (UTF-8) với các khóa assessment, next_steps, proposals")
    add_signer_arguments(s)
    s.set_defaults(handler=cmd_report)

    s = sub.add_parser("indicators", help="các chỉ tiêu của Kế hoạch trong một năm, so với mục tiêu")
    when = s.add_mutually_exclusive_group(required=True)
    when.add_argument("--year", type=int, metavar="NĂM", help="năm của Kế hoạch")
    when.add_argument("--period", metavar="KỲ",
                      help="một phần năm: 2019-H1, 2019-Q3, 2019-07 (chỉ tính số liệu trong kỳ)")
    s.add_argument("--unit", metavar="MÃ", help="mã đơn vị (mặc định: đơn vị của thư mục dữ liệu)")
    s.add_argument("--format", choices=("table", "json", "dhis2"), default="table",
                   help="table (mặc định), json, hoặc dhis2 (dataValueSet, như «dhis2 data --period KỲ»)")
    s.set_defaults(handler=cmd_indicators)


def _errors():
    from plan_desktop.domain.plan import PlanError
    from plan_desktop.reports.scope import ReportError

    return (ReportError, PlanError)


def cmd_report(args: argparse.Namespace) -> int:
    from plan_desktop.domain.periods import Period
    from plan_desktop.services import reporting

    period = Period.parse(args.period)
    report_date = None
    if args.date:
        try:
            report_date = date.fromisoformat(args.date)
        except ValueError:
            raise CliError(f"Ngày «{args.date}» không hợp lệ; dùng dạng YYYY-MM-DD.") from None
    pdf = Path(args.out).expanduser()
    xlsx = Path(args.xlsx).expanduser() if args.xlsx else None
    if pdf.suffix.lower() != ".pdf":
        raise CliError(f"Tệp «{pdf.name}» phải có đuôi .pdf.")
    if xlsx is not None and xlsx.suffix.lower() != ".xlsx":
        raise CliError(f"Tệp «{xlsx.name}» phải có đuôi .xlsx.")
    from plan_desktop.reports.layout import require_fonts

    require_fonts()  # a damaged installation is said before the data folder is even opened
    signing = bool(args.sign)
    if not signing and (args.p12 or args.pkcs11_lib or args.token_label):
        raise CliError("Các tùy chọn --p12, --pkcs11-lib, --token-label chỉ dùng cùng --sign.")
    if signing and not (args.p12 or args.pkcs11_lib):
        signer_from_args(args)  # no device named: says which options sign, before any work
    with open_installation(args) as inst:
        if signing and args.unit and args.unit != inst.unit_code:
            raise CliError(
                f"Chỉ ký số được báo cáo của chính đơn vị mình ({inst.unit_code}), "
                f"không phải của {args.unit}."
            )
        texts = reporting.load_text_file(Path(args.text)) if args.text else None
        number = None
        if args.number is not None:
            from plan_desktop.services.signing import parse_number

            number = parse_number(args.number)
        # signing: the report is written beside the target and signed into it, so a failed signature
        # leaves nothing under the name asked for
        target = pdf.with_name(f".{pdf.stem}.unsigned.pdf") if signing else pdf
        try:
            result = reporting.make_report(inst, period, out=target, xlsx=xlsx, unit_code=args.unit,
                                           report_date=report_date, texts=texts, number=number,
                                           require_ready=signing, shown_as=pdf)
        except _errors() as exc:
            raise CliError(str(exc)) from None
        data = result.data
        if signing:
            try:
                # the passphrase/PIN is asked once the report is known to be complete, not before
                signer = signer_from_args(args)
                sign_report_from_args(args, inst, pdf, str(period), spec=signer, source=target)
            finally:
                target.unlink(missing_ok=True)
        out(f"Đã lập báo cáo {data.subject[0].lower()}{data.subject[1:]} của {data.scope.unit.name}: {pdf}")
        if xlsx is not None:
            out(f"Bảng số liệu: {xlsx}")
        out(f"Số bản ghi được tính: {sum(data.counts.values())}; mã băm dữ liệu (SHA-256): {data.data_hash}")
        out(f"Thời gian: {result.seconds:.2f} giây".replace(".", ","))
    return EXIT_OK


def cmd_indicators(args: argparse.Namespace) -> int:
    from plan_desktop.domain.periods import Period
    from plan_desktop.reports import dhis2
    from plan_desktop.reports.indicators import compute_indicators, indicators_json
    from plan_desktop.reports.scope import make_scope

    with open_installation(args) as inst:
        from plan_desktop.domain.plan import plan_for

        try:
            plan = plan_for(inst.store.get_setting)
            try:
                period = Period.parse(args.period) if args.period else Period(int(args.year), "Y", 1)
            except ValueError:
                raise CliError(f"Kỳ «{args.period}» không hợp lệ (ví dụ: 2019, 2019-H1, 2019-Q3, 2019-07).") from None
            if period.year not in plan.years:
                raise CliError(
                    f"Năm {period.year} nằm ngoài thời gian của Kế hoạch {plan.number} "
                    f"({plan.first_year}–{plan.last_year})."
                )
            ctx = inst.report_context()
            scope = make_scope(ctx, period, args.unit, plan)
            values = compute_indicators(ctx, period.year, args.unit, plan=plan, scope=scope)
        except _errors() as exc:
            raise CliError(str(exc)) from None
        unit = args.unit or inst.unit_code
        if args.format == "json":
            out(json.dumps(indicators_json(values), ensure_ascii=False, indent=2))
        elif args.format == "dhis2":  # an alias of «dhis2 data --period P» written to the screen
            out(dhis2.dumps(dhis2.data_value_set(inst, period, unit)))
        else:
            out(f"Chỉ tiêu Kế hoạch {plan.number} {period.label_vi()} (tính đến ngày "
                f"{scope.end.strftime('%d/%m/%Y')}) — {scope.unit.name}")
            out(f"{'TT':<3}{'Chỉ tiêu':<44} {'Mục tiêu':>14} {'Kết quả':>12}  Đánh giá")
            for n, v in enumerate(values, 1):
                target = v.target_text if len(v.target_text) <= 14 else v.target_text[:13] + "…"
                out(f"{n:<3}{v.short_label:<44} {target:>14} {v.value_text:>12}  {v.met_text}")
                if target != v.target_text:
                    out(f"   Mục tiêu: {v.target_text}")
                if v.detail:
                    out(f"   {v.detail}")
    return EXIT_OK
