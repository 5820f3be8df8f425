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
                    "dữ liệu; hãy chép thư mục sang ổ đĩa của máy rồi mở lại. Dữ liệu không bị thay đổi."
                ) from None
            raise
        if not _try_lock(fh):
            fh.close()
            raise FolderLockedError(
                f"Thư mục dữ liệu {key} đang được một cửa sổ chương trình khác sử dụng. "
                "Hãy dùng cửa sổ đang mở, hoặc đóng nó rồi thử lại."
            )
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()).encode())
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
