"""Receipts back down: the parent writes a signed receipt per package, the child applies it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from plan_desktop.exchange.errors import ExchangeError, PackageRefused
from plan_desktop.exchange.keys import short_code
from plan_desktop.exchange.package import (
    RECEIPT_EXT,
    SignedManifest,
    TrustCheck,
    Untrusted,
    Voucher,
    build_signed_document,
    open_file,
    read_vouchers,
)
from plan_desktop.services.exchange.anchors import audit_block, compare_anchor, record_anchor
from plan_desktop.services.exchange.export import (
    _set_report_status,
)
from plan_desktop.services.exchange.files import _write_verified
from plan_desktop.services.exchange.keys import (
    own_keys,
)
from plan_desktop.services.exchange.state import (
    _label,
    _on,
    _record_key,
    _set_state,
    _state,
    held_message,
    held_message_en,
    known_keys,
    received_vouchers,
    store_voucher,
    vouchers_for,
)
from plan_desktop.services.installation import Installation
from plan_desktop.store import exchange_state, utc_now


# -- receipts -----------------------------------------------------------------------------------------------
@dataclass
class ReceiptResult:
    path: Path
    unit: str
    sequence: int
    status: str


def write_receipt(
    inst: Installation,
    unit: str,
    out_dir: Path,
    *,
    sequence: int | None = None,
    status: str = "accepted",
    reason: str = "",
) -> ReceiptResult:
    """A signed receipt for a child's package (the latest received unless ``sequence``)."""
    if status not in ("accepted", "returned"):
        raise ExchangeError("Kết quả phải là «accepted» (tiếp nhận) hoặc «returned» (trả lại).",
                            en="The result must be «accepted» or «returned».")
    if status == "returned" and not reason.strip():
        raise ExchangeError("Khi trả lại gói cần ghi rõ lý do.",
                            en="When returning a package, give the reason.")
    keys = own_keys(inst)
    r = exchange_state.latest_received(inst.store.db, unit, sequence)
    if r is None:
        which = f"gói số {sequence}" if sequence else "gói nào"
        raise ExchangeError(f"Chưa nhận {which} của {_label(inst, unit)}; không lập được biên nhận.",
                            en=f"Nothing has been received from {_label(inst, unit)} yet; no receipt can be made.")
    me = inst.unit()
    now = utc_now()
    previous = exchange_state.recent_receipt_audit_seqs(inst.store.db, unit)
    chain = audit_block(inst, previous)
    manifest = {
        "kind": "receipt",
        "issuer": {"unit": inst.unit_code, "name": me.name},
        "unit": unit,
        "sequence": r["seq"],
        "package_sha256": r["manifest_sha256"],
        "status": status,
        "reason": reason.strip(),
        "created_at": now,
        "records": r["records"],
        # the child's key as this unit pinned it, vouched for: the child passes it on in its own setup files
        "vouchers": vouchers_for(inst, [unit]),
        # and this unit's own key as the level above vouched for it
        "vouchers_above": received_vouchers(inst),
        # this unit's audit chain head, and its hash now at the heads earlier receipts to the unit carried
        "audit": chain,
    }
    data, raw = build_signed_document(keys, manifest)
    name = f"{unit}_bien-nhan_{r['seq']:04d}_{now[:10].replace('-', '')}{RECEIPT_EXT}"
    path = Path(out_dir) / name

    def check(back: bytes) -> None:
        signed, _ = open_file(back, "Biên nhận vừa ghi")
        if signed.raw != raw:
            raise ExchangeError("Biên nhận vừa ghi không khớp khi đọc lại.",
                                en="The receipt just written does not match when read back.")

    def commit() -> None:
        with inst.store.db.atomic():
            exchange_state.add_receipt(inst.store.db, unit, r["seq"], r["manifest_sha256"], status, reason.strip(),
                                       now, name, *chain["head"])

    _write_verified(path, data, check, commit)
    return ReceiptResult(path, unit, r["seq"], status)


def _check_issuer_is_parent(inst: Installation, signed: SignedManifest, what: str) -> str:
    issuer = signed.data["issuer"]["unit"]
    on = _on(inst)
    parents = {p.code for d in (on, date.today()) if (p := inst.units.parent_for(inst.unit_code, d))}
    if issuer not in parents:
        raise PackageRefused(
            f"{what} do {_label(inst, issuer)} lập, không phải đơn vị cấp trên của đơn vị này.",
            "foreign_unit",
            en=f"The file was made by {_label(inst, issuer)}, which is not the higher-level unit of this unit.",
        )
    return issuer


@dataclass(frozen=True)
class CheckedReceipt:
    """A receipt verified against this installation (nothing written yet)."""

    signed: SignedManifest
    issuer: str
    trust_status: str  # 'known', 'enrolled', 'vouched' or 'held' (see TrustCheck.check)
    export: tuple  # the exchange_exports row of the package it acknowledges
    changes: bool  # whether applying it changes the store (else it was applied before)
    untrusted: tuple[Untrusted, ...] = ()  # held: nothing vouches for the issuer's key
    own_voucher: Voucher | None = None  # the issuer's voucher for this unit's key
    source: str = "confirmed"  # exchange_keys.source of the issuer's key once applied


def check_receipt(inst: Installation, signed: SignedManifest) -> CheckedReceipt:
    """Every check of a receipt against this installation, before anything is written: for this unit,
    from its parent with the key on record, for a package it exported. Raises PackageRefused."""
    m = signed.data
    what = "Biên nhận"
    if m["unit"] != inst.unit_code:
        raise PackageRefused(
            f"{what} này dành cho đơn vị mã {m['unit']}, không phải đơn vị này.", "foreign_unit",
            en=f"This receipt is for the unit with code {m['unit']}, not this unit.",
        )
    issuer = _check_issuer_is_parent(inst, signed, what)
    known = known_keys(inst)
    trust = TrustCheck(known)
    # the issuer's key may be vouched for by the level above it, with a key pinned here (setup file)
    trust.vouched = _vouched_by_above(inst, signed.data.get("vouchers_above"), issuer, known)
    status = trust.check(issuer, signed, _label(inst, issuer))
    exp = exchange_state.export_of(inst.store.db, m["sequence"])
    if exp is None or exp[2] != m["package_sha256"]:
        raise PackageRefused(
            f"{what} ghi nhận gói số {m['sequence']}, nhưng đơn vị này không xuất gói đó.", "unknown_package",
            en=f"The receipt acknowledges package number {m['sequence']}, but this unit did not export that package.",
        )
    k = known.get(issuer)
    key_changes = (
        k is None
        or k.signing_key != signed.signing_key
        or (signed.encryption_key is not None and k.encryption_key != signed.encryption_key)
    )
    accepted = m["status"] == "accepted"
    changes = (
        key_changes
        or (exp[3], exp[4] or "") != (m["status"], m.get("reason", ""))
        or (accepted and exp[0] > _state(inst, "acked_change_seq"))
        or (accepted and exp[1] > _state(inst, "acked_archive_id"))
    )
    own_voucher = read_vouchers(m.get("vouchers"), issuer, signed.signing_key, date.today()).get(inst.unit_code)
    return CheckedReceipt(
        signed,
        issuer,
        status,
        tuple(exp),
        bool(changes),
        tuple(trust.untrusted),
        own_voucher,
        _source(status, trust.vouched.get(issuer)),
    )


def _vouched_by_above(inst: Installation, items, issuer: str, known) -> dict[str, Voucher]:
    """Vouchers in a file for ``issuer``'s key signed by ``issuer``'s parent with a key pinned here."""
    above = inst.units.parent(issuer, _on(inst)) or inst.units.parent(issuer, date.today())
    if above is None:
        return {}
    k = known.get(above.code)
    if k is None or k.signing_key is None or not k.confirmed:
        return {}
    v = read_vouchers(items, above.code, k.signing_key, date.today()).get(issuer)
    return {issuer: v} if v is not None else {}


def _apply_receipt(inst: Installation, signed: SignedManifest, checked: CheckedReceipt | None = None) -> str:
    """Apply a receipt in one transaction (checked first with :func:`check_receipt` unless given)."""
    checked = checked or check_receipt(inst, signed)
    m = signed.data
    issuer, status, exp = checked.issuer, checked.trust_status, checked.export
    db = inst.store.db
    if checked.untrusted:  # callers hold such a receipt apart; never applied
        raise PackageRefused(held_message(inst, checked.untrusted), "held",
                             en=held_message_en(inst, checked.untrusted))
    chain = m.get("audit")
    anchor_problems = compare_anchor(
        inst, issuer, "receipt", m["sequence"], signed.fingerprint, chain, _label(inst, issuer)
    )
    with db.atomic():
        record_anchor(inst, issuer, "receipt", m["sequence"], signed.fingerprint, chain)
        _record_key(inst, issuer, signed.signing_key, signed.encryption_key, signed.fingerprint, checked.source)
        if checked.own_voucher is not None and checked.own_voucher.signing == own_keys(inst).signing_public:
            store_voucher(inst, checked.own_voucher)
        if (exp[3], exp[4] or "") != (m["status"], m.get("reason", "")):
            exchange_state.set_export_status(db, m["sequence"], m["status"], m.get("reason", ""), m["created_at"])
        if m["status"] == "accepted":
            if exp[0] > _state(inst, "acked_change_seq"):
                _set_state(inst, "acked_change_seq", exp[0])
            if exp[1] > _state(inst, "acked_archive_id"):
                _set_state(inst, "acked_archive_id", exp[1])
            if exp[3] != "accepted":
                _set_report_status(inst, json.loads(exp[5] or "[]"), "accepted")
    if m["status"] == "accepted":
        msg = f"{_label(inst, issuer)} đã tiếp nhận gói số {m['sequence']}."
    else:
        msg = f"{_label(inst, issuer)} TRẢ LẠI gói số {m['sequence']}: {m.get('reason', '')}"
    if status in ("enrolled", "vouched"):
        msg += f" Ghi nhận khóa của đơn vị cấp trên: mã khóa {short_code(signed.signing_key)}."
    for p in anchor_problems:
        msg += f" CẢNH BÁO: {p}"
    return msg


def _source(status: str, voucher: Voucher | None = None) -> str:
    """The ``exchange_keys.source`` of a key trusted with ``status``."""
    if status == "vouched" and voucher is not None:
        return f"vouched:{voucher.issuer}"
    return {"enrolled": "officer", "vouched": "vouched"}.get(status, "confirmed")
