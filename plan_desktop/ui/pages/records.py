"""The list of one form's records, with add / edit / duplicate / delete / undo, search and periods."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from plan_desktop.domain.forms import FormDef
from plan_desktop.domain.plan import default_plan
from plan_desktop.domain.text import format_int_vi
from plan_desktop.domain.validation import ValidationError
from plan_desktop.services.records import RecordError
from plan_desktop.store import Query
from plan_desktop.ui.context import AppContext
from plan_desktop.ui.i18n import error_text
from plan_desktop.ui.pages.base import Page

if TYPE_CHECKING:
    # The list's model, toolbar, file menu and entry dialog are imported when a list is first shown
    # (:meth:`RecordsPage._build`) or a dialog opened: the window starts on the overview.
    from plan_desktop.ui.entry_dialog import EntryDialog

SEARCH_DELAY_MS = 200


class RecordTable(QTableView):
    """Enter opens the record; Delete deletes (the page connects the signals)."""

    activate_current = Signal()
    delete_pressed = Signal()

    def keyPressEvent(self, e) -> None:
        if e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activate_current.emit()
            return
        if e.key() == Qt.Key.Key_Delete:
            self.delete_pressed.emit()
            return
        super().keyPressEvent(e)


class RecordsPage(Page):
    key = "records"
    help_section = "nhap-lieu"
    status_message = Signal(str)

    def __init__(self, ctx: AppContext, form: FormDef):
        super().__init__(ctx)
        self.form = form
        self.key = f"form:{form.id}"
        self.dialog: EntryDialog | None = None
        self.last_deleted: list[str] = []
        #: the widgets are made the first time the page is shown (:meth:`prepare`): the window holds
        #: one page per form, and an officer opens a few of them in a day
        self._built = False

    def prepare(self) -> None:
        if not self._built:
            self._build()

    def _build(self) -> None:
        from plan_desktop.ui.models import RecordTableModel
        from plan_desktop.ui.pages.list_files import ListFiles
        from plan_desktop.ui.widgets import FlowLayout

        self._built = True
        ctx = self.ctx
        form = self.form
        inst = ctx.inst
        on = inst.period_bounds(str(inst.working_year))[1]
        self.model = RecordTableModel(inst.store, form, own_unit=inst.unit_code, units=inst.units,
                                      show_unit=not ctx.is_commune, lang=ctx.lang, on=on, parent=self,
                                      load=False)
        self._stale = True  # the list is read when the page is first shown (a big store opens fast)
        self._sized = False  # columns measured against the first rows read
        #: records to select again once a search has filtered every row (it shows the first ones at once)
        self._pending_selection: list[str] = []
        self.model.rowsInserted.connect(lambda *_: self._update_count())
        self.model.search_done.connect(self._search_done)

        # -- toolbar
        self.add_button = QPushButton(self.tr("Thêm mới"))
        self.add_button.setToolTip(self.tr("Thêm một bản ghi mới (Ctrl+N)"))
        self.edit_button = QPushButton(self.tr("Sửa"))
        self.edit_button.setToolTip(self.tr("Mở bản ghi đang chọn (Enter hoặc nhấp đúp)"))
        self.duplicate_button = QPushButton(self.tr("Nhân bản"))
        self.duplicate_button.setToolTip(self.tr("Tạo bản ghi mới giống bản ghi đang chọn (Ctrl+D)"))
        self.delete_button = QPushButton(self.tr("Xóa"))
        self.delete_button.setToolTip(self.tr("Xóa các bản ghi đang chọn (phím Delete)"))
        self.undo_button = QPushButton(self.tr("Hoàn tác"))
        self.undo_button.setToolTip(self.tr("Khôi phục các bản ghi vừa xóa (Ctrl+Z)"))
        self.undo_button.setEnabled(False)
        for b, name in ((self.add_button, "add"), (self.edit_button, "edit"), (self.duplicate_button, "duplicate"),
                        (self.delete_button, "delete"), (self.undo_button, "undo")):
            b.setObjectName(name)
            b.setAutoDefault(False)
        self.add_button.clicked.connect(lambda: self.open_new())
        self.edit_button.clicked.connect(lambda: self.open_current())
        self.duplicate_button.clicked.connect(lambda: self.duplicate_current())
        self.delete_button.clicked.connect(lambda: self.delete_selected())
        self.undo_button.clicked.connect(lambda: self.undo_delete())
        if not ctx.is_commune:
            self.add_button.setText(self.tr("Thêm mới (của đơn vị mình)"))

        self.period_combo = QComboBox()
        self.period_combo.setObjectName("period")
        self.period_combo.setToolTip(
            self.tr("Kỳ: chỉ hiện những bản ghi còn hiệu lực trong kỳ này (đã bắt đầu, chưa kết thúc)")
            if form.until_field else self.tr("Kỳ: chỉ hiện các bản ghi trong kỳ này"))
        for p in ctx.period_choices():
            self.period_combo.addItem(ctx.period_label(p), None if p is None else str(p))
        # a form whose period field may be empty (an establishment without an opening date) lists
        # everything by default, so that no record is hidden by the period filter
        by_year = form.period_field is not None and form.field(form.period_field).required
        self.period_combo.setCurrentIndex(1 if by_year else 0)
        self.period_combo.setEnabled(form.period_field is not None)
        self.period_combo.currentIndexChanged.connect(lambda *_: self.apply_filter())
        period_label = QLabel(self.tr("&Kỳ:"))
        period_label.setBuddy(self.period_combo)

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Tìm (Ctrl+F) — không cần gõ dấu"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(200)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda *_: self._search_timer.start())
        self.search.returnPressed.connect(self._focus_table)

        # the buttons, then the period and the search box; on a narrow screen the second group wraps
        # onto its own line (the window never grows wider than the screen)
        top = FlowLayout()
        for b in (self.add_button, self.edit_button, self.duplicate_button, self.delete_button, self.undo_button):
            top.addWidget(b)
        self.files = ListFiles(self)  # the «Excel/CSV» menu: import a file, export the list
        top.addWidget(self.files.button)
        filters = QWidget()
        filters.setObjectName("filters")
        filter_row = QHBoxLayout(filters)
        filter_row.setContentsMargins(0, 0, 0, 0)
        filter_row.addStretch(1)
        filter_row.addWidget(period_label)
        filter_row.addWidget(self.period_combo)
        filter_row.addWidget(self.search, 1)
        top.addWidget(filters, stretch=True)

        # -- table
        self.table = RecordTable()
        self.table.setObjectName("table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        vh = self.table.verticalHeader()
        vh.setVisible(False)
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        hh = self.table.horizontalHeader()
        hh.setSectionsClickable(True)
        hh.setSortIndicatorShown(True)
        hh.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        hh.sortIndicatorChanged.connect(self._sort_changed)
        hh.setStretchLastSection(True)
        hh.setHighlightSections(False)
        self._size_columns()
        self.table.doubleClicked.connect(lambda idx: self.open_current())
        self.table.activate_current.connect(self.open_current)
        self.table.delete_pressed.connect(self.delete_selected)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

        # what to do when the list is empty, over the table
        self.empty_label = QLabel(self.table.viewport())
        self.empty_label.setObjectName("empty_state")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color:#5f6368; padding:24px;")
        self.empty_label.hide()
        self.table.viewport().installEventFilter(self)

        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        self.hint_label = QLabel(self.tr("Ctrl+N: thêm · Enter: sửa · Delete: xóa · Ctrl+Z: hoàn tác · "
                                         "nhấp tiêu đề cột để sắp xếp"))
        self.hint_label.setStyleSheet("color:#5f6368")
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addStretch(1)
        bottom.addWidget(self.hint_label)

        heading = QLabel(form.label_for(ctx.lang))
        f = heading.font()
        f.setPointSizeF(f.pointSizeF() * 1.35)
        f.setBold(True)
        heading.setFont(f)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 8, 12, 6)
        lay.addWidget(heading)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)
        lay.addLayout(bottom)

        # -- keyboard
        def action(seq, slot, name):
            a = QAction(self)
            a.setObjectName(name)
            a.setShortcut(QKeySequence(seq))
            a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            a.triggered.connect(slot)
            self.addAction(a)
            return a

        action(QKeySequence.StandardKey.New, lambda: self.open_new(), "act_new")
        action(QKeySequence.StandardKey.Find, self.focus_search, "act_find")
        action("Ctrl+D", lambda: self.duplicate_current(), "act_duplicate")
        action(QKeySequence.StandardKey.Undo, lambda: self.undo_delete(), "act_undo")

        ctx.bridge.changed.connect(self._on_change)

    @classmethod
    def create(cls, ctx: AppContext) -> list[Page]:
        return [cls(ctx, form) for form in ctx.inst.store.forms.values()]

    def title(self) -> str:
        return self.form.label_for(self.ctx.lang)

    def ensure_loaded(self) -> None:
        if self._stale:
            first = not self._sized
            self.apply_filter()
            if first and self.model.rowCount():
                self._sized = True
                self._size_columns()  # to the first rows' texts, once: later filters keep the widths

    def activated(self) -> None:
        self.prepare()
        self.ensure_loaded()
        self.table.setFocus()
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.selectRow(0)

    def keyPressEvent(self, e) -> None:
        """The same keys as the actions, for when the window is not the active one (shortcuts sleep)."""
        if e.matches(QKeySequence.StandardKey.New):
            self.open_new()
        elif e.matches(QKeySequence.StandardKey.Find):
            self.focus_search()
        elif e.matches(QKeySequence.StandardKey.Undo):
            self.undo_delete()
        elif e.key() == Qt.Key.Key_D and e.modifiers() == Qt.KeyboardModifier.ControlModifier:
            self.duplicate_current()
        else:
            super().keyPressEvent(e)
            return
        e.accept()

    # -- list ------------------------------------------------------------------------------------------
    #: rows measured to size the columns (the first screen or so: a list of 100.000 rows stays fast)
    MEASURED_ROWS = 40

    def _size_columns(self) -> None:
        """Each column as wide as its title and the widest of the first rows' texts, within a cap by type
        (long texts are cut with «…»; the whole text shows on hover). Before any row is read, a width by
        field type stands in."""
        fm = self.table.fontMetrics()
        hfm = self.table.horizontalHeader().fontMetrics()
        rows = min(self.model.rowCount(), self.MEASURED_ROWS)
        for i, col in enumerate(self.model.columns):
            fd = col.field
            if fd is None:
                typical, cap = fm.horizontalAdvance("Thị trấn Vĩnh Trụ") + 24, 260
            elif fd.type == "date":
                typical = cap = fm.horizontalAdvance("00/00/00000") + 24
            elif fd.type in ("int", "bool"):
                typical, cap = 90, 140
            elif fd.type == "money":
                typical, cap = 130, 170
            elif fd.type == "choice":
                typical, cap = 180, 260
            else:
                typical, cap = 240, 320
            if rows:
                texts = (self.model.data(self.model.index(r, i)) for r in range(rows))
                typical = max((fm.horizontalAdvance(str(t)) + 16 for t in texts if t), default=60)
            # never narrower than the title (with room for the sort arrow)
            label_w = hfm.horizontalAdvance(fd.label_for(self.ctx.lang) if fd else self.tr("Đơn vị")) + 34
            self.table.setColumnWidth(i, max(min(typical, cap), label_w))

    def current_period(self) -> str | None:
        return self.period_combo.currentData()

    def set_period(self, period: str | None) -> None:
        i = self.period_combo.findData(period)
        self.period_combo.setCurrentIndex(max(i, 0))

    def list_query(self) -> Query:
        """What the list shows: its period and its search."""
        period = self.current_period()
        start, end = self.ctx.inst.period_bounds(period) if period else (None, None)
        return Query(start=start, end=end, search=self.search.text())

    def apply_filter(self) -> None:
        self._search_timer.stop()
        self._stale = False
        selected = self.selected_ids()
        q = self.list_query()
        self.model.set_filter(start=q.start, end=q.end, search=q.search)
        self._restore_selection(selected)
        self._update_count()

    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        selected = self.selected_ids()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.model.sort(column, order)
        finally:
            QApplication.restoreOverrideCursor()
        self._restore_selection(selected)

    def shutdown(self) -> None:
        self._closed = True
        if self._built:
            self._search_timer.stop()
            self.model.stop()

    def _on_change(self, form_id: str, ids: list, action: str) -> None:
        if getattr(self, "_closed", False):
            return
        refs = {fd.form for fd in self.form.fields if fd.form}
        if form_id != self.form.id and form_id not in refs:
            return
        if not self.isVisible():
            self._stale = True  # read again when shown
            return
        selected = self.selected_ids()
        if action == "create" and form_id == self.form.id:
            selected = list(ids)
        self.model.reload()
        self._restore_selection(selected)
        self._update_count()

    def _search_done(self) -> None:
        self._update_empty_state()
        ids, self._pending_selection = self._pending_selection, []
        if ids and not self.table.selectionModel().hasSelection():
            self._restore_selection(ids)

    def _restore_selection(self, ids: list[str]) -> None:
        sm = self.table.selectionModel()
        sm.clearSelection()
        self._pending_selection = []
        if ids and self.model.searching and not any(self.model.row_of_found(rid) >= 0 for rid in ids):
            self._pending_selection = list(ids)  # not among the rows found so far: wait for the rest
            self._update_buttons()
            return
        first = True
        for rid in ids:
            row = self.model.row_of(rid)
            if row < 0:
                continue
            idx = self.model.index(row, 0)
            flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
            if first:
                sm.setCurrentIndex(idx, flags)
                self.table.scrollTo(idx)
                first = False
            else:
                sm.select(idx, flags)
        self._update_buttons()

    def _update_count(self) -> None:
        n = self.model.rowCount()
        self.count_label.setText(self.tr("{n} bản ghi").format(n=format_int_vi(n)))
        self._update_empty_state()
        self._update_buttons()

    def empty_text(self) -> str:
        """What an empty list says: that nothing is there, in which period, and what to do."""
        period = self.current_period()
        shown = self.period_combo.currentText()
        where = (shown[0].lower() + shown[1:] if self.ctx.lang == "vi" else shown) if period else ""
        label = self.form.label_for(self.ctx.lang)
        label = label[0].lower() + label[1:] if self.ctx.lang == "vi" else label.lower()
        search = self.search.text().strip()
        if search:
            text = (self.tr("Không tìm thấy bản ghi nào khớp «{search}» trong {period}.") if period
                    else self.tr("Không tìm thấy bản ghi nào khớp «{search}»."))
            return text.format(search=search, period=where) + " " + self.tr("Thử bỏ bớt từ, hoặc chọn kỳ «Tất cả».")
        text = (self.tr("Chưa có {form} nào trong {period}") if period else self.tr("Chưa có {form} nào"))
        text = text.format(form=label, period=where)
        if self.ctx.is_commune or self.form.id in ("plan_document", "officer"):
            text += " — " + self.tr("nhấn Thêm mới (Ctrl+N) để nhập, hoặc chọn kỳ khác.")
        else:
            text += " — " + self.tr("số liệu của đơn vị cấp dưới đến từ các gói dữ liệu họ gửi; nhấn Thêm mới "
                                    "(Ctrl+N) để nhập của đơn vị mình.")
        return text

    def _update_empty_state(self) -> None:
        empty = self.model.rowCount() == 0 and not self.model.searching
        if empty:
            self.empty_label.setText(self.empty_text())
            self.empty_label.setGeometry(self.table.viewport().rect())
        self.empty_label.setVisible(empty)

    def eventFilter(self, obj, event) -> bool:
        if obj is self.table.viewport() and event.type() == event.Type.Resize:
            self.empty_label.setGeometry(self.table.viewport().rect())
        return super().eventFilter(obj, event)

    def _update_buttons(self) -> None:
        ids = self.selected_rows()
        own_role = self.model.OwnRole
        own = all(self.model.data(self.model.index(r, 0), own_role) for r in ids)
        self.edit_button.setEnabled(len(ids) == 1)
        self.edit_button.setText(self.tr("Sửa") if own or not ids else self.tr("Xem"))
        self.duplicate_button.setEnabled(len(ids) == 1)
        self.delete_button.setEnabled(bool(ids) and own)

    def selected_rows(self) -> list[int]:
        return sorted({i.row() for i in self.table.selectionModel().selectedRows()})

    def selected_ids(self) -> list[str]:
        return [rid for rid in self.model.ids_at(self.selected_rows()) if rid]

    def select_id(self, record_id: str) -> bool:
        self._restore_selection([record_id])
        return self.model.row_of(record_id) >= 0

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _focus_table(self) -> None:
        self.apply_filter()
        self.table.setFocus()
        if self.model.rowCount():
            self.table.selectRow(0)

    # -- actions ---------------------------------------------------------------------------------------
    def _open_dialog(self, record=None, duplicate=False, read_only=False) -> EntryDialog:
        from plan_desktop.ui.entry_dialog import EntryDialog

        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            self.dialog.activateWindow()
            return self.dialog
        period = self.current_period()
        shown = None
        if period is not None:
            first, last = self.ctx.inst.period_bounds(period)
            shown = (first, last, self.period_combo.currentText())
        dlg = EntryDialog(self.form, self.ctx.service, record=record, duplicate=duplicate, read_only=read_only,
                          lang=self.ctx.lang, today=self.ctx.today(), period=shown,
                          plan_years=default_plan().years, parent=self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.finished.connect(self._dialog_finished)
        self.dialog = dlg
        dlg.open()
        return dlg

    def _dialog_finished(self, result: int) -> None:
        from plan_desktop.ui.entry_dialog import EntryDialog

        dlg = self.sender()
        if isinstance(dlg, EntryDialog) and dlg.saved:
            self.select_id(dlg.saved["id"])
            verb = self.tr("Đã lưu: {title}").format(title=self.form.title_of(dlg.saved, self.ctx.lang))
            self.status_message.emit(verb)
        if dlg is self.dialog:
            self.dialog = None
        self.table.setFocus()

    def open_new(self) -> EntryDialog:
        return self._open_dialog(self._new_values())

    def _new_values(self) -> dict | None:
        """A new record's starting values: the form's defaults, and a year field (the healthy-commune
        assessment) set to the year the list shows, else the working year — never 2016 or empty."""
        pf = self.form.period_field
        if pf is None or self.form.field(pf).type != "int":
            return None
        period = self.current_period()
        year = int(str(period)[:4]) if period else self.ctx.inst.working_year
        values = {fd.name: fd.default for fd in self.form.fields if fd.default is not None}
        values[pf] = year
        return values

    def open_current(self) -> EntryDialog | None:
        ids = self.selected_ids()
        if len(ids) != 1:
            idx = self.table.currentIndex()
            ids = [self.model.id_at(idx.row())] if idx.isValid() else []
        if not ids or ids[0] is None:
            return None
        record = self.ctx.service.get(self.form.id, ids[0])
        if record is None:
            return None
        own = record["unit_code"] == self.ctx.inst.unit_code
        return self._open_dialog(record, read_only=not own)

    def duplicate_current(self) -> EntryDialog | None:
        ids = self.selected_ids()
        if len(ids) != 1:
            return None
        record = self.ctx.service.get(self.form.id, ids[0])
        if record is None:
            return None
        record = {k: v for k, v in record.items() if k not in ("id", "revision")}
        for fd in self.form.fields:  # a unique value cannot be copied as is
            if fd.unique:
                record.pop(fd.name, None)
        return self._open_dialog(record, duplicate=True)

    def delete_selected(self, confirm: bool = True) -> list[str]:
        ids = self.selected_ids()
        if not ids:
            return []
        own_role = self.model.OwnRole
        if not all(self.model.data(self.model.index(r, 0), own_role) for r in self.selected_rows()):
            self.status_message.emit(self.tr("Không xóa được bản ghi của đơn vị khác."))
            return []
        if len(ids) == 1:
            rec = self.ctx.service.get(self.form.id, ids[0]) or {}
            question = self.tr("Xóa bản ghi «{title}»?").format(title=self.form.title_of(rec, self.ctx.lang))
        else:
            question = self.tr("Xóa {n} bản ghi đang chọn?").format(n=format_int_vi(len(ids)))
        question += "\n\n" + self.tr("Có thể khôi phục ngay bằng nút «Hoàn tác» (Ctrl+Z).")
        from plan_desktop.ui.entry_dialog import ask_yes_no

        if confirm and not ask_yes_no(self, self.tr("Xác nhận xóa"), question):
            return []
        row = self.selected_rows()[0]
        try:
            done = self.ctx.service.delete(self.form.id, *ids)
        except (RecordError, ValidationError) as exc:
            QMessageBox.warning(self, self.tr("Không xóa được"), error_text(exc))
            return []
        self.last_deleted = done
        self.undo_button.setEnabled(bool(done))
        self.status_message.emit(self.tr("Đã xóa {n} bản ghi. Nhấn «Hoàn tác» (Ctrl+Z) để khôi phục.")
                                 .format(n=len(done)))
        if self.model.rowCount():
            self.table.selectRow(min(row, self.model.rowCount() - 1))
        return done

    def undo_delete(self) -> list[str]:
        if not self.last_deleted:
            return []
        try:
            done = self.ctx.service.restore(self.form.id, *self.last_deleted)
        except (RecordError, ValidationError) as exc:
            QMessageBox.warning(self, self.tr("Không khôi phục được"), error_text(exc))
            return []
        restored = self.last_deleted
        self.last_deleted = []
        self.undo_button.setEnabled(False)
        self._restore_selection(restored)
        self.status_message.emit(self.tr("Đã khôi phục {n} bản ghi.").format(n=len(done)))
        return done

    def index_of(self, record_id: str) -> QModelIndex:
        return self.model.index(self.model.row_of(record_id), 0)


