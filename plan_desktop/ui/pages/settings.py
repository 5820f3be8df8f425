"""Cài đặt: officer, signature block, working year, period cut-off and language (tab «Chung»), and
backups with restore (tab «Sao lưu, khôi phục»), password protection (tab «Mật khẩu»)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from plan_desktop.domain.periods import Cutoff
from plan_desktop.services.installation import PLAN_FIRST_YEAR, PLAN_LAST_YEAR
from plan_desktop.services.settings import TITLES, SettingsError, SettingsService, authority_for
from plan_desktop.ui.i18n import LANGUAGES
from plan_desktop.ui.pages.base import Page


class ImageChooser(QWidget):
    """A path to a PNG image with «Chọn…» and «Bỏ» buttons (the settings service checks and copies it)."""

    def __init__(self, path: str, caption: str):
        super().__init__()
        self.caption = caption
        self.edit = QLineEdit(path)
        self.edit.setPlaceholderText(self.tr("(không dùng ảnh)"))
        browse = QPushButton(self.tr("Chọn…"))
        clear = QPushButton(self.tr("Bỏ"))
        browse.clicked.connect(self._browse)
        clear.clicked.connect(self.edit.clear)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.edit, 1)
        lay.addWidget(browse)
        lay.addWidget(clear)

    def _browse(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(self, self.caption, self.edit.text(), "PNG (*.png)")
        if path:
            self.edit.setText(path)

    def path(self) -> str:
        return self.edit.text().strip()

    def set_path(self, path: str) -> None:
        self.edit.setText(path)


class SettingsPage(Page):
    key = "settings"
    help_section = "cai-dat"

    def __init__(self, ctx):
        super().__init__(ctx)
        #: the widgets (and the backup and password tabs with their modules) are made the first time the
        #: page is shown (:meth:`prepare`), not while the window opens
        self._built = False

    def prepare(self) -> None:
        if not self._built:
            self._build()

    def _build(self) -> None:
        self._built = True
        ctx = self.ctx
        store = ctx.inst.store
        self.unit_label = QLabel(ctx.unit_title())
        self.folder_label = QLabel(str(ctx.inst.folder))
        self.folder_label.setWordWrap(True)

        self.settings_service = SettingsService(ctx.inst)
        current = self.settings_service.show()
        self.officer_name = QLineEdit(current["officer_name"])
        self.officer_title = QLineEdit(current["officer_title"])
        self.signer_name = QLineEdit(current["signer_name"])
        for w, name in ((self.officer_name, "officer_name"), (self.officer_title, "officer_title"),
                        (self.signer_name, "signer_name")):
            w.setObjectName(name)
            w.setMaxLength(120)
        self.signer_position = QComboBox()  # the title; its authority line follows it
        self.signer_position.setObjectName("signer_title")
        for t in TITLES:
            self.signer_position.addItem(t, t)
        self.signer_position.setCurrentIndex(max(self.signer_position.findData(current["signer_title"]), 0))
        self.signer_authority = QLabel()
        self.signer_authority.setObjectName("signer_authority")
        self.signer_position.currentIndexChanged.connect(
            lambda *_: self.signer_authority.setText(authority_for(self.signer_position.currentData())))
        self.signer_authority.setText(authority_for(current["signer_title"]))
        self.signature_image = ImageChooser(current["signature_image"], self.tr("Chọn ảnh chữ ký (PNG nền trong suốt)"))
        self.signature_image.setObjectName("signature_image")
        self.seal_image = ImageChooser(current["seal_image"], self.tr("Chọn ảnh con dấu (PNG)"))
        self.seal_image.setObjectName("seal_image")

        self.year = QSpinBox()
        self.year.setObjectName("working_year")
        self.year.setRange(PLAN_FIRST_YEAR, PLAN_LAST_YEAR)
        self.year.setValue(ctx.inst.working_year)
        self.cutoff = QComboBox()
        self.cutoff.setObjectName("period_cutoff")
        self.cutoff.addItem(self.tr("Theo lịch (1/1 – 31/12)"), Cutoff.CALENDAR.value)
        self.cutoff.addItem(self.tr("Theo kỳ thống kê (15/12 năm trước – 14/12)"), Cutoff.STATISTICAL.value)
        self.cutoff.setCurrentIndex(max(self.cutoff.findData(ctx.inst.cutoff.value), 0))
        self.language = QComboBox()
        self.language.setObjectName("ui_language")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(store.get_setting("ui_language", "vi")), 0))

        unit_box = QGroupBox(self.tr("Đơn vị"))
        f0 = QFormLayout(unit_box)
        f0.addRow(self.tr("Đơn vị:"), self.unit_label)
        f0.addRow(self.tr("Thư mục dữ liệu:"), self.folder_label)

        people = QGroupBox(self.tr("Cán bộ và người ký báo cáo"))
        f1 = QFormLayout(people)
        f1.addRow(self.tr("Họ tên cán bộ nhập liệu:"), self.officer_name)
        f1.addRow(self.tr("Chức vụ:"), self.officer_title)
        f1.addRow(self.tr("Chức danh người ký:"), self.signer_position)
        f1.addRow(self.tr("Thẩm quyền ký:"), self.signer_authority)
        f1.addRow(self.tr("Họ tên người ký:"), self.signer_name)
        f1.addRow(self.tr("Ảnh chữ ký tay:"), self.signature_image)
        f1.addRow(self.tr("Ảnh con dấu:"), self.seal_image)

        work = QGroupBox(self.tr("Làm việc"))
        f2 = QFormLayout(work)
        f2.addRow(self.tr("Năm làm việc:"), self.year)
        f2.addRow(self.tr("Cách tính kỳ báo cáo:"), self.cutoff)
        f2.addRow(self.tr("Ngôn ngữ giao diện:"), self.language)

        self.save_button = QPushButton(self.tr("Lưu cài đặt"))
        self.save_button.setObjectName("save_settings")
        self.save_button.clicked.connect(self.save)
        self.wizard_button = QPushButton(self.tr("Mở lại trình thiết lập…"))
        self.wizard_button.setObjectName("open_wizard")
        self.wizard_button.clicked.connect(lambda: self.ctx.on_open_wizard())
        self.status = QLabel()
        self.status.setObjectName("settings_status")
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.wizard_button)
        buttons.addWidget(self.status, 1)

        heading = QLabel(self.title())
        f = heading.font()
        f.setPointSizeF(f.pointSizeF() * 1.35)
        f.setBold(True)
        heading.setFont(f)
        general = QWidget()
        g = QVBoxLayout(general)
        g.addWidget(unit_box)
        g.addWidget(people)
        g.addWidget(work)
        g.addLayout(buttons)
        g.addStretch(1)

        from plan_desktop.ui.pages.access_panel import AccessPanel
        from plan_desktop.ui.pages.backup_panel import BackupPanel

        self.backups = BackupPanel(ctx)
        self.backups.restored.connect(lambda _saved: self.ctx.on_settings_changed())
        self.tabs = QTabWidget()
        self.tabs.addTab(general, self.tr("Chung"))
        self.tabs.addTab(self.backups, self.tr("Sao lưu, khôi phục"))
        self.access = AccessPanel(ctx)
        self.access.changed.connect(lambda: self.ctx.on_settings_changed())
        self.tabs.addTab(self.access, self.tr("Mật khẩu"))
        self.tabs.currentChanged.connect(lambda i: self.backups.refresh() if self.tabs.widget(i) is self.backups
                                         else None)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 8, 12, 8)
        lay.addWidget(heading)
        lay.addWidget(self.tabs, 1)
        self._saved = self.values()

    def title(self) -> str:
        return self.tr("Cài đặt")

    def help_anchor(self) -> str:
        return "sao-luu" if self._built and self.tabs.currentWidget() is self.backups else "cai-dat"

    def values(self) -> dict:
        return {
            "officer_name": self.officer_name.text().strip(),
            "officer_title": self.officer_title.text().strip(),
            "signer_title": self.signer_position.currentData(),
            "signer_name": self.signer_name.text().strip(),
            "signature_image": self.signature_image.path(),
            "seal_image": self.seal_image.path(),
            "working_year": self.year.value(),
            "period_cutoff": self.cutoff.currentData(),
            "ui_language": self.language.currentData(),
        }

    def save(self) -> None:
        store = self.ctx.inst.store
        inst = self.ctx.inst
        before = {"working_year": inst.working_year, "period_cutoff": inst.cutoff.value,
                  "ui_language": store.get_setting("ui_language", "vi")}
        values = self.values()
        try:
            written = self.settings_service.update(values)
        except SettingsError as exc:
            self.status.setText(exc.text(store.get_setting("ui_language", "vi")))
            self.status.setStyleSheet("color: #b00020;")
            return
        self.status.setStyleSheet("")
        self.signature_image.set_path(written.get("signature_image", ""))
        self.seal_image.set_path(written.get("seal_image", ""))
        self._saved = self.values()
        self.ctx.service.actor = values["officer_name"] or self.ctx.service.actor
        self.status.setText(self.tr("Đã lưu cài đặt."))
        if any(before[k] != values[k] for k in before):
            self.ctx.on_settings_changed()

    # -- nothing lost on the way out ---------------------------------------------------------------------
    def is_dirty(self) -> bool:
        return self._built and self.values() != self._saved

    def revert(self) -> None:
        """Put the fields back as they were last saved."""
        v = self._saved
        for key, edit in (("officer_name", self.officer_name), ("officer_title", self.officer_title),
                          ("signer_name", self.signer_name)):
            edit.setText(v.get(key, ""))
        self.signer_position.setCurrentIndex(max(self.signer_position.findData(v.get("signer_title")), 0))
        self.signature_image.set_path(v.get("signature_image", ""))
        self.seal_image.set_path(v.get("seal_image", ""))
        self.year.setValue(int(v["working_year"]))
        self.cutoff.setCurrentIndex(max(self.cutoff.findData(v["period_cutoff"]), 0))
        self.language.setCurrentIndex(max(self.language.findData(v["ui_language"]), 0))

    def can_leave(self) -> bool:
        """Changed settings are saved or dropped as the officer says, or the page stays (Hủy)."""
        if not self.is_dirty():
            return True
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Cài đặt chưa lưu"),
                          self.tr("Các thay đổi trong trang Cài đặt chưa được lưu. Lưu lại trước khi rời trang?"),
                          parent=self)
        save = box.addButton(self.tr("Lưu"), QMessageBox.ButtonRole.AcceptRole)
        drop = box.addButton(self.tr("Không lưu"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Hủy"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.setObjectName("settings_unsaved")
        box.exec()
        if box.clickedButton() is save:
            self.save()
            return not self.is_dirty()  # a value refused (said on the page): stay
        if box.clickedButton() is drop:
            self.revert()
            return True
        return False
