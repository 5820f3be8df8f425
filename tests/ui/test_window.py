"""The main window, the overview, the wizard, start-up, language, fonts, crashes, and screenshots."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QFontInfo, QFontMetrics
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QProgressBar, QPushButton, QWizard

from tests.ui.helpers import fill, type_ime
from tests.ui.samples import SAMPLES, resolve

SHOT_SIZE = (1366, 768)


def _shot(widget, shots: Path, name: str) -> Path:
    QApplication.processEvents()
    path = shots / f"{name}.png"
    assert widget.grab().save(str(path))
    return path


def test_main_window_layout_title_and_status(window, ctx, qtbot, shots):
    assert "Xã Đồng Lý" in window.windowTitle() and "13597" in window.windowTitle()
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    forms = [f.label for f in ctx.inst.store.forms.values()]
    assert titles == ["Tổng quan", *forms, "Báo cáo", "Trao đổi dữ liệu (USB)", "Cài đặt"]
    assert str(ctx.inst.folder) in window.path_label.toolTip()  # the path is a detail, on hover
    assert str(ctx.inst.folder) not in window.path_label.text()
    assert window.period_label.text() == "Kỳ hiện tại: Năm 2019"
    assert window.unexported_label.text() == "Chưa xuất: 0 bản ghi"
    ctx.service.create("officer", SAMPLES["officer"])
    qtbot.waitUntil(lambda: window.unexported_label.text() == "Chưa xuất: 1 bản ghi", timeout=2000)
    ctx.inst.store.set_settings({"last_export_seq": 10_000})
    window.update_status()
    assert window.unexported_label.text() == "Chưa xuất: 0 bản ghi"
    # a list with a few records, for the screenshot
    for form_id in ("communication",):
        for topic in ("Tuyên truyền Luật Phòng, chống mại dâm", "Ủy ban nhân dân xã tổ chức hội nghị",
                      "Phòng ngừa mại dâm trong thanh niên, học sinh"):
            ctx.service.create(form_id, {**resolve(ctx.service, form_id), "topic": topic})
    window.show_page("form:communication")
    _shot(window, shots, "main_window")


def test_keyboard_navigation_and_help(window, qtbot):
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page().key == "form:communication"
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page().key == "overview"
    window.help_action.trigger()  # F1
    dlg = window.help_dialog
    assert dlg.isVisible() and "Ctrl+N" in dlg.findChild(object, "help_text").toPlainText()
    dlg.close()
    # the navigation pane works with arrow keys
    window.nav.setFocus()
    qtbot.keyClick(window.nav, Qt.Key.Key_Down)
    assert window.current_page().key == "form:communication"


def test_report_and_exchange_pages_host_their_widget(window):
    from plan_desktop.ui.pages.exchange_page import ExchangePage as ExchangeWidget
    from plan_desktop.ui.pages.report_page import ReportPage as ReportWidget

    assert isinstance(window.show_page("reports").inner, ReportWidget)
    assert isinstance(window.show_page("exchange").inner, ExchangeWidget)


def test_a_page_that_cannot_be_built_says_why_and_can_try_again(ctx, qtbot, monkeypatch):
    from plan_desktop.ui.pages.hosted import ReportsPage
    from plan_desktop.usererror import UserError

    calls = []

    class Broken(ReportsPage):
        def make(self, cls):
            calls.append(cls)
            if len(calls) == 1:
                raise UserError("Tệp mẫu báo cáo bị hỏng.")
            return super().make(cls)

    page = Broken(ctx)
    qtbot.addWidget(page)
    page.activated()
    assert page.inner is None
    reason = page.findChild(QLabel, "page_failed_reason").text()
    assert "Không mở được trang «Báo cáo»" in reason and "Tệp mẫu báo cáo bị hỏng." in reason
    assert "phiên bản tới" not in reason
    page.findChild(QPushButton, "page_retry").click()
    assert page.inner is not None and page.findChild(QLabel, "page_failed_reason") is None


def test_a_bug_while_building_a_page_points_at_the_log(ctx, qtbot):
    from plan_desktop.ui.pages.hosted import ExchangePage

    class Buggy(ExchangePage):
        def make(self, cls):
            raise ZeroDivisionError("boom")

    page = Buggy(ctx)
    qtbot.addWidget(page)
    page.activated()
    reason = page.findChild(QLabel, "page_failed_reason").text()
    assert "Lỗi không mong đợi" in reason and "nhật ký" in reason and "boom" not in reason


def test_overview_counts_and_indicators(window, ctx, qtbot, shots):
    for _ in range(3):
        ctx.service.create("communication", resolve(ctx.service, "communication"))
    ctx.service.create("unit_status", resolve(ctx.service, "unit_status"))
    page = window.show_page("overview")
    page.refresh()
    assert page.findChild(QLabel, "count_communication").text() == "3"
    assert page.findChild(QLabel, "count_unit_status").text() == "1"
    assert "chưa có" in page.subheading.text()  # no export yet
    bars = [w for w in page.indicators_box.findChildren(QLabel) if w.objectName().startswith("indicator_met_")]
    assert bars, "indicators vs targets are shown"
    na = page.indicators_box.findChild(QProgressBar, "indicator_bar_districts_with_integration_plan")
    # a district indicator at a commune: the badge says so, the bar a short mark (the phrase was clipped)
    assert na.format() == "—" and "không áp dụng cho cấp xã" in na.toolTip()
    badge = page.indicators_box.findChild(QLabel, "indicator_met_districts_with_integration_plan")
    assert badge.text() == "Không áp dụng"
    _shot(window, shots, "overview")


def test_overview_indicators_follow_the_chosen_period(window, ctx, qtbot, shots):
    """A quarter chosen in the overview shows that quarter's indicators, as its report does."""
    from datetime import date

    values = resolve(ctx.service, "communication")
    ctx.service.create("communication", {**values, "date": date(2019, 2, 10)})
    page = window.show_page("overview")
    combo = page.period_combo

    def show(period):
        combo.setCurrentIndex(combo.findData(period))
        page.refresh()
        bar = page.indicators_box.findChild(QProgressBar, "indicator_bar_communes_with_communication")
        badge = page.indicators_box.findChild(QLabel, "indicator_met_communes_with_communication")
        return page.indicators_box.title(), bar.format(), badge.text()

    assert show("2019-Q1") == ("Chỉ tiêu kế hoạch quý I năm 2019 (Kế hoạch 1295/KH-UBND)", "100 %", "Đạt")
    assert show("2019-Q3") == ("Chỉ tiêu kế hoạch quý III năm 2019 (Kế hoạch 1295/KH-UBND)", "0 %", "Chưa đạt")
    # the year: one quarter of four is not «duy trì thường xuyên»
    assert show("2019")[1:] == ("0 %", "Chưa đạt")
    combo.setCurrentIndex(combo.findData("2019-Q3"))
    page.refresh()
    press = page.indicators_box.findChild(QProgressBar, "indicator_bar_press_monthly")
    assert press.format() == "0/3 tháng"
    assert page.counts_box.title() == "Số bản ghi quý III năm 2019"
    qtbot.wait(50)  # the new rows are shown by the event loop
    _shot(window, shots, "overview_quarter")


def test_overview_at_a_district_shows_communes_with_data(tmp_path, qtbot, shots):
    from plan_desktop.services.installation import Installation
    from plan_desktop.ui.context import AppContext
    from plan_desktop.ui.main_window import MainWindow

    inst = Installation.init(tmp_path / "district", "353", officer="Lê Văn Nam",
                             extra_settings={"working_year": 2019})
    try:
        ctx = AppContext.create(inst, "vi")
        ctx.service.write_many("communication", [(None, SAMPLES["communication"])], unit_code="13597")
        w = MainWindow(ctx)
        qtbot.addWidget(w)
        w.resize(*SHOT_SIZE)
        w.show()
        page = w.show_page("overview")
        chip = page.findChild(QPushButton, "unit_13597")
        assert chip is not None and chip.property("has_data") is True
        others = [c for c in page.units_box.findChildren(QPushButton) if c.objectName().startswith("unit_")
                  and c.objectName() != "unit_13597"]
        assert others and all(c.property("has_data") is False for c in others)
        _shot(w, shots, "overview_district")
        w.close()
        ctx.bridge.close()
    finally:
        inst.close()


def test_filled_dialog_with_an_error_screenshot(window, ctx, qtbot, shots):
    page = window.show_page("form:communication")
    dlg = page.open_new()
    fill(qtbot, dlg, {**SAMPLES["communication"], "participants": 40, "participants_female": 55,
                      "location": "Ủy ban nhân dân xã Đồng Lý"})
    qtbot.keyClick(dlg.editor("topic").edit, Qt.Key.Key_Return)
    assert "không được lớn hơn" in dlg.issue_text("participants_female")
    dlg.scroll.ensureWidgetVisible(dlg.editor("participants_female").widget)
    _shot(dlg, shots, "dialog_error")


def test_settings_page_saves_to_the_database_and_rebuilds(window, ctx, qtbot):
    called = []
    ctx.on_settings_changed = lambda: called.append(True)
    page = window.show_page("settings")
    page.signer_name.clear()
    type_ime(page.signer_name, "Trần Văn Quyết")
    page.save()
    assert ctx.inst.store.get_setting("signer_name") == "Trần Văn Quyết"
    assert called == []
    page.year.setValue(2020)
    page.save()
    assert ctx.inst.working_year == 2020 and called == [True]


def test_wizard_sets_up_a_commune(tmp_path, qtbot, shots):
    from plan_desktop.ui.wizard import SetupWizard

    folder = tmp_path / "fresh"
    wiz = SetupWizard(folder)
    qtbot.addWidget(wiz)
    wiz.show()
    unit = wiz.unit_page
    unit.year.setValue(2019)
    assert not wiz.button(QWizard.WizardButton.NextButton).isEnabled() or unit.unit_code() is not None
    unit.district.setCurrentIndex(unit.district.findData("353"))
    qtbot.keyClicks(unit.search, "dong ly")
    assert unit.unit_code() == "13597"
    assert "Xã Đồng Lý" in unit.chosen.text()
    _shot(wiz, shots, "wizard")
    qtbot.mouseClick(wiz.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wiz.currentPage() is wiz.officer_page
    assert not wiz.button(QWizard.WizardButton.NextButton).isEnabled()  # the name is required
    type_ime(wiz.officer_page.name, "Đặng Thị Thu")
    type_ime(wiz.officer_page.position, "Công chức Văn hóa - Xã hội")
    qtbot.mouseClick(wiz.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wiz.signature_page.authority.text() == "TM. ỦY BAN NHÂN DÂN"
    type_ime(wiz.signature_page.name, "Trần Văn Quyết")
    assert "Trần Văn Quyết" in wiz.signature_page.preview.text()
    _shot(wiz, shots, "wizard_signature")
    qtbot.mouseClick(wiz.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert "Xã Đồng Lý" in wiz.summary_page.text.text()
    qtbot.mouseClick(wiz.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    inst = wiz.installation
    assert inst is not None
    try:
        s = inst.store.settings()
        assert s["unit_code"] == "13597" and s["officer_name"] == "Đặng Thị Thu"
        assert s["officer_title"] == "Công chức Văn hóa - Xã hội"
        assert s["signer_name"] == "Trần Văn Quyết" and s["signer_position"] == "CHỦ TỊCH"
        assert s["working_year"] == 2019
    finally:
        inst.close()


def test_wizard_reopened_edits_settings_but_keeps_unit_with_data(ctx, qtbot):
    from plan_desktop.ui.wizard import SetupWizard

    ctx.service.create("officer", SAMPLES["officer"])
    wiz = SetupWizard(ctx.inst.folder, ctx.inst)
    qtbot.addWidget(wiz)
    assert wiz.unit_page.unit_code() == "13597" and not wiz.unit_page.communes.isEnabled()
    wiz.officer_page.name.clear()
    type_ime(wiz.officer_page.name, "Phạm Thị Hồng")
    wiz.apply()
    assert ctx.inst.store.get_setting("officer_name") == "Phạm Thị Hồng"


# -- starting -------------------------------------------------------------------------------------------
def test_fresh_folder_opens_the_wizard(tmp_path, qtbot):
    from plan_desktop.ui.app import Controller

    c = Controller(tmp_path / "new")
    assert c.start()
    try:
        assert c.wizard is not None and c.wizard.isVisible() and c.window is None
    finally:
        c.wizard.finished.disconnect()
        c.wizard.close()
        c.close()


def test_demo_folder_opens_straight_into_the_overview(tmp_path, qtbot):
    from plan_desktop.services.demo import fill_demo
    from plan_desktop.services.installation import Installation
    from plan_desktop.ui.app import Controller

    folder = tmp_path / "demo"
    inst = Installation.init(folder, "13597", officer="Đặng Thị Thu", extra_settings={"working_year": 2019})
    fill_demo(inst, year=2019)
    inst.close()
    c = Controller(folder)
    assert c.start()
    try:
        w = c.window
        qtbot.addWidget(w)
        assert w is not None and c.wizard is None
        assert w.current_page().key == "overview"
        page = w.current_page()
        # the window appears first; the overview fills in right after
        qtbot.waitUntil(lambda: page.findChild(QLabel, "count_communication") is not None, timeout=5000)
        assert int(page.findChild(QLabel, "count_communication").text().replace(".", "")) > 0
        # language switch rebuilds the window in English, Qt's own strings too
        settings = w.show_page("settings")
        settings.language.setCurrentIndex(settings.language.findData("en"))
        settings.save()
        w2 = c.window
        qtbot.addWidget(w2)
        assert w2 is not w and w2.nav.item(0).text() == "Overview"
        assert w2.current_page().key == "settings"
        assert QCoreApplication.translate("RecordsPage", "Thêm mới") == "New"
    finally:
        c.close()
        from plan_desktop.ui import i18n

        i18n.install("vi")
    # the day's first backup was written after the window appeared (on a thread), once
    from plan_desktop.services import backup

    assert [b.reason for b in backup.list_backups(folder)] == ["daily"]


def test_vietnamese_standard_dialog_buttons(qtbot):
    box = QMessageBox(QMessageBox.Icon.Question, "x", "y",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    qtbot.addWidget(box)
    assert box.button(QMessageBox.StandardButton.Yes).text().replace("&", "") == "Có"
    assert box.button(QMessageBox.StandardButton.No).text().replace("&", "") == "Không"


def test_bundled_font_is_registered_and_marks_are_not_clipped(qapp):
    from plan_desktop.ui import startup

    families = startup.register_fonts(qapp)
    assert "Noto Sans" in families
    assert QFontInfo(qapp.font()).family() == "Noto Sans"
    fm = QFontMetrics(QFont("Noto Sans", 10))
    for text in ("Ủy", "Ỗ", "Ặ", "Ữ"):
        assert fm.tightBoundingRect(text).top() >= -fm.ascent(), text  # the stacked marks fit above the line


def test_crash_dialog_logs_and_keeps_typed_data(window, ctx, qtbot, tmp_path):
    from plan_desktop.ui import startup

    log_path = startup.setup_logging(ctx.inst.folder)
    handler = startup.CrashHandler(ctx.inst.folder, log_path)
    page = window.show_page("form:officer")
    dlg = page.open_new()
    type_ime(dlg.editor("full_name").edit, "Vũ Thị Yến")
    try:
        raise RuntimeError("thử lỗi")
    except RuntimeError:
        handler(*sys.exc_info())
    box = handler.last_dialog
    assert box.isVisible() and str(log_path) in box.informativeText()
    assert "RuntimeError" in log_path.read_text(encoding="utf-8")
    assert dlg.isVisible() and dlg.editor("full_name").value() == "Vũ Thị Yến"  # nothing typed is lost
    drafts = list((ctx.inst.folder / "logs").glob("draft-*.json"))
    contents = [json.loads(d.read_text(encoding="utf-8")) for d in drafts]
    assert any(c["form"] == "officer" and c["values"]["full_name"] == "Vũ Thị Yến" for c in contents)
    box.close()


def test_a_field_added_to_a_toml_file_appears_in_the_dialog(tmp_path, qtbot):
    from plan_desktop.domain.forms import load_forms
    from plan_desktop.paths import forms_dir
    from plan_desktop.services.installation import Installation
    from plan_desktop.services.records import RecordService
    from plan_desktop.ui.entry_dialog import EntryDialog

    folder = tmp_path / "forms"
    shutil.copytree(forms_dir(), folder)
    with (folder / "officer.toml").open("a", encoding="utf-8") as fh:
        fh.write('\n[[fields]]\nname = "phone"\ntype = "text"\nmax_length = 20\nlabel = "Số điện thoại"\n'
                 'help = "Số máy cơ quan hoặc di động."\n')
    forms = load_forms(folder)
    inst = Installation.init(tmp_path / "data", "13597", forms=forms)
    try:
        service = RecordService(inst.store)
        dlg = EntryDialog(forms["officer"], service)
        qtbot.addWidget(dlg)
        assert "phone" in dlg.rows and dlg.rows["phone"].label.text().startswith("Số điện thoại")
        type_ime(dlg.editor("full_name").edit, "Lê Thị Mai")
        type_ime(dlg.editor("phone").edit, "0226 3851 234")
        assert dlg.save()
        assert service.get("officer", dlg.saved["id"])["phone"] == "0226 3851 234"
    finally:
        inst.close()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_form_dialog_fits_a_small_screen(ctx, qtbot, lang):
    from plan_desktop.ui.entry_dialog import EntryDialog

    for form in ctx.inst.store.forms.values():
        dlg = EntryDialog(form, ctx.service, lang=lang)
        qtbot.addWidget(dlg)
        assert dlg.width() <= 900 and dlg.height() <= 700, form.id


def test_english_window(ctx, qtbot, shots):
    from plan_desktop.ui import i18n
    from plan_desktop.ui.main_window import MainWindow

    i18n.install("en")
    try:
        ctx.lang = "en"
        ctx.service.create("communication", resolve(ctx.service, "communication"))
        w = MainWindow(ctx)
        qtbot.addWidget(w)
        w.resize(*SHOT_SIZE)
        w.show()
        assert w.nav.item(0).text() == "Overview" and w.nav.item(1).text() == "Communication activities"
        assert w.period_label.text() == "Current period: Year 2019"
        qtbot.waitUntil(lambda: not w.current_page()._dirty, timeout=5000)  # filled right after showing
        texts = [lab.text() for lab in w.current_page().indicators_box.findChildren(QLabel)]
        assert "Share of communes, wards and towns healthy, free of prostitution" in texts
        # press every month is a province target: not judged at a commune
        assert "Target: Not applicable" in texts and "Target: 100 %" in texts and "No data yet" in texts
        _shot(w, shots, "overview_en")
        page = w.show_page("form:communication")
        assert page.add_button.text() == "New"
        assert page.model.headerData(0, Qt.Orientation.Horizontal) == "Date"
        dlg = page.open_new()
        assert dlg.windowTitle() == "New — Communication activities"
        assert dlg.editor("format").combo.itemText(1) == "Talk, conference"
        fill(qtbot, dlg, {**SAMPLES["communication"], "participants": 40, "participants_female": 55})
        assert not dlg.save()
        assert dlg.rows["participants_female"].message.text() == (
            "Of whom women: must not be more than «Participants» (40).")
        assert dlg.banner.text().startswith("Not saved")
        _shot(w, shots, "main_window_en")
        _shot(dlg, shots, "dialog_en")
        dlg._initial = dlg.values()  # close without the "discard what you typed?" question
        dlg.reject()
        w.close()
    finally:
        i18n.install("vi")


def test_wizard_can_set_up_a_district(tmp_path, qtbot):
    from plan_desktop.ui.wizard import SetupWizard

    wiz = SetupWizard(tmp_path / "district")
    qtbot.addWidget(wiz)
    unit = wiz.unit_page
    unit.level_buttons[next(lv for lv in unit.level_buttons if lv.value == "district")].click()
    assert not unit.communes.isEnabled()
    unit.district.setCurrentIndex(unit.district.findData("353"))
    assert unit.unit_code() == "353" and unit.isComplete()
    type_ime(wiz.officer_page.name, "Lê Văn Nam")
    inst = wiz.apply()
    try:
        assert inst is not None and inst.unit_code == "353"
    finally:
        inst.close()


def test_settings_reopen_the_wizard_and_rebuild(tmp_path, qtbot):
    from plan_desktop.services.installation import Installation
    from plan_desktop.ui.app import Controller

    folder = tmp_path / "data"
    Installation.init(folder, "13597", officer="Đặng Thị Thu", extra_settings={"working_year": 2019}).close()
    c = Controller(folder)
    assert c.start()
    try:
        w = c.window
        qtbot.addWidget(w)
        settings = w.show_page("settings")
        qtbot.mouseClick(settings.wizard_button, Qt.MouseButton.LeftButton)
        wiz = c.wizard
        assert wiz is not None and wiz.unit_page.unit_code() == "13597"
        wiz.officer_page.name.clear()
        type_ime(wiz.officer_page.name, "Phạm Thị Hồng")
        wiz.accept()
        assert c.inst.store.get_setting("officer_name") == "Phạm Thị Hồng"
        assert c.window is not w  # rebuilt with the new settings
        qtbot.addWidget(c.window)
    finally:
        c.close()
