"""The nine plan indicators (data dictionary, "Plan indicators"), computed for a unit and a year.

Each is computed over the units below the unit *in force that year* ("% of communes" uses the
commune-level units in force under the unit at the end of the year; a commune counts itself) from
live (not deleted) records, with SQL aggregates. Targets come from the plan file
(:mod:`plan_desktop.domain.plan`).

Choices made where the dictionary is silent (also shown to the officer in ``detail``):

- a ratio with nothing to divide by (no case detected, no suspected establishment on 01/01/2016, no
  officer on the roster) has no value (``None``, met ``None``); a share of communes or districts with
  no data at all is 0 %;
- the district-level indicators (integration plan, harm reduction) do not apply to a commune
  (``None``); a district counts itself; a province its districts. An integration plan counts when
  the district itself issued it; a harm-reduction model counts when it runs anywhere in the district;
- an establishment is "suspected on a date" when ``suspected`` is set and ``suspected_since`` is
  empty or not later than that date; it is "open on a date" when opened by then (or no opening date)
  and not closed by then (``closed_on`` after the date);
- ``until`` (a report of part of a year) computes the year up to that day: the press months are then
  judged against the months elapsed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from plan_desktop.domain.periods import Period
from plan_desktop.domain.plan import INDICATOR_IDS, IndicatorDef, PlanDef, Target
from plan_desktop.domain.text import format_date_vi, format_int_vi, format_percent_vi
from plan_desktop.reports.scope import Scope, make_scope

if TYPE_CHECKING:
    from plan_desktop.services.installation import Installation

__all__ = ["IndicatorValue", "compute_indicators", "format_value", "indicators_dhis2", "indicators_json"]


@dataclass(frozen=True)
class IndicatorValue:
    id: str
    label: str
    value: float | None
    target_text: str
    met: bool | None
    unit: str  # "percent" | "count" | "months"
    numerator: float | None
    denominator: float | None
    detail: str
    #: the target as data: a number (at least), [low, high] (a range), or None (no target that year)
    target: float | list[float] | None = None
    short_label: str = ""
    #: False where the indicator does not apply at this level (a district indicator at a commune)
    applicable: bool = True
    label_en: str = ""
    target_text_en: str = ""

    def label_for(self, lang: str) -> str:
        return self.label_en or self.label if lang == "en" else self.label

    def target_text_for(self, lang: str) -> str:
        return self.target_text_en or self.target_text if lang == "en" else self.target_text

    @property
    def value_text(self) -> str:
        return format_value(self.value, self.unit)

    @property
    def met_text(self) -> str:
        return {True: "Đạt", False: "Chưa đạt", None: "—"}[self.met]


def format_value(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "percent":
        return format_percent_vi(value)
    if unit == "months":
        return f"{format_int_vi(value)} tháng"
    return format_int_vi(value)


def _pct(num: float, den: float) -> float | None:
    return None if not den else 100.0 * num / den


class _Calc:
    def __init__(self, inst: Installation, scope: Scope, until: date):
        self.inst = inst
        self.db = inst.store.db
        self.scope = scope
        self.until = until
        self.ys = scope.year_start.isoformat()
        self.ye = until.isoformat()

    def q(self, sql: str, params: list[Any]) -> list[tuple]:
        return self.db.execute(sql, params).fetchall()

    # 1 ------------------------------------------------------------------------------------------
    def communes_with_communication(self) -> tuple:
        communes = self.scope.communes()
        codes = [u.code for u in communes]
        quarters = [q for q in Period(self.scope.year, "Y", 1).parts("Q")]
        bounds = [q.bounds(self.inst.cutoff) for q in quarters]
        bounds = [(s, min(e, self.until)) for s, e in bounds if s <= self.until]
        if not codes:
            return None, 0, 0, "", None
        # one question per commune and window (the year so far, each quarter of it): is there a
        # record in it? Each is a single lookup in the (unit_code, deleted, date) index, however
        # many records a commune has.
        windows = [(self.ys, self.ye)] + [(max(s.isoformat(), self.ys), min(e.isoformat(), self.ye))
                                          for s, e in bounds]
        found: dict[str, set[int]] = {}
        for start in range(0, len(codes), 200):  # a province's communes in a few statements
            part = codes[start : start + 200]
            values = ", ".join("(?, ?, ?, ?)" for _ in part for _ in windows)
            params: list[Any] = [x for c in part for i, (s, e) in enumerate(windows) for x in (c, i, s, e)]
            for code, i in self.q(
                f"WITH w(code, i, s, e) AS (VALUES {values}) SELECT code, i FROM w WHERE EXISTS ("
                "SELECT 1 FROM form_communication WHERE unit_code = w.code AND deleted = 0 "
                "AND date BETWEEN w.s AND w.e)", params,
            ):
                found.setdefault(code, set()).add(i)
        active = {c for c, got in found.items() if 0 in got}
        maintained = {c for c, got in found.items() if all(i in got for i in range(1, len(windows)))}
        n = len(codes)
        kept = _pct(len(maintained), n)
        detail = (f"{len(active)}/{n} xã; duy trì hằng quý: {format_percent_vi(kept or 0)}"
                  f" ({len(maintained)}/{n} xã có hoạt động trong cả {len(bounds)} quý)")
        return _pct(len(active), n), len(active), n, detail, None

    # 2 ------------------------------------------------------------------------------------------
    def press_monthly(self) -> tuple:
        months = [m for m in Period(self.scope.year, "Y", 1).months()]
        bounds = [(m, *m.bounds(self.inst.cutoff)) for m in months]
        bounds = [(m, s, min(e, self.until)) for m, s, e in bounds if s <= self.until]
        where, params = self.scope.in_codes()
        dates = [r[0] for r in self.q(
            f"SELECT DISTINCT date FROM form_communication WHERE deleted = 0 AND format = 'press' AND {where} "
            "AND date BETWEEN ? AND ?", [*params, self.ys, self.ye])]
        covered = {m for m, s, e in bounds for d in dates if s.isoformat() <= d <= e.isoformat()}
        elapsed = len(bounds)
        missing = [str(m.index) for m, _, _ in bounds if m not in covered]
        detail = f"{len(covered)}/{elapsed} tháng có tin, bài"
        if missing:
            detail += "; chưa có: tháng " + ", ".join(missing)
        scale = elapsed / 12 if elapsed < 12 else None
        return float(len(covered)), len(covered), elapsed, detail, scale

    # 3 ------------------------------------------------------------------------------------------
    def districts_with_integration_plan(self) -> tuple:
        districts = [u.code for u in self.scope.districts()]
        if not districts:
            return None, None, None, "Chỉ tiêu cấp huyện: không áp dụng cho cấp xã", NOT_APPLICABLE
        marks = ",".join("?" * len(districts))
        rows = self.q(
            f"SELECT DISTINCT unit_code FROM form_plan_document WHERE deleted = 0 AND unit_code IN ({marks}) "
            "AND integrated_with IS NOT NULL AND integrated_with NOT IN ('', '[]') AND issued_on <= ?",
            [*districts, self.ye])
        n_yes = len(rows)
        return (_pct(n_yes, len(districts)), n_yes, len(districts),
                f"{n_yes}/{len(districts)} huyện có kế hoạch lồng ghép ban hành đến {format_date_vi(self.until)}", None)

    # 4 ------------------------------------------------------------------------------------------
    def districts_with_harm_reduction(self) -> tuple:
        districts = [u.code for u in self.scope.districts()]
        if not districts:
            return None, None, None, "Chỉ tiêu cấp huyện: không áp dụng cho cấp xã", NOT_APPLICABLE
        where, params = self.scope.in_codes()
        owners = [r[0] for r in self.q(
            f"SELECT DISTINCT unit_code FROM form_support_model WHERE deleted = 0 AND {where} "
            "AND model_type IN ('harm_reduction', 'gbv_prevention') AND established_on <= ? "
            "AND (ended_on IS NULL OR ended_on >= ?)", [*params, self.ye, self.ys])]
        with_model = {d for d in districts for o in owners if o == d or o in self.scope.codes_under(d)}
        return (_pct(len(with_model), len(districts)), len(with_model), len(districts),
                f"{len(with_model)}/{len(districts)} huyện có mô hình can thiệp giảm tác hại, "
                "phòng ngừa bạo lực giới", None)

    # 5 ------------------------------------------------------------------------------------------
    def support_models(self) -> tuple:
        where, params = self.scope.in_codes()
        rows = self.q(
            f"SELECT model_type, count(*) FROM form_support_model WHERE deleted = 0 AND {where} "
            "AND model_type IN ('community_support', 'worker_rights', 'peer_group') AND established_on <= ? "
            "AND (ended_on IS NULL OR ended_on >= ?) GROUP BY model_type", [*params, self.ye, self.ys])
        n = sum(r[1] for r in rows)
        form = self.inst.store.forms["support_model"].field("model_type")
        detail = "; ".join(f"{form.choice_label(t)}: {c}" for t, c in sorted(rows)) or "chưa có mô hình hoạt động"
        return float(n), n, None, detail, None

    # 6 ------------------------------------------------------------------------------------------
    def cases_handled(self) -> tuple:
        where, params = self.scope.in_codes()
        total, done = self.q(
            f"SELECT count(*), coalesce(sum(coalesce(status, 'open') != 'open'), 0) FROM form_case WHERE deleted = 0 "
            f"AND {where} "
            "AND detected_on BETWEEN ? AND ?", [*params, self.ys, self.ye])[0]
        if not total:
            return None, 0, 0, "Không phát hiện vụ việc nào trong năm", None
        return _pct(done, total), done, total, f"{done}/{total} vụ việc đã xử lý hoặc chuyển", None

    # 7 ------------------------------------------------------------------------------------------
    def disguised_reduction(self) -> tuple:
        where, params = self.scope.in_codes()

        def suspected_open(d: date) -> int:
            s = d.isoformat()
            return self.q(
                f"SELECT count(*) FROM form_establishment WHERE deleted = 0 AND {where} AND suspected = 1 "
                "AND (suspected_since IS NULL OR suspected_since <= ?) "
                "AND (opened_on IS NULL OR opened_on <= ?) AND (closed_on IS NULL OR closed_on > ?)",
                [*params, s, s, s])[0][0]

        base_day = self.scope.plan.start
        base, now = suspected_open(base_day), suspected_open(self.until)
        detail = (f"cơ sở nghi vấn hoạt động trá hình: {base} ngày {format_date_vi(base_day)}, "
                  f"{now} ngày {format_date_vi(self.until)}")
        if not base:
            return None, base - now, 0, detail + " (không có cơ sở gốc để tính tỷ lệ)", None
        return _pct(base - now, base), base - now, base, detail, None

    # 8 ------------------------------------------------------------------------------------------
    def healthy_communes(self) -> tuple:
        codes = [u.code for u in self.scope.communes()]
        if not codes:
            return None, 0, 0, "", None
        marks = ",".join("?" * len(codes))
        rows = self.q(
            f"SELECT unit_code, year, healthy FROM form_unit_status WHERE deleted = 0 AND unit_code IN ({marks}) "
            "AND year BETWEEN ? AND ?", [*codes, self.scope.year - 1, self.scope.year])
        this = {c for c, y, h in rows if y == self.scope.year and h}
        before_known = any(y == self.scope.year - 1 for _, y, _ in rows)
        before = {c for c, y, h in rows if y == self.scope.year - 1 and h}
        n = len(codes)
        new = this - before
        if before_known:
            gain = _pct(len(new), n) or 0.0
            detail = f"{len(this)}/{n} xã; mới đạt so với năm trước: +{format_percent_vi(gain)} ({len(new)} xã)"
        else:
            gain = None
            detail = f"{len(this)}/{n} xã; chưa có số liệu năm {self.scope.year - 1} để so sánh"
        return _pct(len(this), n), len(this), n, detail, gain

    # 9 ------------------------------------------------------------------------------------------
    def officers_trained(self) -> tuple:
        where, params = self.scope.in_codes()
        officers = [r[0] for r in self.q(
            f"SELECT id FROM form_officer WHERE deleted = 0 AND {where} AND (since IS NULL OR since <= ?) "
            "AND (until IS NULL OR until >= ?)", [*params, self.ye, self.ys])]
        if not officers:
            return None, 0, 0, "Chưa có cán bộ trong danh sách", None
        trained_ids = {r[0] for r in self.q(
            f"SELECT DISTINCT j.value FROM form_training t, json_each(t.officers) j WHERE t.deleted = 0 "
            f"AND t.officers IS NOT NULL AND t.{where} AND t.start_date BETWEEN ? AND ?",
            [*params, self.scope.plan.start.isoformat(), self.ye])}
        n_yes = sum(1 for o in officers if o in trained_ids)
        return (_pct(n_yes, len(officers)), n_yes, len(officers),
                f"{n_yes}/{len(officers)} cán bộ đã dự ít nhất một lớp tập huấn từ {self.scope.plan.first_year}", None)


NOT_APPLICABLE = "n/a"


def _judge(ind: IndicatorDef, year: int, value: float | None, extra: Any
           ) -> tuple[Target | None, str, bool | None, str]:
    """(target, its Vietnamese text, met?, its English text) of ``ind`` in ``year``."""
    if extra == NOT_APPLICABLE:
        return None, "Không áp dụng", None, "Not applicable"
    target = ind.target_for(year)
    if ind.id == "press_monthly" and target is not None and extra is not None:  # part of a year
        elapsed = round(extra * 12)
        scaled = Target(target.low * extra)
        return scaled, f"{elapsed}/{elapsed} tháng", scaled.met(value), f"{elapsed}/{elapsed} months"
    if target is not None:
        return target, target.text(ind.unit), target.met(value), target.text(ind.unit, "en")
    if ind.yearly_gain is not None:
        final = ind.final_target
        gain = format_percent_vi(ind.yearly_gain)
        text, text_en = f"+{gain} số xã/năm", f"+{gain} of communes a year"
        if value is not None and final is not None and value >= final.low:
            return None, text, True, text_en
        if extra is None:
            return None, text, None, text_en
        return None, text, extra >= ind.yearly_gain - 1e-9, text_en
    return None, "—", None, "—"


def compute_indicators(inst: Installation, year: int, unit_code: str | None = None, *,
                       until: date | None = None, plan: PlanDef | None = None,
                       scope: Scope | None = None) -> list[IndicatorValue]:
    """The nine indicators of ``year`` for ``unit_code`` (default: the installation's unit), in the
    data dictionary's order. ``until`` stops the year early (a six-month report)."""
    if scope is None:
        scope = make_scope(inst, Period(int(year), "Y", 1), unit_code, plan)
    elif scope.year != year:
        raise ValueError("scope of another year")
    _, year_end = inst.period_bounds(Period(scope.year, "Y", 1))
    stop = min(until, year_end) if until else year_end
    calc = _Calc(inst, scope, stop)
    out: list[IndicatorValue] = []
    for iid in INDICATOR_IDS:
        ind = scope.plan.indicator(iid)
        value, num, den, detail, extra = getattr(calc, iid)()
        target, target_text, met, target_text_en = _judge(ind, scope.year, value, extra)
        out.append(IndicatorValue(
            id=iid, label=ind.label, value=value, target_text=target_text, met=met, unit=ind.unit,
            numerator=None if num is None else float(num), denominator=None if den is None else float(den),
            detail=detail, target=target.as_json() if target else None, short_label=ind.short_label,
            applicable=extra != NOT_APPLICABLE, label_en=ind.label_en, target_text_en=target_text_en,
        ))
    return out


def _round(v: float | None) -> float | int | None:
    if v is None:
        return None
    r = round(v, 2)
    return int(r) if r == int(r) else r


def indicators_json(values: list[IndicatorValue]) -> list[dict[str, Any]]:
    """``[{id, value, target, met, …}]`` for the command line and other programs."""
    return [
        {"id": v.id, "value": _round(v.value), "target": v.target, "met": v.met, "label": v.label,
         "unit": v.unit, "target_text": v.target_text, "numerator": _round(v.numerator),
         "denominator": _round(v.denominator), "detail": v.detail}
        for v in values
    ]


def indicators_dhis2(values: list[IndicatorValue], period: str | Period, org_unit: str) -> dict[str, Any]:
    """DHIS2 ``dataValueSets`` JSON: data element = indicator id, org unit = GSO code.

    Indicators without a value (nothing to divide by, or not applicable) are left out, as DHIS2
    expects missing values to be absent rather than empty.
    """
    pe = Period.parse(period).dhis2()
    data = []
    for v in values:
        if v.value is None:
            continue
        r = _round(v.value)
        data.append({"dataElement": v.id, "period": pe, "orgUnit": org_unit, "value": str(r)})
    return {"dataValues": data}


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2)
