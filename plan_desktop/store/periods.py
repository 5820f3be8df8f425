"""«The records of a period»: the one rule, read from each form's ``kind`` (``forms/*.toml``).

- an ``event`` is in a period when its day (``period_field``) is in it;
- a ``roster`` record when it was in force at some time during it: begun (``period_field``) by the
  period end and not ended (``until_field``) before the period start; an empty day counts as «always»;
- a ``yearly`` status when its year (``period_field``, an int) is one of the period's years.

:func:`period_where` gives it as SQL for the store's lists, the reports, the data hash and the
exports; :func:`record_span` gives the days that place one record in periods (the period locks).
A new form needs nothing here: its ``kind`` says which rule it follows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from plan_desktop.domain.forms import FormDef


def period_where(form: FormDef, start: date | None, end: date | None, *, codes: Sequence[str] | None = None,
                 by_date: bool = False, include_deleted: bool = False) -> tuple[str, list[Any]]:
    """SQL WHERE fragment (and its parameters) selecting ``form``'s live records of the period
    ``start``…``end`` (both inclusive, either may be None for «open») owned by one of ``codes``
    (None: any unit).

    ``by_date``: a roster's records by the day they began instead of the period they were in force
    (what a package of the period carries, what «has data in the period» counts). The fragment is
    ``"1"`` when nothing restricts."""
    clauses: list[str] = []
    params: list[Any] = []
    if not include_deleted:
        clauses.append("deleted = 0")
    if codes is not None:
        codes = list(codes)
        clauses.append(f"unit_code IN ({','.join('?' * len(codes))})")
        params += codes
    period, period_params = _period_clauses(form, start, end, by_date)
    return " AND ".join(clauses + period) or "1", params + period_params


def _period_clauses(form: FormDef, start: date | None, end: date | None, by_date: bool
                    ) -> tuple[list[str], list[Any]]:
    if not (start or end) or not form.period_field:
        return [], []
    pf = form.period_field
    if form.kind == "yearly":
        lo: Any = start and start.year
        hi: Any = end and end.year
    else:
        lo, hi = start and start.isoformat(), end and end.isoformat()
    if form.kind == "roster" and not by_date:
        uf = form.until_field
        bounds = [(f"([{pf}] IS NULL OR [{pf}] <= ?)", hi), (f"([{uf}] IS NULL OR [{uf}] >= ?)", lo)]
    else:
        bounds = [(f"[{pf}] >= ?", lo), (f"[{pf}] <= ?", hi)]
    kept = [(clause, value) for clause, value in bounds if value]
    return [c for c, _ in kept], [v for _, v in kept]


def record_span(form: FormDef, values: Mapping[str, Any]) -> tuple[date, date] | None:
    """The days that place one record in periods, by the day it is dated (a roster: the day it
    began; a yearly status: its whole year); None for a form without a period or a record without
    a valid day. A period lock covers the record when it covers this span."""
    if not form.period_field:
        return None
    value = values.get(form.period_field)
    if value is None or value == "":
        return None
    try:
        if form.kind == "yearly":
            year = int(value)
            return date(year, 1, 1), date(year, 12, 31)
        d = value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
        return d, d
    except (ValueError, TypeError):
        return None  # an invalid day is validation's business
