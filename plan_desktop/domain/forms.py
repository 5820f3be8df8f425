"""Form definitions, loaded from ``forms/*.toml``: the single source of truth.

A form definition drives the table schema, the entry dialog, validation, CSV/XLSX import, the export
packages and the report's data tables. This module reads the TOML files and checks the definitions
themselves; a broken definition is refused with a message naming the file and the field.

TOML layout (see ``forms/communication.toml`` for a full example)::

    id = "communication"            # must equal the file name
    label = "Hoạt động truyền thông"
    label_en = "Communication activities"
    order = 10                      # position in the navigation pane
    kind = "event"                  # event | roster | yearly: what «the records of a period» means
    period_field = "date"           # the date (or int year) that places a record in a period
    # until_field = "closed_on"     # a roster's end date (kind = "roster" only)
    # report_from = "year"          # how far back a report reads the records (see REPORT_FROM)
    version = 1                     # the form's version: raised when a field is removed or renamed

    [[history]]                     # what each version changed, for packages made with older forms
    version = 2
    removed_fields = ["old_note"]   # dropped on purpose: an older package's values are left out
    renamed_fields = { venue = "venue_type" }  # an older package's «venue» is read as «venue_type»
    title_fields = ["date", "topic"]
    list_columns = ["date", "format", "topic"]

    [[fields]]
    name = "date"
    type = "date"                   # date int money text choice choices bool ref refs
    label = "Ngày thực hiện"
    required = true
    not_future = true

Field rules: ``required``, ``default``, ``min``, ``max``, ``max_length`` (text), ``multiline`` (text),
``not_future`` (date), ``choices`` (list of ``{code, label, label_en}``), ``form`` (ref/refs target),
``lte`` / ``gte`` (another field of the same type), ``min_items`` (choices/refs),
``only_when`` / ``required_when`` / ``positive_when`` (a condition ``{field, in | not_in}``),
``implies`` (a bool field that must be true when this one is), ``keep_true`` (a bool that, once set, an
edit may not clear: the named date field ends it instead, so earlier dates keep their state), ``unique`` (per unit),
``local_only`` (text: the value stays at the unit that wrote it — export packages leave it out and a
receiving unit stores it empty; such a field cannot be required, unique, defaulted or a title field, and
a ``required_when`` on it is checked only where it is written),
``from_units_below`` (refs: may also name records of the units below the record's unit, as they arrived
in their packages — a district training lists the officers of its communes),
``requires`` (another field that must be filled in when this one is: «Trong đó nữ» needs «Số người tham
dự»), ``pattern`` (text: a regular expression the whole value must match; ``{unit}`` stands for the owning
unit's code) with ``pattern_help`` / ``pattern_help_en`` (the shape in words, for the message),
``generate`` (text: how the program makes the next value, e.g. ``"HT-{unit}-{n:04d}"``: the next free
number ``n`` for the unit), ``year`` (int: a year, shown without a thousands separator).

Every date is refused before :data:`MIN_DATE` and after :data:`MAX_DATE` (and after today when
``not_future``).
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from plan_desktop.domain import text
from plan_desktop.paths import forms_dir, require_files
from plan_desktop.usererror import UserError

#: ``json.dumps(items, ensure_ascii=False)``, made once (list fields are stored as JSON text).
_JSON = json.JSONEncoder(ensure_ascii=False)


def _as_stored(value: Any) -> Any:
    """The stored value is the Python value (text, numbers): :meth:`FieldDef.from_storage` of them."""
    return value

FIELD_TYPES = ("date", "int", "money", "text", "choice", "choices", "bool", "ref", "refs")

#: What a form's records are, and so which of them belong to a period (``kind`` in the TOML; required
#: with a ``period_field``):
#: ``event``  — happened on a day (``period_field``, a date): in a period when that day is in it;
#: ``roster`` — in force from ``period_field`` until ``until_field`` (or still, when empty): in a
#:              period when in force at some time during it;
#: ``yearly`` — a status per year (``period_field``, an int year): in a period when its year is.
FORM_KINDS = ("event", "roster", "yearly")

#: How far back a report of a period reads a form's records (``report_from``; default ``year``):
#: ``year`` — the report's year up to the period end (the indicators are yearly);
#: ``previous_year`` — also the year before (an indicator compares with it);
#: ``plan_start`` — since the plan began (an indicator counts over the whole plan);
#: ``always`` — every record up to the period end (a roster or a register that stays in force).
REPORT_FROM = ("year", "previous_year", "plan_start", "always")

#: Columns every record carries besides its form's fields (data dictionary, introduction).
COMMON_FIELDS = (
    "id",
    "unit_code",
    "revision",
    "created_at",
    "updated_at",
    "created_by",
    "updated_by",
    "deleted",
)
#: Internal bookkeeping columns of a record table (never exported as data): the store's change counter
#: when the record was last written, its folded search text, and the hash of what travels of it
#: (``shared_hash``: the content hash without ``local_only`` fields, what a report's data hash covers).
INTERNAL_FIELDS = ("change_seq", "search_text", "shared_hash")
RESERVED_NAMES = frozenset(COMMON_FIELDS + INTERNAL_FIELDS)

_FORM_KEYS = {
    "id", "label", "label_en", "order", "period_field", "title_fields", "list_columns",
    "description", "description_en", "fields", "indexes", "until_field", "kind", "report_from",
    "version", "history",
}
_HISTORY_KEYS = {"version", "removed_fields", "renamed_fields", "note"}
_FIELD_KEYS = {
    "name", "type", "label", "label_en", "help", "help_en", "placeholder", "required", "default",
    "min", "max", "max_length", "multiline", "not_future", "choices", "form", "lte", "gte",
    "min_items", "only_when", "required_when", "positive_when", "implies", "unique", "local_only",
    "requires", "pattern", "pattern_help", "pattern_help_en", "generate", "year",
    "from_units_below", "keep_true",
}
#: The earliest and latest date any field accepts (issue 16: «dates within 2000 … today»).
MIN_DATE = date(2000, 1, 1)
MAX_DATE = date(2099, 12, 31)
_CHOICE_KEYS = {"code", "label", "label_en"}
_CONDITION_KEYS = {"field", "in", "not_in"}


@lru_cache(maxsize=64)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


class FormDefinitionError(UserError, ValueError):
    """A form definition file is broken. The message names the file and the field."""


@dataclass(frozen=True)
class Choice:
    code: str
    label: str
    label_en: str = ""


@dataclass(frozen=True)
class Condition:
    """``{field = "format", in = ["loudspeaker"]}`` or ``{field = "status", not_in = ["open"]}``."""

    field: str
    values: tuple[Any, ...]
    negate: bool = False

    def holds(self, values: Mapping[str, Any]) -> bool:
        v = values.get(self.field)
        return (v not in self.values) if self.negate else (v in self.values)


@dataclass(frozen=True)
class FormChange:
    """One step of a form's ``[[history]]``: what version ``version`` removed or renamed."""

    version: int
    removed_fields: tuple[str, ...] = ()
    renamed_fields: tuple[tuple[str, str], ...] = ()  # (old name, new name)
    note: str = ""


@dataclass(frozen=True)
class FieldDef:
    name: str
    type: str
    label: str
    label_en: str = ""
    help: str = ""
    help_en: str = ""
    placeholder: str = ""
    required: bool = False
    default: Any = None
    min: int | None = None
    max: int | None = None
    max_length: int | None = None
    multiline: bool = False
    not_future: bool = False
    choices: tuple[Choice, ...] = ()
    form: str | None = None
    lte: str | None = None
    gte: str | None = None
    min_items: int = 0
    only_when: Condition | None = None
    required_when: Condition | None = None
    positive_when: Condition | None = None
    implies: str | None = None
    #: a bool that an edit may not clear once set: the named date field ends the state instead
    keep_true: str | None = None
    unique: bool = False
    #: Stays at the unit that wrote it: never exported, stored empty by a receiving unit.
    local_only: bool = False
    #: Another field that must be filled in when this one is.
    requires: str | None = None
    #: A regular expression the whole text must match (``{unit}``: the owning unit's code).
    pattern: str | None = None
    pattern_help: str = ""
    pattern_help_en: str = ""
    #: How the program makes the next value (``{unit}``, ``{n}``: the next free number).
    generate: str | None = None
    #: An int that is a year: no thousands separator.
    year: bool = False
    #: refs: may also name records of the units below the record's unit (read-only copies from packages).
    from_units_below: bool = False

    # -- helpers -------------------------------------------------------------------------------
    @property
    def is_multi(self) -> bool:
        return self.type in ("choices", "refs")

    @property
    def is_numeric(self) -> bool:
        return self.type in ("int", "money")

    def choice(self, code: str) -> Choice | None:
        for c in self.choices:
            if c.code == code:
                return c
        return None

    def choice_label(self, code: Any, lang: str = "vi") -> str:
        c = self.choice(code) if isinstance(code, str) else None
        if c is None:
            return "" if code is None else str(code)
        return (c.label_en or c.label) if lang == "en" else c.label

    def label_for(self, lang: str = "vi") -> str:
        return (self.label_en or self.label) if lang == "en" else self.label

    def help_for(self, lang: str = "vi") -> str:
        return (self.help_en or self.help) if lang == "en" else self.help

    def pattern_for(self, unit_code: str) -> re.Pattern[str] | None:
        """The compiled :attr:`pattern` for the owning unit (``{unit}`` replaced by its code)."""
        if self.pattern is None:
            return None
        return _compiled(self.pattern.replace("{unit}", re.escape(unit_code or "")))

    def example_for(self, unit_code: str, n: int = 1) -> str:
        """The :attr:`generate` shape filled in for ``unit_code`` (the placeholder the dialog shows)."""
        if self.generate is None:
            return self.placeholder
        return self.generate.format(unit=unit_code, n=n)

    @property
    def sql_type(self) -> type:
        return int if self.type in ("int", "money", "bool") else str

    def empty_value(self) -> Any:
        return [] if self.is_multi else None

    # -- storage: Python value <-> SQLite column -------------------------------------------------
    def to_storage(self, value: Any) -> Any:
        conv = self.storer
        return value if conv is None else conv(value)

    @cached_property
    def storer(self) -> Callable[[Any], Any] | None:
        """:meth:`to_storage` as a function chosen once for this field's type; None when values are
        stored as they are (the record writer's fast path)."""
        if self.type == "date":
            return lambda v: None if v is None else (v.isoformat() if isinstance(v, date) else str(v))
        if self.type == "bool":
            return lambda v: None if v is None else (1 if v else 0)
        if self.is_multi:
            memo: dict[tuple[str, ...], str] = {}  # a batch stores the same few lists of codes over and over

            def multi(v: Any) -> Any:
                if v is None:
                    return None
                items = tuple(v)
                if not items:
                    return None
                try:
                    text = memo.get(items)
                except TypeError:  # an unhashable item
                    text = None
                if text is None:
                    text = _JSON.encode(list(items))
                    # codes only (1 and True are equal keys but different JSON)
                    if len(memo) < 1024 and all(i.__class__ is str for i in items):
                        memo[items] = text
                return text

            return multi
        return None

    @cached_property
    def loader(self) -> Callable[[Any], Any]:
        """:meth:`from_storage` as a function chosen once for this field's type."""
        if self.type in ("date", "bool") or self.is_multi:
            return self.from_storage
        return _as_stored

    def from_storage(self, value: Any) -> Any:
        if value is None:
            return self.empty_value()
        if self.type == "date":
            return date.fromisoformat(value) if isinstance(value, str) else value
        if self.type == "bool":
            return bool(value)
        if self.is_multi:
            if isinstance(value, str):
                return list(json.loads(value))
            return list(value)
        return value

    # -- display, the Vietnamese way ---------------------------------------------------------------
    def display(self, value: Any, lang: str = "vi") -> str:
        if value is None or (self.is_multi and not value):
            return ""
        if self.type == "date":
            return text.format_date_vi(value)
        if self.type == "int":
            return str(int(value)) if self.year else text.format_int_vi(int(value))
        if self.type == "money":
            return text.format_money_vi(int(value))
        if self.type == "bool":
            if lang == "en":
                return "Yes" if value else "No"
            return "Có" if value else "Không"
        if self.type == "choice":
            return self.choice_label(value, lang)
        if self.type == "choices":
            return "; ".join(self.choice_label(v, lang) for v in value)
        if self.type == "refs":
            return f"{len(value)}"
        return str(value)


@dataclass(frozen=True)
class FormDef:
    id: str
    label: str
    fields: tuple[FieldDef, ...]
    label_en: str = ""
    description: str = ""
    description_en: str = ""
    order: int = 0
    period_field: str | None = None
    #: A roster (officers, businesses, support models): a record is in force from its period field's
    #: date until this field's date (or still, when empty); a period lists those in force during it.
    until_field: str | None = None
    #: ``event``, ``roster`` or ``yearly`` (see :data:`FORM_KINDS`); None for a form without a period.
    kind: str | None = None
    #: How far back a report reads this form's records (see :data:`REPORT_FROM`).
    report_from: str = "year"
    title_fields: tuple[str, ...] = ()
    list_columns: tuple[str, ...] = ()
    #: Extra indexes of the record table (columns each), for questions the reports ask often.
    indexes: tuple[tuple[str, ...], ...] = ()
    #: The form's version (``version``, 1 unless raised); packages and setup files carry it.
    version: int = 1
    #: What each version after the first removed or renamed (``[[history]]``), oldest first.
    history: tuple[FormChange, ...] = ()
    source: Path | None = None
    _by_name: dict[str, FieldDef] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._by_name.update({f.name: f for f in self.fields})

    @property
    def table(self) -> str:
        """SQLite table name (prefixed: ``case`` is an SQL keyword)."""
        return f"form_{self.id}"

    def field(self, name: str) -> FieldDef:
        return self._by_name[name]

    def has_field(self, name: str) -> bool:
        return name in self._by_name

    def __iter__(self) -> Iterator[FieldDef]:
        return iter(self.fields)

    @property
    def field_names(self) -> list[str]:
        return [f.name for f in self.fields]

    @cached_property
    def storers(self) -> tuple[tuple[str, Callable[[Any], Any] | None], ...]:
        """``(field name, FieldDef.storer)`` of every field, made once (the record writer's loop)."""
        return tuple((f.name, f.storer) for f in self.fields)

    @cached_property
    def loaders(self) -> tuple[tuple[str, Callable[[Any], Any]], ...]:
        """``(field name, FieldDef.from_storage)`` of every field, made once (reading many stored rows)."""
        return tuple((f.name, f.loader) for f in self.fields)

    @property
    def local_only_names(self) -> tuple[str, ...]:
        """Fields whose values stay at the unit that wrote them (``local_only = true``)."""
        return tuple(f.name for f in self.fields if f.local_only)

    def label_for(self, lang: str = "vi") -> str:
        return (self.label_en or self.label) if lang == "en" else self.label

    def upgrade_from(self, version: int) -> tuple[dict[str, str], frozenset[str]]:
        """How a record written with ``version`` of this form reads now: its renamed fields (old name
        → today's name) and the fields removed on purpose since (their values are left out)."""
        renamed: dict[str, str] = {}
        removed: set[str] = set()
        for change in self.history:
            if change.version <= version:
                continue
            for old, new in change.renamed_fields:
                sources = [k for k, v in renamed.items() if v == old] or [old]
                for k in sources:
                    renamed[k] = new
            for name in change.removed_fields:
                removed.add(name)
                for k in [k for k, v in renamed.items() if v == name]:
                    del renamed[k]
                    removed.add(k)
        return renamed, frozenset(removed)

    def columns_for_list(self) -> list[FieldDef]:
        names = self.list_columns or tuple(f.name for f in self.fields[:6])
        return [self.field(n) for n in names]

    def title_of(self, values: Mapping[str, Any], lang: str = "vi") -> str:
        names = self.title_fields or (self.fields[0].name,)
        parts = [self.field(n).display(values.get(n), lang) for n in names]
        return " — ".join(p for p in parts if p)


class FormSet(Mapping[str, FormDef]):
    """All forms of an installation, keyed by id, in navigation order."""

    def __init__(self, forms: Iterable[FormDef]):
        self._forms = {f.id: f for f in sorted(forms, key=lambda f: (f.order, f.id))}

    def __getitem__(self, key: str) -> FormDef:
        try:
            return self._forms[key]
        except KeyError:
            known = ", ".join(self._forms)
            raise UnknownFormError(f'Không có biểu mẫu "{key}". Các biểu mẫu: {known}.',
                                   en=f'There is no form "{key}". The forms are: {known}.') from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._forms)

    def __len__(self) -> int:
        return len(self._forms)

    def versions(self) -> dict[str, int]:
        """Each form's version (``version`` in its file): what packages and setup files carry as
        ``forms_versions``, and what a package or setup file made with newer forms is refused by."""
        return {f.id: f.version for f in self._forms.values()}

    def signature(self) -> str:
        """A stable fingerprint of the definitions (packages carry it as ``forms_version``; nothing
        compares it: :meth:`versions` says which forms are older or newer)."""
        import hashlib

        h = hashlib.sha256()
        for f in self._forms.values():
            h.update(f.id.encode())
            for fd in f.fields:
                h.update(f"|{fd.name}:{fd.type}:{','.join(c.code for c in fd.choices)}".encode())
        return h.hexdigest()[:16]


class UnknownFormError(UserError, KeyError):
    def __str__(self) -> str:  # KeyError quotes its message; we want it plain
        return str(self.args[0]) if self.args else ""


# -- loading and checking ------------------------------------------------------------------------
def _err(path: Path, where: str, what: str) -> FormDefinitionError:
    return FormDefinitionError(f"{path.name}: {where}: {what}")


def _condition(path: Path, fname: str, key: str, raw: Any) -> Condition:
    if not isinstance(raw, dict):
        raise _err(path, f"field '{fname}'", f"'{key}' must be a table {{field, in | not_in}}")
    unknown = set(raw) - _CONDITION_KEYS
    if unknown:
        raise _err(path, f"field '{fname}'", f"'{key}' has unknown keys {sorted(unknown)}")
    if "field" not in raw or ("in" in raw) == ("not_in" in raw):
        raise _err(path, f"field '{fname}'", f"'{key}' needs 'field' and exactly one of 'in' / 'not_in'")
    values = raw.get("in", raw.get("not_in"))
    if not isinstance(values, list) or not values:
        raise _err(path, f"field '{fname}'", f"'{key}' values must be a non-empty list")
    return Condition(field=raw["field"], values=tuple(values), negate="not_in" in raw)


def _parse_field(path: Path, raw: Any, index: int) -> FieldDef:
    if not isinstance(raw, dict):
        raise _err(path, f"fields[{index}]", "must be a table")
    name = raw.get("name")
    if not isinstance(name, str) or not name.isidentifier() or name != name.lower():
        raise _err(path, f"fields[{index}]", f"name {name!r} must be a lower-case identifier")
    where = f"field '{name}'"
    if name in RESERVED_NAMES:
        raise _err(path, where, "name is reserved for the common record fields")
    unknown = set(raw) - _FIELD_KEYS
    if unknown:
        raise _err(path, where, f"unknown keys {sorted(unknown)}")
    ftype = raw.get("type")
    if ftype not in FIELD_TYPES:
        raise _err(path, where, f"unknown type {ftype!r} (known: {', '.join(FIELD_TYPES)})")
    label = raw.get("label")
    if not isinstance(label, str) or not label.strip():
        raise _err(path, where, "missing 'label'")

    choices: list[Choice] = []
    if ftype in ("choice", "choices"):
        raw_choices = raw.get("choices")
        if not isinstance(raw_choices, list) or not raw_choices:
            raise _err(path, where, "a choice field needs a non-empty 'choices' list")
        seen: set[str] = set()
        for ci, c in enumerate(raw_choices):
            if not isinstance(c, dict):
                raise _err(path, where, f"choice #{ci + 1} must be a table {{code, label}}")
            bad = set(c) - _CHOICE_KEYS
            if bad:
                raise _err(path, where, f"choice #{ci + 1} has unknown keys {sorted(bad)}")
            code = c.get("code")
            if not isinstance(code, str) or not code:
                raise _err(path, where, f"choice #{ci + 1} has no code")
            if not isinstance(c.get("label"), str) or not c["label"].strip():
                raise _err(path, where, f"choice '{code}' has no label")
            if code in seen:
                raise _err(path, where, f"duplicate choice code '{code}'")
            seen.add(code)
            choices.append(Choice(code=code, label=c["label"], label_en=c.get("label_en", "")))
    elif "choices" in raw:
        raise _err(path, where, f"'choices' is only for choice/choices fields, not {ftype}")

    if ftype in ("ref", "refs") and not isinstance(raw.get("form"), str):
        raise _err(path, where, "a ref field needs 'form' (the id of the referenced form)")
    if ftype not in ("ref", "refs") and "form" in raw:
        raise _err(path, where, "'form' is only for ref/refs fields")
    if ftype == "text":
        ml = raw.get("max_length")
        if not isinstance(ml, int) or ml <= 0:
            raise _err(path, where, "a text field needs a positive 'max_length'")
    elif "max_length" in raw or "multiline" in raw:
        raise _err(path, where, "'max_length'/'multiline' are only for text fields")
    for key in ("min", "max"):
        if key in raw and (ftype not in ("int", "money") or not isinstance(raw[key], int)):
            raise _err(path, where, f"'{key}' must be an integer on an int/money field")
    if "not_future" in raw and ftype != "date":
        raise _err(path, where, "'not_future' is only for date fields")
    if "min_items" in raw and ftype not in ("choices", "refs"):
        raise _err(path, where, "'min_items' is only for choices/refs fields")
    if "implies" in raw and ftype != "bool":
        raise _err(path, where, "'implies' is only for bool fields")
    if "keep_true" in raw and ftype != "bool":
        raise _err(path, where, "'keep_true' is only for bool fields")
    local_only = raw.get("local_only", False)
    if not isinstance(local_only, bool):
        raise _err(path, where, f"'local_only' must be true or false, not {local_only!r}")
    if local_only:
        # The level above receives the record without this value and checks it there: it can only be
        # a free-text field that nothing else depends on.
        if ftype != "text":
            raise _err(path, where, "'local_only' is only for text fields")
        # (``required_when`` is allowed: the unit that writes the value must give it; the level above,
        # which receives it empty, does not check it)
        for key in ("required", "unique", "default"):
            if raw.get(key) not in (None, False):
                raise _err(path, where, f"'local_only' excludes '{key}': the level above gets it empty")

    if ("pattern" in raw or "generate" in raw or "pattern_help" in raw) and ftype != "text":
        raise _err(path, where, "'pattern'/'pattern_help'/'generate' are only for text fields")
    if "pattern" in raw:
        if not isinstance(raw["pattern"], str) or not raw.get("pattern_help"):
            raise _err(path, where, "'pattern' must be a string and needs 'pattern_help' (the shape in words)")
        try:
            re.compile(raw["pattern"].replace("{unit}", "0"))
        except re.error as exc:
            raise _err(path, where, f"'pattern' is not a regular expression: {exc}") from None
    if "generate" in raw:
        gen = raw["generate"]
        try:
            sample = gen.format(unit="00000", n=1) if isinstance(gen, str) else None
        except (KeyError, IndexError, ValueError):
            sample = None
        if sample is None or "pattern" not in raw:
            raise _err(path, where, "'generate' needs a pattern and may use only {unit} and {n}")
        if not re.fullmatch(raw["pattern"].replace("{unit}", "00000"), sample):
            raise _err(path, where, f"'generate' makes {sample!r}, which its 'pattern' refuses")
    if "year" in raw and (ftype != "int" or not isinstance(raw["year"], bool)):
        raise _err(path, where, "'year' is true or false, only on int fields")
    if "requires" in raw and not isinstance(raw["requires"], str):
        raise _err(path, where, "'requires' names another field")
    from_below = raw.get("from_units_below", False)
    if not isinstance(from_below, bool) or (from_below and ftype != "refs"):
        raise _err(path, where, "'from_units_below' is true or false, and only for refs fields")

    conds = {k: _condition(path, name, k, raw[k]) for k in ("only_when", "required_when", "positive_when")
             if k in raw}
    if "positive_when" in conds and ftype not in ("int", "money"):
        raise _err(path, where, "'positive_when' is only for int/money fields")

    fd = FieldDef(
        name=name,
        type=ftype,
        label=label.strip(),
        label_en=raw.get("label_en", ""),
        help=raw.get("help", ""),
        help_en=raw.get("help_en", ""),
        placeholder=raw.get("placeholder", ""),
        required=bool(raw.get("required", False)),
        default=raw.get("default"),
        min=raw.get("min"),
        max=raw.get("max"),
        max_length=raw.get("max_length"),
        multiline=bool(raw.get("multiline", False)),
        not_future=bool(raw.get("not_future", False)),
        choices=tuple(choices),
        form=raw.get("form"),
        lte=raw.get("lte"),
        gte=raw.get("gte"),
        min_items=int(raw.get("min_items", 0)),
        only_when=conds.get("only_when"),
        required_when=conds.get("required_when"),
        positive_when=conds.get("positive_when"),
        implies=raw.get("implies"),
        keep_true=raw.get("keep_true"),
        unique=bool(raw.get("unique", False)),
        local_only=local_only,
        requires=raw.get("requires"),
        pattern=raw.get("pattern"),
        pattern_help=raw.get("pattern_help", ""),
        pattern_help_en=raw.get("pattern_help_en", ""),
        generate=raw.get("generate"),
        year=bool(raw.get("year", False)),
        from_units_below=from_below,
    )
    if fd.default is not None:
        _check_default(path, fd)
    return fd


def _check_default(path: Path, fd: FieldDef) -> None:
    where = f"field '{fd.name}'"
    ok = {
        "int": isinstance(fd.default, int) and not isinstance(fd.default, bool),
        "money": isinstance(fd.default, int) and not isinstance(fd.default, bool),
        "bool": isinstance(fd.default, bool),
        "text": isinstance(fd.default, str),
        "choice": isinstance(fd.default, str) and fd.choice(fd.default) is not None,
        "choices": isinstance(fd.default, list) and all(fd.choice(c) for c in fd.default),
    }.get(fd.type, False)
    if not ok:
        raise _err(path, where, f"default {fd.default!r} does not fit type {fd.type}")


def _check_cross(path: Path, form: FormDef, known_forms: set[str] | None) -> None:
    for fd in form.fields:
        where = f"field '{fd.name}'"
        for key in ("lte", "gte"):
            other = getattr(fd, key)
            if other is None:
                continue
            if not form.has_field(other):
                raise _err(path, where, f"'{key}' names unknown field '{other}'")
            o = form.field(other)
            if {o.type, fd.type} - {"int", "money"} and o.type != fd.type:
                raise _err(path, where, f"'{key}' compares {fd.type} with {o.type} field '{other}'")
        for key in ("only_when", "required_when", "positive_when"):
            cond: Condition | None = getattr(fd, key)
            if cond is None:
                continue
            if not form.has_field(cond.field):
                raise _err(path, where, f"'{key}' names unknown field '{cond.field}'")
            target = form.field(cond.field)
            for v in cond.values:
                if target.type == "choice" and target.choice(v) is None:
                    raise _err(path, where, f"'{key}' uses unknown code '{v}' of field '{cond.field}'")
                if target.type == "bool" and not isinstance(v, bool):
                    raise _err(path, where, f"'{key}' needs true/false for bool field '{cond.field}'")
        if fd.requires is not None and (not form.has_field(fd.requires) or fd.requires == fd.name):
            raise _err(path, where, f"'requires' names unknown field '{fd.requires}'")
        if fd.implies is not None and (not form.has_field(fd.implies) or form.field(fd.implies).type != "bool"):
            raise _err(path, where, f"'implies' must name a bool field, not '{fd.implies}'")
        if fd.keep_true is not None and (not form.has_field(fd.keep_true) or form.field(fd.keep_true).type != "date"):
            raise _err(path, where, f"'keep_true' must name a date field, not '{fd.keep_true}'")
        if fd.form is not None and known_forms is not None and fd.form not in known_forms:
            raise _err(path, where, f"refers to unknown form '{fd.form}'")
    if form.period_field is not None:
        if not form.has_field(form.period_field):
            raise _err(path, "period_field", f"unknown field '{form.period_field}'")
        if form.field(form.period_field).type not in ("date", "int"):
            raise _err(path, "period_field", "must be a date or int (year) field")
    if form.until_field is not None:
        if form.period_field is None or form.field(form.period_field).type != "date":
            raise _err(path, "until_field", "needs a date period_field")
        if not form.has_field(form.until_field) or form.field(form.until_field).type != "date":
            raise _err(path, "until_field", f"must name a date field, not '{form.until_field}'")
    _check_kind(path, form)
    for key in ("title_fields", "list_columns"):
        for name in getattr(form, key):
            if not form.has_field(name):
                raise _err(path, key, f"unknown field '{name}'")
    for name in form.title_fields:
        if form.field(name).local_only:
            raise _err(path, "title_fields", f"'{name}' is local_only: the level above would see no title")
    for fd in form.fields:
        for key in ("lte", "gte", "implies", "requires"):
            other = getattr(fd, key)
            if other in form.local_only_names:
                raise _err(path, f"field '{fd.name}'", f"'{key}' names local_only field '{other}'")
        for key in ("only_when", "required_when", "positive_when"):
            cond = getattr(fd, key)
            if cond is not None and cond.field in form.local_only_names:
                raise _err(path, f"field '{fd.name}'", f"'{key}' depends on local_only field '{cond.field}'")


def _check_kind(path: Path, form: FormDef) -> None:
    """``kind`` agrees with the period and until fields; ``report_from`` is one of :data:`REPORT_FROM`."""
    if form.period_field is None:
        if form.kind is not None:
            raise _err(path, "kind", "a form without a period_field has no kind")
        if form.report_from != "year":
            raise _err(path, "report_from", "a form without a period_field is not read by period")
        return
    if form.kind not in FORM_KINDS:
        raise _err(path, "kind", f"{form.kind!r}: a form with a period_field declares its kind "
                                 f"({' | '.join(FORM_KINDS)})")
    ptype = form.field(form.period_field).type
    if form.kind == "yearly" and ptype != "int":
        raise _err(path, "kind", "a yearly form needs an int (year) period_field")
    if form.kind != "yearly" and ptype != "date":
        raise _err(path, "kind", f"kind '{form.kind}' needs a date period_field")
    if (form.kind == "roster") != (form.until_field is not None):
        raise _err(path, "kind", "a roster names its until_field, and only a roster has one")
    if form.report_from not in REPORT_FROM:
        raise _err(path, "report_from", f"{form.report_from!r} is not one of {', '.join(REPORT_FROM)}")


def _indexes(path: Path, raw: Any, fields: set[str]) -> tuple[tuple[str, ...], ...]:
    """``indexes = [["unit_code", "deleted", "format", "date"], …]``: columns of fields or common columns."""
    if not isinstance(raw, list) or not all(isinstance(ix, list) and ix for ix in raw):
        raise _err(path, "indexes", "must be a list of non-empty lists of column names")
    out = []
    for ix in raw:
        for name in ix:
            if not isinstance(name, str) or (name not in fields and name not in COMMON_FIELDS):
                raise _err(path, "indexes", f"unknown column '{name}'")
        if len(set(ix)) != len(ix):
            raise _err(path, "indexes", f"a column twice in {ix}")
        out.append(tuple(ix))
    return tuple(out)


def _version(path: Path, raw: Any) -> int:
    if not isinstance(raw, int) or isinstance(raw, bool) or raw < 1:
        raise _err(path, "version", f"{raw!r} must be a whole number from 1")
    return raw


def _history(path: Path, raw: Any, fields: set[str], version: int) -> tuple[FormChange, ...]:
    """``[[history]]``: versions increasing, each from 2; a removed field is no longer a field, a
    renamed field's old name is not one either (its new name is, unless a later step changed it)."""
    if not isinstance(raw, list) or not all(isinstance(h, dict) for h in raw):
        raise _err(path, "history", "must be a list of tables [[history]]")
    out: list[FormChange] = []
    last = 1
    for h in raw:
        unknown = set(h) - _HISTORY_KEYS
        if unknown:
            raise _err(path, "history", f"unknown keys {sorted(unknown)}")
        v = h.get("version")
        if not isinstance(v, int) or isinstance(v, bool) or v <= last or v > version:
            raise _err(path, "history", f"version {v!r} must be a whole number above {last} (in order) "
                                        f"and at most the form's version {version}")
        last = v
        removed = h.get("removed_fields", [])
        renamed = h.get("renamed_fields", {})
        if not isinstance(removed, list) or not all(isinstance(n, str) for n in removed):
            raise _err(path, "history", f"version {v}: 'removed_fields' must be a list of field names")
        if not isinstance(renamed, dict) or not all(isinstance(n, str) for n in renamed.values()):
            raise _err(path, "history", f"version {v}: 'renamed_fields' must be a table old = \"new\"")
        out.append(FormChange(v, tuple(removed), tuple(renamed.items()), str(h.get("note", ""))))
    later_names: set[str] = set()
    for change in reversed(out):  # a name given up must not be a field now, unless a later step brought it back
        for name in (*change.removed_fields, *(old for old, _ in change.renamed_fields)):
            if name in fields and name not in later_names:
                raise _err(path, "history", f"version {change.version}: '{name}' is still a field of the form")
        later_names.update(new for _, new in change.renamed_fields)
    return tuple(out)


def load_form(path: Path, known_forms: set[str] | None = None) -> FormDef:
    """Load and check one form definition file."""
    try:
        with path.open("rb") as fh:
            raw = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise FormDefinitionError(f"{path.name}: not valid TOML: {exc}",
                                  en=f"{path.name}: not valid TOML: {exc}") from exc
    unknown = set(raw) - _FORM_KEYS
    if unknown:
        raise _err(path, "form", f"unknown keys {sorted(unknown)}")
    form_id = raw.get("id")
    if form_id != path.stem:
        raise _err(path, "id", f"'{form_id}' must equal the file name '{path.stem}'")
    if not isinstance(raw.get("label"), str):
        raise _err(path, "form", "missing 'label'")
    raw_fields = raw.get("fields")
    if not isinstance(raw_fields, list) or not raw_fields:
        raise _err(path, "form", "no [[fields]]")
    fields: list[FieldDef] = []
    seen: set[str] = set()
    for i, rf in enumerate(raw_fields):
        fd = _parse_field(path, rf, i)
        if fd.name in seen:
            raise _err(path, f"field '{fd.name}'", "duplicate field name")
        seen.add(fd.name)
        fields.append(fd)
    form = FormDef(
        id=form_id,
        label=raw["label"],
        label_en=raw.get("label_en", ""),
        description=raw.get("description", ""),
        description_en=raw.get("description_en", ""),
        order=int(raw.get("order", 0)),
        period_field=raw.get("period_field"),
        until_field=raw.get("until_field"),
        kind=raw.get("kind"),
        report_from=raw.get("report_from", "year"),
        title_fields=tuple(raw.get("title_fields", ())),
        list_columns=tuple(raw.get("list_columns", ())),
        indexes=_indexes(path, raw.get("indexes", []), seen),
        version=_version(path, raw.get("version", 1)),
        history=_history(path, raw.get("history", []), seen, _version(path, raw.get("version", 1))),
        fields=tuple(fields),
        source=path,
    )
    _check_cross(path, form, known_forms)
    return form


def load_forms(folder: Path | None = None) -> FormSet:
    """Load every ``*.toml`` in the forms folder and check references between them."""
    if folder is None:  # the program's own forms: missing ones mean a damaged installation
        files = require_files(forms_dir(), "*.toml", "định nghĩa biểu mẫu")
    else:
        files = sorted(folder.glob("*.toml"))
    if not files:
        raise FormDefinitionError(f"{folder}: no form definitions (*.toml) found",
                                  en=f"{folder}: no form definitions (*.toml) found")
    ids = {p.stem for p in files}
    return FormSet(load_form(p, ids) for p in files)


@lru_cache(maxsize=1)
def default_forms() -> FormSet:
    return load_forms()
