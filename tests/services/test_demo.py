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


def _figures(inst, year):
    from plan_desktop.reports.indicators import compute_indicators, indicators_json
    from plan_desktop.reports.scope import report_data_hash

    return indicators_json(compute_indicators(inst, year)), report_data_hash(inst, str(year))


def test_a_later_year_does_not_change_what_earlier_years_report(tmp_path):
    from plan_desktop.services.installation import Installation

    inst = Installation.init(tmp_path / "huyen", "353", extra_settings={"working_year": 2016})
    try:
        fill_demo(inst, year=2016, today=date(2021, 1, 10))
        first_ids = {t: [r[0] for r in inst.store.db.execute(f"SELECT id FROM {t}")]
                     for t in ("form_officer", "form_establishment", "form_support_model")}
        before = _figures(inst, 2016)
        officers_2016 = before[0][-1]["denominator"]
        assert officers_2016 > 0
        fill_demo(inst, year=2017, today=date(2021, 1, 10))
        fill_demo(inst, year=2018, today=date(2021, 1, 10))
        assert _figures(inst, 2016) == before  # same indicators, same records (data hash)
        after_2017 = _figures(inst, 2017)
        fill_demo(inst, year=2019, today=date(2021, 1, 10))
        assert _figures(inst, 2017) == after_2017
        # nothing the later years wrote is dated before them (officers, businesses, models began in their year)
        db = inst.store.db
        for table, col in (("form_officer", "since"), ("form_establishment", "opened_on"),
                           ("form_support_model", "established_on")):
            later = db.execute(f"SELECT min([{col}]) FROM {table} WHERE id NOT IN ({{}})".format(
                ",".join("?" * len(first_ids[table]))), first_ids[table]).fetchone()[0]
            assert later is None or later >= "2017-01-01", (table, later)
        assert inst.store.get_setting("demo_years") == [2016, 2017, 2018, 2019]
        assert inst.store.check() == []
    finally:
        inst.close()


def test_demo_refuses_years_outside_the_plan_and_foreign_records(commune):
    import pytest

    from plan_desktop.services.demo import DemoError, demo_note

    for year in (2015, 2021):
        with pytest.raises(DemoError, match=f"năm của Kế hoạch 1295/KH-UBND \\(2016–2020\\), không phải năm {year}"):
            fill_demo(commune, year=year, today=date(2021, 1, 10))
    assert demo_note(commune) == ""
    commune.records(actor="Đặng Thị Thu").create("officer", {"full_name": "Đặng Thị Thu", "since": date(2019, 1, 1)})
    with pytest.raises(DemoError, match="đã có 1 bản ghi không phải dữ liệu mẫu"):
        fill_demo(commune, year=2019, today=date(2021, 1, 10))
    assert commune.store.get_setting("demo_years", []) == []


def test_demo_year_is_all_or_nothing_and_marked(commune, monkeypatch):
    import pytest

    from plan_desktop.services import demo

    def broken(*_a, **_k):
        raise RuntimeError("disk full")

    counts = {f.id: commune.store.db.execute(f"SELECT count(*) FROM [{f.table}]").fetchone()[0]
              for f in commune.store.forms.values()}
    monkeypatch.setattr(demo, "_received_history", broken)
    with pytest.raises(RuntimeError):
        fill_demo(commune, year=2019, today=date(2021, 1, 10))
    after = {f.id: commune.store.db.execute(f"SELECT count(*) FROM [{f.table}]").fetchone()[0]
             for f in commune.store.forms.values()}
    assert after == counts and commune.store.get_setting("demo_years", []) == []
    assert commune.store.check() == []
    monkeypatch.undo()
    fill_demo(commune, year=2019, today=date(2021, 1, 10))
    assert commune.store.get_setting("demo_data") is True
    assert "dữ liệu mẫu" in demo.demo_note(commune) and "2019" in demo.demo_note(commune)
    with pytest.raises(demo.DemoError, match="đã có dữ liệu mẫu năm 2019"):
        fill_demo(commune, year=2019, today=date(2021, 1, 10))


def test_csv_of_the_earlier_columns_still_imports(commune, tmp_path):
    """Files written before case.scale, plan_document.carried_out_on and establishment.suspected_until
    existed import unchanged: a case is then a single case, a plan not yet carried out."""
    from plan_desktop.services.tabular import import_file

    svc = commune.records(actor="tester")
    case = tmp_path / "case.csv"
    case.write_text("detected_on,source,kind,sellers,status,closed_on\n"
                    "01/03/2019,report,harbouring,2,handled,20/03/2019\n", encoding="utf-8")
    doc = tmp_path / "doc.csv"
    doc.write_text("doc_no,issued_on,title,integrated_with\n12/KH-UBND,01/03/2019,Kế hoạch,poverty\n", encoding="utf-8")
    est = tmp_path / "est.csv"
    est.write_text("name,kind,suspected,suspected_since\nKaraoke A,karaoke,có,01/01/2015\n", encoding="utf-8")
    for form_id, path in (("case", case), ("plan_document", doc), ("establishment", est)):
        res = import_file(svc, form_id, path)
        assert res.ok and res.created == 1, (form_id, res.errors)
    store = commune.store
    (row,) = store.rows(store.forms["case"])
    assert row["scale"] in ("case", None)  # the field's default, or empty (read as a single case)
    (row,) = store.rows(store.forms["plan_document"])
    assert row["carried_out_on"] is None and row["integrated_with"] == '["poverty"]'
    (row,) = store.rows(store.forms["establishment"])
    assert row["suspected"] == 1 and row["suspected_until"] is None
