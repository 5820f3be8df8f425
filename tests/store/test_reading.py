"""The store's narrow read API for reports (``store/reading.py``) and the one period rule it is asked
with (``store/periods.py``), on a real SQLite store written through the record service."""

from __future__ import annotations

from datetime import date

import pytest

from plan_desktop.services.records import RecordService
from plan_desktop.store import Store
from plan_desktop.store.periods import period_where, record_span
from plan_desktop.store.reading import COUNT, DateBuckets, RecordReader, count_not, distinct, sum_of


@pytest.fixture
def store(tmp_path):
    s = Store.open(tmp_path / "s.sqlite")
    s.set_settings({"unit_code": "353"})  # a district: it holds its communes' records
    yield s
    s.close()


def _write(store, form, unit, values):
    import uuid

    rid = str(uuid.uuid4())
    svc = RecordService(store, actor="t", today=lambda: date(2020, 12, 31))
    created, _, issues = svc.write_many(form, [(rid, values)], unit_code=unit)
    assert created == 1 and not issues, issues
    return rid


def test_aggregates_named_by_field(store):
    for day, status, fine in (("2019-02-01", "open", 0), ("2019-03-01", "handled", 100), ("2019-08-01", None, 50)):
        values = {"detected_on": date.fromisoformat(day), "kind": "buying_selling", "sellers": 2, "fine": fine}
        if status:
            values["status"] = status
        if status != "open":
            values["closed_on"] = date.fromisoformat(day)
        _write(store, "case", "13597", values)
    reader = RecordReader(store)
    form = store.forms["case"]
    h1 = period_where(form, date(2019, 1, 1), date(2019, 6, 30), codes=["13597"])
    assert reader.count("case", h1) == 2
    assert reader.aggregate("case", h1, [COUNT, sum_of("sellers"), count_not("status", "open"), sum_of("fine")]) \
        == [(2, 4, 1, 100)]
    year = period_where(form, date(2019, 1, 1), date(2019, 12, 31))
    halves = DateBuckets("detected_on", ((date(2019, 1, 1), date(2019, 6, 30)), (date(2019, 7, 1), date(2019, 12, 31))))
    assert sorted(reader.aggregate("case", year, [COUNT], group_by=[halves])) == [(0, 2), (1, 1)]
    assert reader.aggregate("case", year, [distinct("kind")]) == [(1,)]
    assert reader.owners("case", year) == {"13597"}
    with pytest.raises(ValueError, match="no column 'seller_names'"):
        reader.aggregate("case", year, [sum_of("seller_names")])


def test_the_period_rule_by_kind(store):
    officer = store.forms["officer"]
    old = _write(store, "officer", "13597", {"full_name": "Trần Văn A", "since": date(2015, 1, 1),
                                            "until": date(2018, 12, 31)})
    now = _write(store, "officer", "13597", {"full_name": "Lê Thị B", "since": date(2019, 3, 1)})
    reader = RecordReader(store)

    def ids(where):
        return {r[0] for r in reader.select("officer", ["id"], where)}

    assert ids(period_where(officer, date(2019, 1, 1), date(2019, 12, 31))) == {now}  # in force during 2019
    assert ids(period_where(officer, date(2018, 1, 1), date(2018, 12, 31))) == {old}
    assert ids(period_where(officer, date(2015, 1, 1), date(2015, 12, 31), by_date=True)) == {old}  # began in it
    status = store.forms["unit_status"]
    assert period_where(status, date(2018, 12, 15), date(2019, 12, 14))[1] == [2018, 2019]  # by year
    assert record_span(status, {"year": 2019}) == (date(2019, 1, 1), date(2019, 12, 31))
    assert record_span(officer, {"since": "2019-03-01"}) == (date(2019, 3, 1), date(2019, 3, 1))


def test_overview_monthly_counts_by_the_period_rule(commune, service):
    from plan_desktop.services.overview import monthly_counts

    values = {"format": "talk", "venue_type": "residential", "topic": "Tuyên truyền", "lead_org": "police",
              "audience": ["residents"]}
    for day in ("2019-01-10", "2019-01-20", "2019-12-31", "2018-12-31", "2020-01-01"):
        service.create("communication", {**values, "date": date.fromisoformat(day)})
    got = monthly_counts(commune, 2019)["communication"]
    assert got[0] == 2 and got[11] == 1 and sum(got) == 3  # the year's records only, by calendar month
    assert monthly_counts(commune, 2019, "13285")["communication"] == [0] * 12  # another unit's: none


def test_any_is_whether_the_count_is_not_zero(store):
    from plan_desktop.store import Query

    form = store.forms["case"]
    values = {"detected_on": date(2019, 3, 1), "kind": "buying_selling", "sellers": 1}
    q19, q20 = (Query(unit_code="13597", start=date(y, 1, 1), end=date(y, 12, 31)) for y in (2019, 2020))
    assert not store.any(form, q19) and store.count(form, q19) == 0
    rid = _write(store, "case", "13597", values)
    assert store.any(form, q19) and not store.any(form, q20)
    assert not store.any(form, Query(unit_code="13603", start=date(2019, 1, 1), end=date(2019, 12, 31)))
    row = dict(store.get_row(form, rid), deleted=1)
    row["revision"] += 1
    with store.db.atomic():  # deleted by its commune, as a package brings it
        RecordService(store, actor="t").apply_incoming("case", row)
    assert not store.any(form, q19) and store.count(form, q19) == 0  # a deleted record is no record
