"""Queries the window's overview and status bar need: counts per form, units with data, exports.

No Qt here; the UI calls these and shows the results.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from plan_desktop.domain.periods import Period
from plan_desktop.domain.units import Level
from plan_desktop.store import Query
from plan_desktop.store.periods import period_where
from plan_desktop.store.reading import COUNT, Month, RecordReader

if TYPE_CHECKING:
    from plan_desktop.services.installation import Installation


def current_period(inst: Installation, today: date | None = None) -> Period:
    """The period an officer is working on: today's quarter inside the working year, else the year."""
    today = today or date.today()
    year = inst.working_year
    quarter = Period.containing(today, "Q", inst.cutoff)
    return quarter if quarter.year == year else Period(year, "Y", 1)


def counts_by_form(inst: Installation, period: Period | None, unit_code: str | None = None) -> dict[str, int]:
    """Live records of each form in ``period`` (all periods when None); one unit or every unit."""
    start, end = inst.period_bounds(period) if period is not None else (None, None)
    out: dict[str, int] = {}
    for form in inst.store.forms.values():
        q = Query(unit_code=unit_code, start=start, end=end)
        if period is not None and form.period_field is None:
            q = Query(unit_code=unit_code)
        out[form.id] = inst.store.count(form, q)
    return out


def units_with_data(inst: Installation, period: Period) -> dict[str, bool]:
    """For a district or province: each child unit (commune / district) → whether it has records in ``period``.

    A district's child is a commune: it has data when any of its records falls in the period. A
    province's child is a district: it has data when the district or any of its communes does.
    Empty for a commune.
    """
    children = inst.child_units()
    if not children:
        return {}
    start, end = inst.period_bounds(period)
    on = end
    owners: set[str] = set()
    reader = RecordReader(inst.store)
    for form in inst.store.forms.values():  # a roster's records by the day they began
        owners |= reader.owners(form.id, period_where(form, start, end, by_date=True))
    result: dict[str, bool] = {}
    for child in children:
        if child.level == Level.COMMUNE:
            result[child.code] = child.code in owners
        else:
            codes = {child.code, *(u.code for u in inst.units.descendants(child.code, on))}
            result[child.code] = bool(codes & owners)
    return result


def last_export_at(inst: Installation) -> str | None:
    """The ``last_export_at`` setting (ISO time of the last export package), if any."""
    value = inst.store.get_setting("last_export_at")
    return str(value) if value else None


def unexported_count(inst: Installation) -> int:
    """Records (deletions included) changed since the last export package (setting ``last_export_seq``)."""
    seq = int(inst.store.get_setting("last_export_seq", 0) or 0)
    reader = RecordReader(inst.store)
    return sum(reader.changed_since(form_id, seq) for form_id in inst.store.forms)


def monthly_counts(inst: Installation, year: int, unit_code: str | None = None) -> dict[str, list[int]]:
    """For the overview's chart: live records of each event form (activities, trainings, inspections,
    cases, support) per month of ``year`` — the twelve months ending with the year's last day (the
    statistical cut-off moves them with it). ``unit_code`` None: every unit in the store."""
    start, end = inst.period_bounds(Period(int(year), "Y", 1))
    reader = RecordReader(inst.store)
    out: dict[str, list[int]] = {}
    for form in inst.store.forms.values():
        if form.kind != "event" or not form.period_field or form.field(form.period_field).type != "date":
            continue
        months = [0] * 12
        where = period_where(form, start, end, codes=[unit_code] if unit_code else None)
        for ym, n in reader.aggregate(form.id, where, [COUNT], group_by=[Month(form.period_field)]):
            y, m = int(ym[:4]), int(ym[5:7])
            # the month's place among the twelve that end at the year's end (December = 11)
            idx = 11 - ((end.year - y) * 12 + (end.month - m))
            if 0 <= idx < 12:
                months[idx] += n
        out[form.id] = months
    return out


def has_records(inst: Installation, year: int, unit_code: str | None = None) -> bool:
    """Whether anything was recorded for ``year`` (an event or a yearly assessment; one unit, or every unit
    in the store): without, the overview says «chưa có số liệu» rather than judging indicators on nothing.
    Rosters (officers, businesses) do not count: they carry over from year to year."""
    start, end = inst.period_bounds(Period(int(year), "Y", 1))
    return any(inst.store.any(form, Query(unit_code=unit_code, start=start, end=end))
               for form in inst.store.forms.values() if form.period_field is not None and form.kind != "roster")
