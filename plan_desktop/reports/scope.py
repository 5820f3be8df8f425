"""What a report or an indicator is computed over: a unit, a period, the unit codes below it, and
the records of each form that count — plus the hash of exactly those records.

Every figure of a report comes from SQL over the rows selected by :meth:`Scope.where`, and
:func:`report_data_hash` hashes the same rows, so the hash in a PDF names the data it shows.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from plan_desktop.domain.forms import FormDef, FormSet
from plan_desktop.domain.periods import Period
from plan_desktop.domain.plan import PlanDef, plan_for
from plan_desktop.domain.units import Level, Unit, UnitRegistry
from plan_desktop.reports.context import ReportContext
from plan_desktop.store.periods import period_where
from plan_desktop.store.reading import DATA_LINE_VERSIONS, RecordReader
from plan_desktop.usererror import UserError

HASH_PREFIX = "plan_desktop:data_sha256="
#: The report's data hash format version, written beside the hash (``plan_desktop:data_hash_version=2``;
#: a report without it has version 1) and stored with each signed report.
VERSION_PREFIX = "plan_desktop:data_hash_version="
#: The format new reports carry; every version here can still be computed to check an older report.
DATA_HASH_VERSION = 3
DATA_HASH_VERSIONS = DATA_LINE_VERSIONS


class ReportError(UserError, ValueError):
    """A report that cannot be made as asked (Vietnamese message for the officer)."""


@dataclass(frozen=True)
class Scope:
    unit: Unit  # the unit reported on, the version in force at the period end
    period: Period
    start: date  # period bounds (with the installation's cut-off), inclusive
    end: date
    year_start: date  # the period's year, up to the period end (indicators are yearly)
    plan: PlanDef
    codes: tuple[str, ...]  # the unit and every unit below it (in force at the end or at the plan start)
    units: UnitRegistry
    forms: FormSet

    @property
    def year(self) -> int:
        return self.period.year

    @property
    def on(self) -> date:
        """The date whose unit lists apply (the period end)."""
        return self.end

    @property
    def level(self) -> Level:
        return self.unit.level

    def communes(self) -> list[Unit]:
        """Commune-level units in force at the period end under the unit (a commune: itself)."""
        if self.unit.level == Level.COMMUNE:
            return [self.unit]
        return self.units.descendants(self.unit.code, self.on, Level.COMMUNE)

    def districts(self) -> list[Unit]:
        """District-level units in force under the unit (a district: itself; a commune: none)."""
        if self.unit.level == Level.DISTRICT:
            return [self.unit]
        if self.unit.level == Level.PROVINCE:
            return self.units.descendants(self.unit.code, self.on, Level.DISTRICT)
        return []

    def children(self) -> list[Unit]:
        """Units directly below (a district's communes, a province's districts)."""
        return self.units.children(self.unit.code, self.on)

    def codes_under(self, code: str) -> list[str]:
        """``code`` and every code below it (in force at the end or at the plan start)."""
        found = {code}
        for on in {self.on, self.plan.start}:
            found.update(u.code for u in self.units.descendants(code, on))
        return sorted(found)

    def child_of(self, code: str) -> str | None:
        """The child unit (of :meth:`children`) that a record owner ``code`` belongs to; None for the unit itself."""
        if code == self.unit.code:
            return None
        children = {u.code for u in self.children()}
        for on in (self.on, self.plan.start):
            current: str | None = code
            seen: set[str] = set()
            while current and current not in seen:
                if current in children:
                    return current
                seen.add(current)
                u = self.units.get(current, on) or self.units.get(current)
                current = u.parent_code if u else None
        return None

    # -- SQL --------------------------------------------------------------------------------------
    def in_codes(self, codes: Sequence[str] | None = None, column: str = "unit_code") -> tuple[str, list[Any]]:
        codes = list(codes if codes is not None else self.codes)
        return f"[{column}] IN ({','.join('?' * len(codes))})", codes

    def reach(self, form: FormDef) -> tuple[date | None, date]:
        """The span of ``form``'s records this report reads (its ``report_from``): what the period's
        figures and the year's indicators are computed from, and what the data hash covers."""
        since = form.report_from
        if since == "always":
            return None, self.end
        if since == "plan_start":
            return self.plan.start, self.end
        lo = min(self.start, self.year_start)
        if since == "previous_year":
            lo = lo.replace(year=lo.year - 1, day=min(lo.day, 28))
        if form.kind == "yearly":  # by year: the report's year (and the one before)
            lo = date(self.year - (since == "previous_year"), 1, 1)
        return lo, self.end

    def where(self, form_id: str, codes: Sequence[str] | None = None) -> tuple[str, list[Any]]:
        """WHERE clause (live records of the scope's units that count for this report) and its params:
        the records of :meth:`reach` by the form's kind (:func:`plan_desktop.store.periods.period_where`)."""
        form = self.forms[form_id]
        lo, hi = self.reach(form)
        return period_where(form, lo, hi, codes=list(codes if codes is not None else self.codes))

    def period_where(self, form_id: str, codes: Sequence[str] | None = None) -> tuple[str, list[Any]]:
        """WHERE clause of the live records of the scope's units in the report's period itself."""
        return period_where(self.forms[form_id], self.start, self.end,
                            codes=list(codes if codes is not None else self.codes))


def make_scope(ctx: ReportContext, period: str | Period, unit_code: str | None = None,
               plan: PlanDef | None = None) -> Scope:
    """The scope of a report of ``period`` for ``unit_code`` (default: the installation's unit).

    Refuses (Vietnamese :class:`ReportError`) a unit not in force at the period end and a unit
    outside the installation's data.
    """
    p = Period.parse(period)
    plan = plan or plan_for(ctx.store.get_setting)
    start, end = ctx.period_bounds(p)
    year_start, _ = ctx.period_bounds(Period(p.year, "Y", 1))
    units = ctx.units
    code = (unit_code or ctx.unit_code).strip()
    if not units.versions(code):
        raise ReportError(f"Không tìm thấy đơn vị hành chính có mã {code}.",
                          en=f"No administrative unit has the code {code}.")
    unit = units.get(code, end)
    if unit is None:
        names = " / ".join(f"{u.name} ({u.valid_from.year}–{u.valid_to.year if u.valid_to else ''})"
                           for u in units.versions(code))
        raise ReportError(
            f"Đơn vị mã {code} ({names}) không còn trong danh mục đơn vị hành chính vào ngày "
            f"{end.day:02d}/{end.month:02d}/{end.year}; không lập được báo cáo {p.label_vi()} cho đơn vị này.",
            en=f"The unit with code {code} ({names}) is no longer in the administrative unit list on "
               f"{end.day:02d}/{end.month:02d}/{end.year}; no report for {p} can be made for this unit.",
        )
    own = ctx.unit_code
    if code != own and not any(units.is_ancestor(own, code, on) for on in (end, plan.start)):
        raise ReportError(
            f"Đơn vị {unit.name} (mã {code}) không thuộc phạm vi dữ liệu của {ctx.unit(end).name} (mã {own}).",
            en=f"The unit {unit.name} (code {code}) is outside the data of {ctx.unit(end).name} (code {own}).",
        )
    found = {code}
    for on in {end, plan.start}:
        found.update(u.code for u in units.descendants(code, on))
    return Scope(unit=unit, period=p, start=start, end=end, year_start=year_start, plan=plan,
                 codes=tuple(sorted(found)), units=units, forms=ctx.store.forms)


def scope_forms(ctx: ReportContext) -> Iterable[str]:
    return sorted(ctx.store.forms)


def report_data_hash(ctx: ReportContext, period: str | Period | Scope, unit_code: str | None = None, *,
                     version: int = DATA_HASH_VERSION, recompute: bool = False) -> str:
    """SHA-256 (hex) of the records a report of ``period`` for ``unit_code`` is computed from, in
    format ``version`` (the one a report carries, ``plan_desktop:data_hash_version``; 1 when absent).

    Deterministic: the records of :meth:`Scope.where`, by form and id, one line each
    (``RecordReader.data_lines``): version 1 ``["form","id",revision,[every content column]]`` —
    NULLs included, so a field added to a form changes it; version 2 ``["form","id",revision,
    {"column":value,…}]`` with the columns in name order and NULLs left out, so adding a field changes
    no hash; version 3 ``form,id,revision,shared_hash`` — the SHA-256 of the record's canonical JSON
    without its local_only fields (NULLs left out too), which the program stores with each record when
    it writes it: read instead of recomputed (``check`` recomputes every one, and so does this function
    with ``recompute``, which checking a signed report against the data uses). Any change to a record
    in scope (an edit bumps the revision; a deletion removes it) changes each. ``local_only`` fields
    are left out: they stay at the unit that wrote them, and the district computes the same hash from
    the commune's imported records (an edit to them still changes the revision, which is hashed).
    """
    if version not in DATA_HASH_VERSIONS:
        raise ReportError(f"Báo cáo mang mã băm dữ liệu phiên bản {version}, chương trình này chỉ biết "
                          f"phiên bản {', '.join(map(str, DATA_HASH_VERSIONS))}: hãy cập nhật chương trình.",
                          en=f"The report carries a data hash of version {version}; this program knows "
                             f"versions {', '.join(map(str, DATA_HASH_VERSIONS))}: update the program.")
    scope = period if isinstance(period, Scope) else make_scope(ctx, period, unit_code)
    reader = RecordReader(ctx.store)
    h = hashlib.sha256()
    for form_id in scope_forms(ctx):
        form = scope.forms[form_id]
        for chunk in reader.data_lines(form_id, scope.where(form_id), version, skip=form.local_only_names,
                                       recompute=recompute):
            h.update(chunk.encode())
    return h.hexdigest()
