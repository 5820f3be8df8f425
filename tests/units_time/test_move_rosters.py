"""The district moves an abolished commune's rosters to its successor in one audited step."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from plan_desktop.reports.indicators import compute_indicators
from plan_desktop.services import exchange as ex
from plan_desktop.services.records import RecordError
from plan_desktop.services.unit_changes import abolished_units, move_rosters
from plan_desktop.store.ids import moved_id
from tests.exchange.conftest import count, link, new_inst

GONE, SUCCESSOR, DISTRICT = "13564", "13597", "353"


def _fill_gone_commune(inst) -> dict[str, list[str]]:
    svc = inst.records("tester")
    officers = [
        svc.create("officer", {"full_name": f"Cán bộ {i}", "role": "part_time", "since": date(2016 + i, 3, 1)})["id"]
        for i in range(3)
    ]
    retired = svc.create("officer", {"full_name": "Cán bộ đã nghỉ", "since": date(2016, 1, 1),
                                     "until": date(2018, 6, 30)})["id"]
    est = [
        svc.create("establishment", {"name": f"Nhà nghỉ {i}", "kind": "guesthouse", "opened_on": date(2015, 1, 1),
                                     "suspected": True, "suspected_since": date(2015, 6, 1)})["id"]
        for i in range(2)
    ]
    closed = svc.create("establishment", {"name": "Quán đã đóng", "kind": "karaoke", "opened_on": date(2015, 1, 1),
                                          "closed_on": date(2019, 5, 1), "suspected": True})["id"]
    model = svc.create("support_model", {"name": "Nhóm đồng đẳng", "model_type": "peer_group",
                                         "established_on": date(2017, 1, 1)})["id"]
    svc.create("training", {"start_date": date(2018, 4, 2), "title": "Tập huấn điều hành", "level": "commune",
                            "content": ["management", "interagency", "monitoring"], "trainee_group": "officers",
                            "trainees": 2, "officers": officers[:2]})
    return {"officers": officers, "retired": [retired], "est": est, "closed": [closed], "model": [model]}


@pytest.fixture
def district(tmp_path: Path):
    gone = new_inst(tmp_path / "gone", GONE, year=2019)
    ids = _fill_gone_commune(gone)
    usb = tmp_path / "usb"
    usb.mkdir()
    d = new_inst(tmp_path / "d", DISTRICT, year=2020)
    link(d, gone, tmp_path / "setup")
    pkg = ex.export_package(gone, usb).path
    gone.close()
    assert ex.import_files(d, [pkg], save_report=False).ok
    yield d, ids
    d.close()


def _ind(inst, year, iid):
    return next(v for v in compute_indicators(inst, year) if v.id == iid)


def test_move_rosters_to_successor_once_and_audited(district):
    d, ids = district
    before_2019 = {v.id: (v.numerator, v.denominator) for v in compute_indicators(d, 2019)}
    assert _ind(d, 2020, "officers_trained").denominator == 3  # still counted in 2020 at the abolished commune
    pending = {a.unit.code: a for a in abolished_units(d)}
    assert set(pending) == {"13564", "13603"}
    assert pending[GONE].successor.code == SUCCESSOR
    assert pending[GONE].pending == {"officer": 3, "establishment": 2, "support_model": 1}

    res = move_rosters(d, GONE, actor="Chuyên viên huyện")
    assert res.moved == {"officer": 3, "establishment": 2, "support_model": 1}
    assert "Thị trấn Vĩnh Trụ (mã 13597)" in res.text()
    # the originals end on the last day (an establishment's closing day is the first day it is not open)
    db = d.store.db
    until = {r["id"]: r["until"] for r in db.query("SELECT id, until FROM form_officer WHERE unit_code = ?", [GONE])}
    assert [until[i] for i in ids["officers"]] == ["2019-12-31"] * 3 and until[ids["retired"][0]] == "2018-06-30"
    closed = {r["id"]: r["closed_on"] for r in db.query("SELECT id, closed_on FROM form_establishment")}
    assert [closed[i] for i in ids["est"]] == ["2020-01-01"] * 2 and closed[ids["closed"][0]] == "2019-05-01"
    # the copies begin at the successor the next day, with derived ids, the rest of their content kept
    copies = {r["id"]: r for r in db.query("SELECT * FROM form_officer WHERE unit_code = ?", [SUCCESSOR])}
    assert set(copies) == {moved_id(i) for i in ids["officers"]}
    assert {r["since"] for r in copies.values()} == {"2020-01-01"}
    est = list(db.query("SELECT * FROM form_establishment WHERE unit_code = ?", [SUCCESSOR]))
    assert len(est) == 2 and all(r["suspected"] == 1 and r["suspected_since"] == "2015-06-01" for r in est)
    # one audit row per record written, action «move», and the chain still verifies
    moves = list(db.query("SELECT * FROM audit_log WHERE action = 'move'"))
    assert len(moves) == 12 and {m["actor"] for m in moves} == {"Chuyên viên huyện"}
    assert all(m["note"] == "chuyển từ 13564 sang 13597 từ 2020-01-01" for m in moves)
    assert d.store.check() == []

    # 2020 counts each officer, business and model once, and the trained officers stay trained
    o = _ind(d, 2020, "officers_trained")
    assert (o.numerator, o.denominator) == (2, 3)
    assert _ind(d, 2020, "support_models").numerator == 1
    # earlier years do not change
    assert {v.id: (v.numerator, v.denominator) for v in compute_indicators(d, 2019)} == before_2019

    # a second run moves nothing; nothing left pending
    again = move_rosters(d, GONE)
    assert again.total == 0 and "không có gì để chuyển" in again.text()
    assert {a.unit.code: a.pending_total for a in abolished_units(d)}[GONE] == 0
    assert count(d, "officer", unit=SUCCESSOR) == 3


def test_move_refusals(district):
    from plan_desktop.services.access import OFFICER, AccessError, Session

    d, _ = district
    d.session = Session(OFFICER)  # the officer who enters data does not move other units' rosters
    with pytest.raises(AccessError, match="người phê duyệt"):
        move_rosters(d, GONE)
    d.session = Session("approver")
    with pytest.raises(RecordError, match="vẫn còn trong danh mục"):
        move_rosters(d, SUCCESSOR)
    with pytest.raises(RecordError, match="không có trong danh mục vào ngày 01/01/2020"):
        move_rosters(d, GONE, "13603")
    with pytest.raises(RecordError, match="phải cùng thuộc"):
        move_rosters(d, GONE, "13474")  # a commune of Thanh Liêm
    assert count(d, "officer", unit=SUCCESSOR) == 0  # nothing written


def test_cli_abolished_and_move_rosters(district, capsys):
    from plan_desktop.cli import main

    d, _ = district
    folder = str(d.folder)
    d.close()  # the command opens the folder itself
    assert main(["--data-dir", folder, "units", "abolished"]) == 0
    listed = capsys.readouterr().out
    assert "13564" in listed and "Thị trấn Vĩnh Trụ (13597)" in listed and "còn 3 cán bộ, 2 cơ sở, 1 mô hình" in listed
    assert main(["--data-dir", folder, "units", "move-rosters", "--from", "13564", "--to", "13597"]) == 0
    assert "Đã chuyển 3 cán bộ, 2 cơ sở kinh doanh, 1 mô hình hỗ trợ" in capsys.readouterr().out
    assert main(["--data-dir", folder, "units", "move-rosters", "--from", "13597"]) != 0
    assert "vẫn còn trong danh mục" in capsys.readouterr().err
    assert main(["--data-dir", folder, "units", "move-rosters"]) != 0


def test_district_exchange_page_moves_rosters(district, qtbot, tmp_path):
    pytest.importorskip("pytestqt")
    from plan_desktop.ui.pages.exchange_page import ExchangePage

    d, _ = district
    service = d.records("Chuyên viên huyện")
    heard = []
    service.subscribe(heard.append)
    page = ExchangePage(d, service=service)
    qtbot.addWidget(page)
    page.resize(1024, 768)
    page.show()
    assert page.move_button.isVisible()
    assert "Thị trấn Vĩnh Trụ (13564) → Thị trấn Vĩnh Trụ (13597)" in page.move_label.text()
    page.grab().save(str(tmp_path / "exchange_move_before.png"))
    res = page.move_rosters_of(GONE)
    assert res is not None and res.total == 6
    assert {c.form_id for c in heard} == {"officer", "establishment", "support_model"}
    assert all(c.action == "move" for c in heard)
    assert not page.move_button.isVisible()  # nothing left to move
    assert "Đã chuyển" in page.move_label.text() and "3 cán bộ" in page.move_label.text()
    page.grab().save(str(tmp_path / "exchange_move_after.png"))
