"""The store's narrow read API for reports and the overview: counts, aggregates and rows of a form's
records, named by field, over a WHERE fragment from :func:`plan_desktop.store.periods.period_where`.

Reports name forms, fields and measures; the SQL is written here, from column names checked against
the form definition (a report cannot name a column its form does not have).

    reader = RecordReader(store)
    where = period_where(store.forms["case"], start, end, codes=codes)
    reader.count("case", where)
    reader.aggregate("case", where, [COUNT, sum_of("sellers"), count_not("status", "open")], group_by=["kind"])
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from plan_desktop.domain.forms import COMMON_FIELDS, FormDef, FormSet
from plan_desktop.store import audit

#: A WHERE fragment and its parameters (from :func:`~plan_desktop.store.periods.period_where`).
Where = tuple[str, Sequence[Any]]


@dataclass(frozen=True)
class Measure:
    """One figure of an aggregate: ``count`` (records), ``sum`` (of a column, 0 when none),
    ``distinct`` (distinct non-empty values of a column), ``count_not`` (records whose column is
    not ``value``; an empty column counts as ``value``), ``count_if`` (records for which an SQL truth
    value holds, see :func:`count_if`)."""

    kind: str
    column: str | None = None
    value: Any = None


COUNT = Measure("count")


def sum_of(column: str) -> Measure:
    return Measure("sum", column)


def distinct(column: str) -> Measure:
    return Measure("distinct", column)


def count_not(column: str, value: Any) -> Measure:
    return Measure("count_not", column, value)


def count_if(truth: str) -> Measure:
    """Records for which the SQL truth value ``truth`` holds: an expression a report builds from the
    form's checked field names and ISO dates (never from user text), e.g. ``indicators.flagged_sql``."""
    return Measure("count_if", value=truth)


@dataclass(frozen=True)
class DateBuckets:
    """A group key: the index of the first ``(start, end)`` range (inclusive) holding the record's
    ``column`` date, or None when none does."""

    column: str
    bounds: tuple[tuple[date, date], ...]


@dataclass(frozen=True)
class Month:
    """A group key: the calendar month (``"YYYY-MM"``) of the record's ``column`` date."""

    column: str


#: The report data hash's record line, per format version (see ``reports/scope.py``).
#: 1: ``["form","id",revision,[every content column, NULLs included, in table order]]``;
#: 2: ``["form","id",revision,{"column":value,…}]`` with the columns in name order and NULLs left
#:    out, so a field added to a form changes no earlier line;
#: 3: ``form,id,revision,shared_hash`` — the record's stored hash of what travels of it (its content
#:    without local_only fields, written with it: see ``Store.shared_hash``), so a report hashes 64
#:    characters a record instead of writing each record's JSON.
DATA_LINE_VERSIONS = (1, 2, 3)


class RecordReader:
    """Read-only questions about the records of a store's forms (no writes, no transactions)."""

    def __init__(self, store: Any):
        self._conn = store.db.conn
        self.forms: FormSet = store.forms

    # -- helpers -----------------------------------------------------------------------------------
    def _form(self, form_id: str) -> FormDef:
        return self.forms[form_id]

    @staticmethod
    def _col(form: FormDef, name: str) -> str:
        if name not in COMMON_FIELDS and not form.has_field(name):
            raise ValueError(f"{form.id} has no column {name!r}")
        return f"[{name}]"

    def _measure(self, form: FormDef, m: Measure, params: list[Any]) -> str:
        if m.kind == "count":
            return "count(*)"
        if m.kind == "count_if":
            return f"coalesce(sum({m.value}), 0)"
        col = self._col(form, m.column or "")
        if m.kind == "sum":
            return f"coalesce(sum({col}), 0)"
        if m.kind == "distinct":
            return f"count(DISTINCT {col})"
        if m.kind == "count_not":
            params += [m.value, m.value]
            return f"coalesce(sum(coalesce({col}, ?) != ?), 0)"
        raise ValueError(f"unknown measure {m.kind!r}")

    def _group(self, form: FormDef, key: str | DateBuckets | Month, params: list[Any]) -> str:
        if isinstance(key, str):
            return self._col(form, key)
        if isinstance(key, Month):
            return f"substr({self._col(form, key.column)}, 1, 7)"
        col = self._col(form, key.column)
        whens = []
        for i, (s, e) in enumerate(key.bounds):
            whens.append(f"WHEN {col} BETWEEN ? AND ? THEN {i}")
            params += [s.isoformat(), e.isoformat()]
        return f"CASE {' '.join(whens)} END" if whens else "NULL"

    # -- questions ---------------------------------------------------------------------------------
    def count(self, form_id: str, where: Where) -> int:
        form = self._form(form_id)
        return self._conn.execute(f"SELECT count(*) FROM [{form.table}] WHERE {where[0]}", list(where[1])).fetchone()[0]

    def aggregate(self, form_id: str, where: Where, measures: Sequence[Measure],
                  group_by: Sequence[str | DateBuckets | Month] = ()) -> list[tuple]:
        """Rows ``(*group values, *measures)``: one per group (one row without ``group_by``)."""
        form = self._form(form_id)
        params: list[Any] = []
        keys = [self._group(form, k, params) for k in group_by]
        figures = [self._measure(form, m, params) for m in measures]
        sql = f"SELECT {', '.join([*keys, *figures])} FROM [{form.table}] WHERE {where[0]}"
        if keys:
            sql += " GROUP BY " + ", ".join(str(i) for i in range(1, len(keys) + 1))
        return self._conn.execute(sql, [*params, *where[1]]).fetchall()

    def select(self, form_id: str, columns: Sequence[str], where: Where, *, order_by: Sequence[str] = (),
               limit: int | None = None) -> list[tuple]:
        """The ``columns`` of the records of ``where`` (stored values), in ``order_by`` then table order."""
        form = self._form(form_id)
        cols = ", ".join(self._col(form, c) for c in columns)
        sql = f"SELECT {cols} FROM [{form.table}] WHERE {where[0]}"
        sql += " ORDER BY " + ", ".join([*(self._col(form, c) for c in order_by), "rowid"])
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return self._conn.execute(sql, list(where[1])).fetchall()

    def owners(self, form_id: str, where: Where) -> set[str]:
        """The unit codes owning at least one record of ``where``."""
        form = self._form(form_id)
        sql = f"SELECT DISTINCT unit_code FROM [{form.table}] WHERE {where[0]}"
        return {r[0] for r in self._conn.execute(sql, list(where[1]))}

    def changed_since(self, form_id: str, change_seq: int) -> int:
        """Records (deletions included) written after the store's change counter was ``change_seq``."""
        form = self._form(form_id)
        sql = f"SELECT count(*) FROM [{form.table}] WHERE change_seq > ?"
        return self._conn.execute(sql, [change_seq]).fetchone()[0]

    def data_lines(self, form_id: str, where: Where, version: int, skip: Sequence[str] = (), *,
                   recompute: bool = False) -> Iterator[str]:
        """The report data hash's line of each record of ``where`` (format ``version``, see
        :data:`DATA_LINE_VERSIONS`), by id, each ending in a newline; ``skip``: columns left out
        (``local_only`` fields). SQLite writes the JSON itself, which keeps 100.000 records well
        under a second; values are TEXT/INTEGER/NULL, so the text is stable."""
        form = self._form(form_id)
        if version == 3:
            yield from (self._recomputed_lines(form, where) if recompute else self._shared_hash_lines(form, where))
            return
        omit = {"id", "revision", *skip}
        cols = [c for c in (*COMMON_FIELDS, *form.field_names) if c not in omit]
        if version == 1:
            content = f"json_array({', '.join(f'[{c}]' for c in cols)})"
        elif version == 2:
            # json_patch drops the members whose value is null (RFC 7396): NULLs are left out
            pairs = ", ".join(f"'{c}', [{c}]" for c in sorted(cols))
            content = f"json_patch('{{}}', json_object({pairs}))"
        else:
            raise ValueError(f"unknown data hash version {version}")
        sql = f"SELECT json_array(?, id, revision, {content}) FROM [{form.table}] WHERE {where[0]} ORDER BY id"
        cur = self._conn.execute(sql, [form_id, *where[1]])
        while rows := cur.fetchmany(5000):
            yield "".join(r[0] + "\n" for r in rows)

    def _shared_hash_lines(self, form: FormDef, where: Where) -> Iterator[str]:
        """Version 3's lines: made by SQLite from the stored ``shared_hash``; a row without one (written
        before the column existed and not yet given it) is hashed here, as the program would store it."""
        sql = (f"SELECT ? || ',' || id || ',' || revision || ',' || shared_hash || char(10), id "
               f"FROM [{form.table}] WHERE {where[0]} ORDER BY id")
        cur = self._conn.execute(sql, [form.id, *where[1]])
        while rows := cur.fetchmany(5000):
            missing = [rid for line, rid in rows if line is None]
            if missing:
                hashed = self._shared_hashes(form, missing)
                yield "".join(line if line is not None else hashed[rid] for line, rid in rows)
            else:
                yield "".join([line for line, _ in rows])

    def _recomputed_lines(self, form: FormDef, where: Where) -> Iterator[str]:
        """Version 3's lines with every ``shared_hash`` computed from the record's content, not read: what
        checking a signed report against the data uses, so that a record changed behind the program's
        back (its stored hash left as it was) no longer matches."""
        cur = self._conn.execute(f"SELECT * FROM [{form.table}] WHERE {where[0]} ORDER BY id", list(where[1]))
        yield from self._lines_of(form, cur)

    def _shared_hashes(self, form: FormDef, ids: Sequence[str]) -> dict[str, str]:
        """``id -> its version 3 line`` of rows whose ``shared_hash`` is empty, computed from the row."""
        out: dict[str, str] = {}
        for i in range(0, len(ids), 500):
            part = list(ids[i:i + 500])
            cur = self._conn.execute(
                f"SELECT * FROM [{form.table}] WHERE id IN ({','.join('?' * len(part))})", part)
            for chunk in self._lines_of(form, cur, keyed=True):
                out.update(chunk)
        return out

    @staticmethod
    def _lines_of(form: FormDef, cur: Any, keyed: bool = False) -> Iterator[Any]:
        """Version 3's lines of the whole rows ``cur`` yields, their hashes computed from the content, a
        text per 5.000 rows (``keyed``: a dict id → line instead)."""
        shared_hash = audit.shared_hasher(form)
        names = [d[0] for d in cur.description]
        fid = form.id
        while rows := cur.fetchmany(5000):
            lines = {}
            for values in rows:
                row = dict(zip(names, values, strict=True))
                lines[row["id"]] = f"{fid},{row['id']},{row['revision']},{shared_hash(row)}\n"
            yield lines if keyed else "".join(lines.values())

    # -- the exchange's bookkeeping, as the report's completeness table reads it ---------------------
    def received_report_periods(self) -> list[tuple[str, str, list[str]]]:
        """``(unit code, package made at, periods of the signed reports it carried)`` of every package
        received, oldest first; empty when nothing was ever imported."""
        tables = {r[0] for r in self._conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "exchange_received" not in tables:
            return []
        out = []
        for code, created, reports in self._conn.execute(
                "SELECT unit_code, created_at, reports FROM exchange_received ORDER BY created_at"):
            try:
                periods = json.loads(reports or "[]")
            except ValueError:
                continue
            out.append((code, created or "", [str(p) for p in periods] if isinstance(periods, list) else []))
        return out
