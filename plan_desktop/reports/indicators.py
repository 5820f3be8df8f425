"""The plan indicators, computed for a unit and a period from their definitions in the plan file.

Each indicator of ``resources/plan/*.toml`` carries its definition in a clerk's words and as
``[indicators.compute]`` (see the comments at the top of that file). This module reads only the
latter: form ids, fields and choice codes come from the plan file and are checked against the forms
(:func:`check_definitions`); nothing here names a field or a code of a form.

The result of an indicator is an :class:`IndicatorValue` with one of five statuses (:data:`STATUSES`);
the report, the overview, the XLSX and the command line all read that object.

The period: a year's indicators count the records of the year; a half-year's, a quarter's or a
month's only the records dated inside it (``until`` stops a year early). The as-of day is the period's
last day: a state (a roster, a flag, a decision) is read as it was in force that day.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from plan_desktop.domain.forms import FieldDef, FormDef, FormSet
from plan_desktop.domain.periods import Period
from plan_desktop.domain.plan import INDICATOR_IDS, LEVELS, IndicatorDef, PlanDef, PlanError, Target
from plan_desktop.domain.text import format_date_vi, format_int_vi, format_percent_vi
from plan_desktop.reports.context import ReportContext
from plan_desktop.reports.scope import Scope, make_scope
from plan_desktop.store import indicator_rows
from plan_desktop.store.ids import with_moved_ids
from plan_desktop.store.periods import period_where

__all__ = [
    "STATUSES",
    "STATUS_EN",
    "STATUS_VI",
    "IndicatorValue",
    "check_definitions",
    "compute_indicators",
    "flagged_sql",
    "format_value",
    "indicators_dhis2",
    "indicators_json",
]

STATUSES = ("met", "not_met", "no_target", "not_applicable", "no_data")
STATUS_VI = {"met": "Đạt", "not_met": "Chưa đạt", "no_target": "Không có mục tiêu trong năm",
             "not_applicable": "Không áp dụng", "no_data": "Chưa có số liệu"}
STATUS_EN = {"met": "Met", "not_met": "Not met", "no_target": "No target this year",
             "not_applicable": "Not applicable at this level", "no_data": "No data yet"}


@dataclass(frozen=True)
class IndicatorValue:
    id: str
    label: str
    value: float | None
    target_text: str
    status: str  # one of STATUSES
    unit: str  # "percent" | "count" | "months"
    numerator: float | None
    denominator: float | None
    detail: str
    #: the target as data: a number (at least), [low, high] (a range), or None (no target that period)
    target: float | list[float] | None = None
    short_label: str = ""
    label_en: str = ""
    target_text_en: str = ""
    #: the day whose state the figure reads (the period's last day)
    as_of: date | None = None
    #: «năm 2016», «6 tháng đầu năm 2016», «quý III năm 2016»
    period_label: str = ""
    #: figures beside the main one (e.g. {"maintained": 3, "active": 5}), for the report and exports
    parts: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def met(self) -> bool | None:
        """True (met), False (not met), None (not judged: no target, not applicable, no data)."""
        return {"met": True, "not_met": False}.get(self.status)

    @property
    def applicable(self) -> bool:
        return self.status != "not_applicable"

    def label_for(self, lang: str) -> str:
        return self.label_en or self.label if lang == "en" else self.label

    def target_text_for(self, lang: str) -> str:
        return self.target_text_en or self.target_text if lang == "en" else self.target_text

    @property
    def value_text(self) -> str:
        return format_value(self.value, self.unit)

    @property
    def met_text(self) -> str:
        """The status in words (Vietnamese)."""
        return STATUS_VI[self.status]

    def status_text(self, lang: str = "vi") -> str:
        return (STATUS_EN if lang == "en" else STATUS_VI)[self.status]


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


# -- the definitions against the forms ----------------------------------------------------------------
def _form(forms: FormSet, iid: str, form_id: str) -> FormDef:
    if form_id not in forms:
        raise PlanError(f"Chỉ tiêu «{iid}»: biểu mẫu «{form_id}» không có trong forms/.",
                        en=f"Indicator «{iid}»: the form «{form_id}» is not in forms/.")
    return forms[form_id]


def _field(form: FormDef, iid: str, name: str, types: tuple[str, ...] | None = None) -> FieldDef:
    if not form.has_field(name):
        raise PlanError(f"Chỉ tiêu «{iid}»: biểu mẫu «{form.id}» không có trường «{name}».",
                        en=f"Indicator «{iid}»: the form «{form.id}» has no field «{name}».")
    fd = form.field(name)
    if types and fd.type not in types:
        raise PlanError(f"Chỉ tiêu «{iid}»: trường «{form.id}.{name}» phải có kiểu {' hoặc '.join(types)}.",
                        en=f"Indicator «{iid}»: the field «{form.id}.{name}» must be of type {' or '.join(types)}.")
    return fd


def _codes(fd: FieldDef, iid: str, codes: Any) -> list[Any]:
    values = codes if isinstance(codes, list) else [codes]
    if fd.type in ("choice", "choices"):
        for c in values:
            if fd.choice(c) is None:
                raise PlanError(f"Chỉ tiêu «{iid}»: trường «{fd.name}» không có mã lựa chọn «{c}».",
                                en=f"Indicator «{iid}»: the field «{fd.name}» has no choice code «{c}».")
    elif fd.type == "bool" and not all(isinstance(v, bool) for v in values):
        raise PlanError(f"Chỉ tiêu «{iid}»: trường «{fd.name}» cần true/false.",
                        en=f"Indicator «{iid}»: the field «{fd.name}» needs true/false.")
    return values


def named_in(ind: IndicatorDef) -> list[tuple[str, str, list[Any]]]:
    """Every (form, field, codes) an indicator's definition names (codes empty when none)."""
    c = ind.compute
    out: list[tuple[str, str, list[Any]]] = []
    form = c["form"]
    for key in ("where", "numerator_where", "covers"):
        for name, codes in (c.get(key) or {}).items():
            out.append((form if key != "covers" else c.get("attended", {}).get("form", form), name,
                        codes if isinstance(codes, list) else [codes]))
    for clause in c.get("all_of", []):
        for name, codes in clause.items():
            out.append((form, name, codes if isinstance(codes, list) else [codes]))
    for key in ("date_field", "split_by", "flag", "flag_from", "flag_until", "year_field", "field", "gain_field"):
        if c.get(key):
            out.append((form, c[key], []))
    att = c.get("attended")
    if att:
        out.append((att["form"], att["refs"], []))
        if att.get("date_field"):
            out.append((att["form"], att["date_field"], []))
    return out


def check_definitions(plan: PlanDef, forms: FormSet) -> None:
    """Refuse (PlanError) a plan whose definitions name a form, field or choice code the forms lack."""
    for ind in plan.indicators:
        for form_id, name, codes in named_in(ind):
            fd = _field(_form(forms, ind.id, form_id), ind.id, name)
            if codes:
                _codes(fd, ind.id, codes)


def _where(form: FormDef, iid: str, where: dict[str, Any] | None, alias: str = "") -> tuple[list[str], list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    for name, raw in (where or {}).items():
        fd = _field(form, iid, name)
        codes = _codes(fd, iid, raw)
        col = f"{alias}[{name}]"
        if fd.type == "choices":
            if not codes:
                clauses.append(f"({col} IS NOT NULL AND {col} NOT IN ('', '[]'))")
            else:
                clauses.append(f"EXISTS (SELECT 1 FROM json_each({col}) WHERE value IN ({','.join('?' * len(codes))}))")
                params += codes
        elif fd.type == "bool":
            clauses.append(f"{col} = ?")
            params.append(int(bool(codes[0])))
        elif not codes:
            clauses.append(f"{col} IS NOT NULL")
        else:
            clauses.append(f"{col} IN ({','.join('?' * len(codes))})")
            params += codes
    return clauses, params


def flagged_sql(forms: FormSet, ind: IndicatorDef, on: date, alias: str = "") -> str:
    """SQL truth value: the record is in force and flagged on ``on`` (a ``reduction`` definition).

    The same expression gives section I of the report its suspected establishments, so both read the
    state in force on the same day. Dates are ISO literals of a ``date`` (no user text)."""
    c = ind.compute
    form = _form(forms, ind.id, c["form"])
    d = f"'{on.isoformat()}'"
    flag = f"{alias}[{_field(form, ind.id, c['flag'], ('bool',)).name}]"
    parts = [f"coalesce({flag}, 0) = 1"]
    for key, op in (("flag_from", "<="), ("flag_until", ">")):
        if c.get(key):
            col = f"{alias}[{_field(form, ind.id, c[key], ('date',)).name}]"
            parts.append(f"({col} IS NULL OR {col} {op} {d})")
    if form.period_field:
        parts.append(f"({alias}[{form.period_field}] IS NULL OR {alias}[{form.period_field}] <= {d})")
    if form.until_field:
        parts.append(f"({alias}[{form.until_field}] IS NULL OR {alias}[{form.until_field}] > {d})")
    return "(" + " AND ".join(parts) + ")"


# -- computing -----------------------------------------------------------------------------------------
@dataclass
class _Result:
    value: float | None
    num: float | None
    den: float | None
    detail: str
    parts: dict[str, Any] = field(default_factory=dict)
    #: for months: the months of the period (the target is that many months)
    months: int | None = None
    #: for healthy_units: whether the count was kept and the net gain reached (None: cannot tell)
    kept: bool | None = None
    gain_ok: bool | None = None


class _Calc:
    def __init__(self, inst: ReportContext, scope: Scope, start: date, end: date):
        self.inst = inst
        self.db = inst.store.db
        self.forms = inst.store.forms
        self.scope = scope
        self.start, self.end = start, end
        self.period = scope.period if (start, end) == (scope.start, scope.end) else Period(scope.year, "Y", 1)

    # helpers ------------------------------------------------------------------------------------------
    def units(self, kind: str) -> list[str]:
        return [u.code for u in (self.scope.communes() if kind == "commune" else self.scope.districts())]

    def owners(self, c: dict[str, Any], unit: str) -> list[str]:
        return [unit] if c.get("owner", "under") == "self" else self.scope.codes_under(unit)

    def window(self, form: FormDef, iid: str, c: dict[str, Any]) -> tuple[list[str], list[Any]]:
        kind = c.get("window", "period")
        if kind == "in_force":
            where, params = period_where(form, self.start, self.end)
            return [where], params
        name = c.get("date_field") or form.period_field
        fd = _field(form, iid, name, ("date", "int"))
        col = f"[{fd.name}]"
        hi = self.end.year if fd.type == "int" else self.end.isoformat()
        if kind == "cumulative":
            return [f"{col} IS NOT NULL AND {col} <= ?"], [hi]
        lo = self.start.year if fd.type == "int" else self.start.isoformat()
        return [f"{col} BETWEEN ? AND ?"], [lo, hi]

    def buckets(self, kind: str) -> list[tuple[date, date, int]]:
        """The quarters or months of the period, cut to it, with their number in the year."""
        parts = Period(self.scope.year, "Y", 1).parts("Q" if kind == "quarter" else "M")
        out = []
        for p in parts:
            s, e = p.bounds(self.inst.cutoff)
            s, e = max(s, self.start), min(e, self.end)
            if s <= e:
                out.append((s, e, p.index))
        return out

    def dated_buckets(self, form: FormDef, iid: str, c: dict[str, Any], codes: list[str],
                      where: dict[str, Any] | None, every: str | None) -> set[tuple[str, int]]:
        """{(owner code, bucket)}: owners with a matching record in the window (bucket 0), or in each
        quarter/month (1, 2, …) when ``every`` is given."""
        clauses, params = self.window(form, iid, c)
        w, wp = _where(form, iid, where)
        bucket = "0"
        bparams: list[Any] = []
        if every:
            name = c.get("date_field") or form.period_field
            whens = []
            for i, (s, e, _) in enumerate(self.buckets(every), 1):
                whens.append(f"WHEN [{name}] BETWEEN ? AND ? THEN {i}")
                bparams += [s.isoformat(), e.isoformat()]
            bucket = f"CASE {' '.join(whens)} ELSE 0 END" if whens else "0"
        found: set[tuple[str, int]] = set()
        for at in range(0, len(codes), 500):
            part = codes[at:at + 500]
            rows = indicator_rows.owned_rows(self.db, form.table, ["unit_code", bucket], part, [*clauses, *w],
                                             [*params, *wp], select_params=bparams, distinct=True)
            found.update((u, int(b)) for u, b in rows)
        return found

    def choice_detail(self, form: FormDef, name: str, counts: dict[Any, int], default: Any = None) -> str:
        fd = form.field(name)
        merged: dict[Any, int] = defaultdict(int)
        for code, n in counts.items():
            merged[code if code is not None else default] += n
        return "; ".join(f"{fd.choice_label(code) or '(không ghi)'}: {n}" for code, n in sorted(
            merged.items(), key=lambda x: [ch.code for ch in fd.choices].index(x[0]) if fd.choice(x[0]) else 99))

    # kinds --------------------------------------------------------------------------------------------
    def share_of_units(self, iid: str, c: dict[str, Any]) -> _Result | None:
        form = _form(self.forms, iid, c["form"])
        units = self.units(c.get("units", "commune"))
        if not units:
            return None
        owner_of: dict[str, list[str]] = defaultdict(list)
        for u in units:
            for code in self.owners(c, u):
                owner_of[code].append(u)
        codes = sorted(owner_of)
        every = c.get("every")
        clauses = c.get("all_of") or [c.get("where") or {}]
        per_clause: list[dict[str, set[int]]] = []
        for clause in clauses:
            got: dict[str, set[int]] = defaultdict(set)
            for code, b in self.dated_buckets(form, iid, c, codes, {**(c.get("where") or {}), **clause}, every):
                for u in owner_of[code]:
                    got[u].add(b)
            per_clause.append(got)
        n_buckets = len(self.buckets(every)) if every else 0
        wanted = set(range(1, n_buckets + 1)) if every else None

        def has(got: dict[str, set[int]], u: str) -> bool:
            return bool(got.get(u)) and (wanted is None or wanted <= got[u])

        yes = [u for u in units if all(has(got, u) for got in per_clause)]
        n = len(units)
        what = {"commune": "xã", "district": "huyện"}[c.get("units", "commune")]
        detail = f"{len(yes)}/{n} {what}"
        parts: dict[str, Any] = {"units": n, "yes": len(yes)}
        if every:
            active = [u for u in units if all(got.get(u) for got in per_clause)]
            parts["active"] = len(active)
            quarters = f"cả {n_buckets} quý của kỳ" if n_buckets > 1 else "quý của kỳ"
            detail += (f" có hoạt động trong {quarters}; {len(active)}/{n} {what} "
                       "có ít nhất một hoạt động trong kỳ")
        if len(per_clause) > 1:
            each = []
            for clause, got in zip(clauses, per_clause, strict=True):
                (name, codes), = clause.items()
                label = form.field(name).choice_label(codes[0]) if isinstance(codes, list) and codes else name
                k = sum(1 for u in units if has(got, u))
                parts[str(codes[0] if isinstance(codes, list) else codes)] = k
                each.append(f"{lower(label)}: {k}")
            detail += " có đủ cả hai; " + ", ".join(each)
        if c.get("window") == "cumulative":
            detail += f" (tính đến {format_date_vi(self.end)})"
        return _Result(_pct(len(yes), n), len(yes), n, detail, parts)

    def months_with_records(self, iid: str, c: dict[str, Any]) -> _Result:
        form = _form(self.forms, iid, c["form"])
        codes = list(self.scope.codes)
        got = {b for _, b in self.dated_buckets(form, iid, c, codes, c.get("where"), "month")}
        months = self.buckets("month")
        covered = sum(1 for i in range(1, len(months) + 1) if i in got)
        missing = [str(m) for i, (_, _, m) in enumerate(months, 1) if i not in got]
        detail = f"{covered}/{len(months)} tháng có tin, bài"
        if missing:
            detail += "; chưa có: tháng " + ", ".join(missing)
        return _Result(float(covered), covered, len(months), detail, {"months": len(months)}, months=len(months))

    def count_records(self, iid: str, c: dict[str, Any]) -> _Result:
        form = _form(self.forms, iid, c["form"])
        clauses, params = self.window(form, iid, c)
        w, wp = _where(form, iid, c.get("where"))
        codes = list(self.scope.codes)
        key = next(iter(c.get("where") or {}), None)
        sel = f"[{key}]" if key else "NULL"
        rows = indicator_rows.owned_rows(self.db, form.table, [sel, "count(*)"], codes, [*clauses, *w],
                                         [*params, *wp], group_by=sel)
        n = sum(r[1] for r in rows)
        detail = (self.choice_detail(form, key, dict(rows)) if key else str(n)) if n else "chưa có"
        return _Result(float(n), n, None, detail, {r[0]: r[1] for r in rows})

    def share_of_records(self, iid: str, c: dict[str, Any]) -> _Result:
        form = _form(self.forms, iid, c["form"])
        clauses, params = self.window(form, iid, c)
        w, wp = _where(form, iid, c.get("where"))
        nw, nwp = _where(form, iid, c.get("numerator_where"))
        codes = list(self.scope.codes)
        split = c.get("split_by")
        sel = f"[{_field(form, iid, split).name}]" if split else "NULL"
        num = " AND ".join(nw) or "1"
        rows = indicator_rows.owned_rows(self.db, form.table, [sel, "count(*)", f"coalesce(sum({num}), 0)"], codes,
                                         [*clauses, *w], [*params, *wp], select_params=nwp, group_by=sel)
        default = form.field(split).default if split else None
        by: dict[Any, list[int]] = defaultdict(lambda: [0, 0])
        for code, total, done in rows:
            by[code if code is not None else default][0] += total
            by[code if code is not None else default][1] += done
        total = sum(v[0] for v in by.values())
        done = sum(v[1] for v in by.values())
        if not total:
            return _Result(None, 0, 0, "Không phát hiện trong kỳ")
        parts = {str(k): {"detected": v[0], "handled": v[1]} for k, v in by.items()}
        if split:
            fd = form.field(split)
            detail = "; ".join(f"{fd.choice_label(ch.code)}: {by[ch.code][1]}/{by[ch.code][0]} đã xử lý"
                               for ch in fd.choices)
        else:
            detail = f"{done}/{total} đã xử lý"
        return _Result(_pct(done, total), done, total, detail, parts)

    def reduction(self, iid: str, c: dict[str, Any], ind: IndicatorDef) -> _Result:
        form = _form(self.forms, iid, c["form"])
        codes = list(self.scope.codes)
        base_day = c.get("baseline") or self.scope.plan.start
        if not isinstance(base_day, date):
            base_day = date.fromisoformat(str(base_day))

        def flagged(on: date) -> int:
            return indicator_rows.owned_rows(self.db, form.table, ["count(*)"], codes,
                                             [flagged_sql(self.forms, ind, on)])[0][0]

        base, now = flagged(base_day), flagged(self.end)
        detail = (f"cơ sở nghi vấn: {base} ngày {format_date_vi(base_day)}, {now} ngày {format_date_vi(self.end)}")
        parts = {"baseline": base, "baseline_on": base_day.isoformat(), "now": now}
        if not base:
            return _Result(None, base - now, 0, detail + " (không có cơ sở gốc để tính tỷ lệ)", parts)
        return _Result(_pct(base - now, base), base - now, base, detail, parts)

    def healthy_units(self, iid: str, c: dict[str, Any], ind: IndicatorDef) -> _Result:
        form = _form(self.forms, iid, c["form"])
        yf = _field(form, iid, c["year_field"], ("int",)).name
        hf = _field(form, iid, c["field"], ("bool",)).name
        gf = _field(form, iid, c["gain_field"], ("bool",)).name if c.get("gain_field") else None
        df = _field(form, iid, c["date_field"], ("date",)).name if c.get("date_field") else None
        units = self.units(c.get("units", "commune"))
        if not units:
            return _Result(None, 0, 0, "")
        year = self.scope.year
        dated = f"coalesce([{df}], [{yf}] || '-12-31')" if df else f"[{yf}] || '-12-31'"
        rows = indicator_rows.owned_rows(
            self.db, form.table, ["unit_code", f"[{yf}]", f"[{hf}]", f"[{gf}]" if gf else "0"], units,
            [f"[{yf}] BETWEEN ? AND ?", f"{dated} <= ?"], [year - 1, year, self.end.isoformat()])
        now = {u: (bool(h), bool(g)) for u, y, h, g in rows if y == year}
        before = {u: (bool(h), bool(g)) for u, y, h, g in rows if y == year - 1}
        n = len(units)
        if not now:
            when = f"đến ngày {format_date_vi(self.end)}" if self.end != date(year, 12, 31) else ""
            return _Result(None, None, n, f"chưa có kết quả đánh giá năm {year} {when}".strip(),
                           {"assessed": 0})
        healthy = {u for u, (h, _) in now.items() if h}
        drugs = {u for u, (_, g) in now.items() if g}
        detail = f"{len(healthy)}/{n} xã lành mạnh không có mại dâm"
        if n - len(now):
            detail += f" ({n - len(now)} xã chưa có kết quả đánh giá)"
        parts: dict[str, Any] = {"assessed": len(now), "healthy": len(healthy), "drugs_too": len(drugs)}
        kept = gain_ok = None
        if before:
            h0 = {u for u, (h, _) in before.items() if h}
            g0 = {u for u, (_, g) in before.items() if g}
            gained, lost = healthy - h0, h0 - healthy
            kept = len(healthy) >= len(h0)
            g_gained, g_lost = drugs - g0, g0 - drugs
            net = len(g_gained) - len(g_lost)
            need = min((ind.yearly_gain or 0) * n / 100, n - len(g0))
            gain_ok = net >= need - 1e-9 if self.scope.level.value in c.get("gain_levels", LEVELS) else None
            parts.update(healthy_before=len(h0), gained=len(gained), lost=len(lost), drugs_before=len(g0),
                         drugs_gained=len(g_gained), drugs_lost=len(g_lost), net_gain=net,
                         net_gain_percent=_pct(net, n))
            detail += (f"; năm {year - 1}: {len(h0)} xã (mới đạt {len(gained)}, bị mất {len(lost)}: "
                       f"{'giữ vững' if kept else 'không giữ vững'} số xã); không có tệ nạn ma túy, mại dâm: "
                       f"{len(drugs)} xã, tăng ròng {'+' if net >= 0 else ''}{format_percent_vi(_pct(net, n) or 0)}"
                       f" ({len(g_gained)} mới đạt, {len(g_lost)} bị mất)")
        else:
            detail += f"; chưa có kết quả đánh giá năm {year - 1} để so sánh"
        return _Result(_pct(len(healthy), n), len(healthy), n, detail, parts, kept=kept, gain_ok=gain_ok)

    def share_of_roster(self, iid: str, c: dict[str, Any]) -> _Result:
        form = _form(self.forms, iid, c["form"])
        clauses, params = self.window(form, iid, c)
        codes = list(self.scope.codes)
        roster = {r[0] for r in indicator_rows.owned_rows(self.db, form.table, ["id"], codes, clauses, params)}
        if not roster:
            return _Result(None, 0, 0, "Chưa có cán bộ trong danh sách")
        att = c["attended"]
        tf = _form(self.forms, iid, att["form"])
        refs = _field(tf, iid, att["refs"], ("refs",)).name
        tdate = _field(tf, iid, att.get("date_field") or tf.period_field, ("date",)).name
        covers = c.get("covers") or {}
        cols = [_field(tf, iid, name, ("choices",)).name for name in covers]
        # trainings of any unit count (a district's course may list its communes' officers)
        rows = indicator_rows.referenced_ids(self.db, tf.table, refs, cols, tdate, self.scope.plan.start.isoformat(),
                                             self.end.isoformat())
        got: dict[str, list[set[str]]] = {}
        for oid, *vals in rows:
            # an officer moved from an abolished commune to its successor keeps the old record's trainings
            for target in with_moved_ids((oid,)) & roster:
                acc = got.setdefault(target, [set() for _ in cols])
                for i, v in enumerate(vals):
                    acc[i].update(json.loads(v) if v else [])
        need = [set(codes) for codes in covers.values()]
        trained = [o for o, acc in got.items() if all(n <= a for n, a in zip(need, acc, strict=True))]
        n = len(roster)
        detail = f"{len(trained)}/{n} cán bộ đã được tập huấn đủ nội dung từ {self.scope.plan.first_year}"
        partial = len(got) - len(trained)
        if covers and partial:
            labels = ", ".join(lower(tf.field(name).choice_label(code)) for name, codes in covers.items()
                               for code in codes)
            detail += f"; {partial} cán bộ đã dự tập huấn nhưng chưa đủ các nội dung ({labels})"
        return _Result(_pct(len(trained), n), len(trained), n, detail,
                       {"roster": n, "trained": len(trained), "attended_some": len(got)})

    def run(self, ind: IndicatorDef) -> _Result | None:
        c = ind.compute
        kind = c["kind"]
        if kind in ("reduction", "healthy_units"):
            return getattr(self, kind)(ind.id, c, ind)
        return getattr(self, kind)(ind.id, c)


def lower(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text


LEVEL_VI = {"commune": "cấp xã", "district": "cấp huyện", "province": "cấp tỉnh"}


def _judge(ind: IndicatorDef, scope: Scope, r: _Result | None) -> tuple[str, Target | None, str, str]:
    """(status, target, target text, English target text)."""
    if r is None or scope.level.value not in ind.levels:
        return "not_applicable", None, "Không áp dụng", "Not applicable"
    target = ind.target_for(scope.year)
    if r.months is not None and target is not None and r.months < 12:  # a part of a year: every month of it
        target = Target(float(r.months))
        text, text_en = f"{r.months}/{r.months} tháng", f"{r.months}/{r.months} months"
    elif target is not None:
        text, text_en = target.text(ind.unit), target.text(ind.unit, "en")
    else:
        text, text_en = "—", "—"
    if r.value is None:
        return "no_data", target, text, text_en
    if ind.compute["kind"] == "healthy_units":
        gain = format_percent_vi(ind.yearly_gain or 0)
        rules = [f"giữ vững số xã; +{gain}/năm"]
        rules_en = [f"count kept; +{gain} a year"]
        if target is not None:
            rules.append(text)
            rules_en.append(text_en)
        text, text_en = "; ".join(rules), "; ".join(rules_en)
        checks = [r.kept, r.gain_ok] + ([target.met(r.value)] if target is not None else [])
        if r.kept is None and target is None:
            return "no_data", target, text, text_en
        known = [x for x in checks if x is not None]
        return ("met" if all(known) else "not_met"), target, text, text_en
    if target is None:
        return "no_target", None, text, text_en
    return ("met" if target.met(r.value) else "not_met"), target, text, text_en


def compute_indicators(inst: ReportContext, year: int, unit_code: str | None = None, *,
                       until: date | None = None, plan: PlanDef | None = None,
                       scope: Scope | None = None) -> list[IndicatorValue]:
    """The indicators of ``year`` for ``unit_code`` (default: the installation's unit), in the data
    dictionary's order. With ``scope`` (a report's), over its period (a half-year counts only what is
    dated inside it); ``until`` stops a year early."""
    if scope is None:
        scope = make_scope(inst, Period(int(year), "Y", 1), unit_code, plan)
    elif scope.year != year:
        raise ValueError("scope of another year")
    check_definitions(scope.plan, inst.store.forms)
    if until is not None:
        _, year_end = inst.period_bounds(Period(scope.year, "Y", 1))
        start, end = scope.year_start, min(until, year_end)
    else:
        start, end = scope.start, scope.end
    calc = _Calc(inst, scope, start, end)
    label = calc.period.label_vi() if (start, end) == (scope.start, scope.end) else (
        f"năm {scope.year} đến ngày {format_date_vi(end)}")
    out: list[IndicatorValue] = []
    for iid in INDICATOR_IDS:
        ind = scope.plan.indicator(iid)
        r = calc.run(ind)
        status, target, target_text, target_text_en = _judge(ind, scope, r)
        if r is None:
            lv = LEVEL_VI[scope.level.value]
            r = _Result(None, None, None, f"Chỉ tiêu không áp dụng cho {lv}")
        elif status == "not_applicable":
            where = ", ".join(LEVEL_VI[x] for x in ind.levels)
            r.detail = f"{r.detail}; chỉ tiêu chỉ đánh giá ở {where}" if r.detail else f"chỉ đánh giá ở {where}"
        out.append(IndicatorValue(
            id=iid, label=ind.label, value=r.value, target_text=target_text, status=status, unit=ind.unit,
            numerator=None if r.num is None else float(r.num), denominator=None if r.den is None else float(r.den),
            detail=r.detail, target=target.as_json() if target else None, short_label=ind.short_label,
            label_en=ind.label_en, target_text_en=target_text_en, as_of=end, period_label=label, parts=r.parts,
        ))
    return out


def _round(v: float | None) -> float | int | None:
    if v is None:
        return None
    r = round(v, 2)
    return int(r) if r == int(r) else r


def indicators_json(values: list[IndicatorValue]) -> list[dict[str, Any]]:
    """``[{id, status, value, numerator, denominator, target, as_of, …}]`` for the command line and other programs."""
    return [
        {"id": v.id, "status": v.status, "value": _round(v.value), "numerator": _round(v.numerator),
         "denominator": _round(v.denominator), "target": v.target,
         "as_of": v.as_of.isoformat() if v.as_of else None, "met": v.met, "label": v.label, "unit": v.unit,
         "target_text": v.target_text, "status_text": v.met_text, "period": v.period_label, "detail": v.detail,
         "parts": v.parts}
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
