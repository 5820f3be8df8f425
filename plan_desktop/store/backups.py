"""What backup and restore ask of a data file (``services/backup.py``): its identity read from a raw
connection, the access slots, and the signed locks and packages sent carried from the data being
replaced into a restored copy. The copy mechanics are in :mod:`plan_desktop.store.backup`. The caller
holds the transaction (``with db.atomic():``) around changes that belong together.
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from plan_desktop.store.store import Store

#: The tables a row is carried into on restore.
_CARRIED = frozenset({"signed_reports", "period_locks", "exchange_exports"})


# -- a raw connection to a candidate file --------------------------------------------------------------
def set_busy_timeout(conn, ms: int = 5000) -> None:
    conn.execute(f"PRAGMA busy_timeout = {int(ms)}")


def quick_check(conn) -> str:
    """SQLite's quick integrity check: ``"ok"`` or the first problem."""
    return conn.execute("PRAGMA quick_check").fetchone()[0]


def settings_and_meta(conn) -> tuple[dict[str, str], dict[str, str]]:
    """The raw (JSON text) settings and the meta values of a file."""
    settings = dict(conn.execute("SELECT key, value FROM settings").fetchall())
    meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    return settings, meta


# -- carried into a restored copy ----------------------------------------------------------------------
def set_access_slots(db: Database, slots_json: str, now: str) -> None:
    db.execute("INSERT INTO settings(key, value, updated_at) VALUES ('access_slots', ?, ?) "
               "ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
               [slots_json, now])


def open_lock_keys(db: Database) -> set[tuple[str, str]]:
    """(unit_code, period) of every lock not reopened."""
    return {(r[0], r[1]) for r in db.execute(
        "SELECT unit_code, period FROM period_locks WHERE reopened_at IS NULL").fetchall()}


def open_locks(store: Store) -> list[dict[str, Any]]:
    """The locks not reopened of ``store``, oldest first."""
    return list(store._query("SELECT * FROM period_locks WHERE reopened_at IS NULL ORDER BY id"))


def signed_report(store: Store, report_id: int) -> dict[str, Any] | None:
    rows = list(store._query("SELECT * FROM signed_reports WHERE id = ?", [report_id]))
    return rows[0] if rows else None


def exports_after(store: Store, seq: int) -> list[dict[str, Any]]:
    """The packages ``store`` sent numbered above ``seq``, in order."""
    return list(store._query("SELECT * FROM exchange_exports WHERE seq > ? ORDER BY seq", [seq]))


def insert_row(db: Database, table: str, row: dict[str, Any]) -> int:
    """Insert a row carried from another copy of the data (its columns as they are); returns its id."""
    if table not in _CARRIED:
        raise ValueError(f"not a carried table: {table}")
    return db.execute(f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                      list(row.values())).lastrowid


def add_anchored_lock(db: Database, lk: dict[str, Any], now: str) -> None:
    """Lock again a period the anchor file lists as signed and locked: a signed report and its lock."""
    report_id = db.execute(
        "INSERT INTO signed_reports (period, unit_code, file_sha256, data_sha256, created_at, signed_at, signer, "
        "status, status_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'signed', ?)",
        [lk["period"], lk["unit_code"], lk.get("file_sha256"), lk.get("data_sha256"), lk.get("signed_at") or "",
         lk.get("signed_at"), lk.get("signer"), now]).lastrowid
    db.execute("INSERT INTO period_locks (period, unit_code, start_date, end_date, locked_at, locked_by, "
               "report_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
               [lk["period"], lk["unit_code"], lk.get("start_date") or "", lk.get("end_date") or "",
                lk.get("locked_at") or now, lk.get("locked_by"), report_id])
