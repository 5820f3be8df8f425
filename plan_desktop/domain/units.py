"""Administrative units (province, district, commune) with the dates in which each code was in force.

The official GSO code lists live in ``resources/orgunits/`` as CSV files named
``<slug>_<from>_<to>.csv`` (e.g. ``ha-nam_2016-01-01_2019-12-31.csv``) with the columns
``province_code, province, district_code, district, district_type, ward_code, ward, ward_type``.
The date range in force comes from the file name; the latest file of each slug is open-ended
(it stands until the next reform, so ``valid_to`` is None).

A code can mean different units at different dates (13597 was "Xã Đồng Lý" until 2019 and
"Thị trấn Vĩnh Trụ" from 2020), so a :class:`Unit` is one *dated version* of a code. Versions
that do not change from one list to the next are merged into one version.
"""

from __future__ import annotations

import csv
import functools
import itertools
import re
import tomllib
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum
from pathlib import Path

from plan_desktop.domain.text import clean_text, fold
from plan_desktop.paths import require_files, resource
from plan_desktop.usererror import UserError

__all__ = [
    "Level",
    "Unit",
    "UnitDataError",
    "UnitRegistry",
    "UnknownUnitError",
    "default_registry",
    "level_of_code",
]


class Level(StrEnum):
    """Administrative level of a unit, highest first."""

    PROVINCE = "province"
    DISTRICT = "district"
    COMMUNE = "commune"

    @property
    def rank(self) -> int:
        """0 for province, 1 for district, 2 for commune."""
        return _LEVEL_RANK[self]

    @property
    def code_length(self) -> int:
        """Number of digits of a GSO code at this level (2, 3, 5)."""
        return _CODE_LENGTH[self]


_LEVEL_RANK = {Level.PROVINCE: 0, Level.DISTRICT: 1, Level.COMMUNE: 2}
_CODE_LENGTH = {Level.PROVINCE: 2, Level.DISTRICT: 3, Level.COMMUNE: 5}

#: Kind prefixes, longest first so that "Thành phố" is not read as "Thị ..." etc.
_KINDS = ("Thành phố", "Thị trấn", "Thị xã", "Phường", "Huyện", "Quận", "Tỉnh", "Xã")


class UnknownUnitError(UserError, ValueError):
    """A unit code that is not in the code lists (message in Vietnamese, for the officer)."""

    def __init__(self, code: str) -> None:
        self.code = code
        super().__init__(f"Không tìm thấy đơn vị hành chính có mã {code}.",
                         en=f"No administrative unit has the code {code}.")


class UnitDataError(UserError, ValueError):
    """A code-list file that cannot be read (bad file name, missing column, conflicting rows)."""


def _normalise_code(code: object, level: Level | None = None) -> str:
    """A code as a string, stripped; zero-padded to the level's width when numeric."""
    s = str(code).strip()
    if level is not None and s.isdigit():
        s = s.zfill(level.code_length)
    return s


def level_of_code(code: str) -> Level | None:
    """The level a GSO code belongs to, from its width: 2 digits province, 3 district, 5 commune."""
    s = str(code).strip()
    if not s.isdigit():
        return None
    return {2: Level.PROVINCE, 3: Level.DISTRICT, 5: Level.COMMUNE}.get(len(s))


def _kind_of(name: str) -> str:
    for kind in _KINDS:
        if name.startswith(kind + " "):
            return kind
    return ""


@dataclass(frozen=True)
class Unit:
    """One dated version of an administrative unit."""

    code: str  # GSO code: province 2 digits, district 3, commune 5
    name: str  # full name with its kind: "Xã Đồng Lý", "Huyện Lý Nhân", "Tỉnh Hà Nam"
    level: Level
    kind: str  # "Xã" / "Phường" / "Thị trấn" / "Huyện" / "Thành phố" / "Thị xã" / "Tỉnh"
    parent_code: str | None
    valid_from: date
    valid_to: date | None  # None: open-ended (the latest list)

    @property
    def short_name(self) -> str:
        """The name without its kind: "Đồng Lý", "Lý Nhân", "Hà Nam"."""
        if self.kind and self.name.startswith(self.kind + " "):
            return self.name[len(self.kind) + 1 :]
        return self.name

    @property
    def agency_name(self) -> str:
        """Upper-case line for report headers: "XÃ ĐỒNG LÝ", "THÀNH PHỐ PHỦ LÝ", "TỈNH HÀ NAM"."""
        return self.name.upper()

    def in_force(self, on: date) -> bool:
        """Whether this version of the code was in force on ``on``."""
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)

    def _same_unit(self, other: Unit) -> bool:
        return (self.code, self.name, self.level, self.kind, self.parent_code) == (
            other.code, other.name, other.level, other.kind, other.parent_code,
        )


def _sort_key(u: Unit) -> tuple[int, str]:
    return (u.level.rank, u.code)


# -- loading ------------------------------------------------------------------------------------------

_FILE_NAME = re.compile(r"^(?P<slug>.+)_(?P<start>\d{4}-\d{2}-\d{2})_(?P<end>\d{4}-\d{2}-\d{2})$")
_COLUMNS = (
    "province_code", "province", "district_code", "district", "district_type",
    "ward_code", "ward", "ward_type",
)


@dataclass(frozen=True)
class _ListFile:
    path: Path
    slug: str
    start: date
    end: date


def _parse_file_name(path: Path) -> _ListFile:
    m = _FILE_NAME.match(path.stem)
    try:
        if not m:
            raise ValueError
        start, end = date.fromisoformat(m["start"]), date.fromisoformat(m["end"])
    except ValueError:
        raise UnitDataError(
            f"Tên tệp danh mục đơn vị hành chính «{path.name}» không đúng dạng "
            "<tên>_<từ ngày YYYY-MM-DD>_<đến ngày YYYY-MM-DD>.csv.",
            en=f"The administrative unit list file name «{path.name}» is not of the form "
               "<name>_<from YYYY-MM-DD>_<to YYYY-MM-DD>.csv.",
        ) from None
    if end < start:
        raise UnitDataError(f"Tệp danh mục «{path.name}»: ngày kết thúc trước ngày bắt đầu.",
                            en=f"Unit list file «{path.name}»: the end date is before the start date.")
    return _ListFile(path, m["slug"], start, end)


def _read_list(f: _ListFile, valid_to: date | None) -> list[Unit]:
    """Every unit (province, districts, communes) of one code-list file."""
    units: dict[str, Unit] = {}

    def add(
        code: str, name: str | None, level: Level, kind: str | None, parent: str | None, line: int
    ) -> None:
        if not code:
            return
        if not name:
            raise UnitDataError(f"Tệp danh mục «{f.path.name}», dòng {line}: thiếu tên của đơn vị mã {code}.",
                                en=f"Unit list file «{f.path.name}», line {line}: the unit with code {code} has "
                                   "no name.")
        unit = Unit(code, name, level, kind or _kind_of(name), parent, f.start, valid_to)
        known = units.get(code)
        if known is None:
            units[code] = unit
        elif known != unit:
            raise UnitDataError(
                f"Tệp danh mục «{f.path.name}», dòng {line}: mã {code} có hai tên khác nhau "
                f"(«{known.name}» và «{unit.name}»).",
                en=f"Unit list file «{f.path.name}», line {line}: code {code} has two different names "
                   f"(«{known.name}» and «{unit.name}»).",
            )

    with f.path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in _COLUMNS if c not in (reader.fieldnames or ())]
        if missing:
            raise UnitDataError(f"Tệp danh mục «{f.path.name}» thiếu cột: {', '.join(missing)}.",
                                en=f"Unit list file «{f.path.name}» is missing columns: {', '.join(missing)}.")
        for line, row in enumerate(reader, start=2):
            cell = {k: clean_text(v) or "" for k, v in row.items() if k is not None}
            province = _normalise_code(cell["province_code"], Level.PROVINCE)
            district = _normalise_code(cell["district_code"], Level.DISTRICT)
            ward = _normalise_code(cell["ward_code"], Level.COMMUNE)
            add(province, cell["province"], Level.PROVINCE, cell.get("province_type"), None, line)
            add(district, cell["district"], Level.DISTRICT, cell["district_type"], province or None, line)
            add(ward, cell["ward"], Level.COMMUNE, cell["ward_type"], district or None, line)
    return list(units.values())


# -- the registry -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Snapshot:
    """The units in force during one stretch of time in which no list changes."""

    by_code: dict[str, Unit]
    children: dict[str, list[Unit]]


class UnitRegistry:
    """Every dated version of every unit code, queried by date."""

    def __init__(self, units: Iterable[Unit], successors: dict[str, str] | None = None) -> None:
        versions: dict[str, list[Unit]] = defaultdict(list)
        for u in units:
            versions[u.code].append(u)
        self._versions: dict[str, list[Unit]] = {
            code: sorted(vs, key=lambda u: u.valid_from) for code, vs in versions.items()
        }
        self._folded: dict[Unit, str] = {
            u: fold(f"{u.code} {u.name}") for vs in self._versions.values() for u in vs
        }
        # Dates at which the set of units in force may change; between two of them it does not.
        edges = {u.valid_from for vs in self._versions.values() for u in vs}
        edges |= {u.valid_to + timedelta(days=1) for vs in self._versions.values() for u in vs if u.valid_to}
        self._edges: list[date] = sorted(edges)
        self._snapshots: dict[int, _Snapshot] = {}
        #: abolished code -> the code that took it over (``resources/orgunits/changes.toml``)
        self._successors: dict[str, str] = dict(successors or {})

    # -- loading --------------------------------------------------------------------------------------
    @classmethod
    def load(cls, folder: Path | None = None) -> UnitRegistry:
        """Read every ``*.csv`` code list in ``folder`` (default ``resources/orgunits``)."""
        if folder is None:  # the lists shipped with the program: none means a damaged installation
            folder = resource("orgunits")
            lists = require_files(folder, "*.csv", "danh mục đơn vị hành chính")
        else:
            folder = Path(folder)
            lists = sorted(folder.glob("*.csv"))
        files = [_parse_file_name(p) for p in lists]
        if not files:
            raise UnitDataError(f"Không tìm thấy tệp danh mục đơn vị hành chính nào trong {folder}.",
                                en=f"No administrative unit list file was found in {folder}.")
        by_slug: dict[str, list[_ListFile]] = defaultdict(list)
        for f in files:
            by_slug[f.slug].append(f)
        units: list[Unit] = []
        for slug_files in by_slug.values():
            slug_files.sort(key=lambda f: f.start)
            for earlier, later in itertools.pairwise(slug_files):
                if later.start <= earlier.end:
                    raise UnitDataError(
                        f"Hai tệp danh mục «{earlier.path.name}» và «{later.path.name}» "
                        "có thời gian trùng nhau.",
                        en=f"The unit list files «{earlier.path.name}» and «{later.path.name}» cover "
                           "overlapping periods.",
                    )
            for i, f in enumerate(slug_files):
                is_last = i == len(slug_files) - 1
                units.extend(_read_list(f, None if is_last else f.end))
        return cls(_merge_versions(units), _read_changes(folder / "changes.toml"))

    # -- single units ---------------------------------------------------------------------------------
    def get(self, code: str, on: date | None = None) -> Unit | None:
        """The version of ``code`` in force on ``on``; the most recent version when ``on`` is None."""
        versions = self._versions.get(_normalise_code(code))
        if not versions:
            return None
        if on is None:
            return versions[-1]
        for u in reversed(versions):
            if u.in_force(on):
                return u
        return None

    def require(self, code: str, on: date | None = None) -> Unit:
        """Like :meth:`get`, but raises :class:`UnknownUnitError` instead of returning None."""
        unit = self.get(code, on)
        if unit is None:
            raise UnknownUnitError(_normalise_code(code))
        return unit

    def versions(self, code: str) -> list[Unit]:
        """Every dated version of ``code``, oldest first (empty for an unknown code)."""
        return list(self._versions.get(_normalise_code(code), ()))

    # -- units over time -----------------------------------------------------------------------------
    def last_day(self, code: str) -> date | None:
        """The last day ``code`` is in force, when it was abolished; None while it is still in force
        (its latest version is open-ended) or for an unknown code."""
        versions = self._versions.get(_normalise_code(code))
        return versions[-1].valid_to if versions else None

    def successor(self, code: str) -> Unit | None:
        """The unit that took an abolished ``code`` over, in force on the day after its last day
        (None for a unit still in force, or when ``changes.toml`` names none)."""
        end = self.last_day(code)
        succ = self._successors.get(_normalise_code(code))
        if end is None or succ is None:
            return None
        return self.get(succ, end + timedelta(days=1))

    def parent_for(self, code: str, on: date) -> Unit | None:
        """The unit above ``code`` that receives its data on ``on``: the parent in force then, or for a
        unit abolished by then, the parent it had on its last day (an abolished commune still sends
        its earlier years to the district it belonged to)."""
        end = self.last_day(code)
        if end is not None and on > end:
            on = end
        return self.parent(code, on)

    def abolished_message(self, code: str, on: date) -> tuple[str, str] | None:
        """(Vietnamese, English) why a record of ``code`` dated ``on`` is refused: the unit was abolished
        before that day. None when ``code`` was in force on ``on`` (or is unknown here)."""
        end = self.last_day(code)
        if end is None or on <= end:
            return None
        unit = self.get(code, end)
        name = unit.name if unit else f"đơn vị mã {code}"
        succ = self.successor(code)
        last = f"{end.day:02d}/{end.month:02d}/{end.year}"
        vi = f"{name} (mã {code}) không còn từ sau ngày {last}"
        en = f"{name} (code {code}) no longer exists after {last}"
        if succ is not None:
            vi += f"; hoạt động từ ngày đó thuộc {succ.name} (mã {succ.code}), hãy ghi ở đơn vị này."
            en += f"; from then on the work belongs to {succ.name} (code {succ.code}): record it there."
        else:
            vi += "."
            en += "."
        return vi, en

    def all_codes(self) -> set[str]:
        """Every code that appears in any list."""
        return set(self._versions)

    # -- lists on a date ------------------------------------------------------------------------------
    def _snapshot(self, on: date) -> _Snapshot:
        epoch = bisect_right(self._edges, on)
        snap = self._snapshots.get(epoch)
        if snap is None:
            by_code = {code: u for code in self._versions if (u := self.get(code, on)) is not None}
            children: dict[str, list[Unit]] = defaultdict(list)
            for u in sorted(by_code.values(), key=_sort_key):
                if u.parent_code is not None:
                    children[u.parent_code].append(u)
            snap = self._snapshots[epoch] = _Snapshot(by_code, dict(children))
        return snap

    def in_force(self, on: date, level: Level | None = None) -> list[Unit]:
        """Units in force on ``on`` (optionally of one level), by level then code."""
        units = self._snapshot(on).by_code.values()
        return sorted((u for u in units if level is None or u.level == level), key=_sort_key)

    def children(self, code: str, on: date) -> list[Unit]:
        """Units directly below ``code`` on ``on``, by code."""
        return list(self._snapshot(on).children.get(_normalise_code(code), ()))

    def parent(self, code: str, on: date) -> Unit | None:
        """The unit directly above ``code`` on ``on`` (None for a province or an unknown code)."""
        unit = self.get(code, on)
        if unit is None or unit.parent_code is None:
            return None
        return self.get(unit.parent_code, on)

    def descendants(self, code: str, on: date, level: Level | None = None) -> list[Unit]:
        """Every unit below ``code`` on ``on`` (not ``code`` itself), by level then code.

        ``descendants("35", on, Level.COMMUNE)`` gives the communes of the province.
        """
        snap = self._snapshot(on)
        found: list[Unit] = []
        stack = [_normalise_code(code)]
        while stack:
            for child in snap.children.get(stack.pop(), ()):
                found.append(child)
                stack.append(child.code)
        return sorted((u for u in found if level is None or u.level == level), key=_sort_key)

    def is_ancestor(self, ancestor_code: str, code: str, on: date, *, or_self: bool = False) -> bool:
        """Whether ``ancestor_code`` is above ``code`` on ``on`` (or is ``code`` itself with ``or_self``)."""
        ancestor = _normalise_code(ancestor_code)
        current = _normalise_code(code)
        if current == ancestor:
            return or_self and current in self._snapshot(on).by_code
        snap = self._snapshot(on)
        seen: set[str] = set()
        while (unit := snap.by_code.get(current)) is not None and unit.parent_code and current not in seen:
            seen.add(current)
            current = unit.parent_code
            if current == ancestor:
                return True
        return False

    def ever_below(self, ancestor_code: str, code: str) -> bool:
        """Whether ``code`` was below ``ancestor_code`` at any time in the lists (at the start or the end
        of any of its versions: a unit's parent changes only with a new version)."""
        for u in self.versions(code):
            for on in (u.valid_from, u.valid_to or u.valid_from):
                if self.is_ancestor(ancestor_code, code, on):
                    return True
        return False

    # -- searching ------------------------------------------------------------------------------------
    def search(self, text: str, on: date) -> list[Unit]:
        """Units in force on ``on`` whose code or name matches ``text``, ignoring case and marks.

        Every word of ``text`` must occur in "<code> <name>". The best matches come first (exact
        code, exact name, name starting with the text, then the rest), then by level and code.
        An empty text gives every unit in force.
        """
        query = fold(text)
        units = self.in_force(on)
        if not query:
            return units
        words = query.split()
        scored: list[tuple[int, int, str, Unit]] = []
        for u in units:
            haystack = self._folded[u]
            if not all(w in haystack for w in words):
                continue
            name, short = fold(u.name), fold(u.short_name)
            if query == u.code:
                rank = 0
            elif query in (name, short):
                rank = 1
            elif name.startswith(query) or short.startswith(query):
                rank = 2
            elif query in haystack:
                rank = 3
            else:
                rank = 4
            scored.append((rank, u.level.rank, u.code, u))
        scored.sort(key=lambda t: t[:3])
        return [t[3] for t in scored]


def _read_changes(path: Path) -> dict[str, str]:
    """``{abolished code: successor code}`` from ``changes.toml`` (empty when there is no such file)."""
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        out = {}
        for item in data.get("abolished", []):
            code, succ = _normalise_code(item["code"]), _normalise_code(item["successor"])
            out[code] = succ
        return out
    except (tomllib.TOMLDecodeError, KeyError, TypeError, UnicodeDecodeError) as exc:
        raise UnitDataError(
            f"Tệp «{path.name}» (đơn vị bị giải thể và đơn vị kế thừa) không đọc được: {exc}.",
            en=f"The file «{path.name}» (dissolved units and their successors) cannot be read: {exc}.",
        ) from None


def _merge_versions(units: Iterable[Unit]) -> list[Unit]:
    """Join consecutive versions of a code that are the same unit into one version."""
    by_code: dict[str, list[Unit]] = defaultdict(list)
    for u in units:
        by_code[u.code].append(u)
    merged: list[Unit] = []
    for versions in by_code.values():
        versions.sort(key=lambda u: u.valid_from)
        current = versions[0]
        for nxt in versions[1:]:
            contiguous = (
                current.valid_to is not None and current.valid_to + timedelta(days=1) == nxt.valid_from
            )
            if contiguous and current._same_unit(nxt):
                current = replace(current, valid_to=nxt.valid_to)
            else:
                merged.append(current)
                current = nxt
        merged.append(current)
    return merged


@functools.lru_cache(maxsize=1)
def default_registry() -> UnitRegistry:
    """The registry of the code lists shipped in ``resources/orgunits`` (loaded once)."""
    return UnitRegistry.load()
