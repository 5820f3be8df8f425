"""Trust roots the user has imported (e.g. the root certificate of the Ban Cơ yếu Chính phủ CA).

Kept as PEM files in ``<data folder>/trust/``, one per certificate, named by its SHA-256
fingerprint. Only certificates the user imported are trusted: never the operating system's store.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from plan_desktop.signing.errors import SigningError, read_given_file

TRUST_DIRNAME = "trust"


def trust_dir(data_folder: Path) -> Path:
    return Path(data_folder) / TRUST_DIRNAME


def _cn(name: x509.Name) -> str:
    attrs = name.get_attributes_for_oid(x509.oid.NameOID.COMMON_NAME)
    return str(attrs[0].value) if attrs else name.rfc4514_string()


@dataclass(frozen=True)
class CertInfo:
    fingerprint: str  # SHA-256 of the DER, hex
    subject: str  # common name
    issuer: str
    not_before: datetime
    not_after: datetime
    is_ca: bool
    der: bytes

    @classmethod
    def of(cls, cert: x509.Certificate) -> CertInfo:
        der = cert.public_bytes(serialization.Encoding.DER)
        try:
            is_ca = cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
        except x509.ExtensionNotFound:
            is_ca = False
        return cls(hashlib.sha256(der).hexdigest(), _cn(cert.subject), _cn(cert.issuer),
                   cert.not_valid_before_utc, cert.not_valid_after_utc, is_ca, der)


def load_certificates(path: Path) -> list[x509.Certificate]:
    """Certificates in a PEM (one or more) or DER file; SigningError if there are none."""
    path = Path(path)
    data = read_given_file(path, "tệp chứng thư", "certificate file")
    try:
        if b"-----BEGIN CERTIFICATE-----" in data:
            certs = x509.load_pem_x509_certificates(data)
        else:
            certs = [x509.load_der_x509_certificate(data)]
    except ValueError:
        raise SigningError(f"Tệp «{path.name}» không phải chứng thư số (PEM hoặc DER/CER).",
                           en=f"The file «{path.name}» is not a certificate (PEM or DER/CER).") from None
    if not certs:
        raise SigningError(f"Tệp «{path.name}» không chứa chứng thư số nào.",
                           en=f"The file «{path.name}» contains no certificate.")
    return certs


class TrustStore:
    """The imported trust roots of one data folder."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)

    @classmethod
    def for_data_folder(cls, data_folder: Path) -> TrustStore:
        return cls(trust_dir(data_folder))

    def import_file(self, path: Path) -> list[CertInfo]:
        """Add every certificate in ``path``; returns them (already present ones too)."""
        certs = load_certificates(path)
        self.folder.mkdir(parents=True, exist_ok=True)
        added = []
        for cert in certs:
            info = CertInfo.of(cert)
            target = self.folder / f"{info.fingerprint}.pem"
            if not target.exists():
                tmp = target.with_suffix(".tmp")
                tmp.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
                tmp.replace(target)
            added.append(info)
        return added

    def remove(self, fingerprint: str) -> bool:
        fingerprint = fingerprint.lower().replace(":", "")
        for p in self._files():
            if p.stem.startswith(fingerprint) and len(fingerprint) >= 8:
                p.unlink()
                return True
        return False

    def _files(self) -> list[Path]:
        return sorted(self.folder.glob("*.pem")) if self.folder.is_dir() else []

    def certificates(self) -> list[x509.Certificate]:
        out: list[x509.Certificate] = []
        for p in self._files():
            try:
                out.extend(x509.load_pem_x509_certificates(p.read_bytes()))
            except (ValueError, OSError):
                continue  # a damaged file is not a trust root
        return out

    def list(self) -> list[CertInfo]:
        return [CertInfo.of(c) for c in self.certificates()]
