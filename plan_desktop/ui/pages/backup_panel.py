"""Sao lưu và khôi phục, a panel of the settings page: the backups in the data folder, a backup now
(in the folder or onto a USB stick), and a restore from a listed backup or from a file.

All the work is done by :mod:`plan_desktop.services.backup`; a restore keeps a backup of what it
replaces and refuses a file that is not a sound backup of this unit (the message says why).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from plan_desktop import paths
from plan_desktop.domain.text import format_int_vi
from plan_desktop.services import backup
from plan_desktop.services.access import AccessError
from plan_desktop.services.settings import SettingsService
from plan_desktop.store import StoreError
from plan_desktop.ui import files
from plan_desktop.ui.i18n import error_text
from plan_desktop.ui.widgets import list_table


def _local(taken_at: datetime) -> str:
    return taken_at.astimezone().strftime("%H:%M %d/%m/%Y")


def _size(path: Path) -> str:
    try:
        kb = path.stat().st_size / 1024
    except OSError:
        return ""
    return f"{format_int_vi(round(kb))} KB" if kb < 10_240 else f"{kb / 1024:.1f} MB".replace(".", ",")


class BackupPanel(QWidget):
    """The backups of the data folder, newest first, with backup and restore actions."""

    #: emitted after a restore (the path of the backup that keeps what was replaced)
    restored = Signal(str)

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("backup_panel")
        intro = QLabel(self.tr(
            "Chương trình tự sao lưu toàn bộ dữ liệu khi mở lần đầu trong ngày, trước khi nhập gói dữ liệu và "
            "trước khi nâng cấp. Bản sao lưu nằm trong thư mục dữ liệu; nên chép thêm một bản ra USB mỗi tháng."))
        intro.setWordWrap(True)
        self.keep = QSpinBox()
        self.keep.setObjectName("backup_keep")
        self.keep.setRange(3, 365)
        self.keep.setValue(int(ctx.inst.store.get_setting("backup_keep", backup.DEFAULT_KEEP) or backup.DEFAULT_KEEP))
        self.keep.setSuffix(self.tr(" bản gần nhất"))
        self.keep.setMaximumWidth(220)
        self.keep.valueChanged.connect(lambda n: SettingsService(ctx.inst).set("backup_keep", n))
        keep_row = QFormLayout()
        keep_row.addRow(self.tr("Giữ lại:"), self.keep)

        self.table = list_table([self.tr("Thời điểm"), self.tr("Lý do"), self.tr("Dung lượng")],
                                object_name="backup_list")
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.cellDoubleClicked.connect(lambda *_: self.restore_selected())

        self.backup_button = QPushButton(self.tr("Sao lưu ngay"))
        self.backup_button.setObjectName("backup_now")
        self.export_button = QPushButton(self.tr("Sao lưu ra USB…"))
        self.restore_button = QPushButton(self.tr("Khôi phục bản đã chọn…"))
        self.restore_button.setObjectName("restore_selected")
        self.restore_file_button = QPushButton(self.tr("Khôi phục từ tệp…"))
        self.open_button = QPushButton(self.tr("Mở thư mục sao lưu"))
        self.backup_button.clicked.connect(lambda: self.backup_now())
        self.export_button.clicked.connect(lambda: self.backup_to_file())
        self.restore_button.clicked.connect(lambda: self.restore_selected())
        self.restore_file_button.clicked.connect(lambda: self.restore_file())
        self.open_button.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths.backup_dir(ctx.inst.folder)))))
        row1 = QHBoxLayout()
        for b in (self.backup_button, self.export_button, self.open_button):
            row1.addWidget(b)
        row1.addStretch(1)
        row2 = QHBoxLayout()
        for b in (self.restore_button, self.restore_file_button):
            row2.addWidget(b)
        row2.addStretch(1)
        self.status = QLabel()
        self.status.setObjectName("backup_status")
        self.status.setWordWrap(True)

        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(keep_row)
        lay.addLayout(row1)
        lay.addWidget(self.table, 1)
        lay.addLayout(row2)
        lay.addWidget(self.status)
        self._backups: list[backup.BackupInfo] = []
        self.refresh()

    # -- list ----------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self._backups = backup.list_backups(self.ctx.inst.folder)
        self.table.setRowCount(len(self._backups))
        for row, b in enumerate(self._backups):
            for col, text in enumerate((_local(b.taken_at), self._reason(b.reason), _size(b.path))):
                item = QTableWidgetItem(text)
                item.setToolTip(str(b.path))
                self.table.setItem(row, col, item)
        self._update_buttons()

    def _reason(self, reason: str) -> str:
        return {"daily": self.tr("tự động đầu ngày"), "import": self.tr("trước khi nhập gói"),
                "migration": self.tr("trước khi nâng cấp dữ liệu"), "manual": self.tr("do người dùng tạo"),
                "restore": self.tr("trước khi khôi phục")}.get(reason, reason)

    def selected(self) -> backup.BackupInfo | None:
        rows = {i.row() for i in self.table.selectedItems()}
        return self._backups[rows.pop()] if len(rows) == 1 else None

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    # -- actions -----------------------------------------------------------------------------------------
    def backup_now(self) -> Path | None:
        try:
            path = backup.make_backup(self.ctx.inst.store, self.ctx.inst.folder, "manual")
        except StoreError as exc:
            self._fail(error_text(exc))
            return None
        self.refresh()
        self._ok(self.tr("Đã sao lưu lúc {when}.").format(when=_local(datetime.now())))
        return path

    def backup_to_file(self, target: str | Path | None = None) -> Path | None:
        """A backup written to ``target`` (asked for when None), e.g. on a USB stick."""
        inst = self.ctx.inst
        if target is None:
            name = f"sao-luu_{inst.unit_code}_{datetime.now().strftime('%Y%m%d-%H%M')}.sqlite"
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Sao lưu ra USB hoặc thư mục khác"),
                                                    files.start_path(name), self.tr("Tệp sao lưu (*.sqlite)"))
            if not chosen:
                return None
            files.remember(chosen)
            target = chosen
        try:
            path = backup.make_backup(inst.store, inst.folder, "manual", out=Path(target))
        except StoreError as exc:
            self._fail(error_text(exc))
            return None
        text = self.tr("Đã sao lưu ra {name}.").format(name=path.name)
        self._ok(text)
        self.status.setToolTip(str(path))
        files.offer_open(self, path, text)
        return path

    def restore_selected(self, *, confirm: bool = True) -> Path | None:
        b = self.selected()
        return None if b is None else self.restore_from(b.path, confirm=confirm)

    def restore_file(self) -> Path | None:
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn tệp sao lưu để khôi phục"), files.start_path(),
                                                self.tr("Tệp sao lưu (*.sqlite);;Mọi tệp (*)"))
        return self.restore_from(Path(chosen)) if chosen else None

    def restore_from(self, source: Path, *, confirm: bool = True) -> Path | None:
        """Replace the data with ``source`` after asking. Returns the backup of the replaced data."""
        known = next((b for b in self._backups if b.path == Path(source)), None)
        what = (self.tr("bản sao lưu lúc {when}").format(when=_local(known.taken_at)) if known
                else self.tr("tệp «{name}»").format(name=Path(source).name))
        if confirm and not self._ask_restore(what):
            return None
        try:
            saved = backup.restore_installation(self.ctx.inst, Path(source))
        except (StoreError, AccessError) as exc:
            self._fail(error_text(exc))
            return None
        self.refresh()
        self._ok(self.tr("Đã khôi phục dữ liệu từ {what}. Dữ liệu trước khi khôi phục được giữ trong một bản "
                         "sao lưu mới (đầu danh sách).").format(what=what))
        self.restored.emit(str(saved))
        return saved

    def _ask_restore(self, what: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Khôi phục dữ liệu"),
                          self.tr("Thay toàn bộ dữ liệu hiện tại bằng {what}?\n\nDữ liệu hiện tại sẽ được sao lưu "
                                  "trước, nên vẫn lấy lại được nếu cần.").format(what=what), parent=self)
        box.setObjectName("restore_question")
        yes = box.addButton(self.tr("Khôi phục"), QMessageBox.ButtonRole.AcceptRole)
        no = box.addButton(self.tr("Hủy"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(no)
        box.exec()
        return box.clickedButton() is yes

    def _fail(self, message: str) -> None:
        self.status.setStyleSheet("color:#b00020")
        self.status.setText(message)

    def _ok(self, message: str) -> None:
        self.status.setStyleSheet("")
        self.status.setText(message)
