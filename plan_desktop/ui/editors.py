"""One editor widget per field type, built from a :class:`FieldDef` (no per-form code).

Every editor offers ``value()`` / ``set_value()`` in the record service's Python types, a
``changed`` signal, ``focus_widgets()`` for the tab order and ``set_error()`` for the red frame.
Numeric editors accept values outside the field's range on purpose: the validation module then
explains why (``phải từ 1 trở lên``) instead of the widget silently clamping.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QObject, QRegularExpression, Qt, Signal
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator, QValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from plan_desktop.domain.forms import MAX_DATE, MIN_DATE, FieldDef
from plan_desktop.domain.text import fold, format_date_vi
from plan_desktop.domain.validation import try_parse_date
from plan_desktop.ui.i18n import vi_locale

INT_MAX = 2_147_483_647
MONEY_MAX = 999_999_999_999_999.0
EMPTY_SPECIAL = " "  # what an empty number shows (QAbstractSpinBox needs a non-empty special text)


@dataclass
class EditorContext:
    """What editors need beyond the field: the language and, for references, the records to pick."""

    lang: str = "vi"
    today: date | None = None
    #: (form_id) -> list of (record id, title), for ref/refs pickers
    ref_items: Callable[[str], list[tuple[str, str]]] | None = None
    #: what a new record's required date starts at (inside the period the list shows); else today
    default_date: date | None = None
    #: the unit that owns the record (placeholders such as HT-<unit>-0007)
    unit_code: str = ""
    #: (form_id, editor): add a record of that form without leaving the dialog (the «Thêm … mới…» button
    #: of a ref/refs picker); the host calls ``editor.add_and_select(id, title)`` once it is saved
    ref_new: Callable[[str, Any], None] | None = None


class FieldEditor(QObject):
    changed = Signal()

    def __init__(self, fd: FieldDef, ctx: EditorContext):
        super().__init__()
        self.fd = fd
        self.ctx = ctx
        self.widget: QWidget = QWidget()

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def focus_widgets(self) -> list[QWidget]:
        return [self.widget]

    def set_error(self, on: bool) -> None:
        """Mark the widgets (the dialog draws the red frame around them; screen readers and tests read this)."""
        for w in {self.widget, *self.focus_widgets()}:
            w.setProperty("error", on)

    def set_read_only(self, ro: bool) -> None:
        for w in self.focus_widgets():
            w.setEnabled(not ro)

    def _tooltip(self, w: QWidget) -> None:
        help_text = self.fd.help_for(self.ctx.lang)
        if help_text:
            w.setToolTip(help_text)
        w.setAccessibleName(self.fd.label_for(self.ctx.lang))


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


class _DateLine(QLineEdit):
    """The date's text box, clicked like a spreadsheet cell: a click selects the whole date, so what is
    typed replaces it instead of landing in the middle of it; a second click right after places the
    cursor to correct one digit. Reached with Tab (or when the dialog opens) the date is selected too."""

    def __init__(self) -> None:
        super().__init__()
        self._select_on_release = False
        self._selected_by_click = False

    def mousePressEvent(self, e) -> None:
        self._select_on_release = e.button() == Qt.MouseButton.LeftButton and not self._selected_by_click
        super().mousePressEvent(e)

    def mouseReleaseEvent(self, e) -> None:
        super().mouseReleaseEvent(e)
        if self._select_on_release and not self.hasSelectedText():  # a click, not a drag over some digits
            self.selectAll()
            self._selected_by_click = True
        else:
            self._selected_by_click = False
        self._select_on_release = False

    def keyPressEvent(self, e) -> None:
        self._selected_by_click = False
        super().keyPressEvent(e)

    def focusInEvent(self, e) -> None:
        super().focusInEvent(e)
        self._selected_by_click = False
        if e.reason() != Qt.FocusReason.MouseFocusReason:
            self.selectAll()

    def focusOutEvent(self, e) -> None:
        self._selected_by_click = False
        super().focusOutEvent(e)


class DateEditor(FieldEditor):
    """A date typed as in Excel (``20/4/2020``, ``20/04/2020``, ``20.4.2020``, ``20042020``) or picked from a
    calendar; shown ``dd/MM/yyyy`` once typed. The text is read by the validator's own date parser, and
    a text that is no date stays as typed and is refused at the field, never replaced by another date.
    An optional date may be left empty."""

    #: sent when the officer leaves the field (the dialog then checks it)
    left = Signal()

    def __init__(self, fd: FieldDef, ctx: EditorContext):
        super().__init__(fd, ctx)
        self.widget = QWidget()
        lay = QHBoxLayout(self.widget)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        self.edit = _DateLine()
        self.edit.setObjectName(f"field_{fd.name}")
        self.edit.setPlaceholderText(QCoreApplication.translate("FieldEditor", "dd/mm/yyyy"))
        self.edit.setMaxLength(10)
        self.edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9/.\-]{0,10}"), self.edit))
        self.edit.setFixedWidth(self.edit.fontMetrics().horizontalAdvance("00/00/00000") + 16)
        self._tooltip(self.edit)
        self.button = QToolButton()
        self.button.setObjectName(f"field_{fd.name}_calendar")
        self.button.setText("▾")
        self.button.setToolTip(QCoreApplication.translate("FieldEditor", "Chọn ngày trên lịch"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0; }")
        menu = QMenu(self.button)
        self.calendar = QCalendarWidget()
        self.calendar.setLocale(vi_locale())
        self.calendar.setGridVisible(True)
        self.calendar.setMinimumDate(_qdate(MIN_DATE))
        self.calendar.setMaximumDate(_qdate(MAX_DATE))
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        menu.aboutToShow.connect(self._show_calendar)
        self.calendar.clicked.connect(lambda qd: (self._pick(qd), menu.close()))
        self.calendar.activated.connect(lambda qd: (self._pick(qd), menu.close()))
        self.button.setMenu(menu)
        lay.addWidget(self.edit)
        lay.addWidget(self.button)
        lay.addStretch(1)
        self.edit.textChanged.connect(lambda *_: self.changed.emit())
        self.edit.editingFinished.connect(self._finished)
        self.set_value(None)

    def _default(self) -> date:
        return self.ctx.default_date or self.ctx.today or date.today()

    def _show_calendar(self) -> None:
        d = self.value()
        self.calendar.setSelectedDate(_qdate(d if isinstance(d, date) else self._default()))

    def _pick(self, qd: QDate) -> None:
        self.set_value(date(qd.year(), qd.month(), qd.day()))
        self.left.emit()

    def _finished(self) -> None:
        """Leaving the field: a date is shown the one way (20/04/2020); anything else stays as typed."""
        d = self.value()
        if isinstance(d, date):
            shown = format_date_vi(d)
            if self.edit.text() != shown:
                self.edit.setText(shown)
        self.left.emit()

    def value(self) -> date | str | None:
        """The date; None when empty; the text itself when it is no date (the validator refuses it)."""
        text = self.edit.text().strip()
        if not text:
            return None
        d = try_parse_date(text)
        return d if d is not None else text

    def set_value(self, value: Any) -> None:
        if value is None and self.fd.required:
            value = self._default()
        if value is None:
            self.edit.clear()
            return
        if isinstance(value, str):
            value = try_parse_date(value) or value
        self.edit.setText(format_date_vi(value) if isinstance(value, date) else str(value))
        self.edit.setCursorPosition(0)

    def type_text(self, text: str) -> None:
        """Put ``text`` as if typed and the field left (for scripts; tests type with the keyboard)."""
        self.edit.setText(text)
        self._finished()

    def focus_widgets(self) -> list[QWidget]:
        return [self.edit]

    def set_read_only(self, ro: bool) -> None:
        self.edit.setReadOnly(ro)
        self.button.setVisible(not ro)


class _NumberMixin:
    def _setup_number(self, box: QAbstractSpinBox) -> None:
        box.setLocale(vi_locale())
        box.setGroupSeparatorShown(True)
        box.setSpecialValueText(EMPTY_SPECIAL)
        box.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        box.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToPreviousValue)
        box.setMinimumWidth(140)
        box.setMaximumWidth(220)
        box.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # no value change by an accidental wheel scroll


class _Clearable:
    """A spin box whose text can be deleted: an empty box means "no value" (the special minimum).

    The minimum is far below zero so that a negative number typed stays as typed and the validator
    says why it is refused («không được là số âm») instead of the box silently going back."""

    #: where the arrow keys start from an empty box
    start_value = 0

    def wheelEvent(self, event):  # no value change by an accidental wheel scroll
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()

    def validate(self, text: str, pos: int):
        if not text.strip() or text.strip() == self.suffix().strip():
            return QValidator.State.Acceptable, text, pos
        return super().validate(text, pos)

    def valueFromText(self, text: str):
        if not text.strip() or text.strip() == self.suffix().strip():
            return self.minimum()
        return super().valueFromText(text)

    def stepBy(self, steps: int) -> None:
        if self.value() == self.minimum():
            self.setValue(self.start_value)
            return
        super().stepBy(steps)


class _SpinBox(_Clearable, QSpinBox):
    pass


class _MoneyBox(_Clearable, QDoubleSpinBox):
    pass


class IntEditor(FieldEditor, _NumberMixin):
    """QSpinBox with thousands separators; empty is the special value below zero."""

    def __init__(self, fd: FieldDef, ctx: EditorContext):
        super().__init__(fd, ctx)
        self.box = _SpinBox()
        self.box.setObjectName(f"field_{fd.name}")
        self._setup_number(self.box)
        self._empty = -INT_MAX - 1
        self.box.setRange(self._empty, INT_MAX)
        self.box.start_value = fd.min if fd.min is not None and fd.min > 0 else 0
        if fd.year:
            self.box.setGroupSeparatorShown(False)  # a year: 2019, not 2.019
            if ctx.default_date is not None:
                self.box.start_value = ctx.default_date.year
        self._tooltip(self.box)
        self.box.valueChanged.connect(lambda *_: self.changed.emit())
        self.widget = self.box
        self.set_value(None)

    def value(self) -> int | None:
        v = self.box.value()
        return None if v == self._empty else int(v)

    def set_value(self, value: Any) -> None:
        self.box.setValue(self._empty if value is None else int(value))

    def set_read_only(self, ro: bool) -> None:
        self.box.setReadOnly(ro)
        self.box.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons if ro else
                                  QAbstractSpinBox.ButtonSymbols.UpDownArrows)


class MoneyEditor(FieldEditor, _NumberMixin):
    """Whole đồng with thousands separators (``1.250.000 đ``)."""

    def __init__(self, fd: FieldDef, ctx: EditorContext):
        super().__init__(fd, ctx)
        self.box = _MoneyBox()
        self.box.setObjectName(f"field_{fd.name}")
        self._setup_number(self.box)
        self.box.setDecimals(0)
        self.box.setSuffix(" đ")
        self.box.setSingleStep(10_000)
        self.box.setRange(-MONEY_MAX - 1, MONEY_MAX)
        self.box.setMinimumWidth(180)
        self.box.setMaximumWidth(260)
        self._tooltip(self.box)
        self.box.valueChanged.connect(lambda *_: self.changed.emit())
        self.widget = self.box
        self.set_value(None)

    def value(self) -> int | None:
        v = self.box.value()
        return None if v == self.box.minimum() else round(v)

    def set_value(self, value: Any) -> None:
        self.box.setValue(self.box.minimum() if value is None else float(value))

    def set_read_only(self, ro: bool) -> None:
        self.box.setReadOnly(ro)
        self.box.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons if ro else
                                  QAbstractSpinBox.ButtonSymbols.UpDownArrows)


class _PlainText(QPlainTextEdit):
    """Multi-line text: Enter is a new line; Tab moves on; Ctrl+Enter saves the dialog."""

    def keyPressEvent(self, e: QKeyEvent) -> None:
        if e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and e.modifiers() & Qt.KeyboardModifier.ControlModifier:
            e.ignore()
            return
        super().keyPressEvent(e)


class TextEditor(FieldEditor):
    def __init__(self, fd: FieldDef, ctx: EditorContext):
        super().__init__(fd, ctx)
        if fd.multiline:
            self.edit: QLineEdit | QPlainTextEdit = _PlainText()
            self.edit.setTabChangesFocus(True)
            self.edit.setFixedHeight(self.edit.fontMetrics().lineSpacing() * 4 + 14)
            self.edit.textChanged.connect(self.changed.emit)
        else:
            self.edit = QLineEdit()
            if fd.max_length:
                self.edit.setMaxLength(fd.max_length)
            self.edit.textChanged.connect(lambda *_: self.changed.emit())
        if fd.placeholder:
            self.edit.setPlaceholderText(fd.placeholder)
        self.edit.setObjectName(f"field_{fd.name}")
        self._tooltip(self.edit)
        self.widget = self.edit

    def value(self) -> str | None:
        text = self.edit.toPlainText() if isinstance(self.edit, QPlainTextEdit) else self.edit.text()
        return text if text.strip() else None

    def set_value(self, value: Any) -> None:
        text = "" if value is None else str(value)
        if isinstance(self.edit, QPlainTextEdit):
            self.edit.setPlainText(text)
        else:
            self.edit.setText(text)
            self.edit.setCursorPosition(0)

    def set_read_only(self, ro: bool) -> None:
        self.edit.setReadOnly(ro)


class ChoiceEditor(FieldEditor):
    """A combo box of the choice labels; the first entry is empty."""

    def __init__(self, fd: FieldDef, ctx: EditorContext):
        super().__init__(fd, ctx)
        self.combo = QComboBox()
        self.combo.setObjectName(f"field_{fd.name}")
        self.combo.addItem("", None)
        for c in fd.choices:
            self.combo.addItem(fd.choice_label(c.code, ctx.lang), c.code)
        self.combo.setMinimumContentsLength(24)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMaxVisibleItems(12)
        self._tooltip(self.combo)
        self.combo.currentIndexChanged.connect(lambda *_: self.changed.emit())
        self.widget = self.combo

    def value(self) -> str | None:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        i = self.combo.findData(value) if value is not None else 0
        self.combo.setCurrentIndex(max(i, 0))


class ChoicesEditor(FieldEditor):
    """A checkable list of the choice labels, in two columns."""

    def __init__(self, fd: FieldDef, ctx: EditorContext):
        super().__init__(fd, ctx)
        self.widget = QWidget()
        self.widget.setObjectName(f"field_{fd.name}")
        grid = QGridLayout(self.widget)
        grid.setContentsMargins(4, 2, 4, 2)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(2)
        self.boxes: dict[str, QCheckBox] = {}
        cols = 2 if len(fd.choices) > 3 else 1
        rows = (len(fd.choices) + cols - 1) // cols
        for i, c in enumerate(fd.choices):
            box = QCheckBox(fd.choice_label(c.code, ctx.lang))
            box.setObjectName(f"field_{fd.name}_{c.code}")
            box.toggled.connect(lambda *_: self.changed.emit())
            grid.addWidget(box, i % rows, i // rows)  # fill column by column, in definition order
            self.boxes[c.code] = box
        self._tooltip(self.widget)

    def value(self) -> list[str]:
        return [code for code, box in self.boxes.items() if box.isChecked()]

    def set_value(self, value: Any) -> None:
        chosen = set(value or ())
        for code, box in self.boxes.items():
            box.setChecked(code in chosen)

    def focus_widgets(self) -> list[QWidget]:
        return list(self.boxes.values())


class BoolEditor(FieldEditor):
    def __init__(self, fd: FieldDef, ctx: EditorContext):
        super().__init__(fd, ctx)
        self.box = QCheckBox(QCoreApplication.translate("FieldEditor", "Có"))
        self.box.setObjectName(f"field_{fd.name}")
        self._tooltip(self.box)
        self.box.toggled.connect(lambda *_: self.changed.emit())
        self.widget = self.box

    def value(self) -> bool:
        return self.box.isChecked()

    def set_value(self, value: Any) -> None:
        self.box.setChecked(bool(value))


class _SearchLine(QLineEdit):
    """The picker's search box: Down moves into the list."""

    def __init__(self, on_down: Callable[[], None]):
        super().__init__()
        self._on_down = on_down

    def keyPressEvent(self, e: QKeyEvent) -> None:
        if e.key() == Qt.Key.Key_Down:
            self._on_down()
            return
        super().keyPressEvent(e)


class RefEditor(FieldEditor):
    """A searchable picker over records of the same unit, shown by their title.

    One record (``ref``: a single-selection list with an empty first line) or several (``refs``:
    a checkable list). The search box ignores case and marks.
    """

    def __init__(self, fd: FieldDef, ctx: EditorContext):
        super().__init__(fd, ctx)
        self.multi = fd.type == "refs"
        self.widget = QWidget()
        lay = QVBoxLayout(self.widget)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        self.search = _SearchLine(self._focus_list)
        self.search.setObjectName(f"field_{fd.name}_search")
        self.search.setPlaceholderText(QCoreApplication.translate("FieldEditor", "Gõ để tìm…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.search.setAccessibleName(fd.label_for(ctx.lang))
        self.list = QListWidget()
        self.list.setObjectName(f"field_{fd.name}")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setUniformItemSizes(True)
        self._tooltip(self.list)
        lay.addWidget(self.search)
        lay.addWidget(self.list)
        self.new_button: QPushButton | None = None
        if ctx.ref_new is not None and fd.form:
            self.new_button = QPushButton(_new_record_text(fd.form))
            self.new_button.setObjectName(f"field_{fd.name}_new")
            self.new_button.setAutoDefault(False)
            self.new_button.clicked.connect(lambda: ctx.ref_new(fd.form, self))
            lay.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignLeft)
        items = ctx.ref_items(fd.form or "") if ctx.ref_items else []
        if not self.multi:
            none = QListWidgetItem(QCoreApplication.translate("FieldEditor", "(Không chọn)"))
            none.setData(Qt.ItemDataRole.UserRole, None)
            self.list.addItem(none)
        for rid, title in items:
            self._add(rid, title)
        rows = min(max(self.list.count(), 3), 5)
        self.list.setFixedHeight(self.list.sizeHintForRow(0) * rows + 2 * self.list.frameWidth() + 4)
        if self.multi:
            self.list.itemChanged.connect(lambda *_: self.changed.emit())
        else:
            self.list.currentItemChanged.connect(lambda *_: self.changed.emit())
            self.list.setCurrentRow(0)

    def _add(self, rid: str, title: str) -> QListWidgetItem:
        item = QListWidgetItem(title or rid)
        item.setData(Qt.ItemDataRole.UserRole, rid)
        item.setData(Qt.ItemDataRole.UserRole + 1, fold(title))
        if self.multi:
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.list.addItem(item)
        return item

    def _focus_list(self) -> None:
        self.list.setFocus()
        for i in range(self.list.count()):
            if not self.list.item(i).isHidden():
                self.list.setCurrentRow(i)
                break

    def _filter(self, text: str) -> None:
        words = fold(text).split()
        for i in range(self.list.count()):
            item = self.list.item(i)
            key = item.data(Qt.ItemDataRole.UserRole + 1)
            if key is None:  # the "(none)" line stays
                continue
            item.setHidden(not all(w in key for w in words))

    def _items(self) -> list[QListWidgetItem]:
        return [self.list.item(i) for i in range(self.list.count())]

    def value(self) -> Any:
        if self.multi:
            return [it.data(Qt.ItemDataRole.UserRole) for it in self._items()
                    if it.checkState() == Qt.CheckState.Checked]
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def set_value(self, value: Any) -> None:
        wanted = set(value or ()) if self.multi else {value}
        known = {it.data(Qt.ItemDataRole.UserRole) for it in self._items()}
        for rid in wanted - known:
            if rid:
                self._add(rid, QCoreApplication.translate("FieldEditor", "(bản ghi đã xóa hoặc không tìm thấy)"))
        for it in self._items():
            rid = it.data(Qt.ItemDataRole.UserRole)
            if self.multi:
                it.setCheckState(Qt.CheckState.Checked if rid in wanted else Qt.CheckState.Unchecked)
            elif rid in wanted:
                self.list.setCurrentItem(it)

    def select(self, rid: str) -> None:
        """Pick a record by id (tests, and the ``refs`` check box by code)."""
        self.set_value([*self.value(), rid] if self.multi else rid)

    def add_and_select(self, rid: str, title: str) -> None:
        """A record just added from this dialog: list it and pick it."""
        self.search.clear()
        if rid not in {it.data(Qt.ItemDataRole.UserRole) for it in self._items()}:
            self._add(rid, title)
        self.select(rid)
        self.list.scrollToItem(next(it for it in self._items() if it.data(Qt.ItemDataRole.UserRole) == rid))

    def focus_widgets(self) -> list[QWidget]:
        return [self.search, self.list] + ([self.new_button] if self.new_button is not None else [])

    def set_read_only(self, ro: bool) -> None:
        self.search.setEnabled(not ro)
        self.list.setEnabled(not ro)
        if self.new_button is not None:
            self.new_button.setVisible(not ro)


def _new_record_text(form_id: str) -> str:
    """The text of a picker's «add» button, named after what it adds."""
    return {"establishment": QCoreApplication.translate("FieldEditor", "Thêm cơ sở mới…"),
            "officer": QCoreApplication.translate("FieldEditor", "Thêm cán bộ mới…")}.get(
        form_id, QCoreApplication.translate("FieldEditor", "Thêm mới…"))


EDITORS: dict[str, type[FieldEditor]] = {
    "date": DateEditor,
    "int": IntEditor,
    "money": MoneyEditor,
    "text": TextEditor,
    "choice": ChoiceEditor,
    "choices": ChoicesEditor,
    "bool": BoolEditor,
    "ref": RefEditor,
    "refs": RefEditor,
}


def make_editor(fd: FieldDef, ctx: EditorContext) -> FieldEditor:
    return EDITORS[fd.type](fd, ctx)
