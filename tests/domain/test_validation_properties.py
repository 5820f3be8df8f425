"""Properties of the one validator (and its one value parser), checked with hypothesis on every form.

These replace a verbatim copy of an older validator that was kept as a test oracle: instead of
"the same as before", each test states what must hold for any input an officer, a spreadsheet or a
package can give."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from plan_desktop.domain.forms import MAX_DATE, MIN_DATE, FieldDef, FormDef, default_forms
from plan_desktop.domain.validation import (
    SimpleContext,
    _Bad,
    parse_value,
    parser_for,
    unmangled,
    validate,
    validator_for,
)

FORMS = default_forms()
TODAY = date(2020, 6, 30)
UNIT = "13597"
UUIDS = ["7d1c1e9e-8a51-4b8e-9d7a-0a0b0c0d0e0f", "7D1C1E9E8A514B8E9D7A0A0B0C0D0E0F", "x-not-a-uuid"]
WEIRD = ["", " ", "  \t ", "\u00a0", "\u200b", "\ufeff1", "a  b", " a\nb ", "a\r\nb", "x\u2028y", "Ðặng",
         "Đặng", "Đă\u0323ng", "1.250", "1,5", "-3", "0", "12", "99999999", "١٢", "²", "1.250đ", " 7 ",
         "31/02/2020", "05/03/2020", "2020-03-05", "2020-03-05T08:00:00", "2021-01-01", "có", "không", "x",
         "true", "2", "residents;youth", "residents, aliens", "talk", " talk ", "loudspeaker", "Thảo luận nhóm",
         "x" * 301, "a\x1bb", "\x07", "Tá»• dĂ¢n phá»‘", "=1+1", "HT-13597-0001", "Nguyễn Thị Lan"]


class LoggingContext(SimpleContext):
    """Answers every reference and uniqueness question with yes, and remembers the questions."""

    def __init__(self):
        super().__init__(today=TODAY, unit_code=UNIT)
        self.log: list[tuple] = []

    def ref_exists(self, form_id, record_id, unit_code):
        self.log.append(("ref", form_id, record_id, unit_code))
        return True

    def is_unique(self, form_id, field_name, value, unit_code, exclude_id):
        self.log.append(("unique", form_id, field_name, value, unit_code, exclude_id))
        return True

    def ref_exists_below(self, form_id, record_id, unit_code):
        self.log.append(("ref_below", form_id, record_id, unit_code))
        return True


def typed_value(fd: FieldDef) -> st.SearchStrategy[Any]:
    """Mostly sensible values of the field's type, so that the rules past «required» are reached."""
    codes = [c.code for c in fd.choices] or ["a"]
    labels = [c.label for c in fd.choices] or ["A"]
    t = fd.type
    if t in ("int", "money"):
        return st.one_of(st.integers(-3, 2100), st.integers(-3, 600).map(str),
                         st.sampled_from(["1.250", "-3", "12,5", " 7 ", "1.250đ", "١٢", "²", "0"]))
    if t == "date":
        d = st.dates(date(1998, 1, 1), date(2021, 12, 31))
        return st.one_of(d, d.map(date.isoformat), d.map(lambda x: x.strftime("%d/%m/%Y")),
                         d.map(lambda x: f"{x.day}/{x.month}/{x.year}"), d.map(lambda x: x.strftime("%d%m%Y")),
                         st.sampled_from(["31/02/2020", "2020-03-05T08:00:00", "2020-13-01", "5/3/20", "9999-01-01"]))
    if t == "bool":
        return st.sampled_from([True, False, "có", "không", "1", "0", "x", "2", 1, 0])
    if t == "choice":
        return st.one_of(st.sampled_from(codes), st.sampled_from(labels), st.sampled_from([f" {codes[0]} ", "zz"]))
    if t == "choices":
        lists = st.lists(st.sampled_from(codes), max_size=3)
        return st.one_of(lists, lists.map(";".join), st.sampled_from([f"{codes[0]}, zz", f"{codes[-1]}\n{codes[0]}"]))
    if t == "ref":
        return st.sampled_from(UUIDS)
    if t == "refs":
        return st.one_of(st.lists(st.sampled_from([*UUIDS[:2], "1" * 32, "2" * 32]), max_size=3),
                         st.sampled_from([";".join(UUIDS[:2]), "bad;" + UUIDS[0]]))
    if fd.pattern:
        return st.one_of(st.integers(0, 9999).map(lambda n: f"HT-{UNIT}-{n:04d}"), st.text(max_size=12))
    return st.one_of(st.text(max_size=12), st.sampled_from(["Đặng", "a  b", " a\nb ", "x" * 301, "Ðă\u0323ng"]))


def field_value(fd: FieldDef) -> st.SearchStrategy[Any]:
    codes = [c.code for c in fd.choices]
    labels = [c.label for c in fd.choices]
    odd: list[Any] = [None, 0, 1, -1, 5, 10_000, 2.0, 2.5, True, False, date(2019, 5, 1), date(2030, 1, 1),
                      datetime(2019, 5, 1, 8, 0), [], *codes[:3], *labels[:2], codes[:2], [*codes[:1], "zz"],
                      *UUIDS, UUIDS[:2], (UUIDS[0],)]
    typed = typed_value(fd)
    return st.one_of(typed, typed, typed, st.sampled_from(WEIRD), st.sampled_from(odd), st.text(max_size=8))


def record(form: FormDef) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({fd.name: field_value(fd) for fd in form.fields if fd.required},
                                 optional={fd.name: field_value(fd) for fd in form.fields if not fd.required})


def _blank(v: Any) -> bool:
    return v is None or v == []


PROPS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPS
@given(data=st.data(), form_id=st.sampled_from(sorted(FORMS)), record_id=st.sampled_from([None, UUIDS[0]]))
def test_accepted_values_obey_every_rule_of_the_form(data, form_id, record_id):
    """Whatever comes in, an accepted record holds values of the field types that keep every rule."""
    form = FORMS[form_id]
    raw = data.draw(record(form))
    try:
        result = validate(form, raw, LoggingContext(), record_id=record_id)
    except (TypeError, AttributeError):  # odd Python objects a widget never gives: refused loudly, never stored
        return
    assert list(result.values) == form.field_names  # every field, in form order, unknown keys dropped
    seen = [i.field for i in result.issues]
    assert len(seen) == len(set(seen))  # one issue per field: the first broken rule
    for issue in result.issues:
        assert issue.message and issue.reason.en  # Vietnamese and English
        if issue.field is not None:
            assert _blank(result.values[issue.field]) or issue.field in {fd.name for fd in form.fields}
    if not result.ok:
        return
    v = result.values
    for fd in form.fields:
        x = v[fd.name]
        if fd.required:
            assert not _blank(x), fd.name
        if _blank(x):
            if fd.required_when is not None:
                assert not fd.required_when.holds(v), fd.name
            continue
        kinds = {"int": int, "money": int, "date": date, "bool": bool, "text": str, "choice": str,
                 "choices": list, "ref": str, "refs": list}
        assert isinstance(x, kinds[fd.type]), (fd.name, x)
        if fd.is_numeric:
            assert x >= (fd.min if fd.min is not None else 0)
            assert fd.max is None or x <= fd.max
        if fd.type == "date":
            assert MIN_DATE <= x <= (TODAY if fd.not_future else MAX_DATE)
        if fd.type == "text":
            assert x == x.strip() and len(x) <= fd.max_length and "\x1b" not in x and "\x07" not in x
            assert unmangled(x) is None
            if fd.pattern:
                assert fd.pattern_for(UNIT).fullmatch(x)
        if fd.type == "choice":
            assert fd.choice(x) is not None
        if fd.type == "choices":
            assert all(fd.choice(c) for c in x) and len(set(x)) == len(x)
        if fd.requires:
            assert not _blank(v[fd.requires]), fd.name
        for key, ok in (("lte", lambda a, b: a <= b), ("gte", lambda a, b: a >= b)):
            other = getattr(fd, key)
            if other and not _blank(v[other]):
                assert ok(x, v[other]), (fd.name, key)
        if fd.only_when is not None and not (fd.type == "bool" and x is False):
            assert fd.only_when.holds(v), fd.name


@PROPS
@given(data=st.data(), form_id=st.sampled_from(sorted(FORMS)))
def test_validation_is_idempotent(data, form_id):
    """Validating the values a validation gave changes nothing: the dialog, the import and the package
    import (which validates stored values again) all agree."""
    form = FORMS[form_id]
    raw = data.draw(record(form))
    try:
        first = validate(form, raw, LoggingContext())
    except (TypeError, AttributeError):
        return
    bad = {i.field for i in first.issues}
    second = validate(form, first.values, LoggingContext())
    assert {k: v for k, v in second.values.items() if k not in bad} == {
        k: v for k, v in first.values.items() if k not in bad}
    if first.ok:
        assert second.ok
    stored = {fd.name: fd.from_storage(fd.to_storage(first.values[fd.name])) for fd in form.fields}
    again = validate(form, stored, LoggingContext()).values
    assert {k: v for k, v in again.items() if k not in bad} == {k: v for k, v in first.values.items() if k not in bad}


@PROPS
@given(data=st.data(), form_id=st.sampled_from(sorted(FORMS)))
def test_the_per_form_validator_and_parse_value_are_one_parser(data, form_id):
    """``parse_value`` (used field by field) and the validator (used for a whole record) give the same value
    or the same refusal for every field: there is only one parser."""
    form = FORMS[form_id]
    raw = data.draw(record(form))
    try:
        result = validator_for(form)(raw, LoggingContext())
    except (TypeError, AttributeError):
        return
    bad = {i.field for i in result.issues}
    for fd in form.fields:
        try:
            parsed = parse_value(fd, raw.get(fd.name))
        except _Bad as exc:
            assert fd.name in bad and any(i.reason == exc.reason for i in result.issues if i.field == fd.name)
            continue
        if _blank(parsed) and fd.default is not None:
            parsed = fd.default
        assert parsed == result.values[fd.name] or fd.name in bad
    assert parser_for(form.fields[0]) is parser_for(form.fields[0])  # made once per field


@PROPS
@given(d=st.dates(MIN_DATE, MAX_DATE))
def test_every_way_of_typing_a_date_gives_the_same_day(d):
    fd = FORMS["support_model"].field("ended_on")
    for text in (d.isoformat(), f"{d:%d/%m/%Y}", f"{d.day}/{d.month}/{d.year}", f"{d:%d%m%Y}", f"{d:%d.%m.%Y}",
                 f"{d.day}-{d.month}-{d.year}", d, datetime(d.year, d.month, d.day, 8, 30)):
        assert parse_value(fd, text) == d


@pytest.mark.parametrize("text", ["5/3/20", "31/02/2020", "2020-13-01", "200420", "32/01/2020", "20/4"])
def test_ambiguous_or_impossible_dates_are_refused_not_guessed(text):
    with pytest.raises(_Bad):
        parse_value(FORMS["support_model"].field("ended_on"), text)


@PROPS
@given(n=st.integers(0, 10**12))
def test_numbers_typed_with_or_without_dots(n):
    fd = FORMS["communication"].field("cost")
    grouped = f"{n:,}".replace(",", ".")
    assert parse_value(fd, str(n)) == parse_value(fd, grouped) == parse_value(fd, f"{grouped}đ") == n


@PROPS
@given(text=st.text(alphabet="aàảãáạăằẳẵắặâầẩẫấậđeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵ"
                             "ĐĂÂÊÔƠƯÁÀỐỘ 0123456789,.-", min_size=1, max_size=30))
def test_mojibake_of_any_vietnamese_text_is_refused_and_the_original_named(text):
    """UTF-8 read as Windows-1258/1252 (Excel opening a CSV without a BOM) is refused; the message names
    what it was."""
    fd = FORMS["communication"].field("topic")
    try:
        good = parse_value(fd, text)
    except _Bad:
        return
    assume(good is not None and not good.isascii())
    for codec in ("cp1258", "cp1252"):
        try:
            broken = good.encode("utf-8").decode(codec)
        except UnicodeDecodeError:
            continue
        with pytest.raises(_Bad) as exc:
            parse_value(fd, broken)
        assert "lỗi mã hóa" in exc.value.reason
    assert unmangled(good) is None  # the real text is never taken for mojibake


@pytest.mark.parametrize("text", ["Tổ dân phố số 3", "Nguyễn Thị Lan", "Đặng Văn Ánh", "Hà Nam", "Phủ Lý"])
def test_real_vietnamese_is_not_mojibake(text):
    assert unmangled(text) is None


@pytest.mark.parametrize("ch", ["\x1b", "\x07", "\x00", "\x7f", "\x9b"])
def test_control_characters_are_refused(ch):
    r = validate(FORMS["communication"], {"topic": f"Phòng{ch}chống"}, SimpleContext(today=TODAY))
    assert "ký tự điều khiển" in {i.field: i.message for i in r.issues}["topic"]
