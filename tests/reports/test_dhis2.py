"""DHIS2 files against DHIS2's documented structure, and the raw counts adding up to the program's
figures: the communes' own counts (and the district's own part) sum to the district's indicator."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest

from plan_desktop.cli import main
from plan_desktop.domain.plan import plan_for
from plan_desktop.domain.units import Level
from plan_desktop.reports.dhis2 import DEFAULT_CATEGORY_COMBO, data_value_set, metadata, raw_counts
from plan_desktop.reports.indicators import compute_indicators

UID = re.compile(r"^[A-Za-z][A-Za-z0-9]{10}$")
PERIOD = {"Y": re.compile(r"^\d{4}$"), "H": re.compile(r"^\d{4}S[12]$"), "Q": re.compile(r"^\d{4}Q[1-4]$"),
          "M": re.compile(r"^\d{4}(0[1-9]|1[0-2])$")}
DATA_ELEMENT_KEYS = {"id", "code", "name", "shortName", "domainType", "valueType", "aggregationType",
                     "categoryCombo"}


@pytest.fixture(scope="module")
def demo_district(tmp_path_factory):
    """Lý Nhân (353) with two demo years, 2019 and 2020 (7 communes of 2019 abolished in 2020, one here)."""
    from plan_desktop.services.demo import fill_demo
    from plan_desktop.services.installation import Installation

    folder = tmp_path_factory.mktemp("dhis2") / "huyen"
    inst = Installation.init(folder, "353", officer="Lê Thị Hoa", extra_settings={"working_year": 2019})
    fill_demo(inst, year=2019, today=date(2021, 1, 15))
    fill_demo(inst, year=2020, today=date(2021, 1, 15))
    yield inst
    inst.close()


@pytest.fixture(scope="module")
def meta(demo_district):
    return metadata(plan_for(demo_district.store.get_setting), demo_district.units, "35")


def test_metadata_structure(meta):
    assert set(meta) == {"dataElements", "indicatorTypes", "indicators", "dataSets", "organisationUnitLevels",
                         "organisationUnits"}
    ids = [o["id"] for key in meta for o in meta[key]]
    assert all(UID.match(i) for i in ids) and len(ids) == len(set(ids))
    des = meta["dataElements"]
    assert all(set(d) >= DATA_ELEMENT_KEYS and d["domainType"] == "AGGREGATE" for d in des)
    assert all(d["categoryCombo"] == {"id": DEFAULT_CATEGORY_COMBO} for d in des)
    assert len({d["code"] for d in des}) == len(des) == 17 and len({d["shortName"] for d in des}) == 17
    assert all(len(d["shortName"]) <= 50 and len(d["code"]) <= 50 for d in des)
    # indicators: formulas over the data elements of the file, the plan's target in the description
    de_ids = {d["id"] for d in des}
    type_ids = {t["id"]: t for t in meta["indicatorTypes"]}
    for ind in meta["indicators"]:
        for side in ("numerator", "denominator"):
            refs = re.findall(r"#\{([^}]+)\}", ind[side])
            assert set(refs) <= de_ids and (refs or ind[side] == "1"), ind
        assert ind["indicatorType"]["id"] in type_ids and "Mục tiêu:" in ind["description"]
    healthy = next(i for i in meta["indicators"] if i["code"] == "PCMD_HEALTHY_COMMUNES")
    assert "2020: 95 %" in healthy["description"] and type_ids[healthy["indicatorType"]["id"]]["factor"] == 100
    # one data set per period type, every data element and unit in each
    assert {s["periodType"] for s in meta["dataSets"]} == {"Yearly", "SixMonthly", "Quarterly", "Monthly"}
    ou_ids = {o["id"] for o in meta["organisationUnits"]}
    for ds in meta["dataSets"]:
        assert {e["dataElement"]["id"] for e in ds["dataSetElements"]} == de_ids
        assert {o["id"] for o in ds["organisationUnits"]} == ou_ids
        assert ds["categoryCombo"] == {"id": DEFAULT_CATEGORY_COMBO}


def test_metadata_org_unit_tree_with_2020_changes(meta):
    ous = {o["code"]: o for o in meta["organisationUnits"]}
    assert len(ous) == 1 + 6 + 116  # every code that was ever in force: 2016 list, nothing new in 2020
    assert "parent" not in ous["35"] and all(
        o["parent"]["id"] in {p["id"] for p in ous.values()} for c, o in ous.items() if c != "35")
    assert ous["13564"]["closedDate"].startswith("2019-12-31") and ous["13564"]["openingDate"].startswith("2016-01-01")
    assert sum("closedDate" in o for o in ous.values()) == 7
    assert ous["13597"]["name"] == "Thị trấn Vĩnh Trụ" and "Xã Đồng Lý" in ous["13597"]["description"]
    assert ous["349"]["name"] == "Thị xã Duy Tiên"
    assert len({o["shortName"] for o in ous.values()}) == len(ous)  # the two Vĩnh Trụ told apart
    assert [(lv["name"], lv["level"]) for lv in meta["organisationUnitLevels"]] == [
        ("Tỉnh", 1), ("Huyện", 2), ("Xã", 3)]


@pytest.mark.parametrize("period,dhis2,kind", [("2019", "2019", "Y"), ("2019-H1", "2019S1", "H"),
                                               ("2019-Q3", "2019Q3", "Q"), ("2019-07", "201907", "M")])
def test_data_value_set_structure(demo_district, meta, period, dhis2, kind):
    dvs = data_value_set(demo_district, period, complete_date=date(2020, 1, 20))
    assert set(dvs) == {"dataSet", "completeDate", "period", "orgUnit", "dataValues"}
    assert dvs["period"] == dhis2 and PERIOD[kind].match(dvs["period"]) and dvs["completeDate"] == "2020-01-20"
    ds = next(s for s in meta["dataSets"] if s["code"] == dvs["dataSet"])
    assert ds["periodType"] == {"Y": "Yearly", "H": "SixMonthly", "Q": "Quarterly", "M": "Monthly"}[kind]
    de_codes = {d["code"] for d in meta["dataElements"]}
    ou_codes = {o["code"] for o in meta["organisationUnits"]}
    assert dvs["orgUnit"] == "353"
    for v in dvs["dataValues"]:
        assert set(v) == {"dataElement", "period", "orgUnit", "value"} and isinstance(v["value"], str)
        assert v["dataElement"] in de_codes and v["orgUnit"] in ou_codes and v["period"] == dhis2
        assert re.fullmatch(r"-?\d+(\.\d+)?", v["value"])
    # every commune in force has its own numbers, not only the district's total
    communes = {u.code for u in demo_district.units.descendants("353", date(2019, 12, 31), Level.COMMUNE)}
    assert communes <= {v["orgUnit"] for v in dvs["dataValues"]} and len(communes) == 23


@pytest.mark.parametrize("year", [2019, 2020])
def test_communes_raw_counts_add_up_to_the_district(demo_district, year):
    dvs = data_value_set(demo_district, str(year))
    plan = plan_for(demo_district.store.get_setting)
    additive = {rc.code: rc for rc in raw_counts(plan) if rc.additive}
    district = {v.id: v for v in compute_indicators(demo_district, year)}
    on = date(year, 12, 31)
    communes = [u.code for u in demo_district.units.descendants("353", on, Level.COMMUNE)]
    checked = 0
    for code, rc in additive.items():
        got = [v for v in dvs["dataValues"] if v["dataElement"] == code]
        want = getattr(district[rc.indicator], rc.part)
        if want is None:
            assert not got
            continue
        assert sum(float(v["value"]) for v in got) == pytest.approx(want), code  # the whole tree
        checked += 1
    assert checked >= 12
    # each commune's value is the program's figure for that commune
    for commune in communes[:5]:
        own = {v.id: v for v in compute_indicators(demo_district, year, commune)}
        for v in dvs["dataValues"]:
            if v["orgUnit"] == commune:
                rc = next(r for r in raw_counts(plan) if r.code == v["dataElement"])
                assert float(v["value"]) == getattr(own[rc.indicator], rc.part)
    # the communes alone give the district's share of communes with communication (the district is no commune)
    num = [v for v in dvs["dataValues"] if v["dataElement"] == "PCMD_COMMUNES_WITH_COMMUNICATION_NUM"]
    assert sum(float(v["value"]) for v in num if v["orgUnit"] in communes) == district[
        "communes_with_communication"].numerator
    den = sum(float(v["value"]) for v in dvs["dataValues"]
              if v["dataElement"] == "PCMD_COMMUNES_WITH_COMMUNICATION_DEN" and v["orgUnit"] in communes)
    assert den == len(communes) == district["communes_with_communication"].denominator
    # and DHIS2's indicator formula over the summed counts gives the program's percentage
    ind = district["cases_handled"]
    if ind.denominator:
        s = {c: sum(float(v["value"]) for v in dvs["dataValues"] if v["dataElement"] == c)
             for c in ("PCMD_CASES_HANDLED_NUM", "PCMD_CASES_HANDLED_DEN")}
        assert 100 * s["PCMD_CASES_HANDLED_NUM"] / s["PCMD_CASES_HANDLED_DEN"] == pytest.approx(ind.value)


def test_cli_dhis2_files(demo_district, tmp_path, capsys):
    from plan_desktop.paths import db_path
    from plan_desktop.services import backup

    # the module's installation stays open: the commands work on a copy in another data folder
    copy = tmp_path / "copy"
    copy.mkdir()
    backup.make_backup(demo_district.store, demo_district.folder, out=db_path(copy))
    meta_file, data_file = tmp_path / "meta.json", tmp_path / "data.json"
    assert main(["--data-dir", str(copy), "dhis2", "metadata", "--out", str(meta_file)]) == 0
    assert "17 phần tử dữ liệu, 9 chỉ số, 4 bộ dữ liệu, 123 đơn vị" in capsys.readouterr().out
    assert main(["--data-dir", str(copy), "dhis2", "data", "--period", "2019-Q3", "--unit", "13597",
                 "--out", str(data_file)]) == 0
    assert "dataElementIdScheme=CODE&orgUnitIdScheme=CODE" in capsys.readouterr().out
    data = json.loads(data_file.read_text(encoding="utf-8"))
    assert data["period"] == "2019Q3" and data["orgUnit"] == "13597" and data["dataSet"] == "PCMD_Q"
    assert {v["orgUnit"] for v in data["dataValues"]} == {"13597"}
    meta = json.loads(meta_file.read_text(encoding="utf-8"))
    assert {v["dataElement"] for v in data["dataValues"]} <= {d["code"] for d in meta["dataElements"]}
    assert main(["--data-dir", str(copy), "dhis2", "data", "--period", "2019-Q5", "--out", str(data_file)]) != 0
    assert "Kỳ báo cáo" in capsys.readouterr().err
