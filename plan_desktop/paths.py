"""The one place for paths: the data folder and the program's own resources.

Resources (``forms/``, ``resources/``) are found next to the package in a source tree, or inside a
PyInstaller bundle (``sys._MEIPASS``); ``PLAN_DESKTOP_RESOURCES`` points elsewhere. Whatever opens
one goes through :func:`require_resource` / :func:`require_files`, so a missing file is a
:class:`ResourceMissingError` with a message for the officer, not a traceback.

The data folder comes from ``--data-dir``, then the ``PLAN_DESKTOP_DATA`` environment variable, then
platformdirs.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from pathlib import Path

from plan_desktop import APP_NAME
from plan_desktop.usererror import UserError

DB_FILENAME = "plan_desktop.sqlite"
ENV_DATA_DIR = "PLAN_DESKTOP_DATA"


def _bundle_root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resource_root() -> Path:
    """Folder that holds ``forms/`` and ``resources/``."""
    override = os.environ.get("PLAN_DESKTOP_RESOURCES")
    return Path(override) if override else _bundle_root()


def forms_dir() -> Path:
    return resource_root() / "forms"


def resource(*parts: str) -> Path:
    """Path of a file under ``resources/``; works from source and from the bundle."""
    return resource_root().joinpath("resources", *parts)


# -- resources the program cannot work without ------------------------------------------------------
class ResourceMissingError(UserError):
    """A file the program ships with (font, form definition, unit list, plan) is missing or damaged.

    The installation of the program is broken, not the officer's data: the message (Vietnamese) names
    the file and says to reinstall. Raised before anything is written."""

    def __init__(self, path: Path, what: str = "tệp", *, damaged: bool = False, pattern: str | None = None):
        self.path = Path(path)
        self.what = what
        if damaged:
            head = f"Tệp {what} «{self.path.name}» của chương trình bị hỏng, không đọc được ({self.path})."
        elif pattern:
            head = f"Thiếu {what} của chương trình: không có tệp {pattern} nào trong thư mục {self.path}."
        else:
            head = f"Thiếu tệp {what} «{self.path.name}» của chương trình ({self.path})."
        if damaged:
            head_en = f"The program's file «{self.path.name}» is damaged and cannot be read ({self.path})."
        elif pattern:
            head_en = f"A file of the program is missing: there is no {pattern} file in the folder {self.path}."
        else:
            head_en = f"The program's file «{self.path.name}» is missing ({self.path})."
        super().__init__(
            f"{head} Bộ cài đặt chương trình không đầy đủ: hãy cài đặt lại chương trình. "
            "Dữ liệu của đơn vị không bị thay đổi.",
            en=f"{head_en} The program's installation is incomplete: please reinstall the program. "
            "The unit's data has not been changed.",
        )


def require_file(path: Path, what: str = "tệp") -> Path:
    """``path`` if it is a file; else :class:`ResourceMissingError` naming it."""
    if not path.is_file():
        raise ResourceMissingError(path, what)
    return path


def require_files(folder: Path, pattern: str, what: str) -> list[Path]:
    """The files matching ``pattern`` in ``folder`` (sorted); at least one, else
    :class:`ResourceMissingError` naming the folder."""
    files = sorted(p for p in folder.glob(pattern) if p.is_file()) if folder.is_dir() else []
    if not files:
        raise ResourceMissingError(folder, what, pattern=pattern)
    return files


def require_resource(*parts: str, what: str = "tệp") -> Path:
    """Path of a file under ``resources/`` that must be there (``require_resource("fonts", "X.ttf")``)."""
    return require_file(resource(*parts), what)


# -- files the officer gives the program ---------------------------------------------------------------
class NotARegularFileError(UserError):
    """A path given as a file is a folder, a pipe or a device (Vietnamese message)."""


def require_regular_file(path: Path, what: str = "tệp") -> Path:
    """``path`` if it is a regular file. A folder, a named pipe (FIFO: reading would wait forever) or a
    device (``/dev/zero``: reading would never end) is refused with a message; nothing is read."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise NotARegularFileError(f"Không tìm thấy {what} {path}.",
                                   en=f"File not found: {path}.") from None
    except OSError as exc:
        raise NotARegularFileError(f"Không đọc được {what} {path}: {exc.strerror or exc}.",
                                   en=f"Cannot read {path}: {exc.strerror or exc}.") from None
    if stat.S_ISREG(mode):
        return path
    kind = ("một thư mục" if stat.S_ISDIR(mode) else "một đường ống (FIFO)" if stat.S_ISFIFO(mode)
            else "một thiết bị" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "không phải tệp thường")
    raise NotARegularFileError(f"«{path}» là {kind}, không phải {what}: hãy chọn đúng tệp.",
                               en=f"«{path}» is a {kind}, not the expected file: please choose the right file.")


# -- files the program makes in the data folder -----------------------------------------------------------
#: Files created by the program: readable by their owner only (data, backups, logs, keys).
FILE_MODE = 0o600
DIR_MODE = 0o700


def private_dir(folder: Path) -> Path:
    """Make ``folder`` (and parents) and restrict it to its owner (a no-op where modes don't exist)."""
    folder.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        os.chmod(folder, DIR_MODE)
    return folder


def private_file(path: Path) -> None:
    """Create ``path`` empty with owner-only mode unless it exists (before SQLite or a logger opens it,
    so it is never readable by others, not even for a moment); tighten an existing one."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), FILE_MODE)
        os.close(fd)
    except FileExistsError:
        with contextlib.suppress(OSError):
            os.chmod(path, FILE_MODE)


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    if override:
        return Path(override).expanduser().resolve()
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser().resolve()
    return default_data_dir()


def db_path(folder: Path) -> Path:
    return folder / DB_FILENAME


def log_dir(folder: Path) -> Path:
    return folder / "logs"


def backup_dir(folder: Path) -> Path:
    return folder / "backups"


def keys_dir(folder: Path) -> Path:
    return folder / "keys"
