"""The Store: one SQLite file with the records of every form, settings, and the audit log."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

import plan_desktop  # its __version__ is read from the package metadata when first asked (a new file)
from plan_desktop.domain.forms import COMMON_FIELDS, FormDef, FormSet, default_forms
from plan_desktop.domain.text import fold
from plan_desktop.store import audit, seal
from plan_desktop.store.backup import private_dir, private_file
from plan_desktop.store.db import (
    DamagedStoreError,
    StoreError,
    _sql_fold,
    connect,
    damaged_message,
    damaged_message_en,
    database,
    driver_errors,
)
from plan_desktop.store.periods import period_where
from plan_desktop.store.schema import SCHEMA_VERSION, migrations, schema_problems, sync_form_tables, sync_needed

#: Per form: the form, its content columns, its search-text function and its shared-hash function.
_FormHelpers = tuple[FormDef, tuple[str, ...], Callable[[Mapping[str, Any]], str], audit.SharedHasher]


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@dataclass(frozen=True)
class Query:
    """What a list shows: a unit (or all), a date range, a search text, an order, a window."""

    unit_code: str | None = None
    start: date | None = None
    end: date | None = None
    search: str = ""
    include_deleted: bool = False
    order_by: str | None = None  # a field name or common column
    descending: bool = False
    limit: int | None = None
    offset: int = 0
    #: a roster's records by the date they began, not by the period they were in force (what a package
    #: of the period carries)
    by_date: bool = False


class Store:
    """Open with :meth:`open`; close with :meth:`close` (or use as a context manager)."""

    def __init__(self, db: Database, path: Path | None, forms: FormSet, key: bytes | None = None):
        self.db = db
        self.path = path
        self.forms = forms
        #: the SQLCipher key of an encrypted file (None: a plain SQLite file); copies use it too
        self.key = key
        #: per form (by identity): its content columns and its search-text function
        self._per_form: dict[int, _FormHelpers] = {}

    # -- lifecycle ---------------------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path | str, forms: FormSet | None = None, *, create: bool = True,
             before_migrate: Callable[[Store], None] | None = None, key: bytes | None = None) -> Store:
        """Open (creating if allowed) and bring the schema up to date.

        ``before_migrate`` is called with the opened store when an existing file is about to be
        migrated (the services make a backup there).
        """
        path = Path(path)
        if not create and not path.exists():
            raise StoreError(f"Chưa có tệp dữ liệu tại {path}. Hãy chạy «plan-desktop init» trước.",
                             en=f"There is no data file at {path} yet. Run «plan-desktop init» first.")
        if not path.parent.exists():
            private_dir(path.parent)
        if not path.exists():
            private_file(path)  # owner-only from the first byte; SQLite gives its WAL the same mode
        db = connect(path, key=key)
        store = cls(db, path, forms or default_forms(), key)
        try:
            if before_migrate is not None and store.migration_pending():
                before_migrate(store)
            store.migrate()
        except (*driver_errors(), UnicodeDecodeError) as exc:
            db.close()
            if isinstance(exc, driver_errors("OperationalError")) and "malformed" not in str(exc):
                raise
            raise DamagedStoreError(damaged_message(path, str(exc)),
                                    en=damaged_message_en(path, str(exc))) from exc
        except Exception:
            db.close()
            raise
        return store

    @classmethod
    def memory(cls, forms: FormSet | None = None) -> Store:
        conn = sqlite3.connect(":memory:", isolation_level=None)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.create_function("fold", 1, _sql_fold, deterministic=True)
        store = cls(database(conn), None, forms or default_forms())
        store.migrate()
        return store

    def migration_pending(self) -> bool:
        """True for an existing store whose schema this version would change."""
        if not self.db["meta"].exists():
            return False  # a new file: nothing to protect
        return bool(migrations.pending(self.db)) or sync_needed(self.db, self.forms)

    def migrate(self) -> list[str]:
        """Apply pending numbered migrations, then derive form tables. Idempotent."""
        resealed = bool(migrations.pending(self.db))  # a migration may change a sealed table's columns
        migrations.apply(self.db)
        with self.db.atomic():
            changes = sync_form_tables(self.db, self.forms, utc_now())
            self.set_meta("schema_version", str(SCHEMA_VERSION))
            if self.get_meta("created_by_version") is None:
                self.set_meta("created_by_version", plan_desktop.__version__)
            if resealed:  # the program's own migrations just ran: the seal follows the new columns
                seal.write(self.db)
        seal.install(self.db)  # after the schema: a column just added is covered
        return changes

    def close(self) -> None:
        self.db.close()

    def reopen(self, key: bytes | None) -> None:
        """Open the (closed) file again, encrypted under ``key`` now: the same Store object, so whatever
        holds it (services, the window's pages) goes on working after protection is switched."""
        assert self.path is not None
        self.db = connect(self.path, key=key)
        self.key = key
        self._per_form.clear()
        self.migrate()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _query(self, sql: str, params: Sequence[Any] = ()) -> Iterator[dict[str, Any]]:
        """Rows of a SELECT as dicts. Unlike sqlite-utils' ``Database.query`` (which wraps every query
        in a savepoint: three statements, and outside a transaction a commit) this is one statement."""
        cursor = self.db.conn.execute(sql, params)
        keys = [d[0] for d in cursor.description]
        return (dict(zip(keys, row, strict=True)) for row in cursor)

    # -- meta and settings ---------------------------------------------------------------------------
    def get_meta(self, key: str) -> str | None:
        rows = list(self._query("SELECT value FROM meta WHERE key = ?", [key]))
        return rows[0]["value"] if rows else None

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute(
            "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value],
        )

    def get_setting(self, key: str, default: Any = None) -> Any:
        rows = list(self._query("SELECT value FROM settings WHERE key = ?", [key]))
        return json.loads(rows[0]["value"]) if rows else default

    def settings(self) -> dict[str, Any]:
        return {r["key"]: json.loads(r["value"]) for r in self._query("SELECT key, value FROM settings")}

    def set_settings(self, values: Mapping[str, Any]) -> None:
        """Write several settings in one transaction."""
        now = utc_now()
        with self.db.atomic():
            for key, value in values.items():
                self.db.execute(
                    "INSERT INTO settings(key, value, updated_at) VALUES (?, ?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
                    [key, json.dumps(value, ensure_ascii=False), now],
                )

    @property
    def unit_code(self) -> str | None:
        return self.get_setting("unit_code")

    # -- rows ----------------------------------------------------------------------------------------
    def _form_helpers(self, form: FormDef) -> _FormHelpers:
        h = self._per_form.get(id(form))
        if h is None or h[0] is not form:
            h = self._per_form[id(form)] = (form, (*COMMON_FIELDS, *form.field_names), _search_text_of(form),
                                            audit.shared_hasher(form))
        return h

    def content_columns(self, form: FormDef) -> list[str]:
        return list(self._form_helpers(form)[1])

    def row_hash(self, form: FormDef, row: Mapping[str, Any]) -> str:
        return audit.record_hash(form.id, row, self._form_helpers(form)[1])  # type: ignore[arg-type]

    def shared_hash(self, form: FormDef, row: Mapping[str, Any], content_hash: str | None = None) -> str:
        """The hash of what travels of a record (its content without ``local_only`` fields), stored in
        its ``shared_hash`` column and covered by a report's data hash (version 3); ``content_hash``:
        :meth:`row_hash` of the row when the caller has it (spares hashing again when the two agree)."""
        return self._form_helpers(form)[3](row, content_hash)

    def search_text(self, form: FormDef, row: Mapping[str, Any]) -> str:
        """The folded text a search box matches: text fields and choice labels."""
        return self._form_helpers(form)[2](row)

    def get_row(self, form: FormDef, record_id: str) -> dict[str, Any] | None:
        rows = list(self._query(f"SELECT * FROM [{form.table}] WHERE id = ?", [record_id]))
        return rows[0] if rows else None

    def to_values(self, form: FormDef, row: Mapping[str, Any]) -> dict[str, Any]:
        """A stored row as Python values (dates, lists, bools) plus the common fields."""
        get = row.get
        out = {c: get(c) for c in COMMON_FIELDS}
        out["deleted"] = bool(get("deleted"))
        for name, load in form.loaders:
            out[name] = load(get(name))
        return out

    def _where(self, form: FormDef, q: Query) -> tuple[str, list[Any]]:
        base, params = period_where(form, q.start, q.end, codes=[q.unit_code] if q.unit_code else None,
                                    by_date=q.by_date, include_deleted=q.include_deleted)
        clauses = [] if base == "1" else [base]
        if q.search.strip():
            for word in fold(q.search).split():
                clauses.append("search_text LIKE ? ESCAPE '\\'")
                esc = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                params.append(f"%{esc}%")
        where = " AND ".join(clauses) if clauses else "1"
        return where, params

    def _count_where(self, form: FormDef, q: Query) -> int:
        where, params = self._where(form, q)
        return self.db.conn.execute(f"SELECT count(*) FROM [{form.table}] WHERE {where}", params).fetchone()[0]

    def ids(self, form: FormDef, q: Query = Query()) -> list[str]:
        where, params = self._where(form, q)
        sql = f"SELECT id FROM [{form.table}] WHERE {where}{self._order(form, q)}"
        return [r[0] for r in self.db.execute(sql, params).fetchall()]

    def _order(self, form: FormDef, q: Query) -> str:
        allowed = set(COMMON_FIELDS) | set(form.field_names)
        col = q.order_by if q.order_by in allowed else (form.period_field or "created_at")
        direction = "DESC" if q.descending or (q.order_by is None and form.period_field) else "ASC"
        return f" ORDER BY [{col}] {direction}, rowid {direction}"

    def rows(self, form: FormDef, q: Query = Query()) -> Iterator[dict[str, Any]]:
        where, params = self._where(form, q)
        sql = f"SELECT * FROM [{form.table}] WHERE {where}{self._order(form, q)}"
        if q.limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params = [*params, q.limit, q.offset]
        yield from self._query(sql, params)

    def rows_by_ids(self, form: FormDef, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        for i in range(0, len(ids), 500):
            chunk = list(ids[i : i + 500])
            marks = ",".join("?" * len(chunk))
            for r in self._query(f"SELECT * FROM [{form.table}] WHERE id IN ({marks})", chunk):
                out[r["id"]] = r
        return out

    # -- lists: rows by rowid, chosen from the indexes ------------------------------------------------
    # A list of 100.000 records must show its first screen at once. These give the rowids of what
    # ids() gives, in the same order, without reading the table: the period (and unit) and the order
    # come from an index, and the deleted rows (few) are left out by a look in the (unit_code, deleted)
    # index. A rowid changes when a row is written again (INSERT OR REPLACE), so a list reads its
    # rowids again after every change.
    def deleted_keys(self, form: FormDef) -> set[int]:
        """Rowids of the deleted rows (what ``deleted = 0`` leaves out)."""
        sql = f"SELECT rowid FROM [{form.table}] WHERE deleted IS NOT 0"
        return {r[0] for r in self.db.conn.execute(sql)}

    def row_keys(self, form: FormDef, q: Query = Query(), limit: int | None = None,
                 deleted: set[int] | None = None) -> list[int]:
        """Rowids of the rows :meth:`ids` gives for ``q``, in the same order (the first ``limit``).

        ``deleted`` is :meth:`deleted_keys` when the caller has it already."""
        conn = self.db.conn
        order = self._order(form, q)
        if q.include_deleted or q.search.strip():
            where, params = self._where(form, q)
            sql = f"SELECT rowid FROM [{form.table}] WHERE {where}{order}"
            if limit is not None:
                sql += f" LIMIT {int(limit)}"
            return [r[0] for r in conn.execute(sql, params)]
        where, params = self._where(form, replace(q, include_deleted=True))
        if deleted is None:
            deleted = self.deleted_keys(form)
        sql = f"SELECT rowid FROM [{form.table}] WHERE {where}{order}"
        if limit is not None:
            sql += f" LIMIT {int(limit) + len(deleted)}"
        keys = [r[0] for r in conn.execute(sql, params)]
        if deleted:
            keys = [k for k in keys if k not in deleted]
        return keys if limit is None else keys[:limit]

    def any(self, form: FormDef, q: Query = Query()) -> bool:
        """Whether ``q`` has at least one row: the first one the indexes find, not a count of them all."""
        where, params = self._where(form, q)
        sql = f"SELECT 1 FROM [{form.table}] WHERE {where} LIMIT 1"
        return self.db.conn.execute(sql, params).fetchone() is not None

    def count(self, form: FormDef, q: Query = Query(), deleted: set[int] | None = None) -> int:
        """The rows of ``q``. Without a search, from the indexes: the rows of the period (and unit) less
        the deleted ones among them (``deleted = 0`` would read every row of the period). ``deleted`` is
        :meth:`deleted_keys` when the caller has it already."""
        if q.include_deleted or q.search.strip():
            return self._count_where(form, q)
        if q.unit_code and form.period_field:  # (unit_code, deleted, period) answers it on its own
            return self._count_where(form, q)
        if deleted is None:
            deleted = self.deleted_keys(form)
        if len(deleted) > 5000:  # many deleted rows: let SQLite count them out
            return self._count_where(form, q)
        where, params = self._where(form, replace(q, include_deleted=True))
        conn = self.db.conn
        n = conn.execute(f"SELECT count(*) FROM [{form.table}] WHERE {where}", params).fetchone()[0]
        gone = sorted(deleted)
        for i in range(0, len(gone), 500):
            chunk = gone[i : i + 500]
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT count(*) FROM [{form.table}] WHERE ({where}) AND rowid IN ({marks})"
            n -= conn.execute(sql, [*params, *chunk]).fetchone()[0]
        return n

    def rows_by_rowids(self, form: FormDef, keys: Sequence[int]) -> dict[int, dict[str, Any]]:
        out: dict[int, dict[str, Any]] = {}
        conn = self.db.conn
        for i in range(0, len(keys), 500):
            chunk = list(keys[i : i + 500])
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT rowid AS __rowid__, * FROM [{form.table}] WHERE rowid IN ({marks})"
            cursor = conn.execute(sql, chunk)
            names = [d[0] for d in cursor.description]
            for row in cursor:
                r = dict(zip(names, row, strict=True))
                out[r.pop("__rowid__")] = r
        return out

    def ids_by_rowids(self, form: FormDef, keys: Sequence[int]) -> dict[int, str]:
        out: dict[int, str] = {}
        for i in range(0, len(keys), 500):
            chunk = list(keys[i : i + 500])
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT rowid, id FROM [{form.table}] WHERE rowid IN ({marks})"
            out.update(self.db.conn.execute(sql, chunk))
        return out

    def column_by_rowid(self, form: FormDef, column: str) -> list[tuple[int, Any]]:
        """``(rowid, value)`` of one column (a field or ``unit_code``) of every row."""
        allowed = {*COMMON_FIELDS, *form.field_names}
        if column not in allowed:
            raise ValueError(column)
        return self.db.conn.execute(f"SELECT rowid, [{column}] FROM [{form.table}]").fetchall()

    def key_of(self, form: FormDef, record_id: str) -> int | None:
        row = self.db.conn.execute(f"SELECT rowid FROM [{form.table}] WHERE id = ?", [record_id]).fetchone()
        return row[0] if row else None

    def search_texts(self, form: FormDef, after: int = 0, limit: int = 5000) -> list[tuple[int, str | None]]:
        """``(rowid, search_text)`` of the rows after rowid ``after``, in rowid order: a list reads them
        a few thousand at a time while the officer looks at its first screen."""
        sql = f"SELECT rowid, search_text FROM [{form.table}] WHERE rowid > ? ORDER BY rowid LIMIT ?"
        return self.db.conn.execute(sql, [after, limit]).fetchall()

    def record_exists(self, form_id: str, record_id: str, unit_code: str | None) -> bool:
        form = self.forms[form_id]
        sql = f"SELECT 1 FROM [{form.table}] WHERE id = ? AND deleted = 0"
        params: list[Any] = [record_id]
        if unit_code:
            sql += " AND unit_code = ?"
            params.append(unit_code)
        return bool(self.db.execute(sql, params).fetchone())

    def record_unit(self, form_id: str, record_id: str) -> str | None:
        """The unit that owns a live record (None when there is no such record)."""
        row = self.db.execute(f"SELECT unit_code FROM [{self.forms[form_id].table}] WHERE id = ? AND deleted = 0",
                              [record_id]).fetchone()
        return row[0] if row else None

    def value_unique(self, form_id: str, field_name: str, value: Any, unit_code: str, exclude_id: str | None) -> bool:
        form = self.forms[form_id]
        sql = f"SELECT 1 FROM [{form.table}] WHERE [{field_name}] = ? AND unit_code = ? AND deleted = 0"
        params: list[Any] = [value, unit_code]
        if exclude_id:
            sql += " AND id != ?"
            params.append(exclude_id)
        return not self.db.execute(sql, params).fetchone()

    # -- integrity -------------------------------------------------------------------------------------
    def check(self) -> list[str]:
        """SQLite's integrity check, the schema (nothing the program did not make), the audit chain, the
        seal of settings, locks and exchange bookkeeping (store/seal.py), and every record against its
        last audit row (content, revision, ``change_seq``, ``search_text``, ``shared_hash``).

        Returns a list of Vietnamese problem descriptions (empty when all is well).
        """
        problems: list[str] = []
        result = [r[0] for r in self.db.execute("PRAGMA integrity_check").fetchall()]
        if result != ["ok"]:
            problems.append("Kiểm tra toàn vẹn SQLite báo lỗi: " + "; ".join(result[:5]))
        problems.extend(schema_problems(self.db, self.forms))
        problems.extend(p.message for p in audit.verify_chain(self.db))
        problems.extend(seal.verify(self.db))
        last: dict[tuple[str, str], tuple[int, str, int]] = {}
        for r in self.db.execute(
            "SELECT form, record_id, revision, content_hash, seq FROM audit_log "
            "WHERE record_id IS NOT NULL ORDER BY seq"
        ):
            last[(r[0], r[1])] = (r[2], r[3], r[4])
        for form in self.forms.values():
            seen: set[str] = set()
            for row in self._query(f"SELECT * FROM [{form.table}]"):
                key = (form.id, row["id"])
                seen.add(row["id"])
                label = f"{form.label} (mã {row['id']})"
                if key not in last:
                    problems.append(f"{label}: bản ghi được thêm ngoài chương trình (không có trong nhật ký).")
                    continue
                rev, h, seq = last[key]
                content_hash = self.row_hash(form, row)
                if rev != row["revision"] or h != content_hash:
                    problems.append(f"{label}: bản ghi đã bị sửa ngoài chương trình.")
                elif row.get("shared_hash") not in (None, self.shared_hash(form, row, content_hash)):
                    problems.append(f"{label}: mã băm nội dung (shared_hash) đã bị sửa ngoài chương trình; "
                                    "mã băm dữ liệu của báo cáo sẽ không khớp với bản ghi.")
                elif row.get("change_seq") != seq:  # decides whether the next export carries the record
                    problems.append(f"{label}: số thứ tự thay đổi (change_seq) đã bị sửa ngoài chương trình; "
                                    "bản ghi có thể bị bỏ sót khi gửi lên cấp trên.")
                elif (row.get("search_text") or "") != self.search_text(form, row):
                    problems.append(f"{label}: nội dung tìm kiếm (search_text) đã bị sửa ngoài chương trình; "
                                    "ô tìm kiếm có thể không tìm thấy bản ghi.")
            for (fid, rid) in last:
                if fid == form.id and rid not in seen:
                    problems.append(f"{form.label} (mã {rid}): bản ghi đã bị xóa ngoài chương trình.")
        return problems


def _search_text_of(form: FormDef) -> Callable[[Mapping[str, Any]], str]:
    """``row -> folded search text`` for one form: ``fold(" | ".join(parts))`` where the parts are its
    text fields and the labels of its choices, in field order.

    Folding works character by character, so the parts are folded one by one and the folded labels of
    a stored choice value are kept (a row's labels are mostly the same few): the result is the same
    string, with only the free text folded per row."""
    memo_max = 4096
    spec: list[tuple[str, str, Any, dict[Any, Any]]] = []
    for f in form.fields:
        if f.type in ("text", "choice", "choices"):
            spec.append((f.name, f.type, f, {}))

    def search_text(row: Mapping[str, Any]) -> str:
        parts: list[str] = []
        for name, kind, f, memo in spec:
            v = row.get(name)
            if v is None:
                continue
            if kind == "text":
                parts.append(fold(str(v)))
                continue
            key = (v.__class__, v)  # 1 and True are different values here
            try:
                folded = memo.get(key)
            except TypeError:  # an unhashable stored value (a list): no memo
                folded, memo = None, None
            if folded is None:
                if kind == "choice":
                    folded = (fold(f.choice_label(v)),)
                else:
                    folded = tuple(fold(f.choice_label(c)) for c in f.from_storage(v))
                if memo is not None and len(memo) < memo_max:
                    memo[key] = folded
            parts.extend(folded)
        text = " | ".join(parts)
        # a part that folds to nothing leaves a double space, which fold() of the whole would not
        return " ".join(text.split()) if "" in parts else text

    return search_text
