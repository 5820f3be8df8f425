"""The demo data an officer sees first: plausible, consistent, and valid by the program's own rules."""

from __future__ import annotations

from collections import Counter
from datetime import date

from plan_desktop.services.demo import fill_demo


def test_demo_year_is_valid_and_businesses_have_distinct_names(tmp_path):
    from plan_desktop.services.installation import Installation

    inst = Installation.init(tmp_path / "huyen", "353", extra_settings={"working_year": 2019})
    try:
        counts = fill_demo(inst, year=2019, today=date(2020, 1, 10))
        assert counts["communication"] > 0 and counts["establishment"] > 0
        assert inst.store.check() == []
        form = inst.store.forms["establishment"]
        per_unit = Counter((r["unit_code"], r["name"]) for r in inst.store.rows(form))
        assert per_unit and max(per_unit.values()) == 1  # no two businesses of a commune share a name
    finally:
        inst.close()
