"""A database made by an older version opens in the newer one, and form changes derive columns."""

from __future__ import annotations

import shutil
from pathlib import Path

from plan_desktop.domain.forms import load_forms
from plan_desktop.services.installation import Installation
from plan_desktop.store import Query, Store
from plan_desktop.store.schema import migrations

FIXTURE = Path(__file__).parent.parent / "data" / "db_v0_1_0.sqlite"
FORMS_DIR = Path(__file__).parents[2] / "forms"


def test_file_made_by_the_first_version_opens_and_checks(tmp_path):
    folder = tmp_path / "old"
    folder.mkdir()
    shutil.copyfile(FIXTURE, folder / "plan_desktop.sqlite")
    with Installation.open(folder) as inst:
        assert inst.unit_code == "13597"
        assert inst.store.get_meta("created_by_version") == "0.1.0"
        applied = {m.name for m in migrations.applied(inst.store.db)}
        assert {m.name for m in migrations._migrations} <= applied
        form = inst.store.forms["communication"]
        (row,) = inst.store.rows(form, Query())
        assert row["participants"] == 125 and row["revision"] == 2
        assert inst.store.check() == []
        # and the program keeps working on it
        rec = inst.records(actor="t").create("officer", {"full_name": "Trần Văn Bình"})
        assert rec["revision"] == 1
        assert inst.store.check() == []


def test_a_field_added_to_a_form_adds_a_column_and_keeps_data(tmp_path):
    folder = tmp_path / "old"
    folder.mkdir()
    shutil.copyfile(FIXTURE, folder / "plan_desktop.sqlite")
    forms_dir = tmp_path / "forms"
    shutil.copytree(FORMS_DIR, forms_dir)
    toml = forms_dir / "communication.toml"
    toml.write_text(toml.read_text(encoding="utf-8") + '\n[[fields]]\nname = "hamlet_count"\ntype = "int"\n'
                    'label = "Số thôn được tuyên truyền"\nmin = 0\n', encoding="utf-8")
    forms = load_forms(forms_dir)
    store = Store.open(folder / "plan_desktop.sqlite", forms)
    try:
        form = forms["communication"]
        assert "hamlet_count" in store.db[form.table].columns_dict
        changes = list(store.db.query("SELECT form, [column] FROM schema_changes WHERE [column] = 'hamlet_count'"))
        assert changes == [{"form": "communication", "column": "hamlet_count"}]
        (row,) = store.rows(form, Query())
        assert row["participants"] == 125 and row["hamlet_count"] is None
        # the audit chain still verifies: the new empty column does not change old content
        assert store.check() == []
    finally:
        store.close()


def test_reopening_is_idempotent(tmp_path):
    path = tmp_path / "s.sqlite"
    Store.open(path).close()
    store = Store.open(path)
    try:
        assert store.migrate() == []
    finally:
        store.close()
