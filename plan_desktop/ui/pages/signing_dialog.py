"""Signing in the window: :class:`SignDialog` (certificate file or USB token, passphrase/PIN asked
each time and never stored) and :class:`ReportListWidget` (the reports with their status).

Both are self-contained: the report page hosts them. The dialog does not know what is signed; it is
given a ``sign(spec, name, title)`` callable and shows its :class:`SigningError` inline, so a wrong
passphrase can be typed again without losing the other choices.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QStackedWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from plan_desktop.signing.errors import SigningError
from plan_desktop.ui import files
from plan_desktop.ui.i18n import error_text
from plan_desktop.ui.widgets import FlowLayout, list_table

#: Typical places of token libraries, offered as the starting folder of the file chooser.
_LIB_FILTER_WIN = "Thư viện PKCS#11 (*.dll)"
_LIB_FILTER_NIX = "Thư viện PKCS#11 (*.so *.dylib)"

SignCallback = Callable[[object, str], None]


class SignDialog(QDialog):
    """Choose a certificate file or a token, type the passphrase or PIN, and sign.

    ``sign(spec, title)`` does the work (e.g. ``SigningService.sign_report``); it may raise
    :class:`SigningError`, shown in the dialog. The name on the stamp is always the certificate's;
    ``name`` is the signature block's, shown so the officer picks the right certificate. ``note``
    (e.g. that signing locks the period) stands above the button. The secret lives only in the password field and in
    the spec handed to ``sign``; both are cleared when the dialog closes.
    """

    def __init__(self, sign: SignCallback, parent: QWidget | None = None, *, name: str = "", title: str = "",
                 p12_path: str = "", pkcs11_lib: str = "", token_label: str = "", note: str = ""):
        super().__init__(parent)
        self._sign = sign
        lock_text = note
        self.setWindowTitle(self.tr("Ký số báo cáo"))
        self.setMinimumWidth(520)

        self.use_file = QRadioButton(self.tr("Tệp chứng thư số (.p12, .pfx)"))
        self.use_token = QRadioButton(self.tr("Thiết bị ký số (USB token)"))
        group = QButtonGroup(self)
        group.addButton(self.use_file)
        group.addButton(self.use_token)

        # certificate file
        self.p12_edit = QLineEdit(p12_path)
        self.p12_edit.setPlaceholderText(self.tr("Đường dẫn tệp .p12 hoặc .pfx"))
        browse = QPushButton(self.tr("Chọn tệp…"))
        browse.clicked.connect(self._browse_p12)
        file_row = QHBoxLayout()
        file_row.addWidget(self.p12_edit, 1)
        file_row.addWidget(browse)
        file_page = QWidget()
        fl = QFormLayout(file_page)
        fl.addRow(self.tr("Tệp chứng thư:"), file_row)

        # token: the tokens plugged in, found through the libraries of the known certificate authorities
        # (signing/tokens.py); a library file is asked for only when none is found («Thiết bị khác…»)
        self._last_lib = pkcs11_lib
        self._last_label = token_label
        self.token_combo = QComboBox()
        self.token_combo.setObjectName("token_combo")
        self.find_button = QPushButton(self.tr("Tìm lại"))
        self.find_button.setToolTip(self.tr("Cắm thiết bị ký số (USB token) rồi bấm để tìm lại"))
        self.find_button.clicked.connect(self.find_tokens)
        token_row = QHBoxLayout()
        token_row.addWidget(self.token_combo, 1)
        token_row.addWidget(self.find_button)
        self.token_note = QLabel()
        self.token_note.setWordWrap(True)
        self.token_note.setObjectName("token_note")
        self.other_button = QPushButton(self.tr("Thiết bị khác…"))
        self.other_button.setObjectName("other_token")
        self.other_button.setCheckable(True)
        self.other_button.setToolTip(self.tr("Chỉ khi chương trình không tự tìm thấy thiết bị: chọn tệp thư viện "
                                             "do phần mềm của nhà cung cấp chứng thư số cài đặt"))
        self.lib_edit = QLineEdit(pkcs11_lib)
        self.lib_edit.setPlaceholderText(self.tr("Thư viện PKCS#11 do nhà cung cấp token cài đặt"))
        browse_lib = QPushButton(self.tr("Chọn…"))
        browse_lib.clicked.connect(self._browse_lib)
        list_lib = QPushButton(self.tr("Tìm thiết bị"))
        list_lib.clicked.connect(self._list_library)
        self.lib_box = QWidget()
        lib_row = QHBoxLayout(self.lib_box)
        lib_row.setContentsMargins(0, 0, 0, 0)
        lib_row.addWidget(QLabel(self.tr("Thư viện:")))
        lib_row.addWidget(self.lib_edit, 1)
        lib_row.addWidget(browse_lib)
        lib_row.addWidget(list_lib)
        self.lib_box.setVisible(False)
        self.other_button.toggled.connect(self.lib_box.setVisible)
        token_page = QWidget()
        tl = QFormLayout(token_page)
        tl.addRow(self.tr("Thiết bị:"), token_row)
        tl.addRow("", self.token_note)
        tl.addRow("", self.other_button)
        tl.addRow(self.lib_box)
        self._searched = False

        self.pages = QStackedWidget()
        self.pages.addWidget(file_page)
        self.pages.addWidget(token_page)

        self.secret_label = QLabel()
        self.secret_edit = QLineEdit()
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.name_label = QLabel(name or self.tr("(chưa có — hãy ghi trong Cài đặt)"))
        self.name_label.setObjectName("signer_block_name")
        self.name_label.setWordWrap(True)
        self.title_edit = QLineEdit(title)
        self.form = form = QFormLayout()
        form.addRow(self.secret_label, self.secret_edit)
        form.addRow(self.tr("Người ký (khối chữ ký):"), self.name_label)
        form.addRow(self.tr("Chức vụ trên dấu chữ ký:"), self.title_edit)

        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.hide()
        note = QLabel(self.tr("Họ tên trên dấu chữ ký số lấy từ chứng thư số và phải trùng họ tên người ký. "
                              "Mật khẩu và mã PIN không được lưu lại; mỗi lần ký chương trình sẽ hỏi lại."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        self.lock_note = QLabel(lock_text)
        self.lock_note.setObjectName("lock_note")
        self.lock_note.setWordWrap(True)
        self.lock_note.setStyleSheet("color: #7f4f00; font-weight: bold;")
        self.lock_note.setVisible(bool(lock_text))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Ký số"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        self.buttons.accepted.connect(self.try_sign)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.use_file)
        layout.addWidget(self.use_token)
        layout.addWidget(self.pages)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error_label)
        layout.addWidget(self.lock_note)
        layout.addWidget(self.buttons)

        self.use_file.toggled.connect(self._mode_changed)
        (self.use_token if pkcs11_lib and not p12_path else self.use_file).setChecked(True)
        self._mode_changed()

    # -- choices ------------------------------------------------------------------------------------------
    def _mode_changed(self) -> None:
        token = self.use_token.isChecked()
        self.pages.setCurrentIndex(1 if token else 0)
        for i in range(self.pages.count()):  # the stack takes the height of the page shown only
            policy = QSizePolicy.Policy.Preferred if i == self.pages.currentIndex() else QSizePolicy.Policy.Ignored
            self.pages.widget(i).setSizePolicy(policy, policy)
        self.pages.adjustSize()
        self.secret_label.setText(self.tr("Mã PIN:") if token else self.tr("Mật khẩu tệp chứng thư:"))
        self.secret_edit.clear()
        if token and self.isVisible() and not self._searched:
            self.find_tokens()

    def _browse_p12(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn tệp chứng thư số"), self.p12_edit.text(),
                                              self.tr("Chứng thư số (*.p12 *.pfx);;Mọi tệp (*)"))
        if path:
            self.p12_edit.setText(path)

    def _browse_lib(self) -> None:
        flt = _LIB_FILTER_WIN if sys.platform == "win32" else _LIB_FILTER_NIX
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn thư viện PKCS#11 của thiết bị ký số"),
                                              self.lib_edit.text(), flt)
        if path:
            self.lib_edit.setText(path)

    def find_tokens(self) -> list:
        """Look for tokens through every known library (and the one used last time); fill the list."""
        from plan_desktop.signing.tokens import find_tokens

        self._searched = True
        self.show_error("")
        self.setCursor(Qt.CursorShape.WaitCursor)
        try:
            found = find_tokens(extra=[self._last_lib] if self._last_lib else [])
        finally:
            self.unsetCursor()
        self._fill_tokens([(f.describe(), str(f.lib_path), f.label) for f in found])
        if found:
            self.token_note.setText(self.tr("Đã tìm thấy {n} thiết bị ký số đang cắm vào máy.").format(n=len(found)))
        else:
            self.token_note.setText(self.tr("Không thấy thiết bị ký số nào. Hãy cắm thiết bị (USB token), chờ đèn "
                                            "sáng rồi bấm «Tìm lại». Nếu vẫn không thấy, bấm «Thiết bị khác…»."))
            self.other_button.setChecked(bool(self.lib_edit.text().strip()) or self.other_button.isChecked())
        return found

    def _list_library(self) -> None:
        """The tokens of the library file typed or chosen by hand (the last resort)."""
        from plan_desktop.signing.specs import list_tokens
        from plan_desktop.signing.tokens import provider_of_path

        self.show_error("")
        lib = Path(self.lib_edit.text().strip())
        try:
            tokens = list_tokens(lib)
        except SigningError as exc:
            self.show_error(error_text(exc))
            return
        provider = provider_of_path(lib)
        self._fill_tokens([(f"{provider} — {t.label}", str(lib), t.label) for t in tokens])
        if not tokens:
            self.show_error(self.tr("Không thấy thiết bị ký số nào: hãy cắm thiết bị (USB token) rồi thử lại."))

    def _fill_tokens(self, rows: list[tuple[str, str, str]]) -> None:
        self.token_combo.clear()
        for text, lib, label in rows:
            self.token_combo.addItem(text, (lib, label))
        for i, (_, _lib, label) in enumerate(rows):  # the one used last time first
            if label == self._last_label:
                self.token_combo.setCurrentIndex(i)
                break

    def token_choice(self) -> tuple[str, str]:
        """(library path, token label) of the token chosen, or empty strings."""
        data = self.token_combo.currentData()
        return (str(data[0]), str(data[1])) if data else ("", "")

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.use_token.isChecked() and not self._searched:
            self.find_tokens()

    # -- signing -------------------------------------------------------------------------------------------
    def spec(self):
        """The signer spec for the current choices (holds the typed secret)."""
        from plan_desktop.signing.specs import Pkcs11Spec, Pkcs12Spec

        secret = self.secret_edit.text()
        if self.use_token.isChecked():
            lib, label = self.token_choice()
            if not lib or not label:
                raise SigningError(self.tr("Chưa chọn thiết bị ký số: hãy cắm thiết bị (USB token) rồi bấm "
                                           "«Tìm lại»."))
            return Pkcs11Spec(Path(lib), label, secret)
        path = self.p12_edit.text().strip()
        if not path:
            raise SigningError(self.tr("Hãy chọn tệp chứng thư số (.p12, .pfx)."))
        return Pkcs12Spec(Path(path), secret)

    def _call(self, spec) -> None:
        self._sign(spec, self.title_edit.text().strip())

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def try_sign(self) -> None:
        self.show_error("")
        try:
            spec = self.spec()
            self.setCursor(Qt.CursorShape.WaitCursor)
            try:
                self._call(spec)
            finally:
                self.unsetCursor()
                del spec
        except SigningError as exc:
            self.secret_edit.clear()
            self.secret_edit.setFocus()
            self.show_error(error_text(exc))
            return
        self.secret_edit.clear()
        self.accept()

    def done(self, result: int) -> None:  # accept, reject and close all end here
        self.secret_edit.clear()
        super().done(result)


class IssueDialog(SignDialog):
    """The clerk (văn thư) gives the number and date of a signed report and adds the agency's signature:
    ``issue(spec, number, issued_on)`` does it (``SigningService.issue_report``)."""

    def __init__(self, issue, parent: QWidget | None = None, *, number: str = "", issued_on=None, **kwargs):
        from PySide6.QtCore import QDate
        from PySide6.QtWidgets import QDateEdit

        super().__init__(lambda spec, _title: None, parent, **kwargs)
        self._issue = issue
        self.setWindowTitle(self.tr("Cấp số, ban hành báo cáo"))
        self.number_edit = QLineEdit(number)
        self.number_edit.setObjectName("issue_number")
        self.number_edit.setPlaceholderText(self.tr("ví dụ 15/BC-UBND"))
        self.date_edit = QDateEdit()
        self.date_edit.setObjectName("issue_date")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        if issued_on is not None:
            self.date_edit.setDate(QDate(issued_on.year, issued_on.month, issued_on.day))
        self.form.insertRow(0, self.tr("Số văn bản:"), self.number_edit)
        self.form.insertRow(1, self.tr("Ngày ban hành:"), self.date_edit)
        self.form.setRowVisible(self.name_label, False)
        self.form.setRowVisible(self.title_edit, False)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Cấp số và ký số cơ quan"))

    def _call(self, spec) -> None:
        from datetime import date

        d = self.date_edit.date()
        self._issue(spec, self.number_edit.text().strip(), date(d.year(), d.month(), d.day()))


_STATUS_COLOURS = {
    "issued": "#1c4587",
    "draft": "#6b6b6b",
    "signed": "#0b5394",
    "superseded": "#b00020",
    "sent": "#7f6000",
    "accepted": "#38761d",
}


class ReportListWidget(QWidget):
    """The reports of this unit with their status: bản nháp, đã ký, đã bị thay thế, đã gửi, đã tiếp nhận.

    ``service`` is a :class:`plan_desktop.services.signing.SigningService`. Double-clicking a row emits
    :attr:`reportActivated` with the report id. "Kiểm tra chữ ký" verifies the selected file against
    the imported trust roots; "Mở lại kỳ…" asks for a reason and reopens the period.
    """

    reportActivated = Signal(int)
    periodReopened = Signal(str)
    #: "Ký thêm…": a second signature (the chairman) on the selected signed report
    countersignRequested = Signal(int)

    def __init__(self, service=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.service = service
        columns = (self.tr("Kỳ báo cáo"), self.tr("Trạng thái"), self.tr("Người ký"), self.tr("Ngày ký"),
                   self.tr("Số, ngày văn bản"), self.tr("Tệp"))
        self.table = list_table(columns)
        self.table.cellDoubleClicked.connect(self._activated)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.refresh_button = QPushButton(self.tr("Làm mới"))
        self.verify_button = QPushButton(self.tr("Kiểm tra chữ ký"))
        self.reopen_button = QPushButton(self.tr("Mở lại kỳ…"))
        self.countersign_button = QPushButton(self.tr("Ký thêm…"))
        self.countersign_button.setToolTip(self.tr("Người ký thứ hai (chủ tịch) ký tiếp vào báo cáo đã ký; "
                                                   "chữ ký trước vẫn giữ nguyên giá trị."))
        self.issue_button = QPushButton(self.tr("Cấp số, ban hành…"))
        self.issue_button.setObjectName("issue_report")
        self.issue_button.setToolTip(self.tr("Văn thư ghi số, ngày văn bản vào báo cáo đã ký và ký số của cơ quan "
                                             "(kèm ảnh con dấu nếu có)."))
        self.issue_button.clicked.connect(self._issue_selected)
        self.copy_button = QPushButton(self.tr("Lưu bản sao…"))
        self.copy_button.setToolTip(self.tr("Chép tệp báo cáo (đã ký) ra USB hoặc thư mục khác."))
        self.refresh_button.clicked.connect(self.refresh)
        self.countersign_button.clicked.connect(self._countersign_selected)
        self.copy_button.clicked.connect(lambda: self.copy_selected())
        self.verify_button.clicked.connect(lambda: self.verify_selected())
        self.reopen_button.clicked.connect(lambda: self.reopen_selected())
        buttons = FlowLayout()  # wraps on a narrow screen
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.verify_button)
        buttons.addWidget(self.countersign_button)
        buttons.addWidget(self.issue_button)
        buttons.addWidget(self.reopen_button)
        self.empty_label = QLabel(self.tr("Chưa có báo cáo nào. Lập báo cáo ở thẻ «Xem trước», rồi bấm «Ký số…» "
                                          "để ký và lưu vào danh sách này."))
        self.empty_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(buttons)
        self._entries: list = []
        self.refresh()

    def set_service(self, service) -> None:
        self.service = service
        self.refresh()

    def refresh(self) -> None:
        self._entries = self.service.list_reports() if self.service is not None else []
        self.table.setRowCount(len(self._entries))
        for row, e in enumerate(self._entries):
            issued = ""
            if e.doc_number:
                issued = e.doc_number + (f", {e.issued_on[8:10]}/{e.issued_on[5:7]}/{e.issued_on[:4]}"
                                         if e.issued_on else "")
            values = (e.period_vi[:1].upper() + e.period_vi[1:], e.status_vi, e.signer or "", e.signed_on_vi,
                      issued, Path(e.file_path).name if e.file_path else "")
            for col, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, e.id)
                if col == 1:
                    item.setForeground(QBrush(QColor(_STATUS_COLOURS.get(e.status, "#000"))))
                    if e.reason:
                        item.setToolTip(e.reason)
                if col == 5 and e.file_path:
                    item.setToolTip(e.file_path)
                self.table.setItem(row, col, item)
        self.empty_label.setVisible(not self._entries)
        self._update_buttons()

    def selected(self):
        rows = {i.row() for i in self.table.selectedItems()}
        return self._entries[rows.pop()] if len(rows) == 1 else None

    def _update_buttons(self) -> None:
        e = self.selected()
        self.verify_button.setEnabled(e is not None and e.status != "draft" and bool(e.file_path))
        inst = getattr(self.service, "inst", None)
        may = inst is None or inst.session.can("approver")  # signing and reopening are the approver's
        self.reopen_button.setEnabled(may and e is not None and e.status != "superseded")
        self.countersign_button.setEnabled(may and e is not None and e.status == "signed" and bool(e.file_path))
        self.issue_button.setEnabled(may and e is not None and e.status == "signed" and bool(e.file_path))
        self.copy_button.setEnabled(e is not None and bool(e.file_path))

    def issue_dialog(self, entry=None) -> IssueDialog | None:
        """The issuing dialog for the selected signed report (not shown)."""
        from datetime import date

        e = entry or self.selected()
        if e is None or self.service is None or e.status != "signed" or not e.file_path:
            return None
        path = Path(e.file_path)
        settings = self.service.inst.store.settings()

        def issue(spec, number: str, issued_on) -> None:
            self.service.issue_report(path, path, spec, number=number, issued_on=issued_on)

        dlg = IssueDialog(issue, self, issued_on=date.today(), p12_path=settings.get("last_p12_path", ""),
                          pkcs11_lib=settings.get("last_pkcs11_lib", ""),
                          token_label=settings.get("last_token_label", ""))
        dlg.accepted.connect(self.refresh)
        return dlg

    def _issue_selected(self) -> None:
        dlg = self.issue_dialog()
        if dlg is not None:
            dlg.open()

    def _countersign_selected(self) -> None:
        e = self.selected()
        if e is not None:
            self.countersignRequested.emit(e.id)

    def copy_selected(self, target: str | Path | None = None) -> Path | None:
        """Copy the selected report's file to ``target`` (asked for when None). Returns the copy."""
        import shutil

        e = self.selected()
        if e is None or not e.file_path:
            return None
        source = Path(e.file_path)
        asked = target is None
        if target is None:
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Lưu bản sao báo cáo"),
                                                    files.start_path(source.name), "PDF (*.pdf)")
            if not chosen:
                return None
            files.remember(chosen)
            target = chosen
        target = Path(target)
        try:
            tmp = target.with_name(target.name + ".tmp")
            shutil.copyfile(source, tmp)
            tmp.replace(target)
        except OSError as exc:

            QMessageBox.warning(self, self.tr("Lưu bản sao báo cáo"), error_text(exc))
            return None
        if asked:
            files.offer_open(self, target, self.tr("Đã lưu bản sao {name}.").format(name=target.name))
        return target

    def _activated(self, row: int, _col: int) -> None:
        if 0 <= row < len(self._entries):
            self.reportActivated.emit(self._entries[row].id)

    def verify_selected(self) -> None:
        e = self.selected()
        if e is None or self.service is None:
            return
        try:
            result = self.service.verify(Path(e.file_path))
        except SigningError as exc:
            QMessageBox.warning(self, self.tr("Kiểm tra chữ ký"), error_text(exc))
            return
        text = "\n".join(result.summary_vi())
        if e.data_sha256 and result.data_sha256 and (e.data_sha256, e.data_hash_version) != (
                result.data_sha256, result.data_hash_version):
            text += "\n" + self.tr("Mã băm dữ liệu trong tệp khác với mã băm lúc ký.")
        box = QMessageBox.information if result.intact else QMessageBox.warning
        box(self, self.tr("Kiểm tra chữ ký"), text)

    def reopen_selected(self, reason: str | None = None) -> None:
        e = self.selected()
        if e is None or self.service is None:
            return
        if not reason:
            reason, ok = QInputDialog.getText(
                self, self.tr("Mở lại kỳ báo cáo"),
                self.tr("Lý do mở lại kỳ {0} (ghi vào nhật ký; báo cáo đã ký sẽ bị đánh dấu «đã bị thay thế»):")
                .format(e.period))
            if not ok:
                return
        try:
            self.service.reopen(e.period, reason)
        except SigningError as exc:
            QMessageBox.warning(self, self.tr("Mở lại kỳ báo cáo"), error_text(exc))
            return
        self.refresh()
        self.periodReopened.emit(e.period)
