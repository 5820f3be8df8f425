"""The report's data hash keeps the format of every earlier version: a signed report made before
(its hash is inside the PDF) still matches the same data now."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from plan_desktop.domain.forms import COMMON_FIELDS
from plan_desktop.reports.scope import ReportError, make_scope, report_data_hash, scope_forms
from plan_desktop.services.installation import Installation
from tests.reports.conftest import add, comm, incoming_change


def _reference_hash(inst, period: str) -> str:
    """The hash as version 0.1.0 computed it: SQLite's JSON lines, ordered by id in SQL."""
    scope = make_scope(inst, period, None)
    h = hashlib.sha256()
    for form_id in scope_forms(inst):
        form = inst.store.forms[form_id]
        skip = {"id", "revision", *form.local_only_names}
        cols = [c for c in (*COMMON_FIELDS, *form.field_names) if c not in skip]
        where, params = scope.where(form_id)
        sql = (f"SELECT json_array(?, id, revision, json_array({', '.join(f'[{c}]' for c in cols)})) "
               f"FROM [{form.table}] WHERE {where} ORDER BY id")
        for (line,) in inst.store.db.execute(sql, [form_id, *params]):
            h.update((line + "\n").encode())
    return h.hexdigest()


def test_data_hash_is_the_first_versions(district, dsvc):
    for i, day in enumerate(("2019-02-01", "2019-05-01", "2019-08-01", "2019-11-01")):
        comm(dsvc, "13597", day, participants=100 + i,
             topic=f'Tuyên truyền "đặc biệt" \\ số {i} — 😀')
        comm(dsvc, "13603", day, "press", venue_type="other")
    add(dsvc, "unit_status", "13597", year=2019, healthy=True)
    deleted = comm(dsvc, "13597", "2019-03-03")
    incoming_change(dsvc, "communication", deleted, deleted=1)
    got = report_data_hash(district, "2019", version=1)
    assert got == _reference_hash(district, "2019")
    comm(dsvc, "13597", "2019-12-01")  # and a change changes it
    assert report_data_hash(district, "2019", version=1) != got


# -- version 2: field name → value, NULLs left out; version 1 kept for reports signed under it ----------
def _v1_pdf(path, digest):
    """A report PDF as version 1 wrote it: the hash in the keywords, no version beside it."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    c.setKeywords(f"plan_desktop:data_sha256={digest}")
    c.drawString(90, 700, "report")
    c.showPage()
    c.save()
    return path


def _with_extra_field(tmp_path, folder):
    import shutil

    from plan_desktop.domain.forms import load_forms

    forms_dir = tmp_path / "forms-new"
    shutil.copytree(Path(__file__).parents[2] / "forms", forms_dir)
    toml = forms_dir / "communication.toml"
    toml.write_text(toml.read_text(encoding="utf-8") + '\n[[fields]]\nname = "hamlet_count"\ntype = "int"\n'
                    'label = "Số thôn được tuyên truyền"\nmin = 0\n', encoding="utf-8")
    return Installation.open(folder, forms=load_forms(forms_dir), daily_backup=False)


def test_a_field_added_to_a_form_changes_no_version_2_or_3_hash(district, dsvc, tmp_path):
    comm(dsvc, "13597", "2019-02-01", participants=100)
    comm(dsvc, "13603", "2019-05-01", "press", venue_type="other")
    add(dsvc, "unit_status", "13597", year=2019, healthy=True)
    v3 = report_data_hash(district, "2019-H1", version=3)
    v2 = report_data_hash(district, "2019-H1", version=2)
    v1 = report_data_hash(district, "2019-H1", version=1)
    assert v3 == report_data_hash(district, "2019-H1") == _reference_v3(district, "2019-H1")
    assert v1 == _reference_hash(district, "2019-H1") != v2 != v3
    folder = district.folder
    district.close()
    with _with_extra_field(tmp_path, folder) as inst:
        assert "hamlet_count" in inst.store.db["form_communication"].columns_dict
        assert report_data_hash(inst, "2019-H1", version=3) == v3
        assert report_data_hash(inst, "2019-H1", version=2) == v2
        assert report_data_hash(inst, "2019-H1", version=1) != v1  # why version 1 had to go


# -- version 3: the records' stored hashes ------------------------------------------------------------
def _reference_v3(inst, period: str) -> str:
    """Version 3 computed here from the rows alone: ``form,id,revision,sha256(JSON)`` where the JSON is
    the record's content (common fields and the form's fields, local_only ones and NULLs left out, and
    the form's id under ``form``) with sorted keys and no spaces."""
    import json

    scope = make_scope(inst, period, None)
    h = hashlib.sha256()
    for form_id in scope_forms(inst):
        form = inst.store.forms[form_id]
        cols = [c for c in (*COMMON_FIELDS, *form.field_names) if c not in form.local_only_names]
        where, params = scope.where(form_id)
        for row in inst.store.db.query(f"SELECT * FROM [{form.table}] WHERE {where} ORDER BY id", params):
            content = {"form": form_id, **{c: row[c] for c in cols if row[c] is not None}}
            text = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
            h.update(f"{form_id},{row['id']},{row['revision']},{hashlib.sha256(text.encode()).hexdigest()}\n"
                     .encode())
    return h.hexdigest()


def _world(dsvc):
    """A few records of two communes, one of them deleted; returns the id of a live one."""
    live = comm(dsvc, "13597", "2019-02-01", participants=100, topic="Tuyên truyền — 😀 \\ \"x\"")
    comm(dsvc, "13603", "2019-05-01", "press", venue_type="other")
    add(dsvc, "unit_status", "13597", year=2019, healthy=True)
    gone = comm(dsvc, "13597", "2019-03-03")
    incoming_change(dsvc, "communication", gone, deleted=1)
    return live


def test_version_3_reads_the_hash_stored_with_each_record(district, dsvc):
    rid = _world(dsvc)
    got = report_data_hash(district, "2019-H1")
    assert got == _reference_v3(district, "2019-H1")
    db = district.store.db
    stored = db.execute("SELECT shared_hash FROM form_communication WHERE id = ?", [rid]).fetchone()[0]
    assert len(stored) == 64
    # it is the stored hash that is read: changed behind the program's back, the report's hash follows
    # it (and check names the record)
    with db.conn:
        db.execute("UPDATE form_communication SET shared_hash = ? WHERE id = ?", ["0" * 64, rid])
    assert report_data_hash(district, "2019-H1") != got
    problems = district.store.check()
    assert len(problems) == 1 and rid in problems[0] and "shared_hash" in problems[0]
    # emptied, it is computed again from the record: the same hash as written
    with db.conn:
        db.execute("UPDATE form_communication SET shared_hash = NULL")
    assert report_data_hash(district, "2019-H1") == got and district.store.check() == []
    # an edit writes the new one
    comm(dsvc, "13597", "2019-06-01")
    assert report_data_hash(district, "2019-H1") == _reference_v3(district, "2019-H1") != got


def test_checking_a_signed_report_against_the_data_computes_each_record_s_hash_again(district, dsvc, tmp_path):
    from plan_desktop.reports.pdf import render_pdf
    from plan_desktop.services import reporting
    from plan_desktop.services.signing import SigningService

    rid = _world(dsvc)
    data = reporting.build(district, "2019-H1")
    pdf = render_pdf(data, tmp_path / "r.pdf") or tmp_path / "r.pdf"
    signing = SigningService(district)
    assert signing.data_matches(pdf, "2019-H1") is True
    # a figure changed behind the program's back, its stored hash left as it was: reports made here would
    # not see it (check does), checking the signed report does
    db = district.store.db
    with db.conn:
        db.execute("UPDATE form_communication SET participants = 999 WHERE id = ?", [rid])
    assert report_data_hash(district, "2019-H1") == data.data_hash
    assert signing.data_matches(pdf, "2019-H1") is False
    assert any(rid in p for p in district.store.check())


def test_a_store_from_before_the_stored_hashes_gets_them_when_opened(district, dsvc):
    import sqlite3

    _world(dsvc)
    got = report_data_hash(district, "2019-H1")
    folder, path = district.folder, district.store.path
    district.close()
    con = sqlite3.connect(path)
    with con:
        for (table,) in con.execute("SELECT name FROM sqlite_master WHERE type='table' AND name LIKE 'form_%'"):
            con.execute(f"ALTER TABLE [{table}] DROP COLUMN shared_hash")
    con.close()
    with Installation.open(folder, daily_backup=False) as inst:
        rows = inst.store.db.execute("SELECT count(*), count(shared_hash) FROM form_communication").fetchone()
        assert rows[0] == rows[1] > 0  # every record was given its hash
        assert report_data_hash(inst, "2019-H1") == got
        assert inst.store.check() == []


def test_a_report_signed_under_version_1_still_matches_its_data(district, dsvc, tmp_path):
    from plan_desktop.services.signing import SigningService
    from plan_desktop.signing.verify import read_data_hash_info

    comm(dsvc, "13597", "2019-02-01", participants=100)
    old = _v1_pdf(tmp_path / "v1.pdf", report_data_hash(district, "2019-H1", version=1))
    new = _v1_pdf(tmp_path / "v2-unlabelled.pdf", report_data_hash(district, "2019-H1", version=2))
    assert read_data_hash_info(old)[1] == 1
    signing = SigningService(district)
    assert signing.data_matches(old, "2019-H1") is True  # computed as version 1, as the PDF says
    assert signing.data_matches(new, "2019-H1") is False  # a v2 hash without its label is not v1
    entry = signing.register_draft(old, "2019-H1")
    assert entry.data_hash_version == 1
    comm(dsvc, "13597", "2019-03-01")
    assert signing.data_matches(old, "2019-H1") is False


def test_the_report_carries_its_hash_version(district, dsvc, tmp_path):
    from plan_desktop.reports.pdf import render_pdf
    from plan_desktop.services import reporting
    from plan_desktop.signing.verify import read_data_hash_info

    comm(dsvc, "13597", "2019-02-01")
    data = reporting.build(district, "2019-H1")
    assert data.data_hash_version == 3 and "plan_desktop:data_hash_version=3" in data.keywords
    render_pdf(data, tmp_path / "r.pdf")
    assert read_data_hash_info(tmp_path / "r.pdf") == (data.data_hash, 3)


def test_an_unknown_version_is_refused_in_vietnamese(district):
    with pytest.raises(ReportError, match="phiên bản 4"):
        report_data_hash(district, "2019-H1", version=4)
