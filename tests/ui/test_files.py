"""After saving a PDF, XLSX, backup or export the officer can open the file or its folder; save dialogs
start in Documents (or the last folder used), never the program's folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from plan_desktop.ui import files


@pytest.fixture
def opened(monkeypatch, tmp_path):
    """Record what would be opened; Documents is a folder of the test; no folder remembered yet."""
    calls: list[str] = []
    monkeypatch.setattr(files, "open_url", lambda url: calls.append(url.toLocalFile()) or True)
    monkeypatch.setattr(files, "_last_folder", None)
    docs = tmp_path / "Documents"
    docs.mkdir()
    monkeypatch.setattr(files, "documents", lambda: docs)
    return calls


def _save_dialog(monkeypatch, target: Path, seen: list[str]) -> None:
    def fake(parent, caption, start, flt="", *a, **k):
        seen.append(start)
        return str(target), flt

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))


def _click(box, name: str) -> None:
    next(b for b in box.buttons() if b.objectName() == name).click()


def test_report_pdf_and_xlsx_offer_to_open_and_remember_the_folder(qtbot, commune, monkeypatch, tmp_path, opened):
    from plan_desktop.ui.pages.report_page import ReportPage

    page = ReportPage(commune)
    qtbot.addWidget(page)
    usb = tmp_path / "usb"
    usb.mkdir()
    seen: list[str] = []
    _save_dialog(monkeypatch, usb / "bao-cao.pdf", seen)
    page._ask_save_pdf()
    assert Path(seen[0]).parent == files.documents()  # starts in Documents …
    assert Path(seen[0]).parent != Path(os.getcwd())
    box = page.open_box
    assert box.isVisible() and "bao-cao.pdf" in box.text()
    assert {b.text() for b in box.buttons()} >= {"Mở tệp", "Mở thư mục"}
    _click(box, "open_file")
    assert opened == [str((usb / "bao-cao.pdf").resolve())]

    _save_dialog(monkeypatch, usb / "bang.xlsx", seen)
    page._ask_save_xlsx()
    assert Path(seen[1]).parent == usb  # … then in the folder used last
    _click(page.open_box, "open_folder")
    assert opened[-1] == str(usb.resolve())


def test_backup_to_a_stick_offers_to_open_its_folder(qtbot, ctx, monkeypatch, tmp_path, opened):
    from plan_desktop.ui.pages.backup_panel import BackupPanel

    panel = BackupPanel(ctx)
    qtbot.addWidget(panel)
    seen: list[str] = []
    _save_dialog(monkeypatch, tmp_path / "sao-luu.sqlite", seen)
    path = panel.backup_to_file()
    assert path is not None and path.exists()
    assert Path(seen[0]).parent == files.documents()
    assert str(tmp_path) not in panel.status.text()  # the name, not the path
    _click(panel.open_box, "open_folder")
    assert opened == [str(tmp_path.resolve())]


def test_list_export_offers_to_open(window, ctx, qtbot, monkeypatch, tmp_path, opened):
    page = window.show_page("form:communication")
    seen: list[str] = []
    _save_dialog(monkeypatch, tmp_path / "hoat-dong.xlsx", seen)
    page.files._pick_export()
    assert (tmp_path / "hoat-dong.xlsx").exists()
    assert Path(seen[0]).parent == files.documents()
    _click(page.open_box, "open_file")
    assert opened == [str((tmp_path / "hoat-dong.xlsx").resolve())]


def test_restore_asks_khoi_phuc_or_huy_naming_the_date(qtbot, ctx, monkeypatch):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from plan_desktop.ui.pages.backup_panel import BackupPanel

    panel = BackupPanel(ctx)
    qtbot.addWidget(panel)
    panel.backup_now()
    assert "sqlite" not in panel.status.text()
    assert panel.table.rowCount() >= 1
    assert all("sqlite" not in panel.table.item(r, 0).text() for r in range(panel.table.rowCount()))
    panel.table.selectRow(0)
    seen: list[tuple[str, set[str]]] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append((box.text(), {b.text() for b in box.buttons()}))
            next(b for b in box.buttons() if b.text() == "Hủy").click()
        else:
            QTimer.singleShot(20, answer)

    QTimer.singleShot(0, answer)
    assert panel.restore_selected() is None
    text, buttons = seen[0]
    assert buttons == {"Khôi phục", "Hủy"}
    assert "bản sao lưu lúc" in text and ".sqlite" not in text
