"""Signing through PKCS#11 with SoftHSM2, a real token implementation (skips without softhsm2)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

pytest.importorskip("pyhanko", reason="pyhanko[opentype] chưa được cài (phụ thuộc của chức năng ký số)")

from plan_desktop.signing.errors import SigningError
from plan_desktop.signing.sign import sign_pdf
from plan_desktop.signing.specs import Pkcs11Spec, list_tokens
from plan_desktop.signing.verify import verify_pdf


def test_sign_with_a_softhsm_token(softhsm_token, report_pdf, pki, tmp_path, commune, service):
    assert softhsm_token.label in [t.label for t in list_tokens(softhsm_token.lib)]
    out = tmp_path / "token-signed.pdf"
    spec = Pkcs11Spec(softhsm_token.lib, softhsm_token.label, softhsm_token.pin)
    assert softhsm_token.pin not in repr(spec)
    sign_pdf(report_pdf, out, spec, field_name="ChuKy_ChuTich", box=(320, 90, 560, 160),
             title="Chủ tịch UBND xã Đồng Lý", reason="Ký báo cáo", location="Xã Đồng Lý")
    result = verify_pdf(out, [pki["ca"].cert])
    assert result.intact and result.trusted
    assert result.signatures[0].signer == "Lê Hoàng Đức"
    if shutil.which("pdfsig"):
        text = subprocess.run(["pdfsig", str(out)], capture_output=True, text=True, timeout=60).stdout
        assert "Signature is Valid" in text and "Lê Hoàng Đức" in text
    # one token per test process: SoftHSM2 reads its configuration once, so the issuing step is here too
    _clerk_issues_with_the_agency_token(softhsm_token, commune, service, pki, tmp_path)


def test_wrong_pin_and_missing_token_say_so(softhsm_token, report_pdf, tmp_path):
    kwargs = dict(field_name="A", box=None, title=None, reason=None, location=None)
    with pytest.raises(SigningError, match=r"PIN .*không đúng"):
        sign_pdf(report_pdf, tmp_path / "o.pdf", Pkcs11Spec(softhsm_token.lib, softhsm_token.label, "000000"),
                 **kwargs)
    with pytest.raises(SigningError, match="Không thấy thiết bị ký số"):
        sign_pdf(report_pdf, tmp_path / "o.pdf", Pkcs11Spec(softhsm_token.lib, "Không có", softhsm_token.pin),
                 **kwargs)
    assert not (tmp_path / "o.pdf").exists()


def _clerk_issues_with_the_agency_token(softhsm_token, commune, service, pki, tmp_path):
    """The chairman signs with a certificate file; the clerk numbers the report and adds the agency's
    signature from the unit's USB token (here SoftHSM2)."""
    from datetime import date

    from plan_desktop.services import reporting
    from plan_desktop.services.signing import SigningService
    from plan_desktop.signing.specs import Pkcs12Spec
    from tests.signing.conftest import PASSPHRASE

    service.create("communication", {"date": "2019-03-05", "format": "talk", "venue_type": "residential",
                                     "topic": "Tuyên truyền", "lead_org": "police", "audience": "residents",
                                     "participants": "40"})
    reporting.save_draft(commune, "2019", {"assessment": "Ưu điểm: tốt.", "tasks": "Tiếp tục.", "requests": "Không."})
    made = tmp_path / "bc.pdf"
    reporting.make_report(commune, "2019", out=made, report_date=date(2020, 1, 6))
    signing = SigningService(commune)
    signing.sign_report(made, made, "2019", Pkcs12Spec(pki["chairman"].p12, PASSPHRASE))
    token = Pkcs11Spec(softhsm_token.lib, softhsm_token.label, softhsm_token.pin)
    entry = signing.issue_report(made, made, token, number="3", issued_on=date(2020, 1, 7))
    assert entry is not None and entry.status == "issued" and entry.doc_number == "03/BC-UBND"
    result = verify_pdf(made, [pki["ca"].cert])
    assert result.intact and [s.signer for s in result.signatures] == ["Trần Thị Bích Ngọc", "Lê Hoàng Đức"]
    if shutil.which("pdfsig"):
        text = subprocess.run(["pdfsig", str(made)], capture_output=True, text=True, timeout=60).stdout
        assert text.count("Signature is Valid") == 2
