"""Signing any PDF with PAdES, checked by pyHanko and by poppler's pdfsig (an implementation we did
not write); tampering, a second signature, trust roots, the data hash, the Vietnamese stamp."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest

pytest.importorskip("pyhanko", reason="pyhanko[opentype] chưa được cài (phụ thuộc của chức năng ký số)")

from plan_desktop.cli import main
from plan_desktop.signing.errors import SigningError
from plan_desktop.signing.sign import sign_pdf
from plan_desktop.signing.specs import Pkcs12Spec
from plan_desktop.signing.verify import read_data_hash, verify_pdf
from tests.signing.conftest import DATA_SHA256, PASSPHRASE

needs_pdfsig = pytest.mark.skipif(shutil.which("pdfsig") is None, reason="poppler-utils (pdfsig) chưa được cài")


def sign_as(pki, who: str, src: Path, dst: Path, *, field: str, box, title: str) -> None:
    sign_pdf(src, dst, Pkcs12Spec(pki[who].p12, PASSPHRASE), field_name=field, box=box,
             title=title, reason="Ký báo cáo 6 tháng đầu năm 2019", location="Xã Đồng Lý, huyện Lý Nhân")


def pdfsig(path: Path) -> str:
    res = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, timeout=60)
    return res.stdout + res.stderr


@pytest.fixture
def signed_once(pki, report_pdf, tmp_path) -> Path:
    out = tmp_path / "signed-1.pdf"
    sign_as(pki, "officer", report_pdf, out, field="ChuKy_CanBo", box=(70, 90, 290, 160),
            title="Công chức Văn hóa - Xã hội")
    return out


@pytest.fixture
def signed_twice(pki, signed_once, tmp_path) -> Path:
    out = tmp_path / "signed-2.pdf"
    sign_as(pki, "chairman", signed_once, out, field="ChuKy_ChuTich", box=(320, 90, 560, 160),
            title="Chủ tịch UBND xã Đồng Lý")
    return out


def test_pyhanko_validates_the_signature_against_the_ca(pki, signed_once):
    from asn1crypto import x509 as a509
    from cryptography.hazmat.primitives import serialization
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    root = a509.Certificate.load(pki["ca"].cert.public_bytes(serialization.Encoding.DER))
    reader = PdfFileReader(io.BytesIO(signed_once.read_bytes()))
    (sig,) = reader.embedded_signatures
    status = validate_pdf_signature(sig, ValidationContext(trust_roots=[root], allow_fetching=False))
    assert status.intact and status.valid and status.trusted and status.bottom_line
    assert sig.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"  # PAdES
    assert status.signing_cert.subject.native["common_name"] == "Nguyễn Văn An"

    result = verify_pdf(signed_once, [pki["ca"].cert])
    assert result.intact and result.trusted
    (check,) = result.signatures
    assert check.signer == "Nguyễn Văn An" and check.signing_time is not None


@needs_pdfsig
def test_pdfsig_finds_the_signature_valid(signed_once):
    text = pdfsig(signed_once)
    assert "Signature is Valid" in text, text
    assert "Nguyễn Văn An" in text
    assert "ETSI.CAdES.detached" in text


@needs_pdfsig
def test_second_signature_keeps_the_first_intact(signed_twice, pki):
    text = pdfsig(signed_twice)
    assert text.count("Signature is Valid") == 2, text
    assert "Trần Thị Bích Ngọc" in text
    result = verify_pdf(signed_twice, [pki["ca"].cert])
    assert [s.signer for s in result.signatures] == ["Nguyễn Văn An", "Trần Thị Bích Ngọc"]
    assert all(s.intact and s.trusted for s in result.signatures)
    assert not result.signatures[0].covers_whole_file and result.signatures[1].covers_whole_file
    with pytest.raises(SigningError, match="đã được ký"):
        sign_as(pki, "officer", signed_twice, signed_twice.with_name("x.pdf"), field="ChuKy_CanBo", box=None,
                title="")


def test_one_changed_byte_makes_verify_fail(signed_twice, capsys):
    data = bytearray(signed_twice.read_bytes())
    at = data.find(b"1250")  # the visible figure in the (uncompressed) page, inside every signed range
    assert at > 0
    data[at] = ord("9")
    tampered = signed_twice.with_name("tampered.pdf")
    tampered.write_bytes(bytes(data))

    assert main(["verify", str(signed_twice)]) == 0
    capsys.readouterr()
    assert main(["verify", str(tampered)]) != 0
    err = capsys.readouterr().err
    assert "ĐÃ BỊ THAY ĐỔI" in err and "mã băm không khớp" in err and "KHÔNG chấp nhận" in err


def test_data_appended_after_the_last_signature_is_refused(signed_once, capsys):
    """An incremental update that changes the page after signing (not just a new signature)."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    w = IncrementalPdfFileWriter(io.BytesIO(signed_once.read_bytes()))
    page = w.root["/Pages"]["/Kids"][0].get_object()
    page["/Rotate"] = generic.NumberObject(90)
    w.update_container(page)
    out = io.BytesIO()
    w.write(out)
    changed = signed_once.with_name("changed.pdf")
    changed.write_bytes(out.getvalue())
    assert main(["verify", str(changed)]) != 0
    assert "bị thêm hoặc sửa nội dung sau khi ký" in capsys.readouterr().err


def test_trust_with_the_right_and_the_wrong_root(signed_twice, pki, capsys):
    assert main(["verify", str(signed_twice), "--trust", str(pki["ca"].pem)]) == 0
    assert "ĐƯỢC TIN CẬY" in capsys.readouterr().out
    assert main(["verify", str(signed_twice), "--trust", str(pki["other_ca"].pem)]) != 0
    captured = capsys.readouterr()
    assert "KHÔNG được tin cậy" in captured.err and "không dẫn tới chứng thư gốc" in captured.err


def test_trust_import_then_require_trust(signed_once, pki, commune, data_dir, capsys):
    args = ["--data-dir", str(data_dir)]
    assert main([*args, "verify", str(signed_once), "--require-trust"]) != 0
    assert main([*args, "trust", "import", str(pki["other_ca"].pem)]) == 0
    assert main([*args, "verify", str(signed_once), "--require-trust"]) != 0
    assert main([*args, "trust", "import", str(pki["ca"].pem)]) == 0
    assert "CA thử nghiệm Hà Nam" in capsys.readouterr().out
    assert main([*args, "verify", str(signed_once), "--require-trust"]) == 0
    assert "ĐƯỢC TIN CẬY" in capsys.readouterr().out
    assert main([*args, "trust", "list"]) == 0
    assert capsys.readouterr().out.count("\n") == 2


def test_wrong_passphrase_and_not_a_pdf(pki, report_pdf, tmp_path):
    with pytest.raises(SigningError, match="sai mật khẩu"):
        sign_pdf(report_pdf, tmp_path / "o.pdf", Pkcs12Spec(pki["officer"].p12, "sai"), field_name="A", box=None,
                 title=None, reason=None, location=None)
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"not a pdf at all")
    with pytest.raises(SigningError, match="không phải tệp PDF"):
        sign_pdf(junk, tmp_path / "o.pdf", Pkcs12Spec(pki["officer"].p12, PASSPHRASE), field_name="A", box=None,
                 title=None, reason=None, location=None)
    assert "không có chữ ký số" in verify_pdf(report_pdf).summary_vi()[0]
    assert not verify_pdf(report_pdf).intact


def test_the_data_hash_survives_signing(signed_twice, report_pdf):
    assert read_data_hash(report_pdf) == DATA_SHA256
    assert read_data_hash(signed_twice) == DATA_SHA256
    assert verify_pdf(signed_twice).data_sha256 == DATA_SHA256


@pytest.mark.skipif(shutil.which("pdftoppm") is None or shutil.which("pdffonts") is None,
                    reason="poppler-utils chưa được cài")
def test_stamp_is_set_in_an_embedded_vietnamese_font_and_renders(signed_twice, tmp_path):
    fonts = subprocess.run(["pdffonts", str(signed_twice)], capture_output=True, text=True, timeout=60).stdout
    assert "NotoSerif" in fonts
    subprocess.run(["pdftoppm", "-png", "-r", "80", str(signed_twice), str(tmp_path / "page")], check=True,
                   timeout=60)
    png = tmp_path / "page-1.png"
    assert png.exists() and png.stat().st_size > 5000
    # Read the stamp's text back through the embedded font's ToUnicode map (what a PDF reader sees).
    from pypdf import PdfReader

    reader = PdfReader(str(signed_twice))
    stamps = []
    for annot in reader.pages[0]["/Annots"]:
        ap = annot.get_object()["/AP"]["/N"].get_object()
        (font,) = [f.get_object() for f in ap["/Resources"]["/Font"].values()]
        assert "NotoSerif" in font["/BaseFont"]
        stamps.append(decode_with_tounicode(ap.get_data(), font["/ToUnicode"].get_object().get_data()))
    assert "Ký số bởi: Nguyễn Văn An" in stamps[0]
    assert "Chức vụ: Công chức Văn hóa - Xã hội" in stamps[0]
    assert "Ký số bởi: Trần Thị Bích Ngọc" in stamps[1]
    assert "Chức vụ: Chủ tịch UBND xã Đồng Lý" in stamps[1]
    assert re.search(r"Thời gian ký: \d\d:\d\d:\d\d ngày \d\d/\d\d/\d{4} \(GMT\+7\)", stamps[1])


def decode_with_tounicode(content: bytes, cmap: bytes) -> str:
    """Text of a content stream with 2-byte CIDs: each TJ/Tj line mapped through the ToUnicode CMap."""
    table: dict[int, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S):
        for src, dst in re.findall(rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", block):
            table[int(src, 16)] = bytes.fromhex(dst.decode()).decode("utf-16-be")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.S):
        for lo, _hi, arr in re.findall(rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*\[([^\]]*)\]", block):
            for i, dst in enumerate(re.findall(rb"<([0-9a-fA-F]+)>", arr)):
                table[int(lo, 16) + i] = bytes.fromhex(dst.decode()).decode("utf-16-be")
        plain = re.sub(rb"\[[^\]]*\]", b"[]", block)  # ranges with a start code, not arrays
        for lo, hi, dst in re.findall(rb"<([0-9a-fA-F]+)>[ \t]*<([0-9a-fA-F]+)>[ \t]*<([0-9a-fA-F]+)>", plain):
            base = int(dst, 16)
            for i in range(int(lo, 16), int(hi, 16) + 1):
                table[i] = chr(base + i - int(lo, 16))
    lines = []
    for arr in re.findall(rb"\[(.*?)\]\s*TJ", content, re.S):
        text = ""
        for hexstr in re.findall(rb"<([0-9a-fA-F]+)>", arr):
            h = hexstr.decode()
            text += "".join(table.get(int(h[i:i + 4], 16), "?") for i in range(0, len(h), 4))
        lines.append(text)
    return "\n".join(lines)


def test_stamp_goes_where_the_report_declared_its_signature_space(pki, tmp_path):
    """A report built with platypus: the SignatureSpace in its closing block decides the stamp's place."""
    from pypdf import PdfReader
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    from plan_desktop.signing.placement import SignatureSpace

    src = tmp_path / "platypus.pdf"
    doc = SimpleDocTemplate(str(src), pagesize=A4, keywords=f"plan_desktop:data_sha256={DATA_SHA256}")
    body = getSampleStyleSheet()["BodyText"]
    story = [Paragraph("Trang một", body), PageBreak()] + [Paragraph(f"Dòng {i}", body) for i in range(12)]
    story += [Paragraph("CHU TICH", body), SignatureSpace(80, "ChuKy_ChuTich", width=230), Paragraph("Ten", body)]
    doc.build(story)
    out = tmp_path / "platypus-signed.pdf"
    sign_pdf(src, out, Pkcs12Spec(pki["chairman"].p12, PASSPHRASE), field_name="ChuKy_ChuTich", box=None,
             title="Chủ tịch UBND xã Đồng Lý", reason=None, location=None, page=0)
    reader = PdfReader(str(out))
    assert "/Annots" not in reader.pages[0]  # the declaration's page (2) wins over page=0
    (annot,) = [a.get_object() for a in reader.pages[1]["/Annots"]]
    x1, y1, x2, y2 = (float(v) for v in annot["/Rect"])
    assert round(x2 - x1) == 230 and round(y2 - y1) == 80
    assert 500 < y2 < 760  # high on the page, under the twelve lines, not at the default bottom box
    assert read_data_hash(out) == DATA_SHA256
    assert verify_pdf(out).intact


@pytest.mark.parametrize("kind", ["fifo", "folder", "missing"])
def test_a_certificate_path_that_is_not_a_file_is_refused_without_reading(tmp_path, kind):
    import os

    from plan_desktop.signing.errors import SigningError as Refused
    from plan_desktop.signing.specs import Pkcs12Spec
    from plan_desktop.signing.trust import load_certificates

    path = tmp_path / "chung-thu.p12"
    if kind == "fifo":
        os.mkfifo(path)  # reading it would wait forever
    elif kind == "folder":
        path.mkdir()
    def open_p12() -> None:
        with Pkcs12Spec(path, "x").open():
            pass

    for read in (lambda: load_certificates(path), open_p12):
        with pytest.raises(Refused) as exc:
            read()
        assert str(path) in str(exc.value) and exc.value.en
