"""What a report is made from, and all it reads: a small context built by the services
(``Installation.report_context()``) and passed down, so that ``reports/`` never reaches up into
``services/``.

The names are those of ``Installation`` (``store``, ``units``, ``unit_code``, ``cutoff``,
``period_bounds``, ``unit``), so an installation can stand in for a context where one is at hand
(the tests); reports only read the store (``RecordReader`` asks the SQL).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from plan_desktop.domain.periods import Cutoff, Period
from plan_desktop.domain.units import Unit, UnitRegistry
from plan_desktop.store import Store


@dataclass(frozen=True)
class ReportContext:
    #: the installation's store, read only: reports never write (``RecordReader`` asks the questions;
    #: the plan comes from its settings ``plan_id`` and ``plan_targets``)
    store: Store
    #: the administrative units, by the dates they were in force
    units: UnitRegistry
    #: the installation's own unit (a report is of it or of a unit below)
    unit_code: str
    #: how period boundaries are drawn (calendar or statistical months)
    cutoff: Cutoff
    #: the year the officer works on
    working_year: int

    def period_bounds(self, period: str | Period) -> tuple[date, date]:
        p = Period.parse(period) if isinstance(period, str) else period
        return p.bounds(self.cutoff)

    def unit(self, on: date | None = None) -> Unit:
        on = on or date(self.working_year, 12, 31)
        return self.units.get(self.unit_code, on) or self.units.require(self.unit_code)
