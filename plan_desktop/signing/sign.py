"""Sign any PDF file with a PAdES (B-B) signature and a visible Vietnamese stamp.

The signature is added as an incremental update, so a second signature (the chairman after the
officer) leaves the first one intact. Nothing is fetched from the network: no timestamp server,
no revocation data (the program works offline).
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from pathlib import Path

from plan_desktop.signing.errors import SigningError
from plan_desktop.signing.qr import QR_FIELD, appearance_stream
from plan_desktop.signing.specs import SignerSpec
from plan_desktop.signing.stamp import nfc, seal_style, stamp_style
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

    return parse_declarations(" ".join(read_info(reader).values()))


def read_info(reader) -> dict[str, str]:
    """The document information of a PDF (of the revision ``reader`` sees), as text."""
    try:
        info = reader.trailer_view.get("/Info")
        if info is None:
            return {}
        return {str(k).lstrip("/"): str(v.get_object()) for k, v in info.get_object().items()}
    except Exception:
        return {}


def add_signature_fields(data: bytes, names: Sequence[str]) -> bytes:
    """Make the empty signature fields ``names`` where the PDF declares them (an unsigned report, right
    after it is written): a certifying signature that allows form filling only lets later signers sign
    fields that already exist, so they are made before anyone signs."""
    from plan_desktop.signing.specs import require_pyhanko

    require_pyhanko()
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields

    writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    boxes = declared_boxes(writer.prev)
    existing = {f[0] for f in fields.enumerate_sig_fields(writer.prev, filled_status=None)}
    todo = [n for n in names if n in boxes and n not in existing]
    if not todo:
        return data
    for name in todo:
        page, (x1, y1, x2, y2) = boxes[name]
        fields.append_signature_field(writer, fields.SigFieldSpec(
            sig_field_name=name, on_page=page, box=(int(x1), int(y1), int(x2), int(y2))))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _open_writer(src: Path):
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.misc import PdfError

    try:
        data = src.read_bytes()
    except FileNotFoundError:
        raise SigningError(f"Không tìm thấy tệp cần ký «{src}».",
                           en=f"The file to sign «{src}» was not found.") from None
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    except (PdfError, ValueError) as exc:
        raise SigningError(f"Tệp «{src.name}» không phải tệp PDF đọc được ({exc}).",
                           en=f"The file «{src.name}» is not a readable PDF file ({exc}).") from None
    if writer.prev.encrypted:
        raise SigningError(f"Tệp «{src.name}» được mã hóa; không ký được.",
                           en=f"The file «{src.name}» is encrypted; it cannot be signed.")
    return writer


#: A function of the certificate's name (common name) giving the signature field to sign and the
#: title on the stamp; it raises :class:`SigningError` to refuse the signer.
FieldChooser = Callable[[str], tuple[str, str | None]]


def sign_pdf(
    in_path: str | os.PathLike[str],
    out_path: str | os.PathLike[str],
    signer: SignerSpec,
    *,
    field_name: str | None = None,
    box: Box | None,
    title: str | None,
    reason: str | None,
    location: str | None,
    page: int = -1,
    signing_time: datetime | None = None,
    choose: FieldChooser | None = None,
    image: Path | None = None,
    image_for: Callable[[str], Path | None] | None = None,
    agency: bool = False,
    seal: Path | None = None,
    certify: bool | None = None,
    fill: Mapping[str, str] | None = None,
) -> str:
    """Sign ``in_path`` into ``out_path`` (may be the same file); returns the signer's name.

    ``field_name`` names the signature field (or ``choose(certificate name)`` picks it and the title,
    after the signer is opened); if the PDF already has an empty field of that name (a report makes
    them) it is used and ``box`` is ignored, otherwise a field is made at ``box`` on ``page`` (0-based,
    negative counts from the end: -1 is the last). With ``box=None`` the place the PDF declares for the
    field is used (``placement``), else :data:`DEFAULT_BOX` on ``page``.
    The stamp shows the certificate's name (never free text), ``title`` and the signing time in
    Vietnam's time zone, over the handwritten signature ``image`` (or ``image_for(field)``) when given;
    ``agency`` makes the agency's stamp: the ``seal`` image, or without one a small text stamp.
    ``certify`` (default: the first signature of
    a file that has the agency's field) makes a certifying signature that allows only form filling
    and further signatures afterwards (DocMDP). ``fill`` sets text fields (name → value) in the same
    update. Raises :class:`SigningError` (Vietnamese message).
    """
    from plan_desktop.signing.specs import require_pyhanko

    require_pyhanko()
    from pyhanko.sign import fields, signers
    from pyhanko.sign.general import SigningError as HankoSigningError

    src = Path(in_path)
    writer = _open_writer(src)
    existing = {f[0]: f for f in fields.enumerate_sig_fields(writer.prev, filled_status=None)}
    already_signed = any(f[1] is not None for f in existing.values())

    moment = (signing_time or now_vn()).astimezone(VN_TZ)

    class _Signer(signers.PdfSigner):
        def init_signing_session(self, pdf_out, existing_fields_only=False):
            session = super().init_signing_session(pdf_out, existing_fields_only)
            session.system_time = moment  # one time for the CMS, the signature dictionary and the stamp
            return session

    with signer.open() as hanko_signer:
        signer_name = nfc(_subject_cn(hanko_signer.signing_cert))
        if choose is not None:
            field_name, title = choose(signer_name)
        if not field_name:
            raise SigningError("Chưa chọn ô chữ ký để ký.",
                               en="No signature box has been chosen.")
        field_spec = _field_spec(writer, existing, field_name, box, page)
        if certify is None:
            certify = not already_signed and "ChuKy_CoQuan" in existing
        meta = signers.PdfSignatureMetadata(
            field_name=field_name,
            name=signer_name or None,
            reason=nfc(reason) or None,
            location=nfc(location) or None,
            md_algorithm="sha256",
            subfilter=fields.SigSeedSubFilter.PADES,
            certify=bool(certify),
            docmdp_permissions=fields.MDPPerm.FILL_FORMS,
        )
        if fill:
            fill_text_fields(writer, fill)
        if image_for is not None:
            image = image_for(field_name)
        style = seal_style(seal) if agency else stamp_style(with_title=bool(title), image=image)
        pdf_signer = _Signer(meta, hanko_signer, stamp_style=style, new_field_spec=field_spec)
        out = io.BytesIO()
        try:
            pdf_signer.sign_pdf(writer, output=out,
                                appearance_text_params={"signer": signer_name, "title": nfc(title or "")})
        except HankoSigningError as exc:
            raise SigningError(f"Không ký được tệp «{src.name}»: {exc}",
                               en=f"Cannot sign the file «{src.name}»: {exc}") from None
        except RuntimeError as exc:  # python-pkcs11's errors (token pulled out, session closed…)
            from plan_desktop.signing.specs import _is_p11_error, p11_error

            if _is_p11_error(exc):
                raise p11_error(exc, ("khóa bí mật", "private key")) from None
            raise
    _atomic_write(Path(out_path), out.getvalue())
    return signer_name


def _field_spec(writer, existing, field_name: str, box: Box | None, page: int):
    from pyhanko.sign import fields

    if field_name in existing:
        _, value, _ = existing[field_name]
        if value is not None:
            raise SigningError(f"Ô chữ ký «{field_name}» trong tệp đã được ký; hãy dùng ô chữ ký khác.",
                               en=f"The signature box «{field_name}» in the file is already signed; use another "
                                  "signature box.")
        return None
    n_pages = int(writer.root["/Pages"]["/Count"])
    page_ix = page if page >= 0 else n_pages + page
    if box is None:
        declared = declared_boxes(writer.prev).get(field_name)
        if declared is not None and 0 <= declared[0] < n_pages:
            page_ix, box = declared
    if not 0 <= page_ix < n_pages:
        raise SigningError(f"Tệp chỉ có {n_pages} trang; không đặt được chữ ký ở trang {page + 1}.",
                           en=f"The file has only {n_pages} pages; the signature cannot be placed on page {page + 1}.")
    x1, y1, x2, y2 = box or DEFAULT_BOX
    return fields.SigFieldSpec(sig_field_name=field_name, on_page=page_ix, box=(int(x1), int(y1), int(x2), int(y2)))


def text_fields(reader) -> dict[str, str]:
    """The text fields of a PDF and their values (``so_van_ban_1`` → ``15``)."""
    out: dict[str, str] = {}
    try:
        form = reader.root.get("/AcroForm")
        if form is None:
            return out
        for ref in form.get_object().get("/Fields", []):
            f = ref.get_object()
            if f.get("/FT") == "/Tx":
                out[str(f.get("/T"))] = str(f.get("/V") or "")
    except Exception:
        return out
    return out


def fill_text_fields(writer, values: Mapping[str, str]) -> None:
    """Set every text field whose name is ``<key>_<n>`` to ``values[key]`` and draw its appearance
    (ASCII digits and signs in the field's standard font), as an update of ``writer``."""
    from pyhanko.pdf_utils import generic

    form = writer.root.get("/AcroForm")
    if form is None:
        raise SigningError("Tệp không có ô số, ngày văn bản để điền (không phải báo cáo do chương trình lập).",
                           en="The file has no boxes for the document number and date (it is not a report made "
                              "by the program).")
    form = form.get_object()
    fonts = form.get("/DR", generic.DictionaryObject()).get_object().get("/Font")
    done = 0
    for ref in form.get("/Fields", []):
        f = ref.get_object()
        name = str(f.get("/T") or "")
        key = name.rsplit("_", 1)[0]
        if f.get("/FT") != "/Tx" or key not in values:
            continue
        value = str(values[key])
        x1, y1, x2, y2 = (float(v) for v in f["/Rect"])
        if key == QR_FIELD:  # the QR code redrawn with what it now carries
            _set_appearance(writer, f, value, appearance_stream(value, min(x2 - x1, y2 - y1)), None)
            continue  # not counted: the number and date fields are what makes a report issuable
        da = str(f.get("/DA") or "/Time 13 Tf 0 g")
        parts = da.split()
        font_name = parts[parts.index("Tf") - 2] if "Tf" in parts else "/Time"
        size = float(parts[parts.index("Tf") - 1]) if "Tf" in parts else 13.0
        width = _std_width(value, size, "Times-Italic" if "TiIt" in font_name or "Ital" in font_name else "Times-Roman")
        # the number stands against «/BC-UBND» on its right; day, month and year are centred
        x = max(x2 - x1 - width, 0) if key == "so_van_ban" else max((x2 - x1 - width) / 2, 0)
        text = value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        stream = f"/Tx BMC q BT {font_name} {size:g} Tf 0 g {x:.2f} 3 Td ({text}) Tj ET Q EMC".encode("latin-1")
        own = _own_fonts(f)  # the font of the field's first appearance (the form's /DR keeps only one)
        _set_appearance(writer, f, value, stream, own if own is not None else fonts)
        done += 1
    if not done:
        raise SigningError("Tệp không có ô số, ngày văn bản để điền (không phải báo cáo do chương trình lập).",
                           en="The file has no boxes for the document number and date (it is not a report made "
                              "by the program).")


def _set_appearance(writer, field, value: str, stream: bytes, fonts) -> None:
    """Give ``field`` the value ``value`` and a normal appearance drawn by ``stream`` (a form XObject
    over the field's rectangle, with ``fonts`` as its font resources when given), as an update."""
    from pyhanko.pdf_utils import generic

    x1, y1, x2, y2 = (float(v) for v in field["/Rect"])
    d = {
        generic.NameObject("/Type"): generic.NameObject("/XObject"),
        generic.NameObject("/Subtype"): generic.NameObject("/Form"),
        generic.NameObject("/BBox"): generic.ArrayObject(
            [generic.FloatObject(v) for v in (0, 0, x2 - x1, y2 - y1)]),
        generic.NameObject("/Resources"): generic.DictionaryObject(
            {generic.NameObject("/Font"): fonts} if fonts is not None else {}),
    }
    ap = generic.StreamObject(d, stream_data=stream)
    field[generic.NameObject("/V")] = generic.TextStringObject(value)
    field[generic.NameObject("/AP")] = generic.DictionaryObject({generic.NameObject("/N"): writer.add_object(ap)})
    writer.update_container(field)


def _own_fonts(field):
    try:
        return field["/AP"]["/N"]["/Resources"]["/Font"]
    except (KeyError, TypeError, AttributeError):
        return None


def _std_width(text: str, size: float, font: str = "Times-Roman") -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(text, font, size)
