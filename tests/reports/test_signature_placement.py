"""The closing block declares where the two signatures go (``signing.placement.SignatureSpace``): the
officer's under «Nơi nhận», the chairman's in the blank space between the title and the name. A
signed report has its stamps exactly there, over no text."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from plan_desktop.reports.layout import MARGIN_LEFT, TEXT_WIDTH
from plan_desktop.services import reporting
from plan_desktop.signing.placement import parse_declarations
from tests.reports.conftest import comm

OFFICER, CHAIRMAN, AGENCY = "ChuKy_CanBo", "ChuKy_ChuTich", "ChuKy_CoQuan"


@pytest.fixture
def made(commune, service, tmp_path) -> Path:
    commune.store.set_settings({"signer_name": "Nguyễn Văn Chính", "signer_authority": "TM. ỦY BAN NHÂN DÂN",
                                "signer_position": "CHỦ TỊCH", "officer_name": "Nguyễn Văn An"})
    comm(service, None, "2019-02-10", "talk", participants=120, participants_female=60)
    comm(service, None, "2019-05-20", "group_discussion", venue_type="school", participants=80)
    reporting.save_draft(commune, "2019", {"assessment": "Ưu điểm: phối hợp tốt.", "tasks": "Tiếp tục tuyên truyền.",
                                           "requests": "Đề nghị hỗ trợ kinh phí."})
    pdf = tmp_path / "bao-cao-2019.pdf"
    reporting.make_report(commune, "2019", out=pdf, report_date=date(2020, 1, 5))
    return pdf


def _declared(pdf: Path) -> dict[str, tuple[int, tuple[float, float, float, float]]]:
    info = PdfReader(str(pdf)).metadata or {}
    return parse_declarations(" ".join(str(v) for v in info.values()))


def _words(pdf: Path, page: int) -> list[tuple[str, float, float, float, float]]:
    """Words of a page (0-based) with their boxes in PDF points, origin bottom-left (poppler)."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    import re

    html = subprocess.run(["pdftotext", "-bbox", "-f", str(page + 1), "-l", str(page + 1), str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    height = float(re.search(r'<page width="[\d.]+" height="([\d.]+)"', html).group(1))
    out = []
    word = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
    for m in re.finditer(word, html):
        x1, y1, x2, y2 = (float(m.group(i)) for i in range(1, 5))
        out.append((m.group(5), x1, height - y2, x2, height - y1))
    return out


def _overlaps(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def test_the_closing_block_declares_both_signature_places(made):
    boxes = _declared(made)
    assert set(boxes) == {OFFICER, CHAIRMAN, AGENCY}
    assert boxes[AGENCY][0] == 0 and boxes[AGENCY][1][1] > 780  # no seal image: top of page 1
    (page_o, officer), (page_c, chairman) = boxes[OFFICER], boxes[CHAIRMAN]
    assert page_o == page_c
    words = _words(made, page_c)
    assert any(w[0] == "Nơi" for w in words)  # the page of the closing block
    split = MARGIN_LEFT + TEXT_WIDTH * 0.45
    # the chairman's place: right column, below the title «CHỦ TỊCH», above the name
    title = [w for w in words if w[0] in ("CHỦ", "TỊCH")]
    name = [w for w in words if w[0] == "Chính"]
    assert title and name
    assert chairman[0] >= split - 1
    assert chairman[3] <= min(w[2] for w in title)  # its top is under the title's last line
    assert chairman[1] >= max(w[4] for w in name)  # its bottom is over the name
    assert round(chairman[2] - chairman[0]) == round(75 * 72 / 25.4)
    # the officer's place: left column, under the recipients
    recipients = [w for w in words if w[1] < split and w[2] > officer[3]]
    assert officer[2] <= split + 1 and recipients
    assert officer[3] <= min(w[2] for w in recipients)
    # neither place covers any text
    for w in words:
        assert not _overlaps(officer, w[1:]) and not _overlaps(chairman, w[1:]), w


def test_signed_stamps_land_in_the_declared_places(made, commune, tmp_path):
    pytest.importorskip("pyhanko", reason="pyhanko chưa được cài")
    from plan_desktop.services.signing import SigningService
    from plan_desktop.signing.specs import Pkcs12Spec
    from plan_desktop.signing.verify import verify_pdf
    from tests.signing.conftest import PASSPHRASE, make_ca, make_signer

    ca = make_ca(tmp_path, "CA thử nghiệm Hà Nam", "ca")
    officer = make_signer(tmp_path, ca, "Nguyễn Văn An", "officer")
    chairman = make_signer(tmp_path, ca, "Nguyễn Văn Chính", "chairman")
    declared = _declared(made)
    svc = SigningService(commune)
    for who, title in ((officer, "Công chức Văn hóa - Xã hội"), (chairman, "Chủ tịch UBND xã")):
        svc.sign_report(made, made, "2019", Pkcs12Spec(who.p12, PASSPHRASE), title=title)

    result = verify_pdf(made, [ca.cert])
    assert result.intact and result.trusted
    assert [s.field_name for s in result.signatures] == [OFFICER, CHAIRMAN]
    reader = PdfReader(str(made))
    widgets = {}
    for i, page in enumerate(reader.pages):
        for annot in page.get("/Annots") or []:
            a = annot.get_object()
            if a.get("/Subtype") == "/Widget" and a.get("/T") in (OFFICER, CHAIRMAN):
                widgets[str(a["/T"])] = (i, tuple(float(v) for v in a["/Rect"]))
    for field, (page, box) in declared.items():
        if field == AGENCY:
            continue  # not signed here (the clerk's step)
        w_page, rect = widgets[field]
        assert w_page == page
        assert rect == pytest.approx(tuple(int(v) for v in box), abs=1)
