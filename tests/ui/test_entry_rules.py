"""Entry that cannot go wrong silently (issue 17): dates typed as in Excel, dates inside the period being
worked on, the form's cross-field rules at the field, negative numbers, pseudonyms — through the real
dialog, clicking and typing as an officer does."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.helpers import answer_next_question, fill, type_ime
from tests.ui.samples import SAMPLES

# offscreen, a dialog becomes the active window (focus, Tab, clicks as on a screen) only when told so
pytestmark = pytest.mark.filterwarnings("ignore:Function.*setActiveWindow:DeprecationWarning")


def _new(window, qtbot, form_id, period=None):
    """Open a new record's dialog from the list, the dialog the active window (as on a screen)."""
    page = window.show_page(f"form:{form_id}")
    if period is not None:
        page.set_period(period)
    dlg = page.open_new()
    qtbot.waitExposed(dlg)
    QApplication.setActiveWindow(dlg)
    return page, dlg


def _click_and_type(qtbot, line, text):
    qtbot.mouseClick(line, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Tab)  # leave the field


@pytest.mark.parametrize("typed", ["20/4/2020", "20/04/2020", "20042020", "20.4.2020", "2020-04-20"])
def test_click_into_a_date_and_type_it_as_in_excel(window, qtbot, typed):
    _, dlg = _new(window, qtbot, "communication")
    line = dlg.editor("date").edit
    assert line.text() == "31/12/2019"  # a new record starts inside the list's period (2019), not today
    qtbot.waitUntil(line.hasFocus, timeout=2000)  # the first field has the focus: the click still selects all
    _click_and_type(qtbot, line, typed)
    assert dlg.editor("date").value() == date(2020, 4, 20)
    assert line.text() == "20/04/2020"
    assert dlg.issue_text("date") == ""


def test_select_all_then_type_replaces_the_date(window, ctx, qtbot):
    _, dlg = _new(window, qtbot, "communication")
    fill(qtbot, dlg, {k: v for k, v in SAMPLES["communication"].items() if k != "date"})
    line = dlg.editor("date").edit
    line.setFocus()
    qtbot.keyClick(line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(line, "15/03/2019")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert dlg.saved is not None
    assert ctx.service.get("communication", dlg.saved["id"])["date"] == date(2019, 3, 15)


@pytest.mark.parametrize("typed", ["31/02/2019", "5/03/00004/2019", "5/3/19", "1/2"])
def test_a_date_that_is_no_date_is_refused_at_the_field_never_replaced(window, ctx, qtbot, typed):
    _, dlg = _new(window, qtbot, "communication")
    fill(qtbot, dlg, {k: v for k, v in SAMPLES["communication"].items() if k != "date"})
    line = dlg.editor("date").edit
    _click_and_type(qtbot, line, typed)
    assert line.text() == typed[:10]  # what was typed stays (the box takes 10 characters)
    assert "không phải là ngày hợp lệ" in dlg.issue_text("date")  # said when leaving the field
    qtbot.keyClick(dlg.editor("topic").edit, Qt.Key.Key_Return)
    assert dlg.saved is None
    assert ctx.inst.store.count(ctx.inst.store.forms["communication"]) == 0


def test_a_second_click_places_the_cursor_to_correct_one_digit(window, qtbot):
    _, dlg = _new(window, qtbot, "communication")
    line = dlg.editor("date").edit
    qtbot.mouseClick(line, Qt.MouseButton.LeftButton)
    assert line.selectedText() == "31/12/2019"
    qtbot.mouseClick(line, Qt.MouseButton.LeftButton)
    assert not line.hasSelectedText()
    line.setCursorPosition(1)
    qtbot.keyClick(line, Qt.Key.Key_Backspace)
    qtbot.keyClicks(line, "2")
    assert line.text() == "21/12/2019" and dlg.editor("date").value() == date(2019, 12, 21)


def test_letters_cannot_be_typed_into_a_date(window, qtbot):
    _, dlg = _new(window, qtbot, "communication")
    line = dlg.editor("date").edit
    _click_and_type(qtbot, line, "ab12")
    assert line.text() == "12"


def test_the_new_date_follows_the_period_the_list_shows(window, qtbot):
    _, dlg = _new(window, qtbot, "communication", "2019-Q1")
    assert dlg.editor("date").value() == date(2019, 3, 31)
    dlg.done(0)
    _, dlg = _new(window, qtbot, "support", "2019-07")
    assert dlg.editor("date").value() == date(2019, 7, 31)


def test_a_date_outside_the_viewed_period_asks_before_saving(window, ctx, qtbot):
    _, dlg = _new(window, qtbot, "communication", "2019-Q1")
    fill(qtbot, dlg, {**SAMPLES["communication"], "date": "2019-05-02"})
    answer_next_question(yes=False)
    qtbot.keyClick(dlg.editor("topic").edit, Qt.Key.Key_Return)
    assert dlg.saved is None and dlg.isVisible()
    assert ctx.inst.store.count(ctx.inst.store.forms["communication"]) == 0
    answer_next_question(yes=True)
    qtbot.keyClick(dlg.editor("topic").edit, Qt.Key.Key_Return)
    assert dlg.saved is not None and dlg.saved["date"] == date(2019, 5, 2)


def test_a_date_outside_the_plan_years_asks_even_in_the_all_periods_list(window, ctx, qtbot):
    _, dlg = _new(window, qtbot, "communication", None)
    fill(qtbot, dlg, {**SAMPLES["communication"], "date": "2015-05-02"})
    answer_next_question(yes=False)
    qtbot.keyClick(dlg.editor("topic").edit, Qt.Key.Key_Return)
    assert dlg.saved is None
    assert "2016–2020" in dlg._outside_question({"date": date(2015, 5, 2)})


def test_women_need_the_total_and_a_negative_number_is_refused_not_emptied(window, ctx, qtbot):
    _, dlg = _new(window, qtbot, "communication")
    fill(qtbot, dlg, {**SAMPLES["communication"], "participants": None, "participants_female": 80})
    qtbot.keyClick(dlg.editor("topic").edit, Qt.Key.Key_Return)
    assert dlg.saved is None
    assert dlg.issue_text("participants_female") == "Trong đó nữ: chỉ nhập được khi đã nhập «Số người tham dự»."
    box = dlg.editor("participants").box
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, "-5")
    qtbot.keyClick(box, Qt.Key.Key_Tab)
    assert dlg.editor("participants").value() == -5  # kept as typed ...
    assert "không được là số âm" in dlg.issue_text("participants")  # ... and refused with a reason
    assert ctx.inst.store.count(ctx.inst.store.forms["communication"]) == 0


def test_a_case_starts_open_and_a_closed_case_asks_for_its_end_date(window, qtbot):
    _, dlg = _new(window, qtbot, "case")
    assert dlg.editor("status").value() == "open"
    fill(qtbot, dlg, {"detected_on": "2019-06-02", "status": "handled"})
    qtbot.keyClick(dlg.editor("decision_no").edit, Qt.Key.Key_Return)
    assert dlg.issue_text("closed_on") == "Ngày kết thúc: bắt buộc phải nhập khi «Trạng thái» là «Đã xử lý»."


def test_person_code_is_made_by_the_program_and_a_name_is_refused(window, ctx, qtbot):
    _, dlg = _new(window, qtbot, "support")
    code = dlg.editor("person_code").edit
    assert code.text() == "HT-13597-0001" and code.placeholderText() == "HT-13597-0007"
    code.selectAll()
    type_ime(code, "Nguyễn Thị Lan")
    dlg.editor("service").set_value("legal")
    qtbot.keyClick(code, Qt.Key.Key_Return)
    assert dlg.saved is None
    assert "«Nguyễn Thị Lan» không đúng dạng HT-<mã đơn vị>-<4 chữ số>, ví dụ HT-13597-0007" in dlg.issue_text(
        "person_code")
    code.selectAll()
    qtbot.keyClicks(code, "HT-13597-0001")
    qtbot.keyClick(code, Qt.Key.Key_Return)
    assert dlg.saved is not None and dlg.saved["person_code"] == "HT-13597-0001"
    _, dlg = _new(window, qtbot, "support")
    assert dlg.editor("person_code").value() == "HT-13597-0002"


def test_the_year_of_a_yearly_status_has_no_thousands_separator(window, qtbot):
    _, dlg = _new(window, qtbot, "unit_status")
    box = dlg.editor("year").box
    assert box.text() in ("", "2019")  # the working year, if filled in, without «2.019»
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Up)
    assert box.text() in ("2019", "2020")  # from the working year, never «2.019» or «2.020»


def test_a_date_committed_by_an_input_method_after_a_click(window, qtbot):
    """Unikey/telex deliver typed text as an input-method commit: the click selects, the commit replaces."""
    _, dlg = _new(window, qtbot, "training")
    line = dlg.editor("start_date").edit
    qtbot.mouseClick(line, Qt.MouseButton.LeftButton)
    type_ime(line, "5/3/2019")
    qtbot.keyClick(line, Qt.Key.Key_Tab)
    assert dlg.editor("start_date").value() == date(2019, 3, 5) and line.text() == "05/03/2019"
    end = dlg.editor("end_date")
    assert end.value() is None and end.edit.text() == ""  # an optional date starts empty, and may stay so
