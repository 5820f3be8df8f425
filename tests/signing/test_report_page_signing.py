"""Signing from the report page, as an officer does it: the report is refused while sections III–V
are the hint, nothing is written or listed while the dialog is open, a wrong passphrase leaves no
file, the chairman signs (the period is locked), and the clerk issues it with a number and date.
Real widgets (offscreen), a real SQLite file, real signed PDFs checked back (pyHanko and pdfsig)."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import date

import pytest

pytest.importorskip("pyhanko", reason="pyhanko[opentype] chưa được cài (phụ thuộc của chức năng ký số)")
pytest.importorskip("pytestqt", reason="pytest-qt chưa được cài")

from plan_desktop.services import reporting
from plan_desktop.signing.verify import verify_pdf
from tests.signing.conftest import PASSPHRASE

pytestmark = pytest.mark.usefixtures("window_fonts")


@pytest.fixture
def page(qtbot, commune, service):
    from plan_desktop.ui.pages.report_page import ReportPage

    page_record = service.create("communication", {"date": "2019-03-05", "format": "talk", "venue_type": "residential",
                                     "topic": "Tuyên truyền phòng, chống mại dâm", "lead_org": "police",
                                     "audience": "residents", "participants": "40"})
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


def _write_sections(page) -> None:
    page.text_edits["assessment"].setPlainText("1. Ưu điểm: phối hợp chặt chẽ.\n2. Tồn tại: kinh phí còn ít.")
    page.text_edits["tasks"].setPlainText("Tiếp tục tuyên truyền tại các thôn, xóm.")
    page.text_edits["requests"].setPlainText("Đề nghị huyện hỗ trợ kinh phí tập huấn.")


def test_sign_then_issue_from_the_report_page(page, commune, pki, tmp_path):
    from plan_desktop.services.records import RecordError

    assert page.period == "2019" and page.sign_btn.isEnabled()
    # sections III–V still the hint: refused, naming them; nothing written or listed
    with pytest.raises(reporting.ReportError, match=r"mục III.*mục IV.*mục V"):
        page.prepare_signing()
    _write_sections(page)
    commune.store.set_settings({"signer_name": ""})
    with pytest.raises(reporting.ReportError, match="chưa có họ tên người ký") as refused:
        page.prepare_signing()
    assert "mục III" not in str(refused.value)
    commune.store.set_settings({"signer_name": "Trần Thị Bích Ngọc"})
    dlg = page.prepare_signing()
    assert dlg is not None
    assert page.signing.list_reports() == []  # opening the dialog lists nothing
    reports = commune.folder / "reports"
    assert not reports.exists() or not list(reports.iterdir())
    assert dlg.name_label.text() == "Trần Thị Bích Ngọc" and dlg.title_edit.text() == "CHỦ TỊCH"
    assert "bị khóa" in dlg.lock_note.text() and dlg.lock_note.isVisibleTo(dlg)

    dlg.p12_edit.setText(str(pki["chairman"].p12))
    dlg.secret_edit.setText("sai")
    dlg.try_sign()
    dlg.show()
    _shot(dlg, "sign_dialog_error.png")
    assert dlg.error_label.isVisibleTo(dlg) and dlg.result() != dlg.DialogCode.Accepted
    assert page.signing.list_reports() == [] and not [p for p in reports.iterdir() if p.suffix == ".pdf"]
    # the officer's certificate is not the signature block's name: refused, naming both
    dlg.p12_edit.setText(str(pki["rsa"].p12))
    dlg.secret_edit.setText(PASSPHRASE)
    dlg.try_sign()
    assert "Lê Hoàng Đức" in dlg.error_label.text() and "Trần Thị Bích Ngọc" in dlg.error_label.text()
    dlg.p12_edit.setText(str(pki["chairman"].p12))
    dlg.secret_edit.setText(PASSPHRASE)
    dlg.try_sign()
    assert dlg.result() == dlg.DialogCode.Accepted, dlg.error_label.text()
    assert page.tabs.currentWidget() is page.report_list
    [entry] = page.signing.list_reports()
    assert entry.status == "signed" and entry.signer == "Trần Thị Bích Ngọc"
    assert commune.store.get_setting("last_p12_path") == str(pki["chairman"].p12)
    assert PASSPHRASE not in str(commune.store.settings())
    with pytest.raises(RecordError, match="khóa"):
        commune.records("tester").update("communication", page.record["id"], {**page.record, "participants": 41})

    # the clerk gives number and date and adds the agency's signature
    page.report_list.refresh()
    page.report_list.table.selectRow(0)
    assert page.report_list.issue_button.isEnabled()
    issue = page.report_list.issue_dialog()
    issue.number_edit.setText("15/BC-UBND")
    issue.date_edit.setDate(issue.date_edit.date().fromString("2020-01-08", "yyyy-MM-dd"))
    issue.p12_edit.setText(str(pki["officer"].p12))
    issue.secret_edit.setText(PASSPHRASE)
    issue.show()
    _shot(issue, "issue_dialog.png")
    issue.try_sign()
    assert issue.result() == issue.DialogCode.Accepted, issue.error_label.text()
    [entry] = page.signing.list_reports()
    assert entry.status == "issued" and entry.status_vi == "đã ban hành" and entry.doc_number == "15/BC-UBND"
    result = verify_pdf(entry.file_path, [pki["ca"].cert])
    assert result.intact and [s.field_name for s in result.signatures] == ["ChuKy_ChuTich", "ChuKy_CoQuan"]
    from pypdf import PdfReader

    qr_text = str(PdfReader(entry.file_path).get_fields()["ma_qr_1"].get("/V"))
    assert "|so=15/BC-UBND|ngay=2020-01-08|" in qr_text  # the QR code on the last page says what was given
    if shutil.which("pdfsig"):
        out = subprocess.run(["pdfsig", entry.file_path], capture_output=True, text=True, timeout=60).stdout
        assert out.count("Signature is Valid") == 2
    page.report_list.refresh()
    assert page.report_list.table.item(0, 4).text() == "15/BC-UBND, 08/01/2020"
    _shot(page, "report_page_issued.png")
    if os.environ.get("PLAN_DESKTOP_SHOTS"):
        shutil.copy(entry.file_path, os.path.join(os.environ["PLAN_DESKTOP_SHOTS"], "issued.pdf"))


def test_the_officer_signs_first_and_the_chairman_countersigns(page, commune, pki):
    _write_sections(page)
    dlg = page.prepare_signing()
    dlg.p12_edit.setText(str(pki["officer"].p12))  # «Nguyễn Văn An», the officer in the settings
    dlg.secret_edit.setText(PASSPHRASE)
    dlg.try_sign()
    assert dlg.result() == dlg.DialogCode.Accepted, dlg.error_label.text()
    [entry] = page.signing.list_reports()
    assert entry.signer == "Nguyễn Văn An"
    page.report_list.refresh()
    page.report_list.table.selectRow(0)
    assert page.report_list.countersign_button.isEnabled()
    dlg2 = page.countersign_dialog(entry.id)
    assert dlg2.name_label.text() == "Trần Thị Bích Ngọc"
    dlg2.p12_edit.setText(str(pki["chairman"].p12))
    dlg2.secret_edit.setText(PASSPHRASE)
    dlg2.try_sign()
    assert dlg2.result() == dlg2.DialogCode.Accepted, dlg2.error_label.text()
    result = verify_pdf(entry.file_path, [pki["ca"].cert])
    assert result.intact and [s.field_name for s in result.signatures] == ["ChuKy_CanBo", "ChuKy_ChuTich"]
    assert page.signing.get(entry.id).signer == "Nguyễn Văn An; Trần Thị Bích Ngọc"
