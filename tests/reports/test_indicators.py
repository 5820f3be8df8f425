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

from plan_desktop.reports.indicators import (
    STATUSES,
    check_definitions,
    compute_indicators,
    indicators_dhis2,
    indicators_json,
)
from plan_desktop.reports.scope import make_scope
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
    # plan documents (district's own): 353 integrated 2017, carried out 2017; 347 integrated 2018 but never
    # carried out; 350 integrated, issued 01/02/2020 and carried out 01/03/2020; a commune's integrated
    # plan does not make its district count
    add(psvc, "plan_document", "353", doc_no="12/KH-UBND", issued_on=D("2017-03-01"), title="Kế hoạch lồng ghép",
        integrated_with=["poverty"], carried_out_on=D("2017-04-01"))
    add(psvc, "plan_document", "347", doc_no="07/KH-UBND", issued_on=D("2018-03-01"), title="Kế hoạch năm 2018",
        integrated_with=["employment"])
    add(psvc, "plan_document", "350", doc_no="03/KH-UBND", issued_on=D("2020-02-01"), title="Kế hoạch lồng ghép",
        integrated_with=["hiv", "drugs"], carried_out_on=D("2020-03-01"))
    add(psvc, "plan_document", "13285", doc_no="01/KH-UBND", issued_on=D("2019-01-05"), title="Kế hoạch xã",
        integrated_with=["employment"], carried_out_on=D("2019-02-01"))
    # support models: 353 has HIV harm reduction (13567, from 2018) and GBV prevention (13570, from
    # 09/2019); 347 GBV only (2020); 350 harm reduction 2016–2018
    add(psvc, "support_model", "13567", name="Giảm hại Lý Nhân", model_type="harm_reduction",
        established_on=D("2018-05-01"))
    add(psvc, "support_model", "13570", name="Phòng ngừa bạo lực giới Lý Nhân", model_type="gbv_prevention",
        established_on=D("2019-09-01"))
    add(psvc, "support_model", "347", name="Phòng ngừa bạo lực giới", model_type="gbv_prevention",
        established_on=D("2020-03-01"))
    add(psvc, "support_model", "350", name="Giảm hại Kim Bảng", model_type="harm_reduction",
        established_on=D("2016-01-01"), ended_on=D("2018-12-31"))
    add(psvc, "support_model", "13597", name="Nhóm đồng đẳng", model_type="peer_group", established_on=D("2019-03-01"))
    add(psvc, "support_model", "13285", name="Hỗ trợ cộng đồng", model_type="community_support",
        established_on=D("2017-01-01"), ended_on=D("2019-06-30"))
    add(psvc, "support_model", "353", name="Bảo vệ quyền người lao động", model_type="worker_rights",
        established_on=D("2020-01-15"))
    # cases: 13597 in 2019 a single case handled, a ring referred, a single case open; 13285 in 2020 handled
    add(psvc, "case", "13597", detected_on=D("2019-03-01"), kind="harbouring", sellers=2, status="handled",
        closed_on=D("2019-03-20"))
    add(psvc, "case", "13597", detected_on=D("2019-04-01"), kind="brokering", scale="ring", sellers=1,
        status="referred", closed_on=D("2019-04-10"))
    add(psvc, "case", "13597", detected_on=D("2019-09-01"), kind="buying_selling", sellers=1, status="open")
    add(psvc, "case", "13285", detected_on=D("2020-05-01"), kind="buying_selling", sellers=1, status="handled",
        closed_on=D("2020-05-09"))
    # establishments suspected of disguised prostitution
    ids["e1"] = add(psvc, "establishment", "13597", name="Karaoke A", kind="karaoke", opened_on=D("2010-01-01"),
                    suspected=True)
    add(psvc, "establishment", "13597", name="Nhà nghỉ B", kind="guesthouse", opened_on=D("2012-01-01"),
        suspected=True, suspected_since=D("2015-06-01"), closed_on=D("2019-05-01"))
    ids["c"] = add(psvc, "establishment", "13597", name="Massage C", kind="massage", opened_on=D("2014-01-01"),
                   suspected=True, suspected_since=D("2018-01-01"))
    add(psvc, "establishment", "13597", name="Khách sạn D", kind="hotel", opened_on=D("2011-01-01"))
    add(psvc, "establishment", "13603", name="Karaoke E", kind="karaoke", opened_on=D("2011-01-01"), suspected=True,
        closed_on=D("2020-03-01"))
    # healthy communes
    for code, year, healthy in (("13597", 2018, False), ("13567", 2018, True), ("13597", 2019, True),
                                ("13567", 2019, True), ("13603", 2019, True), ("13597", 2020, True),
                                ("13567", 2020, True)):
        add(psvc, "unit_status", code, year=year, healthy=healthy)
    # officers and trainings: o1 trained in all three contents in 2018; o3 in two in 04/2020 and the
    # third (monitoring) in 09/2020
    ids["o1"] = add(psvc, "officer", "13597", full_name="Nguyễn Văn Một", since=D("2018-01-01"))
    add(psvc, "officer", "13597", full_name="Trần Thị Hai", since=D("2019-02-01"), until=D("2019-06-30"))
    ids["o3"] = add(psvc, "officer", "13597", full_name="Lê Văn Ba", since=D("2020-01-01"))
    add(psvc, "training", "13597", start_date=D("2018-05-05"), title="Tập huấn 2018", level="commune",
        trainee_group="officers", trainees=10, content=["management", "interagency", "monitoring"],
        officers=[ids["o1"]])
    add(psvc, "training", "13597", start_date=D("2020-04-04"), title="Tập huấn 2020", level="commune",
        trainee_group="officers", trainees=12, content=["law", "management", "interagency"], officers=[ids["o3"]])
    add(psvc, "training", "13597", start_date=D("2020-09-09"), title="Giám sát, đánh giá", level="commune",
        trainee_group="officers", trainees=12, content=["monitoring"], officers=[ids["o3"]])
    return ids


def by_id(values):
    return {v.id: v for v in values}


def ind(inst, year, unit=None, period=None, **kw):
    """The indicators of ``year`` (or of ``period``, e.g. "2019-H1") by id."""
    if period is not None:
        scope = make_scope(inst, period, unit)
        return by_id(compute_indicators(inst, scope.year, unit, scope=scope))
    return by_id(compute_indicators(inst, year, unit, **kw))


def test_nine_ids_in_dictionary_order(province, pdata):
    values = compute_indicators(province, 2019)
    assert [v.id for v in values] == [
        "communes_with_communication", "press_monthly", "districts_with_integration_plan",
        "districts_with_harm_reduction", "support_models", "cases_handled", "disguised_reduction",
        "healthy_communes", "officers_trained"]
    assert all(v.label for v in values)
    assert all(v.status in STATUSES for v in values)
    assert {v.as_of for v in values} == {date(2019, 12, 31)}


def test_communication_kept_up_every_quarter(province, pdata):
    """«tổ chức … và được duy trì thường xuyên»: a commune counts with an activity in every quarter."""
    v19 = ind(province, 2019, "353")["communes_with_communication"]
    assert (v19.numerator, v19.denominator) == (1, 23)  # 13597 only; 13603 and 13567 once
    assert v19.parts["active"] == 3
    assert "1/23 xã có hoạt động trong cả 4 quý của kỳ; 3/23 xã có ít nhất một hoạt động" in v19.detail
    assert v19.target == 75 and v19.status == "not_met" and v19.met is False
    v20 = ind(province, 2020, "353")["communes_with_communication"]
    # 13603 no longer exists in 2020: its record under the old code does not count, nor does it divide
    assert (v20.numerator, v20.denominator, v20.parts["active"]) == (0, 21, 1)
    assert v20.target == 100 and v20.status == "not_met"
    prov = ind(province, 2019)["communes_with_communication"]
    assert (prov.numerator, prov.denominator, prov.parts["active"]) == (1, 116, 3)
    assert ind(province, 2020)["communes_with_communication"].denominator == 109
    # 2016: the plan sets no target before 2017
    v16 = ind(province, 2016, "353")["communes_with_communication"]
    assert v16.target is None and v16.status == "no_target" and v16.met is None and v16.value == 0
    # partial periods count only what is dated inside them: H1 = Q1 and Q2, Q3 alone
    h1 = ind(province, 2019, "353", period="2019-H1")["communes_with_communication"]
    assert (h1.numerator, h1.parts["active"], h1.as_of, h1.period_label) == (
        1, 2, date(2019, 6, 30), "6 tháng đầu năm 2019")
    q3 = ind(province, 2019, "353", period="2019-Q3")["communes_with_communication"]
    assert (q3.numerator, q3.denominator, q3.period_label) == (2, 23, "quý III năm 2019")  # 13597 Aug, 13567 Jul


def test_press_monthly_is_judged_for_the_province(province, pdata):
    v = ind(province, 2019)["press_monthly"]
    assert v.value == 12 and v.status == "met" and v.unit == "months"
    v = ind(province, 2020)["press_monthly"]
    assert v.value == 1 and v.status == "not_met"
    assert "chưa có: tháng 2, 3" in v.detail
    # a province-wide target: a district or a commune shows its months but is not judged on them
    d = ind(province, 2019, "353")["press_monthly"]
    assert (d.value, d.status, d.target, d.met_text) == (12, "not_applicable", None, "Không áp dụng")
    c = ind(province, 2019, "13567")["press_monthly"]
    assert (c.value, c.status) == (1, "not_applicable")
    # part of a year: judged against its months, from the records dated in it
    half = ind(province, 2019, until=date(2019, 6, 30))["press_monthly"]
    assert (half.value, half.denominator, half.status, half.target_text) == (6, 6, "met", "6/6 tháng")
    assert half.target_text_for("en") == "6/6 months" and half.target_text_for("vi") == "6/6 tháng"
    q4 = ind(province, 2019, period="2019-Q4")["press_monthly"]
    assert (q4.value, q4.denominator, q4.status, q4.target_text) == (3, 3, "met", "3/3 tháng")


def test_integration_plans_count_when_carried_out(province, pdata):
    v = ind(province, 2019)["districts_with_integration_plan"]
    assert (v.numerator, v.denominator) == (1, 6)  # 353; 347's plan was never carried out
    assert v.value == pytest.approx(100 / 6) and v.target == 50 and v.status == "not_met"
    v = ind(province, 2020)["districts_with_integration_plan"]
    assert (v.numerator, v.denominator) == (2, 6)  # + 350, carried out 01/03/2020
    # issued 01/02/2020 but carried out only from 01/03/2020: not yet on 15/02
    assert ind(province, 2020, until=date(2020, 2, 15))["districts_with_integration_plan"].numerator == 1
    d = ind(province, 2019, "353")["districts_with_integration_plan"]
    assert (d.value, d.status) == (100, "met")
    c = ind(province, 2019, "13597")["districts_with_integration_plan"]
    assert c.value is None and c.status == "not_applicable" and c.met is None
    assert c.target is None and c.target_text == "Không áp dụng" and c.applicable is False
    assert d.applicable is True


def test_harm_reduction_needs_hiv_and_gbv_work(province, pdata):
    v = ind(province, 2018)["districts_with_harm_reduction"]
    assert (v.numerator, v.denominator) == (0, 6)  # 353 and 350 HIV only
    assert v.parts == {"units": 6, "yes": 0, "harm_reduction": 2, "gbv_prevention": 0}
    v = ind(province, 2019)["districts_with_harm_reduction"]
    assert (v.numerator, v.denominator) == (1, 6)  # 353: HIV (13567) and GBV (13570 from 09/2019)
    assert v.status == "no_target"  # target only for 2020
    v = ind(province, 2020)["districts_with_harm_reduction"]
    assert (v.numerator, v.denominator) == (1, 6) and v.target == 50 and v.status == "not_met"
    assert v.parts["gbv_prevention"] == 2 and v.parts["harm_reduction"] == 1  # 347 has GBV work only
    # the first half of 2019 has no GBV model in 353 yet
    assert ind(province, 2019, period="2019-H1")["districts_with_harm_reduction"].numerator == 0


def test_support_models_are_a_province_target(province, pdata):
    v = ind(province, 2019)["support_models"]
    assert v.value == 2 and v.status == "no_target"  # peer group 13597, community support 13285 (until 30/06/2019)
    v = ind(province, 2020)["support_models"]
    assert v.value == 2  # peer group 13597, worker rights 353
    assert v.target == [1, 3] and v.target_text == "1–3" and v.status == "met"
    d = ind(province, 2020, "353")["support_models"]
    assert (d.value, d.status) == (2, "not_applicable")
    w = ind(province, 2020, "13567")["support_models"]  # a ward without a model is not «Chưa đạt»
    assert (w.value, w.status, w.met_text) == (0, "not_applicable", "Không áp dụng")


def test_cases_and_rings_handled(province, pdata):
    v = ind(province, 2019, "353")["cases_handled"]
    assert (v.numerator, v.denominator) == (2, 3)
    assert v.target == 100 and v.status == "not_met"
    assert v.parts == {"case": {"detected": 2, "handled": 1}, "ring": {"detected": 1, "handled": 1}}
    assert "Vụ việc: 1/2 đã xử lý; Đường dây: 1/1 đã xử lý" in v.detail
    v = ind(province, 2020)["cases_handled"]
    assert (v.value, v.status) == (100, "met")
    v = ind(province, 2020, "353")["cases_handled"]
    assert v.value is None and v.status == "no_data" and v.met_text == "Chưa có số liệu"


def test_disguised_reduction_range_60_80(province, psvc, pdata):
    # suspected and open on 2016-01-01: Karaoke A, Nhà nghỉ B, Karaoke E (13603, abolished in 2020) = 3
    v = ind(province, 2019, "353")["disguised_reduction"]
    assert (v.denominator, v.numerator, v.value) == (3, 0, 0)  # end 2019: A, Massage C (suspected 2018), E
    v = ind(province, 2020, "353")["disguised_reduction"]
    assert (v.denominator, v.numerator) == (3, 1) and v.value == pytest.approx(100 / 3)
    assert v.target == [60, 80] and v.target_text == "60–80 %" and v.status == "not_met"
    incoming_change(psvc, "establishment", pdata["e1"], closed_on=D("2020-10-01"))
    v = ind(province, 2020, "353")["disguised_reduction"]
    assert v.value == pytest.approx(200 / 3) and v.status == "met"
    assert v.value_text == "66,7 %"


def test_suspicion_is_dated_and_later_edits_keep_earlier_years(commune):
    """The 01/01/2016 baseline is not recomputed from today's flags; a reduction without closing."""
    from plan_desktop.services.records import RecordError, RecordService

    svc = RecordService(commune.store, actor="tester", today=lambda: date(2020, 12, 31))
    a = add(svc, "establishment", None, name="Karaoke A", kind="karaoke", opened_on=D("2010-01-01"), suspected=True)
    b = add(svc, "establishment", None, name="Nhà nghỉ B", kind="guesthouse", opened_on=D("2012-01-01"),
            suspected=True, suspected_since=D("2015-06-01"))
    add(svc, "establishment", None, name="Massage C", kind="massage", opened_on=D("2014-01-01"), suspected=True,
        suspected_since=D("2018-01-01"))

    def figures(year, **kw):
        v = ind(commune, year, **kw)["disguised_reduction"]
        return v.denominator, v.numerator, v.status

    # C became suspected in 2018: one more than on 01/01/2016
    assert [figures(y) for y in (2016, 2019)] == [(2, 0, "no_target"), (2, -1, "no_target")]
    # unticking a business that was suspected is refused: the end of the suspicion is dated instead
    row = svc.get("establishment", b)
    with pytest.raises(RecordError, match="Hết nghi vấn từ ngày"):
        svc.update("establishment", b, {**row, "suspected": False, "suspected_since": None})
    # a reduction recorded without closing the business: Karaoke A no longer suspected from 01/06/2020
    row = svc.get("establishment", a)
    svc.update("establishment", a, {**row, "suspected_until": D("2020-06-01")})
    assert svc.get("establishment", a)["closed_on"] is None
    assert [figures(y) for y in (2016, 2019)] == [(2, 0, "no_target"), (2, -1, "no_target")]
    assert figures(2020) == (2, 0, "not_met")
    assert figures(2020, until=date(2020, 5, 31)) == (2, -1, "not_met")
    row = svc.get("establishment", b)
    svc.update("establishment", b, {**row, "suspected_until": D("2020-09-01")})
    assert figures(2020) == (2, 1, "not_met") and figures(2019) == (2, -1, "no_target")  # 50 % < 60 %


def test_healthy_communes_kept_and_net_gain(province, pdata):
    v = ind(province, 2019, "353")["healthy_communes"]
    assert (v.numerator, v.denominator) == (3, 23)
    assert "20 xã chưa có kết quả đánh giá" in v.detail
    # drugs-too: none either year, so no net gain: not met although the count of healthy communes rose
    assert v.parts["net_gain"] == 0 and v.status == "not_met" and v.target is None
    v = ind(province, 2020, "353")["healthy_communes"]
    assert (v.numerator, v.denominator) == (2, 21) and v.target == 95 and v.status == "not_met"


def kim_bang_communes(province):
    from plan_desktop.domain.units import Level

    return [u.code for u in province.units.descendants("350", date(2019, 12, 31), Level.COMMUNE)]


def test_kim_bang_2_gained_4_lost_is_not_met(province, psvc):
    """«Giữ vững số xã … lành mạnh»: 15 healthy communes in 2018, 13 in 2019 (2 gained, 4 lost)."""
    c = kim_bang_communes(province)
    n = len(c)
    assert n >= 17
    h18, h19 = set(c[:15]), set(c[:11]) | set(c[15:17])
    d18, d19 = set(c[:5]), set(c[:7]) | set(c[15:17])  # drugs and prostitution: +4 net, well over 10 %
    for code in c:
        add(psvc, "unit_status", code, year=2018, healthy=code in h18, healthy_drugs_too=code in d18)
        add(psvc, "unit_status", code, year=2019, healthy=code in h19, healthy_drugs_too=code in d19)
    v = ind(province, 2019, "350")["healthy_communes"]
    assert (v.numerator, v.denominator) == (13, n)
    p = v.parts
    assert (p["healthy_before"], p["gained"], p["lost"], p["net_gain"]) == (15, 2, 4, 4)
    assert "mới đạt 2, bị mất 4: không giữ vững số xã" in v.detail
    assert v.status == "not_met" and v.met_text == "Chưa đạt"


def test_yearly_gain_is_net_and_for_drug_free_communes(province, psvc):
    c = kim_bang_communes(province)
    n = len(c)
    # healthy count kept (10 → 10); drugs-too: 2 gained and 2 lost, net 0 although 2/n are «new»
    d18, d19 = set(c[:4]), set(c[2:6])
    for code in c:
        add(psvc, "unit_status", code, year=2018, healthy=code in c[:10], healthy_drugs_too=code in d18)
        add(psvc, "unit_status", code, year=2019, healthy=code in c[:10], healthy_drugs_too=code in d19)
    v = ind(province, 2019, "350")["healthy_communes"]
    assert (v.parts["drugs_gained"], v.parts["drugs_lost"], v.parts["net_gain"]) == (2, 2, 0)
    assert v.status == "not_met"
    # 2020 (Kim Bảng keeps the same communes): healthy kept, drugs-too net +2
    for code in c:
        add(psvc, "unit_status", code, year=2020, healthy=code in c[:10], healthy_drugs_too=code in c[2:8])
    v = ind(province, 2020, "350")["healthy_communes"]
    assert v.parts["net_gain"] == 2 and v.parts["net_gain_percent"] == pytest.approx(200 / n)
    assert v.target == 95 and v.status == "not_met"  # kept and gained, but 10/n is far from 95 %


def test_healthy_met_when_kept_and_net_gain_reached(province, psvc):
    c = kim_bang_communes(province)
    for code in c:
        add(psvc, "unit_status", code, year=2017, healthy=code in c[:12], healthy_drugs_too=code in c[:3])
        add(psvc, "unit_status", code, year=2018, healthy=code in c[:12], healthy_drugs_too=code in c[:6])
    v = ind(province, 2018, "350")["healthy_communes"]
    assert v.parts["net_gain"] == 3 and v.status == "met"


def test_never_assessed_commune_has_no_data(province, psvc, pdata):
    v = ind(province, 2017, "13567")["healthy_communes"]
    assert v.value is None and v.status == "no_data" and v.met_text == "Chưa có số liệu"
    assert "chưa có kết quả đánh giá năm 2017" in v.detail
    assert ind(province, 2017, "353")["healthy_communes"].status == "no_data"


def test_half_year_does_not_use_the_year_end_decision(province, psvc):
    add(psvc, "unit_status", "13567", year=2018, healthy=True)
    add(psvc, "unit_status", "13567", year=2019, healthy=True, decision_no="25/QĐ-UBND",
        decision_date=D("2019-12-28"))
    h1 = ind(province, 2019, "13567", period="2019-H1")["healthy_communes"]
    assert h1.status == "no_data" and "đến ngày 30/06/2019" in h1.detail
    y = ind(province, 2019, "13567")["healthy_communes"]
    assert (y.value, y.status) == (100, "met")


def test_officers_trained_in_the_three_contents(province, pdata):
    v = ind(province, 2019, "13597")["officers_trained"]
    assert (v.numerator, v.denominator) == (1, 2) and v.value == 50 and v.status == "not_met"
    # o3 had management and inter-agency in April; monitoring only in September
    v = ind(province, 2020, "13597", until=date(2020, 6, 30))["officers_trained"]
    assert (v.numerator, v.denominator) == (1, 2)
    assert "1 cán bộ đã dự tập huấn nhưng chưa đủ các nội dung" in v.detail
    v = ind(province, 2020, "13597")["officers_trained"]
    assert (v.numerator, v.denominator) == (2, 2) and v.value == 100 and v.status == "met"


def test_no_data_at_all(commune):
    values = ind(commune, 2019)
    assert values["communes_with_communication"].value == 0
    assert values["communes_with_communication"].status == "not_met"
    assert values["press_monthly"].value == 0 and values["press_monthly"].status == "not_applicable"
    assert values["healthy_communes"].value is None and values["healthy_communes"].status == "no_data"
    assert values["support_models"].value == 0 and values["support_models"].status == "not_applicable"
    for iid in ("cases_handled", "disguised_reduction", "officers_trained"):
        assert values[iid].value is None and values[iid].status == "no_data"  # nothing to divide by
    assert values["districts_with_integration_plan"].status == "not_applicable"  # not for a commune
    # 13597 is Thị trấn Vĩnh Trụ in 2020: still one commune, itself
    assert ind(commune, 2020)["communes_with_communication"].denominator == 1


def test_deleted_records_do_not_count(province, psvc, pdata):
    rid = comm(psvc, "13570", "2019-03-03")
    assert ind(province, 2019, "353")["communes_with_communication"].parts["active"] == 4
    incoming_change(psvc, "communication", rid, deleted=1)
    assert ind(province, 2019, "353")["communes_with_communication"].parts["active"] == 3


def test_json_and_dhis2_shapes(province, pdata):
    values = compute_indicators(province, 2019, "353")
    js = indicators_json(values)
    for x in js:
        assert set(x) >= {"id", "status", "value", "numerator", "denominator", "target", "as_of"}
        assert x["status"] in STATUSES and x["as_of"] == "2019-12-31"
    json.dumps(js)
    d = indicators_dhis2(values, "2019", "353")
    assert set(d) == {"dataValues"}
    first = d["dataValues"][0]
    assert first == {"dataElement": "communes_with_communication", "period": "2019", "orgUnit": "353",
                     "value": "4.35"}
    assert all(isinstance(x["value"], str) for x in d["dataValues"])
    assert "cases_handled" in {x["dataElement"] for x in d["dataValues"]}
    assert indicators_dhis2(values, "2019-H1", "353")["dataValues"][0]["period"] == "2019S1"


def test_every_code_and_field_of_the_plan_exists_in_the_forms():
    from plan_desktop.domain.forms import default_forms
    from plan_desktop.domain.plan import load_plans
    from plan_desktop.reports.indicators import named_in

    forms = default_forms()
    for plan in load_plans():
        check_definitions(plan, forms)
        named = [x for i in plan.indicators for x in named_in(i)]
        assert len(named) > 15
        for form_id, name, codes in named:
            fd = forms[form_id].field(name)
            for code in codes:
                assert fd.type == "bool" or fd.choice(code) is not None, (form_id, name, code)


def test_a_plan_naming_an_unknown_code_is_refused(tmp_path):
    import dataclasses

    from plan_desktop.domain.forms import default_forms
    from plan_desktop.domain.plan import PlanError, default_plan

    plan = default_plan()
    bad = dataclasses.replace(plan.indicator("support_models"),
                              compute={**plan.indicator("support_models").compute,
                                       "where": {"model_type": ["no_such_type"]}})
    broken = dataclasses.replace(plan, indicators=tuple(bad if i.id == bad.id else i for i in plan.indicators),
                                 _by_id={})
    with pytest.raises(PlanError, match="no_such_type"):
        check_definitions(broken, default_forms())


def test_readme_lists_each_definition_as_the_plan_file_gives_it():
    from pathlib import Path

    from plan_desktop.domain.plan import default_plan, definitions_markdown

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split("<!-- plan-indicators:start -->\n", 1)[1].split("<!-- plan-indicators:end -->", 1)[0]
    plan = default_plan()
    assert section == definitions_markdown(plan), "run .venv/bin/python tools/plan_readme.py"
    for ind in plan.indicators:
        assert ind.words.keys() >= {"numerator", "denominator", "as_of", "applies"}, ind.id
        assert ind.words["numerator"] in section and ind.label in section


def test_district_half_year_report_speaks_of_its_period(province, psvc, pdata):
    """Section II.7 and the indicator table of a half-year: decisions dated by 30/06 only, titled
    «6 tháng đầu năm 2019»; section I counts suspected businesses on the indicator's as-of day."""
    from plan_desktop.services import reporting

    add(psvc, "unit_status", "13570", year=2019, healthy=True, decision_date=D("2019-12-28"))
    add(psvc, "unit_status", "13285", year=2019, healthy=True, decision_date=D("2019-12-28"))
    data = reporting.build(province, "2019-H1", "353", report_date=date(2019, 6, 30))
    sections = {s.title: s for s in data.sections}
    healthy = next(s for t, s in sections.items() if t.startswith("7."))
    # the pdata statuses have no decision day (counted on 31/12), 13570's is dated 28/12: none by 30/06
    assert healthy.paragraphs == ["Chưa có kết quả đánh giá năm 2019 đến ngày 30/06/2019."]
    table = next(s for t, s in sections.items() if t.startswith("8.")).tables[0]
    assert table.title == "Kết quả thực hiện chỉ tiêu 6 tháng đầu năm 2019"
    statuses = {r[1].split("\n")[0]: r[4] for r in table.rows}
    assert statuses[province_plan_label("healthy_communes")] == "Chưa có số liệu"
    assert statuses[province_plan_label("press_monthly")] == "Không áp dụng"
    situation = " ".join(data.sections[0].paragraphs)
    v = {i.id: i for i in data.indicators}["disguised_reduction"]
    assert v.as_of == date(2019, 6, 30) and v.parts["now"] == 3  # A, C (2018), E; B closed 01/05/2019
    assert "trong đó 3 cơ sở có dấu hiệu nghi vấn hoạt động mại dâm trá hình vào ngày 30/06/2019" in situation
    year = reporting.build(province, "2019", "353", report_date=date(2019, 12, 31))
    healthy = next(s for s in year.sections if s.title.startswith("7."))
    assert "4/23 xã, phường, thị trấn" in healthy.paragraphs[0]  # 13597, 13567, 13603 and 13570 (13285 is in 347)


def province_plan_label(iid):
    from plan_desktop.domain.plan import default_plan

    return default_plan().indicator(iid).label
