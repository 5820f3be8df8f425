"""The password prompt shown at start when the data folder is password-protected.

Either role's password opens the program: the officer's (enters data) or the approver's (also signs
reports, reopens periods). A wrong password is said inline and can be typed again; nothing is stored.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from plan_desktop.services.access import AccessError
from plan_desktop.services.installation import Installation
from plan_desktop.store.db import DamagedStoreError
from plan_desktop.ui.i18n import error_text


class LoginDialog(QDialog):
    """Asks for a password. With an open installation (``inst``) it logs in to it; with ``attempt``
    (an encrypted data folder, which opens only with a password) it calls ``attempt(password)`` and
    keeps the installation that returns in :attr:`inst`."""

    def __init__(self, inst: Installation | None, parent=None, *,
                 attempt: Callable[[str], Installation] | None = None, unit_name: str = ""):
        super().__init__(parent)
        self.inst = inst
        self.attempt = attempt
        #: a damaged data file met while opening with ``attempt`` (the dialog closes; see Controller.unlock)
        self.failure: DamagedStoreError | None = None
        name = inst.unit().name if inst is not None else unit_name
        self.setObjectName("login_dialog")
        self.setWindowTitle(self.tr("Đăng nhập — {unit}").format(unit=name))
        self.setMinimumWidth(420)
        intro = QLabel(self.tr("Dữ liệu của {unit} được bảo vệ bằng mật khẩu. Nhập mật khẩu của cán bộ nhập "
                               "liệu hoặc của người phê duyệt.").format(unit=name))
        intro.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setObjectName("login_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setObjectName("login_error")
        self.error.setStyleSheet("color:#b00020")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("Mật khẩu:"), self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Đăng nhập"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Thoát"))
        buttons.accepted.connect(self.try_login)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        self.password.setFocus()

    def try_login(self) -> bool:
        try:
            if self.attempt is not None:
                self.inst = self.attempt(self.password.text())
            else:
                assert self.inst is not None
                self.inst.login(self.password.text())
        except DamagedStoreError as exc:  # the password was right but the file is damaged: the caller offers a backup
            self.failure = exc
            self.reject()
            return False
        except AccessError as exc:
            self.password.clear()
            self.password.setFocus()
            self.error.setText(error_text(exc))
            self.error.show()
            return False
        self.password.clear()
        self.accept()
        return True
