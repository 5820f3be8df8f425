"""The signing dialog and the report list, as real widgets (offscreen)."""

from __future__ import annotations

import pytest

pytest.importorskip("pyhanko", reason="pyhanko[opentype] chưa được cài (phụ thuộc của chức năng ký số)")

pytest.importorskip("pytestqt", reason="pytest-qt chưa được cài")

from plan_desktop.services.signing import SigningService
from tests.signing.conftest import PASSPHRASE

pytestmark = pytest.mark.usefixtures("window_fonts")


def test_sign_dialog_signs_with_a_file_and_shows_a_wrong_passphrase(qtbot, commune, pki, report_for, tmp_path):
    from plan_desktop.ui.pages.signing_dialog import SignDialog

    signing = SigningService(commune)
    report_pdf = report_for("2019-H1")
    out = tmp_path / "signed.pdf"
    calls = []

    def sign(spec, title):
        calls.append(spec)
        signing.sign_report(report_pdf, out, "2019-H1", spec, title=title)

    dlg = SignDialog(sign, name="", title="Chủ tịch UBND xã Đồng Lý", p12_path=str(pki["chairman"].p12))
    qtbot.addWidget(dlg)
    assert dlg.use_file.isChecked() and dlg.secret_label.text() == "Mật khẩu tệp chứng thư:"
    dlg.secret_edit.setText("sai mật khẩu")
    dlg.try_sign()
    assert not dlg.isVisible() or dlg.result() == 0
    assert "sai mật khẩu" in dlg.error_label.text() and dlg.secret_edit.text() == ""
    dlg.show()
    dlg.grab().save(str(tmp_path / "dialog.png"))
    dlg.secret_edit.setText(PASSPHRASE)
    dlg.try_sign()
    assert dlg.result() == dlg.DialogCode.Accepted
    assert dlg.secret_edit.text() == ""
    assert out.exists() and signing.list_reports()[0].signer == "Trần Thị Bích Ngọc"

    dlg.use_token.setChecked(True)
    assert dlg.secret_label.text() == "Mã PIN:"


def test_report_list_shows_statuses_and_reopens(qtbot, commune, pki, report_for, tmp_path):
    from plan_desktop.signing.specs import Pkcs12Spec
    from plan_desktop.ui.pages.signing_dialog import ReportListWidget

    signing = SigningService(commune)
    report_pdf = report_for("2019-H1")
    signing.register_draft(report_for("2019-Q3"), "2019-Q3")
    entry = signing.sign_report(report_pdf, tmp_path / "h1.pdf", "2019-H1", Pkcs12Spec(pki["officer"].p12, PASSPHRASE))
    w = ReportListWidget(signing)
    qtbot.addWidget(w)
    w.resize(820, 260)
    w.show()
    statuses = [w.table.item(r, 1).text() for r in range(w.table.rowCount())]
    assert sorted(statuses) == ["bản nháp", "đã ký"]
    row = statuses.index("đã ký")
    assert w.table.item(row, 2).text() == "Nguyễn Văn An"
    w.grab().save(str(tmp_path / "list.png"))
    w.table.selectRow(row)
    assert w.verify_button.isEnabled()
    with qtbot.waitSignal(w.periodReopened):
        w.reopen_selected("Bổ sung số liệu tháng 6")
    assert signing.get(entry.id).status == "superseded"
    assert "đã bị thay thế" in [w.table.item(r, 1).text() for r in range(w.table.rowCount())]


def test_entry_dialog_refuses_an_edit_in_a_locked_period(qtbot, commune, service, pki, report_for, tmp_path):
    """The window's entry dialog shows the lock's Vietnamese message and keeps the record unchanged."""
    from plan_desktop.services.locks import install_period_locks
    from plan_desktop.signing.specs import Pkcs12Spec
    from plan_desktop.ui.entry_dialog import EntryDialog
    from tests.ui.helpers import type_ime

    install_period_locks(service, commune)
    rec = service.create("communication", {
        "date": "2019-03-05", "format": "talk", "venue_type": "residential", "topic": "Tuyên truyền thôn Đông",
        "lead_org": "police", "audience": ["residents"], "participants": 120, "participants_female": 60})
    SigningService(commune).sign_report(report_for("2019-H1"), tmp_path / "s.pdf", "2019-H1",
                                        Pkcs12Spec(pki["officer"].p12, PASSPHRASE))
    dlg = EntryDialog(commune.store.forms["communication"], service, record=service.get("communication", rec["id"]))
    qtbot.addWidget(dlg)
    dlg.show()
    type_ime(dlg.editor("topic").edit, " và thôn Bắc")
    assert not dlg.save()
    assert "đã bị khóa" in dlg.banner.text() and "6 tháng đầu năm 2019" in dlg.banner.text()
    dlg.grab().save(str(tmp_path / "locked-entry.png"))
    assert service.get("communication", rec["id"])["topic"] == "Tuyên truyền thôn Đông"
    dlg._initial = dlg.values()  # not dirty: closing at teardown must not ask "discard changes?"
