"""Driving the real widgets as an officer would (Vietnamese typed the way an input method delivers it)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QPlainTextEdit, QWidget

from plan_desktop.ui.editors import (
    BoolEditor,
    ChoiceEditor,
    ChoicesEditor,
    DateEditor,
    IntEditor,
    MoneyEditor,
    RefEditor,
    TextEditor,
)


def type_ime(widget: QWidget, text: str) -> None:
    """Commit ``text`` as an input method (Unikey, telex) does. ``qtbot.keyClicks`` is ASCII-only."""
    widget.setFocus()
    ev = QInputMethodEvent("", [])
    ev.setCommitString(text)
    QApplication.sendEvent(widget, ev)


def clear_text(qtbot, widget: QWidget) -> None:
    widget.setFocus()
    if isinstance(widget, QLineEdit | QPlainTextEdit):
        widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Backspace)


def type_multiline(qtbot, edit: QPlainTextEdit, text: str) -> None:
    """Lines typed IME-style, with the Enter key between them (Enter in a multi-line field is a new line)."""
    for i, line in enumerate(text.split("\n")):
        if i:
            qtbot.keyClick(edit, Qt.Key.Key_Return)
        type_ime(edit, line)


def type_date(qtbot, ed: DateEditor, value: Any) -> None:
    """Click into the date field and type the date as an officer does (dd/mm/yyyy), or empty it."""
    qtbot.mouseClick(ed.edit, Qt.MouseButton.LeftButton)
    if value is None:
        qtbot.keyClick(ed.edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(ed.edit, Qt.Key.Key_Delete)
        return
    text = value if isinstance(value, str) and "/" in value else (
        value if isinstance(value, date) else date.fromisoformat(value)).strftime("%d/%m/%Y")
    qtbot.keyClicks(ed.edit, text)


def fill(qtbot, dialog, values: dict[str, Any]) -> None:
    """Put ``values`` into the dialog's widgets, field by field."""
    for name, value in values.items():
        ed = dialog.editor(name)
        if isinstance(ed, TextEditor):
            clear_text(qtbot, ed.edit)
            if value:
                if isinstance(ed.edit, QPlainTextEdit):
                    type_multiline(qtbot, ed.edit, value)
                else:
                    type_ime(ed.edit, value)
        elif isinstance(ed, DateEditor):
            type_date(qtbot, ed, value)
        elif isinstance(ed, IntEditor):
            ed.box.setFocus()
            ed.box.selectAll()
            if value is None:
                ed.set_value(None)
            else:
                qtbot.keyClicks(ed.box, str(value))
        elif isinstance(ed, MoneyEditor):
            ed.set_value(value)
        elif isinstance(ed, ChoiceEditor):
            ed.combo.setCurrentIndex(max(ed.combo.findData(value), 0) if value else 0)
        elif isinstance(ed, ChoicesEditor):
            for code, box in ed.boxes.items():
                if box.isChecked() != (code in (value or [])):
                    box.click()
        elif isinstance(ed, BoolEditor):
            if ed.box.isChecked() != bool(value):
                ed.box.click()
        elif isinstance(ed, RefEditor):
            ed.set_value(value)
        else:  # pragma: no cover
            raise AssertionError(type(ed))


def answer_next_question(yes: bool = True, timeout_ms: int = 0) -> None:
    """Answer the next modal QMessageBox (a confirmation) once it is shown."""

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            box.button(QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No).click()
        else:
            QTimer.singleShot(20, answer)

    QTimer.singleShot(timeout_ms, answer)
