"""Signed reports and period locks (tables of migration ``0005_signing``): the SQL of
``services/signing.py`` and ``services/locks.py``. Each function is one question or one change; the
caller holds the transaction (``with db.atomic():``) around changes that belong together.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlite_utils import Database

#: Columns of ``signed_reports`` a change may name (every one but ``id``).
REPORT_COLUMNS = frozenset({
    "period", "unit_code", "file_path", "file_sha256", "data_sha256", "created_at", "signed_at", "signer",
    "status", "status_at", "superseded_at", "reason", "data_hash_version", "doc_number", "issued_on",
    "issued_at",
})
LOCK_COLUMNS = frozenset({
    "period", "unit_code", "start_date", "end_date", "locked_at", "locked_by", "report_id", "reopened_at",
    "reopened_by", "reopen_reason",
})


def _rows(db: Database, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
    cur = db.conn.execute(sql, list(params))
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def _columns(values: dict[str, Any], allowed: frozenset[str]) -> list[str]:
    bad = set(values) - allowed
    if bad:
        raise ValueError(f"unknown columns {sorted(bad)}")
    return list(values)


# -- the report list -----------------------------------------------------------------------------------
def report(db: Database, report_id: int) -> dict[str, Any] | None:
    rows = _rows(db, "SELECT * FROM signed_reports WHERE id = ?", [report_id])
    return rows[0] if rows else None


def reports(db: Database, unit_code: str, period: str | None = None) -> list[dict[str, Any]]:
    """A unit's reports, newest first (optionally of one period)."""
    sql, params = "SELECT * FROM signed_reports WHERE unit_code = ?", [unit_code]
    if period:
        sql += " AND period = ?"
        params.append(period)
    return _rows(db, sql + " ORDER BY created_at DESC, id DESC", params)


def latest_of_file(db: Database, unit_code: str, file_sha256: str, statuses: Iterable[str],
                   period: str | None = None) -> dict[str, Any] | None:
    """The newest report of the unit (and period) made from the file ``file_sha256`` in one of
    ``statuses``."""
    statuses = list(statuses)
    sql = (f"SELECT * FROM signed_reports WHERE unit_code = ? AND file_sha256 = ? "
           f"AND status IN ({','.join('?' * len(statuses))})")
    params: list[Any] = [unit_code, file_sha256, *statuses]
    if period is not None:
        sql += " AND period = ?"
        params.append(period)
    rows = _rows(db, sql + " ORDER BY id DESC LIMIT 1", params)
    return rows[0] if rows else None


def add_report(db: Database, **values: Any) -> int:
    cols = _columns(values, REPORT_COLUMNS)
    sql = f"INSERT INTO signed_reports ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
    return int(db.conn.execute(sql, [values[c] for c in cols]).lastrowid)


def update_report(db: Database, report_id: int, **values: Any) -> None:
    cols = _columns(values, REPORT_COLUMNS)
    sql = f"UPDATE signed_reports SET {', '.join(f'{c} = ?' for c in cols)} WHERE id = ?"
    db.conn.execute(sql, [*(values[c] for c in cols), report_id])


def supersede(db: Database, unit_code: str, period: str, at: str, reason: str,
              keep: int | None = None) -> list[int]:
    """Mark the period's reports (but ``keep``) not yet superseded «superseded»; returns their ids."""
    sql = "FROM signed_reports WHERE unit_code = ? AND period = ? AND status != 'superseded'"
    params: list[Any] = [unit_code, period]
    if keep is not None:
        sql += " AND id != ?"
        params.append(keep)
    ids = [r["id"] for r in _rows(db, f"SELECT id {sql}", params)]
    db.conn.execute(f"UPDATE signed_reports SET status = 'superseded', superseded_at = ?, status_at = ?, "
                    f"reason = ? WHERE id IN (SELECT id {sql})", [at, at, reason, *params])
    return ids


# -- period locks ------------------------------------------------------------------------------------------
def active_locks(db: Database) -> list[dict[str, Any]]:
    """The locks not reopened (few: one per signed period), oldest period first, each with the signing
    moment of its report (``report_signed_at``)."""
    return _rows(db, "SELECT l.*, r.signed_at AS report_signed_at FROM period_locks l "
                     "LEFT JOIN signed_reports r ON r.id = l.report_id WHERE l.reopened_at IS NULL "
                     "ORDER BY l.start_date")


def active_lock(db: Database, unit_code: str, period: str) -> dict[str, Any] | None:
    rows = _rows(db, "SELECT * FROM period_locks WHERE unit_code = ? AND period = ? AND reopened_at IS NULL",
                 [unit_code, period])
    return rows[0] if rows else None


def locks(db: Database, unit_code: str, *, include_reopened: bool = False) -> list[dict[str, Any]]:
    sql = "SELECT * FROM period_locks WHERE unit_code = ?"
    if not include_reopened:
        sql += " AND reopened_at IS NULL"
    return _rows(db, sql + " ORDER BY start_date, id", [unit_code])


def add_lock(db: Database, **values: Any) -> int:
    cols = _columns(values, LOCK_COLUMNS)
    sql = f"INSERT INTO period_locks ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
    return int(db.conn.execute(sql, [values[c] for c in cols]).lastrowid)


def update_active_lock(db: Database, unit_code: str, period: str, **values: Any) -> None:
    """Change the period's active lock (its report, or reopening it)."""
    cols = _columns(values, LOCK_COLUMNS)
    db.conn.execute(f"UPDATE period_locks SET {', '.join(f'{c} = ?' for c in cols)} "
                    "WHERE unit_code = ? AND period = ? AND reopened_at IS NULL",
                    [*(values[c] for c in cols), unit_code, period])


def active_locks_with_reports(db: Database) -> list[tuple]:
    """(period, unit_code, start_date, end_date, locked_at, locked_by, file_sha256, data_sha256, signed_at,
    signer) of every lock not reopened, with its report's hashes, by unit and period (what the anchor keeps)."""
    return db.conn.execute(
        "SELECT l.period, l.unit_code, l.start_date, l.end_date, l.locked_at, l.locked_by, r.file_sha256, "
        "r.data_sha256, r.signed_at, r.signer FROM period_locks l LEFT JOIN signed_reports r ON r.id = l.report_id "
        "WHERE l.reopened_at IS NULL ORDER BY l.unit_code, l.period").fetchall()


def reopen_notes_since(db: Database, seq: int) -> set[str]:
    """The notes of the audit log's ``reopen`` lines after line ``seq`` (which periods were reopened)."""
    return {r[0] for r in db.conn.execute("SELECT note FROM audit_log WHERE action = 'reopen' AND seq > ?", [seq])}
