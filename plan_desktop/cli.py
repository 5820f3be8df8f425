"""Command line: ``plan-desktop`` opens the window; subcommands do the same work headless.

Exit 0 on success, non-zero on any error, with the reason in Vietnamese on stderr. Subcommands live
in ``plan_desktop/commands/`` (one module per area, each with ``register(subparsers)``); this module
holds the parser, the helpers they share and the error handling.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

import plan_desktop
from plan_desktop.commands.common import (  # noqa: F401 (re-exported for the tests and scripts)
    EXIT_ERROR,
    EXIT_OK,
    EXIT_USAGE,
    CliError,
    Parser,
    ask_secret,
    data_folder,
    level_vi,
    not_set_up,
    open_installation,
    out,
)


class _Version(argparse.Action):
    """``--version``: the version is read from the package metadata only when asked for."""

    def __call__(self, parser, namespace, values, option_string=None):
        parser._print_message(f"plan-desktop {plan_desktop.__version__}\n", sys.stdout)
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    from plan_desktop.commands import MODULES

    p = Parser(
        prog="plan-desktop",
        description="Chương trình thực hiện và báo cáo Kế hoạch phòng, chống mại dâm (1295/KH-UBND, Hà Nam).",
    )
    p.add_argument("--version", action=_Version, nargs=0, help="in số phiên bản rồi thoát")
    p.add_argument("--data-dir", metavar="DIR", help="thư mục dữ liệu (mặc định: thư mục của người dùng)")
    sub = p.add_subparsers(dest="command", metavar="LỆNH", parser_class=Parser)
    for name in MODULES:
        importlib.import_module(f"plan_desktop.commands.{name}").register(sub)
    return p


def _start_logging(args: argparse.Namespace) -> None:
    """Log into the data folder once it exists (never create a folder just to log)."""
    from plan_desktop.logs import setup_logging

    folder = data_folder(args)
    if folder.is_dir():
        setup_logging(folder)


def _name_the_holder(args: argparse.Namespace) -> None:
    """What another program trying the same data folder is told holds it (the window, or this command)."""
    from plan_desktop.store import lock

    if args.command is None:
        lock.set_holder("cửa sổ chương trình", "the program's window")
    else:
        words = [args.command, *(str(getattr(args, k)) for k in vars(args)
                                 if k.endswith("_command") and getattr(args, k))]
        name = " ".join(words)
        lock.set_holder(f"lệnh «plan-desktop {name}»", f"the command «plan-desktop {name}»")


def cmd_gui(args: argparse.Namespace) -> int:
    from plan_desktop.ui.app import run

    return run(data_folder(args))


def _silence_stdout() -> None:
    """Point stdout at the null device, so that the interpreter's final flush into a closed pipe does not
    print a traceback of its own."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def main(argv: Sequence[str] | None = None) -> int:
    from plan_desktop.errors import user_message

    try:
        args = build_parser().parse_args(argv)
        handler = getattr(args, "handler", None)
        _name_the_holder(args)
        _start_logging(args)
        if args.command is None:
            return cmd_gui(args)
        return int(handler(args))
    except CliError as exc:
        sys.stderr.write(f"Lỗi: {exc}\n")
        return exc.code
    except KeyboardInterrupt:
        sys.stderr.write("Đã dừng theo yêu cầu.\n")
        return 130
    except BrokenPipeError:  # «… | head -1»: the reader has what it wanted; nothing was changed
        _silence_stdout()
        sys.stderr.write("Đầu ra đã bị đóng trước khi in hết (ví dụ «| head»); phần còn lại không được in.\n")
        return EXIT_OK
    except Exception as exc:
        message = user_message(exc)
        if message is None:  # a bug: keep the details in the log, tell the officer where they are
            import logging

            from plan_desktop.logs import log_file_path

            logging.getLogger("plan_desktop").exception("unexpected error")
            where = log_file_path()
            message = f"lỗi không mong đợi ({type(exc).__name__}: {exc})."
            if where:
                message += f" Chi tiết được ghi trong tệp nhật ký {where}."
        sys.stderr.write(f"Lỗi: {message}\n")
        return EXIT_ERROR
    finally:
        from plan_desktop.store import lock

        lock.set_holder("")  # the command is over (tests and scripts may call main again in this process)


if __name__ == "__main__":
    sys.exit(main())
