"""Validation of records against their form definition: one module for every entry path.

The entry dialog, the CSV/XLSX import and the package import all call :func:`validate`. It accepts
typed values (from widgets) or text (from CSV cells), parses and cleans them (text NFC-normalised and
trimmed), applies defaults, then checks every rule of the form definition. Messages are Vietnamese
and name the field's label; each also carries its English (:class:`Reason`, :meth:`FieldIssue.message_for`)
for the window's second language.

Rules that need the store (a reference to a record of the same unit, a value unique per unit) are
asked through a :class:`ValidationContext`, so this module stays pure Python.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Protocol

from plan_desktop.domain.forms import MAX_DATE, MIN_DATE, FieldDef, FormDef
from plan_desktop.domain.text import clean_text, fold, format_date_vi, format_int_vi, unprotect_formula
from plan_desktop.domain.units import default_registry
from plan_desktop.usererror import UserError


class Reason(str):
    """Why a value is refused: the Vietnamese text (the string itself) and its English (``en``)."""

    en: str

    def __new__(cls, vi: str, en: str | None = None) -> Reason:
        obj = super().__new__(cls, vi)
        obj.en = en if en is not None else vi
        return obj

    def for_lang(self, lang: str) -> str:
        return self.en if lang == "en" else str(self)


def reason_for(reason: str, lang: str) -> str:
    return reason.for_lang(lang) if isinstance(reason, Reason) else reason


@dataclass(frozen=True)
class FieldIssue:
    """One problem with one field (``field`` is None for a problem with the whole record)."""

    field: str | None
    label: str
    reason: str
    #: the field's English label (display only: two issues are the same whatever their labels' English)
    label_en: str = field(default="", compare=False)

    @property
    def message(self) -> str:
        return f"{self.label}: {self.reason}" if self.label else self.reason

    def message_for(self, lang: str) -> str:
        """The message in the window's language (Vietnamese unless ``lang`` is "en")."""
        if lang != "en":
            return self.message
        label = self.label_en or self.label
        reason = reason_for(self.reason, lang)
        return f"{label}: {reason}" if label else reason

    def __str__(self) -> str:
        return self.message


@dataclass
class ValidationResult:
    values: dict[str, Any]
    issues: list[FieldIssue] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.issues

    def for_field(self, name: str) -> list[FieldIssue]:
        return [i for i in self.issues if i.field == name]


class ValidationError(UserError, ValueError):
    """Raised by the services when a record does not pass validation."""

    def __init__(self, issues: list[FieldIssue]):
        self.issues = issues
        super().__init__("\n".join(i.message for i in issues),
                         en="\n".join(i.message_for("en") for i in issues))


class ValidationContext(Protocol):
    """What validation needs to know about the world outside the record."""

    today: date
    unit_code: str

    def ref_exists(self, form_id: str, record_id: str, unit_code: str) -> bool: ...

    def is_unique(
        self, form_id: str, field_name: str, value: Any, unit_code: str, exclude_id: str | None
    ) -> bool: ...

    def ref_exists_below(self, form_id: str, record_id: str, unit_code: str) -> bool:
        """Whether ``record_id`` is a record of a unit below ``unit_code`` (``from_units_below`` refs)."""
        ...


@dataclass
class SimpleContext:
    """A context without a store: references and uniqueness are not checked."""

    today: date = field(default_factory=date.today)
    unit_code: str = ""

    def ref_exists(self, form_id: str, record_id: str, unit_code: str) -> bool:
        return True

    def ref_exists_below(self, form_id: str, record_id: str, unit_code: str) -> bool:
        return True

    def is_unique(self, form_id, field_name, value, unit_code, exclude_id) -> bool:
        return True


# -- parsing: text or typed values to the field's Python type ------------------------------------
# One parser per field (:func:`parser_for`), used by :func:`parse_value`, by the per-form validator
# and by the dialog's date editor: text from a CSV cell, a widget's typed value and a package's stored
# value all go through the same function.
class _Bad(Exception):
    def __init__(self, reason: str):
        self.reason = reason


_TRUE = {"1", "true", "có", "co", "x", "yes", "y", "đúng", "dung", "c"}
_FALSE = {"0", "false", "không", "khong", "no", "n", "sai", "k"}
_INT_RE = re.compile(r"^\d{1,3}(\.\d{3})+$|^\d+$")
_DATE_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_DATE_DIGITS = re.compile(r"^(\d{2})(\d{2})(\d{4})$")  # 20042020, as Excel's Vietnamese users type it
_UUID_RE = re.compile(r"^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$")
#: Control characters a text may not hold (ESC, BEL, …): everything of category Cc but the line break.
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
#: Code pages UTF-8 text is wrongly read as by Windows programs (Excel opening a CSV without a BOM).
_MOJIBAKE_CODECS = ("cp1258", "cp1252", "latin-1")


def is_uuid(value: str) -> bool:
    return bool(_UUID_RE.match(value))


def _is_blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list | tuple | set | frozenset):
        return len(value) == 0
    return False


#: The largest whole number SQLite stores (a signed 64-bit integer).
MAX_INT = 2**63 - 1


def parse_int(value: Any) -> int:
    """A whole number from a cell, a widget or a package, within what SQLite can store."""
    n = _parse_int(value)
    if not -MAX_INT - 1 <= n <= MAX_INT:
        shown = str(value) if len(str(value)) <= 30 else f"{str(value)[:30]}…"
        raise _Bad(Reason(f"số quá lớn ({shown}): tối đa là {MAX_INT:,}.".replace(",", "."),
                          f"number too large ({shown}): at most {MAX_INT:,}."))
    return n


def _parse_int(value: Any) -> int:
    if isinstance(value, bool):
        raise _Bad(Reason("phải là một số nguyên.", "must be a whole number."))
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise _Bad(Reason(f"phải là số nguyên, không có phần lẻ ({value}).",
                          f"must be a whole number, without a fraction ({value})."))
    s = str(value).strip().replace(" ", "").replace("\u00a0", "")
    if s.startswith("-") and _INT_RE.match(s[1:]):
        return -int(s[1:].replace(".", ""))
    if s.lower().endswith("đ"):
        s = s[:-1]
    if not _INT_RE.match(s):
        raise _Bad(Reason(f'"{value}" không phải là số nguyên (ví dụ: 1250 hoặc 1.250).',
                          f'"{value}" is not a whole number (e.g. 1250 or 1.250).'))
    return int(s.replace(".", ""))


def parse_date(value: Any) -> date:
    """A date from a widget, a spreadsheet cell or typed text: ``20/4/2020``, ``20/04/2020``, ``20.4.2020``,
    ``20042020`` (day, month, four-digit year, as Excel reads them in Vietnam) or ISO ``2020-04-20``.
    Two-digit years are refused (``20/4/20`` could be 1920 or 2020)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    s = str(value).strip()
    try:
        if len(s) == 10 and s[4] == "-":
            return date.fromisoformat(s)
        m = _DATE_DMY.match(s) or _DATE_DIGITS.match(s)
        if m:
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        if len(s) > 10 and s[4] == "-" and s[10] in "T ":  # ISO date-time from a spreadsheet
            return date.fromisoformat(s[:10])
    except ValueError:
        pass
    raise _Bad(Reason(f'"{value}" không phải là ngày hợp lệ; nhập theo dạng dd/mm/yyyy, ví dụ 05/01/2017.',
                      f'"{value}" is not a valid date; type it as dd/mm/yyyy, e.g. 05/01/2017.'))


def try_parse_date(value: Any) -> date | None:
    """:func:`parse_date`, None instead of a refusal (the date editor asks this as the officer types)."""
    try:
        return parse_date(value)
    except _Bad:
        return None


def parse_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    s = clean_text(str(value)) or ""
    s = s.lower()
    if s in _TRUE:
        return True
    if s in _FALSE:
        return False
    raise _Bad(Reason(f'"{value}" không hợp lệ; nhập có/không (hoặc 1/0).',
                      f'"{value}" is not valid; type yes/no (or 1/0).'))


_MULTI_SEP = re.compile(r"[;,\n]")


def _split_multi(value: Any) -> list[str]:
    if isinstance(value, str):
        return [p.strip() for p in _MULTI_SEP.split(value) if p.strip()]
    return [str(v).strip() for v in value if str(v).strip()]


def _clean(s: str) -> str | None:
    """:func:`clean_text`, with a shortcut for the usual cell: printable text (so its only whitespace
    is the ASCII space and it has no invisible character) without a run of spaces."""
    if s.isprintable() and "  " not in s:
        return unicodedata.normalize("NFC", s).strip() or None
    return clean_text(s)


def unmangled(text: str) -> str | None:
    """What ``text`` was before a Windows program read its UTF-8 bytes as a code page («Tá»• dĂ¢n phá»‘»
    was «Tổ dân phố»), or None when it does not look like such mojibake."""
    if text.isascii():
        return None
    for codec in _MOJIBAKE_CODECS:
        try:
            fixed = text.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if fixed != text:
            return unicodedata.normalize("NFC", fixed)
    return None


def _clean_text_value(value: Any) -> str | None:
    raw = unprotect_formula(str(value))  # a CSV cell the program protected from running as a formula
    s = _clean(raw)
    if s is None:
        return None
    if not s.isprintable() and _CONTROL.search(s):
        raise _Bad(Reason("có ký tự điều khiển không in được (ví dụ ESC, BEL); hãy gõ lại nội dung.",
                          "holds a control character that cannot be printed (e.g. ESC, BEL); type it again."))
    # before cleaning: «à» read as Windows-1258 is «Ă» and a no-break space, which cleaning would change
    fixed = unmangled(raw) if not raw.isascii() else None
    if fixed is not None:
        fixed = clean_text(fixed)
        raise _Bad(Reason(f"«{s}» bị lỗi mã hóa ký tự (có lẽ là «{fixed}»): tệp đã được mở và lưu sai bảng mã. "
                          "Hãy sửa lại chữ, hoặc trong Excel lưu dạng «CSV UTF-8».",
                          f"«{s}» has broken characters (probably «{fixed}»): the file was opened and saved in "
                          "the wrong encoding. Correct the text, or save as «CSV UTF-8» in Excel."))
    return s


_Parser = Callable[[Any], Any]


def _bad_choice(fd: FieldDef, code: str) -> _Bad:
    codes = ", ".join(f"{c.code} ({c.label})" for c in fd.choices)
    codes_en = ", ".join(f"{c.code} ({c.label_en or c.label})" for c in fd.choices)
    return _Bad(Reason(f'"{code}" không có trong danh sách. Chọn một trong: {codes}.',
                       f'"{code}" is not in the list. Choose one of: {codes_en}.'))


def _make_parser(fd: FieldDef) -> _Parser:
    """The field's parser. Blank (None, empty or white text, an empty list) gives None, or [] for a list."""
    t = fd.type
    if t in ("int", "money"):
        def parse(value: Any) -> Any:
            if value is None:
                return None
            if value.__class__ is int and -MAX_INT - 1 <= value <= MAX_INT:  # a stored or imported number
                return value
            if type(value) is str:
                if value.isdecimal() and value.isascii() and len(value) < 19:  # what _INT_RE accepts, no dots
                    return int(value)
                if not value.strip():
                    return None
            elif _is_blank(value):
                return None
            return parse_int(value)
    elif t == "text":
        def parse(value: Any) -> Any:
            if value is None or _is_blank(value):
                return None
            return _clean_text_value(value)
    elif t == "choice":
        codes = {c.code for c in fd.choices}
        by_label: dict[str | None, str] = {}
        for c in fd.choices:
            by_label.setdefault(clean_text(c.label), c.code)

        def parse(value: Any) -> Any:
            if value is None or _is_blank(value):
                return None
            code = _clean(str(value)) or ""
            if code in codes:
                return code
            if code in by_label:  # the Vietnamese label (officers copy it from printed forms)
                return by_label[code]
            raise _bad_choice(fd, code)
    elif t == "choices":
        order = {c.code: i for i, c in enumerate(fd.choices)}
        by_label = {}
        for c in fd.choices:
            by_label.setdefault(fold(c.label), c.code)

        #: a cell's text → its codes, for the cells that are codes (an import repeats the same few)
        memo: dict[str, tuple[str, ...]] = {}

        def parse(value: Any) -> Any:
            if value is None:
                return []
            if value.__class__ is str:
                known = memo.get(value)
                if known is not None:
                    return list(known)
            if _is_blank(value):
                return []
            codes = _split_multi(value)
            if all(c in order for c in codes):
                found = sorted(set(codes), key=order.__getitem__)
                if value.__class__ is str and len(memo) < 1024:
                    memo[value] = tuple(found)
                return found
            if isinstance(value, str):  # the labels, separated by ";" (a label may hold a comma)
                labels = [p for p in (p.strip() for p in re.split(r"[;\n]", value)) if p]
                found = [by_label.get(fold(p)) for p in labels]
                unknown = [p for p, code in zip(labels, found, strict=True) if code is None]
                if labels and not unknown:
                    return sorted(set(found), key=order.__getitem__)  # type: ignore[arg-type]
                if len(unknown) < len(labels):  # labels were meant: name the ones not in the list
                    known = "; ".join(c.label for c in fd.choices)
                    known_en = "; ".join(c.label_en or c.label for c in fd.choices)
                    raise _Bad(Reason(f"không có trong danh sách: {'; '.join(unknown)}. Chọn trong: {known}.",
                                      f"not in the list: {'; '.join(unknown)}. Choose from: {known_en}."))
            bad = [c for c in codes if c not in order]
            known = ", ".join(c.code for c in fd.choices)
            raise _Bad(Reason(f"mã không có trong danh sách: {', '.join(bad)}. Các mã hợp lệ: {known}.",
                              f"codes not in the list: {', '.join(bad)}. Valid codes: {known}."))
    elif t == "date":
        def parse(value: Any) -> Any:
            if value.__class__ is date:  # a stored date read back, a date editor's value
                return value
            if value is None or _is_blank(value):
                return None
            return parse_date(value)
    elif t == "bool":
        def parse(value: Any) -> Any:
            if value is None or _is_blank(value):
                return None
            return parse_bool(value)
    elif t == "ref":
        def parse(value: Any) -> Any:
            if value is None or _is_blank(value):
                return None
            s = str(value).strip()
            if not _UUID_RE.match(s):
                raise _Bad(Reason(f'"{s}" không phải là mã bản ghi hợp lệ.', f'"{s}" is not a valid record id.'))
            return s.lower()
    elif t == "refs":
        def parse(value: Any) -> Any:
            if value is None or _is_blank(value):
                return []
            ids = _split_multi(value)
            bad = [i for i in ids if not _UUID_RE.match(i)]
            if bad:
                raise _Bad(Reason(f"mã bản ghi không hợp lệ: {', '.join(bad)}.",
                                  f"invalid record ids: {', '.join(bad)}."))
            return list(dict.fromkeys(i.lower() for i in ids))
    else:  # pragma: no cover - the form loader refuses other types
        raise AssertionError(t)
    return _by_cell(parse) if t in ("text", "choice", "date") else parse


#: How many distinct cells of one field :func:`_by_cell` remembers (an import's columns repeat a few);
#: at most 80 characters each, so a field's memo stays well under a megabyte.
_CELL_MEMO = 4096


def _by_cell(parse: _Parser) -> _Parser:
    """``parse`` remembering its result for the text cells it has seen: a column of an import repeats the
    same few values (a topic, a place, a day), and cleaning, the mojibake check and date parsing are pure
    functions of the text. Only text cells and results that cannot be changed (text, a code, a date) are
    kept; a refused cell is parsed again, so each refusal gets its own exception."""
    memo: dict[str, Any] = {}

    def parse_cell(value: Any) -> Any:
        if value.__class__ is not str:
            return parse(value)
        try:
            return memo[value]
        except KeyError:
            pass
        v = parse(value)
        if len(memo) < _CELL_MEMO and len(value) <= 80:  # long text (a note) rarely repeats
            memo[value] = v
        return v

    return parse_cell


_PARSERS: dict[int, tuple[FieldDef, _Parser]] = {}


def parser_for(fd: FieldDef) -> _Parser:
    """The (cached) parser of ``fd``: the only place a raw value becomes a field's Python value."""
    hit = _PARSERS.get(id(fd))
    if hit is None or hit[0] is not fd:
        hit = _PARSERS[id(fd)] = (fd, _make_parser(fd))
    return hit[1]


def parse_value(fd: FieldDef, value: Any) -> Any:
    """Turn a raw value (text or typed) into the field's Python type. Blank → empty value.
    Raises ``_Bad`` (with the reason) when the value cannot be the field's."""
    return parser_for(fd)(value)


# -- rule checks ---------------------------------------------------------------------------------
def _cond_text(form: FormDef, cond, lang: str = "vi", values: Mapping[str, Any] | None = None) -> str:
    """The condition in words. With ``values``, a ``not_in`` condition names the value that made it hold
    («khi «Trạng thái» là «Đã xử lý»», not «khi «Trạng thái» không phải là «Đang xử lý»»)."""
    target = form.field(cond.field)
    en = lang == "en"
    if cond.negate and values is not None and not _is_blank(values.get(cond.field)) and target.type == "choice":
        cond = type(cond)(field=cond.field, values=(values[cond.field],), negate=False)

    def show(v: Any) -> str:
        if target.type == "bool":
            return ("yes" if v else "no") if en else ("có" if v else "không")
        return f"«{target.choice_label(v, lang)}»"

    vals = (" or " if en else " hoặc ").join(show(v) for v in cond.values)
    label = target.label_for(lang)
    if target.type == "bool" and not cond.negate and cond.values == (True,):
        return f"when «{label}» is ticked" if en else f"khi có đánh dấu «{label}»"
    if en:
        return f"when «{label}» is {'not ' if cond.negate else ''}{vals}"
    verb = "không phải là" if cond.negate else "là"
    return f"khi «{label}» {verb} {vals}"


def _show_en(fd: FieldDef, v: Any) -> str:
    if fd.type == "date":
        return v.strftime("%d/%m/%Y")
    return str(v)


def _show(fd: FieldDef, v: Any) -> str:
    if fd.type == "date":
        return format_date_vi(v)
    if fd.is_numeric and not fd.year:
        return format_int_vi(v)
    return str(v)


def validate(
    form: FormDef,
    raw: Mapping[str, Any],
    ctx: ValidationContext | None = None,
    *,
    record_id: str | None = None,
    unit_code: str | None = None,
) -> ValidationResult:
    """Parse, clean and check one record. Unknown keys in ``raw`` are ignored.

    ``record_id`` is the id of the record being edited (excluded from uniqueness checks);
    ``unit_code`` the owning unit (defaults to the context's unit).
    """
    return validator_for(form)(raw, ctx, record_id=record_id, unit_code=unit_code)


# -- the per-form validator -----------------------------------------------------------------------
# Everything that depends only on the form definition (which parser a field needs, which rules it
# has, its choice codes) is decided once per form, so that validating 100.000 imported rows only does
# the per-value work. The rules, their order and their messages are exactly those described above:
# parse every field (a field that does not parse is reported and skipped by the rules), apply
# defaults, then check each field in form order, reporting the first broken rule of a field.

_VALIDATORS: dict[int, FormValidator] = {}


def validator_for(form: FormDef) -> FormValidator:
    """The (cached) validator of ``form``."""
    v = _VALIDATORS.get(id(form))
    if v is None or v.form is not form:
        v = _VALIDATORS[id(form)] = FormValidator(form)
    return v


#: A rule of a non-blank field: (value, all values, context, unit, record id, bad fields) -> reason or None.
_Rule = Callable[[Any, dict[str, Any], Any, str, "str | None", set[str]], "str | None"]


def _blank_rule(form: FormDef, fd: FieldDef) -> Callable[[dict[str, Any]], str | None] | None:
    """What a blank field breaks, if anything."""
    if fd.required:
        reason = (Reason("bắt buộc phải nhập.", "is required.") if not fd.is_multi
                  else Reason("bắt buộc phải chọn.", "choose at least one."))
        return lambda values: reason
    rw, pw, min_items = fd.required_when, fd.positive_when, fd.min_items
    if rw is None and pw is None and not min_items:
        return None

    def rule(values: dict[str, Any]) -> str | None:
        if rw is not None and rw.holds(values):
            return Reason(f"bắt buộc phải nhập {_cond_text(form, rw, 'vi', values)}.",
                          f"is required {_cond_text(form, rw, 'en', values)}.")
        if pw is not None and pw.holds(values):
            return Reason(f"phải lớn hơn 0 {_cond_text(form, pw)}.", f"must be above 0 {_cond_text(form, pw, 'en')}.")
        if min_items:
            return Reason(f"phải chọn ít nhất {min_items} mục.", f"choose at least {min_items}.")
        return None

    return rule


def _rules(form: FormDef, fd: FieldDef) -> list[tuple[_Rule, bool]]:
    """The rules of a non-blank field in the order they are checked, each with whether it asks the
    context (those are asked even after an earlier rule broke, as they always were)."""
    rules: list[tuple[_Rule, bool]] = []
    name = fd.name
    if fd.type == "text" and fd.max_length:
        max_length = fd.max_length

        def too_long(v, values, ctx, unit, rid, bad):
            if len(v) > max_length:
                return Reason(f"dài quá {format_int_vi(max_length)} ký tự (hiện có {format_int_vi(len(v))}).",
                              f"longer than {max_length:,} characters (now {len(v):,}).")
            return None

        rules.append((too_long, False))
    if fd.is_numeric:
        lo = fd.min if fd.min is not None else 0
        hi, pw = fd.max, fd.positive_when

        def numeric(v, values, ctx, unit, rid, bad):
            if v < lo:
                return (Reason("không được là số âm.", "must not be negative.") if lo == 0
                        else Reason(f"phải từ {format_int_vi(lo)} trở lên.", f"must be {lo:,} or more."))
            if hi is not None and v > hi:
                return Reason(f"không được lớn hơn {format_int_vi(hi)}.", f"must not be more than {hi:,}.")
            if pw is not None and pw.holds(values) and v <= 0:
                return Reason(f"phải lớn hơn 0 {_cond_text(form, pw)}.",
                              f"must be above 0 {_cond_text(form, pw, 'en')}.")
            return None

        rules.append((numeric, False))
    if fd.type == "date":
        not_future = fd.not_future

        def in_range(v, values, ctx, unit, rid, bad):
            if v < MIN_DATE:
                return Reason(f"không được trước ngày {format_date_vi(MIN_DATE)} ({format_date_vi(v)}).",
                              f"must not be before {MIN_DATE:%d/%m/%Y} ({v:%d/%m/%Y}).")
            if not_future and v > ctx.today:
                return Reason(f"không được sau ngày hôm nay ({format_date_vi(ctx.today)}).",
                              f"must not be after today ({ctx.today:%d/%m/%Y}).")
            if v > MAX_DATE:
                return Reason(f"không được sau ngày {format_date_vi(MAX_DATE)} ({format_date_vi(v)}).",
                              f"must not be after {MAX_DATE:%d/%m/%Y} ({v:%d/%m/%Y}).")
            return None

        rules.append((in_range, False))
    if fd.pattern is not None:
        def shaped(v, values, ctx, unit, rid, bad):
            if fd.pattern_for(unit).fullmatch(v):  # type: ignore[union-attr]
                return None
            example = fd.example_for(unit, 7)
            shape = fd.pattern_help.replace("{example}", example)
            shape_en = (fd.pattern_help_en or fd.pattern_help).replace("{example}", example)
            return Reason(f"«{v}» không đúng dạng {shape}.", f"«{v}» is not of the form {shape_en}.")

        rules.append((shaped, False))
    if fd.requires is not None:
        needed = fd.requires

        def requires(v, values, ctx, unit, rid, bad):
            if needed in bad or not _is_blank(values.get(needed)):
                return None
            other = form.field(needed)
            return Reason(f"chỉ nhập được khi đã nhập «{other.label}».",
                          f"can only be given together with «{other.label_for('en')}».")

        rules.append((requires, False))
    if fd.is_multi and fd.min_items:
        min_items = fd.min_items

        def enough(v, values, ctx, unit, rid, bad):
            if len(v) < min_items:
                return Reason(f"phải chọn ít nhất {min_items} mục.", f"choose at least {min_items}.")
            return None

        rules.append((enough, False))
    if fd.only_when is not None:
        ow, is_bool = fd.only_when, fd.type == "bool"

        def only_when(v, values, ctx, unit, rid, bad):
            if not ow.holds(values) and not (is_bool and v is False):
                return Reason(f"chỉ được nhập {_cond_text(form, ow)}.", f"only allowed {_cond_text(form, ow, 'en')}.")
            return None

        rules.append((only_when, False))
    if fd.implies is not None:
        implies = fd.implies

        def implied(v, values, ctx, unit, rid, bad):
            if v is True and values.get(implies) is not True:
                other = form.field(implies)
                return Reason(f"chỉ được đánh dấu khi đã đánh dấu «{other.label}».",
                              f"may only be ticked when «{other.label_for('en')}» is ticked.")
            return None

        rules.append((implied, False))
    for key, word in (("lte", "lớn hơn"), ("gte", "")):
        other_name = getattr(fd, key)
        if other_name is None:
            continue

        def compare(v, values, ctx, unit, rid, bad, other_name=other_name, word=word, lte=key == "lte"):
            if other_name in bad:
                return None
            other = values.get(other_name)
            if _is_blank(other) or (v <= other if lte else v >= other):
                return None
            ofd = form.field(other_name)
            oen = f"«{ofd.label_for('en')}» ({_show_en(ofd, other)})"
            if fd.type == "date":
                return Reason(f"không được trước «{ofd.label}» ({_show(ofd, other)}).", f"must not be before {oen}.")
            return Reason(f"không được {word} «{ofd.label}» ({_show(ofd, other)}).",
                          f"must not be more than {oen}." if lte else f"must not be less than {oen}.")

        rules.append((compare, False))
    target = fd.form or ""
    if fd.type == "ref":
        def ref(v, values, ctx, unit, rid, bad):
            if not ctx.ref_exists(target, v, unit):
                return Reason("không tìm thấy bản ghi được chọn trong dữ liệu của đơn vị này.",
                              "the chosen record is not in this unit's data.")
            return None

        rules.append((ref, True))
    if fd.type == "refs":
        below = fd.from_units_below

        def refs(v, values, ctx, unit, rid, bad):
            missing = [i for i in v if not ctx.ref_exists(target, i, unit)]
            if missing and below:  # e.g. a district training's commune officers
                missing = [i for i in missing if not ctx.ref_exists_below(target, i, unit)]
            if missing:
                return Reason(f"không tìm thấy {len(missing)} bản ghi được chọn trong dữ liệu của đơn vị này.",
                              f"{len(missing)} of the chosen records are not in this unit's data.")
            return None

        rules.append((refs, True))
    if fd.unique:
        def unique(v, values, ctx, unit, rid, bad):
            if not ctx.is_unique(form.id, name, fd.to_storage(v), unit, rid):
                return Reason(f"đơn vị này đã có một bản ghi với {fd.label.lower()} {_show(fd, v)}.",
                              f"this unit already has a record with {fd.label_for('en').lower()} {_show_en(fd, v)}.")
            return None

        rules.append((unique, True))
    return rules


class FormValidator:
    """:func:`validate` for one form, its per-field decisions made once (see :func:`validator_for`)."""

    def __init__(self, form: FormDef):
        self.form = form
        self._parse = [(fd.name, fd, parser_for(fd), fd.default) for fd in form.fields]
        checks = [(fd.name, fd, _blank_rule(form, fd), _rules(form, fd)) for fd in form.fields]
        self._check = [c for c in checks if c[2] is not None or c[3]]  # a field without rules: nothing to do
        pf = form.field(form.period_field) if form.period_field else None
        #: the field that dates a record (its period field): not after the owning unit was abolished
        self._dated = pf if pf is not None and pf.type in ("date", "int") else None

    def __call__(self, raw: Mapping[str, Any], ctx: ValidationContext | None = None, *,
                 record_id: str | None = None, unit_code: str | None = None) -> ValidationResult:
        ctx = ctx or SimpleContext()
        unit = unit_code or ctx.unit_code
        values: dict[str, Any] = {}
        issues: list[FieldIssue] = []
        bad: set[str] = set()
        get = raw.get
        for name, fd, parse, default in self._parse:
            try:
                v = parse(get(name))
            except _Bad as exc:
                issues.append(FieldIssue(name, fd.label, exc.reason, fd.label_en))
                bad.add(name)
                values[name] = fd.empty_value()
                continue
            # a parsed value is blank when None or [] (the parsers give nothing else for a blank)
            if default is not None and (v is None or v == []):
                v = list(default) if isinstance(default, list) else default
            values[name] = v
        for name, fd, blank_rule, rules in self._check:
            if name in bad:
                continue
            v = values[name]
            reason = None
            if v is None or v == []:
                # a local_only value stays at the unit that wrote it: a record of another unit (held
                # above as packages bring it) has it empty, and that breaks no rule here
                home = getattr(ctx, "home_unit", None)
                if blank_rule is not None and not (fd.local_only and home is not None and unit != home):
                    reason = blank_rule(values)
            else:
                for rule, asks_context in rules:
                    if reason is None:
                        reason = rule(v, values, ctx, unit, record_id, bad)
                    elif asks_context:
                        rule(v, values, ctx, unit, record_id, bad)
            if reason is not None:
                issues.append(FieldIssue(name, fd.label, reason, fd.label_en))
                bad.add(name)
        dated = self._dated
        if dated is not None and unit and dated.name not in bad:
            reason = _after_abolition(unit, values.get(dated.name))
            if reason is not None:
                issues.append(FieldIssue(dated.name, dated.label, reason, dated.label_en))
        return ValidationResult(values=values, issues=issues)


def _after_abolition(unit: str, when: Any) -> Reason | None:
    """Why a record of ``unit`` dated ``when`` (a date, or a year) is refused: the unit was abolished
    before then (the message names the successor); None otherwise. One rule for the dialog, the
    CSV/XLSX import and the packages, as every one of them validates here."""
    if isinstance(when, int) and not isinstance(when, bool):
        try:
            when = date(when, 1, 1)
        except ValueError:
            return None
    if not isinstance(when, date):
        return None
    found = default_registry().abolished_message(unit, when)
    return Reason(*found) if found else None
