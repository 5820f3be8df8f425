"""The exchange page, offscreen: export at a commune, import and board at the district."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from plan_desktop.services import exchange as ex
from plan_desktop.ui.pages.exchange_page import ExchangePage
from tests.exchange.conftest import C1, add_records


def test_commune_page_exports(world, qtbot):
    from plan_desktop.ui.pages.exchange_page import ExchangePage

    add_records(world.c1, 3)
    page = ExchangePage(world.c1)
    qtbot.addWidget(page)
    page.show()
    assert not page.upper_box.isVisible() and page.export_box.isVisible()
    tabs = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert tabs == ["Gửi dữ liệu lên cấp trên", "Nhận gói dữ liệu, biên nhận", "Mã khóa của đơn vị"]
    assert page.fingerprint_label.text() == ex.keys_overview(world.c1)[0]
    assert "3" in page.pending_label.text()
    page.set_export_dir(world.usb())
    with qtbot.waitSignal(page.exported, timeout=5000) as sig:
        page._export_clicked()
    assert sig.args[0].endswith("_0001.pdpkg")
    assert "gói số 1" in page.export_result.text()
    assert page.history.rowCount() == 1
    # a failure is shown, not raised
    blocker = world.root / "file-not-folder"
    blocker.write_text("x")
    assert page.export_to(blocker / "sub") is None
    assert "Không xuất được" in page.export_result.text()


def test_district_page_imports_and_shows_board(world, qtbot):
    from plan_desktop.ui.pages.exchange_page import ExchangePage

    add_records(world.c1, 2)
    ex.export_package(world.c1, world.usb())
    service = world.d.records("officer")
    heard = []
    service.subscribe(heard.append)
    page = ExchangePage(world.d, service=service)
    qtbot.addWidget(page)
    page.show()
    assert page.upper_box.isVisible()  # the district's first tab: the units below
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == [
        "Theo dõi đơn vị cấp dưới", "Nhận gói dữ liệu, biên nhận", "Gửi dữ liệu lên cấp trên",
        "Mã khóa của đơn vị"]
    with qtbot.waitSignal(page.imported, timeout=5000):
        report = page.import_paths([world.usb()])
    assert page.report_view.isVisible()  # the import's report is shown on its tab
    assert report.ok and heard and heard[0].action == "import"
    assert "2 mới" in page.report_view.toPlainText() and page.print_button.isEnabled()
    page.year_spin.setValue(2019)
    row = [code for code, _ in page.last_board.units].index(C1)
    assert page.board.item(row, page.board.columnCount() - 1).text() == "2"
    # the unit's name heads the row (it stays while the periods scroll); periods titled «Quý I/2019»
    assert page.board.verticalHeaderItem(row).text() == dict(page.last_board.units)[C1]
    assert page.board.horizontalHeaderItem(0).text() == "Quý I/2019"
    assert "đúng hạn" in page.board_summary.text() and "/" in page.board_summary.text()
    assert "Đúng hạn" in page.board_legend.text() and "BC đã ký" in page.board_legend.text()
    assert page.keys_table.rowCount() == 3  # the province (confirmed), both communes (enrolled)
    assert page.write_receipt(C1, world.usb()) is not None
    # refused files show the reason, the page does not raise
    junk = world.root / "junk.pdpkg"
    junk.write_bytes(b"PK\x03\x04 broken")
    report = page.import_paths([junk])
    assert not report.ok and "BỊ TỪ CHỐI" in page.report_view.toPlainText()


def test_removable_drives_never_lists_the_system_drive():
    from plan_desktop.ui.pages.exchange_page import removable_drives

    assert all(v.rootPath() != "/" for v in removable_drives())


def test_page_with_protected_keys_and_nobody_logged_in(world, qtbot):
    access = pytest.importorskip("plan_desktop.services.access")
    from plan_desktop.exchange.keys import rewrap_keys
    from plan_desktop.paths import keys_dir
    from plan_desktop.ui.pages.exchange_page import ExchangePage

    if not hasattr(world.d, "login"):
        pytest.skip("installation has no sessions")
    ex.keys_overview(world.d)
    session = world.d.access.enable("mat-khau-can-bo", "mat-khau-phe-duyet")
    rewrap_keys(keys_dir(world.d.folder), None, session.protect)
    world.d.session = access.OPEN_SESSION
    page = ExchangePage(world.d)  # does not raise
    qtbot.addWidget(page)
    assert "đăng nhập" in page.fingerprint_label.text()
    report = page.import_paths([world.usb()])
    assert not report.ok and "đăng nhập" in page.report_view.toPlainText()


def test_keys_tab_lists_held_packages_and_approves_with_the_code(world, qtbot, tmp_path, monkeypatch):
    """A package signed by a key nobody confirmed (the commune reinstalled) is held: the keys tab shows
    its unit and short code; a wrong code confirms nothing; the right one imports the held package."""
    from tests.exchange.conftest import count, new_inst

    again = new_inst(tmp_path / "c1-new", C1)
    try:
        info = ex.apply_setup_file(again, ex.write_setup_file(world.d, C1, world.usb("s")))
        ex.approve_key(again, info.issuer, ex.own_keys(world.d).code)
        add_records(again, 2)
        pkg = ex.export_package(again, world.usb("new")).path
        code = ex.own_keys(again).code
    finally:
        again.close()
    page = ExchangePage(world.d)
    qtbot.addWidget(page)
    report = page.import_paths([pkg])
    assert not report.ok and report.files[0].held and count(world.d, unit=C1) == 0
    page.tabs.setCurrentWidget(page._tab_of[page.keys_box])
    page.show()
    assert page.pending_keys.rowCount() == 1 and page.pending_keys.item(0, 1).text() == code
    assert "chờ xác nhận" in page.tabs.tabText(page.tabs.indexOf(page._tab_of[page.keys_box]))
    shots = tmp_path / "shots"
    shots.mkdir()
    for w, h in ((1024, 768), (1366, 768)):
        page.resize(w, h)
        page.grab().save(str(shots / f"keys_pending_{w}.png"))
    import os

    if os.environ.get("PLAN_DESKTOP_SHOTS"):
        import shutil

        for f in shots.iterdir():
            shutil.copy(f, os.environ["PLAN_DESKTOP_SHOTS"])
    from PySide6.QtWidgets import QMessageBox

    warned = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: warned.append(a)))
    assert page.approve(C1, "AAAA-BBBB-CCCC-DDDD") is None and warned
    assert count(world.d, unit=C1) == 0 and page.pending_keys.rowCount() == 1
    res = page.approve(C1, code)
    assert res is not None and res.report.ok
    assert count(world.d, unit=C1) == 2 and not page.pending_keys.isVisible()
