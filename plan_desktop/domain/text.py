"""Vietnamese text helpers: normalisation, search keys and number/date formatting.

Everything stored is NFC (the composed form Windows keyboards such as Unikey usually produce), so
that "Đặng" typed on two machines compares equal. Search uses :func:`fold`, a key that ignores
case and Vietnamese marks ("Đặng", "ĐĂNG" and "dang" all give ``"dang"``).

Formatting follows Vietnamese conventions: a dot groups thousands (``1.250``), a comma marks
decimals (``12,5 %``) and dates are day/month/year (``05/01/2017``).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

__all__ = [
    "FORMULA_START",
    "clean_text",
    "fold",
    "format_date_vi",
    "format_int_vi",
    "format_money_vi",
    "format_percent_vi",
    "nfc",
    "protect_formula",
    "unprotect_formula",
]

#: What makes a spreadsheet read a cell as a formula (or a DDE command): such text is written with a
#: leading apostrophe in CSV files (a text cell in XLSX) and read back without it.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def protect_formula(s: str) -> str:
    """``s`` as a CSV cell no spreadsheet runs: ``=HYPERLINK(…)`` → ``'=HYPERLINK(…)``."""
    return "'" + s if s.startswith(FORMULA_START) else s


def unprotect_formula(s: str) -> str:
    """The text :func:`protect_formula` protected: ``'=1+1`` → ``=1+1``; anything else unchanged."""
    return s[1:] if s.startswith("'") and s[1:2] and s[1] in "=+-@\t\r" else s


def nfc(s: str) -> str:
    """``s`` in Unicode normalisation form C (composed)."""
    return unicodedata.normalize("NFC", s)


# -- cleaning -----------------------------------------------------------------------------------------

#: Invisible characters that sneak in from copy-paste and spreadsheets (BOM, zero-width space).
_INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u200b"), None)
_NEWLINES = re.compile(r"\r\n?|[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_BLANKS = re.compile(r"[^\S\n]+")  # any run of whitespace that is not a line break
_AROUND_NEWLINE = re.compile(r" ?\n ?")


def clean_text(s: str | None) -> str | None:
    """Normalise a text typed or imported by an officer; None when nothing is left.

    NFC-normalises, removes BOM/zero-width spaces, strips leading and trailing whitespace
    (including non-breaking spaces) and collapses runs of spaces and tabs into one space.
    Line breaks are kept (multi-line notes), normalised to ``\\n``, with the spaces around them
    removed.
    """
    if s is None:
        return None
    s = nfc(s).translate(_INVISIBLE)
    s = _NEWLINES.sub("\n", s)
    s = _BLANKS.sub(" ", s)
    s = _AROUND_NEWLINE.sub("\n", s).strip()
    return s or None


# -- search key ---------------------------------------------------------------------------------------


class _FoldTable(dict[int, "str | None"]):
    """Translation table for :func:`fold`, filled lazily: non-spacing marks are dropped, đ/Đ → d.

    Building the table for all of Unicode up front would cost a third of a second at import; the
    few hundred characters Vietnamese text uses are looked up once and then cached here.
    """

    def __missing__(self, cp: int) -> str | None:
        ch = chr(cp)
        value: str | None
        if unicodedata.category(ch) == "Mn":
            value = None
        elif ch in "đĐ":
            value = "d"
        else:
            value = ch
        self[cp] = value
        return value


_FOLD_TABLE = _FoldTable()


def fold(s: str | None) -> str:
    """Search key ignoring case, Vietnamese marks and spacing.

    ``fold("Đặng") == fold("ĐĂNG") == fold("dang") == "dang"``; ``fold(None) == ""``.
    """
    if not s:
        return ""
    if s.isascii():  # the common case for codes and unaccented input: no decomposition needed
        return " ".join(s.lower().split())
    s = unicodedata.normalize("NFD", s.casefold()).translate(_FOLD_TABLE)
    return " ".join(s.split())


# -- formatting ---------------------------------------------------------------------------------------


def _group_thousands(digits: str) -> str:
    """``"1250000"`` → ``"1.250.000"`` (digits only, no sign)."""
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return ".".join(parts)


def _round_half_up(x: int | float | Decimal, digits: int = 0) -> Decimal:
    quantum = Decimal(1).scaleb(-digits)
    return Decimal(str(x) if isinstance(x, float) else x).quantize(quantum, rounding=ROUND_HALF_UP)


def format_int_vi(n: int | float | Decimal) -> str:
    """A whole number with dot thousands separators: ``1250`` → ``"1.250"``, ``-3000`` → ``"-3.000"``.

    Non-integral input is rounded half up (``2.5`` → ``"3"``).
    """
    if not isinstance(n, int):
        n = int(_round_half_up(n))
    sign = "-" if n < 0 else ""
    return sign + _group_thousands(str(abs(n)))


def format_money_vi(n: int | float | Decimal) -> str:
    """An amount in đồng: ``1250000`` → ``"1.250.000 đ"``."""
    return f"{format_int_vi(n)} đ"


def format_percent_vi(x: float, digits: int = 1) -> str:
    """A percentage with a decimal comma: ``12.5`` → ``"12,5 %"``, ``75.0`` → ``"75 %"``.

    ``x`` is already a percentage (not a ratio). It is rounded half up to ``digits`` decimals; a
    decimal part that is all zeros is dropped.
    """
    value = _round_half_up(x, max(digits, 0))
    sign = "-" if value < 0 else ""
    whole, _, frac = f"{abs(value):f}".partition(".")
    text = sign + _group_thousands(whole)
    if frac.strip("0"):
        text += "," + frac
    if text == "-0":
        text = "0"
    return f"{text} %"


def format_date_vi(d: date | str | None) -> str:
    """A date as ``dd/mm/yyyy``; ``""`` for None or an empty string.

    Accepts :class:`date`, :class:`datetime` and ISO strings (``"2017-01-05"`` or
    ``"2017-01-05T08:30:00"``). A string that is not an ISO date is returned unchanged, so that a
    display never fails on a bad stored value.
    """
    if d is None:
        return ""
    if isinstance(d, str):
        s = d.strip()
        if not s:
            return ""
        try:
            d = date.fromisoformat(s[:10])
        except ValueError:
            return s
    elif isinstance(d, datetime):
        d = d.date()
    return f"{d.day:02d}/{d.month:02d}/{d.year:04d}"
