"""Writing exchange files safely: temporary name, flush, read back and check, then rename."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path

from plan_desktop.exchange.errors import ExchangeError


# -- writing files safely -------------------------------------------------------------------------------
def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _write_verified(
    path: Path, data: bytes, check: Callable[[bytes], None], before_rename: Callable[[], None]
) -> None:
    """Write under a temporary name, flush, read back and check, run ``before_rename`` (the
    bookkeeping commit), then rename: a stick pulled out mid-write never leaves a file that looks valid."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.part")
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        back = tmp.read_bytes()
        if back != data:
            raise ExchangeError(f"Tệp ghi ra {path} đọc lại không khớp: ổ đĩa có thể bị lỗi. Hãy thử ổ khác.",
                                en=f"The file written to {path} does not match when read back: the disk may be "
                                   "faulty. Try another disk.")
        check(back)
        before_rename()
        os.replace(tmp, path)
        _fsync_dir(path.parent)
    finally:
        if tmp.exists():
            with contextlib.suppress(OSError):
                tmp.unlink()
