"""Opening the SQLite file: one connection setup for the whole program."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from sqlite_utils import Database

from plan_desktop.domain.text import fold
from plan_desktop.usererror import UserError


class StoreError(UserError, RuntimeError):
    """A problem with the data file, with a Vietnamese message for the officer."""


class DamagedStoreError(StoreError):
    """The data file cannot be read as the program's data (damaged, truncated, not SQLite).

    ``backup`` is the newest backup that can replace it, when the services found one; ``damage`` the
    sentence about the file alone (the message may go on to say how to restore, for the command line)."""

    def __init__(self, message: str, *, en: str | None = None, backup: Path | None = None,
                 damage: str | None = None):
        super().__init__(message, en=en)
        self.backup = backup
        self.damage = damage or message


def damaged_message(path: Path | str, detail: str = "") -> str:
    extra = f" ({detail})" if detail else ""
    return f"Tệp dữ liệu {path} bị hỏng hoặc không phải tệp dữ liệu của chương trình{extra}."


def damaged_message_en(path: Path | str, detail: str = "") -> str:
    """:func:`damaged_message` in English (``detail`` as given)."""
    extra = f" ({detail})" if detail else ""
    return f"The data file {path} is damaged or is not a data file of the program{extra}."


#: The page cache of a connection, in KiB.
CACHE_KIB = 64 * 1024


def _sql_fold(value: object) -> str | None:
    return None if value is None else fold(str(value))


#: The first 16 bytes of every plain SQLite file; an SQLCipher file starts with random salt instead.
SQLITE_HEADER = b"SQLite format 3\x00"


def is_encrypted(path: Path | str) -> bool:
    """Whether the file is an encrypted (SQLCipher) data file: not empty, not a plain SQLite header."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
    except OSError:
        return False
    return len(head) == 16 and head != SQLITE_HEADER


def _cipher():
    """The SQLCipher binding (``sqlcipher3``): imported only for an encrypted file, so a program without
    password protection never needs it."""
    try:
        import sqlcipher3
    except ImportError:  # pragma: no cover - a broken installation
        raise StoreError("Thiếu thành phần mã hóa dữ liệu (sqlcipher3) của chương trình: hãy cài đặt lại "
                         "chương trình. Dữ liệu không bị thay đổi.",
                         en="The program is missing its data encryption component (sqlcipher3): please reinstall "
                            "the program. The data has not been changed.") from None
    return sqlcipher3


def raw_connect(path: Path | str, *, key: bytes | None = None, readonly: bool = False, cipher: bool = False):
    """A bare DB-API connection to ``path``: the standard ``sqlite3`` for a plain file, SQLCipher with
    ``key`` (32 raw bytes, no key derivation: the key is already random) or when ``cipher`` is asked for
    (``sqlcipher_export`` between a plain and an encrypted file)."""
    driver = _cipher() if (key is not None or cipher) else sqlite3
    target = f"file:{Path(path).as_posix()}?mode=ro" if readonly else str(path)
    conn = driver.connect(target, uri=readonly, isolation_level=None, check_same_thread=False)
    if driver is not sqlite3:  # SQLCipher logs a failed decryption to stderr; the program says it itself
        conn.execute("PRAGMA cipher_log_level = NONE")
    if key is not None:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return conn


def driver_errors(name: str = "DatabaseError") -> tuple[type[BaseException], ...]:
    """The ``sqlite3`` exception class ``name`` and, when the SQLCipher binding is loaded, its own class of
    that name (unrelated to the standard one): what ``except`` must name for either kind of file."""
    drivers = [sqlite3, sys.modules.get("sqlcipher3")]
    return tuple(getattr(d, name) for d in drivers if d is not None)


def connect(path: Path | str, *, readonly: bool = False, key: bytes | None = None) -> Database:
    """Open (or create) the store: WAL, foreign keys on, full sync, Vietnamese folding registered.
    With ``key`` the file is SQLCipher-encrypted under it (see services/access.py).

    The connection runs in autocommit mode at the driver level; transactions are explicit
    (``db.atomic()``), so a write is never half-committed by the driver.
    """
    conn = raw_connect(path, key=key, readonly=readonly)
    errors, operational = driver_errors(), driver_errors("OperationalError")
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
    except operational as exc:
        conn.close()
        if "full" in str(exc):
            raise StoreError(f"Ổ đĩa chứa tệp dữ liệu {path} đã đầy: không mở được dữ liệu. Hãy giải phóng dung "
                             "lượng rồi mở lại; dữ liệu không bị thay đổi.",
                             en=f"The disk holding the data file {path} is full: the data cannot be opened. "
                                "Free some space "
                                "and open it again; the data has not been changed.") from exc
        if "locked" in str(exc) or "busy" in str(exc):
            raise StoreError(f"Tệp dữ liệu {path} đang được một chương trình khác sử dụng. Hãy đóng chương trình "
                             "đó rồi thử lại.",
                             en=f"The data file {path} is being used by another program. Close that program "
                                "and try again.") from exc
        if "readonly" in str(exc) or "read-only" in str(exc):
            raise StoreError(f"Không ghi được vào tệp dữ liệu {path}: thư mục chỉ cho phép đọc hoặc tài khoản này "
                             "không có quyền ghi.",
                             en=f"Cannot write to the data file {path}: the folder is read-only or this account "
                                "may not write to it.") from exc
        if "not a database" in str(exc) or "malformed" in str(exc):
            raise DamagedStoreError(damaged_message(path, str(exc)),
                                    en=damaged_message_en(path, str(exc))) from exc
        raise StoreError(f"Không mở được tệp dữ liệu {path} ({exc}).",
                         en=f"Cannot open the data file {path} ({exc}).") from exc
    except (*errors, UnicodeDecodeError) as exc:
        conn.close()
        if key is not None and "not a database" in str(exc):
            raise DamagedStoreError(damaged_message(path, "không giải mã được bằng khóa của mật khẩu này"),
                                    en=damaged_message_en(path, "it cannot be decrypted with this password's "
                                                                "key")) from exc
        raise DamagedStoreError(damaged_message(path, str(exc)),
                                en=damaged_message_en(path, str(exc))) from exc
    conn.create_function("fold", 1, _sql_fold, deterministic=True)
    return database(conn)


def database(conn: sqlite3.Connection) -> Database:
    """sqlite-utils over our connection, without sqlite-utils plugins: whatever else is installed on
    the PC must not change how the program's data file is opened (and looking for plugins scans every
    installed package: some 50 ms of each start)."""
    return Database(conn, execute_plugins=False)
