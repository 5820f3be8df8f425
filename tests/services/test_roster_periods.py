"""Rosters (officers, businesses, support models) by period: a period lists the records in force at
some time during it, not only those that began in it. Events (activities, cases…) stay by their date."""

from __future__ import annotations

from datetime import date

from plan_desktop.domain.periods import Period
from plan_desktop.services import overview
from plan_desktop.store import Query

D = date.fromisoformat
Y2019 = Query(start=D("2019-01-01"), end=D("2019-12-31"))
Y2020 = Query(start=D("2020-01-01"), end=D("2020-12-31"))


def _names(store, form_id: str, q: Query) -> set[str]:
    form = store.forms[form_id]
    key = "full_name" if form_id == "officer" else "name"
    return {r[key] for r in store.rows(form, q)}


def test_officers_in_force_during_the_period(commune, service):
    service.create("officer", {"full_name": "Lê Văn An", "since": D("2015-01-01")})
    service.create("officer", {"full_name": "Trần Thị Bình", "since": D("2015-01-01"), "until": D("2018-06-30")})
    service.create("officer", {"full_name": "Phạm Văn Cường", "since": D("2019-03-01"), "until": D("2019-12-31")})
    service.create("officer", {"full_name": "Đỗ Thị Dung"})  # no dates: always listed
    store = commune.store
    assert _names(store, "officer", Y2019) == {"Lê Văn An", "Phạm Văn Cường", "Đỗ Thị Dung"}
    assert _names(store, "officer", Y2020) == {"Lê Văn An", "Đỗ Thị Dung"}
    assert store.count(store.forms["officer"], Y2019) == 3
    assert overview.counts_by_form(commune, Period(2019, "Y", 1))["officer"] == 3
    # by the date they began (what a package of the period carries): Cường only
    assert _names(store, "officer", Query(start=D("2019-01-01"), end=D("2019-12-31"), by_date=True)) == {
        "Phạm Văn Cường"}
    # the first half of 2018: Bình still in force (ended 30/06/2018)
    h1 = Query(start=D("2018-01-01"), end=D("2018-06-30"))
    assert _names(store, "officer", h1) == {"Lê Văn An", "Trần Thị Bình", "Đỗ Thị Dung"}


def test_businesses_open_during_the_period_and_events_by_their_date(commune, service):
    service.create("establishment", {"name": "Karaoke Hoa Sen", "kind": "karaoke", "opened_on": D("2012-05-01")})
    service.create("establishment", {"name": "Nhà nghỉ Bình An", "kind": "guesthouse", "opened_on": D("2016-01-01"),
                                     "closed_on": D("2019-05-01")})
    service.create("establishment", {"name": "Massage Thảo", "kind": "massage", "opened_on": D("2020-02-01")})
    store = commune.store
    assert _names(store, "establishment", Y2019) == {"Karaoke Hoa Sen", "Nhà nghỉ Bình An"}
    assert _names(store, "establishment", Y2020) == {"Karaoke Hoa Sen", "Massage Thảo"}
    # an activity is an event: only the ones dated in the period
    service.create("communication", {"date": D("2018-12-31"), "format": "talk", "venue_type": "residential",
                                     "topic": "Tuyên truyền", "lead_org": "police", "audience": ["residents"]})
    assert store.count(store.forms["communication"], Y2019) == 0
