"""Copies of the store through SQLite's online backup API (consistent even while the file is in use)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from plan_desktop.store.db import StoreError


def _fsync_dir(folder: Path) -> None:
    if os.name == "posix":
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def backup_to(conn: sqlite3.Connection, dest: Path) -> Path:
    """Write a consistent copy of ``conn``'s database to ``dest`` atomically (temp file, fsync, rename)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    tmp.unlink(missing_ok=True)
    out = sqlite3.connect(tmp)
    try:
        conn.backup(out)
        out.execute("PRAGMA journal_mode = DELETE")
    finally:
        out.close()
    with open(tmp, "rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, dest)
    _fsync_dir(dest.parent)
    return dest


def restore_into(source: Path, conn: sqlite3.Connection) -> None:
    """Replace the live database behind ``conn`` with ``source`` in one step.

    The backup API writes the destination inside one transaction, so a crash or a power cut leaves the
    store either as before or fully restored.
    """
    try:
        src = sqlite3.connect(f"file:{source.as_posix()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise StoreError(f"Không mở được tệp sao lưu {source.name}: {exc}.") from exc
    try:
        src.backup(conn)
    finally:
        src.close()


def open_for_copy(path: Path) -> sqlite3.Connection:
    """A connection to the data file ``path`` for a copy made beside the open store (the day's backup on a
    thread): it waits up to five seconds for a writer instead of failing at once."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA busy_timeout = 5000")
    return conn


def read_identity(path: Path) -> tuple[str, dict[str, str], dict[str, str]]:
    """SQLite's quick check of the data file ``path`` (``"ok"`` when sound) and, when sound, its
    ``settings`` and ``meta`` (raw JSON text), read-only. Raises ``sqlite3.DatabaseError`` for a file
    that is not a database."""
    conn = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    try:
        ok = conn.execute("PRAGMA quick_check").fetchone()[0]
        if ok != "ok":
            return ok, {}, {}
        settings = dict(conn.execute("SELECT key, value FROM settings").fetchall())
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        return ok, settings, meta
    finally:
        conn.close()
