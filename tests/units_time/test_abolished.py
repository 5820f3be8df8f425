"""A commune abolished on 01/01/2020 (13564, Thị trấn Vĩnh Trụ → 13597): records dated after its last
day are refused everywhere (dialog/service, CSV import, packages) naming the successor, and it still
sends its earlier years to the district it belonged to."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from plan_desktop.domain.units import default_registry
from plan_desktop.domain.validation import ValidationError
from plan_desktop.services import exchange as ex
from plan_desktop.services.tabular import import_file
from tests.exchange.conftest import comm_values, count, link, new_inst

GONE, SUCCESSOR, DISTRICT = "13564", "13597", "353"


@pytest.fixture
def gone(tmp_path: Path):
    inst = new_inst(tmp_path / "gone", GONE, year=2020)
    yield inst
    inst.close()


def test_registry_knows_last_day_successor_and_parent():
    units = default_registry()
    assert units.last_day(GONE) == date(2019, 12, 31)
    assert units.successor(GONE).code == SUCCESSOR
    assert units.parent(GONE, date(2020, 6, 1)) is None  # not in force: no parent that day
    assert units.parent_for(GONE, date(2020, 6, 1)).code == DISTRICT  # the one it had on its last day
    assert units.last_day(SUCCESSOR) is None  # a reused code still in force is not abolished
    assert units.successor("13462").code == "13474" and units.successor("13603").code == "13594"
    # every abolished code has a successor in force on the next day (the file and the lists agree)
    for code in units.all_codes():
        end = units.last_day(code)
        if end is not None and len(code) == 5:
            assert units.successor(code) is not None, code


def test_record_after_abolition_refused_with_successor(gone):
    svc = gone.records("tester")
    with pytest.raises(ValidationError) as err:
        svc.create("communication", comm_values(1, date=date(2020, 3, 5)))
    msg = str(err.value)
    assert "Ngày thực hiện" in msg and "31/12/2019" in msg and "Thị trấn Vĩnh Trụ (mã 13597)" in msg
    assert count(gone) == 0
    # the English for the window's second language names the successor too
    assert "record it there" in err.value.issues[0].message_for("en")
    svc.create("communication", comm_values(1, date=date(2019, 12, 31)))  # its last day is fine
    with pytest.raises(ValidationError):  # a yearly status of 2020 too
        svc.create("unit_status", {"year": 2020, "healthy": True})
    with pytest.raises(ValidationError):  # an officer starting in 2020
        svc.create("officer", {"full_name": "Trần Văn An", "since": date(2020, 2, 1)})
    assert count(gone) == 1


def test_csv_import_refuses_rows_after_abolition(gone, tmp_path):
    f = tmp_path / "tt.csv"
    f.write_text(
        "date,format,venue_type,topic,lead_org,audience,sessions\n"
        "2019-05-01,talk,residential,Tuyên truyền,police,youth,1\n"
        "05/03/2020,talk,residential,Tuyên truyền,police,youth,1\n",
        encoding="utf-8",
    )
    res = import_file(gone.records("tester"), "communication", f)
    assert not res.ok and res.created == 0
    assert len(res.errors) == 1 and res.errors[0].startswith("dòng 3, Ngày thực hiện:")
    assert "mã 13597" in res.errors[0]
    assert count(gone) == 0  # all or nothing


def test_abolished_commune_exports_earlier_years_to_its_district(gone, tmp_path):
    svc = gone.records("tester")
    for i, y in enumerate((2016, 2017, 2018, 2019)):
        svc.create("communication", comm_values(i, date=date(y, 6, 1)))
    usb = tmp_path / "usb"
    usb.mkdir()
    district = new_inst(tmp_path / "d", DISTRICT, year=2020)
    link(district, gone, tmp_path / "setup")  # the district (working on 2020) still writes its setup file
    res = ex.export_package(gone, usb)  # working year 2020: the unit's last year in force is used
    assert res.records == 4
    try:
        rep = ex.import_files(district, [res.path], save_report=False)
        assert rep.ok, rep.text()
        assert count(district, unit=GONE) == 4
        # with nothing new, the package still goes to the district (an empty export is valid)
        again = ex.export_package(gone, usb)
        assert ex.import_files(district, [again.path], save_report=False).ok
    finally:
        district.close()


def test_package_row_after_abolition_rejected_at_the_district(gone, tmp_path):
    svc = gone.records("tester")
    ok = svc.create("communication", comm_values(1, date=date(2019, 6, 1)))["id"]
    late = svc.create("communication", comm_values(2, date=date(2019, 6, 2)))["id"]
    # an older program accepted a 2020 date: the row arrives so
    gone.store.db.execute("UPDATE form_communication SET date = '2020-03-05' WHERE id = ?", [late])
    usb = tmp_path / "usb"
    usb.mkdir()
    district = new_inst(tmp_path / "d", DISTRICT, year=2020)
    link(district, gone, tmp_path / "setup")
    res = ex.export_package(gone, usb)
    try:
        rep = ex.import_files(district, [res.path], save_report=False)
        tally = rep.files[0].tally[(GONE, "communication")]
        assert (tally.new, tally.rejected) == (1, 1)
        assert any(late in r and "mã 13597" in r for r in tally.reasons)
        ids = {r["id"] for r in district.store.db.query("SELECT id FROM form_communication")}
        assert ids == {ok}
    finally:
        district.close()


def test_entry_dialog_shows_the_successor_at_the_date(gone, qtbot, tmp_path):
    pytest.importorskip("pytestqt")
    from plan_desktop.ui.entry_dialog import EntryDialog

    svc = gone.records("tester")
    dlg = EntryDialog(gone.store.forms["communication"], svc, record={"id": None, **comm_values(1)},
                      today=date(2020, 6, 1))
    qtbot.addWidget(dlg)
    dlg.resize(1024, 768)
    dlg.show()
    dlg.editor("date").set_value(date(2020, 3, 5))
    assert dlg.save() is False
    assert "Thị trấn Vĩnh Trụ (mã 13597)" in dlg.issue_text("date")
    assert count(gone) == 0
    dlg.grab().save(str(tmp_path / "abolished_dialog.png"))
    dlg.editor("date").set_value(date(2019, 12, 31))
    assert dlg.save() is True and count(gone) == 1
