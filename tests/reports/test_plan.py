"""The plan file: the nine indicator ids, targets per year, the rule between target years, and
targets received from the level above."""

from __future__ import annotations

from pathlib import Path

import pytest

from plan_desktop.domain.plan import INDICATOR_IDS, PlanError, default_plan, load_plan, plan_for


def test_shipped_plan_has_the_nine_indicators():
    plan = default_plan()
    assert plan.id == "1295/KH-UBND" and list(plan.years) == [2016, 2017, 2018, 2019, 2020]
    assert [i.id for i in plan.indicators] == list(INDICATOR_IDS)
    assert all(i.label and i.short_label for i in plan.indicators)


def test_hold_rule_between_target_years():
    ind = default_plan().indicator("communes_with_communication")
    assert ind.target_for(2016) is None  # before the first target: none, not invented
    assert [ind.target_for(y).low for y in (2017, 2018, 2019)] == [75, 75, 75]
    assert ind.target_for(2020).low == 100
    press = default_plan().indicator("press_monthly")
    assert all(press.target_for(y).low == 12 for y in range(2016, 2021))
    d = default_plan().indicator("disguised_reduction").target_for(2020)
    assert (d.low, d.high, d.text("percent")) == (60, 80, "60–80 %")
    assert d.met(59.9) is False and d.met(60) is True and d.met(95) is True and d.met(None) is None


def test_interpolate_rule_and_a_broken_file(tmp_path: Path):
    src = Path(default_plan().source).read_text(encoding="utf-8").replace('between = "hold"', 'between = "interpolate"')
    p = tmp_path / "plan.toml"
    p.write_text(src, encoding="utf-8")
    ind = load_plan(p).indicator("communes_with_communication")
    assert ind.target_for(2016) is None
    assert ind.target_for(2018).low == pytest.approx(83.3)
    (tmp_path / "bad.toml").write_text('id = "x"\ntitle = "x"\nfirst_year = 2016\nlast_year = 2020\n', encoding="utf-8")
    with pytest.raises(PlanError, match="thiếu chỉ tiêu"):
        load_plan(tmp_path / "bad.toml")


def test_targets_from_the_level_above_override_the_file(commune):
    from plan_desktop.reports.indicators import compute_indicators

    commune.store.set_settings({"plan_targets": {"communes_with_communication": {"2016": 50, "2020": 100},
                                                 "support_models": {"2020": [2, 4]}, "cases_handled": "bad"}})
    plan = plan_for(commune.store.get_setting)
    assert plan.indicator("communes_with_communication").target_for(2016).low == 50
    assert plan.indicator("support_models").target_for(2020).text("count") == "2–4"
    assert plan.indicator("cases_handled").target_for(2016).low == 100  # unreadable override: the file's
    v = {i.id: i for i in compute_indicators(commune, 2016)}["communes_with_communication"]
    assert v.target == 50 and v.met is False
