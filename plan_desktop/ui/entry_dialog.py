"""The entry dialog, generated from a form definition: one editor per field, in form order.

Saving asks the record service to check the values first; every issue is shown at its field (red
frame, message underneath) and nothing is written until all are fixed.
"""

from __future__ import annotations

import contextlib
import itertools
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from plan_desktop.domain.forms import FormDef
from plan_desktop.domain.text import format_date_vi
from plan_desktop.domain.units import default_registry
from plan_desktop.domain.validation import FieldIssue, ValidationError
from plan_desktop.services.records import RecordError, RecordService
from plan_desktop.ui import startup
from plan_desktop.ui.editors import DateEditor, EditorContext, FieldEditor, make_editor

ERROR_STYLE = """
QFrame#field_frame { border: 2px solid transparent; border-radius: 4px; }
QFrame#field_frame[error="true"] { border: 2px solid #c62828; background: #fff5f5; }
QLabel[role="error"] { color: #b71c1c; }
QLabel[role="help"] { color: #5f6368; }
QLabel[role="banner"] { background: #fdecea; color: #8a1c1c; border: 1px solid #f5c2c0; padding: 6px; }
"""


def ask_yes_no(parent: QWidget, title: str, text: str, default_yes: bool = False) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setDefaultButton(QMessageBox.StandardButton.Yes if default_yes else QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


class _FieldRow:
    def __init__(self, editor: FieldEditor, label: QLabel, message: QLabel, help_text: str, frame: QFrame):
        self.editor = editor
        self.frame = frame
        self.label = label
        self.message = message
        self.help_text = help_text

    def show_issues(self, issues: list[FieldIssue], lang: str = "vi") -> None:
        self.editor.set_error(bool(issues))
        self.frame.setProperty("error", bool(issues))
        self.frame.style().unpolish(self.frame)
        self.frame.style().polish(self.frame)
        if issues:
            self.message.setProperty("role", "error")
            self.message.setText("\n".join(i.message_for(lang) for i in issues))
            self.message.setVisible(True)
        else:
            self.message.setProperty("role", "help")
            self.message.setText(self.help_text)
            self.message.setVisible(bool(self.help_text))
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)


class EntryDialog(QDialog):
    """Add or edit one record of ``form``. ``record`` holds the current values when editing.

    ``record`` with ``id`` None (or ``duplicate=True``) starts a new record pre-filled with those values.
    ``read_only`` shows a record of another unit without letting it be changed.
    ``period`` is the period the list shows (first day, last day, its name): a new record's date starts
    inside it, and a date outside it, or outside ``plan_years``, is asked about before saving.
    """

    def __init__(self, form: FormDef, service: RecordService, *, record: dict[str, Any] | None = None,
                 duplicate: bool = False, read_only: bool = False, lang: str = "vi",
                 today: date | None = None, period: tuple[date, date, str] | None = None,
                 plan_years: range | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.period = period
        self.plan_years = plan_years
        self.today = today or date.today()
        self.form = form
        self.service = service
        self.lang = lang
        self.read_only = read_only
        self.record_id: str | None = None if duplicate or record is None else record.get("id")
        self.revision: int | None = None if self.record_id is None else record.get("revision")
        self.saved: dict[str, Any] | None = None
        self._shown_issues = False
        self._checking = False
        self.setObjectName(f"entry_{form.id}")
        self.setStyleSheet(ERROR_STYLE)
        label = form.label_for(lang)
        if read_only:
            title = self.tr("Xem — {form}").format(form=label)
        elif self.record_id is None:
            title = self.tr("Thêm mới — {form}").format(form=label)
        else:
            title = self.tr("Sửa — {form}").format(form=label)
        self.setWindowTitle(title)

        self._today = today
        #: the dialog opened from a picker's «Thêm … mới…» button, while it is open
        self.child_dialog: EntryDialog | None = None
        unit_code = (record or {}).get("unit_code") or service.store.unit_code or ""
        ctx = EditorContext(lang=lang, today=today, ref_items=self._ref_items,
                            ref_new=None if read_only else self._ref_new,
                            default_date=self._default_date(), unit_code=unit_code)
        outer = QVBoxLayout(self)
        self.banner = QLabel()
        self.banner.setProperty("role", "banner")
        self.banner.setWordWrap(True)
        self.banner.setVisible(False)
        self.banner.setObjectName("banner")
        outer.addWidget(self.banner)
        if form.description and not read_only:
            desc = QLabel(form.description_en if lang == "en" and form.description_en else form.description)
            desc.setWordWrap(True)
            desc.setProperty("role", "help")
            outer.addWidget(desc)

        body = QWidget()
        grid = QGridLayout(body)
        grid.setColumnStretch(1, 1)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        self.rows: dict[str, _FieldRow] = {}
        focus_chain: list[QWidget] = []
        for i, fd in enumerate(form.fields):
            text = fd.label_for(lang) + (" <span style='color:#c62828'>*</span>" if fd.required else "")
            lab = QLabel(text)
            lab.setTextFormat(Qt.TextFormat.RichText)
            lab.setWordWrap(True)
            lab.setMinimumWidth(180)
            lab.setMaximumWidth(240)
            lab.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            lab.setContentsMargins(0, 5, 0, 0)
            editor = make_editor(fd, ctx)
            lab.setBuddy(editor.focus_widgets()[0])
            if fd.generate and isinstance(editor.widget, QLineEdit):  # the example uses this unit's code
                editor.widget.setPlaceholderText(fd.example_for(unit_code, 7))
            help_text = fd.help_for(lang)
            msg = QLabel(help_text)
            msg.setObjectName(f"message_{fd.name}")
            msg.setWordWrap(True)
            msg.setProperty("role", "help")
            msg.setVisible(bool(help_text))
            font = msg.font()
            font.setPointSizeF(font.pointSizeF() * 0.92)
            msg.setFont(font)
            frame = QFrame()
            frame.setObjectName("field_frame")
            frame_lay = QVBoxLayout(frame)
            frame_lay.setContentsMargins(2, 2, 2, 2)
            frame_lay.addWidget(editor.widget)
            grid.addWidget(lab, 2 * i, 0)
            grid.addWidget(frame, 2 * i, 1)
            grid.addWidget(msg, 2 * i + 1, 1)
            grid.setRowMinimumHeight(2 * i + 1, 4)
            row = _FieldRow(editor, lab, msg, help_text, frame)
            self.rows[fd.name] = row
            focus_chain.extend(editor.focus_widgets())
            editor.changed.connect(lambda n=fd.name: self._field_changed(n))
            if isinstance(editor, DateEditor):
                editor.left.connect(lambda n=fd.name: self._field_left(n))
        grid.setRowStretch(2 * len(form.fields), 1)

        self.scroll = QScrollArea()
        self.scroll.setWidget(body)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(self.scroll, 1)

        required_note = QLabel(self.tr("<span style='color:#c62828'>*</span> bắt buộc nhập · "
                                       "Enter hoặc Ctrl+S: lưu · Esc: đóng"))
        required_note.setProperty("role", "help")
        buttons = QDialogButtonBox()
        if read_only:
            close = buttons.addButton(self.tr("Đóng"), QDialogButtonBox.ButtonRole.RejectRole)
            close.setDefault(True)
        else:
            self.save_button = QPushButton(self.tr("Lưu"))
            self.save_button.setObjectName("save")
            self.save_button.setDefault(True)
            self.save_button.setAutoDefault(True)
            buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
            cancel = buttons.addButton(self.tr("Hủy"), QDialogButtonBox.ButtonRole.RejectRole)
            cancel.setAutoDefault(False)
            self.save_button.clicked.connect(self.save)
            QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
            QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.save)
        buttons.rejected.connect(self.reject)
        outer.addWidget(required_note)
        outer.addWidget(buttons)

        for a, b in itertools.pairwise(focus_chain):
            QWidget.setTabOrder(a, b)
        if focus_chain:
            QWidget.setTabOrder(focus_chain[-1], buttons)

        if record is not None:
            for fd in form.fields:
                if fd.name in record:
                    self.rows[fd.name].editor.set_value(record[fd.name])
        else:
            for fd in form.fields:
                if fd.default is not None:
                    self.rows[fd.name].editor.set_value(fd.default)
        if self.record_id is None and not read_only:
            for fd in form.fields:  # a pseudonym is made by the program (the officer may type an existing one)
                if fd.generate and self.rows[fd.name].editor.value() is None:
                    with contextlib.suppress(RecordError):  # not set up yet: the officer types it
                        self.rows[fd.name].editor.set_value(service.next_generated(form.id, fd.name))
        if read_only:
            for row in self.rows.values():
                row.editor.set_read_only(True)
        self._initial = self.values()
        self._shown_issues = False
        body.adjustSize()
        width = min(max(body.sizeHint().width() + 60, 640), 900)
        height = min(body.sizeHint().height() + 150, 690)
        self.resize(width, height)
        startup.track_dialog(self)
        if focus_chain:
            QTimer.singleShot(0, focus_chain[0].setFocus)

    def _default_date(self) -> date:
        """Where a new record's date starts: today, or the nearest day of the period the list shows (in
        January, last year's list gets a date of last year, so the record does not vanish from it)."""
        day = self.today
        if self.period is not None:
            first, last = self.period[0], self.period[1]
            day = min(max(day, first), last)
        return day

    # -- values ----------------------------------------------------------------------------------------
    def editor(self, name: str) -> FieldEditor:
        return self.rows[name].editor

    def values(self) -> dict[str, Any]:
        return {name: row.editor.value() for name, row in self.rows.items()}

    def is_dirty(self) -> bool:
        return self.values() != self._initial

    def draft(self) -> dict[str, Any]:
        """What the dialog holds right now (saved to a file if the program crashes)."""
        return {"form": self.form.id, "record_id": self.record_id, "values": self.values()}

    def _ref_items(self, form_id: str) -> list[tuple[str, str]]:
        from plan_desktop.store import Query
        from plan_desktop.ui.models import collation_ranks

        store = self.service.store
        target = store.forms[form_id]
        own = self.service.unit_code
        items = [(r["id"], target.title_of(store.to_values(target, r), self.lang))
                 for r in store.rows(target, Query(unit_code=own))]
        if any(fd.form == form_id and fd.from_units_below for fd in self.form.fields):
            # a district's training lists its communes' officers too (as received), named with their unit
            units = default_registry()
            for r in store.rows(target, Query()):
                code = r["unit_code"]
                if code != own and units.ever_below(own, code):
                    unit = units.get(code)
                    where = unit.name if unit else code
                    items.append((r["id"], f"{target.title_of(store.to_values(target, r), self.lang)} — {where}"))
        ranks = collation_ranks({t for _, t in items})
        return sorted(items, key=lambda it: ranks[it[1]])

    def _ref_new(self, form_id: str, editor) -> EntryDialog:
        """Add a record of ``form_id`` (an establishment, an officer) without leaving this dialog; once it is
        saved the picker lists it and selects it."""
        if self.child_dialog is not None and self.child_dialog.isVisible():
            self.child_dialog.raise_()
            return self.child_dialog
        dlg = EntryDialog(self.service.store.forms[form_id], self.service, lang=self.lang, today=self._today,
                          parent=self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def finished(_result: int) -> None:
            if dlg.saved:
                target = self.service.store.forms[form_id]
                editor.add_and_select(dlg.saved["id"], target.title_of(dlg.saved, self.lang))
            self.child_dialog = None

        dlg.finished.connect(finished)
        self.child_dialog = dlg
        dlg.open()
        return dlg

    # -- issues ----------------------------------------------------------------------------------------
    def show_issues(self, issues: list[FieldIssue], focus: bool = True) -> None:
        by_field: dict[str, list[FieldIssue]] = {}
        general: list[FieldIssue] = []
        for issue in issues:
            if issue.field in self.rows:
                by_field.setdefault(issue.field, []).append(issue)
            else:
                general.append(issue)
        for name, row in self.rows.items():
            row.show_issues(by_field.get(name, []), self.lang)
        self._shown_issues = bool(issues)
        if issues:
            text = self.tr("Chưa lưu: có {n} chỗ cần sửa (tô đỏ bên dưới).").format(n=len(issues))
            if general:
                text += "\n" + "\n".join(i.message_for(self.lang) for i in general)
            self.banner.setText(text)
            self.banner.setVisible(True)
            first = next((self.rows[n] for n in self.rows if n in by_field), None)
            if first is not None and focus:
                w = first.editor.focus_widgets()[0]
                self.scroll.ensureWidgetVisible(first.editor.widget, 20, 40)
                w.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.banner.setVisible(False)

    def issue_text(self, name: str) -> str:
        """The message shown under a field ('' when none): for tests and screen readers."""
        row = self.rows[name]
        return row.message.text() if row.message.property("role") == "error" and row.message.isVisible() else ""

    def _field_left(self, name: str) -> None:
        """The officer left a date field: a text that is no date is refused there and then."""
        if self._checking or self.read_only:
            return
        value = self.rows[name].editor.value()
        if not isinstance(value, str):
            if not self._shown_issues:
                self.rows[name].show_issues([], self.lang)
            return
        result = self.service.check(self.form.id, self.values(), record_id=self.record_id)
        self.rows[name].show_issues(result.for_field(name), self.lang)

    def _outside_question(self, values: dict[str, Any]) -> str | None:
        """Why the record's date needs a second look (outside the list's period or the plan), or None."""
        name = self.form.period_field
        if name is None:
            return None
        fd = self.form.field(name)
        value = values.get(name)
        if isinstance(value, date):
            year, shown = value.year, format_date_vi(value)
        elif isinstance(value, int) and fd.type == "int":
            year, shown = value, str(value)
        else:
            return None
        label = fd.label_for(self.lang)
        if self.plan_years is not None and year not in self.plan_years:
            first, last = self.plan_years[0], self.plan_years[-1]
            return self.tr("«{label}» là {value}, nằm ngoài thời gian của Kế hoạch ({first}–{last}).").format(
                label=label, value=shown, first=first, last=last)
        if self.period is not None and isinstance(value, date) and not self.period[0] <= value <= self.period[1]:
            return self.tr("«{label}» là {value}, nằm ngoài kỳ đang xem ({period}): sau khi lưu, bản ghi sẽ "
                           "không hiện trong danh sách này.").format(label=label, value=shown, period=self.period[2])
        return None

    def _field_changed(self, name: str) -> None:
        """Once issues are shown, every change checks again, so a message goes as soon as it is fixed."""
        if not self._shown_issues or self._checking:
            return
        self._checking = True
        try:
            result = self.service.check(self.form.id, self.values(), record_id=self.record_id)
            self.show_issues(result.issues, focus=False)
        finally:
            self._checking = False

    # -- actions ---------------------------------------------------------------------------------------
    def save(self) -> bool:
        if self.read_only:
            return False
        values = self.values()
        result = self.service.check(self.form.id, values, record_id=self.record_id)
        if not result.ok:
            self.show_issues(result.issues)
            return False
        question = self._outside_question(result.values)
        if question is not None and not ask_yes_no(self, self.tr("Ngày nằm ngoài kỳ"),
                                                   question + "\n\n" + self.tr("Vẫn lưu với ngày này?")):
            name = self.form.period_field or ""
            if name in self.rows:
                self.rows[name].editor.focus_widgets()[0].setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        try:
            if self.record_id is None:
                self.saved = self.service.create(self.form.id, values)
            else:
                self.saved = self.service.update(self.form.id, self.record_id, values,
                                                 expected_revision=self.revision)
        except ValidationError as exc:
            self.show_issues(exc.issues)
            return False
        except RecordError as exc:
            self.show_issues([FieldIssue(None, "", str(exc))])
            return False
        self._initial = self.values()
        self.accept()
        return True

    def keyPressEvent(self, e: QKeyEvent) -> None:
        if e.matches(QKeySequence.StandardKey.Save) and not self.read_only:
            self.save()  # when the window is not active the shortcut does not fire; the key still arrives
            return None
        if e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.read_only:
            # a multi-line text keeps its Enter (new line) and never passes it on; any other field does
            focus = self.focusWidget()
            if isinstance(focus, QPushButton) and focus is not self.save_button:
                focus.click()
                return None
            self.save()
            return None
        return super().keyPressEvent(e)

    def reject(self) -> None:
        if not self.read_only and self.is_dirty() and not ask_yes_no(
            self, self.tr("Đóng mà không lưu?"),
            self.tr("Bạn đã nhập hoặc sửa thông tin trong hộp thoại này. Đóng lại và bỏ những gì vừa nhập?"),
        ):
            return
        super().reject()
