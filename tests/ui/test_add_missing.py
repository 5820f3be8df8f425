"""«Add what is missing where you are»: an establishment from the inspection and case dialogs, an officer
from the training dialog, without leaving the dialog — the new record is listed and selected."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.helpers import fill
from tests.ui.samples import SAMPLES


@pytest.mark.parametrize(("form_id", "field", "target", "button_text"), [
    ("inspection", "establishment", "establishment", "Thêm cơ sở mới…"),
    ("case", "establishment", "establishment", "Thêm cơ sở mới…"),
    ("training", "officers", "officer", "Thêm cán bộ mới…"),
])
def test_add_a_referenced_record_from_the_dialog(form_id, field, target, button_text, window, ctx, qtbot):
    page = window.show_page(f"form:{form_id}")
    dlg = page.open_new()
    qtbot.waitExposed(dlg)
    if field not in {fd.name for fd in dlg.form.fields}:
        pytest.skip(f"{form_id} has no field {field}")
    editor = dlg.editor(field)
    assert editor.new_button is not None and editor.new_button.text() == button_text
    assert editor.new_button.isVisible()
    before = ctx.inst.store.count(ctx.inst.store.forms[target])

    qtbot.mouseClick(editor.new_button, Qt.MouseButton.LeftButton)
    child = dlg.child_dialog
    assert child is not None and child.isVisible() and child.form.id == target
    assert dlg.isVisible()  # the first dialog stays open underneath
    fill(qtbot, child, SAMPLES[target])
    qtbot.mouseClick(child.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not child.isVisible())

    assert ctx.inst.store.count(ctx.inst.store.forms[target]) == before + 1
    new_id = child.saved["id"]
    value = editor.value()
    assert (new_id in value) if editor.multi else (value == new_id)
    assert dlg.child_dialog is None


def test_the_button_is_absent_when_only_viewing(window, ctx, qtbot):
    from plan_desktop.ui.entry_dialog import EntryDialog

    form = ctx.inst.store.forms["inspection"]
    dlg = EntryDialog(form, ctx.service, record={"id": "x", "revision": 1}, read_only=True, parent=window)
    qtbot.addWidget(dlg)
    assert dlg.editor("establishment").new_button is None
