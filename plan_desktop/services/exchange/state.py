"""The exchange bookkeeping tables, counters kept in them, the keys on record, unit labels."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from plan_desktop.exchange.keys import b64, unb64
from plan_desktop.exchange.package import (
    Bundle,
    KnownKey,
    unit_label,
)
from plan_desktop.services.installation import Installation
from plan_desktop.store import utc_now

Progress = Callable[[int, int, str], None]


TABLES_SQL = """
CREATE TABLE IF NOT EXISTS exchange_state (
    key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS exchange_exports (
    seq INTEGER PRIMARY KEY, created_at TEXT NOT NULL, file_name TEXT NOT NULL,
    manifest_sha256 TEXT NOT NULL, full INTEGER NOT NULL, since_change_seq INTEGER NOT NULL,
    upto_change_seq INTEGER NOT NULL, upto_archive_id INTEGER NOT NULL, encrypted_to TEXT,
    records INTEGER NOT NULL, status TEXT NOT NULL DEFAULT 'sent', status_reason TEXT, status_at TEXT,
    report_ids TEXT NOT NULL DEFAULT '[]');
CREATE TABLE IF NOT EXISTS exchange_keys (
    unit_code TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, signing_key TEXT, encryption_key TEXT,
    source TEXT NOT NULL, first_seen_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS exchange_received (
    manifest_sha256 TEXT PRIMARY KEY, unit_code TEXT NOT NULL, seq INTEGER NOT NULL, via_unit TEXT,
    created_at TEXT NOT NULL, imported_at TEXT NOT NULL, period_from TEXT, period_to TEXT,
    records INTEGER NOT NULL, reports TEXT NOT NULL DEFAULT '[]', fingerprint TEXT, file_name TEXT);
CREATE INDEX IF NOT EXISTS exchange_received_unit ON exchange_received (unit_code, seq);
CREATE TABLE IF NOT EXISTS exchange_archive (
    id INTEGER PRIMARY KEY AUTOINCREMENT, manifest_sha256 TEXT NOT NULL UNIQUE, unit_code TEXT NOT NULL,
    seq INTEGER NOT NULL, blob BLOB NOT NULL, archived_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS exchange_receipts (
    id INTEGER PRIMARY KEY AUTOINCREMENT, unit_code TEXT NOT NULL, seq INTEGER NOT NULL,
    package_sha256 TEXT NOT NULL, status TEXT NOT NULL, reason TEXT, created_at TEXT NOT NULL,
    file_name TEXT NOT NULL);
"""


# -- bookkeeping tables ------------------------------------------------------------------------------
def ensure_tables(inst: Installation) -> None:
    """Create the exchange tables if missing (idempotent, one transaction)."""
    db = inst.store.db
    if db["exchange_receipts"].exists():
        return
    with db.atomic():
        for stmt in TABLES_SQL.split(";"):
            if stmt.strip():
                db.execute(stmt)


def _state(inst: Installation, key: str, default: int = 0) -> int:
    row = inst.store.db.execute("SELECT value FROM exchange_state WHERE key = ?", [key]).fetchone()
    return int(row[0]) if row else default


def _set_state(inst: Installation, key: str, value: int) -> None:
    inst.store.db.execute(
        "INSERT INTO exchange_state(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = "
        "excluded.value",
        [key, str(value)],
    )


def known_keys(inst: Installation) -> dict[str, KnownKey]:
    out: dict[str, KnownKey] = {}
    for r in inst.store.db.query("SELECT * FROM exchange_keys"):
        out[r["unit_code"]] = KnownKey(
            r["unit_code"],
            r["fingerprint"],
            unb64(r["signing_key"], 32) if r["signing_key"] else None,
            unb64(r["encryption_key"], 32) if r["encryption_key"] else None,
        )
    return out


def _record_key(
    inst: Installation, unit: str, signing: bytes, encryption: bytes | None, fpr: str, source: str
) -> None:
    """Insert or complete a unit's key (caller holds the transaction; caller checked trust)."""
    now = utc_now()
    row = inst.store.db.execute(
        "SELECT signing_key, encryption_key FROM exchange_keys WHERE unit_code = ?", [unit]
    ).fetchone()
    enc = b64(encryption) if encryption else None
    if row is None:
        inst.store.db.execute(
            "INSERT INTO exchange_keys(unit_code, fingerprint, signing_key, encryption_key, source, "
            "first_seen_at, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [unit, fpr, b64(signing), enc, source, now, now],
        )
    elif row[0] != b64(signing) or (enc and row[1] != enc):
        inst.store.db.execute(
            "UPDATE exchange_keys SET fingerprint = ?, signing_key = ?, encryption_key = COALESCE(?, "
            "encryption_key), "
            "updated_at = ? WHERE unit_code = ?",
            [fpr, b64(signing), enc, now, unit],
        )


def _on(inst: Installation) -> date:
    return date(inst.working_year, 12, 31)


def _label(inst: Installation, code: str, on: date | None = None) -> str:
    return unit_label(inst.units, code, on or _on(inst))


def _bundle_label(inst: Installation, bundle: Bundle) -> str:
    try:
        on = date.fromisoformat(bundle.manifest["period"]["to"])
    except (KeyError, TypeError, ValueError):
        on = None
    return _label(inst, bundle.unit, on)
