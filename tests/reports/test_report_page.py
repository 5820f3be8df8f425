"""The report page as an officer uses it: pick a period, write III–V, preview, save, print."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtWidgets")

from tests.reports.conftest import comm, flat, pdf_text


@pytest.fixture
def page(qtbot, commune, service):
    from plan_desktop.ui.pages.report_page import ReportPage

    comm(service, None, "2019-03-05", participants=1250, participants_female=600)
    commune.store.set_settings({"signer_name": "Nguyễn Văn Chính"})
    w = ReportPage(commune, today=date(2020, 1, 6))
    qtbot.addWidget(w)
    w.resize(1200, 800)
    return w


def test_defaults_and_drafts_survive(page, commune, qtbot):
    from plan_desktop.ui.pages.report_page import ReportPage

    assert page.period == "2019"  # in January 2020 the report due is the year 2019
    page.text_edits["assessment"].setPlainText("Các ngành phối hợp tốt trong năm.")
    page.number_edit.setText("7")
    page.save_draft()
    assert commune.store.get_setting("report_draft:2019")["assessment"] == "Các ngành phối hợp tốt trong năm."
    again = ReportPage(commune, today=date(2020, 1, 6))
    qtbot.addWidget(again)
    assert again.text_edits["assessment"].toPlainText() == "Các ngành phối hợp tốt trong năm."
    assert again.number_edit.text() == "7"
    page.set_period("2019-H1")
    assert page.text_edits["assessment"].toPlainText() == ""  # each period keeps its own draft


def test_preview_save_and_print(page, tmp_path: Path):
    page.text_edits["tasks"].setPlainText("Tăng cường kiểm tra cơ sở karaoke, nhà nghỉ.")
    assert page.refresh_preview()
    from plan_desktop.ui.pages.report_page import HAVE_QTPDF

    if HAVE_QTPDF:
        assert page.page_count() >= 3
    out = page.save_pdf(tmp_path / "bc")
    assert out.suffix == ".pdf"
    body = flat(" ".join(pdf_text(out)))
    assert "thu hút 1.250 lượt người" in body and "Tăng cường kiểm tra cơ sở karaoke, nhà nghỉ." in body
    assert "Nguyễn Văn Chính" in body
    x = page.save_xlsx(tmp_path / "bc.xlsx")
    assert x.exists()
    if HAVE_QTPDF:
        from PySide6.QtPrintSupport import QPrinter

        printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "printed.pdf"))
        assert page.print_to(printer) == page.page_count()
        assert (tmp_path / "printed.pdf").stat().st_size > 10_000


def test_district_page_offers_its_communes(qtbot, district):
    from plan_desktop.ui.pages.report_page import ReportPage

    w = ReportPage(district, today=date(2020, 1, 6))
    qtbot.addWidget(w)
    names = [w.unit_box.itemText(i).strip() for i in range(w.unit_box.count())]
    assert names[0] == "Huyện Lý Nhân" and "Xã Đồng Lý" in names and len(names) == 24
    w.set_period("2020")
    names = [w.unit_box.itemText(i).strip() for i in range(w.unit_box.count())]
    assert "Thị trấn Vĩnh Trụ" in names and "Xã Nhân Hưng" not in names


def test_text_typed_just_before_switching_period_is_kept(page, commune):
    page.text_edits["requests"].setPlainText("Đề nghị hỗ trợ kinh phí.")
    assert page._autosave.isActive()  # not yet saved …
    page.set_period("2019-H2")  # … switching saves it for 2019, not for 2019-H2
    assert commune.store.get_setting("report_draft:2019")["requests"] == "Đề nghị hỗ trợ kinh phí."
    assert commune.store.get_setting("report_draft:2019-H2") is None
    assert page.text_edits["requests"].toPlainText() == ""


def test_vietnamese_typed_as_an_ime_delivers_it(page, commune):
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    edit = page.text_edits["assessment"]
    edit.setFocus()
    for ch in "Ưu điểm: phối hợp tốt":
        QApplication.sendEvent(edit, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown,
                                               Qt.KeyboardModifier.NoModifier, ch))
    assert edit.toPlainText() == "Ưu điểm: phối hợp tốt"
    page.save_draft()
    assert commune.store.get_setting("report_draft:2019")["assessment"] == "Ưu điểm: phối hợp tốt"
