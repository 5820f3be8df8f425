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


def open_installation(args: argparse.Namespace):
    """Open the data folder; when it is password-protected, log in with ``PLAN_DESKTOP_PASSWORD``
    or a prompt."""
    from plan_desktop.services.access import folder_locked
    from plan_desktop.services.installation import Installation

    folder = data_folder(args)
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
