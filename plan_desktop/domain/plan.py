"""The plan being carried out and its targets, read from ``resources/plan/*.toml``.

Targets belong to the plan, not to the code: a province replaces the file (another province, or the
2021–2025 programme) and keeps the indicator ids of the data dictionary. See the comments in
``resources/plan/ha-nam-1295-KH-UBND.toml`` for the file format and the rule for years that have no
explicit target. Pure Python (no Qt, no store).
"""

from __future__ import annotations

import dataclasses
import functools
import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from plan_desktop.domain.text import format_percent_vi
from plan_desktop.paths import require_files, resource
from plan_desktop.usererror import UserError

__all__ = [
    "COMPUTE_KINDS",
    "INDICATOR_IDS",
    "WORDS",
    "IndicatorDef",
    "PlanDef",
    "PlanError",
    "Target",
    "default_plan",
    "definitions_markdown",
    "load_plan",
    "load_plans",
    "plan_for",
]

#: The nine indicator ids of the data dictionary, in its order.
INDICATOR_IDS = (
    "communes_with_communication",
    "press_monthly",
    "districts_with_integration_plan",
    "districts_with_harm_reduction",
    "support_models",
    "cases_handled",
    "disguised_reduction",
    "healthy_communes",
    "officers_trained",
)
UNITS = ("percent", "count", "months")
#: the keys of an indicator's definition in words (plan file), in the order they are shown
WORDS = ("numerator", "denominator", "as_of", "applies", "reading")
#: the kinds of machine-readable definition reports/indicators.py computes
COMPUTE_KINDS = ("share_of_units", "months_with_records", "count_records", "share_of_records", "reduction",
                 "healthy_units", "share_of_roster")
LEVELS = ("commune", "district", "province")


class PlanError(UserError, ValueError):
    """A plan file that cannot be used (Vietnamese message naming the file)."""


def _num(x: float) -> str:
    # "75", "12,5": the percent formatter without its sign
    return format_percent_vi(x).removesuffix(" %")


@dataclass(frozen=True)
class Target:
    """At least ``low``; ``high`` is the top of a range target ("60–80 %")."""

    low: float
    high: float | None = None

    def met(self, value: float | None) -> bool | None:
        if value is None:
            return None
        return value >= self.low - 1e-9

    def text(self, unit: str, lang: str = "vi") -> str:
        months = " months" if lang == "en" else " tháng"
        suffix = {"percent": " %", "months": months, "count": ""}.get(unit, "")
        if self.high is not None and self.high != self.low:
            return f"{_num(self.low)}–{_num(self.high)}{suffix}"
        if unit == "months":
            return f"{_num(self.low)}/12{months}"
        return f"{_num(self.low)}{suffix}"

    def as_json(self) -> float | list[float]:
        return [self.low, self.high] if self.high is not None else self.low


@dataclass(frozen=True)
class IndicatorDef:
    id: str
    label: str
    short_label: str
    unit: str  # "percent" | "count" | "months"
    targets: dict[int, Target]
    between: str = "hold"
    yearly_gain: float | None = None
    label_en: str = ""
    #: the definition in a clerk's words: numerator, denominator, as_of, applies, reading (see the plan file)
    words: dict[str, str] = field(default_factory=dict, compare=False)
    #: the machine-readable definition (``[indicators.compute]`` of the plan file)
    compute: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def levels(self) -> tuple[str, ...]:
        """The levels at which the indicator is judged (``commune``, ``district``, ``province``)."""
        return tuple(self.compute.get("levels", ("commune", "district", "province")))

    def target_for(self, year: int) -> Target | None:
        """The target of ``year`` under the plan's rule (None before the first target year)."""
        if year in self.targets:
            return self.targets[year]
        years = sorted(self.targets)
        before = [y for y in years if y < year]
        if not before:
            return None
        prev = before[-1]
        after = [y for y in years if y > year]
        if self.between == "interpolate" and after:
            nxt = after[0]
            a, b = self.targets[prev], self.targets[nxt]
            t = (year - prev) / (nxt - prev)
            low = a.low + (b.low - a.low) * t
            return Target(round(low, 1))
        return self.targets[prev]

    @property
    def final_target(self) -> Target | None:
        return self.targets[max(self.targets)] if self.targets else None


@dataclass(frozen=True)
class PlanDef:
    id: str
    number: str
    title: str
    issuer: str
    issued_on: date | None
    province_code: str
    first_year: int
    last_year: int
    indicators: tuple[IndicatorDef, ...]
    source: Path | None = None
    _by_id: dict[str, IndicatorDef] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._by_id.update({i.id: i for i in self.indicators})

    def indicator(self, indicator_id: str) -> IndicatorDef:
        return self._by_id[indicator_id]

    def with_targets(self, overrides: Any) -> PlanDef:
        """This plan with the targets of ``overrides`` (``{indicator_id: {"2017": 75, "2020": [60, 80]}}``,
        e.g. sent by the level above in a setup file) in place of the file's; bad entries are ignored."""
        if not isinstance(overrides, dict) or not overrides:
            return self
        inds = []
        for ind in self.indicators:
            raw = overrides.get(ind.id)
            targets = dict(ind.targets)
            if isinstance(raw, dict):
                parsed: dict[int, Target] = {}
                for y, v in raw.items():
                    try:
                        parsed[int(y)] = _target(self.source or Path("plan"), ind.id, v)
                    except (PlanError, ValueError, TypeError):
                        parsed = {}
                        break
                if parsed:
                    targets = parsed
            inds.append(dataclasses.replace(ind, targets=targets))
        return PlanDef(self.id, self.number, self.title, self.issuer, self.issued_on, self.province_code,
                       self.first_year, self.last_year, tuple(inds), self.source)

    @property
    def years(self) -> range:
        return range(self.first_year, self.last_year + 1)

    @property
    def start(self) -> date:
        return date(self.first_year, 1, 1)


def _target(path: Path, ind: str, raw: Any) -> Target:
    if isinstance(raw, bool):
        raise PlanError(f"{path.name}: chỉ tiêu «{ind}»: giá trị mục tiêu không hợp lệ ({raw!r}).",
                        en=f"{path.name}: indicator «{ind}»: the target value is not valid ({raw!r}).")
    if isinstance(raw, (int, float)):
        return Target(float(raw))
    if isinstance(raw, list) and len(raw) == 2 and all(isinstance(v, (int, float)) for v in raw):
        low, high = sorted(float(v) for v in raw)
        return Target(low, high)
    raise PlanError(f"{path.name}: chỉ tiêu «{ind}»: mục tiêu phải là một số hoặc [thấp, cao], không phải {raw!r}.",
                    en=f"{path.name}: indicator «{ind}»: the target must be a number or [low, high], not {raw!r}.")


def _compute(path: Path, iid: str, raw: Any) -> dict[str, Any]:
    if not isinstance(raw, dict) or raw.get("kind") not in COMPUTE_KINDS or not raw.get("form"):
        raise PlanError(f"{path.name}: chỉ tiêu «{iid}»: thiếu hoặc sai mục [indicators.compute] "
                        f"(kind phải là một trong {', '.join(COMPUTE_KINDS)}, và phải có form).",
                        en=f"{path.name}: indicator «{iid}»: the [indicators.compute] section is missing or wrong "
                           f"(kind must be one of {', '.join(COMPUTE_KINDS)}, and a form is required).")
    levels = raw.get("levels", list(LEVELS))
    if not isinstance(levels, list) or not set(levels) <= set(LEVELS):
        raise PlanError(f"{path.name}: chỉ tiêu «{iid}»: levels chỉ gồm {', '.join(LEVELS)}.",
                        en=f"{path.name}: indicator «{iid}»: levels may only be {', '.join(LEVELS)}.")
    return dict(raw)


def load_plan(path: Path) -> PlanDef:
    """Read and check one plan file."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise PlanError(f"Không đọc được tệp kế hoạch {path.name}: {exc}",
                        en=f"The plan file {path.name} cannot be read: {exc}") from None
    try:
        first, last = int(raw["first_year"]), int(raw["last_year"])
        between = str(raw.get("between", "hold"))
        if between not in ("hold", "interpolate"):
            raise PlanError(f"{path.name}: «between» phải là \"hold\" hoặc \"interpolate\".",
                            en=f"{path.name}: «between» must be \"hold\" or \"interpolate\".")
        inds: list[IndicatorDef] = []
        for item in raw.get("indicators", []):
            iid = str(item["id"])
            unit = str(item.get("unit", "percent"))
            if unit not in UNITS:
                raise PlanError(f"{path.name}: chỉ tiêu «{iid}»: đơn vị «{unit}» không hợp lệ.",
                                en=f"{path.name}: indicator «{iid}»: the unit «{unit}» is not valid.")
            targets = {int(y): _target(path, iid, v) for y, v in dict(item.get("targets", {})).items()}
            gain = item.get("yearly_gain")
            inds.append(IndicatorDef(
                id=iid, label=str(item["label"]), short_label=str(item.get("short_label") or item["label"]),
                unit=unit, targets=targets, between=str(item.get("between", between)),
                yearly_gain=float(gain) if gain is not None else None,
                label_en=str(item.get("label_en") or item["label"]),
                words={k: str(item[k]) for k in WORDS if k in item},
                compute=_compute(path, iid, item.get("compute")),
            ))
        issued = raw.get("issued_on")
        plan = PlanDef(
            id=str(raw["id"]), number=str(raw.get("number", raw["id"])), title=str(raw["title"]),
            issuer=str(raw.get("issuer", "")), issued_on=issued if isinstance(issued, date) else None,
            province_code=str(raw.get("province_code", "")), first_year=first, last_year=last,
            indicators=tuple(inds), source=path,
        )
    except KeyError as exc:
        raise PlanError(f"Tệp kế hoạch {path.name} thiếu mục {exc.args[0]!r}.",
                        en=f"The plan file {path.name} is missing the section {exc.args[0]!r}.") from None
    ids = [i.id for i in plan.indicators]
    missing = [i for i in INDICATOR_IDS if i not in ids]
    if missing:
        raise PlanError(f"Tệp kế hoạch {path.name} thiếu chỉ tiêu: {', '.join(missing)}.",
                        en=f"The plan file {path.name} is missing indicators: {', '.join(missing)}.")
    if len(set(ids)) != len(ids):
        raise PlanError(f"Tệp kế hoạch {path.name} có chỉ tiêu trùng mã.",
                        en=f"The plan file {path.name} has two indicators with the same code.")
    return plan


WORD_TITLES = {"numerator": "Tử số", "denominator": "Mẫu số", "as_of": "Tính đến", "applies": "Áp dụng",
               "reading": "Cách hiểu"}


def definitions_markdown(plan: PlanDef) -> str:
    """The plan's indicators with their definitions in words, as README.md lists them
    (``tools/plan_readme.py`` writes it there; a test checks they match)."""
    lines = [f"Generated from `resources/plan/{plan.source.name if plan.source else 'plan'}` "
             "by `tools/plan_readme.py`; do not edit by hand.", ""]
    for n, ind in enumerate(plan.indicators, 1):
        targets = ", ".join(f"{y}: {t.text(ind.unit)}" for y, t in sorted(ind.targets.items())) or "—"
        lines.append(f"{n}. **{ind.label}** (`{ind.id}`) — mục tiêu {targets}"
                     + (f"; +{_num(ind.yearly_gain)} % số xã mỗi năm" if ind.yearly_gain else ""))
        for key in WORDS:
            if key in ind.words:
                lines.append(f"   - {WORD_TITLES[key]}: {ind.words[key]}")
        kind = ind.compute.get("kind", "")
        lines.append(f"   - Computed as `{kind}` over form `{ind.compute.get('form', '')}`, judged at: "
                     f"{', '.join(ind.levels)}")
    return "\n".join(lines) + "\n"


def load_plans(folder: Path | None = None) -> list[PlanDef]:
    if folder is None:  # the plans shipped with the program: none means a damaged installation
        return [load_plan(p) for p in require_files(resource("plan"), "*.toml", "tệp kế hoạch")]
    return [load_plan(p) for p in sorted(Path(folder).glob("*.toml"))]


def plan_for(settings_get: Any) -> PlanDef:
    """The plan an installation follows: the file named by its ``plan_id`` setting, with the
    ``plan_targets`` setting (targets received from the level above) over the file's targets.
    ``settings_get`` is ``store.get_setting``."""
    return default_plan(settings_get("plan_id")).with_targets(settings_get("plan_targets", {}))


@functools.lru_cache(maxsize=4)
def default_plan(plan_id: str | None = None) -> PlanDef:
    """The plan with ``plan_id`` (a setting), or the first plan file shipped in ``resources/plan``."""
    plans = load_plans()
    if not plans:
        raise PlanError(f"Không tìm thấy tệp kế hoạch nào trong {resource('plan')}.",
                        en=f"No plan file was found in {resource('plan')}.")
    if plan_id:
        for p in plans:
            if p.id == plan_id:
                return p
    return plans[0]
