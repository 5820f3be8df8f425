"""The exchange bookkeeping tables (migration ``0002_exchange``): counters, pinned keys, vouchers, files
held apart, chain anchors, packages sent and received, receipts. The SQL of ``services/exchange/``
(but ``imports.py``). Each function is one question or one change; the caller holds the transaction
(``with db.atomic():``) around changes that belong together.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlite_utils import Database


# -- counters ----------------------------------------------------------------------------------------
def state(db: Database, key: str) -> str | None:
    row = db.execute("SELECT value FROM exchange_state WHERE key = ?", [key]).fetchone()
    return row[0] if row else None


def set_state(db: Database, key: str, value: str) -> None:
    db.execute(
        "INSERT INTO exchange_state(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = "
        "excluded.value",
        [key, value],
    )


# -- pinned keys -------------------------------------------------------------------------------------
def keys(db: Database, ordered: bool = False) -> list[dict[str, Any]]:
    """Every pinned key (ordered by unit when ``ordered``)."""
    return list(db.query("SELECT * FROM exchange_keys" + (" ORDER BY unit_code" if ordered else "")))


def key_row(db: Database, unit: str) -> tuple[str | None, str | None, str] | None:
    """(signing_key, encryption_key, source) pinned for ``unit``."""
    return db.execute(
        "SELECT signing_key, encryption_key, source FROM exchange_keys WHERE unit_code = ?", [unit]
    ).fetchone()


def key_codes(db: Database, unit: str) -> tuple[str, str | None, str | None] | None:
    """(fingerprint, short_code, signing_key) pinned for ``unit``."""
    return db.execute(
        "SELECT fingerprint, short_code, signing_key FROM exchange_keys WHERE unit_code = ?", [unit]
    ).fetchone()


def insert_key(db: Database, unit: str, fingerprint: str, signing: str | None, encryption: str | None,
               source: str, now: str, code: str | None) -> None:
    db.execute(
        "INSERT INTO exchange_keys(unit_code, fingerprint, signing_key, encryption_key, source, "
        "first_seen_at, updated_at, short_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [unit, fingerprint, signing, encryption, source, now, now, code],
    )


def replace_key(db: Database, unit: str, fingerprint: str, signing: str, encryption: str | None, source: str,
                now: str, code: str) -> None:
    db.execute(
        "UPDATE exchange_keys SET fingerprint = ?, signing_key = ?, encryption_key = ?, source = ?, "
        "first_seen_at = ?, updated_at = ?, short_code = ? WHERE unit_code = ?",
        [fingerprint, signing, encryption, source, now, now, code, unit],
    )


def complete_key(db: Database, unit: str, encryption: str | None, source: str, now: str) -> None:
    """Fill a missing encryption key (kept when ``encryption`` is None) and set the source."""
    db.execute(
        "UPDATE exchange_keys SET encryption_key = COALESCE(?, encryption_key), source = ?, "
        "updated_at = ? WHERE unit_code = ?",
        [encryption, source, now, unit],
    )


def confirm_tofu_key(db: Database, unit: str, now: str) -> None:
    """A key first seen on trust becomes ``confirmed``."""
    db.execute(
        "UPDATE exchange_keys SET source = 'confirmed', updated_at = ? WHERE unit_code = ? AND source = 'tofu'",
        [now, unit],
    )


def delete_key(db: Database, unit: str) -> None:
    db.execute("DELETE FROM exchange_keys WHERE unit_code = ?", [unit])


# -- vouchers ----------------------------------------------------------------------------------------
def put_voucher(db: Database, issuer: str, unit: str, voucher: str, now: str) -> None:
    db.execute(
        "INSERT INTO exchange_vouchers(issuer, unit_code, voucher, received_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(issuer, unit_code) DO UPDATE SET voucher = excluded.voucher, received_at = excluded.received_at",
        [issuer, unit, voucher, now],
    )


def vouchers_for_unit(db: Database, unit: str) -> list[str]:
    """The vouchers (JSON text) kept for ``unit``'s key, by issuer."""
    return [r[0] for r in db.execute(
        "SELECT voucher FROM exchange_vouchers WHERE unit_code = ? ORDER BY issuer", [unit])]


# -- files held apart --------------------------------------------------------------------------------
def pending_count_other_than(db: Database, file_sha256: str) -> int:
    return int(db.execute("SELECT COUNT(*) FROM exchange_pending WHERE file_sha256 != ?",
                          [file_sha256]).fetchone()[0])


def hold_pending(db: Database, kind: str, file_sha256: str, file_name: str, blob: bytes, units: str,
                 now: str) -> None:
    """Hold a file apart; holding it again only refreshes ``units``."""
    db.execute(
        "INSERT INTO exchange_pending(kind, file_sha256, file_name, blob, units, received_at) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(file_sha256) DO UPDATE SET units = excluded.units",
        [kind, file_sha256, file_name, blob, units, now],
    )


def pending_list(db: Database) -> Iterator[dict[str, Any]]:
    """The files held apart, without their content, oldest first."""
    return db.query("SELECT id, kind, file_name, units, received_at FROM exchange_pending ORDER BY id")


def pending_files(db: Database) -> Iterator[dict[str, Any]]:
    """The files held apart with their content, oldest first."""
    return db.query("SELECT * FROM exchange_pending ORDER BY id")


def drop_pending(db: Database, row_id: int) -> None:
    db.execute("DELETE FROM exchange_pending WHERE id = ?", [row_id])


# -- chain anchors -----------------------------------------------------------------------------------
def last_anchor(db: Database, unit: str, kind: str, fingerprint: str, before_seq: int) -> tuple | None:
    """(seq, audit_seq, audit_hash) of the last anchor ``unit`` reported before file ``before_seq``."""
    return db.execute(
        "SELECT seq, audit_seq, audit_hash FROM exchange_anchors WHERE unit_code = ? AND kind = ? "
        "AND fingerprint = ? AND seq < ? ORDER BY seq DESC LIMIT 1",
        [unit, kind, fingerprint, before_seq],
    ).fetchone()


def add_anchor(db: Database, unit: str, kind: str, seq: int, audit_seq: int, audit_hash: str, now: str,
               fingerprint: str) -> None:
    db.execute(
        "INSERT OR IGNORE INTO exchange_anchors(unit_code, kind, seq, audit_seq, audit_hash, recorded_at, "
        "fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [unit, kind, seq, audit_seq, audit_hash, now, fingerprint],
    )


# -- packages sent -----------------------------------------------------------------------------------
def exports(db: Database) -> Iterator[dict[str, Any]]:
    """Every package sent, newest first."""
    return db.query("SELECT * FROM exchange_exports ORDER BY seq DESC")


def export_of(db: Database, seq: int) -> tuple | None:
    """(upto_change_seq, upto_archive_id, manifest_sha256, status, status_reason, report_ids) of package
    ``seq``."""
    return db.execute(
        "SELECT upto_change_seq, upto_archive_id, manifest_sha256, status, status_reason, report_ids "
        "FROM exchange_exports WHERE seq = ?",
        [seq],
    ).fetchone()


def last_export_seq(db: Database) -> int:
    return int(db.execute("SELECT COALESCE(MAX(seq), 0) FROM exchange_exports").fetchone()[0])


def recent_export_audit_seqs(db: Database, limit: int = 8) -> list[int]:
    return [r[0] for r in db.execute(
        "SELECT audit_seq FROM exchange_exports WHERE audit_seq IS NOT NULL ORDER BY seq DESC LIMIT ?", [limit]
    )]


def set_export_status(db: Database, seq: int, status: str, reason: str, at: str) -> None:
    db.execute(
        "UPDATE exchange_exports SET status = ?, status_reason = ?, status_at = ? WHERE seq = ?",
        [status, reason, at, seq],
    )


def add_export(db: Database, values: list[Any]) -> None:
    """One package sent: ``values`` in the column order of the statement."""
    db.execute(
        "INSERT INTO exchange_exports(seq, created_at, file_name, manifest_sha256, full, "
        "since_change_seq, "
        "upto_change_seq, upto_archive_id, encrypted_to, records, report_ids, audit_seq, audit_hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        values,
    )


def changed_rows(db: Database, table: str, unit: str, since: int, upto: int) -> list[dict[str, Any]]:
    """The unit's rows of a form table changed in (since, upto], by id."""
    return list(db.query(
        f"SELECT * FROM [{table}] WHERE unit_code = ? AND change_seq > ? AND change_seq <= ? ORDER BY id",
        [unit, since, upto],
    ))


def count_changed(db: Database, table: str, unit: str, since: int) -> int:
    return int(db.execute(
        f"SELECT COUNT(*) FROM [{table}] WHERE unit_code = ? AND change_seq > ?", [unit, since]
    ).fetchone()[0])


def archive_since(db: Database, since_id: int) -> list[dict[str, Any]]:
    """Forwarded bundles kept after ``since_id``: (id, blob), oldest first."""
    return list(db.query("SELECT id, blob FROM exchange_archive WHERE id > ? ORDER BY id", [since_id]))


# -- packages received, receipts ---------------------------------------------------------------------
def received_summary(db: Database) -> Iterator[dict[str, Any]]:
    """(unit_code, created_at, reports, records) of every package received, oldest first."""
    return db.query("SELECT unit_code, created_at, reports, records FROM exchange_received ORDER BY created_at")


def latest_received(db: Database, unit: str, seq: int | None = None) -> dict[str, Any] | None:
    """The latest package received straight from ``unit`` (number ``seq`` when given)."""
    sql = "SELECT * FROM exchange_received WHERE unit_code = ? AND via_unit IS NULL"
    params: list[Any] = [unit]
    if seq is not None:
        sql += " AND seq = ?"
        params.append(seq)
    rows = list(db.query(sql + " ORDER BY seq DESC, imported_at DESC LIMIT 1", params))
    return rows[0] if rows else None


def recent_receipt_audit_seqs(db: Database, unit: str, limit: int = 8) -> list[int]:
    return [r[0] for r in db.execute(
        "SELECT audit_seq FROM exchange_receipts WHERE unit_code = ? AND audit_seq IS NOT NULL "
        "ORDER BY id DESC LIMIT ?",
        [unit, limit],
    )]


def add_receipt(db: Database, unit: str, seq: int, package_sha256: str, status: str, reason: str, now: str,
                file_name: str, audit_seq: Any, audit_hash: Any) -> None:
    db.execute(
        "INSERT INTO exchange_receipts(unit_code, seq, package_sha256, status, reason, created_at, "
        "file_name, audit_seq, audit_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [unit, seq, package_sha256, status, reason, now, file_name, audit_seq, audit_hash],
    )


def received_units(db: Database) -> list[str]:
    """The units whose packages came straight from them, by code."""
    return [r[0] for r in db.execute(
        "SELECT DISTINCT unit_code FROM exchange_received WHERE via_unit IS NULL ORDER BY unit_code"
    ).fetchall()]


def last_received_seq(db: Database, unit: str) -> int:
    return db.execute("SELECT COALESCE(MAX(seq), 0) FROM exchange_received WHERE unit_code = ?",
                      [unit]).fetchone()[0]


def add_received_stub(db: Database, values: list[Any]) -> None:
    """A package recorded as received without its file (the demo's history): ``values`` in the column
    order of the statement; kept when one with the same manifest hash is there."""
    db.execute(
        "INSERT OR IGNORE INTO exchange_received(manifest_sha256, unit_code, seq, via_unit, "
        "created_at, imported_at, period_from, period_to, records, reports, fingerprint, "
        "file_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)",
        values,
    )


# -- packages received (the import) -------------------------------------------------------------------
def was_received(db: Database, manifest_sha256: str) -> bool:
    return db.execute("SELECT 1 FROM exchange_received WHERE manifest_sha256 = ?", [manifest_sha256]).fetchone() \
        is not None


def add_received(db: Database, values: list[Any]) -> None:
    """A package applied: ``values`` in the column order of the statement."""
    db.execute(
        "INSERT INTO exchange_received(manifest_sha256, unit_code, seq, via_unit, created_at, imported_at, "
        "period_from, period_to, records, reports, fingerprint, file_name) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        values,
    )


def received_seqs(db: Database, unit: str) -> list[int]:
    return [r[0] for r in db.execute("SELECT seq FROM exchange_received WHERE unit_code = ?", [unit])]


def received_other(db: Database, unit: str, seq: int, manifest_sha256: str, fingerprint: str) -> tuple | None:
    """(manifest hash, imported at) of another package received with the same number from the same key."""
    return db.execute(
        "SELECT manifest_sha256, imported_at FROM exchange_received WHERE unit_code = ? AND seq = ? "
        "AND manifest_sha256 != ? AND fingerprint = ?",
        [unit, seq, manifest_sha256, fingerprint],
    ).fetchone()


def last_received_seq_of_key(db: Database, unit: str, fingerprint: str) -> int:
    return db.execute("SELECT MAX(seq) FROM exchange_received WHERE unit_code = ? AND fingerprint = ?",
                      [unit, fingerprint]).fetchone()[0] or 0


def archived(db: Database, manifest_sha256: str) -> bool:
    return db.execute("SELECT 1 FROM exchange_archive WHERE manifest_sha256 = ?", [manifest_sha256]).fetchone() \
        is not None


def archive_bundle(db: Database, manifest_sha256: str, unit: str, seq: int, blob: bytes, now: str) -> None:
    """Keep a child's signed bundle to pass upward unchanged."""
    db.execute("INSERT INTO exchange_archive(manifest_sha256, unit_code, seq, blob, archived_at) "
               "VALUES (?, ?, ?, ?, ?)", [manifest_sha256, unit, seq, blob, now])
