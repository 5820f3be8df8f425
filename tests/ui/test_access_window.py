"""Password protection through the window: turn it on in Cài đặt, the next start asks for a password,
the officer's role cannot sign or turn protection off, the approver can."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from plan_desktop.exchange.keys import PROTECTED_MAGIC, SIGNING_FILE
from plan_desktop.ui.login import LoginDialog

OFFICER_PW = "mật khẩu cán bộ"
APPROVER_PW = "mật khẩu phê duyệt"


def _enable(page) -> None:
    panel = page.access
    panel.officer_pw.setText(OFFICER_PW)
    panel.officer_pw2.setText(OFFICER_PW)
    panel.approver_pw.setText(APPROVER_PW)
    panel.approver_pw2.setText(APPROVER_PW)
    assert panel.enable()


def test_enable_in_settings_refuses_mismatch_and_short_passwords(window, ctx, shots):
    calls = []
    ctx.on_settings_changed = lambda: calls.append(True)
    page = window.show_page("settings")
    page.tabs.setCurrentWidget(page.access)
    panel = page.access
    assert panel.enable_box.isVisibleTo(panel) and not panel.manage_box.isVisibleTo(panel)
    panel.officer_pw.setText(OFFICER_PW)
    panel.officer_pw2.setText("khác hẳn")
    assert not panel.enable() and "không giống nhau" in panel.status.text()
    panel.officer_pw.setText("ngắn")
    panel.officer_pw2.setText("ngắn")
    panel.approver_pw.setText(APPROVER_PW)
    panel.approver_pw2.setText(APPROVER_PW)
    assert not panel.enable() and "ít nhất" in panel.status.text()
    assert not ctx.inst.access.enabled and calls == []

    _enable(page)
    assert ctx.inst.access.enabled and calls == [True]
    assert (ctx.inst.folder / "keys" / SIGNING_FILE).read_bytes().startswith(PROTECTED_MAGIC)
    assert panel.manage_box.isVisibleTo(panel) and "người phê duyệt" in panel.state.text()
    assert panel.officer_pw.text() == "" and panel.approver_pw.text() == ""  # nothing typed lingers
    window.update_status()
    assert window.role_label.text() == "Đăng nhập: người phê duyệt"
    window.grab().save(str(shots / "settings_access.png"))


def test_next_start_asks_for_the_password_and_roles_apply(tmp_path, qtbot):
    from plan_desktop.services import access
    from plan_desktop.services.installation import Installation
    from plan_desktop.ui.app import Controller

    folder = tmp_path / "data"
    inst = Installation.init(folder, "13597", officer="Đặng Thị Thu", extra_settings={"working_year": 2019})
    access.enable_protection(inst, OFFICER_PW, APPROVER_PW)
    inst.close()

    def answer(pw_sequence):
        def step():
            dlg = next((w for w in QApplication.topLevelWidgets() if isinstance(w, LoginDialog) and w.isVisible()),
                       None)
            if dlg is None:
                QTimer.singleShot(20, step)
                return
            pw = pw_sequence.pop(0)
            if pw is None:
                dlg.reject()
                return
            dlg.password.setText(pw)
            ok = dlg.try_login()
            if not ok:
                assert "không đúng" in dlg.error.text() and dlg.password.text() == ""
                QTimer.singleShot(0, step)
        QTimer.singleShot(0, step)

    # giving up at the password prompt opens nothing and releases the folder
    c = Controller(folder)
    answer([None])
    assert not c.start()
    assert c.window is None
    c.close()

    # a wrong password, then the officer's
    c = Controller(folder)
    answer(["sai mật khẩu", OFFICER_PW])
    assert c.start()
    try:
        w = c.window
        qtbot.addWidget(w)
        assert c.inst.session.role == "officer"
        assert w.role_label.text() == "Đăng nhập: cán bộ nhập liệu"
        page = w.show_page("settings")
        assert not page.access.disable_button.isEnabled()
        assert not page.access.disable(confirm=False)  # refused by the service too
        assert c.inst.access.enabled
        reports = w.show_page("reports")
        assert reports.inner is not None and not reports.inner.sign_btn.isEnabled()
    finally:
        c.close()

    # the approver may turn protection off; the key files are plain again
    c = Controller(folder)
    answer([APPROVER_PW])
    assert c.start()
    try:
        qtbot.addWidget(c.window)
        page = c.window.show_page("settings")
        assert page.access.disable(confirm=False)
        assert not c.inst.access.enabled
        assert not (folder / "keys" / SIGNING_FILE).read_bytes().startswith(PROTECTED_MAGIC)
    finally:
        c.close()


def test_the_officer_role_cannot_sign_or_reopen_headless(commune, tmp_path):
    import pytest

    from plan_desktop.services import access
    from plan_desktop.services.signing import SigningService
    from plan_desktop.signing.errors import SigningError
    from plan_desktop.signing.specs import Pkcs12Spec

    access.enable_protection(commune, OFFICER_PW, APPROVER_PW)
    commune.login(OFFICER_PW)
    svc = SigningService(commune)
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    with pytest.raises(SigningError, match="người phê duyệt"):
        svc.sign_report(pdf, pdf, "2019", Pkcs12Spec(tmp_path / "none.p12", "x"))
    with pytest.raises(SigningError, match="người phê duyệt"):
        svc.reopen("2019", "Bổ sung số liệu còn thiếu")
    assert pdf.read_bytes() == b"%PDF-1.4\n"


def test_the_officer_role_cannot_restore_a_backup(window, ctx):
    from plan_desktop.services import access

    page = window.show_page("settings")
    made = page.backups.backup_now()
    access.enable_protection(ctx.inst, OFFICER_PW, APPROVER_PW)
    ctx.inst.login(OFFICER_PW)
    assert page.backups.restore_from(made, confirm=False) is None
    assert "người phê duyệt" in page.backups.status.text()
