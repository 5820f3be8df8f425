"""In English mode the window's error messages are English too (UserError carries ``en``)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from plan_desktop.store import StoreError
from plan_desktop.ui import i18n


def test_error_text_follows_the_window_language(qapp):
    exc = StoreError("Không đọc được tệp sao lưu.", en="The backup file cannot be read.")
    assert i18n.error_text(exc) == "Không đọc được tệp sao lưu."
    i18n.install("en", QApplication.instance())
    try:
        assert i18n.current() == "en"
        assert i18n.error_text(exc) == "The backup file cannot be read."
        assert i18n.error_text(ValueError("x")) == "x"
    finally:
        i18n.install("vi", QApplication.instance())


def test_backup_panel_says_why_in_english(ctx, qtbot, tmp_path, monkeypatch):
    from plan_desktop.services import backup
    from plan_desktop.ui.pages.backup_panel import BackupPanel

    def refuse(inst, source):
        raise StoreError("Tệp này không phải là tệp sao lưu.", en="This file is not a backup.")

    monkeypatch.setattr(backup, "restore_installation", refuse)
    i18n.install("en", QApplication.instance())
    try:
        panel = BackupPanel(ctx)
        qtbot.addWidget(panel)
        assert panel.restore_from(tmp_path / "x.sqlite", confirm=False) is None
        assert panel.status.text() == "This file is not a backup."
    finally:
        i18n.install("vi", QApplication.instance())
