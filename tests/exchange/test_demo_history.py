"""The demo at a district: its communes' records come with a received-packages history (as if they
had come on USB sticks), the completeness board is filled in, and a real package still imports."""

from __future__ import annotations

from datetime import date

from plan_desktop.domain.units import Level
from plan_desktop.services import exchange as ex
from plan_desktop.services.demo import fill_demo
from plan_desktop.store import Query
from tests.exchange.conftest import C1, DISTRICT, YEAR, add_records, link, new_inst

TODAY = date(YEAR + 1, 3, 1)


def test_demo_district_has_a_received_history_per_commune_and_quarter(tmp_path):
    d = new_inst(tmp_path / "d", DISTRICT)
    try:
        fill_demo(d, year=YEAR, today=TODAY)
        communes = [u.code for u in d.units.descendants(DISTRICT, date(YEAR, 12, 31), Level.COMMUNE)]
        rows = list(d.store.db.query("SELECT * FROM exchange_received ORDER BY unit_code, seq"))
        assert {r["unit_code"] for r in rows} == set(communes)
        for code in communes:
            mine = [r for r in rows if r["unit_code"] == code]
            assert [r["seq"] for r in mine] == [1, 2, 3, 4] and all(r["via_unit"] is None for r in mine)
            assert all(r["created_at"][:10] > r["period_to"] for r in mine)  # sent after the quarter
            # the packages carried exactly the commune's records dated in the year (a roster's too: by
            # the date it began, not by the period it was in force)
            year = Query(unit_code=code, start=date(YEAR, 1, 1), end=date(YEAR, 12, 31), by_date=True)
            dated = sum(d.store.count(f, year) for f in d.store.forms.values() if f.period_field)
            assert sum(r["records"] for r in mine) == dated
        # no key is on record for them: none is trusted before an approver confirms it
        assert ex.keys_overview(d)[1] == []

        board = ex.completeness(d, year=YEAR, today=TODAY)
        cells = [board.cells[(code, p)] for code in communes for p in board.periods]
        assert {c.status for c in cells} <= {"on_time", "late"} and any(c.status == "on_time" for c in cells)
        assert any(c.report_signed for c in cells)
        assert d.store.check() == []

        # a real package of a commune imports on top of the demo history
        c1 = new_inst(tmp_path / "c1", C1)
        try:
            link(d, c1, tmp_path / "setup")
            add_records(c1, 2)
            pkg = ex.export_package(c1, tmp_path / "usb").path
        finally:
            c1.close()
        rep = ex.import_files(d, [pkg], save_report=False)
        assert rep.ok and rep.files[0].new_keys and not rep.gaps
    finally:
        d.close()


def test_demo_at_a_commune_leaves_the_exchange_history_empty(tmp_path):
    """A commune's demo has nothing received, and its first real package is number 1."""
    c1 = new_inst(tmp_path / "c1", C1)
    d = new_inst(tmp_path / "d", DISTRICT)
    try:
        link(d, c1, tmp_path / "setup")
        fill_demo(c1, year=YEAR, today=TODAY)
        assert c1.store.db.execute("SELECT COUNT(*) FROM exchange_received").fetchone()[0] == 0
        assert ex.export_history(c1) == []
        assert ex.export_package(c1, tmp_path / "usb").sequence == 1
    finally:
        c1.close()
        d.close()


def test_export_says_it_carries_demo_data(world, capsys):
    from pathlib import Path

    from plan_desktop.cli import main

    fill_demo(world.c1, year=2019, today=date(2020, 1, 10))
    c1 = str(world.root / "c1")
    world.c1.close()
    assert main(["--data-dir", c1, "export", "--out", str(world.usb())]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert Path(lines[-1]).exists()
    assert "chứa dữ liệu mẫu do lệnh «demo» tạo (năm 2019), không phải số liệu thật" in lines[-2]
