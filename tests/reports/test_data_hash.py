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


def test_a_field_added_to_a_form_changes_no_version_2_hash(district, dsvc, tmp_path):
    comm(dsvc, "13597", "2019-02-01", participants=100)
    comm(dsvc, "13603", "2019-05-01", "press", venue_type="other")
    add(dsvc, "unit_status", "13597", year=2019, healthy=True)
    v2 = report_data_hash(district, "2019-H1", version=2)
    v1 = report_data_hash(district, "2019-H1", version=1)
    assert v2 == report_data_hash(district, "2019-H1") and v1 == _reference_hash(district, "2019-H1") != v2
    folder = district.folder
    district.close()
    with _with_extra_field(tmp_path, folder) as inst:
        assert "hamlet_count" in inst.store.db["form_communication"].columns_dict
        assert report_data_hash(inst, "2019-H1", version=2) == v2
        assert report_data_hash(inst, "2019-H1", version=1) != v1  # why version 1 had to go


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
    assert data.data_hash_version == 2 and "plan_desktop:data_hash_version=2" in data.keywords
    render_pdf(data, tmp_path / "r.pdf")
    assert read_data_hash_info(tmp_path / "r.pdf") == (data.data_hash, 2)


def test_an_unknown_version_is_refused_in_vietnamese(district):
    with pytest.raises(ReportError, match="phiên bản 3"):
        report_data_hash(district, "2019-H1", version=3)
