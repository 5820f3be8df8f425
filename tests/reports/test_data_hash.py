"""The report's data hash keeps the format of every earlier version: a signed report made before
(its hash is inside the PDF) still matches the same data now."""

from __future__ import annotations

import hashlib

from plan_desktop.domain.forms import COMMON_FIELDS
from plan_desktop.reports.scope import make_scope, report_data_hash, scope_forms
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
    got = report_data_hash(district, "2019")
    assert got == _reference_hash(district, "2019")
    comm(dsvc, "13597", "2019-12-01")  # and a change changes it
    assert report_data_hash(district, "2019") != got
