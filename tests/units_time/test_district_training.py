"""A district training lists the officers of its communes (as they arrived in packages): indicator 9
counts each officer once, and section 3 of the district report counts a class once when a commune
recorded the same course."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from plan_desktop.domain.validation import ValidationError
from plan_desktop.reports.indicators import compute_indicators
from plan_desktop.reports.periodic import build_report
from plan_desktop.services import exchange as ex
from tests.exchange.conftest import link, new_inst

COMMUNE, OTHER, DISTRICT, PROVINCE = "13597", "13594", "353", "35"
DAY = date(2019, 4, 5)


def _training(officers, level="district", day=DAY, trainees=30):
    return {"start_date": day, "title": "Tập huấn tổ chức điều hành công tác phòng, chống mại dâm", "level": level,
            "content": ["management", "interagency", "monitoring"], "trainee_group": "officers", "trainees": trainees,
            "officers": officers}


@pytest.fixture
def world(tmp_path: Path):
    district = new_inst(tmp_path / "d", DISTRICT)
    commune = new_inst(tmp_path / "c", COMMUNE)
    link(district, commune, tmp_path / "setup")
    svc = commune.records("xã")
    officers = [svc.create("officer", {"full_name": f"Cán bộ xã {i}", "since": date(2017, 1, 1)})["id"]
                for i in range(3)]
    # the commune also recorded the district's class its officers went to (the old way), and one of its own
    svc.create("training", _training(officers[:2]))
    svc.create("training", _training(officers[2:], level="commune", day=date(2019, 6, 1), trainees=12))
    usb = tmp_path / "usb"
    usb.mkdir()
    pkg = ex.export_package(commune, usb).path
    other = new_inst(tmp_path / "o", OTHER)  # another commune of the district, not in the class
    link(district, other, tmp_path / "setup")
    other_officer = other.records("xã").create("officer", {"full_name": "Cán bộ xã khác", "since": date(2018, 1, 1)})
    pkg2 = ex.export_package(other, usb).path
    assert ex.import_files(district, [pkg, pkg2], save_report=False).ok
    yield district, officers, other_officer["id"], tmp_path
    for inst in (commune, other, district):
        inst.close()


def test_district_training_names_commune_officers(world):
    district, officers, other_officer, _ = world
    svc = district.records("huyện")
    own = svc.create("officer", {"full_name": "Chuyên viên huyện", "since": date(2016, 1, 1)})["id"]
    svc.create("training", _training([own, *officers]))
    before = next(v for v in compute_indicators(district, 2019) if v.id == "officers_trained")
    # 3 commune officers + the district's own + the other commune's: 5 on the roster, 4 trained, each once
    # although two of them appear in both the district's and the commune's record of the class
    assert (before.numerator, before.denominator) == (4, 5)
    assert other_officer not in svc.get("training", next(
        r["id"] for r in district.store.db.query("SELECT id FROM form_training WHERE unit_code = ?", [DISTRICT])
    ))["officers"]
    # an id that is no officer anywhere below is refused, as before
    with pytest.raises(ValidationError, match="không tìm thấy 1 bản ghi"):
        svc.create("training", _training([own, "0190f0aa-0000-7000-8000-000000000000"]))


def test_commune_cannot_name_another_communes_officer(world, tmp_path):
    _, officers, _, root = world
    from plan_desktop.services.installation import Installation

    other = Installation.open(root / "o")
    try:
        with pytest.raises(ValidationError, match="không tìm thấy 1 bản ghi"):
            other.records("xã").create("training", _training([officers[0]], level="commune"))
    finally:
        other.close()


def test_district_report_counts_the_class_once(world):
    district, officers, _, _ = world
    svc = district.records("huyện")
    before = build_report(district, "2019", report_date=date(2020, 1, 10))
    sec = next(s for s in before.sections if s.title.startswith("3."))
    assert "2 lớp tập huấn với 42 lượt học viên" in sec.paragraphs[0]  # the commune's two records
    # the district records its class (35 trainees from all its communes), with the communes' officers
    svc.create("training", _training(officers, trainees=35))
    after = build_report(district, "2019", report_date=date(2020, 1, 10))
    sec = next(s for s in after.sections if s.title.startswith("3."))
    # the district's class (35) and the commune's own class (12); the commune's record of the district's
    # class (30) is not counted again
    assert "2 lớp tập huấn với 47 lượt học viên" in sec.paragraphs[0]
    table = sec.tables[0]
    by_level = {r[0]: r[1] for r in table.rows}
    assert by_level == {"Cấp xã": 1, "Cấp huyện": 1}


def test_province_receives_district_training_with_commune_officers(world, tmp_path):
    district, officers, _, _ = world
    district.records("huyện").create("training", _training(officers))
    usb = tmp_path / "up"
    usb.mkdir()
    province = new_inst(tmp_path / "p", PROVINCE)
    link(province, district, tmp_path / "setup")
    pkg = ex.export_package(district, usb).path
    try:
        rep = ex.import_files(province, [pkg], save_report=False)
        assert rep.ok, rep.text()
        assert not any("tham chiếu" in w for f in rep.files for w in f.warnings), rep.text()
        ind = next(v for v in compute_indicators(province, 2019) if v.id == "officers_trained")
        assert (ind.numerator, ind.denominator) == (3, 4)
    finally:
        province.close()


def test_district_training_dialog_offers_commune_officers(world, qtbot):
    pytest.importorskip("pytestqt")
    from plan_desktop.ui.entry_dialog import EntryDialog

    district, _, _, root = world
    svc = district.records("huyện")
    svc.create("officer", {"full_name": "Chuyên viên huyện", "since": date(2016, 1, 1)})
    dlg = EntryDialog(district.store.forms["training"], svc)
    qtbot.addWidget(dlg)
    dlg.resize(1024, 768)
    dlg.show()
    lst = dlg.rows["officers"].editor.list
    titles = [lst.item(i).text() for i in range(lst.count())]
    assert "Chuyên viên huyện" in titles
    assert "Cán bộ xã 0 — Thị trấn Vĩnh Trụ" in titles and "Cán bộ xã khác — Xã Trần Hưng Đạo" in titles
    dlg.grab().save(str(root / "district_training_dialog.png"))
