"""This installation's exchange keys, and the keys of other units on record (trust on first use)."""

from __future__ import annotations

from dataclasses import dataclass

from plan_desktop import paths
from plan_desktop.exchange.errors import ExchangeError
from plan_desktop.exchange.keys import KeyPair, ensure_keys, normalise_fingerprint
from plan_desktop.services.exchange.state import (
    _on,
)
from plan_desktop.services.installation import Installation
from plan_desktop.store import utc_now


# -- keys ----------------------------------------------------------------------------------------------
def own_keys(inst: Installation) -> KeyPair:
    """This installation's key pair, made on first use. When password protection is on, the
    logged-in session's KEK encrypts/decrypts the private key files (services/access)."""
    session = getattr(inst, "session", None)
    return ensure_keys(
        paths.keys_dir(inst.folder),
        protect=getattr(session, "protect", None),
        unprotect=getattr(session, "unprotect", None),
    )


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


def keys_overview(inst: Installation) -> tuple[str, list[KeyInfo]]:
    """Own fingerprint, and the keys on record for other units."""
    own = own_keys(inst).fingerprint
    rows = []
    for r in inst.store.db.query("SELECT * FROM exchange_keys ORDER BY unit_code"):
        u = inst.units.get(r["unit_code"], _on(inst)) or inst.units.get(r["unit_code"])
        rows.append(
            KeyInfo(
                r["unit_code"],
                u.name if u else "",
                r["fingerprint"],
                r["source"],
                r["first_seen_at"],
                bool(r["signing_key"]),
            )
        )
    return own, rows


def trust_key(inst: Installation, unit: str, fingerprint_text: str) -> str:
    """Re-enrol a unit: the next package must be signed by the key with this fingerprint."""
    _require_approver(inst, "đăng ký lại khóa của đơn vị khác")
    try:
        fpr = normalise_fingerprint(fingerprint_text)
    except ValueError:
        raise ExchangeError(
            f"Dấu vân tay «{fingerprint_text}» không hợp lệ: cần đúng 30 chữ số (6 nhóm 5 số)."
        ) from None
    if not inst.units.versions(unit):
        raise ExchangeError(f"Không có đơn vị mã {unit} trong danh mục.")
    if unit == inst.unit_code:
        raise ExchangeError("Không đăng ký khóa cho chính đơn vị mình.")
    now = utc_now()
    with inst.store.db.atomic():
        row = inst.store.db.execute(
            "SELECT fingerprint FROM exchange_keys WHERE unit_code = ?", [unit]
        ).fetchone()
        if row and row[0] == fpr:
            return fpr
        inst.store.db.execute("DELETE FROM exchange_keys WHERE unit_code = ?", [unit])
        inst.store.db.execute(
            "INSERT INTO exchange_keys(unit_code, fingerprint, signing_key, encryption_key, source, "
            "first_seen_at, "
            "updated_at) VALUES (?, ?, NULL, NULL, 'officer', ?, ?)",
            [unit, fpr, now, now],
        )
    return fpr


def has_keys(inst: Installation) -> bool:
    folder = paths.keys_dir(inst.folder)
    return (folder / "signing_ed25519.pem").exists()
