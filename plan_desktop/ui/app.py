"""Starting the window: QApplication, fonts, log file, crash dialog, translations, then either the
set-up wizard (a fresh data folder) or the main window on the installation."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QLineEdit, QMessageBox

from plan_desktop import paths
from plan_desktop.domain.units import default_registry
from plan_desktop.errors import user_message
from plan_desktop.services.access import folder_locked, read_slots_file, slots_file_unit
from plan_desktop.services.backup import restore_damaged
from plan_desktop.services.installation import Installation
from plan_desktop.store.db import DamagedStoreError
from plan_desktop.ui import i18n, startup
from plan_desktop.ui.context import AppContext
from plan_desktop.ui.main_window import MainWindow, fit_to_screen

if TYPE_CHECKING:  # the wizard (and the key code it imports) is loaded when a wizard is shown, not at start
    from plan_desktop.ui.wizard import SetupWizard

log = logging.getLogger(__name__)

APP_TITLE = "Phòng, chống mại dâm — Kế hoạch 1295"
# Smoke start (tests/packaging): with PLAN_DESKTOP_SMOKE_EXIT_MS=N the program closes its windows and
# quits by itself after N ms, logging which top-level windows were showing.
SMOKE_EXIT_ENV = "PLAN_DESKTOP_SMOKE_EXIT_MS"
#: Set on the application when the smoke exit has fired (run() then enters no main loop).
_SMOKE_LEFT = "plan_desktop_smoke_left"


def make_app(argv: list[str] | None = None) -> QApplication:
    """The QApplication with the program's style, icon and bundled fonts."""
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("plan_desktop")
    app.setApplicationDisplayName(APP_TITLE)
    app.setStyle("Fusion")
    icon = paths.resource("icons", "app.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    startup.register_fonts(app)
    return app  # type: ignore[return-value]


class Controller(QObject):
    """Owns the installation and the window; rebuilds the window when language or year change."""

    def __init__(self, folder: Path, today: Callable[[], date] = date.today):
        super().__init__()
        self.folder = folder
        self.today = today
        self.inst: Installation | None = None
        self.ctx: AppContext | None = None
        self.window: MainWindow | None = None
        self.wizard: SetupWizard | None = None
        self.login_dialog = None
        self.damaged_box: QMessageBox | None = None

    def open_installation(self) -> Installation | None:
        """The installation of the folder, or None when it is not set up yet (raises on other errors)."""
        if not paths.db_path(self.folder).exists():
            return None
        # the day's first backup starts once the window is up (show_main), not before it
        inst = Installation.open(self.folder, require_setup=False, daily_backup=False)
        if not inst.store.unit_code:
            inst.close()
            return None
        return inst

    def unlock(self) -> Installation | None:
        """Open an encrypted data folder: the password first (the file can't be read without it)."""
        from plan_desktop.ui.login import LoginDialog

        i18n.install(i18n.DEFAULT_LANGUAGE)  # the language is a setting inside the encrypted file
        code = slots_file_unit(self.folder) or ""
        unit = default_registry().get(code)
        dialog = LoginDialog(None, unit_name=unit.name if unit else code, attempt=lambda password: (
            Installation.open(self.folder, require_setup=False, daily_backup=False, password=password)))
        self.login_dialog = dialog
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            self.login_dialog = None
        if dialog.failure is not None:
            raise dialog.failure
        return dialog.inst if accepted else None

    def offer_backup(self, exc: DamagedStoreError) -> Installation | None:
        """The data file is damaged: say so and offer to restore the newest good backup (kept damaged file
        beside it). The installation restored, or None when the officer declines or it fails."""
        title = QApplication.translate("Controller", "Không mở được dữ liệu")
        if exc.backup is None:
            QMessageBox.critical(None, title, str(exc))
            return None
        text = exc.damage + "\n\n" + QApplication.translate(
            "Controller", "Bản sao lưu gần nhất còn tốt: {name}. Khôi phục dữ liệu từ bản này? Tệp bị hỏng được giữ "
            "lại bên cạnh.").format(name=exc.backup.name)
        box = QMessageBox(QMessageBox.Icon.Critical, title, text)
        restore = box.addButton(QApplication.translate("Controller", "Khôi phục bản sao lưu này"),
                                QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QApplication.translate("Controller", "Thoát"), QMessageBox.ButtonRole.RejectRole)
        self.damaged_box = box
        box.exec()
        self.damaged_box = None
        if box.clickedButton() is not restore:
            return None
        try:
            password = None
            if read_slots_file(self.folder):
                password, ok = QInputDialog.getText(
                    None, QApplication.translate("Controller", "Khôi phục dữ liệu"),
                    QApplication.translate("Controller", "Mật khẩu của người phê duyệt:"), QLineEdit.EchoMode.Password)
                if not ok:
                    return None
            restore_damaged(self.folder, exc.backup, password=password)
            return (self.unlock() if password is not None
                    else Installation.open(self.folder, require_setup=False, daily_backup=False))
        except Exception as again:
            msg = user_message(again)
            if msg is None:
                raise
            QMessageBox.critical(None, QApplication.translate("Controller", "Không mở được dữ liệu"), msg)
            return None

    def start(self) -> bool:
        """Show the wizard or the main window. False when the folder cannot be opened (message shown)."""
        try:
            if folder_locked(self.folder):
                inst = self.unlock()
                if inst is None:
                    return False
            else:
                inst = self.open_installation()
        except DamagedStoreError as exc:
            inst = self.offer_backup(exc)
            if inst is None:
                return False
        except Exception as exc:
            msg = user_message(exc)
            if msg is None:
                raise
            QMessageBox.critical(None, QApplication.translate("Controller", "Không mở được dữ liệu"), msg)
            return False
        if inst is not None and inst.access.enabled and inst.session.kek is None and not self.login(inst):
            inst.close()
            return False
        if inst is None:
            from plan_desktop.ui.wizard import SetupWizard

            i18n.install("vi")
            self.wizard = SetupWizard(self.folder)
            self.wizard.finished.connect(self._wizard_finished)
            self.wizard.show()
            return True
        self.show_main(inst)
        return True

    def login(self, inst: Installation) -> bool:
        """Ask for the password of a protected data folder. False when the officer gives up."""
        from plan_desktop.ui.login import LoginDialog

        i18n.install(inst.store.get_setting("ui_language", i18n.DEFAULT_LANGUAGE))
        dialog = LoginDialog(inst)
        self.login_dialog = dialog
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            self.login_dialog = None

    def _wizard_finished(self, result: int) -> None:
        wizard = self.wizard
        self.wizard = None
        if result == QDialog.DialogCode.Accepted and wizard is not None and wizard.installation is not None:
            self.show_main(wizard.installation)
        elif self.window is None:
            QApplication.quit()

    def show_main(self, inst: Installation, page_key: str | None = None) -> MainWindow:
        self.inst = inst
        lang = i18n.install(inst.store.get_setting("ui_language", i18n.DEFAULT_LANGUAGE))
        old_ctx, old_window = self.ctx, self.window
        ctx = AppContext.create(inst, lang, self.today)
        ctx.on_settings_changed = self.rebuild
        ctx.on_open_wizard = self.reopen_wizard
        window = MainWindow(ctx)
        fit_to_screen(window)
        if page_key:
            window.show_page(page_key)
        self.ctx, self.window = ctx, window
        window.show()
        if old_window is None:  # the first window of this run: now the day's backup
            inst.start_daily_backup()
        else:
            old_window.close()
            old_window.deleteLater()
        if old_ctx is not None:
            old_ctx.bridge.close()
        return window

    def rebuild(self) -> MainWindow | None:
        if self.inst is None:
            return None
        key = self.window.current_page().key if self.window else None
        return self.show_main(self.inst, key)

    def reopen_wizard(self) -> SetupWizard | None:
        if self.inst is None:
            return None
        from plan_desktop.ui.wizard import SetupWizard

        wizard = SetupWizard(self.folder, self.inst, parent=self.window)
        self.wizard = wizard

        def done(result: int) -> None:
            self.wizard = None
            if result == QDialog.DialogCode.Accepted:
                self.rebuild()

        wizard.finished.connect(done)
        wizard.open()
        return wizard

    def close(self) -> None:
        if self.window is not None:  # its pages stop their timers before the data is closed
            self.window.close()
        if self.ctx is not None:
            self.ctx.bridge.close()
        if self.inst is not None:
            self.inst.close()
            self.inst = None


def arm_smoke_exit(app: QApplication) -> int | None:
    """Quit after ``PLAN_DESKTOP_SMOKE_EXIT_MS`` ms when that variable is set; returns the delay."""
    raw = os.environ.get(SMOKE_EXIT_ENV, "").strip()
    if not raw:
        return None
    try:
        ms = max(0, int(raw))
    except ValueError:
        log.warning("ignoring %s=%r: not a number of milliseconds", SMOKE_EXIT_ENV, raw)
        return None

    def leave() -> None:
        shown = sorted({type(w).__name__ for w in app.topLevelWidgets() if w.isVisible()})
        log.info("smoke exit after %d ms; windows shown: %s", ms, ", ".join(shown) or "none")
        app.closeAllWindows()  # the windows shut down as when the officer closes them
        app.exit(0)  # leaves every event loop, a modal dialog's too, so a smoke start never hangs
        # fired while the start itself ran events (before app.exec()), exit() has no main loop to end
        # yet: run() sees this and does not enter one
        app.setProperty(_SMOKE_LEFT, True)

    QTimer.singleShot(ms, leave)
    return ms



def run(folder: Path, argv: list[str] | None = None) -> int:
    app = make_app(argv)
    log_path = startup.setup_logging(folder)
    crash = startup.CrashHandler(folder, log_path)
    crash.install()
    log.info("starting the window on %s", folder)
    controller = Controller(folder)
    arm_smoke_exit(app)
    try:
        started = controller.start()
        if app.property(_SMOKE_LEFT):  # the smoke exit came during the start (a dialog it showed)
            return 0
        if not started:
            return 1
        return app.exec()
    finally:
        controller.close()
        crash.uninstall()
