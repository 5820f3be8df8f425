"""The USB exchange page: export to a removable drive, import packages, the import report, receipts,
setup files, keys, and (at a district or province) the completeness board.

Self-contained: ``ExchangePage(inst, parent=None, service=None)``. All the work is done by
:mod:`plan_desktop.services.exchange`; this page only asks, shows progress and shows results.
Packages are small (a year of a commune is tens of kilobytes), so the work runs in the GUI thread
with progress updates rather than sharing the SQLite connection with a worker thread.
The action methods (:meth:`export_to`, :meth:`import_paths`, …) take their inputs as arguments so
that tests and the host window can call them without going through file dialogs.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStorageInfo, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from plan_desktop.domain.periods import Period
from plan_desktop.domain.text import format_int_vi
from plan_desktop.domain.units import Level
from plan_desktop.exchange.errors import ExchangeError
from plan_desktop.exchange.package import PACKAGE_EXT, RECEIPT_EXT, SETUP_EXT
from plan_desktop.services import exchange as ex
from plan_desktop.services.installation import Installation
from plan_desktop.services.unit_changes import AbolishedUnit, MoveResult, abolished_units, move_rosters
from plan_desktop.store import exchange_state
from plan_desktop.ui import files
from plan_desktop.ui.i18n import error_text
from plan_desktop.ui.widgets import list_table
from plan_desktop.usererror import UserError

_REMOVABLE_FS = {b"vfat", b"exfat", b"fat", b"fat32", b"msdos", b"ntfs", b"fuseblk", b"ntfs3", b"fuse.exfat"}
_STATUS_COLOURS = {"on_time": "#d7f0d8", "late": "#fff1c2", "missing": "#f8d0d0", "pending": "#eeeeee"}


def period_title(code: str) -> str:
    """A board column's title: «Quý I/2020», «6 tháng đầu/2020», «Tháng 3/2020», «Năm 2020»."""
    p = Period.parse(code)
    if p.kind == "Q":
        return QCoreApplication.translate("Periods", "Quý {roman}/{year}").format(roman=_ROMAN[p.index], n=p.index,
                                                                                  year=p.year)
    if p.kind == "H":
        text = (QCoreApplication.translate("Periods", "6 tháng đầu/{year}") if p.index == 1
                else QCoreApplication.translate("Periods", "6 tháng cuối/{year}"))
        return text.format(year=p.year)
    if p.kind == "M":
        return QCoreApplication.translate("Periods", "Tháng {month}/{year}").format(month=p.index, year=p.year)
    return QCoreApplication.translate("Periods", "Năm {year}").format(year=p.year)


_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def _bold_label(label: QLabel) -> QLabel:
    f = label.font()
    f.setBold(True)
    label.setFont(f)
    return label


def removable_drives() -> list[QStorageInfo]:
    """Mounted volumes that look like a USB stick: writable, ready, and either mounted where desktops
    mount removable media or formatted the way sticks are (FAT/exFAT/NTFS), never the system drive."""
    system_root = Path(sys.executable).anchor or "/"
    out = []
    for v in QStorageInfo.mountedVolumes():
        if not v.isValid() or not v.isReady() or v.isReadOnly():
            continue
        root = v.rootPath()
        fs = bytes(v.fileSystemType()).lower()
        if os.name == "nt":
            if Path(root).anchor.lower() == system_root.lower():
                continue
        else:
            if root in ("/", "/boot", "/home") or root.startswith(
                ("/boot/", "/proc", "/sys", "/dev", "/snap")
            ):
                continue
            media = root.startswith(("/media/", "/run/media/", "/mnt/", "/Volumes/"))
            if not media and fs not in _REMOVABLE_FS:
                continue
        out.append(v)
    return out


def _scrolled(widget: QWidget) -> QScrollArea:
    """``widget`` in a frameless scroll area (a tab's content on a small screen)."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(widget)
    return area


class _ReceiptDialog(QDialog):
    def __init__(self, units: list[tuple[str, str]], parent=None):
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("ExchangePage", "Lập biên nhận cho đơn vị cấp dưới"))
        form = QFormLayout(self)
        self.unit = QComboBox()
        for code, name in units:
            self.unit.addItem(f"{name} ({code})", code)
        self.accept_btn = QRadioButton(QCoreApplication.translate("ExchangePage", "Tiếp nhận"))
        self.accept_btn.setChecked(True)
        self.return_btn = QRadioButton(QCoreApplication.translate("ExchangePage", "Trả lại, lý do:"))
        self.reason = QLineEdit()
        self.reason.setEnabled(False)
        self.return_btn.toggled.connect(self.reason.setEnabled)
        form.addRow(QCoreApplication.translate("ExchangePage", "Đơn vị"), self.unit)
        form.addRow(self.accept_btn)
        form.addRow(self.return_btn, self.reason)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class _TrustDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("ExchangePage", "Đăng ký trước mã khóa của đơn vị"))
        form = QFormLayout(self)
        self.unit = QLineEdit()
        self.unit.setPlaceholderText("13597")
        self.fingerprint = QLineEdit()
        self.fingerprint.setPlaceholderText("XXXX-XXXX-XXXX-XXXX")
        note = QLabel(QCoreApplication.translate("ExchangePage", "Chỉ đăng ký sau khi đã gọi điện cho đơn vị đó và "
                                                 "nghe họ đọc mã khóa (16 ký tự)."))
        note.setWordWrap(True)
        form.addRow(note)
        form.addRow(QCoreApplication.translate("ExchangePage", "Mã đơn vị"), self.unit)
        form.addRow(QCoreApplication.translate("ExchangePage", "Mã khóa"), self.fingerprint)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class ExchangePage(QWidget):
    """Export, import, receipts, keys and the completeness board for one installation."""

    #: form ids whose records changed through an import (the host refreshes its lists)
    imported = Signal(list)
    #: path of a package just written
    exported = Signal(str)

    def __init__(self, inst: Installation, parent: QWidget | None = None, service=None):
        super().__init__(parent)
        self.inst = inst
        self.service = service
        self.last_report: ex.ImportReport | None = None
        self.last_export: ex.ExportResult | None = None
        self.setObjectName("exchange_page")
        self._build()
        self.refresh()

    # -- layout ------------------------------------------------------------------------------------------
    @property
    def level(self) -> Level:
        return self.inst.level

    def _build(self) -> None:
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 16, 24, 16)

        heading = QLabel(self.tr("Trao đổi dữ liệu (USB)"))
        f = heading.font()
        f.setPointSizeF(f.pointSizeF() * 1.5)
        f.setBold(True)
        heading.setFont(f)
        lay.addWidget(heading)

        # keys
        keys_box = self.keys_box = QGroupBox(self.tr("Mã khóa của đơn vị"))
        kl = QVBoxLayout(keys_box)
        row = QHBoxLayout()
        self.fingerprint_label = QLabel()
        self.fingerprint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(mono.pointSizeF() * 1.2)
        self.fingerprint_label.setFont(mono)
        copy = QPushButton(self.tr("Sao chép"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.fingerprint_label.text()))
        row.addWidget(QLabel(self.tr("Mã khóa của đơn vị (đọc qua điện thoại khi đơn vị khác hỏi):")))
        row.addWidget(self.fingerprint_label, 1)
        row.addWidget(copy)
        kl.addLayout(row)
        # files held apart until an approver confirms the key that signed them
        self.pending_title = QLabel(self.tr("Chờ xác nhận: tệp ký bằng khóa chưa được xác nhận (chưa nhập gì)"))
        self.pending_title.setStyleSheet("font-weight:bold; color:#b00020")
        kl.addWidget(self.pending_title)
        self.pending_keys = list_table([self.tr("Đơn vị"), self.tr("Mã khóa trong tệp"), self.tr("Lý do"),
                                        self.tr("Tệp")], single=True)
        self.pending_keys.setObjectName("pending_keys")
        self.pending_keys.setMaximumHeight(160)
        kl.addWidget(self.pending_keys)
        prow = QHBoxLayout()
        self.approve_button = QPushButton(self.tr("Xác nhận (mã khớp)…"))
        self.approve_button.clicked.connect(self._ask_approve)
        self.reject_button = QPushButton(self.tr("Từ chối (bỏ các tệp)"))
        self.reject_button.clicked.connect(self._ask_reject)
        prow.addWidget(self.approve_button)
        prow.addWidget(self.reject_button)
        prow.addStretch(1)
        kl.addLayout(prow)
        kl.addWidget(QLabel(self.tr("Khóa đã ghi nhận của các đơn vị khác:")))
        self.keys_table = list_table([self.tr("Mã"), self.tr("Đơn vị"), self.tr("Mã khóa"), self.tr("Cách xác nhận")],
                                     single=False)
        self.keys_table.setMaximumHeight(160)
        kl.addWidget(self.keys_table)
        trust = QPushButton(self.tr("Đăng ký trước mã khóa của một đơn vị…"))
        trust.clicked.connect(self._ask_trust)
        kl.addWidget(trust, 0, Qt.AlignmentFlag.AlignLeft)
        kl.addStretch(1)

        # export
        self.export_box = QGroupBox(self.tr("Gửi dữ liệu lên cấp trên"))
        el = QVBoxLayout(self.export_box)
        self.pending_label = QLabel()
        el.addWidget(self.pending_label)
        drive_row = QHBoxLayout()
        self.drive_combo = QComboBox()
        self.drive_combo.setMinimumWidth(280)
        refresh = QPushButton(self.tr("Tìm lại ổ USB"))
        refresh.clicked.connect(self.refresh_drives)
        pick = QPushButton(self.tr("Chọn thư mục khác…"))
        pick.clicked.connect(self._pick_export_dir)
        drive_row.addWidget(QLabel(self.tr("Ghi vào:")))
        drive_row.addWidget(self.drive_combo, 1)
        drive_row.addWidget(refresh)
        drive_row.addWidget(pick)
        el.addLayout(drive_row)
        opt_row = QHBoxLayout()
        self.full_check = QCheckBox(self.tr("Xuất toàn bộ dữ liệu (không chỉ phần thay đổi)"))
        self.export_button = QPushButton(self.tr("Xuất gói dữ liệu"))
        self.export_button.clicked.connect(self._export_clicked)
        opt_row.addWidget(self.full_check)
        opt_row.addStretch(1)
        opt_row.addWidget(self.export_button)
        el.addLayout(opt_row)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        el.addWidget(self.progress)
        self.export_result = QLabel()
        self.export_result.setWordWrap(True)
        self.export_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        el.addWidget(self.export_result)
        self.history = list_table([self.tr("Gói số"), self.tr("Ngày xuất"), self.tr("Số bản ghi"),
                                   self.tr("Tình trạng")], single=False)
        self.history_empty = QLabel(self.tr("Chưa xuất gói nào. Cắm USB, chọn ổ ở «Ghi vào», rồi bấm «Xuất gói dữ "
                                            "liệu» — các gói đã xuất và biên nhận của cấp trên sẽ hiện ở đây."))
        self.history_empty.setObjectName("history_empty")
        self.history_empty.setWordWrap(True)
        self.history_empty.setStyleSheet("color:#5f6368; padding:6px;")
        el.addWidget(self.history_empty)
        el.addWidget(self.history, 1)

        # import
        self.import_box = QGroupBox(self.tr("Nhận gói dữ liệu, biên nhận"))
        il = QVBoxLayout(self.import_box)
        btns = QHBoxLayout()
        files_btn = QPushButton(self.tr("Chọn tệp…"))
        files_btn.clicked.connect(self._pick_import_files)
        folder_btn = QPushButton(self.tr("Chọn cả thư mục…"))
        folder_btn.clicked.connect(self._pick_import_folder)
        self.print_button = QPushButton(self.tr("In báo cáo nhập"))
        self.print_button.clicked.connect(self.print_report)
        self.print_button.setEnabled(False)
        btns.addWidget(files_btn)
        btns.addWidget(folder_btn)
        btns.addStretch(1)
        btns.addWidget(self.print_button)
        il.addLayout(btns)
        self.import_progress = QProgressBar()
        self.import_progress.setVisible(False)
        il.addWidget(self.import_progress)
        self.report_view = QPlainTextEdit()
        self.report_view.setReadOnly(True)
        self.report_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.report_view.setPlaceholderText(self.tr("Báo cáo nhập sẽ hiện ở đây."))
        self.report_view.setMinimumHeight(180)
        il.addWidget(self.report_view, 1)

        # district / province: receipts, setup files, completeness board
        self.upper_box = QGroupBox(self.tr("Theo dõi đơn vị cấp dưới"))
        ul = QVBoxLayout(self.upper_box)
        actions = QHBoxLayout()
        receipt = QPushButton(self.tr("Lập biên nhận…"))
        receipt.clicked.connect(self._ask_receipt)
        setup = QPushButton(self.tr("Lập tệp thiết lập cho đơn vị cấp dưới…"))
        setup.clicked.connect(self._ask_setup_file)
        self.move_button = QPushButton(self.tr("Chuyển danh sách của đơn vị đã giải thể…"))
        self.move_button.setObjectName("move_rosters")
        self.move_button.setToolTip(self.tr(
            "Cán bộ, cơ sở kinh doanh và mô hình hỗ trợ còn hoạt động của xã đã bị giải thể, sáp nhập được chuyển "
            "sang đơn vị kế thừa từ ngày sáp nhập (một lần, có ghi nhật ký); số liệu các năm trước không đổi."))
        self.move_button.clicked.connect(self._ask_move_rosters)
        actions.addWidget(receipt)
        actions.addWidget(setup)
        actions.addWidget(self.move_button)
        actions.addStretch(1)
        ul.addLayout(actions)
        self.move_label = QLabel()
        self.move_label.setWordWrap(True)
        ul.addWidget(self.move_label)
        board_row = QHBoxLayout()
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2016, 2030)
        self.year_spin.setValue(self.inst.working_year)
        self.kind_combo = QComboBox()
        for code, label in (("Q", self.tr("Quý")), ("H", self.tr("6 tháng")), ("Y", self.tr("Năm")),
                            ("M", self.tr("Tháng"))):
            self.kind_combo.addItem(label, code)
        self.all_levels = QCheckBox(self.tr("Cả đơn vị cấp xã"))
        self.all_levels.setVisible(self.level == Level.PROVINCE)
        for w in (self.year_spin, self.kind_combo):
            (w.valueChanged if isinstance(w, QSpinBox) else w.currentIndexChanged).connect(self.refresh_board)
        self.all_levels.toggled.connect(self.refresh_board)
        board_row.addWidget(QLabel(self.tr("Bảng theo dõi nhận gói — năm")))
        board_row.addWidget(self.year_spin)
        board_row.addWidget(self.kind_combo)
        board_row.addWidget(self.all_levels)
        board_row.addStretch(1)
        ul.addLayout(board_row)
        self.board = list_table([], single=False, object_name="board")
        self.board.setMinimumHeight(200)
        # the unit's name is the row's header: it stays in place while the periods scroll sideways
        self.board.verticalHeader().show()
        self.board.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.board_summary = QLabel()
        self.board_summary.setObjectName("board_summary")
        _bold_label(self.board_summary)
        ul.addWidget(self.board_summary)
        ul.addWidget(self.board, 1)
        self.board_legend = QLabel(self._legend_html())
        self.board_legend.setObjectName("board_legend")
        self.board_legend.setWordWrap(True)
        self.board_legend.setTextFormat(Qt.TextFormat.RichText)
        ul.addWidget(self.board_legend)

        # one tab per job, the one this level does most first: a district or the province watches
        # the units below and takes in their packages; a commune sends its own
        has_parent = self.inst.units.parent_for(self.inst.unit_code, ex._on(self.inst)) is not None
        self.tabs = QTabWidget()
        self.tabs.setObjectName("exchange_tabs")
        tabs = [(self.upper_box, self.level != Level.COMMUNE), (self.import_box, True),
                (self.export_box, has_parent), (keys_box, True)]
        if self.level == Level.COMMUNE:
            tabs = [tabs[2], tabs[1], tabs[3]]
        self._tab_of: dict[QWidget, QWidget] = {}
        for box, shown in tabs:
            if shown:
                self._tab_of[box] = _scrolled(box)
                self.tabs.addTab(self._tab_of[box], box.title())
                box.setTitle("")  # the tab says it
            else:
                box.setParent(self)  # kept (and hidden) for the code that asks about it
                box.setVisible(False)
        lay.addWidget(self.tabs, 1)

    # -- refresh -----------------------------------------------------------------------------------------
    def refresh(self) -> None:
        try:
            own, keys = ex.keys_overview(self.inst)
        except (ExchangeError, PermissionError) as exc:  # protected keys and nobody logged in
            own, keys = error_text(exc), []
        self.fingerprint_label.setText(own)
        self.keys_table.setRowCount(len(keys))
        for i, k in enumerate(keys):
            code = (k.code or k.fingerprint) + ("" if k.has_key else self.tr(" (chờ tệp đầu tiên)"))
            for j, text in enumerate((k.unit_code, k.unit_name, code, ex.source_vi(k.source))):
                self.keys_table.setItem(i, j, QTableWidgetItem(text))
        self.refresh_pending()
        if self.export_box.isVisible() or not self.isVisible():
            self._refresh_history()
            self.refresh_drives()
        if self.level != Level.COMMUNE:
            self.refresh_board()
            self._refresh_moves()

    def _pending_moves(self) -> list[AbolishedUnit]:
        return [a for a in abolished_units(self.inst) if a.pending_total and a.successor is not None]

    def _refresh_moves(self) -> None:
        pending = self._pending_moves()
        self.move_button.setVisible(bool(pending))
        self.move_label.setVisible(bool(pending))
        self.move_label.setText(self.tr(
            "{n} đơn vị đã bị giải thể còn cán bộ, cơ sở hoặc mô hình chưa chuyển sang đơn vị kế thừa: {units}."
        ).format(n=len(pending), units=", ".join(
            f"{a.unit.name} ({a.unit.code}) → {a.successor.name} ({a.successor.code})" for a in pending)))

    def move_rosters_of(self, code: str) -> MoveResult | None:
        """Move the rosters of the abolished unit ``code`` to its successor; the result, or None (the
        reason shown) when refused."""
        try:
            result = move_rosters(self.inst, code, service=self.service)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Không chuyển được danh sách"), error_text(exc))
            return None
        self._refresh_moves()
        self.move_label.setVisible(True)
        self.move_label.setText(result.text())
        return result

    def _ask_move_rosters(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        pending = self._pending_moves()
        if not pending:
            return
        items = [self.tr("{a} (mã {c}) → {s} (mã {sc}): {o} cán bộ, {e} cơ sở, {m} mô hình").format(
            a=a.unit.name, c=a.unit.code, s=a.successor.name, sc=a.successor.code, o=a.pending["officer"],
            e=a.pending["establishment"], m=a.pending["support_model"]) for a in pending]
        choice, ok = QInputDialog.getItem(self, self.tr("Chuyển danh sách"), self.tr("Đơn vị đã giải thể:"),
                                          items, 0, False)
        if not ok or not choice:
            return
        a = pending[items.index(choice)]
        answer = QMessageBox.question(self, self.tr("Chuyển danh sách"), self.tr(
            "Chuyển {item}?\nCác bản ghi ở {a} kết thúc vào ngày {last}, bản ghi ở {s} bắt đầu từ ngày hôm sau; "
            "số liệu các năm trước không đổi."
        ).format(item=choice, a=a.unit.name, s=a.successor.name, last=f"{a.last_day:%d/%m/%Y}"))
        if answer == QMessageBox.StandardButton.Yes:
            self.move_rosters_of(a.unit.code)

    def _refresh_history(self) -> None:
        n = ex.pending_changes(self.inst)
        self.pending_label.setText(self.tr("Bản ghi đã thay đổi, cấp trên chưa xác nhận: {n}").format(n=n))
        hist = ex.export_history(self.inst)
        names = {
            "sent": self.tr("Đã gửi, chờ biên nhận"),
            "accepted": self.tr("Cấp trên đã tiếp nhận"),
            "returned": self.tr("Bị trả lại"),
        }
        self.history.setRowCount(len(hist))
        self.history_empty.setVisible(not hist)
        for i, h in enumerate(hist):
            status = names.get(h.status, h.status) + (f": {h.reason}" if h.reason else "")
            for j, text in enumerate((str(h.sequence), ex.local_time(h.created_at), str(h.records), status)):
                item = QTableWidgetItem(text)
                if h.status == "returned":
                    item.setBackground(QBrush(QColor("#f8d0d0")))
                self.history.setItem(i, j, item)

    def refresh_drives(self) -> None:
        current = self.drive_combo.currentData()
        self.drive_combo.clear()
        for v in removable_drives():
            free = v.bytesAvailable() / (1024 * 1024)
            name = v.displayName() or v.rootPath()
            self.drive_combo.addItem(
                f"{name} — {v.rootPath()} ({free:,.0f} MB trống)".replace(",", "."), v.rootPath()
            )
        if self.drive_combo.count() == 0:
            self.drive_combo.addItem(self.tr("Không thấy ổ USB nào — hãy cắm USB rồi bấm «Tìm lại ổ USB»"), None)
        if current:
            i = self.drive_combo.findData(current)
            if i >= 0:
                self.drive_combo.setCurrentIndex(i)

    def set_export_dir(self, folder: Path) -> None:
        i = self.drive_combo.findData(str(folder))
        if i < 0:
            if self.drive_combo.count() == 1 and self.drive_combo.itemData(0) is None:
                self.drive_combo.clear()
            self.drive_combo.addItem(str(folder), str(folder))
            i = self.drive_combo.count() - 1
        self.drive_combo.setCurrentIndex(i)

    def refresh_board(self, *_args) -> None:
        board = ex.completeness(
            self.inst,
            year=self.year_spin.value(),
            kind=self.kind_combo.currentData() or "Q",
            all_levels=self.all_levels.isChecked(),
        )
        headers = [period_title(p) for p in board.periods] + [self.tr("Gói gần nhất"), self.tr("Số bản ghi")]
        self.board.clear()
        self.board.setColumnCount(len(headers))
        self.board.setHorizontalHeaderLabels(headers)
        self.board.setRowCount(len(board.units))
        self.board.setVerticalHeaderLabels([name for _, name in board.units])
        for i, (code, name) in enumerate(board.units):
            self.board.verticalHeaderItem(i).setToolTip(self.tr("{name} — mã {code}").format(name=name, code=code))
            for j, p in enumerate(board.periods):
                c = board.cells[(code, p)]
                text = c.label + (
                    f" ({c.package_date[8:10]}/{c.package_date[5:7]})" if c.package_date else ""
                )
                if c.report_signed:
                    text += self.tr(" · BC đã ký")
                item = QTableWidgetItem(text)
                item.setBackground(QBrush(QColor(_STATUS_COLOURS[c.status])))
                item.setToolTip(f"{name} — {period_title(p)}: {self._status_text(c.status)}")
                self.board.setItem(i, j, item)
            last = board.last_package[code]
            self.board.setItem(
                i,
                len(board.periods),
                QTableWidgetItem(f"{last[8:10]}/{last[5:7]}/{last[:4]}" if last else "—"),
            )
            self.board.setItem(i, 1 + len(board.periods), QTableWidgetItem(format_int_vi(board.records[code])))
        self.board.resizeColumnsToContents()
        self.board_summary.setText(self.board_summary_text(board))
        self.last_board = board

    def board_summary_text(self, board) -> str:
        """«Quý I/2020: 18/21 đúng hạn · 2 muộn · 1 chưa nhận» for the latest period already due."""
        due = [p for p in board.periods
               if any(board.cells[(code, p)].status != "pending" for code, _ in board.units)]
        if not board.units:
            return self.tr("Chưa có đơn vị cấp dưới nào.")
        if not due:
            return self.tr("Chưa đến hạn nộp kỳ nào của năm {year}.").format(year=self.year_spin.value())
        p = due[-1]
        statuses = [board.cells[(code, p)].status for code, _ in board.units]
        text = self.tr("{period}: {n}/{total} đúng hạn").format(
            period=period_title(p), n=statuses.count("on_time"), total=len(statuses))
        if statuses.count("late"):
            text += " · " + self.tr("{n} muộn").format(n=statuses.count("late"))
        if statuses.count("missing"):
            text += " · " + self.tr("{n} chưa nhận").format(n=statuses.count("missing"))
        return text

    def _status_text(self, status: str) -> str:
        return {"on_time": self.tr("Đúng hạn"), "late": self.tr("Muộn"), "missing": self.tr("Chưa nhận"),
                "pending": self.tr("Chưa đến hạn")}[status]

    def _legend_html(self) -> str:
        def chip(status: str, text: str) -> str:
            return (f"<span style='background:{_STATUS_COLOURS[status]}'>&nbsp;&nbsp;&nbsp;&nbsp;</span> {text}")

        parts = [
            chip("on_time", self.tr("Đúng hạn: nhận được trong {days} ngày sau khi hết kỳ").format(
                days=ex.DEFAULT_GRACE_DAYS)),
            chip("late", self.tr("Muộn: nhận sau hạn đó")),
            chip("missing", self.tr("Chưa nhận: đã quá hạn mà chưa có gói")),
            chip("pending", self.tr("Chưa đến hạn")),
        ]
        return (" &nbsp; ".join(parts) + "<br>" + self.tr(
            "(dd/mm): ngày nhận gói đầu tiên sau khi hết kỳ · «BC đã ký»: gói có kèm báo cáo kỳ đó đã ký số"))

    # -- actions -----------------------------------------------------------------------------------------
    def _progress(self, bar: QProgressBar):
        def update(done: int, total: int, message: str) -> None:
            bar.setVisible(True)
            bar.setMaximum(max(total, 1))
            bar.setValue(done)
            bar.setFormat(f"{message} %p%")
            QCoreApplication.processEvents()

        return update

    def export_to(self, folder: Path, *, full: bool | None = None) -> ex.ExportResult | None:
        """Write the next package into ``folder``; shows the result (or the reason it failed)."""
        full = self.full_check.isChecked() if full is None else full
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            res = ex.export_package(
                self.inst, Path(folder), full=full, progress=self._progress(self.progress)
            )
        except (ExchangeError, OSError) as exc:

            self.export_result.setText(self.tr("Không xuất được gói: {m}").format(m=error_text(exc)))
            self.export_result.setStyleSheet("color: #a00000;")
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()
            self.progress.setVisible(False)
        self.last_export = res
        enc = self.tr("đã mã hóa cho cấp trên")
        self.export_result.setStyleSheet("")
        self.export_result.setText(
            self.tr(
                "Đã xuất gói số {seq}: {n} bản ghi, {enc}.\nTệp: {path}\nCó thể rút USB ra an toàn sau khi "
                "hệ điều hành báo đã ghi xong."
            ).format(seq=res.sequence, n=res.records, enc=enc, path=Path(res.path).name)
        )
        self.export_result.setToolTip(str(res.path))
        self._refresh_history()
        self.exported.emit(str(res.path))
        return res

    def _export_clicked(self) -> None:
        folder = self.drive_combo.currentData()
        if not folder:
            self._pick_export_dir()
            folder = self.drive_combo.currentData()
            if not folder:
                return
        res = self.export_to(Path(folder))
        if res is not None:
            files.offer_open(self, res.path, self.tr("Đã xuất gói số {seq} ({n} bản ghi).").format(
                seq=res.sequence, n=res.records))

    def _pick_export_dir(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Chọn thư mục ghi gói dữ liệu"), files.start_path())
        if folder:
            files.remember(folder)
            self.set_export_dir(Path(folder))

    def import_paths(self, paths: list[Path]) -> ex.ImportReport:
        """Import files (or folders); shows the report (on its tab)."""
        self.tabs.setCurrentWidget(self._tab_of[self.import_box])
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            report = ex.import_files(
                self.inst,
                [Path(p) for p in paths],
                progress=self._progress(self.import_progress),
                service=self.service,
            )
        except (ExchangeError, OSError) as exc:  # e.g. protected keys and nobody logged in

            message = error_text(exc)
            self.report_view.setPlainText(self.tr("Không nhập được: {m}").format(m=message))
            failed = ex.ImportReport(self.inst.unit_code, "", "")
            failed.files.append(ex.FileResult(Path(paths[0]) if paths else Path(), message=message))
            return failed
        finally:
            QGuiApplication.restoreOverrideCursor()
            self.import_progress.setVisible(False)
        self.last_report = report
        text = (
            report.text(forms=self.inst.store.forms) if report.files else self.tr("Không có tệp gói dữ liệu nào.")
        )
        if report.saved_to:
            text += "\n" + self.tr("Báo cáo đã lưu tại: {p}").format(p=report.saved_to)
        self.report_view.setPlainText(text)
        self.print_button.setEnabled(bool(report.files))
        forms = sorted({fid for f in report.files for (_, fid), t in f.tally.items() if t.new or t.updated})
        if forms:
            self.imported.emit(forms)
        self.refresh()
        return report

    def _pick_import_files(self) -> None:
        chosen, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Chọn gói dữ liệu hoặc biên nhận"),
            files.start_path(),
            self.tr("Gói dữ liệu, biên nhận") + f" (*{PACKAGE_EXT} *{RECEIPT_EXT});;" + self.tr("Mọi tệp") + " (*)",
        )
        if chosen:
            files.remember(chosen[0])
            self.import_paths([Path(f) for f in chosen])

    def _pick_import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Chọn thư mục chứa các gói dữ liệu"),
                                                  files.start_path())
        if folder:
            self.import_paths([Path(folder)])

    def print_report(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.report_view.document().print_(printer)

    def write_receipt(
        self, unit: str, folder: Path, *, status: str = "accepted", reason: str = ""
    ) -> Path | None:
        try:
            res = ex.write_receipt(self.inst, unit, Path(folder), status=status, reason=reason)
        except (ExchangeError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Không lập được biên nhận"), error_text(exc))
            return None
        self.refresh_board()
        return res.path

    def _received_units(self) -> list[tuple[str, str]]:
        return [(code, ex._label(self.inst, code)) for code in exchange_state.received_units(self.inst.store.db)]

    def _ask_receipt(self) -> None:
        units = self._received_units()
        if not units:
            QMessageBox.information(self, self.tr("Lập biên nhận"), self.tr("Chưa nhận gói nào của đơn vị cấp dưới."))
            return
        dlg = _ReceiptDialog(units, self)
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("Chọn nơi ghi biên nhận (ví dụ USB của đơn vị)"),
                                                  files.start_path())
        if not folder:
            return
        files.remember(folder)
        returned = dlg.return_btn.isChecked()
        path = self.write_receipt(
            dlg.unit.currentData(),
            Path(folder),
            status="returned" if returned else "accepted",
            reason=dlg.reason.text(),
        )
        if path:
            files.offer_open(self, path, self.tr("Đã ghi biên nhận {name}.").format(name=Path(path).name),
                             title=self.tr("Lập biên nhận"))

    def _ask_setup_file(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        children = self.inst.child_units()
        items = [f"{u.name} ({u.code})" for u in children]
        choice, ok = QInputDialog.getItem(self, self.tr("Tệp thiết lập"), self.tr("Đơn vị cấp dưới:"), items, 0, False)
        if not ok or not choice:
            return
        unit = children[items.index(choice)].code
        folder = QFileDialog.getExistingDirectory(self, self.tr("Chọn nơi ghi tệp thiết lập"), files.start_path())
        if not folder:
            return
        files.remember(folder)
        try:
            path = ex.write_setup_file(self.inst, unit, Path(folder))
        except (ExchangeError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Không lập được tệp thiết lập"), error_text(exc))
            return
        files.offer_open(
            self, path,
            self.tr("Đã ghi tệp thiết lập {name}.\nKhi đơn vị mở tệp này, họ sẽ gọi điện: hãy đọc cho họ mã khóa của "
                    "đơn vị mình:\n{f}").format(name=Path(path).name, f=self.fingerprint_label.text()),
            title=self.tr("Tệp thiết lập"))

    # -- keys held for confirmation -------------------------------------------------------------------------
    def refresh_pending(self) -> None:
        try:
            self.pending = ex.list_pending(self.inst)
        except ExchangeError:
            self.pending = []
        self.pending_keys.setRowCount(len(self.pending))
        for i, p in enumerate(self.pending):
            files = ", ".join(f"{ex.KIND_VI.get(k, k)} {n}" for n, k in zip(p.files, p.kinds, strict=True))
            for j, text in enumerate((p.unit_label, p.code, ex.REASON_VI.get(p.reason, p.reason), files)):
                self.pending_keys.setItem(i, j, QTableWidgetItem(text))
        if self.pending:
            self.pending_keys.selectRow(0)
        for w in (self.pending_title, self.pending_keys, self.approve_button, self.reject_button):
            w.setVisible(bool(self.pending))
        keys_tab = self._tab_of.get(self.keys_box)
        if keys_tab is not None:
            title = self.tr("Mã khóa của đơn vị")
            if self.pending:
                title += self.tr(" ({n} chờ xác nhận)").format(n=len(self.pending))
            self.tabs.setTabText(self.tabs.indexOf(keys_tab), title)

    def _selected_pending(self):
        row = self.pending_keys.currentRow()
        return self.pending[row] if 0 <= row < len(self.pending) else None

    def approve(self, unit: str, code: str) -> ex.ApproveResult | None:
        """Confirm ``unit``'s key with the code the approver heard; the held files are then imported."""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            res = ex.approve_key(self.inst, unit, code, service=self.service)
        except (ExchangeError, PermissionError) as exc:

            QMessageBox.warning(self, self.tr("Không xác nhận được"), error_text(exc))
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()
        text = "\n".join(res.setup_messages)
        if res.report.files:
            text += ("\n" if text else "") + res.report.text(forms=self.inst.store.forms)
            self.report_view.setPlainText(text)
            forms = sorted({fid for f in res.report.files for (_, fid), t in f.tally.items() if t.new or t.updated})
            if forms:
                self.imported.emit(forms)
        self.refresh()
        return res

    def reject_pending(self, unit: str, code: str | None = None) -> int:
        try:
            n = ex.reject_key(self.inst, unit, code)
        except (ExchangeError, PermissionError) as exc:

            QMessageBox.warning(self, self.tr("Không từ chối được"), error_text(exc))
            return 0
        self.refresh()
        return n

    def _ask_approve(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        p = self._selected_pending()
        if p is None:
            return
        code, ok = QInputDialog.getText(
            self, self.tr("Xác nhận khóa"),
            self.tr("Gọi điện cho {unit} và nhờ đọc mã khóa của họ.\nGõ mã nghe được (mã trong tệp: {code}):")
            .format(unit=p.unit_label, code=p.code))
        if ok and code.strip():
            res = self.approve(p.unit_code, code.strip())
            if res is not None:
                QMessageBox.information(self, self.tr("Xác nhận khóa"), self.tr(
                    "Đã xác nhận khóa của {unit}. Kết quả nhập các tệp đang chờ ở thẻ «Nhận gói dữ liệu».")
                    .format(unit=p.unit_label))

    def _ask_reject(self) -> None:
        p = self._selected_pending()
        if p is None:
            return
        answer = QMessageBox.question(self, self.tr("Từ chối khóa"), self.tr(
            "Bỏ {n} tệp ký bằng khóa {code} (gửi dưới tên {unit})? Không nhập gì từ các tệp đó.")
            .format(n=len(p.files), code=p.code, unit=p.unit_label))
        if answer == QMessageBox.StandardButton.Yes:
            self.reject_pending(p.unit_code, p.code)

    def trust(self, unit: str, fingerprint: str) -> bool:
        try:
            ex.trust_key(self.inst, unit.strip(), fingerprint)
        except ExchangeError as exc:
            QMessageBox.warning(self, self.tr("Không đăng ký được khóa"), error_text(exc))
            return False
        self.refresh()
        return True

    def _ask_trust(self) -> None:
        dlg = _TrustDialog(self)
        if dlg.exec() == QDialog.DialogCode.Accepted:
            self.trust(dlg.unit.text(), dlg.fingerprint.text())


__all__ = ["SETUP_EXT", "ExchangePage", "removable_drives"]
