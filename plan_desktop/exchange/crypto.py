"""Encryption of a package's content to the parent unit: X25519 + HKDF-SHA256 + ChaCha20-Poly1305.

Nothing home-made: an ephemeral X25519 key agrees a secret with the recipient's public key, HKDF
derives a 256-bit key bound to both public keys, and the AEAD seals the payload with the header
(format, both public keys) as associated data. A fresh ephemeral key per package means the nonce
can be fixed; we still use a random one.
"""

from __future__ import annotations

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

SCHEME = "x25519-hkdf-sha256-chacha20poly1305"
_INFO = b"plan-desktop package payload v1"


def _raw(pub: X25519PublicKey) -> bytes:
    return pub.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _key(shared: bytes, eph_pub: bytes, rcpt_pub: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=eph_pub + rcpt_pub, info=_INFO).derive(shared)


def seal(plaintext: bytes, recipient_public: bytes, aad: bytes = b"") -> tuple[bytes, bytes, bytes]:
    """Encrypt to ``recipient_public`` (raw X25519). Returns (ephemeral public, nonce, ciphertext)."""
    eph = X25519PrivateKey.generate()
    eph_pub = _raw(eph.public_key())
    shared = eph.exchange(X25519PublicKey.from_public_bytes(recipient_public))
    nonce = os.urandom(12)
    ct = ChaCha20Poly1305(_key(shared, eph_pub, recipient_public)).encrypt(nonce, plaintext, aad)
    return eph_pub, nonce, ct


def open_sealed(
    ciphertext: bytes, recipient: X25519PrivateKey, eph_pub: bytes, nonce: bytes, aad: bytes = b""
) -> bytes | None:
    """Decrypt; None when the key is wrong or anything was changed."""
    try:
        rcpt_pub = _raw(recipient.public_key())
        shared = recipient.exchange(X25519PublicKey.from_public_bytes(eph_pub))
        return ChaCha20Poly1305(_key(shared, eph_pub, rcpt_pub)).decrypt(nonce, ciphertext, aad)
    except (InvalidTag, ValueError):
        return None
