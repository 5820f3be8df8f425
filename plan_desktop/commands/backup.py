"""``backup``, ``restore``, ``backups``."""

from __future__ import annotations

import argparse
from pathlib import Path

from plan_desktop.commands.common import EXIT_OK, ask_secret, data_folder, open_installation, out


def register(sub) -> None:
    s = sub.add_parser("backup", help="sao lưu dữ liệu ra một tệp")
    s.add_argument("--out", type=Path, metavar="TỆP", help="tệp đích (mặc định: thư mục backups của dữ liệu)")
    s.set_defaults(handler=cmd_backup)
    s = sub.add_parser("restore", help="khôi phục dữ liệu từ một tệp sao lưu của đơn vị này")
    s.add_argument("file", type=Path, metavar="TỆP", help="tệp sao lưu của đơn vị này")
    s.set_defaults(handler=cmd_restore)
    s = sub.add_parser("backups", help="liệt kê các bản sao lưu tự động")
    s.set_defaults(handler=cmd_list)


def cmd_backup(args: argparse.Namespace) -> int:
    from plan_desktop.services.backup import make_backup

    with open_installation(args) as inst:
        path = make_backup(inst.store, inst.folder, "manual", out=args.out)
        out(f"Đã sao lưu dữ liệu vào tệp:\n{path}")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from plan_desktop.services.access import read_slots_file
    from plan_desktop.services.backup import restore_damaged, restore_installation
    from plan_desktop.store.db import DamagedStoreError

    try:
        inst = open_installation(args)
    except DamagedStoreError:  # the current file cannot be opened: put the backup in its place
        folder = data_folder(args)
        password = ask_secret("PLAN_DESKTOP_PASSWORD", "Mật khẩu: ") if read_slots_file(folder) else None
        kept = restore_damaged(folder, args.file, password=password)
        out(f"Đã khôi phục dữ liệu từ {args.file}.")
        out(f"Tệp dữ liệu bị hỏng được giữ lại tại: {kept}")
        return EXIT_OK
    with inst:
        saved = restore_installation(inst, args.file)
        out(f"Đã khôi phục dữ liệu từ {args.file}.")
        out(f"Dữ liệu trước khi khôi phục được giữ lại trong: {saved}")
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    """The backups of the folder, read from the folder alone: works when the data file is damaged."""
    from plan_desktop.services.backup import list_backups

    items = list_backups(data_folder(args))
    for b in items:
        out(f"{b.taken_at.astimezone():%d/%m/%Y %H:%M}  {b.reason_vi:<28} {b.path}")
    out(f"({len(items)} bản sao lưu)")
    return EXIT_OK
