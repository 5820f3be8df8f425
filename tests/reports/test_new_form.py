"""A new form needs no code: its ``kind`` in the TOML puts its records in periods for the store's
lists, the report's scope and the report's data hash alike."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from plan_desktop.domain.forms import load_forms
from plan_desktop.reports.scope import make_scope, report_data_hash
from plan_desktop.services.installation import Installation
from plan_desktop.services.records import RecordService
from plan_desktop.store import Query
from tests.reports.conftest import add

FORMS_DIR = Path(__file__).parents[2] / "forms"


@pytest.fixture
def with_meeting(tmp_path):
    """A district installation whose forms have one more: «meeting», a copy of communication."""
    folder = tmp_path / "forms"
    shutil.copytree(FORMS_DIR, folder)
    text = (folder / "communication.toml").read_text(encoding="utf-8")
    (folder / "meeting.toml").write_text(
        text.replace('id = "communication"', 'id = "meeting"').replace("order = 10", "order = 11"), encoding="utf-8")
    forms = load_forms(folder)
    assert forms["meeting"].kind == "event"
    inst = Installation.init(tmp_path / "huyen", "353", forms=forms, extra_settings={"working_year": 2019})
    yield inst, RecordService(inst.store, actor="tester", today=lambda: date(2020, 12, 31))
    inst.close()


def meeting(svc, day: str) -> str:
    return add(svc, "meeting", "13597", date=date.fromisoformat(day), format="talk", venue_type="residential",
               topic="Họp bàn phòng, chống mại dâm", lead_org="peoples_committee", audience=["residents"],
               sessions=1)


def test_a_new_forms_records_are_filtered_by_period(with_meeting):
    inst, svc = with_meeting
    inside = meeting(svc, "2019-05-02")
    before = meeting(svc, "2017-05-02")
    later = meeting(svc, "2020-02-02")
    form = inst.store.forms["meeting"]
    # the store's list of a period
    listed = set(inst.store.ids(form, Query(start=date(2019, 1, 1), end=date(2019, 12, 31))))
    assert listed == {inside}
    # the report's scope: the year up to the period end
    scope = make_scope(inst, "2019-H1")
    where, params = scope.where("meeting")
    got = {r[0] for r in inst.store.db.execute(f"SELECT id FROM [{form.table}] WHERE {where}", params)}
    assert got == {inside} and before not in got and later not in got
    # the data hash: a record outside the report's reach leaves it as it is, one inside changes it
    first = report_data_hash(inst, "2019-H1")
    meeting(svc, "2018-11-30")
    meeting(svc, "2019-07-01")  # after the period end
    assert report_data_hash(inst, "2019-H1") == first
    meeting(svc, "2019-03-03")
    assert report_data_hash(inst, "2019-H1") != first
