"""The same validation messages in English, for the window's second language: every rule, with the
English labels of the form definition; the Vietnamese text stays the same."""

from __future__ import annotations

import re
from datetime import date

import pytest

from plan_desktop.domain.forms import default_forms
from plan_desktop.domain.validation import SimpleContext, validate

TODAY = date(2020, 6, 30)
CTX = SimpleContext(today=TODAY, unit_code="13597")
FORMS = default_forms()
COMM = {"date": "2020-03-05", "format": "talk", "venue_type": "residential", "topic": "Phòng ngừa mại dâm",
        "lead_org": "police", "audience": "residents;youth", "participants": "120", "participants_female": "60"}
INSP = {"date": "2020-03-01", "establishment": "7d1c1e9e-8a51-4b8e-9d7a-0a0b0c0d0e0f"}
TRAIN = {"start_date": "2020-03-05", "end_date": "2020-03-04", "title": "Lớp A", "level": "commune",
         "content": "law", "trainee_group": "officers", "trainees": 10}


def english(form_id, values, ctx=CTX):
    r = validate(FORMS[form_id], values, ctx)
    return {i.field: i.message_for("en") for i in r.issues}


@pytest.mark.parametrize("form_id, values, field, expected", [
    ("communication", {**COMM, "topic": " "}, "topic", "Topic, content: is required."),
    ("communication", {**COMM, "date": "2020-07-01"}, "date", "Date: must not be after today (30/06/2020)."),
    ("communication", {**COMM, "date": "31/02/2020"}, "date", 'is not a valid date; type it as dd/mm/yyyy'),
    ("communication", {**COMM, "participants": 10, "participants_female": 11}, "participants_female",
     "must not be more than «Participants» (10)."),
    ("communication", {**COMM, "sessions": 0}, "sessions", "must be 1 or more."),
    ("communication", {**COMM, "participants": -3}, "participants", "must not be negative."),
    ("communication", {**COMM, "participants": "12,5"}, "participants", "is not a whole number"),
    ("communication", {**COMM, "format": "radio"}, "format", '"radio" is not in the list. Choose one of: talk (Talk'),
    ("communication", {**COMM, "audience": "residents;aliens"}, "audience", "codes not in the list: aliens."),
    ("communication", {**COMM, "audience": ""}, "audience", "choose at least 1."),
    ("communication", {**COMM, "broadcast_minutes": 15}, "broadcast_minutes", "only allowed when «Format» is «"),
    ("communication", {**COMM, "topic": "x" * 301}, "topic", "longer than 300 characters (now 301)."),
    ("training", TRAIN, "end_date", "must not be before «"),
    ("inspection", {**INSP, "violation": "có"}, "violation_desc", "is required when «"),
    ("inspection", {**INSP, "action": "fine", "fine": "0"}, "fine", "must be above 0 when «"),
    ("case", {"detected_on": "2020-02-01", "status": "handled"}, "closed_on", "is required when «Status» is «Handled»"),
    ("unit_status", {"year": 2019, "healthy": "0", "healthy_drugs_too": "1"}, "healthy_drugs_too",
     "may only be ticked when «"),
    ("establishment", {"name": "A", "kind": "cafe", "suspected": "maybe"}, "suspected", "type yes/no (or 1/0)."),
    ("inspection", {**INSP, "establishment": "abc"}, "establishment", '"abc" is not a valid record id.'),
])
def test_every_rule_speaks_english(form_id, values, field, expected):
    msg = english(form_id, values)[field]
    assert expected in msg
    assert not re.search(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", msg.split("«")[0].lower()), msg
    vi = {i.field: i.message for i in validate(FORMS[form_id], values, CTX).issues}[field]
    assert vi != msg and vi == {i.field: i.message_for("vi") for i in validate(FORMS[form_id], values,
                                                                               CTX).issues}[field]


def test_reference_and_unique_in_english():
    class Ctx(SimpleContext):
        def ref_exists(self, form_id, record_id, unit_code):
            return False

    assert english("inspection", INSP, Ctx(today=TODAY, unit_code="13597"))["establishment"] == (
        "Establishment: the chosen record is not in this unit's data.")
