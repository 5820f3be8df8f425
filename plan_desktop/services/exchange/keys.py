"""This installation's exchange keys, and the keys of other units on record.

No key is trusted on first use: a unit's key is on record because an approver compared its short code
by phone (``keys approve``, or ``keys trust`` before the first file), because it came in the parent's
setup file that was itself confirmed, or because the level above vouched for it."""

from __future__ import annotations

from dataclasses import dataclass

from plan_desktop import paths
from plan_desktop.exchange.errors import ExchangeError
from plan_desktop.exchange.keys import KeyPair, normalise_code, normalise_fingerprint, short_code
from plan_desktop.services.exchange.state import _on, own_keys_pair
from plan_desktop.services.installation import Installation
from plan_desktop.store import exchange_state, utc_now


# -- keys ----------------------------------------------------------------------------------------------
def own_keys(inst: Installation) -> KeyPair:
    """This installation's key pair, made on first use (see :func:`state.own_keys_pair`)."""
    return own_keys_pair(inst)


def _require_approver(inst: Installation, action_vi: str) -> None:
    session = getattr(inst, "session", None)
    require = getattr(session, "require", None)
    if require is not None:
        require("approver", action_vi)


@dataclass(frozen=True)
class KeyInfo:
    unit_code: str
    unit_name: str
    fingerprint: str
    source: str
    first_seen_at: str
    has_key: bool
    code: str = ""  # the short code read out by phone


#: What each ``exchange_keys.source`` means, for the officer.
SOURCE_VI = {
    "confirmed": "đã xác nhận qua điện thoại",
    "officer": "đã đăng ký trước",
    "setup": "từ tệp thiết lập của cấp trên",
    "tofu": "CHƯA XÁC NHẬN (ghi nhận lần đầu bởi phiên bản cũ)",
}


def source_vi(source: str) -> str:
    if source.startswith("vouched:"):
        return f"do đơn vị mã {source.split(':', 1)[1]} xác nhận"
    if source.startswith("via:"):
        return f"theo tệp thiết lập của đơn vị mã {source.split(':', 1)[1]}"
    return SOURCE_VI.get(source, source)


def keys_overview(inst: Installation) -> tuple[str, list[KeyInfo]]:
    """Own short code, and the keys on record for other units."""
    own = own_keys(inst).code
    rows = []
    for r in exchange_state.keys(inst.store.db, ordered=True):
        u = inst.units.get(r["unit_code"], _on(inst)) or inst.units.get(r["unit_code"])
        rows.append(
            KeyInfo(
                r["unit_code"],
                u.name if u else "",
                r["fingerprint"],
                r["source"],
                r["first_seen_at"],
                bool(r["signing_key"]),
                r.get("short_code") or "",
            )
        )
    return own, rows


def trust_key(inst: Installation, unit: str, code_text: str) -> str:
    """Enrol a unit's key in advance by its short code (or 30-digit fingerprint), read out by phone:
    the next file signed by that key is trusted. A key already on record with this code (one an older
    version took on first use) becomes confirmed. Returns the canonical code."""
    _require_approver(inst, "đăng ký khóa của đơn vị khác")
    code = fpr = None
    try:
        code = normalise_code(code_text)
    except ValueError:
        try:
            fpr = normalise_fingerprint(code_text)
        except ValueError:
            raise ExchangeError(
                f"Mã khóa «{code_text}» không hợp lệ: cần 16 ký tự (4 nhóm 4 ký tự, ví dụ ABCD-EFGH-JKLM-NPQR).",
                en=f"Key code {code_text!r} is not valid: 16 characters are needed (4 groups of 4).",
            ) from None
    if not inst.units.versions(unit):
        raise ExchangeError(f"Không có đơn vị mã {unit} trong danh mục.", en=f"No unit {unit} in the list.")
    if unit == inst.unit_code:
        raise ExchangeError("Không đăng ký khóa cho chính đơn vị mình.", en="A unit does not enrol its own key.")
    now = utc_now()
    with inst.store.db.atomic():
        row = exchange_state.key_codes(inst.store.db, unit)
        if row and (row[1] == code or row[0] == fpr):
            if row[2]:
                exchange_state.confirm_tofu_key(inst.store.db, unit, now)
            return row[1] or code or fpr
        exchange_state.delete_key(inst.store.db, unit)
        exchange_state.insert_key(inst.store.db, unit, fpr or "", None, None, "officer", now, code)
    return code or fpr


def has_keys(inst: Installation) -> bool:
    folder = paths.keys_dir(inst.folder)
    return (folder / "signing_ed25519.pem").exists()


__all__ = ["KeyInfo", "has_keys", "keys_overview", "own_keys", "short_code", "source_vi", "trust_key"]
