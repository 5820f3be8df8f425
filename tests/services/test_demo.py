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


def _older_forms(tmp_path):
    """forms/*.toml as they were before this round's fields (a block per field, cut out)."""
    import re
    from pathlib import Path

    from plan_desktop.domain.forms import load_forms

    src = Path(__file__).resolve().parents[2] / "forms"
    old = tmp_path / "old_forms"
    old.mkdir()
    for f in src.glob("*.toml"):
        text = f.read_text(encoding="utf-8")
        for name in ("scale", "carried_out_on", "suspected_until"):
            text = re.sub(r'\[\[fields\]\]\nname = "' + name + r'"\n(?:(?!\[\[fields\]\]).*\n?)*', "", text)
        text = text.replace('keep_true = "suspected_until"\n', "")
        (old / f.name).write_text(text, encoding="utf-8")
    return load_forms(old)


def test_a_database_made_before_the_new_fields_gains_them_and_keeps_its_data(tmp_path):
    """The migration of this round: the columns case.scale, plan_document.carried_out_on and
    establishment.suspected_until are added on opening; rows, their audit hashes and figures stay."""
    from plan_desktop.reports.indicators import compute_indicators
    from plan_desktop.services.installation import Installation

    forms = _older_forms(tmp_path)
    assert not forms["case"].has_field("scale") and forms["case"].has_field("closed_on")
    folder = tmp_path / "xa"
    inst = Installation.init(folder, "13597", forms=forms, extra_settings={"working_year": 2019})
    svc = inst.records(actor="tester")
    svc.create("case", {"detected_on": date(2019, 3, 1), "kind": "harbouring", "status": "handled",
                        "closed_on": date(2019, 3, 9)})
    svc.create("establishment", {"name": "Karaoke A", "kind": "karaoke", "suspected": True})
    svc.create("plan_document", {"doc_no": "1/KH", "issued_on": date(2019, 1, 1), "title": "Kế hoạch"})
    cols = set(inst.store.db["form_case"].columns_dict)
    assert "scale" not in cols
    inst.close()
    inst = Installation.open(folder, daily_backup=False)
    try:
        for table, col in (("form_case", "scale"), ("form_plan_document", "carried_out_on"),
                           ("form_establishment", "suspected_until")):
            assert col in inst.store.db[table].columns_dict
        v = {i.id: i for i in compute_indicators(inst, 2019)}
        assert (v["cases_handled"].numerator, v["cases_handled"].denominator) == (1, 1)
        assert v["cases_handled"].parts == {"case": {"detected": 1, "handled": 1}}  # empty scale: a single case
        assert v["disguised_reduction"].denominator == 1
        assert inst.store.check() == []
    finally:
        inst.close()
