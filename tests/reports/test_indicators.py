"""Each of the nine plan indicators against hand-computed values, over the units in force that year.

Data set (province installation 35, records of districts and communes as if imported):
- Lý Nhân (353) has 23 communes in 2019 and 21 in 2020: 13603 (Xã Nhân Hưng) was abolished on
  2020-01-01 and 13597 was Xã Đồng Lý in 2019, Thị trấn Vĩnh Trụ in 2020. The province has 116
  communes in 2019 and 109 in 2020, and 6 districts both years.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from plan_desktop.reports.indicators import compute_indicators, indicators_dhis2, indicators_json
from tests.reports.conftest import add, comm, incoming_change

D = date.fromisoformat


@pytest.fixture
def pdata(province, psvc):
    ids: dict[str, str] = {}
    # communication: 13597 every quarter of 2019; 13603 once in 2019 and (old code) once in 2020;
    # 13567 in July 2019; the district's own press items Jan–Nov 2019, 13567 press in Dec 2019
    for day in ("2019-02-01", "2019-05-01", "2019-08-01", "2019-11-01", "2020-03-01"):
        comm(psvc, "13597", day)
    comm(psvc, "13603", "2019-06-01")
    # (a record dated after the abolition is refused now; this one came from a program that took it)
    incoming_change(psvc, "communication", comm(psvc, "13603", "2019-12-31"), date=D("2020-02-01"))
    comm(psvc, "13567", "2019-07-01")
    for m in range(1, 12):
        comm(psvc, "353", f"2019-{m:02d}-10", "press", venue_type="other")
    comm(psvc, "13567", "2019-12-05", "press", venue_type="other")
    comm(psvc, "353", "2020-01-10", "press", venue_type="other")
    # plan documents (district's own): 353 integrated 2017; 347 not integrated; 350 integrated in 2020;
    # a commune's integrated plan does not make its district count
    add(psvc, "plan_document", "353", doc_no="12/KH-UBND", issued_on=D("2017-03-01"), title="Kế hoạch lồng ghép",
        integrated_with=["poverty"])
    add(psvc, "plan_document", "347", doc_no="07/KH-UBND", issued_on=D("2018-03-01"), title="Kế hoạch năm 2018")
    add(psvc, "plan_document", "350", doc_no="03/KH-UBND", issued_on=D("2020-02-01"), title="Kế hoạch lồng ghép",
        integrated_with=["hiv", "drugs"])
    add(psvc, "plan_document", "13285", doc_no="01/KH-UBND", issued_on=D("2019-01-05"), title="Kế hoạch xã",
        integrated_with=["employment"])
    # support models
    add(psvc, "support_model", "13567", name="Giảm hại Lý Nhân", model_type="harm_reduction",
        established_on=D("2018-05-01"))
    add(psvc, "support_model", "347", name="Phòng ngừa bạo lực giới", model_type="gbv_prevention",
        established_on=D("2020-03-01"))
    add(psvc, "support_model", "350", name="Giảm hại Kim Bảng", model_type="harm_reduction",
        established_on=D("2016-01-01"), ended_on=D("2018-12-31"))
    add(psvc, "support_model", "13597", name="Nhóm đồng đẳng", model_type="peer_group", established_on=D("2019-03-01"))
    add(psvc, "support_model", "13285", name="Hỗ trợ cộng đồng", model_type="community_support",
        established_on=D("2017-01-01"), ended_on=D("2019-06-30"))
    add(psvc, "support_model", "353", name="Bảo vệ quyền người lao động", model_type="worker_rights",
        established_on=D("2020-01-15"))
    # cases: 13597 in 2019 handled, referred, open; 13285 in 2020 handled
    add(psvc, "case", "13597", detected_on=D("2019-03-01"), kind="harbouring", sellers=2, status="handled",
        closed_on=D("2019-03-20"))
    add(psvc, "case", "13597", detected_on=D("2019-04-01"), kind="brokering", sellers=1, status="referred",
        closed_on=D("2019-04-10"))
    add(psvc, "case", "13597", detected_on=D("2019-09-01"), kind="buying_selling", sellers=1, status="open")
    add(psvc, "case", "13285", detected_on=D("2020-05-01"), kind="buying_selling", sellers=1, status="handled",
        closed_on=D("2020-05-09"))
    # establishments suspected of disguised prostitution
    ids["e1"] = add(psvc, "establishment", "13597", name="Karaoke A", kind="karaoke", opened_on=D("2010-01-01"),
                    suspected=True)
    add(psvc, "establishment", "13597", name="Nhà nghỉ B", kind="guesthouse", opened_on=D("2012-01-01"),
        suspected=True, suspected_since=D("2015-06-01"), closed_on=D("2019-05-01"))
    add(psvc, "establishment", "13597", name="Massage C", kind="massage", opened_on=D("2014-01-01"),
        suspected=True, suspected_since=D("2018-01-01"))
    add(psvc, "establishment", "13597", name="Khách sạn D", kind="hotel", opened_on=D("2011-01-01"))
    add(psvc, "establishment", "13603", name="Karaoke E", kind="karaoke", opened_on=D("2011-01-01"), suspected=True,
        closed_on=D("2020-03-01"))
    # healthy communes
    for code, year, healthy in (("13597", 2018, False), ("13567", 2018, True), ("13597", 2019, True),
                                ("13567", 2019, True), ("13603", 2019, True), ("13597", 2020, True),
                                ("13567", 2020, True)):
        add(psvc, "unit_status", code, year=year, healthy=healthy)
    # officers and trainings
    ids["o1"] = add(psvc, "officer", "13597", full_name="Nguyễn Văn Một", since=D("2018-01-01"))
    add(psvc, "officer", "13597", full_name="Trần Thị Hai", since=D("2019-02-01"), until=D("2019-06-30"))
    ids["o3"] = add(psvc, "officer", "13597", full_name="Lê Văn Ba", since=D("2020-01-01"))
    add(psvc, "training", "13597", start_date=D("2018-05-05"), title="Tập huấn 2018", level="commune",
        trainee_group="officers", trainees=10, content=["management"], officers=[ids["o1"]])
    add(psvc, "training", "13597", start_date=D("2020-04-04"), title="Tập huấn 2020", level="commune",
        trainee_group="officers", trainees=12, content=["law"], officers=[ids["o3"]])
    return ids


def by_id(values):
    return {v.id: v for v in values}


def test_nine_ids_in_dictionary_order(province, pdata):
    values = compute_indicators(province, 2019)
    assert [v.id for v in values] == [
        "communes_with_communication", "press_monthly", "districts_with_integration_plan",
        "districts_with_harm_reduction", "support_models", "cases_handled", "disguised_reduction",
        "healthy_communes", "officers_trained"]
    assert all(v.label for v in values)


def test_communes_with_communication_uses_the_list_in_force(province, pdata):
    v19 = by_id(compute_indicators(province, 2019, "353"))["communes_with_communication"]
    assert (v19.numerator, v19.denominator) == (3, 23)  # 13597, 13603, 13567
    assert v19.value == pytest.approx(300 / 23)
    assert "duy trì hằng quý: 4,3 %" in v19.detail  # only 13597 in every quarter: 1/23
    assert v19.target == 75 and v19.met is False
    v20 = by_id(compute_indicators(province, 2020, "353"))["communes_with_communication"]
    # 13603 no longer exists in 2020: its record under the old code does not count, nor does it divide
    assert (v20.numerator, v20.denominator) == (1, 21)
    assert v20.target == 100 and v20.met is False
    prov = by_id(compute_indicators(province, 2019))["communes_with_communication"]
    assert (prov.numerator, prov.denominator) == (3, 116)
    assert by_id(compute_indicators(province, 2020))["communes_with_communication"].denominator == 109
    # 2016: the plan sets no target before 2017
    v16 = by_id(compute_indicators(province, 2016, "353"))["communes_with_communication"]
    assert v16.target is None and v16.met is None and v16.value == 0


def test_press_monthly_counts_months_anywhere_in_the_unit(province, pdata):
    v = by_id(compute_indicators(province, 2019, "353"))["press_monthly"]
    assert v.value == 12 and v.met is True and v.unit == "months"
    v = by_id(compute_indicators(province, 2020, "353"))["press_monthly"]
    assert v.value == 1 and v.met is False
    assert "chưa có: tháng 2, 3" in v.detail
    # the commune 13567 alone: December only
    assert by_id(compute_indicators(province, 2019, "13567"))["press_monthly"].value == 1
    # part of a year (a six-month report): judged against the months elapsed
    half = by_id(compute_indicators(province, 2019, "353", until=date(2019, 6, 30)))["press_monthly"]
    assert (half.value, half.denominator, half.met, half.target_text) == (6, 6, True, "6/6 tháng")
    assert half.target_text_for("en") == "6/6 months" and half.target_text_for("vi") == "6/6 tháng"


def test_districts_with_integration_plan(province, pdata):
    v = by_id(compute_indicators(province, 2019))["districts_with_integration_plan"]
    assert (v.numerator, v.denominator) == (1, 6)  # 353 only; 347 not integrated, 350 only in 2020
    assert v.value == pytest.approx(100 / 6) and v.target == 50 and v.met is False
    v = by_id(compute_indicators(province, 2020))["districts_with_integration_plan"]
    assert (v.numerator, v.denominator) == (2, 6) and v.target == 100
    d = by_id(compute_indicators(province, 2019, "353"))["districts_with_integration_plan"]
    assert (d.value, d.met) == (100, True)
    c = by_id(compute_indicators(province, 2019, "13597"))["districts_with_integration_plan"]
    assert c.value is None and c.met is None  # not applicable to a commune
    assert c.target is None and c.target_text == "Không áp dụng" and c.applicable is False
    assert d.applicable is True


def test_districts_with_harm_reduction(province, pdata):
    v = by_id(compute_indicators(province, 2019))["districts_with_harm_reduction"]
    assert (v.numerator, v.denominator) == (1, 6)  # 353 via its commune 13567; 350's model ended in 2018
    assert v.target is None and v.met is None  # target only for 2020
    v = by_id(compute_indicators(province, 2020))["districts_with_harm_reduction"]
    assert (v.numerator, v.denominator) == (2, 6) and v.target == 50 and v.met is False


def test_support_models_range_target(province, pdata):
    v = by_id(compute_indicators(province, 2019))["support_models"]
    assert v.value == 2 and v.met is None  # peer group 13597, community support 13285 (until 30/06/2019)
    v = by_id(compute_indicators(province, 2020))["support_models"]
    assert v.value == 2  # peer group 13597, worker rights 353
    assert v.target == [1, 3] and v.target_text == "1–3" and v.met is True
    assert by_id(compute_indicators(province, 2019, "353"))["support_models"].value == 1


def test_cases_handled(province, pdata):
    v = by_id(compute_indicators(province, 2019, "353"))["cases_handled"]
    assert (v.numerator, v.denominator) == (2, 3) and v.value == pytest.approx(200 / 3)
    assert v.target == 100 and v.met is False
    v = by_id(compute_indicators(province, 2020))["cases_handled"]
    assert (v.value, v.met) == (100, True)
    v = by_id(compute_indicators(province, 2020, "353"))["cases_handled"]
    assert v.value is None and v.met is None and "Không phát hiện" in v.detail


def test_disguised_reduction_range_60_80(province, psvc, pdata):
    # suspected and open on 2016-01-01: Karaoke A, Nhà nghỉ B, Karaoke E (13603, abolished in 2020) = 3
    v = by_id(compute_indicators(province, 2019, "353"))["disguised_reduction"]
    assert (v.denominator, v.numerator, v.value) == (3, 0, 0)  # end 2019: A, Massage C (suspected 2018), E
    v = by_id(compute_indicators(province, 2020, "353"))["disguised_reduction"]
    assert (v.denominator, v.numerator) == (3, 1) and v.value == pytest.approx(100 / 3)
    assert v.target == [60, 80] and v.target_text == "60–80 %" and v.met is False
    incoming_change(psvc, "establishment", pdata["e1"], closed_on=D("2020-10-01"))
    v = by_id(compute_indicators(province, 2020, "353"))["disguised_reduction"]
    assert v.value == pytest.approx(200 / 3) and v.met is True
    assert v.value_text == "66,7 %"


def test_healthy_communes_and_yearly_gain(province, pdata):
    v = by_id(compute_indicators(province, 2019, "353"))["healthy_communes"]
    assert (v.numerator, v.denominator) == (3, 23)
    # newly healthy: 13597 (not in 2018) and 13603 (no 2018 status) = 2/23 = 8,7 % < +10 %
    assert "mới đạt so với năm trước: +8,7 %" in v.detail
    assert v.target is None and v.met is False
    v = by_id(compute_indicators(province, 2020, "353"))["healthy_communes"]
    assert (v.numerator, v.denominator) == (2, 21) and v.target == 95 and v.met is False


def test_officers_trained(province, pdata):
    v = by_id(compute_indicators(province, 2019, "13597"))["officers_trained"]
    assert (v.numerator, v.denominator) == (1, 2) and v.value == 50 and v.met is False
    v = by_id(compute_indicators(province, 2020, "13597"))["officers_trained"]
    assert (v.numerator, v.denominator) == (2, 2) and v.value == 100 and v.met is True


def test_no_data_at_all_gives_zero_not_a_crash(commune):
    values = by_id(compute_indicators(commune, 2019))
    assert values["communes_with_communication"].value == 0
    assert values["communes_with_communication"].met is False
    assert values["press_monthly"].value == 0
    assert values["healthy_communes"].value == 0
    assert values["support_models"].value == 0
    for iid in ("cases_handled", "disguised_reduction", "officers_trained"):
        assert values[iid].value is None and values[iid].met is None  # nothing to divide by
    assert values["districts_with_integration_plan"].value is None  # not for a commune
    # 13597 is Thị trấn Vĩnh Trụ in 2020: still one commune, itself
    assert by_id(compute_indicators(commune, 2020))["communes_with_communication"].denominator == 1


def test_deleted_records_do_not_count(province, psvc, pdata):
    rid = comm(psvc, "13570", "2019-03-03")
    assert by_id(compute_indicators(province, 2019, "353"))["communes_with_communication"].numerator == 4
    incoming_change(psvc, "communication", rid, deleted=1)
    assert by_id(compute_indicators(province, 2019, "353"))["communes_with_communication"].numerator == 3


def test_json_and_dhis2_shapes(province, pdata):
    values = compute_indicators(province, 2019, "353")
    js = indicators_json(values)
    assert [set(x) >= {"id", "value", "target", "met"} for x in js] == [True] * 9
    json.dumps(js)
    d = indicators_dhis2(values, "2019", "353")
    assert set(d) == {"dataValues"}
    first = d["dataValues"][0]
    assert first == {"dataElement": "communes_with_communication", "period": "2019", "orgUnit": "353",
                     "value": "13.04"}
    assert all(isinstance(x["value"], str) for x in d["dataValues"])
    assert "cases_handled" in {x["dataElement"] for x in d["dataValues"]}
    assert indicators_dhis2(values, "2019-H1", "353")["dataValues"][0]["period"] == "2019S1"
