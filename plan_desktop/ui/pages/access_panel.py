"""Mật khẩu, a panel of the settings page: turn password protection on (a password for the officer
who enters data and one for the approver who signs and reopens), change a password, turn it off.

The work is done by :mod:`plan_desktop.services.access`; with protection on, the unit's private keys
are encrypted under it. Every refusal is said in the panel and changes nothing.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from plan_desktop.services import access
from plan_desktop.services.access import APPROVER, OFFICER, AccessError
from plan_desktop.ui.i18n import error_text


def _password_edit(name: str) -> QLineEdit:
    e = QLineEdit()
    e.setObjectName(name)
    e.setEchoMode(QLineEdit.EchoMode.Password)
    return e


class AccessPanel(QWidget):
    """Password protection of the data folder, and who is working now."""

    #: emitted when protection was turned on or off or the role changed (the window shows the role)
    changed = Signal()

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("access_panel")
        self.state = QLabel()
        self.state.setObjectName("access_state")
        self.state.setWordWrap(True)

        # turning protection on
        self.enable_box = QGroupBox(self.tr("Bật bảo vệ bằng mật khẩu"))
        self.officer_pw = _password_edit("officer_password")
        self.officer_pw2 = _password_edit("officer_password_again")
        self.approver_pw = _password_edit("approver_password")
        self.approver_pw2 = _password_edit("approver_password_again")
        f = QFormLayout(self.enable_box)
        note = QLabel(self.tr(
            "Mỗi vai trò một mật khẩu, ít nhất {n} ký tự. Cán bộ nhập liệu nhập và sửa số liệu; người phê duyệt "
            "còn ký số báo cáo, mở lại kỳ đã khóa và tắt mật khẩu. Hãy ghi mật khẩu ra giấy, cất nơi an toàn: "
            "quên cả hai mật khẩu thì không mở được khóa bí mật của đơn vị.").format(n=access.MIN_LENGTH))
        note.setWordWrap(True)
        f.addRow(note)
        f.addRow(self.tr("Mật khẩu cán bộ nhập liệu:"), self.officer_pw)
        f.addRow(self.tr("Nhập lại:"), self.officer_pw2)
        f.addRow(self.tr("Mật khẩu người phê duyệt:"), self.approver_pw)
        f.addRow(self.tr("Nhập lại:"), self.approver_pw2)
        self.enable_button = QPushButton(self.tr("Bật mật khẩu"))
        self.enable_button.setObjectName("enable_access")
        self.enable_button.clicked.connect(lambda: self.enable())
        f.addRow(self.enable_button)

        # changing or turning off
        self.manage_box = QGroupBox(self.tr("Đổi hoặc tắt mật khẩu"))
        self.role = QComboBox()
        self.role.setObjectName("password_role")
        self.role.addItem(self.tr("Cán bộ nhập liệu"), OFFICER)
        self.role.addItem(self.tr("Người phê duyệt"), APPROVER)
        self.new_pw = _password_edit("new_password")
        self.new_pw2 = _password_edit("new_password_again")
        self.change_button = QPushButton(self.tr("Đổi mật khẩu"))
        self.change_button.setObjectName("change_password")
        self.change_button.clicked.connect(lambda: self.change())
        self.disable_button = QPushButton(self.tr("Tắt mật khẩu…"))
        self.disable_button.setObjectName("disable_access")
        self.disable_button.clicked.connect(lambda: self.disable())
        g = QFormLayout(self.manage_box)
        g.addRow(self.tr("Mật khẩu của:"), self.role)
        g.addRow(self.tr("Mật khẩu mới:"), self.new_pw)
        g.addRow(self.tr("Nhập lại:"), self.new_pw2)
        row = QHBoxLayout()
        row.addWidget(self.change_button)
        row.addStretch(1)
        row.addWidget(self.disable_button)
        g.addRow(row)

        self.status = QLabel()
        self.status.setObjectName("access_status")
        self.status.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addWidget(self.state)
        lay.addWidget(self.enable_box)
        lay.addWidget(self.manage_box)
        lay.addWidget(self.status)
        lay.addStretch(1)
        self.refresh()

    # -- state ---------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        inst = self.ctx.inst
        on = inst.access.enabled
        role = inst.session.role
        if on:
            self.state.setText(self.tr("Đang bật bảo vệ bằng mật khẩu. Bạn đang làm việc với vai trò: {role}.")
                               .format(role=self._role_name(role)))
        else:
            self.state.setText(self.tr("Chưa đặt mật khẩu: ai mở máy cũng dùng được chương trình với đầy đủ quyền."))
        self.enable_box.setVisible(not on)
        self.manage_box.setVisible(on)
        approver = role == APPROVER
        self.disable_button.setEnabled(approver)
        self.role.setEnabled(approver)
        if not approver:
            self.role.setCurrentIndex(self.role.findData(OFFICER))

    def _role_name(self, role: str) -> str:
        return self.tr("người phê duyệt") if role == APPROVER else self.tr("cán bộ nhập liệu")

    def _say(self, text: str, ok: bool) -> None:
        self.status.setStyleSheet("" if ok else "color:#b00020")
        self.status.setText(text)

    def _same(self, a: QLineEdit, b: QLineEdit) -> bool:
        if a.text() != b.text():
            self._say(self.tr("Hai lần nhập mật khẩu không giống nhau."), False)
            b.clear()
            b.setFocus()
            return False
        return True

    @staticmethod
    def _clear(*edits: QLineEdit) -> None:
        for e in edits:
            e.clear()

    # -- actions -------------------------------------------------------------------------------------------
    def enable(self) -> bool:
        if not (self._same(self.officer_pw, self.officer_pw2) and self._same(self.approver_pw, self.approver_pw2)):
            return False
        try:
            access.enable_protection(self.ctx.inst, self.officer_pw.text(), self.approver_pw.text())
        except AccessError as exc:
            self._say(error_text(exc), False)
            return False
        finally:
            self._clear(self.officer_pw, self.officer_pw2, self.approver_pw, self.approver_pw2)
        self.refresh()
        self._say(self.tr("Đã bật mật khẩu. Lần mở chương trình sau sẽ hỏi mật khẩu."), True)
        self.changed.emit()
        return True

    def change(self) -> bool:
        if not self._same(self.new_pw, self.new_pw2):
            return False
        inst = self.ctx.inst
        try:
            inst.access.change_password(inst.session, self.role.currentData(), self.new_pw.text())
        except AccessError as exc:
            self._say(error_text(exc), False)
            return False
        finally:
            self._clear(self.new_pw, self.new_pw2)
        self._say(self.tr("Đã đổi mật khẩu của {role}.").format(role=self._role_name(self.role.currentData())), True)
        return True

    def disable(self, *, confirm: bool = True) -> bool:
        if confirm:
            answer = QMessageBox.question(
                self, self.tr("Tắt mật khẩu"),
                self.tr("Tắt bảo vệ bằng mật khẩu? Sau đó ai mở máy cũng dùng được chương trình và khóa bí mật "
                        "của đơn vị không còn được mã hóa."),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return False
        try:
            access.disable_protection(self.ctx.inst)
        except AccessError as exc:
            self._say(error_text(exc), False)
            return False
        self.refresh()
        self._say(self.tr("Đã tắt mật khẩu."), True)
        self.changed.emit()
        return True
