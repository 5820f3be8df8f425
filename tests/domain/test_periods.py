"""Tests for plan_desktop.domain.periods: parsing, bounds in both cut-offs, labels, neighbours."""

from __future__ import annotations

import itertools
from datetime import date, datetime

import pytest

from plan_desktop.domain.periods import Cutoff, Period, PeriodError

CAL = Cutoff.CALENDAR
STAT = Cutoff.STATISTICAL


@pytest.mark.parametrize(
    ("text", "expected", "canonical"),
    [
        ("2016", Period(2016, "Y", 1), "2016"),
        ("2016-H1", Period(2016, "H", 1), "2016-H1"),
        ("2016-H2", Period(2016, "H", 2), "2016-H2"),
        ("2016-Q1", Period(2016, "Q", 1), "2016-Q1"),
        ("2016-Q4", Period(2016, "Q", 4), "2016-Q4"),
        ("2016-07", Period(2016, "M", 7), "2016-07"),
        ("2016-12", Period(2016, "M", 12), "2016-12"),
        (" 2016-h1 ", Period(2016, "H", 1), "2016-H1"),
        ("2016-q3", Period(2016, "Q", 3), "2016-Q3"),
        ("2016-7", Period(2016, "M", 7), "2016-07"),
        ("\t2020\n", Period(2020, "Y", 1), "2020"),
        # DHIS2 notation is read as well
        ("2016S2", Period(2016, "H", 2), "2016-H2"),
        ("2016Q3", Period(2016, "Q", 3), "2016-Q3"),
        ("201607", Period(2016, "M", 7), "2016-07"),
    ],
)
def test_parse_valid(text, expected, canonical):
    p = Period.parse(text)
    assert p == expected
    assert str(p) == canonical
    assert Period.parse(str(p)) == p


@pytest.mark.parametrize(
    "text",
    ["2016-13", "2016-00", "2016-Q5", "2016-Q0", "2016-H3", "2016-H0", "abc", "", "   ", "16", "2016-",
     "2016-W1",
     "2016-Q", "2016-1-1", "20167", "2016-071"],
)
def test_parse_invalid(text):
    with pytest.raises(PeriodError) as err:
        Period.parse(text)
    assert isinstance(err.value, ValueError)
    assert "không hợp lệ" in str(err.value)


def test_parse_error_message():
    with pytest.raises(PeriodError) as err:
        Period.parse("2016-H3")
    assert str(err.value) == (
        'Kỳ báo cáo "2016-H3" không hợp lệ. Dùng dạng 2016, 2016-H1, 2016-Q3 hoặc 2016-07.'
    )


def test_parse_accepts_a_period():
    p = Period(2016, "Q", 2)
    assert Period.parse(p) is p


@pytest.mark.parametrize(
    ("year", "kind", "index"), [(2016, "Q", 5), (2016, "X", 1), (2016, "M", 0), (2016, "Y", 2)]
)
def test_constructor_validates(year, kind, index):
    with pytest.raises(PeriodError):
        Period(year, kind, index)


@pytest.mark.parametrize(
    ("text", "calendar", "statistical"),
    [
        ("2016", (date(2016, 1, 1), date(2016, 12, 31)), (date(2015, 12, 15), date(2016, 12, 14))),
        ("2016-H1", (date(2016, 1, 1), date(2016, 6, 30)), (date(2015, 12, 15), date(2016, 6, 14))),
        ("2016-H2", (date(2016, 7, 1), date(2016, 12, 31)), (date(2016, 6, 15), date(2016, 12, 14))),
        ("2016-Q1", (date(2016, 1, 1), date(2016, 3, 31)), (date(2015, 12, 15), date(2016, 3, 14))),
        ("2016-Q2", (date(2016, 4, 1), date(2016, 6, 30)), (date(2016, 3, 15), date(2016, 6, 14))),
        ("2016-Q3", (date(2016, 7, 1), date(2016, 9, 30)), (date(2016, 6, 15), date(2016, 9, 14))),
        ("2016-Q4", (date(2016, 10, 1), date(2016, 12, 31)), (date(2016, 9, 15), date(2016, 12, 14))),
        ("2016-01", (date(2016, 1, 1), date(2016, 1, 31)), (date(2015, 12, 15), date(2016, 1, 14))),
        ("2016-02", (date(2016, 2, 1), date(2016, 2, 29)), (date(2016, 1, 15), date(2016, 2, 14))),
        ("2017-02", (date(2017, 2, 1), date(2017, 2, 28)), (date(2017, 1, 15), date(2017, 2, 14))),
        ("2016-07", (date(2016, 7, 1), date(2016, 7, 31)), (date(2016, 6, 15), date(2016, 7, 14))),
        ("2016-12", (date(2016, 12, 1), date(2016, 12, 31)), (date(2016, 11, 15), date(2016, 12, 14))),
    ],
)
def test_bounds(text, calendar, statistical):
    p = Period.parse(text)
    assert p.bounds() == calendar
    assert p.bounds(CAL) == calendar
    assert p.bounds(STAT) == statistical
    assert p.bounds("statistical") == statistical


def test_statistical_periods_tile_the_year():
    for kind in ("H", "Q", "M"):
        parts = Period.parse("2017").parts(kind)
        assert parts[0].bounds(STAT)[0] == date(2016, 12, 15)
        assert parts[-1].bounds(STAT)[1] == date(2017, 12, 14)
        for a, b in itertools.pairwise(parts):
            assert (b.bounds(STAT)[0] - a.bounds(STAT)[1]).days == 1


def test_contains():
    h1 = Period.parse("2016-H1")
    assert h1.contains(date(2016, 1, 1))
    assert h1.contains(date(2016, 6, 30))
    assert not h1.contains(date(2016, 7, 1))
    assert not h1.contains(date(2015, 12, 31))
    assert h1.contains(date(2015, 12, 15), STAT)
    assert not h1.contains(date(2015, 12, 14), STAT)
    assert h1.contains(date(2016, 6, 14), STAT)
    assert not h1.contains(date(2016, 6, 15), STAT)
    assert h1.contains(datetime(2016, 6, 30, 23, 59))
    assert h1.contains("2016-03-05")


def test_containing():
    d = date(2016, 12, 20)
    assert Period.containing(d, "Y") == Period.parse("2016")
    assert Period.containing(d, "H") == Period.parse("2016-H2")
    assert Period.containing(d, "Q") == Period.parse("2016-Q4")
    assert Period.containing(d, "M") == Period.parse("2016-12")
    assert Period.containing(d, "Y", STAT) == Period.parse("2017")
    assert Period.containing(d, "H", STAT) == Period.parse("2017-H1")
    assert Period.containing(date(2016, 6, 14), "H", STAT) == Period.parse("2016-H1")
    assert Period.containing(date(2016, 6, 15), "H", STAT) == Period.parse("2016-H2")
    assert Period.containing(date(2016, 7, 20), "m") == Period.parse("2016-07")
    with pytest.raises(PeriodError):
        Period.containing(d, "W")


def test_containing_agrees_with_contains():
    day = date(2015, 12, 1)
    while day < date(2017, 2, 1):
        for kind in ("Y", "H", "Q", "M"):
            for cutoff in Cutoff:
                assert Period.containing(day, kind, cutoff).contains(day, cutoff)
        day = date.fromordinal(day.toordinal() + 1)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("2016", "năm 2016"),
        ("2016-H1", "6 tháng đầu năm 2016"),
        ("2016-H2", "6 tháng cuối năm 2016"),
        ("2016-Q1", "quý I năm 2016"),
        ("2016-Q3", "quý III năm 2016"),
        ("2016-Q4", "quý IV năm 2016"),
        ("2016-07", "tháng 7 năm 2016"),
        ("2016-12", "tháng 12 năm 2016"),
    ],
)
def test_label_vi(text, label):
    assert Period.parse(text).label_vi() == label


@pytest.mark.parametrize(
    ("text", "dhis2"),
    [("2016", "2016"), ("2016-H1", "2016S1"), ("2016-H2", "2016S2"), ("2016-Q3", "2016Q3"),
     ("2016-07", "201607")],
)
def test_dhis2(text, dhis2):
    p = Period.parse(text)
    assert p.dhis2() == dhis2
    assert Period.parse(dhis2) == p


@pytest.mark.parametrize(
    ("text", "previous", "following"),
    [
        ("2016", "2015", "2017"),
        ("2016-H1", "2015-H2", "2016-H2"),
        ("2016-H2", "2016-H1", "2017-H1"),
        ("2016-Q1", "2015-Q4", "2016-Q2"),
        ("2016-Q4", "2016-Q3", "2017-Q1"),
        ("2016-01", "2015-12", "2016-02"),
        ("2016-12", "2016-11", "2017-01"),
    ],
)
def test_previous_next(text, previous, following):
    p = Period.parse(text)
    assert str(p.previous()) == previous
    assert str(p.next()) == following
    assert p.previous().next() == p


def test_months_and_parts():
    assert [str(m) for m in Period.parse("2016-Q3").months()] == ["2016-07", "2016-08", "2016-09"]
    assert len(Period.parse("2016").months()) == 12
    assert next(str(m) for m in Period.parse("2016-H2").months()) == "2016-07"
    assert Period.parse("2016-05").months() == [Period.parse("2016-05")]
    assert [str(q) for q in Period.parse("2016").parts("Q")] == ["2016-Q1", "2016-Q2", "2016-Q3", "2016-Q4"]
    assert [str(q) for q in Period.parse("2016-H2").parts("Q")] == ["2016-Q3", "2016-Q4"]
    with pytest.raises(PeriodError):
        Period.parse("2016-Q1").parts("H")


def test_ordering_within_a_kind():
    months = [Period.parse(s) for s in ("2017-01", "2016-12", "2016-02")]
    assert [str(m) for m in sorted(months)] == ["2016-02", "2016-12", "2017-01"]
    assert Period.parse("2016") < Period.parse("2017")


def test_hashable_and_frozen():
    p = Period.parse("2016-Q1")
    assert {p, Period(2016, "Q", 1)} == {p}
    with pytest.raises(AttributeError):
        p.year = 2017  # type: ignore[misc]
