"""«Nothing lost on the way out»: changed settings are saved or asked about when leaving the page or
closing the window; a new healthy-commune assessment starts at the year being worked on."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.ui.helpers import type_ime


def _answer(text: str, seen: list[str]) -> None:
    """Click the button called ``text`` of the next message box, once shown."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            next(b for b in box.buttons() if b.text() == text).click()
        else:
            QTimer.singleShot(20, click)

    QTimer.singleShot(0, click)


def _change_officer(page, name: str) -> None:
    page.officer_name.selectAll()
    page.officer_name.del_()
    type_ime(page.officer_name, name)


@pytest.mark.parametrize(("answer", "stored", "stays"), [
    ("Lưu", "Nguyễn Văn Bình", False),
    ("Không lưu", "Đặng Thị Thu", False),
    ("Hủy", "Đặng Thị Thu", True),
])
def test_leaving_the_settings_page_with_changes_asks(window, ctx, qtbot, answer, stored, stays):
    page = window.show_page("settings")
    _change_officer(page, "Nguyễn Văn Bình")
    seen: list[str] = []
    _answer(answer, seen)
    window.show_page("overview")
    assert seen and "chưa được lưu" in seen[0]
    assert ctx.inst.store.get_setting("officer_name") == stored
    assert (window.current_page() is page) == stays
    assert (window.nav.currentRow() == window.pages.index(page)) == stays
    if answer == "Không lưu":
        assert page.officer_name.text() == "Đặng Thị Thu"
    if stays:
        page.revert()


def test_leaving_without_changes_asks_nothing(window, qtbot):
    window.show_page("settings")
    window.show_page("overview")
    assert window.current_page().key == "overview"


def test_closing_the_window_with_changed_settings_saves_them(window, ctx, qtbot):
    page = window.show_page("settings")
    page.year.setValue(2018)
    seen: list[str] = []
    _answer("Lưu", seen)
    window.close()
    assert seen
    assert int(ctx.inst.store.get_setting("working_year")) == 2018


def test_closing_can_be_cancelled(window, ctx, qtbot):
    page = window.show_page("settings")
    page.year.setValue(2017)
    _answer("Hủy", [])
    window.close()
    assert window.isVisible()
    page.revert()


@pytest.mark.parametrize("period_index", [1, 0])
def test_a_new_assessment_starts_at_the_year_shown(window, ctx, qtbot, period_index):
    page = window.show_page("form:unit_status")
    page.period_combo.setCurrentIndex(period_index)
    expected = int(page.current_period()[:4]) if page.current_period() else ctx.inst.working_year
    dlg = page.open_new()
    assert dlg.editor("year").value() == expected
    assert expected == 2019  # the working year of the test installation, the default period
    assert "2.019" not in dlg.editor("year").box.text()
