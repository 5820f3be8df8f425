"""The district's board summarises the latest period that is due: «Quý I/2020: 18/21 đúng hạn»."""

from __future__ import annotations

from plan_desktop.services.exchange.history import Board, Cell


def test_board_summary_and_titles(qtbot, tmp_path):
    from plan_desktop.services.installation import Installation
    from plan_desktop.ui.pages.exchange_page import ExchangePage, period_title

    assert period_title("2020-Q1") == "Quý I/2020"
    assert period_title("2020-H2") == "6 tháng cuối/2020"
    assert period_title("2020-03") == "Tháng 3/2020"
    assert period_title("2020") == "Năm 2020"
    inst = Installation.init(tmp_path / "d", "353", officer="Lê Văn Nam", extra_settings={"working_year": 2020})
    try:
        page = ExchangePage(inst)
        qtbot.addWidget(page)
        units = [(f"{i:05d}", f"Xã {i}") for i in range(21)]
        statuses = ["on_time"] * 18 + ["late"] * 2 + ["missing"]
        cells = {}
        for (code, _), st in zip(units, statuses, strict=True):
            cells[(code, "2020-Q1")] = Cell(st, "2020-04-05" if st != "missing" else None)
            cells[(code, "2020-Q2")] = Cell("pending")
        board = Board(["2020-Q1", "2020-Q2"], units, cells, {c: None for c, _ in units}, {c: 0 for c, _ in units})
        assert page.board_summary_text(board) == "Quý I/2020: 18/21 đúng hạn · 2 muộn · 1 chưa nhận"
    finally:
        inst.close()
