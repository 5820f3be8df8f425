"""Every page is usable on the screens officers have (1024×768 and 1366×768): no button, combo box or
search box lies outside the window, and showing a page never makes the window wider than the screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QWidget

from tests.conftest import DISTRICT

SIZES = [(1024, 768), (1366, 768)]


def _controls(page: QWidget) -> list[QWidget]:
    """The visible controls of the page's current tab (buttons, combo boxes, one-line edits)."""
    out = []
    for cls in (QAbstractButton, QComboBox, QLineEdit):
        for w in page.findChildren(cls):
            if w.isVisibleTo(page) and w.isVisible() and w.width() > 0:
                if isinstance(w, QLineEdit) and isinstance(w.parent(), QComboBox | QAbstractButton):
                    continue  # the editable part of a combo box: the box itself is checked
                if w.objectName().startswith("qt_"):
                    continue  # Qt's internal scroll/tab helper buttons
                out.append(w)
    return out


def _outside(window: QWidget, page: QWidget) -> list[str]:
    """Controls of ``page`` not wholly inside the window's visible area (or inside a scrolled-away part of a
    scroll area: those are reachable by scrolling and not counted)."""
    area = QRect(QPoint(0, 0), window.size())
    bad = []
    for w in _controls(page):
        top_left = w.mapTo(window, QPoint(0, 0))
        rect = QRect(top_left, w.size())
        if not area.contains(rect):
            if _in_scroll_area(w):
                continue
            bad.append(f"{type(w).__name__} «{getattr(w, 'text', lambda: '')() or w.objectName()}» at {rect}")
    return bad


def _in_scroll_area(w: QWidget) -> bool:
    from PySide6.QtWidgets import QAbstractScrollArea

    p = w.parentWidget()
    while p is not None:
        if isinstance(p, QAbstractScrollArea):
            return True
        p = p.parentWidget()
    return False


def _visit_all(qtbot, window, width: int, height: int) -> None:
    window.resize(width, height)
    for page in list(window.pages):
        window.show_page(page.key)
        qtbot.wait(20)
        assert (window.width(), window.height()) == (width, height), (
            f"showing «{page.title()}» resized the window to {window.width()}×{window.height()}")
        pages = [page]
        tabs = page.findChildren(__import__("PySide6.QtWidgets").QtWidgets.QTabWidget)
        for tab in tabs:
            if not tab.isVisible():
                continue
            for i in range(tab.count()):
                tab.setCurrentIndex(i)
                qtbot.wait(10)
                assert window.width() == width, f"tab «{tab.tabText(i)}» of «{page.title()}» widened the window"
                assert not _outside(window, page), (page.title(), tab.tabText(i), _outside(window, page))
            tab.setCurrentIndex(0)
        for p in pages:
            bad = _outside(window, p)
            assert not bad, f"«{p.title()}» at {width}×{height}: {bad}"


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_every_commune_page_fits(window, qtbot, width, height):
    from plan_desktop.services.demo import fill_demo

    fill_demo(window.ctx.inst, year=2019)
    _visit_all(qtbot, window, width, height)


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_every_district_page_fits(qtbot, tmp_path, width, height):
    from datetime import date

    from plan_desktop.services.installation import Installation
    from plan_desktop.ui.context import AppContext
    from plan_desktop.ui.main_window import MainWindow

    inst = Installation.init(tmp_path / "district", DISTRICT, officer="Trần Văn Bình",
                             extra_settings={"working_year": 2019})
    ctx = AppContext.create(inst, "vi", today=lambda: date(2020, 6, 30))
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    try:
        _visit_all(qtbot, w, width, height)
    finally:
        w.close()
        ctx.bridge.close()
        inst.close()


def test_english_list_page_fits(window, qtbot):
    """The English labels are longer: the list's toolbar still wraps rather than widening the window."""
    from plan_desktop.ui import i18n

    i18n.install("en", __import__("PySide6.QtWidgets").QtWidgets.QApplication.instance())
    try:
        window.resize(1024, 768)
        page = window.show_page("form:communication")
        qtbot.wait(20)
        assert window.width() == 1024
        assert not _outside(window, page)
    finally:
        i18n.install("vi", __import__("PySide6.QtWidgets").QtWidgets.QApplication.instance())
