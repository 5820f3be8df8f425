"""DHIS2, the national platform: metadata to load once, and data value sets of raw counts per period.

A DHIS2 administrator loads the metadata (``POST /api/metadata``), then each data file
(``POST /api/dataValueSets?dataElementIdScheme=CODE&orgUnitIdScheme=CODE&idScheme=CODE``) without
writing anything: the data refers to data elements and organisation units by their *codes*, which the
metadata gives them.

What travels are the **raw counts** behind the plan's indicators (each indicator's numerator and
denominator), one data element each, not the percentages: DHIS2 adds raw counts up its organisation
unit tree and computes the indicators itself from the formulas in the metadata. So a data value set
holds, for every unit below the exported one, *that unit's own part*: a commune's figures, and for the
district the part of the district's total that no commune below accounts for (its own officers, its own
cases…), so that DHIS2's sum over the tree gives exactly the figure the program computes for the
district. The one count that does not add up (months of the year with press news: the months of two
communes overlap) is sent as each unit's own figure with aggregation type ``NONE``.

Metadata ids: DHIS2 needs an 11-character UID for every object; ours are derived from the object's kind
and code (:func:`uid`), so the metadata file is the same every time it is written and its references
(indicator formulas ``#{uid}``, data set elements, org unit parents) agree. The default category combo
is DHIS2's own (``bjDvmb4bfuf``, the same UID in every DHIS2 instance).

ADX XML is not written: no well-kept Python library writes ADX, and DHIS2 imports the same content as
JSON data value sets.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from plan_desktop.domain.periods import Period
from plan_desktop.domain.plan import PlanDef, Target, plan_for
from plan_desktop.domain.units import Level, Unit, UnitRegistry
from plan_desktop.reports.indicators import IndicatorValue, compute_indicators
from plan_desktop.reports.scope import make_scope
from plan_desktop.store import Store


class Installation(Protocol):
    """What the data file needs of an installation (``services.installation.Installation``)."""

    store: Store
    units: UnitRegistry

    @property
    def unit_code(self) -> str: ...

    def period_bounds(self, period: str | Period) -> tuple[date, date]: ...

__all__ = [
    "DEFAULT_CATEGORY_COMBO",
    "ID_SCHEME",
    "PERIOD_TYPES",
    "RawCount",
    "data_value_set",
    "metadata",
    "raw_counts",
    "uid",
]

#: DHIS2's default category combo (the same UID in every instance)
DEFAULT_CATEGORY_COMBO = "bjDvmb4bfuf"
#: The import parameters the data files are written for
ID_SCHEME = "dataElementIdScheme=CODE&orgUnitIdScheme=CODE&idScheme=CODE"
#: Our period kinds and DHIS2's period types; one data set per type
PERIOD_TYPES = {"Y": "Yearly", "H": "SixMonthly", "Q": "Quarterly", "M": "Monthly"}
_PERIOD_WORDS = {"Y": "năm", "H": "6 tháng", "Q": "quý", "M": "tháng"}
CODE_PREFIX = "PCMD"  # phòng, chống mại dâm
_LEVEL_NAMES = {Level.PROVINCE: "Tỉnh", Level.DISTRICT: "Huyện", Level.COMMUNE: "Xã"}


def uid(kind: str, code: str) -> str:
    """A DHIS2 UID (a letter, then 10 letters or digits) derived from ``kind`` and ``code``."""
    alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    n = int.from_bytes(hashlib.sha256(f"plan_desktop:{kind}:{code}".encode()).digest(), "big")
    out = [alphabet[n % 52]]
    n //= 52
    for _ in range(10):
        out.append(alphabet[n % 62])
        n //= 62
    return "".join(out)


# -- the raw counts: what a data element is ---------------------------------------------------------
@dataclass(frozen=True)
class RawCount:
    """One data element: the numerator or the denominator of one indicator."""

    code: str  # "PCMD_CASES_HANDLED_NUM"
    indicator: str  # indicator id
    part: str  # "numerator" | "denominator"
    name: str
    short_name: str
    #: added up over the units below (False: each unit's own figure, aggregation NONE)
    additive: bool = True
    #: may be negative (a reduction)
    signed: bool = False
    #: the plan file's words for it
    words: str = ""


def _code(indicator_id: str, part: str) -> str:
    return f"{CODE_PREFIX}_{indicator_id.upper()}_{'NUM' if part == 'numerator' else 'DEN'}"


def raw_counts(plan: PlanDef) -> list[RawCount]:
    """The data elements, from the indicators' definitions in the plan file: every indicator has a
    numerator; all but a plain count (``unit = "count"``) a denominator. Their descriptions are the
    plan file's words for each; a count of months (``months_with_records``) does not add up over units.

    The one place that says what the raw counts are."""
    out = []
    for ind in plan.indicators:
        parts = ["numerator"] + (["denominator"] if ind.unit != "count" else [])
        for part in parts:
            word = "tử số" if part == "numerator" else "mẫu số"
            out.append(RawCount(
                code=_code(ind.id, part), indicator=ind.id, part=part,
                name=f"{ind.label} — {word}"[:230],
                short_name=f"{ind.short_label[:40]} ({'TS' if part == 'numerator' else 'MS'})",
                additive=ind.compute.get("kind") != "months_with_records",
                signed=ind.compute.get("kind") == "reduction" and part == "numerator",
                words=ind.words.get(part, ""),
            ))
    return out


def _values(results: Iterable[IndicatorValue]) -> dict[str, float]:
    """``{data element code: value}`` of one unit's indicator results (indicators without a figure are
    left out: DHIS2 wants a missing value absent, not empty)."""
    out: dict[str, float] = {}
    for v in results:
        if v.numerator is not None:
            out[_code(v.id, "numerator")] = v.numerator
        if v.denominator is not None:
            out[_code(v.id, "denominator")] = v.denominator
    return out


# -- metadata ----------------------------------------------------------------------------------------
def _target_text(plan: PlanDef, ind_id: str) -> str:
    ind = plan.indicator(ind_id)
    parts = [f"{y}: {t.text(ind.unit)}" for y, t in sorted(ind.targets.items()) if isinstance(t, Target)]
    if ind.yearly_gain is not None:
        parts.append(f"mỗi năm tăng thêm {ind.yearly_gain:g} % số xã")
    return "; ".join(parts) or "không có"


def _tree(units: UnitRegistry, top: str) -> list[Unit]:
    """``top`` and every unit that was ever below it, one (latest) version per code, by level and code."""
    versions = {}
    for code in units.all_codes():
        if code == top or units.ever_below(top, code):
            versions[code] = units.versions(code)
    latest = [vs[-1] for vs in versions.values()]
    return sorted(latest, key=lambda u: (u.level.rank, u.code))


def metadata(plan: PlanDef, units: UnitRegistry, top: str) -> dict[str, Any]:
    """The metadata file (``POST /api/metadata``): data elements, indicator types, indicators, one data
    set per period type, the organisation unit levels and the tree of ``top`` (every code that was ever
    below it, with its opening and closing dates)."""
    combo = {"id": DEFAULT_CATEGORY_COMBO}
    counts = raw_counts(plan)
    data_elements = [{
        "id": uid("dataElement", rc.code), "code": rc.code, "name": rc.name, "shortName": rc.short_name[:50],
        "formName": rc.name[:230], "description": (rc.words or f"{'Tử' if rc.part == 'numerator' else 'Mẫu'} số "
                                                   f"của chỉ tiêu «{plan.indicator(rc.indicator).label}»")
        + f" (Kế hoạch {plan.number}).",
        "domainType": "AGGREGATE", "valueType": "INTEGER" if rc.signed else "INTEGER_ZERO_OR_POSITIVE",
        "aggregationType": "SUM" if rc.additive else "NONE", "zeroIsSignificant": True, "categoryCombo": combo,
    } for rc in counts]
    by_code = {d["code"]: d["id"] for d in data_elements}
    types = {
        "percent": {"id": uid("indicatorType", "PERCENT"), "code": f"{CODE_PREFIX}_PERCENT", "name": "Phần trăm",
                    "factor": 100, "number": False},
        "number": {"id": uid("indicatorType", "NUMBER"), "code": f"{CODE_PREFIX}_NUMBER", "name": "Số",
                   "factor": 1, "number": True},
    }
    indicators = []
    for ind in plan.indicators:
        num = by_code[_code(ind.id, "numerator")]
        den_code = _code(ind.id, "denominator")
        ratio = ind.unit == "percent"
        indicators.append({
            "id": uid("indicator", ind.id), "code": f"{CODE_PREFIX}_{ind.id.upper()}", "name": ind.label[:230],
            "shortName": ind.short_label[:50],
            "description": f"Kế hoạch {plan.number}, chỉ tiêu «{ind.id}». Mục tiêu: {_target_text(plan, ind.id)}.",
            "indicatorType": {"id": types["percent" if ratio else "number"]["id"]},
            "numerator": f"#{{{num}}}", "numeratorDescription": f"{ind.short_label} — tử số",
            "denominator": f"#{{{by_code[den_code]}}}" if ratio else "1",
            "denominatorDescription": f"{ind.short_label} — mẫu số" if ratio else "1",
            "annualized": False,
        })
    tree = _tree(units, top)
    names = [u.name for u in tree]
    org_units = []
    for u in tree:
        short = u.name if names.count(u.name) == 1 else f"{u.name} ({u.code})"  # two codes, one name
        first = units.versions(u.code)[0]
        earlier = [v for v in units.versions(u.code)[:-1] if v.name != u.name]
        ou: dict[str, Any] = {
            "id": uid("organisationUnit", u.code), "code": u.code, "name": u.name, "shortName": short[:50],
            "openingDate": f"{first.valid_from.isoformat()}T00:00:00.000",
        }
        if u.valid_to is not None:
            ou["closedDate"] = f"{u.valid_to.isoformat()}T00:00:00.000"
        if earlier:
            ou["description"] = "Tên trước đây: " + "; ".join(
                f"{v.name} ({v.valid_from:%d/%m/%Y}–{v.valid_to:%d/%m/%Y})" for v in earlier if v.valid_to)
        if u.code != top and u.parent_code:
            ou["parent"] = {"id": uid("organisationUnit", u.parent_code)}
        org_units.append(ou)
    levels = sorted({u.level for u in tree}, key=lambda lv: lv.rank)
    top_rank = min(lv.rank for lv in levels)
    data_sets = [{
        "id": uid("dataSet", kind), "code": f"{CODE_PREFIX}_{kind}", "periodType": ptype,
        "name": f"Phòng, chống mại dâm ({_PERIOD_WORDS[kind]}) — Kế hoạch {plan.number}"[:230],
        "shortName": f"PCMD {_PERIOD_WORDS[kind]}"[:50], "categoryCombo": combo,
        "dataSetElements": [{"dataElement": {"id": d["id"]}} for d in data_elements],
        "organisationUnits": [{"id": ou["id"]} for ou in org_units],
    } for kind, ptype in PERIOD_TYPES.items()]
    return {
        "dataElements": data_elements,
        "indicatorTypes": list(types.values()),
        "indicators": indicators,
        "dataSets": data_sets,
        "organisationUnitLevels": [{"id": uid("organisationUnitLevel", lv.value), "name": _LEVEL_NAMES[lv],
                                    "level": lv.rank - top_rank + 1} for lv in levels],
        "organisationUnits": org_units,
    }


# -- data --------------------------------------------------------------------------------------------
Results = Callable[[str], list[IndicatorValue]]


def _results_for(inst: Installation, period: Period) -> Results:
    """``code -> the indicator results of that unit for the period``: what the report of that period shows
    (a half-year, a quarter, a month counts only what is dated inside it). The one place that says which
    figures travel."""

    def results(code: str) -> list[IndicatorValue]:
        return compute_indicators(inst, period.year, code, scope=make_scope(inst, period, code))

    return results


def _number(v: float) -> str:
    r = round(v, 6)
    return str(int(r)) if r == int(r) else str(r)


def data_value_set(inst: Installation, period: str | Period, unit_code: str | None = None, *,
                   complete_date: date | None = None, results: Results | None = None) -> dict[str, Any]:
    """The data value set of ``period`` for ``unit_code`` (default: the installation's unit) and every
    unit below it in force at the period's end: each unit's own part of each raw count (see the module
    text), the units' parts adding up to the top unit's figure."""
    p = Period.parse(period)
    _, end = inst.period_bounds(p)
    units = inst.units
    top = (unit_code or inst.unit_code).strip()
    results = results or _results_for(inst, p)
    plan_counts = {rc.code: rc for rc in raw_counts(plan_for(inst.store.get_setting))}
    tree = [units.require(top, end), *units.descendants(top, end)]
    totals = {u.code: _values(results(u.code)) for u in tree}
    pe = p.dhis2()
    data_values = []
    for u in tree:
        own = dict(totals[u.code])
        for child in units.children(u.code, end):
            for code, v in totals[child.code].items():
                if code in own and plan_counts[code].additive:
                    own[code] -= v
        for code in plan_counts:  # the data set's order
            if code in own:
                data_values.append({"dataElement": code, "period": pe, "orgUnit": u.code, "value": _number(own[code])})
    return {
        "dataSet": f"{CODE_PREFIX}_{p.kind}",
        "completeDate": (complete_date or date.today()).isoformat(),
        "period": pe,
        "orgUnit": top,
        "dataValues": data_values,
    }


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2)
