"""The installation's own keys: Ed25519 to sign, X25519 to receive encrypted packages.

Both private keys live in ``<data folder>/keys/`` as PKCS#8 PEM files readable by the owner only
(mode 0600 where the platform has modes). They are generated lazily the first time they are needed
(:func:`ensure_keys`) and never leave the folder: packages carry only the public halves.

A fingerprint is what an officer reads over the phone: the SHA-256 of the raw Ed25519 public key,
turned into six groups of five digits (``12345 67890 …``), like Signal's safety numbers. Digits
are easy to read out in Vietnamese and compare by eye; 30 digits carry about 100 bits.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from plan_desktop.exchange.errors import ExchangeError
from plan_desktop.store.backup import write_file_atomic

SIGNING_FILE = "signing_ed25519.pem"
ENCRYPTION_FILE = "encryption_x25519.pem"


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: object, length: int | None = None) -> bytes:
    if not isinstance(text, str) or len(text) > 200:
        raise ValueError("not base64")
    raw = base64.b64decode(text.encode("ascii"), validate=True)
    if length is not None and len(raw) != length:
        raise ValueError("wrong length")
    return raw


def fingerprint(signing_public: bytes) -> str:
    """Six groups of five digits from the SHA-256 of a raw Ed25519 public key."""
    digest = hashlib.sha256(b"plan-desktop key v1\x00" + signing_public).digest()
    groups = [int.from_bytes(digest[i : i + 5], "big") % 100_000 for i in range(0, 30, 5)]
    return " ".join(f"{g:05d}" for g in groups)


def normalise_fingerprint(text: str) -> str:
    """What the officer typed (spaces, dashes, dots) as the canonical form; ValueError if not 30 digits."""
    digits = re.sub(r"[\s\-.:]", "", text or "")
    if not re.fullmatch(r"\d{30}", digits):
        raise ValueError(text)
    return " ".join(digits[i : i + 5] for i in range(0, 30, 5))


#: RFC 4648 base32: no 0, 1, 8 or 9, so a code read out over the phone has no O/0 or I/1 confusion;
#: what an officer types is forgiven the usual slips (0 for O, 1 for I, 8 for B) by :func:`normalise_code`.
_CODE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


def short_code(signing_public: bytes) -> str:
    """The key's short code read out by phone: four groups of four base32 characters (80 bits of the
    SHA-256 of the raw Ed25519 public key), e.g. ``K7QD-M2XA-PL4R-9…``."""
    digest = hashlib.sha256(b"plan-desktop key code v1\x00" + signing_public).digest()
    code = base64.b32encode(digest[:10]).decode("ascii")
    return "-".join(code[i : i + 4] for i in range(0, 16, 4))


def normalise_code(text: str) -> str:
    """What the officer typed as the canonical short code; ValueError if it is not 16 base32 characters."""
    raw = re.sub(r"[\s\-.:]", "", (text or "").upper()).translate(str.maketrans("018", "OIB"))
    if not re.fullmatch(f"[{_CODE_ALPHABET}]{{16}}", raw):
        raise ValueError(text)
    return "-".join(raw[i : i + 4] for i in range(0, 16, 4))


def code_matches(text: str, signing_public: bytes) -> bool:
    """Whether ``text`` (a short code, or the 30-digit fingerprint) names this key."""
    try:
        return normalise_code(text) == short_code(signing_public)
    except ValueError:
        pass
    try:
        return normalise_fingerprint(text) == fingerprint(signing_public)
    except ValueError:
        return False


def verify_signature(signing_public: bytes, signature: bytes, data: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(signing_public).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True


@dataclass(frozen=True)
class KeyPair:
    """The installation's private keys (kept in memory only while a command runs)."""

    signing: Ed25519PrivateKey
    encryption: X25519PrivateKey

    @property
    def signing_public(self) -> bytes:
        return self.signing.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )

    @property
    def encryption_public(self) -> bytes:
        return self.encryption.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.signing_public)

    @property
    def code(self) -> str:
        return short_code(self.signing_public)

    def sign(self, data: bytes) -> bytes:
        return self.signing.sign(data)

    @classmethod
    def generate(cls) -> KeyPair:
        return cls(Ed25519PrivateKey.generate(), X25519PrivateKey.generate())


def _write_private(path: Path, pem: bytes) -> None:
    """Write a key file owner-only from the start (no window in which others can read it), atomically."""
    write_file_atomic(path, pem)
    with contextlib.suppress(OSError):  # e.g. FAT on a stick has no modes
        os.chmod(path, 0o600)


def _pem(key) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


#: Optional hooks to keep private key files encrypted at rest (``services/access.Session.protect`` /
#: ``unprotect``): bytes -> bytes. A protected file starts with ``PDK1``.
Protect = Callable[[bytes], bytes]
PROTECTED_MAGIC = b"PDK1"


def _unwrap(blob: bytes, unprotect: Protect | None) -> bytes:
    if blob.startswith(PROTECTED_MAGIC):
        if unprotect is None:
            raise ExchangeError("Khóa bí mật của đơn vị đang được bảo vệ bằng mật khẩu; hãy đăng nhập trước.",
                                en="The unit's private key is protected by a password; please log in first.")
        return unprotect(blob)
    return blob


def load_keys(keys_dir: Path, unprotect: Protect | None = None) -> KeyPair | None:
    """The key pair in ``keys_dir``, or None when none was made yet.

    An error of ``unprotect`` (nobody logged in, a wrong key) propagates with its own message; a
    missing, unreadable or damaged file is an :class:`ExchangeError`."""
    sp, ep = keys_dir / SIGNING_FILE, keys_dir / ENCRYPTION_FILE
    if not sp.exists() and not ep.exists():
        return None
    damaged = (
        f"Không đọc được khóa của đơn vị trong {keys_dir} ({{}}). "
        "Hãy khôi phục thư mục «keys» từ bản sao lưu."
    )
    damaged_en = (
        f"Cannot read the unit's keys in {keys_dir} ({{}}). "
        "Restore the «keys» folder from a backup."
    )
    try:
        blobs = sp.read_bytes(), ep.read_bytes()
    except OSError as exc:
        raise ExchangeError(damaged.format(exc),
                            en=damaged_en.format(exc)) from None
    pems = [_unwrap(b, unprotect) for b in blobs]
    try:
        signing = serialization.load_pem_private_key(pems[0], password=None)
        encryption = serialization.load_pem_private_key(pems[1], password=None)
    except (ValueError, TypeError) as exc:
        raise ExchangeError(damaged.format(exc),
                            en=damaged_en.format(exc)) from None
    if not isinstance(signing, Ed25519PrivateKey) or not isinstance(encryption, X25519PrivateKey):
        raise ExchangeError(f"Tệp khóa trong {keys_dir} không đúng loại.",
                            en=f"The key file in {keys_dir} is of the wrong type.")
    return KeyPair(signing, encryption)


def _store(keys_dir: Path, pair: KeyPair, protect: Protect | None) -> None:
    keys_dir.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        os.chmod(keys_dir, 0o700)
    wrap = protect or (lambda b: b)
    _write_private(keys_dir / ENCRYPTION_FILE, wrap(_pem(pair.encryption)))
    _write_private(keys_dir / SIGNING_FILE, wrap(_pem(pair.signing)))


def ensure_keys(keys_dir: Path, protect: Protect | None = None, unprotect: Protect | None = None) -> KeyPair:
    """Load the key pair, making it on first use (private files mode 0600, encrypted with ``protect``
    when given)."""
    existing = load_keys(keys_dir, unprotect)
    if existing is not None:
        return existing
    pair = KeyPair.generate()
    _store(keys_dir, pair, protect)
    return pair


def rewrap_keys(keys_dir: Path, unprotect: Protect | None, protect: Protect | None) -> bool:
    """Rewrite the private key files under a new protection (password protection switched on/off or
    its key changed). The keys themselves, and so the fingerprint, stay the same. False if no keys."""
    pair = load_keys(keys_dir, unprotect)
    if pair is None:
        return False
    _store(keys_dir, pair, protect)
    return True


def x25519_public(raw: bytes) -> X25519PublicKey:
    return X25519PublicKey.from_public_bytes(raw)
