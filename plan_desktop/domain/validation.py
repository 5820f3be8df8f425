"""Validation of records against their form definition: one module for every entry path.

The entry dialog, the CSV/XLSX import and the package import all call :func:`validate`. It accepts
typed values (from widgets) or text (from CSV cells), parses and cleans them (text NFC-normalised and
trimmed), applies defaults, then checks every rule of the form definition. Messages are Vietnamese
and name the field's label.

Rules that need the store (a reference to a record of the same unit, a value unique per unit) are
asked through a :class:`ValidationContext`, so this module stays pure Python.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Protocol

from plan_desktop.domain.forms import FieldDef, FormDef
from plan_desktop.domain.text import clean_text, format_date_vi, format_int_vi


@dataclass(frozen=True)
class FieldIssue:
    """One problem with one field (``field`` is None for a problem with the whole record)."""

    field: str | None
    label: str
    reason: str

    @property
    def message(self) -> str:
        return f"{self.label}: {self.reason}" if self.label else self.reason

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


class ValidationError(ValueError):
    """Raised by the services when a record does not pass validation."""

    def __init__(self, issues: list[FieldIssue]):
        self.issues = issues
        super().__init__("\n".join(i.message for i in issues))


class ValidationContext(Protocol):
    """What validation needs to know about the world outside the record."""

    today: date
    unit_code: str

    def ref_exists(self, form_id: str, record_id: str, unit_code: str) -> bool: ...

    def is_unique(
        self, form_id: str, field_name: str, value: Any, unit_code: str, exclude_id: str | None
    ) -> bool: ...


@dataclass
class SimpleContext:
    """A context without a store: references and uniqueness are not checked."""

    today: date = field(default_factory=date.today)
    unit_code: str = ""

    def ref_exists(self, form_id: str, record_id: str, unit_code: str) -> bool:
        return True

    def is_unique(self, form_id, field_name, value, unit_code, exclude_id) -> bool:
        return True


# -- parsing: text or typed values to the field's Python type ------------------------------------
class _Bad(Exception):
    def __init__(self, reason: str):
        self.reason = reason


_TRUE = {"1", "true", "có", "co", "x", "yes", "y", "đúng", "dung", "c"}
_FALSE = {"0", "false", "không", "khong", "no", "n", "sai", "k"}
_INT_RE = re.compile(r"^\d{1,3}(\.\d{3})+$|^\d+$")
_DATE_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_UUID_RE = re.compile(r"^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$")


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


def parse_int(value: Any) -> int:
    if isinstance(value, bool):
        raise _Bad("phải là một số nguyên.")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise _Bad(f"phải là số nguyên, không có phần lẻ ({value}).")
    s = str(value).strip().replace(" ", "").replace("\u00a0", "")
    if s.startswith("-") and _INT_RE.match(s[1:]):
        return -int(s[1:].replace(".", ""))
    if s.lower().endswith("đ"):
        s = s[:-1]
    if not _INT_RE.match(s):
        raise _Bad(f'"{value}" không phải là số nguyên (ví dụ: 1250 hoặc 1.250).')
    return int(s.replace(".", ""))


def parse_date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    s = str(value).strip()
    try:
        if len(s) == 10 and s[4] == "-":
            return date.fromisoformat(s)
        m = _DATE_DMY.match(s)
        if m:
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        if len(s) > 10 and s[4] == "-" and s[10] in "T ":  # ISO date-time from a spreadsheet
            return date.fromisoformat(s[:10])
    except ValueError:
        pass
    raise _Bad(f'"{value}" không phải là ngày hợp lệ; nhập theo dạng dd/mm/yyyy, ví dụ 05/01/2017.')


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
    raise _Bad(f'"{value}" không hợp lệ; nhập có/không (hoặc 1/0).')


def _split_multi(value: Any) -> list[str]:
    if isinstance(value, str):
        return [p.strip() for p in re.split(r"[;,\n]", value) if p.strip()]
    return [str(v).strip() for v in value if str(v).strip()]


def parse_value(fd: FieldDef, value: Any) -> Any:
    """Turn a raw value (text or typed) into the field's Python type. Blank → empty value."""
    if _is_blank(value):
        return fd.empty_value()
    t = fd.type
    if t in ("int", "money"):
        return parse_int(value)
    if t == "date":
        return parse_date(value)
    if t == "bool":
        return parse_bool(value)
    if t == "text":
        return clean_text(str(value))
    if t == "choice":
        code = clean_text(str(value)) or ""
        if fd.choice(code) is None:
            # accept the Vietnamese label too (officers copy it from printed forms)
            for c in fd.choices:
                if clean_text(c.label) == code:
                    return c.code
            codes = ", ".join(f"{c.code} ({c.label})" for c in fd.choices)
            raise _Bad(f'"{code}" không có trong danh sách. Chọn một trong: {codes}.')
        return code
    if t == "choices":
        codes = _split_multi(value)
        bad = [c for c in codes if fd.choice(c) is None]
        if bad:
            known = ", ".join(c.code for c in fd.choices)
            raise _Bad(f"mã không có trong danh sách: {', '.join(bad)}. Các mã hợp lệ: {known}.")
        order = {c.code: i for i, c in enumerate(fd.choices)}
        return sorted(set(codes), key=order.__getitem__)
    if t == "ref":
        s = str(value).strip()
        if not _UUID_RE.match(s):
            raise _Bad(f'"{s}" không phải là mã bản ghi hợp lệ.')
        return s.lower()
    if t == "refs":
        ids = _split_multi(value)
        bad = [i for i in ids if not _UUID_RE.match(i)]
        if bad:
            raise _Bad(f"mã bản ghi không hợp lệ: {', '.join(bad)}.")
        return list(dict.fromkeys(i.lower() for i in ids))
    raise AssertionError(t)


# -- rule checks ---------------------------------------------------------------------------------
def _cond_text(form: FormDef, cond) -> str:
    target = form.field(cond.field)

    def show(v: Any) -> str:
        if target.type == "bool":
            return "có" if v else "không"
        return f"«{target.choice_label(v)}»"

    vals = " hoặc ".join(show(v) for v in cond.values)
    if target.type == "bool" and not cond.negate and cond.values == (True,):
        return f"khi có đánh dấu «{target.label}»"
    verb = "không phải là" if cond.negate else "là"
    return f"khi «{target.label}» {verb} {vals}"


def _show(fd: FieldDef, v: Any) -> str:
    if fd.type == "date":
        return format_date_vi(v)
    if fd.is_numeric:
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
    ctx = ctx or SimpleContext()
    unit = unit_code or ctx.unit_code
    values: dict[str, Any] = {}
    issues: list[FieldIssue] = []
    bad_fields: set[str] = set()

    for fd in form.fields:
        try:
            v = parse_value(fd, raw.get(fd.name))
        except _Bad as exc:
            issues.append(FieldIssue(fd.name, fd.label, exc.reason))
            bad_fields.add(fd.name)
            v = fd.empty_value()
        if _is_blank(v) and fd.default is not None and fd.name not in bad_fields:
            v = list(fd.default) if isinstance(fd.default, list) else fd.default
        values[fd.name] = v

    def add(fd: FieldDef, reason: str) -> None:
        if fd.name not in bad_fields:
            issues.append(FieldIssue(fd.name, fd.label, reason))
            bad_fields.add(fd.name)

    for fd in form.fields:
        if fd.name in bad_fields:
            continue
        v = values[fd.name]
        blank = _is_blank(v)
        if blank:
            if fd.required:
                add(fd, "bắt buộc phải nhập." if not fd.is_multi else "bắt buộc phải chọn.")
            elif fd.required_when is not None and fd.required_when.holds(values):
                add(fd, f"bắt buộc phải nhập {_cond_text(form, fd.required_when)}.")
            elif fd.positive_when is not None and fd.positive_when.holds(values):
                add(fd, f"phải lớn hơn 0 {_cond_text(form, fd.positive_when)}.")
            elif fd.min_items:
                add(fd, f"phải chọn ít nhất {fd.min_items} mục.")
            continue
        if fd.type == "text" and fd.max_length and len(v) > fd.max_length:
            add(fd, f"dài quá {format_int_vi(fd.max_length)} ký tự (hiện có {format_int_vi(len(v))}).")
        if fd.is_numeric:
            lo = fd.min if fd.min is not None else 0
            if v < lo:
                add(fd, "không được là số âm." if lo == 0 else f"phải từ {format_int_vi(lo)} trở lên.")
            elif fd.max is not None and v > fd.max:
                add(fd, f"không được lớn hơn {format_int_vi(fd.max)}.")
            elif fd.positive_when is not None and fd.positive_when.holds(values) and v <= 0:
                add(fd, f"phải lớn hơn 0 {_cond_text(form, fd.positive_when)}.")
        if fd.type == "date" and fd.not_future and v > ctx.today:
            add(fd, f"không được sau ngày hôm nay ({format_date_vi(ctx.today)}).")
        if fd.is_multi and fd.min_items and len(v) < fd.min_items:
            add(fd, f"phải chọn ít nhất {fd.min_items} mục.")
        if fd.only_when is not None and not fd.only_when.holds(values):
            if not (fd.type == "bool" and v is False):
                add(fd, f"chỉ được nhập {_cond_text(form, fd.only_when)}.")
        if fd.implies is not None and v is True and values.get(fd.implies) is not True:
            add(fd, f"chỉ được đánh dấu khi đã đánh dấu «{form.field(fd.implies).label}».")
        for key, ok, word in (("lte", lambda a, b: a <= b, "lớn hơn"), ("gte", lambda a, b: a >= b, "")):
            other_name = getattr(fd, key)
            if other_name is None or other_name in bad_fields:
                continue
            other = values.get(other_name)
            if _is_blank(other) or ok(v, other):
                continue
            ofd = form.field(other_name)
            if fd.type == "date":
                add(fd, f"không được trước «{ofd.label}» ({_show(ofd, other)}).")
            else:
                add(fd, f"không được {word} «{ofd.label}» ({_show(ofd, other)}).")
        if fd.type == "ref" and not ctx.ref_exists(fd.form or "", v, unit):
            add(fd, "không tìm thấy bản ghi được chọn trong dữ liệu của đơn vị này.")
        if fd.type == "refs":
            missing = [i for i in v if not ctx.ref_exists(fd.form or "", i, unit)]
            if missing:
                add(fd, f"không tìm thấy {len(missing)} bản ghi được chọn trong dữ liệu của đơn vị này.")
        if fd.unique and not ctx.is_unique(form.id, fd.name, fd.to_storage(v), unit, record_id):
            add(fd, f"đơn vị này đã có một bản ghi với {fd.label.lower()} {_show(fd, v)}.")

    return ValidationResult(values=values, issues=issues)
