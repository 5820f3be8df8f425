"""Reporting periods: years, six-month periods, quarters and months.

Written ``2016``, ``2016-H1``/``2016-H2``, ``2016-Q1``..``2016-Q4`` and ``2016-07``. A period has
calendar boundaries by default; the *statistical* cut-off used in Vietnamese administrative
reporting moves every boundary to the 15th: a period runs from the 15th of the month before its
first month to the 14th of its last month (year: 15/12 of the previous year to 14/12; first six
months: 15/12 to 14/06; second six months: 15/06 to 14/12; quarter III: 15/06 to 14/09; July:
15/06 to 14/07).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import Enum

from plan_desktop.usererror import UserError

__all__ = ["KINDS", "Cutoff", "Period", "PeriodError"]


class Cutoff(str, Enum):
    """How period boundaries are drawn."""

    CALENDAR = "calendar"  # natural boundaries: 1 January .. 31 December, etc.
    STATISTICAL = "statistical"  # 15th of the month before .. 14th of the last month


class PeriodError(UserError, ValueError):
    """A period string or value that is not valid (message in Vietnamese, for the officer)."""


#: Number of periods of each kind in a year, finest last.
KINDS: dict[str, int] = {"Y": 1, "H": 2, "Q": 4, "M": 12}

_KIND_ALIASES = {
    "Y": "Y", "YEAR": "Y", "NAM": "Y", "NĂM": "Y",
    "H": "H", "S": "H", "HALF": "H", "SIXMONTHLY": "H",
    "Q": "Q", "QUARTER": "Q", "QUY": "Q", "QUÝ": "Q",
    "M": "M", "MONTH": "M", "THANG": "M", "THÁNG": "M",
}

_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}

_HINT = "Dùng dạng 2016, 2016-H1, 2016-Q3 hoặc 2016-07."
_HINT_EN = "Use the form 2016, 2016-H1, 2016-Q3 or 2016-07."

# 2016 | 2016-H1 / 2016H1 / 2016S1 (DHIS2) | 2016-Q3 / 2016Q3 | 2016-07 / 2016-7 / 201607 (DHIS2)
_PATTERN = re.compile(
    r"^(?P<year>\d{4})(?:"
    r"-?(?P<half_kind>[HS])(?P<half>\d)"
    r"|-?Q(?P<quarter>\d)"
    r"|-(?P<month>\d{1,2})"
    r"|(?P<month6>\d{2})"
    r")?$"
)


def _kind(kind: str) -> str:
    k = _KIND_ALIASES.get(str(kind).strip().upper())
    if k is None:
        raise PeriodError(
            f"Loại kỳ báo cáo «{kind}» không hợp lệ. Dùng Y (năm), H (6 tháng), Q (quý) hoặc M (tháng).",
            en=f"Report period kind «{kind}» is not valid. Use Y (year), H (half year), Q (quarter) or M (month).",
        )
    return k


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _as_date(d: date | datetime | str) -> date:
    if isinstance(d, datetime):
        return d.date()
    if isinstance(d, str):
        return date.fromisoformat(d.strip()[:10])
    return d


@dataclass(frozen=True, order=True)
class Period:
    """A reporting period. Build one with :meth:`parse` or :meth:`containing`."""

    year: int
    kind: str  # "Y", "H", "Q", "M"
    index: int  # 1 for Y; 1-2 for H; 1-4 for Q; 1-12 for M

    def __post_init__(self) -> None:
        count = KINDS.get(self.kind)
        if (
            count is None
            or not isinstance(self.year, int)
            or not isinstance(self.index, int)
            or not 1 <= self.year <= 9999
            or not 1 <= self.index <= count
        ):
            raise PeriodError(f"Kỳ báo cáo ({self.year}, {self.kind}, {self.index}) không hợp lệ. {_HINT}",
                              en=f"Report period ({self.year}, {self.kind}, {self.index}) is not valid. {_HINT_EN}")

    # -- building -------------------------------------------------------------------------------------
    @classmethod
    def parse(cls, s: str | Period) -> Period:
        """Read a period string; case and surrounding whitespace do not matter.

        Besides the canonical forms, the DHIS2 forms (``2016S1``, ``2016Q3``, ``201607``) are read.
        Raises :class:`PeriodError` with a Vietnamese message.
        """
        if isinstance(s, Period):
            return s
        text = str(s).strip()
        m = _PATTERN.match(re.sub(r"\s+", "", text).upper())
        if m:
            year = int(m["year"])
            if m["half"]:
                kind, index = "H", int(m["half"])
            elif m["quarter"]:
                kind, index = "Q", int(m["quarter"])
            elif m["month"] or m["month6"]:
                kind, index = "M", int(m["month"] or m["month6"])
            else:
                kind, index = "Y", 1
            if year >= 1 and 1 <= index <= KINDS[kind]:
                return cls(year, kind, index)
        raise PeriodError(f'Kỳ báo cáo "{text}" không hợp lệ. {_HINT}',
                          en=f'Report period "{text}" is not valid. {_HINT_EN}')

    @classmethod
    def containing(cls, d: date, kind: str, cutoff: Cutoff | str = Cutoff.CALENDAR) -> Period:
        """The period of ``kind`` ("Y", "H", "Q", "M") that contains ``d`` under ``cutoff``."""
        k = _kind(kind)
        d = _as_date(d)
        year, month = d.year, d.month
        if Cutoff(cutoff) is Cutoff.STATISTICAL and d.day >= 15:
            # from the 15th on, a date counts toward the next month
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        per = 12 // KINDS[k]
        return cls(year, k, (month - 1) // per + 1)

    # -- text -----------------------------------------------------------------------------------------
    def __str__(self) -> str:
        if self.kind == "Y":
            return f"{self.year:04d}"
        if self.kind == "M":
            return f"{self.year:04d}-{self.index:02d}"
        return f"{self.year:04d}-{self.kind}{self.index}"

    def label_vi(self) -> str:
        """Vietnamese label: "năm 2016", "6 tháng đầu năm 2016", "quý III năm 2016", "tháng 7 năm 2016"."""
        if self.kind == "Y":
            return f"năm {self.year}"
        if self.kind == "H":
            return f"6 tháng {'đầu' if self.index == 1 else 'cuối'} năm {self.year}"
        if self.kind == "Q":
            return f"quý {_ROMAN[self.index]} năm {self.year}"
        return f"tháng {self.index} năm {self.year}"

    def dhis2(self) -> str:
        """DHIS2 period id: "2016", "2016S1", "2016Q3", "201607"."""
        if self.kind == "Y":
            return f"{self.year:04d}"
        if self.kind == "H":
            return f"{self.year:04d}S{self.index}"
        if self.kind == "Q":
            return f"{self.year:04d}Q{self.index}"
        return f"{self.year:04d}{self.index:02d}"

    # -- dates ----------------------------------------------------------------------------------------
    @property
    def first_month(self) -> int:
        """Calendar month (1-12) the period starts in."""
        return (self.index - 1) * (12 // KINDS[self.kind]) + 1

    @property
    def last_month(self) -> int:
        """Calendar month (1-12) the period ends in."""
        return self.index * (12 // KINDS[self.kind])

    def bounds(self, cutoff: Cutoff | str = Cutoff.CALENDAR) -> tuple[date, date]:
        """First and last day of the period, both inclusive."""
        if Cutoff(cutoff) is Cutoff.STATISTICAL:
            end = date(self.year, self.last_month, 14)
            first_of_month = date(self.year, self.first_month, 1)
            start = (first_of_month - timedelta(days=1)).replace(day=15)
            return start, end
        return date(self.year, self.first_month, 1), _last_day(self.year, self.last_month)

    def contains(self, d: date | datetime | str, cutoff: Cutoff | str = Cutoff.CALENDAR) -> bool:
        """Whether ``d`` falls in the period (a datetime counts by its date; ISO strings are read)."""
        start, end = self.bounds(cutoff)
        return start <= _as_date(d) <= end

    # -- neighbours and parts -------------------------------------------------------------------------
    def _shift(self, steps: int) -> Period:
        count = KINDS[self.kind]
        ordinal = self.year * count + (self.index - 1) + steps
        year, index0 = divmod(ordinal, count)
        return Period(year, self.kind, index0 + 1)

    def previous(self) -> Period:
        """The period of the same kind just before (2016-Q1 → 2015-Q4)."""
        return self._shift(-1)

    def next(self) -> Period:
        """The period of the same kind just after (2016-12 → 2017-01)."""
        return self._shift(1)

    def parts(self, kind: str) -> list[Period]:
        """The periods of a finer (or the same) ``kind`` that make up this one, in order.

        ``Period.parse("2016").parts("Q")`` gives the four quarters of 2016.
        """
        k = _kind(kind)
        if KINDS[k] < KINDS[self.kind] or KINDS[k] % KINDS[self.kind]:
            raise PeriodError(f"Không chia được {self.label_vi()} thành các kỳ loại «{kind}».",
                              en=f"The period {self} cannot be divided into periods of kind «{kind}».")
        per = 12 // KINDS[k]
        months = range(self.first_month, self.last_month + 1, per)
        return [Period(self.year, k, (m - 1) // per + 1) for m in months]

    def months(self) -> list[Period]:
        """The month periods the period covers (calendar)."""
        return self.parts("M")
