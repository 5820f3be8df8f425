"""What the command modules share: exit codes, the Vietnamese argparse parser, the error they raise,
opening the data folder, prompting for secrets and printing.

Kept apart from ``cli.py`` (the front door, which imports every command module) so that the command
modules import downward only.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from plan_desktop import paths
from plan_desktop.usererror import UserError

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2

# argparse's own words (usage, «options», its errors) in Vietnamese. argparse looks each message up
# through its module's ``_`` / ``ngettext`` (gettext) when it is needed; these two look them up here.
_ARGPARSE_VI = {
    "usage: ": "Cách dùng: ",
    "options": "tùy chọn",
    "positional arguments": "tham số",
    "show this help message and exit": "in hướng dẫn này rồi thoát",
    "show program's version number and exit": "in số phiên bản rồi thoát",
    "the following arguments are required: %s": "thiếu tham số bắt buộc: %s",
    "unrecognized arguments: %s": "không hiểu các tham số: %s",
    "expected one argument": "cần một giá trị",
    "expected at most one argument": "cần nhiều nhất một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "expected %s argument": "cần %s giá trị",
    "expected %s arguments": "cần %s giá trị",
    "invalid choice: %(value)r (choose from %(choices)s)": "«%(value)s» không hợp lệ (chọn một trong: %(choices)s)",
    "invalid %(type)s value: %(value)r": "giá trị «%(value)s» không hợp lệ",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "not allowed with argument %s": "không dùng cùng với tham số %s",
    "ambiguous option: %(option)s could match %(matches)s": "tùy chọn %(option)s chưa rõ, có thể là: %(matches)s",
    "one of the arguments %s is required": "cần một trong các tham số %s",
    "ignored explicit argument %r": "bỏ qua giá trị «%r»",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "không có lệnh «%(parser_name)s» (các lệnh: %(choices)s)",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
}


def _vi(message: str) -> str:
    return _ARGPARSE_VI.get(message, message)


def _vi_n(singular: str, plural: str, n: int) -> str:
    return _vi(singular if n == 1 else plural)


argparse._ = _vi  # type: ignore[attr-defined]
argparse.ngettext = _vi_n  # type: ignore[attr-defined]


class CliError(UserError):
    """An error to print on stderr (Vietnamese) with an exit code."""

    def __init__(self, message: str, code: int = EXIT_ERROR):
        super().__init__(message)
        self.code = code


class Parser(argparse.ArgumentParser):
    """argparse with its errors in Vietnamese and raised, not exited."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        raise CliError(f"Lệnh không hợp lệ: {message}", EXIT_USAGE)


def data_folder(args: argparse.Namespace) -> Path:
    return paths.data_dir(args.data_dir)


def not_set_up(args: argparse.Namespace) -> CliError:
    """«Not set up», with the command that sets this very folder up (the ``--data-dir`` the user gave kept)."""
    import shlex

    folder = data_folder(args)
    where = f" --data-dir {shlex.quote(str(args.data_dir))}" if getattr(args, "data_dir", None) else ""
    return CliError(f"Thư mục dữ liệu {folder} chưa được thiết lập. "
                    f"Hãy chạy «plan-desktop{where} init --unit MÃ_ĐƠN_VỊ» trước.")


def open_installation(args: argparse.Namespace):
    """Open the data folder; when it is password-protected, log in with ``PLAN_DESKTOP_PASSWORD``
    or a prompt."""
    from plan_desktop.services.access import folder_locked
    from plan_desktop.services.installation import Installation

    folder = data_folder(args)
    if not paths.db_path(folder).exists():
        raise not_set_up(args)
    password = ask_secret("PLAN_DESKTOP_PASSWORD", "Mật khẩu: ") if folder_locked(folder) else None
    inst = Installation.open(folder, password=password)  # an encrypted file opens only with it
    try:
        if inst.access.enabled and inst.session.kek is None:  # protected, not yet encrypted
            inst.login(ask_secret("PLAN_DESKTOP_PASSWORD", "Mật khẩu: "))
    except BaseException:
        inst.close()
        raise
    return inst


def ask_secret(env: str, prompt: str) -> str:
    """A secret from the environment, else a prompt on the terminal (never echoed, never stored)."""
    import getpass
    import os

    value = os.environ.get(env)
    if value is not None:
        return value
    if not sys.stdin or not sys.stdin.isatty():
        raise CliError(f"Cần mật khẩu: đặt biến môi trường {env} hoặc chạy lệnh trong cửa sổ dòng lệnh để nhập.")
    return getpass.getpass(prompt)


def out(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def level_vi(level) -> str:
    return {"province": "tỉnh", "district": "huyện", "commune": "xã"}.get(str(level.value), str(level.value))
