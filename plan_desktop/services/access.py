"""Optional password protection with two roles: officer (enters data) and approver (signs reports,
reopens periods).

Passwords are never stored: each role has a *key slot* in the settings — a random key-encryption key
(KEK) wrapped with AES-GCM under a key derived from the role's password with scrypt. Logging in with
either password unwraps the same KEK, which in turn protects the installation's private keys
(:meth:`Session.protect` / :meth:`Session.unprotect`). Changing a password rewraps one slot; the keys
themselves don't change. With protection off, everyone is approver and private keys are stored as the
exchange module writes them.

:func:`enable_protection` and :func:`disable_protection` switch protection for an installation: the
slots in the settings *and* the private key files in ``<data folder>/keys`` (encrypted with the KEK
on enable, decrypted on disable). The order is chosen so that a key file is never encrypted under
a KEK that is not stored: on enable the slots are committed first, then the files encrypted; on
disable the files are decrypted first, then the slots cleared. A key file left plain while
protection is on (a crash in between) stays readable and is encrypted at the next login.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from plan_desktop import paths
from plan_desktop.store import Store
from plan_desktop.usererror import UserError

log = logging.getLogger(__name__)

OFFICER = "officer"
APPROVER = "approver"
ROLES = (OFFICER, APPROVER)
ROLE_VI = {OFFICER: "cán bộ nhập liệu", APPROVER: "người phê duyệt"}
MIN_LENGTH = 8
# scrypt cost: about 50 ms on an office PC, 16 MB of memory.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1


class AccessError(UserError, PermissionError):
    """Not allowed, or a wrong password (Vietnamese message)."""


def _b64(b: bytes) -> str:
    return base64.b64encode(b).decode("ascii")


def _unb64(s: str) -> bytes:
    return base64.b64decode(s.encode("ascii"))


def _derive(password: str, salt: bytes, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=64 * 1024 * 1024, dklen=32)


def _wrap(kek: bytes, password: str, role: str) -> dict:
    salt, nonce = os.urandom(16), os.urandom(12)
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # imported when used: a faster start

    ct = AESGCM(_derive(password, salt)).encrypt(nonce, kek, role.encode())
    return {"kdf": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P, "salt": _b64(salt),
            "nonce": _b64(nonce), "wrapped": _b64(ct)}


def _unwrap(slot: dict, password: str, role: str) -> bytes | None:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    key = _derive(password, _unb64(slot["salt"]), slot["n"], slot["r"], slot["p"])
    try:
        return AESGCM(key).decrypt(_unb64(slot["nonce"]), _unb64(slot["wrapped"]), role.encode())
    except InvalidTag:
        return None


@dataclass(frozen=True)
class Session:
    """Who is working: a role, and the KEK when protection is on (None when it is off)."""

    role: str
    kek: bytes | None = None

    def can(self, role: str) -> bool:
        return self.role == APPROVER or self.role == role

    def require(self, role: str, action_vi: str) -> None:
        if not self.can(role):
            raise AccessError(f"Chỉ {ROLE_VI[role]} mới được {action_vi}. Hãy đăng nhập bằng mật khẩu của "
                              f"{ROLE_VI[role]}.")

    def protect(self, secret: bytes) -> bytes:
        """Encrypt a private key for storage (unchanged when protection is off)."""
        if self.kek is None:
            return secret
        nonce = os.urandom(12)
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        return b"PDK1" + nonce + AESGCM(self.kek).encrypt(nonce, secret, b"plan_desktop private key")

    def unprotect(self, blob: bytes) -> bytes:
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        if not blob.startswith(b"PDK1"):
            return blob
        if self.kek is None:
            raise AccessError("Khóa bí mật đang được bảo vệ bằng mật khẩu; hãy đăng nhập trước.")
        try:
            return AESGCM(self.kek).decrypt(blob[4:16], blob[16:], b"plan_desktop private key")
        except InvalidTag:
            raise AccessError("Không giải mã được khóa bí mật (mật khẩu không đúng hoặc tệp khóa đã bị sửa).") from None


OPEN_SESSION = Session(APPROVER)


class Access:
    def __init__(self, store: Store):
        self.store = store

    def _slots(self) -> dict[str, dict]:
        raw = self.store.get_setting("access_slots")
        return dict(raw) if raw else {}

    @property
    def enabled(self) -> bool:
        return bool(self._slots())

    @staticmethod
    def _check_new(password: str) -> None:
        if len(password) < MIN_LENGTH:
            raise AccessError(f"Mật khẩu phải có ít nhất {MIN_LENGTH} ký tự.")

    def enable(self, officer_password: str, approver_password: str) -> Session:
        """Turn protection on with a password per role. Returns an approver session."""
        if self.enabled:
            raise AccessError("Chương trình đã có mật khẩu; hãy dùng chức năng đổi mật khẩu.")
        self._check_new(officer_password)
        self._check_new(approver_password)
        if officer_password == approver_password:
            raise AccessError("Mật khẩu của cán bộ nhập liệu và của người phê duyệt phải khác nhau.")
        kek = os.urandom(32)
        self.store.set_settings({"access_slots": {OFFICER: _wrap(kek, officer_password, OFFICER),
                                                  APPROVER: _wrap(kek, approver_password, APPROVER)}})
        return Session(APPROVER, kek)

    def login(self, password: str) -> Session:
        slots = self._slots()
        if not slots:
            return OPEN_SESSION
        for role in (APPROVER, OFFICER):
            if role in slots:
                kek = _unwrap(slots[role], password, role)
                if kek is not None:
                    return Session(role, kek)
        raise AccessError("Mật khẩu không đúng.")

    def change_password(self, session: Session, role: str, new_password: str) -> None:
        """An approver may set either role's password; an officer only their own."""
        if role not in ROLES:
            raise AccessError(f"Vai trò «{role}» không tồn tại (dùng officer hoặc approver).")
        if session.kek is None:
            raise AccessError("Chương trình chưa có mật khẩu; hãy bật bảo vệ bằng mật khẩu trước.")
        if role == APPROVER:
            session.require(APPROVER, "đổi mật khẩu của người phê duyệt")
        self._check_new(new_password)
        slots = self._slots()
        slots[role] = _wrap(session.kek, new_password, role)
        self.store.set_settings({"access_slots": slots})

    def disable(self, session: Session) -> None:
        session.require(APPROVER, "tắt bảo vệ bằng mật khẩu")
        self.store.set_settings({"access_slots": {}})


# -- switching protection for an installation (settings and private key files) -------------------------
def _key_error(exc: Exception) -> AccessError:
    return AccessError(f"Không ghi lại được tệp khóa bí mật của đơn vị: {exc}")


class Protectable(Protocol):
    """What switching protection works on (an installation): its data folder, who is working, and
    its password slots."""

    folder: Path
    session: Session

    @property
    def access(self) -> Access: ...


def enable_protection(inst: Protectable, officer_password: str, approver_password: str) -> Session:
    """Turn password protection on and encrypt the unit's private key files with the new KEK.

    Refused passwords change nothing. Returns the approver session (also set on ``inst``)."""
    from plan_desktop.exchange.errors import ExchangeError
    from plan_desktop.exchange.keys import load_keys

    keys_dir = paths.keys_dir(inst.folder)
    try:  # the keys must be readable now, or enabling would lock them away for good
        load_keys(keys_dir, inst.session.unprotect)
    except ExchangeError as exc:
        raise AccessError(str(exc)) from None
    session = inst.access.enable(officer_password, approver_password)
    inst.session = session
    try:
        protect_key_files(inst.folder, session)
    except (OSError, ExchangeError) as exc:  # the keys stay plain (readable); the next login retries
        raise AccessError(
            f"Đã bật bảo vệ bằng mật khẩu nhưng chưa mã hóa được tệp khóa bí mật ({exc}); "
            "chương trình sẽ thử lại ở lần đăng nhập sau."
        ) from None
    return session


def disable_protection(inst: Protectable) -> None:
    """Turn password protection off (approver only): decrypt the private key files, then clear the
    slots. A session that cannot decrypt the key files changes nothing."""
    from plan_desktop.exchange.errors import ExchangeError
    from plan_desktop.exchange.keys import rewrap_keys

    session = inst.session
    session.require(APPROVER, "tắt bảo vệ bằng mật khẩu")
    if inst.access.enabled:
        try:
            rewrap_keys(paths.keys_dir(inst.folder), session.unprotect, None)
        except ExchangeError as exc:
            raise AccessError(str(exc)) from None
        except OSError as exc:
            raise _key_error(exc) from None
    inst.access.disable(session)
    inst.session = OPEN_SESSION


def protect_key_files(folder, session: Session) -> bool:
    """Encrypt the private key files of ``folder`` that are still plain with the session's KEK.
    True if a file was rewritten. Nothing to do without a KEK or without keys."""
    from plan_desktop.exchange.keys import ENCRYPTION_FILE, PROTECTED_MAGIC, SIGNING_FILE, rewrap_keys

    if session.kek is None:
        return False
    keys_dir = paths.keys_dir(folder)
    files = [keys_dir / SIGNING_FILE, keys_dir / ENCRYPTION_FILE]
    if not any(f.exists() and not f.read_bytes().startswith(PROTECTED_MAGIC) for f in files):
        return False
    return rewrap_keys(keys_dir, session.unprotect, session.protect)


def slots_json(store: Store) -> str:
    """For diagnostics: the stored slots without secrets (never the KEK)."""
    return json.dumps({r: {k: v for k, v in s.items() if k in ("kdf", "n", "r", "p")}
                       for r, s in (store.get_setting("access_slots") or {}).items()})
