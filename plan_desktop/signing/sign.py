"""Sign any PDF file with a PAdES (B-B) signature and a visible Vietnamese stamp.

The signature is added as an incremental update, so a second signature (the chairman after the
officer) leaves the first one intact. Nothing is fetched from the network: no timestamp server,
no revocation data (the program works offline).
"""

from __future__ import annotations

import io
import os
import tempfile
from datetime import datetime
from pathlib import Path

from plan_desktop.signing.errors import SigningError
from plan_desktop.signing.specs import SignerSpec
from plan_desktop.signing.stamp import nfc, stamp_style
from plan_desktop.signing.timefmt import VN_TZ, now_vn

#: A box on the page in PDF points: (left, bottom, right, top), origin at the bottom-left corner.
Box = tuple[float, float, float, float]

#: Default box when the caller gives none: bottom right of an A4 page, inside the margins.
DEFAULT_BOX: Box = (330.0, 60.0, 555.0, 125.0)


def _subject_cn(cert) -> str:
    try:
        return cert.subject.native.get("common_name") or cert.subject.human_friendly
    except Exception:
        return ""


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def declared_boxes(reader) -> dict[str, tuple[int, Box]]:
    """Signature places the report declared in its document information (see ``placement``)."""
    from plan_desktop.signing.placement import parse_declarations

    try:
        info = reader.trailer_view.get("/Info")
        if info is None:
            return {}
        texts = [str(v.get_object()) for v in info.get_object().values()]
    except Exception:
        return {}
    return parse_declarations(" ".join(texts))


def sign_pdf(
    in_path: str | os.PathLike[str],
    out_path: str | os.PathLike[str],
    signer: SignerSpec,
    *,
    field_name: str,
    box: Box | None,
    name: str | None,
    title: str | None,
    reason: str | None,
    location: str | None,
    page: int = -1,
    signing_time: datetime | None = None,
) -> None:
    """Sign ``in_path`` into ``out_path`` (may be the same file).

    ``field_name`` names the signature field; if the PDF already has an empty field of that name
    (a report may place one in its signature block) it is used and ``box`` is ignored, otherwise a
    field is made at ``box`` on ``page`` (0-based, negative counts from the end: -1 is the last).
    With ``box=None`` the place the PDF declares for ``field_name`` is used (``placement``), else
    :data:`DEFAULT_BOX` on ``page``.
    ``name`` defaults to the certificate's common name. The stamp shows name, title and the signing
    time in Vietnam's time zone. Raises :class:`SigningError` (Vietnamese message).
    """
    from plan_desktop.signing.specs import require_pyhanko

    require_pyhanko()
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.sign import fields, signers
    from pyhanko.sign.general import SigningError as HankoSigningError

    src = Path(in_path)
    try:
        data = src.read_bytes()
    except FileNotFoundError:
        raise SigningError(f"Không tìm thấy tệp cần ký «{src}».") from None
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    except (PdfError, ValueError) as exc:
        raise SigningError(f"Tệp «{src.name}» không phải tệp PDF đọc được ({exc}).") from None
    if writer.prev.encrypted:
        raise SigningError(f"Tệp «{src.name}» được mã hóa; không ký được.")

    existing = {f[0]: f for f in fields.enumerate_sig_fields(writer.prev, filled_status=None)}
    if field_name in existing:
        _, value, _ = existing[field_name]
        if value is not None:
            raise SigningError(f"Ô chữ ký «{field_name}» trong tệp đã được ký; hãy dùng ô chữ ký khác.")
        field_spec = None
    else:
        n_pages = int(writer.root["/Pages"]["/Count"])
        page_ix = page if page >= 0 else n_pages + page
        if box is None:
            declared = declared_boxes(writer.prev).get(field_name)
            if declared is not None and 0 <= declared[0] < n_pages:
                page_ix, box = declared
        if not 0 <= page_ix < n_pages:
            raise SigningError(f"Tệp chỉ có {n_pages} trang; không đặt được chữ ký ở trang {page + 1}.")
        x1, y1, x2, y2 = box or DEFAULT_BOX
        field_spec = fields.SigFieldSpec(sig_field_name=field_name, on_page=page_ix,
                                         box=(int(x1), int(y1), int(x2), int(y2)))

    moment = (signing_time or now_vn()).astimezone(VN_TZ)

    class _Signer(signers.PdfSigner):
        def init_signing_session(self, pdf_out, existing_fields_only=False):
            session = super().init_signing_session(pdf_out, existing_fields_only)
            session.system_time = moment  # one time for the CMS, the signature dictionary and the stamp
            return session

    with signer.open() as hanko_signer:
        signer_name = nfc(name or _subject_cn(hanko_signer.signing_cert))
        meta = signers.PdfSignatureMetadata(
            field_name=field_name,
            name=signer_name or None,
            reason=nfc(reason) or None,
            location=nfc(location) or None,
            md_algorithm="sha256",
            subfilter=fields.SigSeedSubFilter.PADES,
        )
        pdf_signer = _Signer(meta, hanko_signer, stamp_style=stamp_style(with_title=bool(title)),
                             new_field_spec=field_spec)
        out = io.BytesIO()
        try:
            pdf_signer.sign_pdf(writer, output=out,
                                appearance_text_params={"signer": signer_name, "title": nfc(title or "")})
        except HankoSigningError as exc:
            raise SigningError(f"Không ký được tệp «{src.name}»: {exc}") from None
        except RuntimeError as exc:  # python-pkcs11's errors (token pulled out, session closed…)
            from plan_desktop.signing.specs import _is_p11_error, _p11_message

            if _is_p11_error(exc):
                raise SigningError(_p11_message(exc, "khóa bí mật")) from None
            raise
    _atomic_write(Path(out_path), out.getvalue())
