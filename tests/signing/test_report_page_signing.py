"""Signing from the report page, as an officer does it: make the report, sign it with a certificate
file, then the chairman signs it too; the period is locked, the list shows the status, and a copy
goes to a USB folder. Real widgets (offscreen), a real SQLite file, a real signed PDF checked back."""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest

pytest.importorskip("pyhanko", reason="pyhanko[opentype] chưa được cài (phụ thuộc của chức năng ký số)")
pytest.importorskip("pytestqt", reason="pytest-qt chưa được cài")

from plan_desktop.signing.verify import verify_pdf
from tests.signing.conftest import PASSPHRASE

pytestmark = pytest.mark.usefixtures("window_fonts")


@pytest.fixture
def page(qtbot, commune, service):
    from plan_desktop.ui.pages.report_page import ReportPage

    page_record = service.create("communication", {"date": "2019-03-05", "format": "talk", "venue_type": "residential",
                                     "topic": "Tuyên truyền phòng, chống mại dâm", "lead_org": "police",
                                     "audience": "residents", "participants": "40"})
    commune.store.set_settings({"officer_name": "Nguyễn Văn An", "officer_title": "Công chức Văn hóa - Xã hội",
                                "signer_name": "Trần Thị Bích Ngọc", "signer_position": "CHỦ TỊCH"})
    w = ReportPage(commune, today=date(2020, 1, 6), actor="Nguyễn Văn An")
    w.record = page_record
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    return w


def _shot(widget, name: str) -> None:
    folder = os.environ.get("PLAN_DESKTOP_SHOTS")
    if folder:
        widget.grab().save(os.path.join(folder, name))


def test_sign_then_countersign_from_the_report_page(page, commune, service, pki, tmp_path):
    from plan_desktop.services.records import RecordError

    assert page.period == "2019" and page.sign_btn.isEnabled()
    dlg = page.prepare_signing()
    assert dlg is not None
    assert dlg.name_edit.text() == "Nguyễn Văn An" and dlg.title_edit.text() == "Công chức Văn hóa - Xã hội"
    drafts = page.signing.list_reports()
    assert [e.status for e in drafts] == ["draft"]
    pdf = drafts[0].file_path
    assert pdf.startswith(str(commune.folder / "reports"))

    dlg.p12_edit.setText(str(pki["officer"].p12))
    dlg.secret_edit.setText("sai")
    dlg.try_sign()
    dlg.show()
    _shot(dlg, "sign_dialog_error.png")
    assert dlg.error_label.isVisibleTo(dlg) and dlg.result() != dlg.DialogCode.Accepted
    dlg.secret_edit.setText(PASSPHRASE)
    dlg.try_sign()
    assert dlg.result() == dlg.DialogCode.Accepted
    assert page.tabs.currentWidget() is page.report_list
    [entry] = page.signing.list_reports()
    assert entry.status == "signed" and entry.signer == "Nguyễn Văn An"
    assert commune.store.get_setting("last_p12_path") == str(pki["officer"].p12)
    assert PASSPHRASE not in str(commune.store.settings())

    # the period is locked: an edit of a record dated in it is refused
    with pytest.raises(RecordError, match="khóa"):
        commune.records("tester").update("communication", page.record["id"], {**page.record, "participants": 41})

    # the chairman signs the same file; both signatures stay valid
    page.report_list.table.selectRow(0)
    assert page.report_list.countersign_button.isEnabled()
    dlg2 = page.countersign_dialog(entry.id)
    assert dlg2.name_edit.text() == "Trần Thị Bích Ngọc" and dlg2.title_edit.text() == "CHỦ TỊCH"
    assert dlg2.p12_edit.text() == str(pki["officer"].p12)  # the last file used is offered again
    dlg2.p12_edit.setText(str(pki["chairman"].p12))
    dlg2.secret_edit.setText(PASSPHRASE)
    dlg2.try_sign()
    assert dlg2.result() == dlg2.DialogCode.Accepted
    page.report_list.refresh()
    _shot(page, "report_page_signed.png")
    result = verify_pdf(pdf, [pki["ca"].cert])
    assert result.intact and len(result.signatures) == 2
    assert page.signing.get(entry.id).signer == "Nguyễn Văn An; Trần Thị Bích Ngọc"

    # a copy for the USB stick
    page.report_list.refresh()
    page.report_list.table.selectRow(0)
    (tmp_path / "usb").mkdir()
    copy = page.report_list.copy_selected(tmp_path / "usb" / "bao-cao.pdf")
    assert copy is not None and copy.read_bytes() == Path(pdf).read_bytes()
    if os.environ.get("PLAN_DESKTOP_SHOTS"):
        shutil.copy(pdf, os.path.join(os.environ["PLAN_DESKTOP_SHOTS"], "signed_twice.pdf"))


def test_a_district_cannot_sign_a_communes_report(qtbot, tmp_path):
    from plan_desktop.services.installation import Installation
    from plan_desktop.ui.pages.report_page import ReportPage

    district = Installation.init(tmp_path / "huyen", "353", extra_settings={"working_year": 2019})
    w = ReportPage(district, today=date(2020, 1, 6))
    qtbot.addWidget(w)
    w.unit_box.setCurrentIndex(1)
    assert w.unit_code is not None
    assert not w.sign_btn.isEnabled() and w.prepare_signing() is None
    w.unit_box.setCurrentIndex(0)
    assert w.sign_btn.isEnabled()
    district.close()
