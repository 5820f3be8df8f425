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
import hmac
import json
import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from plan_desktop import paths
from plan_desktop.store import Store, StoreError, audit, utc_now
from plan_desktop.store.backup import copy_database, write_file_atomic
from plan_desktop.store.db import is_encrypted
from plan_desktop.usererror import UserError

log = logging.getLogger(__name__)

OFFICER = "officer"
APPROVER = "approver"
ROLES = (OFFICER, APPROVER)
ROLE_VI = {OFFICER: "cán bộ nhập liệu", APPROVER: "người phê duyệt"}
ROLE_EN = {OFFICER: "data entry officer", APPROVER: "approver"}
MIN_LENGTH = 8
# scrypt cost: about 50 ms on an office PC, 16 MB of memory.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1


#: Wrong passwords allowed without waiting; then 1, 2, 4 … seconds before each try, at most MAX_DELAY.
FREE_TRIES = 3
MAX_DELAY = 30.0
_sleep = time.sleep  # tests replace it


def login_delay(failures: int) -> float:
    """Seconds to wait before checking a password after ``failures`` wrong ones in a row."""
    if failures < FREE_TRIES:
        return 0.0
    return min(MAX_DELAY, float(2 ** (failures - FREE_TRIES)))


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
                              f"{ROLE_VI[role]}.",
                              en=f"Only the {ROLE_EN[role]} may do this. Please log in with the "
                                 f"{ROLE_EN[role]}'s password.")

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
            raise AccessError("Khóa bí mật đang được bảo vệ bằng mật khẩu; hãy đăng nhập trước.",
                              en="The private key is protected by a password; please log in first.")
        try:
            return AESGCM(self.kek).decrypt(blob[4:16], blob[16:], b"plan_desktop private key")
        except InvalidTag:
            raise AccessError("Không giải mã được khóa bí mật (mật khẩu không đúng hoặc tệp khóa đã bị sửa).",
                              en="The private key cannot be decrypted (wrong password, or the key file has been "
                                 "changed).") from None


OPEN_SESSION = Session(APPROVER)


SLOTS_FILE = "access_slots.json"
FAILURES_FILE = "login_failures.json"
#: What the data key is derived from the KEK with (HMAC-SHA256): the SQLCipher key of the data file.
_DATA_KEY_INFO = b"plan_desktop data file v1"


def data_key(kek: bytes) -> bytes:
    """The 32-byte SQLCipher key of the data file and its backups, derived from the KEK: the same for
    both roles and unchanged by a password change (the slots wrap the KEK, not the data)."""
    return hmac.new(kek, _DATA_KEY_INFO, hashlib.sha256).digest()


def slots_file(folder: Path) -> Path:
    """The password slots kept beside the data file: an encrypted file can't be opened to read its own
    settings, and the slots belong to the folder (its key files are encrypted under them), not to a
    version of the data, so a restore keeps them."""
    return folder / SLOTS_FILE


def _read_slots_doc(folder: Path) -> dict:
    try:
        raw = json.loads(slots_file(folder).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return raw if isinstance(raw, dict) else {}


def read_slots_file(folder: Path) -> dict[str, dict] | None:
    """The slots kept beside the data file, or None when there is no readable copy."""
    slots = _read_slots_doc(folder).get("slots")
    return slots if isinstance(slots, dict) else None


def slots_file_unit(folder: Path) -> str | None:
    """The unit code written with the slots (for the login prompt of an encrypted folder)."""
    unit = _read_slots_doc(folder).get("unit_code")
    return unit if isinstance(unit, str) else None


def write_slots_file(folder: Path, unit_code: str | None, slots: dict[str, dict]) -> None:
    if slots:
        doc = {"unit_code": unit_code, "slots": slots}
        write_file_atomic(slots_file(folder), json.dumps(doc, indent=1).encode())
    else:
        slots_file(folder).unlink(missing_ok=True)


def folder_locked(folder: Path) -> bool:
    """Whether the folder's data file is encrypted under its password slots: it opens only with a
    password. (A file that is not SQLite in a folder without slots is damaged, not locked.)"""
    return is_encrypted(paths.db_path(folder)) and bool(read_slots_file(folder))


def _failures_path(folder: Path) -> Path:
    return folder / FAILURES_FILE


def failures(folder: Path) -> int:
    """Wrong passwords in a row since the last good one (kept beside the data file, so that starting the
    program again does not reset the wait)."""
    try:
        return int(json.loads(_failures_path(folder).read_text(encoding="utf-8"))["count"])
    except (OSError, ValueError, KeyError, TypeError):
        return 0


def _set_failures(folder: Path, count: int) -> None:
    try:
        if count:
            write_file_atomic(_failures_path(folder), json.dumps({"count": count, "at": utc_now()}).encode())
        else:
            _failures_path(folder).unlink(missing_ok=True)
    except OSError as exc:  # a read-only folder: the wait is then per run only
        log.warning("login failures not recorded: %s", exc)


def unlock(folder: Path, slots: dict[str, dict], password: str,
           record: Callable[[int, str, str], None] | None = None) -> Session:
    """The session of the role whose password this is. After :data:`FREE_TRIES` wrong passwords in a row
    each further try first waits longer (:func:`login_delay`, at most :data:`MAX_DELAY` s); every wrong
    password goes to the log file, and to the audit log through ``record(count, note, action)`` when the
    data is open."""
    count = failures(folder)
    wait = login_delay(count)
    if wait:
        _sleep(wait)
    for role in (APPROVER, OFFICER):
        if role in slots:
            kek = _unwrap(slots[role], password, role)
            if kek is not None:
                if count:
                    _set_failures(folder, 0)
                    log.info("password accepted after %d wrong ones", count)
                    if record is not None:
                        record(0, f"Đăng nhập đúng sau {count} lần sai mật khẩu.", "login")
                return Session(role, kek)
    count += 1
    _set_failures(folder, count)
    log.warning("wrong password (%d in a row)", count)
    if record is not None:
        record(count, f"Sai mật khẩu (lần thứ {count} liên tiếp).", "login_failed")
    raise AccessError("Mật khẩu không đúng.",
                      en="Wrong password.")


class Access:
    def __init__(self, store: Store):
        self.store = store

    @property
    def folder(self) -> Path | None:
        return self.store.path.parent if self.store.path is not None else None

    def _slots(self) -> dict[str, dict]:
        raw = self.store.get_setting("access_slots")
        return dict(raw) if raw else {}

    def _save(self, slots: dict[str, dict]) -> None:
        """Write the slots to the settings and to the copy beside the data file."""
        self.store.set_settings({"access_slots": slots})
        if self.folder is not None:
            write_slots_file(self.folder, self.store.unit_code, slots)

    def file_matches(self) -> bool:
        """Whether the copy beside the data file agrees with the settings (no copy: nothing to compare,
        unless the settings hold slots of an encrypted file)."""
        if self.folder is None:
            return True
        kept = read_slots_file(self.folder)
        if kept is None:
            return not (self.store.key and self._slots())
        return kept == self._slots()

    @property
    def enabled(self) -> bool:
        return bool(self._slots())

    @staticmethod
    def _check_new(password: str) -> None:
        if len(password) < MIN_LENGTH:
            raise AccessError(f"Mật khẩu phải có ít nhất {MIN_LENGTH} ký tự.",
                              en=f"The password must have at least {MIN_LENGTH} characters.")

    def enable(self, officer_password: str, approver_password: str) -> Session:
        """Turn protection on with a password per role. Returns an approver session."""
        if self.enabled:
            raise AccessError("Chương trình đã có mật khẩu; hãy dùng chức năng đổi mật khẩu.",
                              en="The program already has a password; use «change password» instead.")
        self._check_new(officer_password)
        self._check_new(approver_password)
        if officer_password == approver_password:
            raise AccessError("Mật khẩu của cán bộ nhập liệu và của người phê duyệt phải khác nhau.",
                              en="The passwords of the data entry officer and of the approver must be different.")
        kek = os.urandom(32)
        self._save({OFFICER: _wrap(kek, officer_password, OFFICER), APPROVER: _wrap(kek, approver_password, APPROVER)})
        return Session(APPROVER, kek)

    def failures(self) -> int:
        """Wrong passwords in a row since the last good one."""
        return failures(self.folder) if self.folder is not None else 0

    def login(self, password: str) -> Session:
        """:func:`unlock` with the slots of the open data file; wrong passwords also in its audit log."""
        slots = self._slots()
        if not slots:
            return OPEN_SESSION
        if self.folder is None:
            for role in (APPROVER, OFFICER):
                kek = _unwrap(slots[role], password, role) if role in slots else None
                if kek is not None:
                    return Session(role, kek)
            raise AccessError("Mật khẩu không đúng.",
                              en="Wrong password.")
        return unlock(self.folder, slots, password, self.record_login)

    def record_login(self, count: int, note: str, action: str) -> None:
        """An audit row for a login (a wrong password, or the right one after wrong ones)."""
        with self.store.db.atomic():
            audit.append(self.store.db, at=utc_now(), actor="", action=action, form=None, record_id=None,
                         unit_code=self.store.unit_code, revision=None, content_hash=None, note=note)

    def change_password(self, session: Session, role: str, new_password: str) -> None:
        """An approver may set either role's password; an officer only their own."""
        if role not in ROLES:
            raise AccessError(f"Vai trò «{role}» không tồn tại (dùng officer hoặc approver).",
                              en=f"The role «{role}» does not exist (use officer or approver).")
        if session.kek is None:
            raise AccessError("Chương trình chưa có mật khẩu; hãy bật bảo vệ bằng mật khẩu trước.",
                              en="The program has no password yet; turn on password protection first.")
        if role == APPROVER:
            session.require(APPROVER, "đổi mật khẩu của người phê duyệt")
        self._check_new(new_password)
        slots = self._slots()
        slots[role] = _wrap(session.kek, new_password, role)
        self._save(slots)

    def disable(self, session: Session) -> None:
        session.require(APPROVER, "tắt bảo vệ bằng mật khẩu")
        self._save({})


# -- switching protection for an installation (settings and private key files) -------------------------
def _key_error(exc: Exception) -> AccessError:
    return AccessError(f"Không ghi lại được tệp khóa bí mật của đơn vị: {exc}")


class Protectable(Protocol):
    """What switching protection (and re-encrypting) works on, an installation: its data folder, who is
    working, its store and password slots, and its background backup to wait for."""

    folder: Path
    session: Session
    store: Store

    @property
    def access(self) -> Access: ...

    def wait_for_backup(self) -> None: ...


def enable_protection(inst: Protectable, officer_password: str, approver_password: str) -> Session:
    """Turn password protection on and encrypt the unit's private key files with the new KEK.

    Refused passwords change nothing. Returns the approver session (also set on ``inst``)."""
    from plan_desktop.exchange.errors import ExchangeError
    from plan_desktop.exchange.keys import load_keys

    keys_dir = paths.keys_dir(inst.folder)
    try:  # the keys must be readable now, or enabling would lock them away for good
        load_keys(keys_dir, inst.session.unprotect)
    except ExchangeError as exc:
        raise AccessError(str(exc),
                          en=getattr(exc, "en", None) or str(exc)) from None
    session = inst.access.enable(officer_password, approver_password)
    inst.session = session
    try:
        protect_key_files(inst.folder, session)
    except (OSError, ExchangeError) as exc:  # the keys stay plain (readable); the next login retries
        raise AccessError(
            f"Đã bật bảo vệ bằng mật khẩu nhưng chưa mã hóa được tệp khóa bí mật ({exc}); "
            "chương trình sẽ thử lại ở lần đăng nhập sau.",
            en=f"Password protection is on but the private key file could not be encrypted yet ({exc}); "
               "the program will try again at the next login.",
        ) from None
    reencrypt(inst, data_key(session.kek))  # a crash before this: encrypted at the next login
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
            raise AccessError(str(exc),
                              en=getattr(exc, "en", None) or str(exc)) from None
        except OSError as exc:
            raise _key_error(exc) from None
        reencrypt(inst, None)  # a crash after this: a plain file still protected, encrypted at the next login
    inst.access.disable(session)
    inst.session = OPEN_SESSION


def reencrypt(inst: Protectable, key: bytes | None) -> dict[str, float]:
    """Encrypt the data file and every backup in the folder under ``key`` (None: decrypt them).

    Each file in one safe step: the new file is written beside the old (``.part``), fsynced and renamed
    over it, so a crash leaves the old file or the new, never half of one; a ``.part`` left by a kill is
    removed at the next start. The store is closed for the copy (its WAL folded into the file) and opened
    again on the result. A backup encrypted under a key from an earlier protection (turned off and on
    since) is left as it is. Returns seconds taken (``data``, ``backups``), for the log."""
    folder, db = inst.folder, paths.db_path(inst.folder)
    old = inst.store.key
    started = time.perf_counter()
    if old != key:
        inst.wait_for_backup()
        inst.store.close()
        current = old
        try:
            for side in ("-wal", "-shm"):  # a clean close folds the WAL in and removes both
                db.with_name(db.name + side).unlink(missing_ok=True)
            copy_database(db, db, src_key=old, dest_key=key)
            current = key
        finally:
            inst.store.reopen(current)
    took = {"data": time.perf_counter() - started}
    started = time.perf_counter()
    for backup in sorted(paths.backup_dir(folder).glob("*.sqlite")):
        encrypted = is_encrypted(backup)
        if encrypted == (key is not None) and (not encrypted or old == key):
            continue
        try:
            copy_database(backup, backup, src_key=old if encrypted else None, dest_key=key)
        except StoreError as exc:
            log.warning("backup %s left as it is: %s", backup.name, exc)
    took["backups"] = time.perf_counter() - started
    log.info("data file %s in %.1f s, backups in %.1f s", "encrypted" if key else "decrypted", took["data"],
             took["backups"])
    return took


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
