"""F1 opens the guide at the part about the page in use; it covers the officer's month; the window title
names the program once; the English window's guide is in English."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from plan_desktop.ui.help import SECTIONS, help_html


def test_the_guide_covers_the_month_in_both_languages():
    vi, en = help_html("vi"), help_html("en")
    for section in SECTIONS:
        assert f'name="{section}"' in vi and f'name="{section}"' in en
    for words in ("Nhập số liệu", "Kiểm tra", "Lập báo cáo", "Ký số", "Gửi dữ liệu lên cấp trên", "biên nhận",
                  "Sao lưu"):
        assert words in vi
    assert "PKCS" not in vi and "dấu vân tay" not in vi
    # the English guide quotes one Vietnamese name (the search example) and nothing else
    assert [w for w in ("Nhập", "Báo cáo", "Hướng dẫn", "Cài đặt", "thiết bị", "dữ liệu") if w in en] == []

@pytest.mark.parametrize(("key", "section"), [
    ("overview", "tong-quan"), ("form:communication", "nhap-lieu"), ("reports", "bao-cao"),
    ("exchange", "gui"), ("settings", "cai-dat"),
])
def test_f1_opens_the_section_of_the_page(window, qtbot, key, section):
    window.show_page(key)
    window.help_action.trigger()
    dlg = window.help_dialog
    qtbot.waitExposed(dlg)
    assert dlg.section == section
    if section != "tong-quan":  # the first part is at the top: scrolled only for later parts
        assert dlg.text.verticalScrollBar().value() > 0
    dlg.close()


def test_f1_in_an_entry_dialog_opens_entering_records(window, qtbot):
    page = window.show_page("overview")
    page = window.show_page("form:training")
    entry = page.open_new()
    qtbot.waitExposed(entry)
    dlg = window.show_help()
    assert dlg.parent() is entry and dlg.section == "nhap-lieu"
    dlg.close()


def test_window_title_names_the_program_once(window, ctx):
    assert window.windowTitle() == ctx.unit_title()
    assert "Phòng, chống mại dâm" in QApplication.applicationDisplayName()
    assert "Phòng, chống" not in window.windowTitle()
