"""The overview of a fresh install says «chưa có số liệu» (not amber «Chưa đạt»); it draws the indicators
against their targets and the records month by month; at a district each commune's box opens its figures."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton

from tests.conftest import DISTRICT


def test_a_fresh_install_says_no_data_instead_of_not_met(window, qtbot):
    page = window.show_page("overview")
    page.refresh()
    badges = [w.text() for w in page.indicators_box.findChildren(QLabel) if w.objectName().startswith("indicator_met_")]
    assert badges and "Chưa đạt" not in badges
    for bar in page.indicators_box.findChildren(QProgressBar):
        iid = bar.objectName().removeprefix("indicator_bar_")
        badge = page.indicators_box.findChild(QLabel, f"indicator_met_{iid}").text()
        # every indicator that applies here says «no data»; the others say they do not apply
        assert bar.format() == "chưa có số liệu" or badge == "Không áp dụng", (iid, bar.format(), badge)
    assert page.indicators_box.findChild(QProgressBar, "indicator_bar_cases_handled").format() == "chưa có số liệu"
    hint = page.no_data_label
    assert hint.isVisible() and "Chưa có số liệu năm 2019" in hint.text() and "Ctrl+N" in hint.text()
    assert page.charts.note.isVisible() and "Chưa có số liệu" in page.charts.note.text()


def test_charts_show_indicators_and_months(window, ctx, qtbot):
    from plan_desktop.services.demo import fill_demo
    from plan_desktop.store import Query

    fill_demo(ctx.inst, year=2019)
    page = window.show_page("overview")
    page.refresh()
    assert not page.no_data_label.isVisible()
    charts = page.charts
    assert charts.indicator_view is not None and charts.indicator_view.isVisible()
    assert charts.indicator_data, "the percentage indicators with a target are drawn"
    for value, target in charts.indicator_data.values():
        assert 0 <= value <= 100 and 0 < target <= 100
    store = ctx.inst.store
    n = store.count(store.forms["communication"], Query(start=date(2019, 1, 1), end=date(2019, 12, 31)))
    assert sum(charts.month_data["communication"]) == n > 0
    series = charts.month_view.chart().series()[0]
    assert sum(sum(s.at(i) for i in range(s.count())) for s in series.barSets()) == sum(
        sum(m) for m in charts.month_data.values())


def test_a_communes_box_opens_its_figures(tmp_path, qtbot):
    from plan_desktop.services.installation import Installation
    from plan_desktop.ui.context import AppContext
    from plan_desktop.ui.main_window import MainWindow
    from tests.ui.samples import SAMPLES

    inst = Installation.init(tmp_path / "district", DISTRICT, officer="Lê Văn Nam",
                             extra_settings={"working_year": 2019})
    ctx = AppContext.create(inst, "vi", today=lambda: date(2020, 6, 30))
    try:
        ctx.service.write_many("communication", [(None, SAMPLES["communication"])] * 1, unit_code="13597")
        ctx.service.write_many("communication", [(None, {**SAMPLES["communication"], "date": "2019-04-02"}),
                                                 (None, {**SAMPLES["communication"], "date": "2019-05-02"})],
                               unit_code="13600")
        w = MainWindow(ctx)
        qtbot.addWidget(w)
        w.show()
        page = w.show_page("overview")
        page.period_combo.setCurrentIndex(page.period_combo.findData("2019"))
        page.refresh()
        assert page.findChild(QLabel, "count_communication").text() == "3"
        chip = page.findChild(QPushButton, "unit_13597")
        qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
        assert page.viewing == "13597"
        assert "Đồng Lý" in page.heading.text()
        assert page.findChild(QLabel, "count_communication").text() == "1"
        assert sum(page.charts.month_data["communication"]) == 1
        assert page.back_button.isVisible() and not page.units_box.isVisible()
        qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
        assert page.viewing is None and "Lý Nhân" in page.heading.text()
        assert page.findChild(QLabel, "count_communication").text() == "3"
        w.close()
    finally:
        ctx.bridge.close()
        inst.close()
