"""``access status|enable|passwd|disable``: optional password protection with two roles."""

from __future__ import annotations

import argparse

from plan_desktop.commands.common import EXIT_OK, CliError, Parser, ask_secret, open_installation, out
from plan_desktop.services.access import disable_protection, enable_protection


def register(sub) -> None:
    s = sub.add_parser("access", help="bảo vệ bằng mật khẩu (cán bộ nhập liệu, người phê duyệt)")
    asub = s.add_subparsers(dest="access_command", metavar="LỆNH", parser_class=Parser, required=True)
    asub.add_parser("status", help="cho biết có bảo vệ bằng mật khẩu không").set_defaults(handler=cmd_status)
    asub.add_parser("enable", help="bật bảo vệ: đặt mật khẩu cho hai vai trò").set_defaults(handler=cmd_enable)
    p = asub.add_parser("passwd", help="đổi mật khẩu của một vai trò")
    p.add_argument("--role", choices=("officer", "approver"), required=True,
                   help="vai trò: officer (cán bộ nhập liệu) hoặc approver (người phê duyệt)")
    p.set_defaults(handler=cmd_passwd)
    asub.add_parser("disable", help="tắt bảo vệ (chỉ người phê duyệt)").set_defaults(handler=cmd_disable)


def _new(env: str, prompt: str) -> str:
    first = ask_secret(env, prompt)
    import os

    if os.environ.get(env) is None and ask_secret(env, "Nhập lại: ") != first:
        raise CliError("Hai lần nhập mật khẩu không khớp.")
    return first


def cmd_status(args: argparse.Namespace) -> int:
    with open_installation(args) as inst:
        out("Đang bảo vệ bằng mật khẩu." if inst.access.enabled else "Không bảo vệ bằng mật khẩu.")
    return EXIT_OK


def cmd_enable(args: argparse.Namespace) -> int:
    with open_installation(args) as inst:
        officer = _new("PLAN_DESKTOP_OFFICER_PASSWORD", "Mật khẩu cho cán bộ nhập liệu: ")
        approver = _new("PLAN_DESKTOP_APPROVER_PASSWORD", "Mật khẩu cho người phê duyệt: ")
        enable_protection(inst, officer, approver)
        out("Đã bật bảo vệ bằng mật khẩu; khóa bí mật của đơn vị đã được mã hóa.")
    return EXIT_OK


def cmd_passwd(args: argparse.Namespace) -> int:
    with open_installation(args) as inst:
        inst.access.change_password(inst.session, args.role, _new("PLAN_DESKTOP_NEW_PASSWORD", "Mật khẩu mới: "))
        out("Đã đổi mật khẩu.")
    return EXIT_OK


def cmd_disable(args: argparse.Namespace) -> int:
    with open_installation(args) as inst:
        disable_protection(inst)
        out("Đã tắt bảo vệ bằng mật khẩu; khóa bí mật của đơn vị được lưu không mã hóa.")
    return EXIT_OK
