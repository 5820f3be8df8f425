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
from plan_desktop.store.schema import EXCHANGE_TABLES_SQL, create_exchange_tables

Progress = Callable[[int, int, str], None]


#: The SQL of migration 0002_exchange (kept under its old name for callers).
TABLES_SQL = EXCHANGE_TABLES_SQL


# -- bookkeeping tables ------------------------------------------------------------------------------
def ensure_tables(inst: Installation) -> None:
    """Make sure the exchange tables exist. Migration ``0002_exchange`` creates them whenever a store
    is opened, so this is a no-op for an opened installation; kept (idempotent, one transaction)
    for callers that want to be sure."""
    db = inst.store.db
    if db["exchange_receipts"].exists():
        return
    with db.atomic():
        create_exchange_tables(db)


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
