"""Opening the SQLite file: one connection setup for the whole program."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from plan_desktop.domain.text import fold
from plan_desktop.usererror import UserError


class StoreError(UserError, RuntimeError):
    """A problem with the data file, with a Vietnamese message for the officer."""


class DamagedStoreError(StoreError):
    """The data file cannot be read as the program's data (damaged, truncated, not SQLite).

    ``backup`` is the newest backup that can replace it, when the services found one."""

    def __init__(self, message: str, *, en: str | None = None, backup: Path | None = None):
        super().__init__(message, en=en)
        self.backup = backup


def damaged_message(path: Path | str, detail: str = "") -> str:
    extra = f" ({detail})" if detail else ""
    return f"Tệp dữ liệu {path} bị hỏng hoặc không phải tệp dữ liệu của chương trình{extra}."


#: The page cache of a connection, in KiB.
CACHE_KIB = 64 * 1024


def _sql_fold(value: object) -> str | None:
    return None if value is None else fold(str(value))


def connect(path: Path | str, *, readonly: bool = False) -> Database:
    """Open (or create) the store: WAL, foreign keys on, full sync, Vietnamese folding registered.

    The connection runs in autocommit mode at the driver level; transactions are explicit
    (``db.atomic()``), so a write is never half-committed by the driver.
    """
    if readonly:
        uri = f"file:{Path(path).as_posix()}?mode=ro"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    else:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA busy_timeout = 5000")
        if not readonly:
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = FULL")
        # Up to 64 MiB of page cache (SQLite's default is 2 MiB): a big import or a package of
        # 100.000 records otherwise re-reads index pages for every row. Memory is only taken as
        # pages are actually read.
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # reads the schema: a damaged file fails here
    except sqlite3.OperationalError as exc:
        conn.close()
        if "full" in str(exc):
            raise StoreError(f"Ổ đĩa chứa tệp dữ liệu {path} đã đầy: không mở được dữ liệu. Hãy giải phóng dung "
                             "lượng rồi mở lại; dữ liệu không bị thay đổi.") from exc
        if "locked" in str(exc) or "busy" in str(exc):
            raise StoreError(f"Tệp dữ liệu {path} đang được một chương trình khác sử dụng. Hãy đóng chương trình "
                             "đó rồi thử lại.") from exc
        if "readonly" in str(exc) or "read-only" in str(exc):
            raise StoreError(f"Không ghi được vào tệp dữ liệu {path}: thư mục chỉ cho phép đọc hoặc tài khoản này "
                             "không có quyền ghi.") from exc
        if "not a database" in str(exc) or "malformed" in str(exc):
            raise DamagedStoreError(damaged_message(path, str(exc))) from exc
        raise StoreError(f"Không mở được tệp dữ liệu {path} ({exc}).") from exc
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        conn.close()
        raise DamagedStoreError(damaged_message(path, str(exc))) from exc
    conn.create_function("fold", 1, _sql_fold, deterministic=True)
    return database(conn)


def database(conn: sqlite3.Connection) -> Database:
    """sqlite-utils over our connection, without sqlite-utils plugins: whatever else is installed on
    the PC must not change how the program's data file is opened (and looking for plugins scans every
    installed package: some 50 ms of each start)."""
    return Database(conn, execute_plugins=False)
