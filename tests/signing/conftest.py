"""Fixtures for signing: a small CA made here (cryptography), signer certificates with Vietnamese
names as PKCS#12 files, a small report-like PDF (reportlab), and a SoftHSM2 token when available.

The test modules skip themselves when pyHanko is missing (``NEEDS_PYHANKO``); this file only needs
cryptography and reportlab, so it loads either way."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

PASSPHRASE = "mật-khẩu-thử"
DATA_SHA256 = hashlib.sha256(b"records of 2019-H1").hexdigest()


@dataclass
class Cert:
    cert: x509.Certificate
    key: object
    pem: Path
    p12: Path | None = None


def _name(cn: str, org: str | None = None) -> x509.Name:
    attrs = [x509.NameAttribute(NameOID.COUNTRY_NAME, "VN")]
    if org:
        attrs.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, org))
    attrs.append(x509.NameAttribute(NameOID.COMMON_NAME, cn))
    return x509.Name(attrs)


def make_ca(folder: Path, cn: str, stem: str) -> Cert:
    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(cn, "Ban Cơ yếu Chính phủ (thử nghiệm)"))
        .issuer_name(_name(cn, "Ban Cơ yếu Chính phủ (thử nghiệm)"))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                     crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    pem = folder / f"{stem}.pem"
    pem.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return Cert(cert, key, pem)


def make_signer(folder: Path, ca: Cert, cn: str, stem: str, *, rsa_key: bool = False) -> Cert:
    key = rsa.generate_private_key(65537, 2048) if rsa_key else ec.generate_private_key(ec.SECP256R1())
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(cn, "UBND xã Đồng Lý"))
        .issuer_name(ca.cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(hours=1))
        .not_valid_after(now + timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                     crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca.key.public_key()), critical=False)
        .sign(ca.key, hashes.SHA256())
    )
    pem = folder / f"{stem}.pem"
    pem.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    p12 = folder / f"{stem}.p12"
    p12.write_bytes(pkcs12.serialize_key_and_certificates(
        cn.encode(), key, cert, [ca.cert],
        serialization.BestAvailableEncryption(PASSPHRASE.encode()),
    ))
    return Cert(cert, key, pem, p12)


@pytest.fixture(scope="session")
def pki(tmp_path_factory) -> dict[str, Cert]:
    folder = tmp_path_factory.mktemp("pki")
    ca = make_ca(folder, "CA thử nghiệm Hà Nam", "ca")
    other_ca = make_ca(folder, "CA lạ", "other-ca")
    return {
        "ca": ca,
        "other_ca": other_ca,
        "officer": make_signer(folder, ca, "Nguyễn Văn An", "officer"),
        "chairman": make_signer(folder, ca, "Trần Thị Bích Ngọc", "chairman"),
        "rsa": make_signer(folder, ca, "Lê Hoàng Đức", "rsa-signer", rsa_key=True),
    }


def make_pdf(path: Path, *, data_sha256: str = DATA_SHA256, pages: int = 1, data_hash_version: int | None = None
             ) -> Path:
    """A small report-like PDF (uncompressed, so a test can change a visible digit). Without
    ``data_hash_version`` it carries the hash as version 1 reports did (no version beside it)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    from plan_desktop import paths

    font = paths.resource("fonts", "NotoSerif-Regular.ttf")
    if "NotoSerifTest" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("NotoSerifTest", str(font)))
    c = canvas.Canvas(str(path), pagesize=A4, pageCompression=0)
    c.setTitle("Báo cáo kết quả công tác phòng, chống mại dâm 6 tháng đầu năm 2019")
    version = f" plan_desktop:data_hash_version={data_hash_version}" if data_hash_version else ""
    c.setKeywords(f"plan_desktop:data_sha256={data_sha256}{version}")
    for n in range(pages):
        c.setFont("NotoSerifTest", 13)
        c.drawString(90, 760, "ỦY BAN NHÂN DÂN XÃ ĐỒNG LÝ")
        c.drawString(90, 700, f"BÁO CÁO — trang {n + 1}")
        c.drawString(90, 660, "Số người được hỗ trợ: 1250 người")
        c.drawString(360, 230, "TM. ỦY BAN NHÂN DÂN")
        c.drawString(400, 212, "CHỦ TỊCH")
        c.showPage()
    c.save()
    return path


@pytest.fixture
def report_pdf(tmp_path: Path) -> Path:
    return make_pdf(tmp_path / "bao-cao-2019-H1.pdf")


# -- SoftHSM2 ------------------------------------------------------------------------------------
SOFTHSM_LIBS = (
    "/usr/lib/softhsm/libsofthsm2.so",
    "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
    "/usr/local/lib/softhsm/libsofthsm2.so",
    "/usr/lib64/pkcs11/libsofthsm2.so",
)
TOKEN_LABEL = "UBND Dong Ly"
USER_PIN = "123456"


@dataclass
class Token:
    lib: Path
    label: str
    pin: str
    cert: Cert


@pytest.fixture(scope="session")
def softhsm_token(tmp_path_factory: pytest.TempPathFactory, pki) -> Token:
    """A SoftHSM2 token in a temp dir holding an RSA key and its certificate (CN «Lê Hoàng Đức»).

    One per test session: python-pkcs11 initialises a library once per process, and SoftHSM reads its
    configuration (the token folder) only then — a second token made later would not be seen, and a
    second key added to the first token would make its certificate ambiguous."""
    if shutil.which("softhsm2-util") is None:
        pytest.skip("softhsm2-util không có trên PATH: cài gói Debian «softhsm2» để chạy kiểm thử token PKCS#11")
    pkcs11 = pytest.importorskip("pkcs11", reason="python-pkcs11 chưa được cài (pyhanko[pkcs11])")
    lib = next((Path(p) for p in SOFTHSM_LIBS if Path(p).exists()), None)
    if lib is None:
        pytest.skip("không tìm thấy libsofthsm2.so")
    tmp_path = tmp_path_factory.mktemp("softhsm")
    tokdir = tmp_path / "tokens"
    tokdir.mkdir()
    conf = tmp_path / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {tokdir}\nobjectstore.backend = file\nlog.level = ERROR\n")
    os.environ["SOFTHSM2_CONF"] = str(conf)  # for the whole session (see above)
    subprocess.run(["softhsm2-util", "--init-token", "--free", "--label", TOKEN_LABEL, "--so-pin", "654321",
                    "--pin", USER_PIN], check=True, capture_output=True, env={**os.environ, "SOFTHSM2_CONF": str(conf)})

    signer = pki["rsa"]
    from pkcs11 import Attribute, ObjectClass

    nums = signer.key.private_numbers()
    pub = nums.public_numbers
    key_id = b"\x01"
    token = pkcs11.lib(str(lib)).get_token(token_label=TOKEN_LABEL)
    with token.open(rw=True, user_pin=USER_PIN) as session:
        session.create_object({
            Attribute.CLASS: ObjectClass.PRIVATE_KEY,
            Attribute.KEY_TYPE: pkcs11.KeyType.RSA,
            Attribute.TOKEN: True,
            Attribute.PRIVATE: True,
            Attribute.SENSITIVE: True,
            Attribute.SIGN: True,
            Attribute.ID: key_id,
            Attribute.LABEL: "chu-ky",
            Attribute.MODULUS: pub.n.to_bytes((pub.n.bit_length() + 7) // 8, "big"),
            Attribute.PUBLIC_EXPONENT: pub.e.to_bytes(3, "big"),
            Attribute.PRIVATE_EXPONENT: nums.d.to_bytes((nums.d.bit_length() + 7) // 8, "big"),
            Attribute.PRIME_1: nums.p.to_bytes((nums.p.bit_length() + 7) // 8, "big"),
            Attribute.PRIME_2: nums.q.to_bytes((nums.q.bit_length() + 7) // 8, "big"),
            Attribute.EXPONENT_1: nums.dmp1.to_bytes((nums.dmp1.bit_length() + 7) // 8, "big"),
            Attribute.EXPONENT_2: nums.dmq1.to_bytes((nums.dmq1.bit_length() + 7) // 8, "big"),
            Attribute.COEFFICIENT: nums.iqmp.to_bytes((nums.iqmp.bit_length() + 7) // 8, "big"),
        })
        session.create_object({
            Attribute.CLASS: ObjectClass.CERTIFICATE,
            Attribute.CERTIFICATE_TYPE: pkcs11.CertificateType.X_509,
            Attribute.TOKEN: True,
            Attribute.ID: key_id,
            Attribute.LABEL: "chu-ky",
            Attribute.SUBJECT: signer.cert.subject.public_bytes(),
            Attribute.VALUE: signer.cert.public_bytes(serialization.Encoding.DER),
        })
    return Token(lib, TOKEN_LABEL, USER_PIN, signer)


@pytest.fixture(autouse=True)
def signer_names(request):
    """The commune's signature block names the chairman («Trần Thị Bích Ngọc») and the officer who
    prepares reports («Nguyễn Văn An»): the certificates of the same names may sign its reports."""
    if "commune" in request.fixturenames:
        commune = request.getfixturevalue("commune")
        commune.store.set_settings({"signer_name": "Trần Thị Bích Ngọc", "officer_name": "Nguyễn Văn An",
                                    "officer_title": "Công chức Văn hóa - Xã hội"})


@pytest.fixture
def report_for(commune, tmp_path: Path):
    """``report_for("2019-H1")``: a PDF carrying the data hash of the commune's records as they are now."""

    made: list[Path] = []

    def make(period: str) -> Path:
        from plan_desktop.reports.scope import DATA_HASH_VERSION, report_data_hash

        path = tmp_path / f"report-{period}-{len(made) + 1}.pdf"
        made.append(path)
        return make_pdf(path, data_sha256=report_data_hash(commune, period), data_hash_version=DATA_HASH_VERSION)

    return make


@pytest.fixture
def window_fonts(qapp):
    """The window's Fusion style and bundled fonts on pytest-qt's QApplication, set up once
    (for the widget tests: ``pytestmark = pytest.mark.usefixtures("window_fonts")``)."""
    from plan_desktop.ui import startup

    if not getattr(qapp, "_plan_desktop_ready", False):
        qapp.setStyle("Fusion")
        startup.register_fonts(qapp)
        qapp._plan_desktop_ready = True
