"""The append-only, hash-chained audit log.

Each audit row's ``hash`` covers the previous row's hash and the row's own content, including the
``content_hash`` of the record as written. The head of the chain (last seq and hash) is kept in the
``meta`` table. :func:`verify` walks the chain and compares each record with its last audit row,
so a record or audit row changed, inserted or deleted with plain SQL is found and named.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from plan_desktop.domain.forms import COMMON_FIELDS, FormDef

try:
    import orjson
except ImportError:  # pragma: no cover - a venv made before orjson joined the dependencies: same hashes, slower
    orjson = None  # type: ignore[assignment]

GENESIS = "0" * 64


#: ``json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)``, made once.
_CANONICAL = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


#: The same without ``default``: a third faster on the plain values (str, int, None) of stored rows
#: and audit rows; :func:`canonical_json` falls back to the full one for anything else.
_CANONICAL_PLAIN = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def canonical_json(obj: Any) -> str:
    try:
        return _CANONICAL_PLAIN.encode(obj)
    except TypeError:  # a value JSON has no type for (a date…): str() of it, as the full encoder does
        return _CANONICAL.encode(obj)


#: Value types whose JSON orjson writes byte for byte as :func:`canonical_json` does (a float need
#: not be: orjson writes ``1e-7`` where ``json`` writes ``1e-07``; a date it writes its own way).
_PLAIN = frozenset({str, int, bool, type(None)})


def _canonical_flat(obj: Mapping[str, Any]) -> bytes:
    """``canonical_json(obj).encode()`` of a flat mapping, by orjson (keys sorted) when every value is
    of a :data:`_PLAIN` type: the same bytes, some five times faster. Anything else (a float, a
    string with a lone surrogate, an int past 64 bits) goes through :func:`canonical_json`."""
    if orjson is not None:
        for v in obj.values():
            if v.__class__ not in _PLAIN:
                break
        else:
            try:
                return orjson.dumps(obj, option=orjson.OPT_SORT_KEYS)
            except TypeError:  # orjson.JSONEncodeError: a surrogate, a huge int
                pass
    return canonical_json(obj).encode("utf-8")


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def record_hash(form_id: str, row: Mapping[str, Any], columns: Sequence[str]) -> str:
    """Hash of a record's stored content: the given columns (common + form fields) and the form.

    Empty (NULL) columns are left out, so a field added to a form later does not change the hash of
    records written before it existed.
    """
    content: dict[str, Any] = {"form": form_id}
    get = row.get
    for c in columns:
        v = get(c)
        if v is not None:
            content[c] = v
    return hashlib.sha256(_canonical_flat(content)).hexdigest()


SharedHasher = Callable[..., str]


def shared_hasher(form: FormDef) -> SharedHasher:
    """``(row, content_hash=None) -> the record's shared_hash`` for one form: :func:`record_hash` of its
    content (common fields and the form's fields) without ``local_only`` fields, so a commune and the
    district holding its imported record store the same one. Equal to the content hash when every
    local_only value is empty (empty columns are left out of both): ``content_hash``, when the caller
    has it, is then taken as it is."""
    local = form.local_only_names
    columns = tuple(c for c in (*COMMON_FIELDS, *form.field_names) if c not in local)
    form_id = form.id

    def shared_hash(row: Mapping[str, Any], content_hash: str | None = None) -> str:
        if content_hash is not None:
            get = row.get
            for n in local:
                if get(n) is not None:
                    break
            else:
                return content_hash
        return record_hash(form_id, row, columns)

    return shared_hash


def _row_hash(prev_hash: str, entry: Mapping[str, Any]) -> str:
    if "hash" in entry or "prev_hash" in entry:
        entry = {k: v for k, v in entry.items() if k != "hash" and k != "prev_hash"}
    return hashlib.sha256(prev_hash.encode("utf-8") + _canonical_flat(entry)).hexdigest()  # keys sorted


def chain_head(db: Database) -> tuple[int, str]:
    """The head of the audit chain: the last row's seq and hash (0 and :data:`GENESIS` when empty), as
    recorded in ``meta``. What exports, receipts, signed reports and the anchor file carry, so that a
    rewritten or wiped history is found from outside the file."""
    return head(db)


def row_hash_at(db: Database, seq: int) -> str | None:
    """The hash of audit row ``seq`` (None when there is no such row)."""
    row = db.conn.execute("SELECT hash FROM audit_log WHERE seq = ?", [seq]).fetchone()
    return row[0] if row else None


def head(db: Database) -> tuple[int, str]:
    rows = dict(db.conn.execute("SELECT key, value FROM meta WHERE key IN ('audit_head_seq', 'audit_head_hash')"))
    return int(rows.get("audit_head_seq", 0)), rows.get("audit_head_hash", GENESIS)


_INSERT = (
    "INSERT INTO audit_log (seq, at, actor, action, form, record_id, unit_code, revision, content_hash, note, "
    "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


class Appender:
    """Appends audit rows inside the caller's transaction, keeping the chain head in memory.

    Use as a context manager around a batch: the head is read once and written once to ``meta``.
    """

    def __init__(self, db: Database):
        self.db = db
        self.seq, self.hash = head(db)
        self._dirty = False

    @property
    def next_seq(self) -> int:
        return self.seq + 1

    def append(self, *, at: str, actor: str, action: str, form: str | None, record_id: str | None,
               unit_code: str | None, revision: int | None, content_hash: str | None,
               note: str | None = None) -> int:
        """Append one row; returns its seq."""
        return self.append_many([{
            "at": at, "actor": actor, "action": action, "form": form, "record_id": record_id,
            "unit_code": unit_code, "revision": revision, "content_hash": content_hash, "note": note,
        }])[0]

    def append_many(self, entries: list[Mapping[str, Any]]) -> list[int]:
        """Append several rows (each a mapping of :meth:`append`'s keyword arguments) in one statement.

        The chain is exactly the one :meth:`append` called for each in turn would make: each row's seq
        follows the previous one and its hash covers the previous row's hash. Returns the seqs."""
        rows: list[tuple[Any, ...]] = []  # positional: binding by name costs a dict lookup per column
        seq, prev = self.seq, self.hash
        for e in entries:
            seq += 1
            entry = {
                "seq": seq, "at": e["at"], "actor": e["actor"], "action": e["action"], "form": e["form"],
                "record_id": e["record_id"], "unit_code": e["unit_code"], "revision": e["revision"],
                "content_hash": e["content_hash"], "note": e.get("note"),
            }
            digest = _row_hash(prev, entry)  # of the entry before its two hash columns join it
            rows.append((*entry.values(), prev, digest))
            prev = digest
        if rows:
            self.db.conn.executemany(_INSERT, rows)
            first = self.seq + 1
            self.seq, self.hash = seq, prev
            self._dirty = True
            return list(range(first, seq + 1))
        return []

    def flush(self) -> None:
        if self._dirty:
            self.db.conn.execute(
                "INSERT INTO meta(key, value) VALUES ('audit_head_seq', ?), ('audit_head_hash', ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [str(self.seq), self.hash],
            )
            self._dirty = False

    def __enter__(self) -> Appender:
        return self

    def __exit__(self, exc_type, *rest: object) -> None:
        if exc_type is None:
            self.flush()


def append(db: Database, **entry: Any) -> int:
    """Append one row; must run inside the caller's transaction. Returns its seq."""
    with Appender(db) as ap:
        return ap.append(**entry)


@dataclass(frozen=True)
class AuditProblem:
    kind: str  # chain | head | record_changed | record_added | record_removed
    message: str  # Vietnamese
    form: str | None = None
    record_id: str | None = None
    seq: int | None = None


def verify_chain(db: Database) -> list[AuditProblem]:
    problems: list[AuditProblem] = []
    prev = GENESIS
    expected_seq = 1
    for row in db.query("SELECT * FROM audit_log ORDER BY seq"):
        seq = row["seq"]
        if seq != expected_seq:
            problems.append(AuditProblem(
                "chain", f"Nhật ký thay đổi thiếu dòng số {expected_seq}–{seq - 1} (đã bị xóa ngoài chương trình).",
                seq=expected_seq))
        if row["prev_hash"] != prev:
            problems.append(AuditProblem(
                "chain", f"Nhật ký thay đổi bị đứt chuỗi tại dòng số {seq}.", row["form"], row["record_id"], seq))
        entry = {k: row[k] for k in row}
        if _row_hash(row["prev_hash"], entry) != row["hash"]:
            problems.append(AuditProblem(
                "chain", f"Dòng số {seq} của nhật ký thay đổi đã bị sửa ngoài chương trình.",
                row["form"], row["record_id"], seq))
        prev = row["hash"]
        expected_seq = seq + 1
    head_seq, head_hash = head(db)
    if head_seq != expected_seq - 1 or head_hash != prev:
        problems.append(AuditProblem(
            "head", f"Cuối nhật ký thay đổi không khớp (ghi nhận dòng số {head_seq}, thực tế {expected_seq - 1}): "
            "có dòng đã bị xóa hoặc thêm ngoài chương trình.", seq=expected_seq - 1))
    return problems
