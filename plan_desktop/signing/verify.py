"""Check the signatures of a PDF: intact or altered, who signed, when, and whether the signer's
certificate leads to a trust root the user imported. Also reads the data hash the report carries.

Offline: no revocation data is fetched (``soft-fail``), so "trusted" means "chains to an imported
root and is within its validity period", not "not revoked".
"""

from __future__ import annotations

import contextlib
import io
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from plan_desktop.signing.errors import SigningError
from plan_desktop.signing.timefmt import format_vn

DATA_HASH_KEY = "plan_desktop:data_sha256"
_DATA_HASH_RE = re.compile(rb"plan_desktop:data_sha256=([0-9a-fA-F]{64})")
#: The format version of the data hash, written beside it since version 2 (none: version 1).
_DATA_HASH_VERSION_RE = re.compile(rb"plan_desktop:data_hash_version=(\d{1,4})")


@dataclass
class SignatureCheck:
    """One signature of the file, as checked."""

    index: int  # 1-based, in signing order
    field_name: str
    signer: str  # common name of the certificate
    organisation: str
    issuer: str
    signing_time: datetime | None  # as the signer's computer claimed it (no timestamp server)
    reason: str
    location: str
    intact: bool  # the signed bytes are unchanged and the signature is mathematically valid
    trusted: bool | None  # None: no trust root to check against
    covers_whole_file: bool
    problems: list[str] = field(default_factory=list)  # Vietnamese

    def summary_vi(self, total: int) -> str:
        state = "NGUYÊN VẸN" if self.intact else "KHÔNG HỢP LỆ"
        who = self.signer + (f" ({self.organisation})" if self.organisation else "")
        when = f", ký lúc {format_vn(self.signing_time)}" if self.signing_time else ""
        if self.trusted is None:
            trust = "chưa kiểm tra độ tin cậy (chưa nhập chứng thư gốc nào)"
        elif self.trusted:
            trust = f"chứng thư do «{self.issuer}» cấp, ĐƯỢC TIN CẬY"
        else:
            trust = f"chứng thư do «{self.issuer}» cấp, KHÔNG được tin cậy"
        line = f"Chữ ký {self.index}/{total} (ô «{self.field_name}»): {state} — người ký: {who}{when}; {trust}."
        if self.problems:
            line += "\n" + "\n".join(f"    - {p}" for p in self.problems)
        return line


@dataclass
class VerifyResult:
    path: Path
    signatures: list[SignatureCheck]
    data_sha256: str | None
    error: str | None = None  # the file could not be read as a PDF at all
    checked_trust: bool = False
    #: the format version of ``data_sha256`` (``reports/scope.py``); None without a data hash
    data_hash_version: int | None = None

    @property
    def intact(self) -> bool:
        """True when the file has at least one signature and every signature is intact."""
        return self.error is None and bool(self.signatures) and all(s.intact for s in self.signatures)

    @property
    def trusted(self) -> bool:
        return self.intact and self.checked_trust and all(s.trusted for s in self.signatures)

    def summary_vi(self) -> list[str]:
        name = self.path.name
        if self.error:
            return [f"Tệp «{name}»: {self.error}"]
        if not self.signatures:
            lines = [f"Tệp «{name}» không có chữ ký số nào."]
            if self.data_sha256:
                lines.append(f"Mã băm dữ liệu của báo cáo: {self.data_sha256}")
            return lines
        lines = []
        if self.intact:
            lines.append(f"Tệp «{name}» có {len(self.signatures)} chữ ký số; nội dung KHÔNG bị thay đổi sau khi ký.")
        else:
            lines.append(f"CẢNH BÁO: tệp «{name}» ĐÃ BỊ THAY ĐỔI sau khi ký hoặc có chữ ký không hợp lệ.")
        lines.extend(s.summary_vi(len(self.signatures)) for s in self.signatures)
        if self.data_sha256:
            lines.append(f"Mã băm dữ liệu của báo cáo: {self.data_sha256}")
        if self.checked_trust and self.intact and not self.trusted:
            lines.append("Có chữ ký mà chứng thư của người ký không thuộc các chứng thư gốc được tin cậy.")
        return lines


def _asn1(cert: x509.Certificate):
    from asn1crypto import x509 as a509

    return a509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


def _name_part(name, key: str) -> str:
    try:
        return str(name.native.get(key) or "")
    except Exception:
        return ""


def _txt(sig_obj, key: str) -> str:
    v = sig_obj.get(key)
    return str(v) if v is not None else ""


def _find_hash(blob: bytes) -> tuple[str, int] | None:
    """The data hash in ``blob`` and its format version (written beside it; 1 when absent)."""
    m = _DATA_HASH_RE.search(blob)
    if not m:
        return None
    v = _DATA_HASH_VERSION_RE.search(blob)
    return m.group(1).decode().lower(), int(v.group(1)) if v else 1


def _data_hash_from(resolver) -> tuple[str, int] | None:
    """Search the document information dictionary and the XMP metadata of one revision."""
    try:
        trailer = resolver.trailer_view
        info = trailer.get("/Info")
        if info is not None:
            info = info.get_object()
            for value in info.values():
                value = value.get_object()
                text = str(value).encode("utf-8", "replace")
                found = _find_hash(text)
                if found:
                    return found
        meta = trailer["/Root"].get("/Metadata")
        if meta is not None:
            return _find_hash(meta.get_object().data)
    except Exception:
        return None
    return None


def read_data_hash(path: Path) -> str | None:
    """The ``plan_desktop:data_sha256`` a report carries in its metadata, or None.

    For a signed file it is read from the revision the first signature covers, so metadata
    changed after signing does not count.
    """
    found = read_data_hash_info(path)
    return found[0] if found else None


def read_data_hash_info(path: Path) -> tuple[str, int] | None:
    """The data hash a report carries and its format version (``plan_desktop:data_hash_version``,
    1 when the report does not say), read as :func:`read_data_hash` does; None without a hash."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        reader = PdfFileReader(io.BytesIO(Path(path).read_bytes()), strict=False)
        sigs = reader.embedded_signatures
        if sigs:
            return _data_hash_from(reader.get_historical_resolver(sigs[0].signed_revision))
        return _data_hash_from(reader)
    except Exception:
        return None


@contextlib.contextmanager
def _quiet_library_logs():
    """pyHanko logs a traceback for every untrusted chain; the result already says it in Vietnamese."""
    loggers = [logging.getLogger(n) for n in ("pyhanko", "pyhanko_certvalidator")]
    levels = [lg.level for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for lg, level in zip(loggers, levels, strict=True):
            lg.setLevel(level)


def signer_names(path: str | Path) -> list[str]:
    """Common names of the signers of ``path`` in signing order (no validation)."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    reader = PdfFileReader(io.BytesIO(Path(path).read_bytes()), strict=False)
    return [_name_part(e.signer_cert.subject, "common_name") for e in reader.embedded_signatures]


def verify_pdf(path: str | Path, trust_roots: Iterable[x509.Certificate] | None = None) -> VerifyResult:
    """Check every signature of ``path``. ``trust_roots`` None: integrity only (trust not checked)."""
    from plan_desktop.signing.specs import require_pyhanko

    require_pyhanko()
    with _quiet_library_logs():
        return _verify_pdf(path, trust_roots)


def _verify_pdf(path: str | Path, trust_roots: Iterable[x509.Certificate] | None = None) -> VerifyResult:
    """Check every signature of ``path``. ``trust_roots`` None: integrity only (trust not checked)."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise SigningError(f"Không tìm thấy tệp «{path}».",
                           en=f"File not found: «{path}».") from None
    roots = list(trust_roots) if trust_roots is not None else None
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        embedded = list(reader.embedded_signatures)
    except Exception as exc:
        return VerifyResult(path, [], None, error=f"không đọc được tệp PDF (tệp hỏng hoặc đã bị sửa: {exc}).")
    if not embedded:
        found = _data_hash_from(reader)
        return VerifyResult(path, [], found[0] if found else None, checked_trust=roots is not None,
                            data_hash_version=found[1] if found else None)

    checks: list[SignatureCheck] = []
    total = len(embedded)
    for i, emb in enumerate(embedded, start=1):
        problems: list[str] = []
        cert = emb.signer_cert
        sig_obj = emb.sig_object
        ctx = ValidationContext(trust_roots=[_asn1(c) for c in (roots or [])], allow_fetching=False,
                                revocation_mode="soft-fail")
        try:
            status = validate_pdf_signature(emb, ctx)
        except Exception as exc:  # damaged signature container, unknown algorithm…
            checks.append(SignatureCheck(
                i, emb.field_name, _name_part(cert.subject, "common_name"), "", "", None, "", "", False,
                False if roots is not None else None, False,
                [f"không kiểm tra được chữ ký ({type(exc).__name__}: {exc})."]))
            continue
        intact = bool(status.intact and status.valid)
        if not status.intact:
            problems.append("nội dung được ký đã bị thay đổi (mã băm không khớp).")
        elif not status.valid:
            problems.append("giá trị chữ ký không khớp với chứng thư của người ký.")
        level = status.modification_level
        last = i == total
        allowed = ModificationLevel.LTA_UPDATES if last else ModificationLevel.FORM_FILLING
        if status.coverage is None or status.coverage < SignatureCoverageLevel.ENTIRE_REVISION:
            intact = False
            problems.append("chữ ký không phủ toàn bộ phiên bản tài liệu được ký.")
        elif level is not None and level > allowed:
            intact = False
            problems.append("tài liệu đã bị thêm hoặc sửa nội dung sau khi ký (không chỉ thêm chữ ký).")
        if status.docmdp_ok is False:
            intact = False
            problems.append("thay đổi sau khi ký vượt quá mức người ký cho phép.")
        trusted: bool | None = None
        if roots is not None:
            trusted = bool(status.trusted)
            if not roots:
                problems.append("chưa có chứng thư gốc tin cậy nào để đối chiếu.")
            elif not trusted and status.intact and status.valid:
                problems.append("chứng thư của người ký không dẫn tới chứng thư gốc được tin cậy "
                                "(hoặc đã hết hạn / không dùng để ký).")
        claimed = getattr(status, "signer_reported_dt", None) or emb.self_reported_timestamp

        checks.append(SignatureCheck(
            index=i,
            field_name=emb.field_name,
            signer=_name_part(cert.subject, "common_name") or cert.subject.human_friendly,
            organisation=_name_part(cert.subject, "organization_name"),
            issuer=_name_part(cert.issuer, "common_name") or cert.issuer.human_friendly,
            signing_time=claimed,
            reason=_txt(sig_obj, "/Reason"),
            location=_txt(sig_obj, "/Location"),
            intact=intact,
            trusted=trusted,
            covers_whole_file=status.coverage == SignatureCoverageLevel.ENTIRE_FILE,
            problems=problems,
        ))
    found = None
    try:
        resolver = reader.get_historical_resolver(embedded[0].signed_revision) if embedded else reader
        found = _data_hash_from(resolver)
    except Exception:
        found = None
    return VerifyResult(path, checks, found[0] if found else None, checked_trust=roots is not None,
                        data_hash_version=found[1] if found else None)
