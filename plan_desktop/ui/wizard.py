"""The set-up wizard: which unit this computer works for, who enters the data, who signs the reports.

Runs on first start (no database, or no unit set) and can be re-opened from Cài đặt; the settings
live in the database, so they are backed up and exported with it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from plan_desktop.domain.text import fold
from plan_desktop.domain.units import Level, Unit, default_registry
from plan_desktop.errors import user_message
from plan_desktop.exchange.errors import ExchangeError
from plan_desktop.exchange.keys import short_code
from plan_desktop.services.installation import PLAN_FIRST_YEAR, PLAN_LAST_YEAR, Installation, default_year
from plan_desktop.services.settings import (
    STANDALONE,
    TITLES,
    SettingsService,
    authority_for,
    check_standalone,
    signer_title,
)


class UnitPage(QWizardPage):
    def __init__(self, current: Unit | None, year: int, locked: bool):
        super().__init__()
        self.setTitle(self.tr("Đơn vị sử dụng chương trình"))
        self.setSubTitle(
            self.tr("Chọn xã (phường, thị trấn), huyện hoặc tỉnh mà máy tính này nhập và báo cáo số liệu."))
        self.registry = default_registry()
        self.year = QSpinBox()
        self.year.setObjectName("wizard_year")
        self.year.setRange(PLAN_FIRST_YEAR, PLAN_LAST_YEAR)
        self.year.setValue(year)
        self.level_group = QButtonGroup(self)
        self.level_buttons: dict[Level, QRadioButton] = {}
        levels = QGridLayout()
        for i, (level, text) in enumerate(((Level.COMMUNE, self.tr("Xã, phường, thị trấn")),
                                           (Level.DISTRICT, self.tr("Huyện, thị xã, thành phố")),
                                           (Level.PROVINCE, self.tr("Tỉnh")))):
            b = QRadioButton(text)
            b.setObjectName(f"level_{level.value}")
            self.level_group.addButton(b, i)
            self.level_buttons[level] = b
            levels.addWidget(b, 0, i)
        self.province = QComboBox()
        self.province.setObjectName("province")
        self.district = QComboBox()
        self.district.setObjectName("district")
        self.search = QLineEdit()
        self.search.setObjectName("commune_search")
        self.search.setPlaceholderText(self.tr("Gõ tên xã để tìm (không cần dấu)…"))
        self.search.setClearButtonEnabled(True)
        self.communes = QListWidget()
        self.communes.setObjectName("communes")
        self.communes.setMinimumHeight(150)
        self.chosen = QLabel()
        self.chosen.setObjectName("chosen_unit")
        f = self.chosen.font()
        f.setBold(True)
        self.chosen.setFont(f)
        self.locked_note = QLabel(self.tr("Đã có dữ liệu nên không đổi được đơn vị; "
                                          "chỉ sửa được các thông tin khác."))
        self.locked_note.setWordWrap(True)
        self.locked_note.setVisible(locked)
        #: a setup file from the level above (read, not yet applied): it fixes the unit and brings the
        #: parent's key and the plan targets
        self.setup_info = None
        self.setup_button = QPushButton(self.tr("Mở tệp thiết lập do cấp trên gửi…"))
        self.setup_button.setObjectName("open_setup_file")
        self.setup_button.setToolTip(self.tr("Huyện (thành phố) có thể lập sẵn tệp thiết lập cho xã: chọn tệp "
                                             "đó thay vì chọn đơn vị bằng tay."))
        self.setup_button.clicked.connect(lambda: self.open_setup_file())
        self.setup_button.setVisible(current is None)
        self.setup_note = QLabel()
        self.setup_note.setObjectName("setup_note")
        self.setup_note.setWordWrap(True)
        self.setup_note.hide()
        # the code the level above reads out by phone: typed here, the setup file is confirmed at once;
        # left empty, it waits («chờ xác nhận») in the exchange page's keys tab
        self.setup_code = QLineEdit()
        self.setup_code.setObjectName("setup_code")
        self.setup_code.setPlaceholderText("XXXX-XXXX-XXXX-XXXX")
        self.setup_code_label = QLabel(self.tr("Mã khóa cấp trên đọc qua điện thoại:"))
        self.setup_code.hide()
        self.setup_code_label.hide()

        form = QFormLayout()
        form.addRow(self.tr("Năm làm việc:"), self.year)
        form.addRow(self.tr("Cấp:"), levels)
        form.addRow(self.tr("Tỉnh:"), self.province)
        form.addRow(self.tr("Huyện:"), self.district)
        form.addRow(self.tr("Tìm xã:"), self.search)
        form.addRow(self.tr("Xã:"), self.communes)
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(self.setup_button)
        lay.addLayout(top)
        lay.addLayout(form)
        lay.addWidget(self.chosen)
        lay.addWidget(self.locked_note)
        lay.addWidget(self.setup_note)
        code_row = QHBoxLayout()
        code_row.addWidget(self.setup_code_label)
        code_row.addWidget(self.setup_code, 1)
        lay.addLayout(code_row)

        self.year.valueChanged.connect(lambda *_: self._fill_provinces())
        self.level_group.idToggled.connect(lambda *_: self._level_changed())
        self.province.currentIndexChanged.connect(lambda *_: self._fill_districts())
        self.district.currentIndexChanged.connect(lambda *_: self._fill_communes())
        self.search.textChanged.connect(self._filter)
        self.communes.currentItemChanged.connect(lambda *_: self._update())
        self.search.returnPressed.connect(self._pick_first)

        self._initial = current
        level = current.level if current else Level.COMMUNE
        self.level_buttons[level].setChecked(True)
        self._fill_provinces()
        if current is not None:
            self.select_code(current.code)
        for w in (self.year, *self.level_buttons.values(), self.province, self.district, self.search, self.communes):
            w.setEnabled(not locked)

    def open_setup_file(self, path: str | Path | None = None) -> bool:
        """Read a setup file (asked for when ``path`` is None) and take the unit and year from it."""
        from plan_desktop.services.exchange import read_setup_file

        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn tệp thiết lập"), "",
                                                    self.tr("Tệp thiết lập (*.pdsetup);;Mọi tệp (*)"))
            if not chosen:
                return False
            path = chosen
        try:
            info = read_setup_file(Path(path))
        except Exception as exc:
            msg = user_message(exc)
            if msg is None:
                raise
            self.setup_note.setStyleSheet("color:#b00020")
            self.setup_note.setText(msg)
            self.setup_note.show()
            return False
        if info.working_year and PLAN_FIRST_YEAR <= info.working_year <= PLAN_LAST_YEAR:
            self.year.setValue(info.working_year)
        if not self.select_code(info.unit):
            self.setup_note.setStyleSheet("color:#b00020")
            self.setup_note.setText(self.tr("Đơn vị mã {code} trong tệp thiết lập không có trong danh mục năm {year}.")
                                    .format(code=info.unit, year=self.year.value()))
            self.setup_note.show()
            return False
        self.setup_info = info
        for w in (self.year, *self.level_buttons.values(), self.province, self.district, self.search, self.communes):
            w.setEnabled(False)
        self.setup_note.setStyleSheet("color:#1b5e20")
        self.setup_note.setText(self.tr(
            "Theo tệp thiết lập của {issuer} (mã {code}). Mã khóa trong tệp: {key} — hãy gọi điện cho cán bộ cấp "
            "trên, nhờ đọc mã khóa của họ và gõ vào ô dưới: nếu khớp, tệp được xác nhận ngay; để trống thì tệp chờ "
            "xác nhận ở trang «Trao đổi dữ liệu», thẻ «Khóa ký số».").format(
                issuer=info.issuer_name, code=info.issuer, key=short_code(info.signed.signing_key)))
        self.setup_note.show()
        self.setup_code.show()
        self.setup_code_label.show()
        self._update()
        return True

    @property
    def on(self) -> date:
        return date(self.year.value(), 12, 31)

    def level(self) -> Level:
        return next(lv for lv, b in self.level_buttons.items() if b.isChecked())

    def _fill_provinces(self) -> None:
        keep = self.province.currentData()
        self.province.blockSignals(True)
        self.province.clear()
        for u in self.registry.in_force(self.on, Level.PROVINCE):
            self.province.addItem(u.name, u.code)
        self.province.setCurrentIndex(max(self.province.findData(keep), 0))
        self.province.blockSignals(False)
        self._fill_districts()

    def _fill_districts(self) -> None:
        keep = self.district.currentData()
        self.district.blockSignals(True)
        self.district.clear()
        code = self.province.currentData()
        for u in self.registry.children(code, self.on) if code else []:
            self.district.addItem(u.name, u.code)
        self.district.setCurrentIndex(max(self.district.findData(keep), 0))
        self.district.blockSignals(False)
        self._fill_communes()

    def _fill_communes(self) -> None:
        keep = self.communes.currentItem().data(Qt.ItemDataRole.UserRole) if self.communes.currentItem() else None
        self.communes.blockSignals(True)
        self.communes.clear()
        code = self.district.currentData()
        for u in self.registry.children(code, self.on) if code else []:
            item = QListWidgetItem(u.name)
            item.setData(Qt.ItemDataRole.UserRole, u.code)
            item.setData(Qt.ItemDataRole.UserRole + 1, fold(f"{u.code} {u.name}"))
            self.communes.addItem(item)
            if u.code == keep:
                self.communes.setCurrentItem(item)
        self.communes.blockSignals(False)
        self._filter(self.search.text())
        self._update()

    def _filter(self, text: str) -> None:
        words = fold(text).split()
        first_visible = None
        for i in range(self.communes.count()):
            item = self.communes.item(i)
            hidden = not all(w in item.data(Qt.ItemDataRole.UserRole + 1) for w in words)
            item.setHidden(hidden)
            if not hidden and first_visible is None:
                first_visible = item
        cur = self.communes.currentItem()
        if words and first_visible is not None and (cur is None or cur.isHidden()):
            self.communes.setCurrentItem(first_visible)

    def _pick_first(self) -> None:
        self.communes.setFocus()

    def _level_changed(self) -> None:
        level = self.level()
        self.district.setEnabled(level != Level.PROVINCE)
        self.search.setEnabled(level == Level.COMMUNE)
        self.communes.setEnabled(level == Level.COMMUNE)
        self._update()

    def select_code(self, code: str) -> bool:
        """Select a unit by its code (sets level, province, district and commune)."""
        unit = self.registry.get(code, self.on) or self.registry.get(code)
        if unit is None:
            return False
        self.level_buttons[unit.level].setChecked(True)
        chain = [unit]
        while chain[-1].parent_code:
            parent = self.registry.get(chain[-1].parent_code, self.on)
            if parent is None:
                break
            chain.append(parent)
        for u in reversed(chain):
            if u.level == Level.PROVINCE:
                self.province.setCurrentIndex(max(self.province.findData(u.code), 0))
            elif u.level == Level.DISTRICT:
                self.district.setCurrentIndex(max(self.district.findData(u.code), 0))
            else:
                for i in range(self.communes.count()):
                    if self.communes.item(i).data(Qt.ItemDataRole.UserRole) == u.code:
                        self.communes.setCurrentRow(i)
        self._update()
        return self.unit_code() == unit.code

    def unit_code(self) -> str | None:
        level = self.level()
        if level == Level.PROVINCE:
            return self.province.currentData()
        if level == Level.DISTRICT:
            return self.district.currentData()
        item = self.communes.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None and not item.isHidden() else None

    def unit(self) -> Unit | None:
        code = self.unit_code()
        return self.registry.get(code, self.on) if code else None

    def _update(self) -> None:
        unit = self.unit()
        self.chosen.setText(self.tr("Đã chọn: {unit} (mã {code})").format(unit=unit.name, code=unit.code)
                            if unit else self.tr("Chưa chọn đơn vị."))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.unit() is not None


class OfficerPage(QWizardPage):
    def __init__(self, settings: dict[str, Any]):
        super().__init__()
        self.setTitle(self.tr("Cán bộ nhập liệu"))
        self.setSubTitle(self.tr("Người dùng chương trình này; tên được ghi vào nhật ký mỗi lần thêm, sửa, xóa."))
        self.name = QLineEdit(settings.get("officer_name", ""))
        self.name.setObjectName("officer_name")
        self.name.setMaxLength(120)
        self.position = QLineEdit(settings.get("officer_title", ""))
        self.position.setObjectName("officer_title")
        self.position.setMaxLength(120)
        self.position.setPlaceholderText(self.tr("ví dụ: Công chức Văn hóa - Xã hội"))
        form = QFormLayout(self)
        form.addRow(self.tr("Họ và tên:"), self.name)
        form.addRow(self.tr("Chức vụ:"), self.position)
        self.name.textChanged.connect(lambda *_: self.completeChanged.emit())

    def isComplete(self) -> bool:
        return bool(self.name.text().strip())


class SignaturePage(QWizardPage):
    def __init__(self, settings: dict[str, Any]):
        super().__init__()
        self.setTitle(self.tr("Người ký báo cáo"))
        self.setSubTitle(self.tr("Khối chữ ký ở cuối báo cáo gửi cấp trên."))
        self.position = QComboBox()  # the title; the authority line follows it
        self.position.setObjectName("signer_title")
        for t in TITLES:
            self.position.addItem(t, t)
        self.position.setCurrentIndex(max(self.position.findData(signer_title(settings)), 0))
        self.authority = QLabel(authority_for(signer_title(settings)))
        self.authority.setObjectName("signer_authority")
        self.name = QLineEdit(settings.get("signer_name", ""))
        self.name.setObjectName("signer_name")
        self.name.setMaxLength(120)
        self.preview = QLabel()
        self.preview.setObjectName("signature_preview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setStyleSheet("border:1px dashed #9e9e9e; padding:10px; background:white;")
        form = QFormLayout()
        form.addRow(self.tr("Chức danh:"), self.position)
        form.addRow(self.tr("Thẩm quyền ký:"), self.authority)
        form.addRow(self.tr("Họ và tên người ký:"), self.name)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(QLabel(self.tr("Xem trước:")))
        lay.addWidget(self.preview)
        lay.addStretch(1)
        self.position.currentIndexChanged.connect(lambda *_: self._preview())
        self.name.textChanged.connect(lambda *_: self._preview())
        self._preview()

    def _preview(self) -> None:
        self.authority.setText(authority_for(self.position.currentData()))
        lines = [f"<b>{self.authority.text().strip()}</b>", f"<b>{self.position.currentData()}</b>",
                 "<br><i>" + self.tr("(ký, đóng dấu)") + "</i><br>", f"<b>{self.name.text().strip()}</b>"]
        self.preview.setText("<br>".join(lines))


class SummaryPage(QWizardPage):
    def __init__(self):
        super().__init__()
        self.setTitle(self.tr("Hoàn tất"))
        self.setSubTitle(self.tr("Kiểm tra lại rồi nhấn «Hoàn tất». Có thể sửa các thông tin này trong Cài đặt."))
        self.text = QLabel()
        self.text.setObjectName("summary")
        self.text.setWordWrap(True)
        QVBoxLayout(self).addWidget(self.text)

    def initializePage(self) -> None:
        w: SetupWizard = self.wizard()  # type: ignore[assignment]
        v = w.settings_values()
        unit = w.unit_page.unit()
        self.text.setText(self.tr(
            "<p>Đơn vị: <b>{unit}</b> (mã {code})</p><p>Năm làm việc: <b>{year}</b></p>"
            "<p>Cán bộ nhập liệu: <b>{officer}</b> — {title}</p>"
            "<p>Người ký: {authority} / {position} / <b>{signer}</b></p>"
            "<p>Thư mục dữ liệu: {folder}</p>").format(
            unit=unit.name if unit else "", code=unit.code if unit else "", year=v["working_year"],
            officer=v["officer_name"], title=v["officer_title"], authority=authority_for(v["signer_title"]),
            position=v["signer_title"], signer=v["signer_name"] or "…", folder=w.folder))


class SetupWizard(QWizard):
    """``SetupWizard(folder)`` sets a new data folder up; ``SetupWizard(folder, inst)`` edits one."""

    def __init__(self, folder: Path, inst: Installation | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("setup_wizard")
        self.folder = folder
        self.inst = inst
        self.installation: Installation | None = None
        self.setWindowTitle(self.tr("Thiết lập chương trình phòng, chống mại dâm"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Tiếp theo >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< Quay lại"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Hoàn tất"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Hủy"))
        settings = inst.store.settings() if inst else {}
        locked = False
        current = None
        year = default_year()
        if inst is not None:
            current = inst.unit()
            year = inst.working_year
            locked = any(inst.store.count(f) for f in inst.store.forms.values())
        self.unit_page = UnitPage(current, year, locked)
        self.officer_page = OfficerPage(settings)
        self.signature_page = SignaturePage(settings)
        self.summary_page = SummaryPage()
        for p in (self.unit_page, self.officer_page, self.signature_page, self.summary_page):
            self.addPage(p)
        self.resize(760, 600)

    def settings_values(self) -> dict[str, Any]:
        return {
            "working_year": self.unit_page.year.value(),
            "officer_name": self.officer_page.name.text().strip(),
            "officer_title": self.officer_page.position.text().strip(),
            "signer_title": self.signature_page.position.currentData(),
            "signer_name": self.signature_page.name.text().strip(),
        }

    def apply(self) -> Installation | None:
        """Write the set-up. Returns the installation, or None (and says why) when refused."""
        values = self.settings_values()
        code = self.unit_page.unit_code()
        try:
            if self.inst is None:
                check_standalone({k: v for k, v in values.items() if k in STANDALONE})  # before any file is made
                officer, title = values.pop("officer_name"), values.pop("officer_title")
                self.installation = Installation.init(self.folder, code or "", officer=officer, title=title,
                                                      extra_settings={"working_year": values["working_year"]})
                SettingsService(self.installation).update(values)
                if self.unit_page.setup_info is not None:
                    self._apply_setup_file(self.installation)
            else:
                if code and code != self.inst.unit_code:
                    values["unit_code"] = code
                SettingsService(self.inst).update(values)
                self.installation = self.inst
        except Exception as exc:
            msg = user_message(exc)
            if msg is None:
                raise
            QMessageBox.warning(self, self.tr("Không thiết lập được"), msg)
            return None
        return self.installation

    def _apply_setup_file(self, inst: Installation) -> None:
        """Record the parent's key and targets. The unit is set up either way; a failure here only
        means the key is recorded at the first package instead (the officer is told)."""
        from plan_desktop.services.exchange import apply_setup_file, approve_key

        info = self.unit_page.setup_info
        typed = self.unit_page.setup_code.text().strip()
        try:
            applied = apply_setup_file(inst, info)
            if applied.held and typed:
                try:
                    approve_key(inst, info.issuer, typed)
                    return
                except ExchangeError as exc:  # the code heard is not the one in the file: it stays held
                    QMessageBox.warning(self, self.tr("Tệp thiết lập"), self.tr(
                        "Đơn vị đã được thiết lập, nhưng tệp thiết lập chưa được xác nhận: {error}").format(
                            error=user_message(exc)))
                    return
            if applied.held:
                QMessageBox.information(self, self.tr("Tệp thiết lập"), self.tr(
                    "Đơn vị đã được thiết lập. Tệp thiết lập của {issuer} đang chờ xác nhận mã khóa {key}: hãy gọi "
                    "điện đối chiếu rồi bấm «Xác nhận» ở trang «Trao đổi dữ liệu», thẻ «Khóa ký số».").format(
                        issuer=info.issuer_name, key=short_code(info.signed.signing_key)))
        except Exception as exc:
            msg = user_message(exc)
            if msg is None:
                raise
            QMessageBox.warning(self, self.tr("Tệp thiết lập"), self.tr(
                "Đơn vị đã được thiết lập, nhưng chưa ghi nhận được khóa của cấp trên từ tệp: {error}").format(
                    error=msg))

    def accept(self) -> None:
        if self.apply() is not None:
            super().accept()
