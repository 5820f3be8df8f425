"""One program per data folder: an OS file lock held while an installation is open.

A second copy of the program on the same folder is refused with a clear message instead of two
writers racing. The lock is re-entrant inside one process (the window and a service may both open
the folder) and released by the OS if the process dies, so a crash never leaves a stale lock.
"""

from __future__ import annotations

import errno
import os
import threading
from pathlib import Path
from typing import IO

from plan_desktop.store.db import StoreError

LOCK_NAME = "plan_desktop.lock"
_held: dict[Path, tuple[IO[bytes], int]] = {}
_mutex = threading.Lock()
#: What this process is, in words, for the message another process gets (Vietnamese, English).
_holder = ("", "")


def set_holder(vi: str, en: str = "") -> None:
    """Name what holds the folder in this process («cửa sổ chương trình», «lệnh «plan-desktop export»»)."""
    global _holder
    _holder = (vi, en or vi) if vi else ("", "")


def _who(path: Path) -> tuple[str, str]:
    """Who holds the lock file, from what its holder wrote (byte 0 is the locked byte on Windows, so the
    words start after it)."""
    try:
        raw = path.read_bytes()[1:2000].decode("utf-8", "replace")
    except OSError:
        raw = ""
    pid, _, what = raw.partition("\n")
    what_vi, _, what_en = what.partition("\n")
    if not pid.strip().isdigit():
        return "một chương trình khác", "another program"
    what_vi, what_en = what_vi.strip() or "một chương trình khác", what_en.strip() or "another program"
    return f"{what_vi} (tiến trình số {pid.strip()})", f"{what_en} (process {pid.strip()})"


class FolderLockedError(StoreError):
    pass


class ReadOnlyFolderError(StoreError):
    """The data folder cannot be written (read-only medium or no permission)."""


def _try_lock(fh: IO[bytes]) -> bool:
    if os.name == "nt":  # pragma: no cover - Windows
        import msvcrt

        try:
            fh.seek(0)
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
    import fcntl

    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False


def acquire(folder: Path) -> None:
    key = folder.resolve()
    with _mutex:
        if key in _held:
            fh, n = _held[key]
            _held[key] = (fh, n + 1)
            return
        try:
            key.mkdir(parents=True, exist_ok=True)
            fd = os.open(key / LOCK_NAME, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
            fh = os.fdopen(fd, "r+b")  # held open for the lifetime of the lock; owner-only like the data
        except OSError as exc:
            if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
                raise ReadOnlyFolderError(
                    f"Không ghi được vào thư mục dữ liệu {key}: thư mục chỉ cho phép đọc (ví dụ USB bị khóa ghi, "
                    "ổ mạng chỉ đọc) hoặc tài khoản này không có quyền ghi. Chương trình cần ghi được vào thư mục "
                    "dữ liệu; hãy chép thư mục sang ổ đĩa của máy rồi mở lại. Dữ liệu không bị thay đổi.",
                    en=f"Cannot write to the data folder {key}: the folder is read-only (for example a "
                       "write-protected USB "
                       "stick or a read-only network drive) or this account may not write to it. The program "
                       "needs to write "
                       "to its data folder; copy the folder to this computer's disk and open it again. The data "
                       "has not been changed.",
                ) from None
            raise
        if not _try_lock(fh):
            fh.close()
            vi, en = _who(key / LOCK_NAME)
            raise FolderLockedError(
                f"Thư mục dữ liệu {key} đang được {vi} sử dụng. Hãy dùng cửa sổ đang mở hoặc chờ lệnh chạy xong "
                "(hoặc đóng nó) rồi thử lại.",
                en=f"The data folder {key} is in use by {en}. Use the open window or wait for the command to "
                   "finish (or close it), then try again.",
            )
        fh.seek(0)
        fh.truncate()
        fh.write(f"#{os.getpid()}\n{_holder[0]}\n{_holder[1]}\n".encode())
        fh.flush()
        _held[key] = (fh, 1)


def release(folder: Path) -> None:
    key = folder.resolve()
    with _mutex:
        if key not in _held:
            return
        fh, n = _held[key]
        if n > 1:
            _held[key] = (fh, n - 1)
            return
        del _held[key]
        fh.close()  # closing drops the OS lock
