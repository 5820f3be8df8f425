"""Each form through the real dialog: add, see in the list, edit, delete, undo; every kind of rule."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from plan_desktop.domain.forms import default_forms
from plan_desktop.store import Query
from tests.ui.helpers import answer_next_question, fill
from tests.ui.samples import EDITS, SAMPLES, resolve

FORM_IDS = list(default_forms())


def test_samples_cover_every_form():
    assert set(SAMPLES) == set(FORM_IDS)


def _stored(service, form_id, rid):
    return service.get(form_id, rid)


def _count(ctx, form_id):
    return ctx.inst.store.count(ctx.inst.store.forms[form_id])


@pytest.mark.parametrize("form_id", FORM_IDS)
def test_add_edit_delete_through_the_dialog(form_id, window, ctx, qtbot):
    service = ctx.service
    values = resolve(service, form_id)  # creates referenced records first (inspection → establishment)
    page = window.show_page(f"form:{form_id}")
    assert page is window.current_page()

    # add: Ctrl+N on the page, fill, Enter saves
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dlg = page.dialog
    assert dlg is not None and dlg.isVisible()
    fill(qtbot, dlg, values)
    line = dlg.editor(EDITS[form_id][0]).edit  # Enter in a one-line field saves the dialog
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert dlg.saved is not None, [dlg.issue_text(n) for n in dlg.rows]
    rid = dlg.saved["id"]
    stored = _stored(service, form_id, rid)
    for name, expected in values.items():
        got = stored[name]
        if isinstance(got, date):
            got = got.isoformat()
        assert got == expected, name
    assert stored["created_by"] == "Đặng Thị Thu"  # the officer set up in the commune fixture

    # the list shows it, selected
    row = page.model.row_of(rid)
    assert row >= 0
    assert page.selected_ids() == [rid]
    shown = [page.model.data(page.model.index(row, c)) for c in range(page.model.columnCount())]
    assert any(shown), shown

    # edit: Enter on the table opens it; change a text field; Ctrl+S saves
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dlg = page.dialog
    assert dlg is not None and dlg.record_id == rid
    field, new = EDITS[form_id]
    assert dlg.editor(field).value() == values[field]
    fill(qtbot, dlg, {field: new})
    qtbot.keyClick(dlg, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dlg.saved is not None
    stored = _stored(service, form_id, rid)
    assert stored[field] == new and stored["revision"] == 2
    row = page.model.row_of(rid)
    assert page.model.record(row).values[field] == new

    # delete with confirmation (tombstone), then undo
    page.select_id(rid)
    answer_next_question(yes=True)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert page.model.row_of(rid) == -1
    assert _stored(service, form_id, rid)["deleted"] is True
    assert ctx.inst.store.count(ctx.inst.store.forms[form_id], Query(include_deleted=True)) >= 1
    assert page.undo_button.isEnabled()
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _stored(service, form_id, rid)["deleted"] is False
    assert page.model.row_of(rid) >= 0


def test_delete_can_be_refused(window, ctx, qtbot):
    rec = ctx.service.create("officer", SAMPLES["officer"])
    page = window.show_page("form:officer")
    page.select_id(rec["id"])
    answer_next_question(yes=False)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert ctx.service.get("officer", rec["id"])["deleted"] is False


# -- rules -----------------------------------------------------------------------------------------------
RULES = [
    # (kind, form, overrides, field with the message, part of the message)
    ("required", "communication", {"topic": ""}, "topic", "bắt buộc phải nhập"),
    ("range", "communication", {"sessions": 0}, "sessions", "phải từ 1 trở lên"),
    ("lte", "communication", {"participants": 10, "participants_female": 20}, "participants_female",
     "không được lớn hơn «Số người tham dự»"),
    ("gte_date", "training", {"start_date": "2019-04-12", "end_date": "2019-04-10"}, "end_date",
     "không được trước «Từ ngày»"),
    ("only_when", "communication", {"format": "talk", "broadcast_minutes": 15}, "broadcast_minutes",
     "chỉ được nhập khi"),
    ("required_when", "inspection", {"violation": True, "violation_desc": ""}, "violation_desc",
     "bắt buộc phải nhập khi"),
    ("positive_when", "inspection", {"action": "fine", "fine": None}, "fine", "phải lớn hơn 0"),
    ("implies", "unit_status", {"healthy": False, "healthy_drugs_too": True}, "healthy_drugs_too",
     "chỉ được đánh dấu khi"),
    ("min_items", "communication", {"audience": []}, "audience", "phải chọn ít nhất 1 mục"),
    ("unique", "unit_status", {}, "year", "đơn vị này đã có"),
    ("not_future", "communication", {"date": "2020-07-01"}, "date", "không được sau ngày hôm nay"),
]


@pytest.mark.parametrize(("kind", "form_id", "overrides", "field", "message"), RULES, ids=[r[0] for r in RULES])
def test_invalid_entry_shows_message_at_field_and_saves_nothing(kind, form_id, overrides, field, message,
                                                                  window, ctx, qtbot):
    service = ctx.service
    values = {**resolve(service, form_id), **overrides}
    if kind == "unique":
        service.create(form_id, resolve(service, form_id))
    before = _count(ctx, form_id)
    page = window.show_page(f"form:{form_id}")
    dlg = page.open_new()
    fill(qtbot, dlg, values)
    qtbot.keyClick(dlg.editor(EDITS[form_id][0]).edit, Qt.Key.Key_Return)
    assert dlg.saved is None and dlg.isVisible()
    text = dlg.issue_text(field)
    assert message in text, (text, {n: dlg.issue_text(n) for n in dlg.rows})
    assert text.startswith(dlg.form.field(field).label)  # the validation module's own message
    editor = dlg.rows[field].editor
    assert editor.focus_widgets()[0].property("error") or editor.widget.property("error")
    assert dlg.banner.isVisible()
    assert _count(ctx, form_id) == before
    # fixing it clears the message and saves
    fixes = {
        "required": {"topic": "Chủ đề đã sửa"}, "range": {"sessions": 1},
        "lte": {"participants_female": 5}, "gte_date": {"end_date": "2019-04-13"},
        "only_when": {"broadcast_minutes": None}, "required_when": {"violation_desc": "Vi phạm đã ghi"},
        "positive_when": {"fine": 2_000_000}, "implies": {"healthy": True}, "min_items": {"audience": ["youth"]},
        "unique": {"year": 2018}, "not_future": {"date": "2020-06-30"},
    }[kind]
    fill(qtbot, dlg, fixes)
    assert dlg.issue_text(field) == ""
    if kind == "not_future":  # 30/06/2020 lies outside the list's period (2019): the dialog asks first
        answer_next_question(yes=True)
    qtbot.keyClick(dlg, Qt.Key.Key_Return)
    assert dlg.saved is not None, {n: dlg.issue_text(n) for n in dlg.rows}
    assert _count(ctx, form_id) == before + 1


def test_escape_asks_before_dropping_typed_text(window, ctx, qtbot):
    page = window.show_page("form:officer")
    dlg = page.open_new()
    fill(qtbot, dlg, {"full_name": "Trần Văn Đức"})
    answer_next_question(yes=False)
    qtbot.keyClick(dlg, Qt.Key.Key_Escape)
    assert dlg.isVisible() and dlg.editor("full_name").value() == "Trần Văn Đức"
    answer_next_question(yes=True)
    qtbot.keyClick(dlg, Qt.Key.Key_Escape)
    assert not dlg.isVisible()
    assert _count(ctx, "officer") == 0


def test_escape_on_untouched_dialog_closes_at_once(window, qtbot):
    page = window.show_page("form:officer")
    dlg = page.open_new()
    qtbot.keyClick(dlg, Qt.Key.Key_Escape)
    assert not dlg.isVisible()


def test_enter_in_multiline_text_is_a_new_line(window, ctx, qtbot):
    page = window.show_page("form:communication")
    dlg = page.open_new()
    notes = dlg.editor("notes").edit
    notes.setFocus()
    fill(qtbot, dlg, {"notes": "Dòng một\nDòng hai"})
    assert dlg.isVisible() and dlg.saved is None
    assert dlg.editor("notes").value() == "Dòng một\nDòng hai"


def test_duplicate_prefills_a_new_record(window, ctx, qtbot):
    rec = ctx.service.create("communication", SAMPLES["communication"])
    page = window.show_page("form:communication")
    page.select_id(rec["id"])
    qtbot.keyClick(page.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    dlg = page.dialog
    assert dlg.record_id is None and dlg.editor("topic").value() == SAMPLES["communication"]["topic"]
    qtbot.keyClick(dlg, Qt.Key.Key_Return)
    assert dlg.saved and dlg.saved["id"] != rec["id"]
    assert _count(ctx, "communication") == 2


def test_reference_picker_searches_without_marks(window, ctx, qtbot):
    from tests.ui.helpers import type_ime

    a = ctx.service.create("establishment", {**SAMPLES["establishment"], "name": "Karaoke Ánh Dương"})
    ctx.service.create("establishment", {**SAMPLES["establishment"], "name": "Nhà nghỉ Đức Long"})
    page = window.show_page("form:inspection")
    dlg = page.open_new()
    picker = dlg.editor("establishment")
    qtbot.keyClicks(picker.search, "anh duong")
    visible = [picker.list.item(i).text() for i in range(picker.list.count()) if not picker.list.item(i).isHidden()]
    assert "Karaoke Ánh Dương" in visible and "Nhà nghỉ Đức Long" not in visible
    qtbot.keyClick(picker.search, Qt.Key.Key_Down)
    qtbot.keyClick(picker.list, Qt.Key.Key_Down)
    assert picker.value() == a["id"]
    type_ime(picker.search, "")
    assert dlg.isVisible()


def test_other_units_records_are_read_only(data_dir, tmp_path, qtbot):
    """At a district, a commune's record opens read-only and cannot be deleted."""
    from plan_desktop.services.installation import Installation
    from plan_desktop.ui.context import AppContext
    from plan_desktop.ui.main_window import MainWindow

    inst = Installation.init(tmp_path / "district", "353", officer="Lê Văn Nam", extra_settings={"working_year": 2019})
    try:
        ctx = AppContext.create(inst, "vi")
        ctx.service.write_many("officer", [(None, SAMPLES["officer"])], unit_code="13597")
        w = MainWindow(ctx)
        qtbot.addWidget(w)
        page = w.show_page("form:officer")
        assert page.model.columns[0].key == "__unit__"
        page.table.selectRow(0)
        assert page.model.data(page.model.index(0, 0)) == "Xã Đồng Lý"
        assert not page.delete_button.isEnabled()
        dlg = page.open_current()
        name = dlg.editor("full_name").edit
        assert (dlg.read_only and not name.isEnabled()) or name.isReadOnly()
        dlg.reject()
        ctx.bridge.close()
    finally:
        inst.close()


def test_number_fields_show_thousands_and_can_be_emptied(window, qtbot):
    page = window.show_page("form:communication")
    dlg = page.open_new()
    box = dlg.editor("participants").box
    box.setFocus()
    qtbot.keyClicks(box, "1250")
    assert dlg.editor("participants").value() == 1250
    assert box.textFromValue(box.value()) == "1.250"  # shown grouped once the field is left
    money = dlg.editor("cost").box
    money.setValue(1_250_000)
    assert money.text() == "1.250.000 đ"
    # deleting the text leaves the field empty (no value), not 0
    box.selectAll()
    qtbot.keyClick(box, Qt.Key.Key_Backspace)
    assert box.text() == ""
    assert dlg.editor("participants").value() is None
    assert dlg.editor("materials").value() is None  # never touched: empty
