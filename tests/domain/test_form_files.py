"""The ten form files in ``forms/`` against the data dictionary, and the loader's refusal of broken files."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from plan_desktop.domain.forms import Condition, FormDefinitionError, load_form, load_forms

FORMS = load_forms()

# -- the forms, as the data dictionary lists them --------------------------------------------------

FIELD_NAMES = {
    "communication": [
        "date", "format", "venue_type", "location", "topic", "lead_org", "audience", "sessions",
        "participants", "participants_female", "materials", "broadcast_minutes", "cost", "notes",
    ],
    "training": [
        "start_date", "end_date", "title", "level", "content", "trainee_group", "trainees",
        "trainees_female", "officers", "cost", "notes",
    ],
    "officer": ["full_name", "position", "role", "since", "until"],
    "establishment": [
        "name", "kind", "address", "owner_name", "licence_no", "female_workers", "opened_on", "closed_on",
        "suspected", "suspected_since", "suspected_until",
    ],
    "inspection": [
        "date", "establishment", "team", "record_no", "violation", "violation_desc", "action", "fine",
    ],
    "case": [
        "detected_on", "source", "kind", "scale", "establishment", "sellers", "sellers_minor", "buyers", "organisers",
        "action", "fine", "decision_no", "status", "closed_on", "notes",
    ],
    "support": ["date", "person_code", "service", "provider", "model", "outcome"],
    "support_model": ["name", "model_type", "established_on", "ended_on", "people_reached"],
    "plan_document": ["doc_no", "issued_on", "title", "integrated_with", "carried_out_on"],
    "unit_status": ["year", "healthy", "healthy_drugs_too", "decision_no", "decision_date"],
}

CHOICE_CODES = {
    ("communication", "format"): "talk group_discussion counselling interactive_event loudspeaker press "
                                 "print_materials film other",
    ("communication", "venue_type"): "industrial_zone residential school border_area business other",
    ("communication", "lead_org"): "peoples_committee police womens_union youth_union fatherland_front "
                                   "school other",
    ("communication", "audience"): "residents youth students industrial_workers business_workers high_risk "
                                   "women_job_seekers other",
    ("training", "level"): "commune district province central",
    ("training", "content"): "management interagency monitoring communication_skills harm_reduction "
                             "gender_violence law",
    ("training", "trainee_group"): "officers reporters propagandists volunteers collaborators peer_educators "
                                   "business_owners",
    ("officer", "role"): "full_time part_time police collaborator",
    ("establishment", "kind"): "hotel guesthouse lodging karaoke massage bar_club hair_salon cafe "
                               "hot_spring other",
    ("inspection", "team"): "interagency police commune other",
    ("inspection", "action"): "none warning fine suspension licence_revoked referred",
    ("case", "source"): "report tip_off complaint inspection patrol",
    ("case", "kind"): "buying_selling harbouring brokering organising disguised_business",
    ("case", "action"): "admin_fine criminal education referred pending",
    ("case", "status"): "open handled referred",
    ("case", "scale"): "case ring",
    ("support", "service"): "counselling health_hiv legal vocational loan job social_allowance other",
    ("support_model", "model_type"): "community_support worker_rights peer_group harm_reduction "
                                     "gbv_prevention",
    ("plan_document", "integrated_with"): "poverty vocational employment hiv trafficking drugs",
}


def test_all_ten_forms_in_navigation_order():
    assert list(FORMS) == [
        "communication", "training", "inspection", "establishment", "case", "support", "support_model",
        "plan_document", "unit_status", "officer",
    ]


@pytest.mark.parametrize("form_id", sorted(FIELD_NAMES))
def test_field_names_in_dictionary_order(form_id):
    assert FORMS[form_id].field_names == FIELD_NAMES[form_id]


@pytest.mark.parametrize(("form_id", "field"), sorted(CHOICE_CODES))
def test_choice_codes_exactly(form_id, field):
    fd = FORMS[form_id].field(field)
    assert [c.code for c in fd.choices] == CHOICE_CODES[(form_id, field)].split()


def test_every_choice_field_is_covered():
    declared = {(f.id, fd.name) for f in FORMS.values() for fd in f if fd.type in ("choice", "choices")}
    assert declared == set(CHOICE_CODES)


@pytest.mark.parametrize(
    ("form_id", "field", "ftype"),
    [
        ("training", "start_date", "date"),
        ("training", "content", "choices"),
        ("training", "trainees", "int"),
        ("training", "cost", "money"),
        ("officer", "full_name", "text"),
        ("officer", "until", "date"),
        ("establishment", "kind", "choice"),
        ("establishment", "suspected", "bool"),
        ("establishment", "female_workers", "int"),
        ("inspection", "violation", "bool"),
        ("inspection", "fine", "money"),
        ("case", "sellers_minor", "int"),
        ("case", "fine", "money"),
        ("case", "closed_on", "date"),
        ("support", "person_code", "text"),
        ("support", "service", "choice"),
        ("support_model", "people_reached", "int"),
        ("plan_document", "integrated_with", "choices"),
        ("unit_status", "year", "int"),
        ("unit_status", "healthy_drugs_too", "bool"),
    ],
)
def test_field_types(form_id, field, ftype):
    assert FORMS[form_id].field(field).type == ftype


@pytest.mark.parametrize(
    ("form_id", "field", "target"),
    [
        ("training", "officers", "officer"),
        ("inspection", "establishment", "establishment"),
        ("case", "establishment", "establishment"),
        ("support", "model", "support_model"),
    ],
)
def test_references(form_id, field, target):
    fd = FORMS[form_id].field(field)
    assert fd.form == target
    assert fd.type == ("refs" if field == "officers" else "ref")


@pytest.mark.parametrize(
    ("form_id", "field", "max_length", "multiline"),
    [
        ("training", "title", 300, False),
        ("training", "notes", 2000, True),
        ("officer", "full_name", 120, False),
        ("officer", "position", 120, False),
        ("establishment", "name", 200, False),
        ("establishment", "address", 300, False),
        ("establishment", "owner_name", 120, False),
        ("establishment", "licence_no", 60, False),
        ("inspection", "record_no", 60, False),
        ("inspection", "violation_desc", 1000, True),
        ("case", "decision_no", 60, False),
        ("case", "notes", 2000, True),
        ("support", "person_code", 40, False),
        ("support", "provider", 200, False),
        ("support", "outcome", 1000, True),
        ("support_model", "name", 200, False),
        ("plan_document", "doc_no", 60, False),
        ("plan_document", "title", 300, False),
        ("unit_status", "decision_no", 60, False),
    ],
)
def test_text_lengths(form_id, field, max_length, multiline):
    fd = FORMS[form_id].field(field)
    assert (fd.type, fd.max_length, fd.multiline) == ("text", max_length, multiline)


REQUIRED = {
    "training": {"start_date", "title", "level", "trainee_group"},
    "officer": {"full_name"},
    "establishment": {"name", "kind"},
    "inspection": {"date", "establishment"},
    "case": {"detected_on"},
    "support": {"date", "person_code", "service"},
    "support_model": {"name", "established_on"},
    "plan_document": {"doc_no", "issued_on", "title"},
    "unit_status": {"year"},
}


@pytest.mark.parametrize("form_id", sorted(REQUIRED))
def test_required_fields(form_id):
    assert {fd.name for fd in FORMS[form_id] if fd.required} == REQUIRED[form_id]


def test_not_future_dates():
    not_future = {(f.id, fd.name) for f in FORMS.values() for fd in f if fd.not_future}
    # every date of something that has happened; only the end of a roster entry may lie ahead
    assert not_future == {
        ("communication", "date"), ("inspection", "date"), ("case", "detected_on"), ("case", "closed_on"),
        ("support", "date"), ("training", "start_date"), ("training", "end_date"),
        ("plan_document", "issued_on"), ("unit_status", "decision_date"), ("establishment", "opened_on"),
        ("establishment", "suspected_since"), ("officer", "since"), ("support_model", "established_on"),
        ("establishment", "suspected_until"), ("plan_document", "carried_out_on"),
    }


def test_minimums():
    assert FORMS["training"].field("trainees").min == 1
    assert FORMS["unit_status"].field("year").min == 2016
    for f in FORMS.values():
        for fd in f:
            if fd.type == "money" or (fd.type == "int" and (f.id, fd.name) not in {
                ("training", "trainees"), ("unit_status", "year"), ("communication", "sessions"),
            }):
                assert fd.min == 0, (f.id, fd.name)


def test_lte_and_gte():
    lte = {(f.id, fd.name): fd.lte for f in FORMS.values() for fd in f if fd.lte}
    gte = {(f.id, fd.name): fd.gte for f in FORMS.values() for fd in f if fd.gte}
    assert lte == {
        ("communication", "participants_female"): "participants",
        ("training", "trainees_female"): "trainees",
        ("case", "sellers_minor"): "sellers",
    }
    assert gte == {
        ("training", "end_date"): "start_date",
        ("officer", "until"): "since",
        ("establishment", "closed_on"): "opened_on",
        ("case", "closed_on"): "detected_on",
        ("support_model", "ended_on"): "established_on",
        ("establishment", "suspected_until"): "suspected_since",
        ("plan_document", "carried_out_on"): "issued_on",
    }


def test_conditions():
    est = FORMS["establishment"].field("suspected_since")
    assert est.only_when == Condition(field="suspected", values=(True,))
    insp = FORMS["inspection"]
    assert insp.field("violation_desc").required_when == Condition(field="violation", values=(True,))
    assert insp.field("fine").positive_when == Condition(field="action", values=("fine",))
    assert insp.field("fine").min == 0
    closed = FORMS["case"].field("closed_on")
    assert closed.required_when == Condition(field="status", values=("open",), negate=True)
    assert closed.required_when.holds({"status": "handled"})
    assert not closed.required_when.holds({"status": "open"})
    # nothing else carries a condition
    conds = {(f.id, fd.name) for f in FORMS.values() for fd in f
             if fd.only_when or fd.required_when or fd.positive_when}
    assert conds == {
        ("communication", "broadcast_minutes"), ("establishment", "suspected_since"),
        ("establishment", "suspected_until"),
        ("inspection", "violation_desc"), ("inspection", "fine"), ("case", "closed_on"),
    }


def test_implies_unique_min_items():
    status = FORMS["unit_status"]
    assert status.field("healthy_drugs_too").implies == "healthy"
    assert status.field("year").unique
    assert [(f.id, fd.name) for f in FORMS.values() for fd in f if fd.unique] == [("unit_status", "year")]
    min_items = {(f.id, fd.name) for f in FORMS.values() for fd in f if fd.min_items}
    assert min_items == {("communication", "audience"), ("training", "content")}
    assert FORMS["training"].field("content").min_items == 1
    assert FORMS["plan_document"].field("integrated_with").min_items == 0


def test_no_defaults_except_sessions():
    defaults = {(f.id, fd.name): fd.default for f in FORMS.values() for fd in f if fd.default is not None}
    assert defaults == {("communication", "sessions"): 1, ("case", "scale"): "case", ("case", "status"): "open"}


def test_dictionary_labels_verbatim():
    assert FORMS["training"].field("start_date").label == "Từ ngày"
    assert FORMS["training"].field("officers").label == "Cán bộ tham dự (từ danh sách cán bộ)"
    est = FORMS["establishment"]
    assert est.field("suspected").label == "Nghi vấn hoạt động mại dâm trá hình"
    assert FORMS["inspection"].field("action").choice("fine").label == "Phạt tiền"
    assert FORMS["inspection"].field("action").choice("none").label == "Không xử lý"
    assert FORMS["inspection"].field("team").choice("other").label == "Khác"
    assert FORMS["case"].field("status").choice("open").label == "Đang xử lý"
    assert FORMS["case"].field("organisers").label == "Số chủ chứa, môi giới, tổ chức"
    assert FORMS["support"].field("person_code").label == "Mã số người được hỗ trợ"
    assert FORMS["support_model"].field("model_type").choice("worker_rights").label == (
        "Bảo vệ quyền người lao động tại cơ sở kinh doanh dịch vụ")
    assert FORMS["plan_document"].field("integrated_with").choice("drugs").label == "Phòng, chống ma túy"
    healthy = FORMS["unit_status"].field("healthy")
    assert healthy.label == "Đạt xã, phường lành mạnh không có tệ nạn mại dâm"
    assert [c.label for c in FORMS["training"].field("level").choices] == [
        "Cấp xã", "Cấp huyện", "Cấp tỉnh", "Trung ương"]
    assert est.field("kind").choice("hair_salon").label == "Cắt tóc, gội đầu thư giãn"


def test_person_code_help_forbids_identifying_data():
    fd = FORMS["support"].field("person_code")
    assert "HT-<mã xã>-<số thứ tự>" in fd.help
    assert fd.example_for("13597", 7) == "HT-13597-0007"
    assert fd.pattern_for("13597").fullmatch("HT-13597-0007")
    assert not fd.pattern_for("13597").fullmatch("Nguyễn Thị Lan")
    for word in ("họ tên", "CCCD", "địa chỉ"):
        assert word in fd.help


def _texts(form):
    yield form.label
    yield form.label_en
    for fd in form:
        yield fd.label
        yield fd.label_en
        yield fd.help
        yield fd.help_en
        for c in fd.choices:
            yield c.label
            yield c.label_en


@pytest.mark.parametrize("form_id", sorted(FIELD_NAMES))
def test_labels_in_both_languages_nfc(form_id):
    form = FORMS[form_id]
    assert form.label.strip() and form.label_en.strip()
    assert form.description.strip() and form.description_en.strip()
    for fd in form:
        assert fd.label.strip() and fd.label_en.strip(), fd.name
        assert bool(fd.help) == bool(fd.help_en), fd.name
        for c in fd.choices:
            assert c.label.strip() and c.label_en.strip(), (fd.name, c.code)
    for s in _texts(form):
        assert unicodedata.is_normalized("NFC", s), s


@pytest.mark.parametrize("form_id", sorted(FIELD_NAMES))
def test_form_keys(form_id):
    form = FORMS[form_id]
    assert form.source is not None and form.source.name == f"{form_id}.toml"
    assert form.period_field is not None
    assert form.field(form.period_field).type in ("date", "int")
    assert form.title_fields
    assert 4 <= len(form.list_columns) <= 7


def test_period_fields():
    assert {f.id: f.period_field for f in FORMS.values()} == {
        "communication": "date", "training": "start_date", "officer": "since", "establishment": "opened_on",
        "inspection": "date", "case": "detected_on", "support": "date", "support_model": "established_on",
        "plan_document": "issued_on", "unit_status": "year",
    }


# -- the loader refuses broken definitions, naming file and field -----------------------------------

HEADER = 'id = "{id}"\nlabel = "Biểu mẫu thử"\n'


def _write(folder: Path, name: str, body: str, form_id: str | None = None) -> Path:
    path = folder / f"{name}.toml"
    path.write_text(HEADER.format(id=form_id or name) + body, encoding="utf-8")
    return path


FIELD_OK = '\n[[fields]]\nname = "when"\ntype = "date"\nlabel = "Ngày"\n'
REF_FIELD = '\n[[fields]]\nname = "place"\ntype = "ref"\nform = "{target}"\nlabel = "Nơi"\n'


@pytest.mark.parametrize(
    ("body", "field", "words"),
    [
        ('\n[[fields]]\nname = "size"\ntype = "float"\nlabel = "Cỡ"\n', "size", "unknown type"),
        (FIELD_OK + FIELD_OK, "when", "duplicate field"),
        ('\n[[fields]]\nname = "kind"\ntype = "choice"\nlabel = "Loại"\n'
         'choices = [ { label = "Một" } ]\n', "kind", "no code"),
        ('\n[[fields]]\nname = "kind"\ntype = "choice"\nlabel = "Loại"\n'
         'choices = [ { code = "a", label = "Một" }, { code = "a", label = "Hai" } ]\n', "kind",
         "duplicate choice code 'a'"),
        ('\n[[fields]]\nname = "n"\ntype = "int"\nlabel = "Số"\n'
         '\n[[fields]]\nname = "part"\ntype = "int"\nlabel = "Trong đó"\nlte = "total"\n', "part",
         "unknown field 'total'"),
        ('\n[[fields]]\nname = "kind"\ntype = "choice"\nlabel = "Loại"\n'
         'choices = [ { code = "a", label = "Một" } ]\n'
         '\n[[fields]]\nname = "extra"\ntype = "int"\nlabel = "Thêm"\n'
         'only_when = { field = "kind", in = ["zzz"] }\n', "extra", "unknown code 'zzz'"),
        ('\n[[fields]]\nname = "title"\ntype = "text"\nlabel = "Tên"\n', "title", "max_length"),
    ],
    ids=["unknown-type", "duplicate-field", "choice-without-code", "duplicate-choice-code",
         "lte-unknown-field", "condition-unknown-code", "text-without-max-length"],
)
def test_broken_field_is_refused(tmp_path, body, field, words):
    path = _write(tmp_path, "broken", body)
    with pytest.raises(FormDefinitionError) as exc:
        load_forms(tmp_path)
    msg = str(exc.value)
    assert msg.startswith("broken.toml:")
    assert f"'{field}'" in msg
    assert words in msg
    with pytest.raises(FormDefinitionError):
        load_form(path)


def test_ref_to_unknown_form_is_refused(tmp_path):
    _write(tmp_path, "visit", FIELD_OK + REF_FIELD.format(target="nowhere"))
    with pytest.raises(FormDefinitionError) as exc:
        load_forms(tmp_path)
    msg = str(exc.value)
    assert msg.startswith("visit.toml:")
    assert "'place'" in msg and "unknown form 'nowhere'" in msg


def test_ref_to_known_form_loads(tmp_path):
    _write(tmp_path, "place", '\n[[fields]]\nname = "name"\ntype = "text"\nmax_length = 50\nlabel = "Tên"\n')
    _write(tmp_path, "visit", FIELD_OK + REF_FIELD.format(target="place"))
    forms = load_forms(tmp_path)
    assert forms["visit"].field("place").form == "place"


def test_id_must_match_file_name(tmp_path):
    _write(tmp_path, "visit", FIELD_OK, form_id="visits")
    with pytest.raises(FormDefinitionError) as exc:
        load_forms(tmp_path)
    msg = str(exc.value)
    assert msg.startswith("visit.toml:")
    assert "'visits'" in msg and "'visit'" in msg


def test_the_real_files_copied_load_the_same(tmp_path):
    """A copy of the shipped folder loads identically (nothing depends on the folder's location)."""
    src = next(iter(FORMS.values())).source.parent
    for p in src.glob("*.toml"):
        (tmp_path / p.name).write_bytes(p.read_bytes())
    copy = load_forms(tmp_path)
    assert copy.signature() == FORMS.signature()


def test_declared_indexes_name_known_columns(tmp_path):
    assert FORMS["communication"].indexes == (("unit_code", "deleted", "format", "date"),)
    _write(tmp_path, "ok", 'indexes = [["unit_code", "deleted", "when"]]\n' + FIELD_OK)
    assert load_forms(tmp_path)["ok"].indexes == (("unit_code", "deleted", "when"),)
    for bad, words in (('[["unit_code", "nowhere"]]', "unknown column 'nowhere'"),
                       ('[["when", "when"]]', "a column twice"), ('["when"]', "list of non-empty lists"),
                       ("[[]]", "list of non-empty lists")):
        path = _write(tmp_path, "broken", f"indexes = {bad}\n" + FIELD_OK)
        with pytest.raises(FormDefinitionError) as exc:
            load_form(path)
        assert str(exc.value).startswith("broken.toml: indexes:") and words in str(exc.value)


def test_rosters_name_their_end_field():
    assert {f.id: f.until_field for f in FORMS.values() if f.until_field} == {
        "officer": "until", "establishment": "closed_on", "support_model": "ended_on"}
    assert all(f.until_field is None for f in FORMS.values() if f.id in ("communication", "case", "unit_status"))


def test_until_field_must_be_a_date_after_a_date_period(tmp_path):
    ok = ('period_field = "when"\nuntil_field = "{u}"\n' + FIELD_OK
          + '\n[[fields]]\nname = "n"\ntype = "int"\nlabel = "Số"\n')
    path = _write(tmp_path, "broken", ok.format(u="n"))
    with pytest.raises(FormDefinitionError) as exc:
        load_form(path)
    assert str(exc.value).startswith("broken.toml: until_field:") and "'n'" in str(exc.value)
    path = _write(tmp_path, "broken", 'until_field = "when"\n' + FIELD_OK)
    with pytest.raises(FormDefinitionError, match="needs a date period_field"):
        load_form(path)


# -- kind: what «the records of a period» means for a form ------------------------------------------------
def test_every_form_declares_its_kind():
    assert {f.id: f.kind for f in FORMS.values()} == {
        "communication": "event", "training": "event", "inspection": "event", "case": "event",
        "support": "event", "plan_document": "event", "officer": "roster", "establishment": "roster",
        "support_model": "roster", "unit_status": "yearly"}
    assert all((f.kind == "roster") == (f.until_field is not None) for f in FORMS.values())


INT_FIELD = '\n[[fields]]\nname = "n"\ntype = "int"\nlabel = "Số"\n'


@pytest.mark.parametrize(("head", "words"), [
    ('period_field = "when"\n', "declares its kind"),
    ('kind = "event"\n', "without a period_field has no kind"),
    ('kind = "happening"\nperiod_field = "when"\n', "declares its kind (event | roster | yearly)"),
    ('kind = "yearly"\nperiod_field = "when"\n', "needs an int (year) period_field"),
    ('kind = "event"\nperiod_field = "n"\n', "kind 'event' needs a date period_field"),
    ('kind = "roster"\nperiod_field = "when"\n', "a roster names its until_field"),
    ('kind = "event"\nperiod_field = "when"\nreport_from = "forever"\n', "'forever' is not one of"),
    ('report_from = "always"\n', "without a period_field is not read by period"),
])
def test_kind_must_fit_the_period_fields(tmp_path, head, words):
    path = _write(tmp_path, "broken", head + FIELD_OK + INT_FIELD)
    with pytest.raises(FormDefinitionError) as exc:
        load_form(path)
    assert str(exc.value).startswith("broken.toml: ") and words in str(exc.value)


def test_a_roster_and_a_yearly_form_load(tmp_path):
    until = '\n[[fields]]\nname = "till"\ntype = "date"\nlabel = "Đến"\n'
    roster = load_form(_write(tmp_path, "roster", 'kind = "roster"\nperiod_field = "when"\nuntil_field = "till"\n'
                              'report_from = "always"\n' + FIELD_OK + until))
    assert (roster.kind, roster.until_field, roster.report_from) == ("roster", "till", "always")
    yearly = load_form(_write(tmp_path, "yearly", 'kind = "yearly"\nperiod_field = "n"\n' + INT_FIELD))
    assert (yearly.kind, yearly.report_from) == ("yearly", "year")


# -- version and history: how a record written with older forms reads now ---------------------------------
def test_every_form_starts_at_version_1():
    assert set(FORMS.versions().values()) == {1} and all(not f.history for f in FORMS.values())


def test_history_renames_and_removals_chain(tmp_path):
    fields = FIELD_OK + '\n[[fields]]\nname = "c"\ntype = "int"\nlabel = "C"\n'
    history = ('version = 4\n' + fields
               + '\n[[history]]\nversion = 2\nrenamed_fields = { a = "b" }\nremoved_fields = ["x"]\n'
               + '\n[[history]]\nversion = 3\nrenamed_fields = { b = "c" }\n'
               + '\n[[history]]\nversion = 4\nremoved_fields = ["y"]\n')
    form = load_form(_write(tmp_path, "hist", history))
    assert form.version == 4
    assert form.upgrade_from(1) == ({"a": "c"}, frozenset({"x", "y"}))
    assert form.upgrade_from(2) == ({"b": "c"}, frozenset({"y"}))
    assert form.upgrade_from(4) == ({}, frozenset())


@pytest.mark.parametrize(("body", "words"), [
    ('version = 0\n', "version: 0 must be a whole number from 1"),
    ('version = 2\n[[history]]\nversion = 3\n', "at most the form's version 2"),
    ('version = 3\n[[history]]\nversion = 3\n[[history]]\nversion = 2\n', "above 3 (in order)"),
    ('version = 2\n[[history]]\nversion = 2\nremoved_fields = ["when"]\n', "'when' is still a field"),
    ('version = 2\n[[history]]\nversion = 2\nrenamed = { a = "when" }\n', "unknown keys ['renamed']"),
])
def test_history_must_be_honest(tmp_path, body, words):
    head, _, tail = body.partition("[[history]]")
    text = head + FIELD_OK + (("\n[[history]]" + tail) if tail else "")
    with pytest.raises(FormDefinitionError) as exc:
        load_form(_write(tmp_path, "broken", text))
    assert str(exc.value).startswith("broken.toml: ") and words in str(exc.value)
