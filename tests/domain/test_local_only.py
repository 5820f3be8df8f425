"""``local_only`` in the form files: which fields stay at the unit that wrote them, and the loader's
refusal of a flag it cannot honour."""

from __future__ import annotations

from pathlib import Path

import pytest

from plan_desktop.domain.forms import FormDefinitionError, load_form, load_forms

FORMS = load_forms()

#: Free text where a person's name slips in, read by no report or indicator above the commune.
LOCAL_ONLY = {
    ("case", "notes"),
    ("support", "outcome"),
    ("communication", "notes"),
    ("training", "notes"),
    ("establishment", "owner_name"),
    ("case", "decision_no"),
    ("support", "provider"),
    ("inspection", "violation_desc"),
}


def test_the_shipped_forms_mark_exactly_the_personal_free_text_fields():
    marked = {(form.id, fd.name) for form in FORMS.values() for fd in form.fields if fd.local_only}
    assert marked == LOCAL_ONLY
    assert FORMS["case"].local_only_names == ("decision_no", "notes")
    assert FORMS["support"].local_only_names == ("provider", "outcome")
    # what the level above counts and lists still travels
    for form_id, name in [("support", "person_code"), ("support", "service"), ("case", "kind"),
                          ("inspection", "violation"), ("establishment", "name"), ("unit_status", "decision_no")]:
        assert not FORMS[form_id].field(name).local_only


def test_no_report_or_indicator_reads_a_local_only_field():
    """No report, indicator or export document (plan_desktop/reports/) names a local_only field, and the
    generic parts (appendix lists, titles) do not show one: the level above loses nothing it reports."""
    import re

    root = Path(__file__).resolve().parents[2] / "plan_desktop" / "reports"
    code = "\n".join(p.read_text(encoding="utf-8") for p in sorted(root.glob("*.py")))
    for form_id, name in LOCAL_ONLY:
        if any(name in f.field_names and not f.field(name).local_only for f in FORMS.values()):
            # a name another form's travelling field shares (unit_status.decision_no): not next to this form
            assert not re.search(rf"form_{form_id}\b[^\n]*\b{name}\b|\b{name}\b[^\n]*form_{form_id}\b", code)
            assert not re.search(rf"\"{form_id}\"[^\n]*\b{name}\b", code), (form_id, name)
            continue
        assert not re.search(rf"\b{name}\b", code), (form_id, name)
        assert name not in FORMS[form_id].list_columns and name not in FORMS[form_id].title_fields


FORM = """id = "{id}"
label = "Thử"
title_fields = {titles}

[[fields]]
name = "day"
type = "date"
label = "Ngày"

[[fields]]
name = "notes"
type = "{type}"
label = "Ghi chú"
{extra}
"""


def _write(tmp_path: Path, extra: str, *, type_: str = "text", titles: str = '["day"]') -> Path:
    if type_ == "text" and "max_length" not in extra:
        extra = "max_length = 100\n" + extra
    p = tmp_path / "thu.toml"
    p.write_text(FORM.format(id="thu", type=type_, extra=extra, titles=titles), encoding="utf-8")
    return p


def test_local_only_is_loaded_onto_the_field(tmp_path):
    form = load_form(_write(tmp_path, "local_only = true"))
    assert form.field("notes").local_only and form.local_only_names == ("notes",)
    assert not load_form(_write(tmp_path, "local_only = false")).field("notes").local_only
    assert not load_form(_write(tmp_path, "")).field("notes").local_only


@pytest.mark.parametrize("value", ['"yes"', "1", "0", '"true"', "[true]"])
def test_a_non_bool_local_only_is_refused(tmp_path, value):
    with pytest.raises(FormDefinitionError, match=r"thu\.toml: field 'notes': 'local_only' must be true or"):
        load_form(_write(tmp_path, f"local_only = {value}"))


@pytest.mark.parametrize(
    ("extra", "type_", "titles", "match"),
    [
        ("local_only = true\nrequired = true", "text", '["day"]', "'local_only' excludes 'required'"),
        ("local_only = true\nunique = true", "text", '["day"]', "'local_only' excludes 'unique'"),
        ('local_only = true\ndefault = "x"', "text", '["day"]', "'local_only' excludes 'default'"),
        ("local_only = true", "int", '["day"]', "'local_only' is only for text fields"),
        ("local_only = true", "text", '["notes"]', "'notes' is local_only"),
    ],
)
def test_a_local_only_field_the_level_above_would_need_is_refused(tmp_path, extra, type_, titles, match):
    with pytest.raises(FormDefinitionError, match=match):
        load_form(_write(tmp_path, extra, type_=type_, titles=titles))


def test_forms_command_says_which_fields_stay_at_the_unit(capsys):
    from plan_desktop.cli import main

    assert main(["forms", "case"]) == 0
    lines = capsys.readouterr().out.splitlines()
    marked = [ln.split()[0] for ln in lines if "chỉ lưu tại đơn vị, không gửi lên cấp trên" in ln]
    assert marked == ["decision_no", "notes"]
