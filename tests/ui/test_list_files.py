"""The «Excel/CSV» menu of a list: an officer imports a spreadsheet (all or nothing, every mistake
named), exports what the list shows, and saves a blank file to fill in."""

from __future__ import annotations

import csv
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tests.ui.samples import SAMPLES


def _write(path, *lines: str) -> None:
    path.write_text("".join(lines), encoding="utf-8")


def _menu_texts(page) -> list[str]:
    return [a.text() for a in page.files.button.menu().actions()]


def test_import_a_spreadsheet_through_the_menu(window, ctx, qtbot, tmp_path, monkeypatch):
    page = window.show_page("form:communication")
    assert page.files.button.isVisible()
    assert _menu_texts(page) == ["Nhập từ tệp Excel/CSV…", "Xuất danh sách đang xem ra Excel/CSV…",
                                 "Lưu tệp mẫu để điền…"]
    bad = tmp_path / "sai.csv"
    _write(bad, '"Ngày thực hiện","Hình thức","Địa bàn","Chủ đề, nội dung","Đơn vị chủ trì","Đối tượng",'
                '"Số người tham dự","Trong đó nữ"\n',
           '05/03/2019,Nói chuyện chuyên đề; hội nghị,Khu dân cư,Tuyên truyền,Công an,Người dân,120,30\n',
           '06/03/2019,talk,residential,Nói chuyện,police,Thanh niên,10,20\n')
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    page.files.import_action.trigger()
    box = page.files.result_box
    assert box.icon() == QMessageBox.Icon.Warning
    assert "có 2 lỗi nên chưa ghi bản ghi nào" in box.text()
    assert "dòng 2, Hình thức:" in box.detailedText() and "dòng 3, Trong đó nữ:" in box.detailedText()
    assert page.model.rowCount() == 0  # all or nothing
    box.close()

    good = tmp_path / "dung.csv"
    _write(good, '"Ngày thực hiện","Hình thức","Địa bàn","Chủ đề, nội dung","Đơn vị chủ trì","Đối tượng",'
                 '"Số người tham dự","Trong đó nữ"\n',
           '05/03/2019,"Nói chuyện chuyên đề, hội nghị",Khu dân cư,Tuyên truyền,Công an,"Người dân; Thanh niên",'
           '1.250,30\n',
           '06/03/2019,group_discussion,residential,Nói chuyện,police,youth,10,2\n')
    messages = []
    page.status_message.connect(messages.append)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(good), ""))
    page.files.import_action.trigger()
    assert page.files.result_box.icon() == QMessageBox.Icon.Information
    assert "Đã nhập 2 bản ghi từ dung.csv (mới: 2, cập nhật: 0, không đổi: 0)." in messages
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)  # the list shows them at once
    page.files.result_box.close()
    # a header the form does not know: named, with the columns it does know
    wrong = tmp_path / "cot.csv"
    _write(wrong, "Ngày,Hình thức\n05/03/2019,talk\n")
    assert page.files.import_path(wrong) is None
    assert "Ngày" in page.files.result_box.text() and "Ngày thực hiện (date)" in page.files.result_box.text()
    page.files.result_box.close()
    # a file that is not a spreadsheet: said so, nothing written
    other = tmp_path / "anh.png"
    other.write_bytes(b"\x89PNG")
    assert page.files.import_path(other) is None
    assert "chỉ nhận tệp .csv hoặc .xlsx" in page.files.result_box.text()
    page.files.result_box.close()


def test_export_what_the_list_shows_and_a_blank_template(window, ctx, qtbot, tmp_path, monkeypatch):
    for d, topic in (("2019-02-10", "Phòng chống mại dâm"), ("2019-05-10", "An toàn giao thông"),
                     ("2018-12-30", "Phòng chống mại dâm")):
        ctx.service.create("communication", {**SAMPLES["communication"], "date": d, "topic": topic})
    page = window.show_page("form:communication")
    page.search.setText("mai dam")
    page.apply_filter()
    assert page.model.rowCount() == 1  # 2019, and the search
    seen = {}

    def save_as(parent, caption, name, filters):
        seen["name"] = name
        return str(tmp_path / "xuat"), ""  # no suffix typed: .xlsx

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    page.files.export_action.trigger()
    assert Path(seen["name"]).name == "Hoạt động truyền thông - Năm 2019.xlsx"
    rows = list(load_workbook(tmp_path / "xuat.xlsx").worksheets[0].iter_rows(values_only=True))
    assert len(rows) == 2 and rows[1][rows[0].index("Chủ đề, nội dung")] == "Phòng chống mại dâm"
    # the blank file: the header only, and it imports (nothing to add)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "mau.csv"), ""))
    page.files.template_action.trigger()
    with (tmp_path / "mau.csv").open(encoding="utf-8-sig", newline="") as fh:
        (header,) = list(csv.reader(fh))
    assert header[0] == "id" and "Ngày thực hiện" in header and len(header) == 1 + len(page.form.fields)
