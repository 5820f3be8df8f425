"""The one place for paths: the data folder and the program's own resources.

Resources (``forms/``, ``resources/``) are found next to the package in a source tree, or inside a
PyInstaller bundle (``sys._MEIPASS``). The data folder comes from ``--data-dir``, then the
``PLAN_DESKTOP_DATA`` environment variable, then platformdirs.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from plan_desktop import APP_NAME

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
