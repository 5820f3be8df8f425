"""The one service that writes records: validate, bump revision, append an audit row, commit.

Every write (dialog, CSV/XLSX import, demo data) goes through :class:`RecordService`, in one
transaction per call. Listeners registered with :meth:`RecordService.subscribe` hear about changes
(the window's models refresh on them); they are plain callables, so this layer has no Qt.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from plan_desktop.domain.forms import INTERNAL_FIELDS, FormDef
from plan_desktop.domain.units import default_registry
from plan_desktop.domain.validation import FieldIssue, Reason, ValidationError, ValidationResult, validate
from plan_desktop.store import Store, audit, form_rows, utc_now
from plan_desktop.store.ids import new_id
from plan_desktop.usererror import UserError

_TRAILING_DIGITS = re.compile(r"\d+$")


def _lost_zeros(form: FormDef, current: Mapping[str, Any], values: Mapping[str, Any]) -> list[FieldIssue]:
    """A code stored with leading zeros («0012», «0700786453») that comes back from a spreadsheet as the same
    number without them («12»): the spreadsheet turned the cell into a number. Refused, naming the code."""
    issues = []
    for fd in form.fields:
        if fd.type != "text":
            continue
        old, new = current.get(fd.name), values.get(fd.name)
        if (isinstance(old, str) and isinstance(new, str) and old != new and old.isdigit() and new.isdigit()
                and old.startswith("0") and old.lstrip("0") == new.lstrip("0")):
            issues.append(FieldIssue(fd.name, fd.label, Reason(
                f"«{new}» đã mất số 0 ở đầu (đang lưu «{old}»): bảng tính đã đổi ô thành số. Định dạng cột là "
                f"Văn bản (Text), gõ lại «{old}» rồi nhập lại.",
                f"«{new}» has lost its leading zeros (stored: «{old}»): the spreadsheet turned the cell into a "
                f"number. Format the column as Text, type «{old}» again and import again."), fd.label_en))
    return issues


class RecordError(UserError, ValueError):
    """A write was refused for a reason other than field validation (Vietnamese message)."""


@dataclass
class StoreContext:
    """Validation context backed by the store: references and uniqueness within the owning unit."""

    store: Store
    unit_code: str
    today: date = field(default_factory=date.today)
    #: the installation's own unit: a record of another unit has its local_only values empty here
    home_unit: str | None = None

    def ref_exists(self, form_id: str, record_id: str, unit_code: str) -> bool:
        return self.store.record_exists(form_id, record_id, unit_code)

    def ref_exists_below(self, form_id: str, record_id: str, unit_code: str) -> bool:
        owner = self.store.record_unit(form_id, record_id)
        return owner is not None and default_registry().ever_below(unit_code, owner)

    def is_unique(self, form_id, field_name, value, unit_code, exclude_id) -> bool:
        return self.store.value_unique(form_id, field_name, value, unit_code, exclude_id)


class _BatchContext:
    """A :class:`StoreContext` for validating one batch: nothing is written while a batch is checked,
    so each distinct reference or unique value is looked up once (an import of 5.000 inspections of
    100 establishments asks 100 questions, not 5.000)."""

    def __init__(self, ctx: StoreContext):
        self.ctx = ctx
        self.today = ctx.today
        self.unit_code = ctx.unit_code
        self.home_unit = ctx.home_unit
        self._refs: dict[tuple[str, ...], bool] = {}
        self._unique: dict[tuple[Any, ...], bool] = {}

    def ref_exists(self, form_id: str, record_id: str, unit_code: str) -> bool:
        key = (form_id, record_id, unit_code)
        found = self._refs.get(key)
        if found is None:
            found = self._refs[key] = self.ctx.ref_exists(form_id, record_id, unit_code)
        return found

    def ref_exists_below(self, form_id: str, record_id: str, unit_code: str) -> bool:
        key = ("below", form_id, record_id, unit_code)
        found = self._refs.get(key)
        if found is None:
            found = self._refs[key] = self.ctx.ref_exists_below(form_id, record_id, unit_code)
        return found

    def is_unique(self, form_id, field_name, value, unit_code, exclude_id) -> bool:
        key = (form_id, field_name, value.__class__, value, unit_code, exclude_id)
        try:
            found = self._unique.get(key)
        except TypeError:  # an unhashable value: ask
            return self.ctx.is_unique(form_id, field_name, value, unit_code, exclude_id)
        if found is None:
            found = self._unique[key] = self.ctx.is_unique(form_id, field_name, value, unit_code, exclude_id)
        return found


@dataclass(frozen=True)
class Change:
    form_id: str
    record_ids: tuple[str, ...]
    action: str  # create | update | delete | restore | import | move


Listener = Callable[[Change], None]
Guard = Callable[[FormDef, Mapping[str, Any]], None]


class RecordService:
    WRITE_CHUNK = 2000

    def __init__(self, store: Store, actor: str = "", today: Callable[[], date] = date.today):
        self.store = store
        self.actor = actor or store.get_setting("officer_name", "") or ""
        self._today = today
        self._listeners: list[Listener] = []
        self._unit_code: str | None = None
        #: Extra guards run before any write (e.g. locked periods); each raises RecordError. A guard may
        #: also offer ``for_batch(form) -> guard``: :meth:`write_many` then calls that once and checks
        #: the batch's rows with what it returns (e.g. the locks read once instead of once per row).
        self.guards: list[Guard] = []

    # -- listeners --------------------------------------------------------------------------------
    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def _emit(self, change: Change) -> None:
        for listener in list(self._listeners):
            listener(change)

    # -- helpers ------------------------------------------------------------------------------------
    @property
    def unit_code(self) -> str:
        if self._unit_code:
            return self._unit_code
        code = self._unit_code = self.store.unit_code
        if not code:
            raise RecordError("Chương trình chưa được thiết lập cho đơn vị nào. Hãy chạy «plan-desktop init».",
                              en="The program has not been set up for a unit. Run «plan-desktop init».")
        return code

    def context(self, unit_code: str | None = None) -> StoreContext:
        return StoreContext(self.store, unit_code or self.unit_code, self._today(), self.unit_code)

    def check(self, form_id: str, values: Mapping[str, Any], record_id: str | None = None,
              unit_code: str | None = None) -> ValidationResult:
        """Validate without writing (the dialog shows the issues at the fields)."""
        form = self.store.forms[form_id]
        return validate(form, values, self.context(unit_code), record_id=record_id)

    # -- values the program makes (pseudonyms) ----------------------------------------------------------
    def next_generated(self, form_id: str, field_name: str, unit_code: str | None = None,
                       taken: Iterable[str] = ()) -> str:
        """The next value of a field the program makes (``generate`` in the form, e.g. ``HT-13597-0008``):
        one above the highest number already used by the unit (deleted records included, so a code is
        never given to two people), and above ``taken`` (codes handed out in the same batch)."""
        form = self.store.forms[form_id]
        fd = form.field(field_name)
        unit = unit_code or self.unit_code
        pattern = fd.pattern_for(unit)
        highest = 0
        taken = list(taken)
        # codes handed out in this batch were made in order, above everything stored: the last is the highest
        values = taken[-1:] or [v for _, v in self.store.column_by_rowid(form, field_name)]
        for v in values:
            if isinstance(v, str) and pattern is not None and pattern.fullmatch(v):
                digits = _TRAILING_DIGITS.search(v)
                if digits:
                    highest = max(highest, int(digits.group()))
        return fd.example_for(unit, highest + 1)

    def _with_generated(self, form: FormDef, values: Mapping[str, Any], unit: str,
                        taken: list[str] | None = None) -> Mapping[str, Any]:
        """``values`` with every blank ``generate`` field made by the program."""
        blank = [fd for fd in form.fields if fd.generate and not str(values.get(fd.name) or "").strip()]
        if not blank:
            return values
        out = dict(values)
        for fd in blank:
            out[fd.name] = self.next_generated(form.id, fd.name, unit, taken or ())
            if taken is not None:
                taken.append(out[fd.name])
        return out

    def get(self, form_id: str, record_id: str) -> dict[str, Any] | None:
        form = self.store.forms[form_id]
        row = self.store.get_row(form, record_id)
        return self.store.to_values(form, row) if row else None

    def _guard(self, form: FormDef, row: Mapping[str, Any], guards: list[Guard] | None = None) -> None:
        if row.get("unit_code") != self.unit_code:
            raise RecordError(
                f"Bản ghi này thuộc đơn vị có mã {row.get('unit_code')}; chỉ đơn vị đó được sửa hoặc xóa.",
                en=f"This record belongs to the unit with code {row.get('unit_code')}; only that unit may "
                   "change or delete it.",
            )
        for g in self.guards if guards is None else guards:
            g(form, row)

    def _store_row(self, form: FormDef, values: Mapping[str, Any]) -> dict[str, Any]:
        """``{field: field.to_storage(value)}`` (each field's conversion chosen once, see FieldDef.storer)."""
        get = values.get
        return {name: (get(name) if conv is None else conv(get(name))) for name, conv in form.storers}

    def _write(self, form: FormDef, row: dict[str, Any], action: str, ap: audit.Appender,
               note: str | None = None) -> None:
        """Insert or replace one full row and append its audit row. Caller holds the transaction."""
        self._write_rows(form, [(action, row)], ap, note)

    def _write_rows(self, form: FormDef, rows: list[tuple[str, dict[str, Any]]], ap: audit.Appender,
                    note: str | None = None, hashes: Mapping[str, str] | None = None) -> None:
        """Insert or replace full rows and append their audit rows, in order, with one statement per
        run of rows that have the same columns and one for the audit rows. Caller holds the transaction.

        Row ``k`` gets ``change_seq`` = the seq of its audit row, exactly as writing them one by one.
        Rows go in chunks of :attr:`WRITE_CHUNK`, so that a big import does not hold every statement's
        parameters at once. ``hashes`` (record id → :meth:`Store.row_hash`) spares hashing rows whose
        content hash the caller already has."""
        for i in range(0, len(rows), self.WRITE_CHUNK):
            self._write_chunk(form, rows[i : i + self.WRITE_CHUNK], ap, note, hashes or {})

    def _write_chunk(self, form: FormDef, rows: list[tuple[str, dict[str, Any]]], ap: audit.Appender,
                     note: str | None, hashes: Mapping[str, str]) -> None:
        store = self.store
        conn = store.db.conn
        seq = ap.seq
        entries: list[dict[str, Any]] = []
        batch: list[list[Any]] = []
        batch_sql = ""
        for action, row in rows:
            seq += 1
            content_hash = hashes.get(row["id"]) or store.row_hash(form, row)
            row["change_seq"] = seq
            row["search_text"] = store.search_text(form, row)
            row["shared_hash"] = store.shared_hash(form, row, content_hash)
            sql = form_rows.upsert_statement(form.table, tuple(row))
            if sql is not batch_sql and batch:
                form_rows.write_batch(conn, batch_sql, batch)
                batch = []
            batch_sql = sql
            batch.append(tuple(row.values()))  # in the order of cols
            entries.append({
                "at": row["updated_at"], "actor": self.actor, "action": action, "form": form.id,
                "record_id": row["id"], "unit_code": row["unit_code"], "revision": row["revision"],
                "content_hash": content_hash, "note": note,
            })
        if batch:
            form_rows.write_batch(conn, batch_sql, batch)
        ap.append_many(entries)

    def _transaction(self):
        """One transaction with an audit appender: ``with self._transaction() as ap: ...``."""
        return _Transaction(self.store)

    def _validated(self, form: FormDef, values: Mapping[str, Any], unit_code: str,
                   record_id: str | None = None) -> dict[str, Any]:
        result = validate(form, values, self.context(unit_code), record_id=record_id, unit_code=unit_code)
        if not result.ok:
            raise ValidationError(result.issues)
        return result.values

    def _prepare_create(self, form: FormDef, clean: Mapping[str, Any], record_id: str | None,
                        unit_code: str, guards: list[Guard] | None = None, now: str | None = None) -> dict[str, Any]:
        """A new row from validated values (``now``: the batch's one timestamp, else the clock's)."""
        now = now or utc_now()
        row = {
            "id": record_id or new_id(),
            "unit_code": unit_code,
            "revision": 1,
            "created_at": now,
            "updated_at": now,
            "created_by": self.actor,
            "updated_by": self.actor,
            "deleted": 0,
            **self._store_row(form, clean),
        }
        if unit_code == self.unit_code:  # demo rows of child units skip the owner's guards
            self._guard(form, row, guards)
        return row

    def _prepare_update(self, form: FormDef, current: Mapping[str, Any], clean: Mapping[str, Any],
                        expected_revision: int | None,
                        guards: list[Guard] | None = None) -> dict[str, Any] | None:
        """The next revision of ``current`` from validated values, or None when nothing changed."""
        self._guard(form, current, guards)
        if current["deleted"]:
            raise RecordError("Bản ghi này đã bị xóa; hãy khôi phục trước khi sửa.",
                              en="This record has been deleted; restore it before changing it.")
        if expected_revision is not None and current["revision"] != expected_revision:
            raise RecordError(
                "Bản ghi đã được thay đổi ở nơi khác kể từ khi mở. Hãy đóng và mở lại để xem bản mới nhất.",
                en="The record has been changed elsewhere since it was opened. Close and reopen it to see the "
                   "latest version.",
            )
        new_fields = self._store_row(form, clean)
        for fd in form.fields:
            if fd.keep_true and current.get(fd.name) and not new_fields.get(fd.name):
                ended = form.field(fd.keep_true)
                raise RecordError(
                    f"Không bỏ đánh dấu «{fd.label}» của bản ghi đã có: hãy nhập «{ended.label}» để số liệu "
                    "của những ngày trước vẫn giữ nguyên.",
                    en=f"«{fd.label_en or fd.label}» cannot be cleared on an existing record: enter "
                       f"«{ended.label_en or ended.label}» instead, so earlier dates keep their figures.")
        if all(current.get(k) == v for k, v in new_fields.items()):
            return None  # nothing changed: no new revision
        row = {c: current[c] for c in ("id", "unit_code", "created_at", "created_by", "deleted")}
        row.update(new_fields)
        # the new values must be allowed too (e.g. not moved into a locked period)
        self._guard(form, row, guards)
        row.update(revision=current["revision"] + 1, updated_at=utc_now(), updated_by=self.actor)
        return row

    # -- public writes --------------------------------------------------------------------------------
    def create(self, form_id: str, values: Mapping[str, Any], *, record_id: str | None = None) -> dict[str, Any]:
        form = self.store.forms[form_id]
        unit = self.unit_code
        values = self._with_generated(form, values, unit)
        row = self._prepare_create(form, self._validated(form, values, unit), record_id, unit)
        with self._transaction() as ap:
            if record_id and self.store.get_row(form, record_id):
                raise RecordError(f"Đã có bản ghi với mã {record_id}.",
                                  en=f"A record with the code {record_id} already exists.")
            self._write(form, row, "create", ap)
        self._emit(Change(form.id, (row["id"],), "create"))
        return self.store.to_values(form, row)

    def update(self, form_id: str, record_id: str, values: Mapping[str, Any], *,
               expected_revision: int | None = None) -> dict[str, Any]:
        form = self.store.forms[form_id]
        with self._transaction() as ap:
            current = self.store.get_row(form, record_id)
            if current is None:
                raise RecordError("Không tìm thấy bản ghi cần sửa (có thể đã bị xóa).",
                                  en="The record to change was not found (it may have been deleted).")
            clean = self._validated(form, values, current["unit_code"], record_id)
            row = self._prepare_update(form, current, clean, expected_revision)
            if row is None:
                return self.store.to_values(form, current)
            self._write(form, row, "update", ap)
        self._emit(Change(form.id, (record_id,), "update"))
        return self.store.to_values(form, row)

    def save(self, form_id: str, values: Mapping[str, Any], record_id: str | None = None,
             expected_revision: int | None = None) -> dict[str, Any]:
        if record_id and self.store.get_row(self.store.forms[form_id], record_id):
            return self.update(form_id, record_id, values, expected_revision=expected_revision)
        return self.create(form_id, values, record_id=record_id)

    def _set_deleted(self, form_id: str, record_ids: Iterable[str], deleted: bool) -> list[str]:
        form = self.store.forms[form_id]
        done: list[str] = []
        with self._transaction() as ap:
            for rid in record_ids:
                current = self.store.get_row(form, rid)
                if current is None:
                    raise RecordError("Không tìm thấy bản ghi cần xóa.",
                                      en="The record to delete was not found.")
                self._guard(form, current)
                if bool(current["deleted"]) == deleted:
                    continue
                if not deleted:  # a restored record must still be valid (e.g. unique per unit)
                    result = validate(form, self.store.to_values(form, current), self.context(current["unit_code"]),
                                      record_id=rid)
                    if not result.ok:
                        raise ValidationError(result.issues)
                row = {k: current[k] for k in current if k not in INTERNAL_FIELDS}
                row.update(deleted=int(deleted), revision=current["revision"] + 1, updated_at=utc_now(),
                           updated_by=self.actor)
                self._write(form, row, "delete" if deleted else "restore", ap)
                done.append(rid)
        if done:
            self._emit(Change(form.id, tuple(done), "delete" if deleted else "restore"))
        return done

    def delete(self, form_id: str, *record_ids: str) -> list[str]:
        """Tombstone: the record stays (and travels in packages) marked deleted."""
        return self._set_deleted(form_id, record_ids, True)

    def restore(self, form_id: str, *record_ids: str) -> list[str]:
        """Undo a delete."""
        return self._set_deleted(form_id, record_ids, False)

    def _require_below(self, unit_code: str) -> None:
        """Records of another unit may be written here only for a unit below this one (demo data)."""
        if not default_registry().ever_below(self.unit_code, unit_code):
            raise RecordError(f"Không ghi được bản ghi cho đơn vị mã {unit_code}: đơn vị này không trực thuộc "
                              f"đơn vị {self.unit_code}.",
                              en=f"Cannot save a record for the unit with code {unit_code}: that unit is not under "
                                 f"unit {self.unit_code}.")

    def write_many(self, form_id: str, items: list[tuple[str | None, Mapping[str, Any]]],
                   *, unit_code: str | None = None,
                   lines: Sequence[int] | None = None) -> tuple[int, int, list[tuple[int, FieldIssue]]]:
        """All-or-nothing write of many records: ``items`` are ``(record_id or None, values)``.

        Validates every item first; if any is invalid nothing is written and the issues are returned
        as ``(index, issue)``. Otherwise writes all in one transaction. Returns (created, updated, issues).
        ``unit_code`` lets demo data be written for the installation's child units; ``lines`` are the items'
        line numbers in the file they came from (a duplicate names the line it repeats).
        """
        form = self.store.forms[form_id]
        unit = unit_code or self.unit_code
        if unit != self.unit_code:
            self._require_below(unit)
        issues: list[tuple[int, FieldIssue]] = []
        rows: list[tuple[str, dict[str, Any]]] = []
        unique_fields = [fd for fd in form.fields if fd.unique]
        # one transaction from the first read: the rows are written as they were checked
        with self._transaction() as ap:
            ctx = _BatchContext(self.context(unit))
            guards = [g.for_batch(form) if hasattr(g, "for_batch") else g for g in self.guards]
            existing = self.store.rows_by_ids(form, [rid for rid, _ in items if rid])
            seen_unique: dict[tuple[str, Any], int] = {}
            now = utc_now()  # one transaction, one moment: every new row of the batch carries it
            taken: list[str] = []
            for idx, (rid, values) in enumerate(items):
                current = existing.get(rid) if rid else None
                if current is None:
                    values = self._with_generated(form, values, unit, taken)
                result = validate(form, values, ctx, record_id=rid, unit_code=unit)
                for fd in unique_fields:  # unique within the batch too
                    if result.values.get(fd.name) is not None:
                        key = (fd.name, result.values[fd.name])
                        if key in seen_unique:
                            first = seen_unique[key]
                            line = lines[first] if lines is not None else first + 1
                            result.issues.append(FieldIssue(
                                fd.name, fd.label,
                                Reason(f"trùng với dòng {line} ở trên.", f"the same as line {line} above."),
                                fd.label_en))
                        seen_unique.setdefault(key, idx)
                if current is not None and result.ok:
                    result.issues.extend(_lost_zeros(form, current, result.values))
                if not result.ok:
                    issues.extend((idx, i) for i in result.issues)
                    continue
                try:
                    if current is None:
                        rows.append(("create", self._prepare_create(form, result.values, rid, unit, guards, now)))
                    else:
                        row = self._prepare_update(form, current, result.values, None, guards)
                        if row is not None:
                            rows.append(("update", row))
                except RecordError as exc:
                    issues.append((idx, FieldIssue(None, "", str(exc))))
                except ValidationError as exc:
                    issues.extend((idx, i) for i in exc.issues)
            if issues:
                return 0, 0, issues
            self._write_rows(form, rows, ap, note="import" if unit_code is None else None)
        created = sum(1 for a, _ in rows if a == "create")
        if rows:
            self._emit(Change(form.id, tuple(r["id"] for _, r in rows), "import"))
        return created, len(rows) - created, []

    # -- an abolished unit's rosters taken over by its successor ------------------------------------------
    def move_records(self, batches: list[tuple[str, list[tuple[str, Mapping[str, Any]]], list[tuple[str, str,
                     Mapping[str, Any]]]]], note: str) -> dict[str, int]:
        """Write a move of records from one unit below to another, all forms in one transaction.

        ``batches`` are ``(form_id, ends, copies)``: ``ends`` the ``(record id, new values)`` of records that
        stop at the unit they belonged to, ``copies`` the ``(new id, unit code, values)`` of the records
        that carry on at the other unit. Every record is validated as its unit's own would be (so a copy
        dated after its unit's abolition is refused too); each write bumps the revision and appends an
        audit row with action ``move`` and ``note``. For units below this one only (a district moving
        the rosters of an abolished commune); nothing is written if anything is refused.
        Returns ``{form_id: records moved}``."""
        moved: dict[str, int] = {}
        changed: list[Change] = []
        with self._transaction() as ap:
            now = utc_now()
            for form_id, ends, copies in batches:
                form = self.store.forms[form_id]
                rows: list[tuple[str, dict[str, Any]]] = []
                current = self.store.rows_by_ids(form, [rid for rid, _ in ends])
                for rid, values in ends:
                    cur = current.get(rid)
                    if cur is None or cur["deleted"]:
                        raise RecordError(f"Không tìm thấy bản ghi {rid} cần chuyển.",
                                          en=f"The record {rid} to move was not found.")
                    self._require_below(cur["unit_code"])
                    clean = self._validated(form, values, cur["unit_code"], rid)
                    row = {c: cur[c] for c in ("id", "unit_code", "created_at", "created_by", "deleted")}
                    row.update(self._store_row(form, clean))
                    row.update(revision=cur["revision"] + 1, updated_at=now, updated_by=self.actor)
                    rows.append(("move", row))
                existing = self.store.rows_by_ids(form, [rid for rid, _, _ in copies])
                for rid, unit, values in copies:
                    if rid in existing:
                        raise RecordError(f"Bản ghi {rid} đã được chuyển trước đây.",
                                          en=f"The record {rid} has already been moved.")
                    self._require_below(unit)
                    clean = self._validated(form, values, unit)
                    rows.append(("move", {
                        "id": rid, "unit_code": unit, "revision": 1, "created_at": now, "updated_at": now,
                        "created_by": self.actor, "updated_by": self.actor, "deleted": 0,
                        **self._store_row(form, clean),
                    }))
                if rows:
                    self._write_rows(form, rows, ap, note)
                    moved[form_id] = len(copies)
                    changed.append(Change(form_id, tuple(r["id"] for _, r in rows), "move"))
        for change in changed:
            self._emit(change)
        return moved

    # -- records that arrive from elsewhere (USB packages) -----------------------------------------------
    def apply_incoming(self, form_id: str, row: Mapping[str, Any], *, note: str | None = None,
                       appender: audit.Appender | None = None) -> None:
        """Write a record exactly as another installation stored it (id, unit, revision, timestamps kept).

        For the package import only: the caller has verified the package, decided that this revision
        wins, and holds the transaction (``with store.db.atomic():``). Appends an ``import`` audit row.
        Listeners are not told here; the caller emits one :class:`Change` per form afterwards via
        :meth:`notify`.
        """
        self.apply_incoming_many(form_id, [row], note=note, appender=appender)

    def apply_incoming_many(self, form_id: str, rows: list[Mapping[str, Any]], *, note: str | None = None,
                            appender: audit.Appender | None = None,
                            hashes: Mapping[str, str] | None = None) -> None:
        """:meth:`apply_incoming` for many records of one form, in order: the same rows and the same
        audit chain as one call per record, written with one statement for the records and one for
        their audit rows. With ``appender`` (one per transaction) the chain head is read and written
        once for the whole package instead of once per record. ``hashes``: the content hash of rows
        the caller has already hashed (:meth:`Store.row_hash` of the row exactly as given)."""
        form = self.store.forms[form_id]
        cols = self.store.content_columns(form)
        fulls: list[tuple[str, dict[str, Any]]] = []
        known: dict[str, str] = {}
        for row in rows:
            full = {c: row.get(c) for c in cols}
            deleted = full.get("deleted")
            full["deleted"] = int(bool(deleted))
            fulls.append(("import", full))
            if hashes and type(deleted) is int and deleted == full["deleted"]:  # the same content hashed
                h = hashes.get(full["id"])
                if h is not None:
                    known[full["id"]] = h
        if not fulls:
            return
        if appender is not None:
            self._write_rows(form, fulls, appender, note, known)
        else:
            with audit.Appender(self.store.db) as ap:
                self._write_rows(form, fulls, ap, note, known)

    def notify(self, change: Change) -> None:
        """Tell listeners about a change written through :meth:`apply_incoming`."""
        self._emit(change)


class _Transaction:
    """``with _Transaction(store) as ap``: BEGIN … COMMIT with one audit appender (head read once,
    written once). An exception rolls everything back."""

    def __init__(self, store: Store):
        self.store = store
        self._atomic = None

    def __enter__(self) -> audit.Appender:
        self._atomic = self.store.db.atomic()
        self._atomic.__enter__()
        self.ap = audit.Appender(self.store.db)
        return self.ap

    def __exit__(self, exc_type, exc, tb) -> bool | None:
        assert self._atomic is not None
        if exc_type is None:
            try:
                self.ap.flush()
            except BaseException as flush_exc:
                self._atomic.__exit__(type(flush_exc), flush_exc, flush_exc.__traceback__)
                raise
        return self._atomic.__exit__(exc_type, exc, tb)
