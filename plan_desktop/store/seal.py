"""A seal over the tables the program trusts besides the records: settings (password slots among them),
period locks, signed reports and the exchange bookkeeping.

Records are covered by the audit chain; these tables are not, yet each decides something: an empty
``access_slots`` turns password protection off, a deleted ``period_locks`` row reopens a signed period,
an ``exchange_keys`` row decides whose packages are believed. The seal is a digest of their content kept
in ``meta`` (``seal``), maintained by *temporary* triggers that exist only inside the program's own
connection (:func:`install`): a write made by the program updates it in the same transaction, a write
made behind the program's back (any other SQLite client) does not, and :func:`verify` finds the
difference.

The digest is a sum of per-row hashes modulo 2**256, so a trigger adds or subtracts one row's hash
without reading the table. It is not keyed: someone who reads this code can recompute it after an edit.
That is what the signed anchor outside the file (``services/integrity.py``) and the chain head carried
in exports are for; the README's «Your data» says what each catches.
"""

from __future__ import annotations

import hashlib
import sqlite3

from sqlite_utils import Database

#: The sealed tables. ``exchange_archive`` (children's bundles, each checked by its own signature),
#: ``exchange_pending`` (files held apart, applied only after an approver confirms) and
#: ``exchange_receipts`` (a log of files written) are left out: large, and they decide nothing by themselves.
TABLES = (
    "settings", "period_locks", "signed_reports", "exchange_keys", "exchange_state", "exchange_exports",
    "exchange_received", "exchange_vouchers", "exchange_anchors",
)
META_KEY = "seal"
_MOD = 1 << 256
_ZERO = "0" * 64


def _row_value(table: str, row_json: str) -> int:
    return int(hashlib.sha256(f"{table}\x00{row_json}".encode()).hexdigest(), 16)


def _seal_add(current: str | None, table: str, row_json: str, sign: int) -> str:
    """``current`` plus (``sign`` = 1) or minus (-1) one row's hash, as 64 hex digits."""
    value = (int(current or _ZERO, 16) + sign * _row_value(table, row_json)) % _MOD
    return f"{value:064x}"


def _columns(db: Database, table: str) -> list[str]:
    return [r[1] for r in db.conn.execute(f"PRAGMA main.table_info([{table}])").fetchall()]


def _json_expr(prefix: str, columns: list[str]) -> str:
    """SQL building one row's canonical text: ``json_array`` of the columns in table order."""
    return "json_array(" + ", ".join(f"{prefix}[{c}]" for c in columns) + ")"


def _present(db: Database) -> list[str]:
    names = {r[0] for r in db.conn.execute("SELECT name FROM main.sqlite_master WHERE type = 'table'")}
    return [t for t in TABLES if t in names]


def compute(db: Database) -> str:
    """The seal of the sealed tables as they are in the file (read-only)."""
    value = 0
    for table in _present(db):
        expr = _json_expr("", _columns(db, table))
        for (row_json,) in db.conn.execute(f"SELECT {expr} FROM main.[{table}]"):
            value = (value + _row_value(table, row_json)) % _MOD
    return f"{value:064x}"


def stored(db: Database) -> str | None:
    row = db.conn.execute("SELECT value FROM main.meta WHERE key = ?", [META_KEY]).fetchone()
    return row[0] if row else None


def write(db: Database) -> None:
    """Store the seal of the tables as they are (caller holds the transaction, or none is needed):
    after a restore, and once when a file made before seals is first opened."""
    db.conn.execute(
        "INSERT INTO main.meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [META_KEY, compute(db)],
    )


def register_functions(conn: sqlite3.Connection) -> None:
    conn.create_function("plan_seal_add", 4, _seal_add, deterministic=True)


def install(db: Database) -> None:
    """(Re)create the connection's temporary triggers that keep the seal. Call after the schema is
    up to date (a column added later must be covered): they are dropped and made again."""
    conn = db.conn
    register_functions(conn)
    for (name,) in conn.execute("SELECT name FROM temp.sqlite_master WHERE type = 'trigger' AND name LIKE 'seal_%'"):
        conn.execute(f"DROP TRIGGER temp.[{name}]")
    if not db["meta"].exists():
        return
    update = (
        "INSERT INTO meta(key, value) VALUES ('seal', plan_seal_add(NULL, '{t}', {row}, {sign})) "
        "ON CONFLICT(key) DO UPDATE SET value = plan_seal_add(meta.value, '{t}', {row}, {sign});"
    )
    for table in _present(db):
        cols = _columns(db, table)
        new, old = _json_expr("NEW.", cols), _json_expr("OLD.", cols)
        conn.execute(f"CREATE TEMP TRIGGER seal_{table}_i AFTER INSERT ON main.[{table}] BEGIN "
                     + update.format(t=table, row=new, sign=1) + " END")
        conn.execute(f"CREATE TEMP TRIGGER seal_{table}_d AFTER DELETE ON main.[{table}] BEGIN "
                     + update.format(t=table, row=old, sign=-1) + " END")
        conn.execute(f"CREATE TEMP TRIGGER seal_{table}_u AFTER UPDATE ON main.[{table}] BEGIN "
                     + update.format(t=table, row=old, sign=-1) + " "
                     + update.format(t=table, row=new, sign=1) + " END")


def verify(db: Database) -> list[str]:
    """Problems (Vietnamese) when the sealed tables differ from their seal."""
    have = stored(db)
    if have is None:
        return ["Tệp dữ liệu thiếu dấu niêm phong của các bảng cài đặt, khóa kỳ báo cáo và trao đổi dữ liệu "
                "(đã bị xóa ngoài chương trình)."]
    if have != compute(db):
        return ["Cài đặt, khóa kỳ báo cáo, báo cáo đã ký hoặc sổ trao đổi dữ liệu (khóa của đơn vị khác, số thứ tự "
                "gói) đã bị sửa ngoài chương trình."]
    return []

