"""The exchange bookkeeping tables, counters kept in them, the keys on record, unit labels."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from datetime import date

from plan_desktop import paths
from plan_desktop.exchange.errors import PackageRefused
from plan_desktop.exchange.keys import KeyPair, b64, ensure_keys, short_code, unb64
from plan_desktop.exchange.package import (
    Bundle,
    KnownKey,
    Untrusted,
    Voucher,
    make_voucher,
    unit_label,
)
from plan_desktop.services.installation import Installation
from plan_desktop.store import exchange_state, utc_now
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
    value = exchange_state.state(inst.store.db, key)
    return int(value) if value is not None else default


def _set_state(inst: Installation, key: str, value: int) -> None:
    exchange_state.set_state(inst.store.db, key, str(value))


def known_keys(inst: Installation) -> dict[str, KnownKey]:
    out: dict[str, KnownKey] = {}
    for r in exchange_state.keys(inst.store.db):
        out[r["unit_code"]] = KnownKey(
            r["unit_code"],
            r["fingerprint"],
            unb64(r["signing_key"], 32) if r["signing_key"] else None,
            unb64(r["encryption_key"], 32) if r["encryption_key"] else None,
            r.get("short_code"),
            r["source"] != "tofu",
        )
    return out


def _record_key(
    inst: Installation, unit: str, signing: bytes, encryption: bytes | None, fpr: str, source: str
) -> None:
    """Pin a unit's key (caller holds the transaction; caller checked trust): insert, replace a
    different key, or complete a missing encryption key. ``source`` says why it is trusted:
    ``confirmed`` (short code compared by phone), ``officer`` (code enrolled in advance),
    ``setup`` (the parent's setup file, trusted), ``vouched:<unit>`` (vouched for by that unit)."""
    now = utc_now()
    db = inst.store.db
    row = exchange_state.key_row(db, unit)
    enc = b64(encryption) if encryption else None
    if row is None:
        exchange_state.insert_key(db, unit, fpr, b64(signing), enc, source, now, short_code(signing))
    elif row[0] != b64(signing):
        exchange_state.replace_key(db, unit, fpr, b64(signing), enc, source, now, short_code(signing))
    elif (enc and row[1] != enc) or row[2] == "tofu":
        exchange_state.complete_key(db, unit, enc, source if row[2] == "tofu" else row[2], now)


def store_voucher(inst: Installation, voucher: Voucher) -> None:
    """Keep a voucher for this unit's own key (caller holds the transaction): passed on in setup files."""
    exchange_state.put_voucher(inst.store.db, voucher.issuer, voucher.unit, json.dumps(voucher.to_json()),
                               utc_now())


def vouchers_for(inst: Installation, units: Iterable[str] | None = None) -> list[dict]:
    """This unit's signed vouchers for the keys it pinned of ``units`` (default: every child with a
    pinned key), as they travel in a manifest."""
    keys = own_keys_pair(inst)
    today = date.today()
    out = []
    wanted = None if units is None else set(units)
    for unit, k in sorted(known_keys(inst).items()):
        if k.signing_key is None or not k.confirmed or (wanted is not None and unit not in wanted):
            continue
        if wanted is None:
            u = inst.units.get(unit, _on(inst)) or inst.units.get(unit)
            if u is None or u.parent_code != inst.unit_code:
                continue
        out.append(make_voucher(keys, inst.unit_code, unit, k.signing_key, k.encryption_key, today).to_json())
    return out


def received_vouchers(inst: Installation) -> list[dict]:
    """The vouchers the level above gave for this unit's own key."""
    return [json.loads(v) for v in exchange_state.vouchers_for_unit(inst.store.db, inst.unit_code)]


def own_keys_pair(inst: Installation) -> KeyPair:
    """This installation's key pair, made on first use. When password protection is on, the
    logged-in session's KEK encrypts/decrypts the private key files (services/access)."""
    session = getattr(inst, "session", None)
    return ensure_keys(
        paths.keys_dir(inst.folder),
        protect=getattr(session, "protect", None),
        unprotect=getattr(session, "unprotect", None),
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


# -- files held apart -------------------------------------------------------------------------------
REASON_VI = {
    "unknown": "khóa chưa được xác nhận",
    "changed": "khóa KHÁC với khóa đã ghi nhận (đơn vị cài lại chương trình, hoặc tệp giả mạo)",
    "unconfirmed": "khóa do phiên bản cũ ghi nhận lần đầu, chưa được xác nhận",
}


def untrusted_json(inst: Installation, untrusted: Iterable[Untrusted]) -> list[dict]:
    return [
        {
            "unit": u.unit,
            "label": _label(inst, u.unit),
            "code": u.code,
            "fingerprint": u.fingerprint,
            "signing": b64(u.signing_key),
            "encryption": b64(u.encryption_key) if u.encryption_key else None,
            "reason": u.reason,
            "pinned": u.pinned_fingerprint,
        }
        for u in untrusted
    ]


#: Files held apart at most: a stick full of forged files cannot fill the data file.
MAX_PENDING = 50


def hold_file(inst: Installation, kind: str, name: str, data: bytes, untrusted: Iterable[Untrusted]) -> None:
    """Keep a verified file whose signing key nothing vouches for apart, nothing of it applied, until
    an approver confirms the key (``keys approve``) or rejects it. Holding the same file again only
    refreshes the list of keys it waits for. Refused (PackageRefused) when :data:`MAX_PENDING` files
    already wait."""
    units = json.dumps(untrusted_json(inst, untrusted), ensure_ascii=False)
    digest = hashlib.sha256(data).hexdigest()
    db = inst.store.db
    waiting = exchange_state.pending_count_other_than(db, digest)
    if waiting >= MAX_PENDING:
        raise PackageRefused(
            f"Đã có {waiting} tệp chờ xác nhận khóa; tệp này không được giữ lại. Hãy xác nhận hoặc từ chối các "
            "tệp đang chờ («plan-desktop keys pending») rồi nhập lại.",
            "too_many_pending",
            en=f"{waiting} files already wait for a key to be confirmed; confirm or reject them, then import again.",
        )
    with inst.store.db.atomic():
        exchange_state.hold_pending(inst.store.db, kind, digest, name[:200], data, units, utc_now())


REASON_EN = {
    "unknown": "the key has not been confirmed",
    "changed": "the key DIFFERS from the recorded one (the unit reinstalled the program, or the file is forged)",
    "unconfirmed": "the key was first recorded by an older version and has not been confirmed",
}


def held_message_en(inst: Installation, untrusted: Iterable[Untrusted]) -> str:
    """:func:`held_message` in English."""
    parts = [f"{_label(inst, u.unit)}: {REASON_EN.get(u.reason, u.reason)}; key code in the file {u.code}"
             for u in untrusted]
    first = next(iter(untrusted))
    return (
        "AWAITING CONFIRMATION — " + "; ".join(parts) + ". Nothing was imported from this file. Call the unit and "
        "ask them to read their key code (command «plan-desktop keys show» or the «Signing keys» tab on their "
        "computer) and compare it with the code above; if it matches, a person with approval rights runs "
        f"«plan-desktop keys approve --unit {first.unit} --code {first.code}» (or clicks «Confirm» on the "
        "«Signing keys» tab); if not, reject it («plan-desktop keys reject "
        f"--unit {first.unit}»)."
    )


def held_message(inst: Installation, untrusted: Iterable[Untrusted]) -> str:
    parts = []
    for u in untrusted:
        parts.append(
            f"{_label(inst, u.unit)}: {REASON_VI.get(u.reason, u.reason)}; mã khóa trong tệp {u.code}"
        )
    first = next(iter(untrusted))
    return (
        "CHỜ XÁC NHẬN — " + "; ".join(parts) + ". Chưa nhập gì từ tệp này. Hãy gọi điện cho đơn vị, nhờ họ đọc mã "
        "khóa (lệnh «plan-desktop keys show» hoặc thẻ «Khóa ký số» ở máy họ) và so với mã trên; nếu khớp, "
        f"người có quyền phê duyệt chạy «plan-desktop keys approve --unit {first.unit} --code {first.code}» "
        "(hoặc bấm «Xác nhận» ở thẻ «Khóa ký số»); nếu không khớp, hãy từ chối («plan-desktop keys reject "
        f"--unit {first.unit}»)."
    )
