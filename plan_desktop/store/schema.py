"""Numbered migrations for the fixed tables, and record tables derived from the form definitions.

Structural changes go through :data:`migrations` (sqlite-utils ``Migrations``), each in its own
transaction. Record tables are derived from ``forms/*.toml`` by :func:`sync_form_tables`: a new form
makes a table, a new field adds a column. It only ever adds, so a database made by an older version
opens in a newer one without losing anything.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

from plan_desktop.domain.forms import FormDef, FormSet
from plan_desktop.store import audit, seal
from plan_desktop.store.audit import GENESIS

SCHEMA_VERSION = 6
migrations = Migrations("plan_desktop")


@migrations(name="0001_base")
def _m0001_base(db: Database) -> None:
    db["meta"].create({"key": str, "value": str}, pk="key")
    db["settings"].create({"key": str, "value": str, "updated_at": str}, pk="key")
    db["audit_log"].create(
        {
            "seq": int,
            "at": str,
            "actor": str,
            "action": str,
            "form": str,
            "record_id": str,
            "unit_code": str,
            "revision": int,
            "content_hash": str,
            "note": str,
            "prev_hash": str,
            "hash": str,
        },
        pk="seq",
        not_null={"at", "action", "prev_hash", "hash"},
    )
    db["audit_log"].create_index(["form", "record_id"])
    db["schema_changes"].create(
        {"id": int, "at": str, "form": str, "column": str, "type": str}, pk="id"
    )
    db["meta"].insert_all(
        [
            {"key": "audit_head_seq", "value": "0"},
            {"key": "audit_head_hash", "value": GENESIS},
        ]
    )


#: The USB exchange's bookkeeping (services/exchange): counters, packages sent, keys of other units,
#: packages received, children's signed bundles kept to pass upward, receipts written. ``IF NOT
#: EXISTS`` because versions before this migration created them lazily on first use.
EXCHANGE_TABLES_SQL = """
CREATE TABLE IF NOT EXISTS exchange_state (
    key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS exchange_exports (
    seq INTEGER PRIMARY KEY, created_at TEXT NOT NULL, file_name TEXT NOT NULL,
    manifest_sha256 TEXT NOT NULL, full INTEGER NOT NULL, since_change_seq INTEGER NOT NULL,
    upto_change_seq INTEGER NOT NULL, upto_archive_id INTEGER NOT NULL, encrypted_to TEXT,
    records INTEGER NOT NULL, status TEXT NOT NULL DEFAULT 'sent', status_reason TEXT, status_at TEXT,
    report_ids TEXT NOT NULL DEFAULT '[]');
CREATE TABLE IF NOT EXISTS exchange_keys (
    unit_code TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, signing_key TEXT, encryption_key TEXT,
    source TEXT NOT NULL, first_seen_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS exchange_received (
    manifest_sha256 TEXT PRIMARY KEY, unit_code TEXT NOT NULL, seq INTEGER NOT NULL, via_unit TEXT,
    created_at TEXT NOT NULL, imported_at TEXT NOT NULL, period_from TEXT, period_to TEXT,
    records INTEGER NOT NULL, reports TEXT NOT NULL DEFAULT '[]', fingerprint TEXT, file_name TEXT);
CREATE INDEX IF NOT EXISTS exchange_received_unit ON exchange_received (unit_code, seq);
CREATE TABLE IF NOT EXISTS exchange_archive (
    id INTEGER PRIMARY KEY AUTOINCREMENT, manifest_sha256 TEXT NOT NULL UNIQUE, unit_code TEXT NOT NULL,
    seq INTEGER NOT NULL, blob BLOB NOT NULL, archived_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS exchange_receipts (
    id INTEGER PRIMARY KEY AUTOINCREMENT, unit_code TEXT NOT NULL, seq INTEGER NOT NULL,
    package_sha256 TEXT NOT NULL, status TEXT NOT NULL, reason TEXT, created_at TEXT NOT NULL,
    file_name TEXT NOT NULL);
"""


def create_exchange_tables(db: Database) -> None:
    """Create the exchange tables and index when missing (caller holds the transaction)."""
    for stmt in EXCHANGE_TABLES_SQL.split(";"):
        if stmt.strip():
            db.execute(stmt)


@migrations(name="0002_exchange")
def _m0002_exchange(db: Database) -> None:
    create_exchange_tables(db)


#: Trust and anchors (migration ``0003_exchange_trust``): files held apart until an approver confirms
#: the key that signed them, vouchers this unit received for its own key (passed on in its setup
#: files), the audit chain heads other units reported (to detect rewritten history), the short code an
#: officer enrolled in advance, and this unit's own chain head at each export.
TRUST_TABLES_SQL = """
CREATE TABLE IF NOT EXISTS exchange_pending (
    id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, file_sha256 TEXT NOT NULL UNIQUE,
    file_name TEXT NOT NULL, blob BLOB NOT NULL, units TEXT NOT NULL, received_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS exchange_vouchers (
    issuer TEXT NOT NULL, unit_code TEXT NOT NULL, voucher TEXT NOT NULL, received_at TEXT NOT NULL,
    PRIMARY KEY (issuer, unit_code));
CREATE TABLE IF NOT EXISTS exchange_anchors (
    unit_code TEXT NOT NULL, kind TEXT NOT NULL, seq INTEGER NOT NULL, audit_seq INTEGER NOT NULL,
    audit_hash TEXT NOT NULL, recorded_at TEXT NOT NULL, PRIMARY KEY (unit_code, kind, seq));
"""
TRUST_COLUMNS = {"exchange_keys": {"short_code": str}, "exchange_exports": {"audit_seq": int, "audit_hash": str}}


@migrations(name="0003_exchange_trust")
def _m0003_exchange_trust(db: Database) -> None:
    for stmt in TRUST_TABLES_SQL.split(";"):
        if stmt.strip():
            db.execute(stmt)
    for table, cols in TRUST_COLUMNS.items():
        for col, typ in cols.items():
            if col not in db[table].columns_dict:
                db[table].add_column(col, typ)


@migrations(name="0004_exchange_anchor_columns")
def _m0004_exchange_anchor_columns(db: Database) -> None:
    """Anchors are compared per key (a reinstalled unit starts a new chain); receipts keep the chain
    head they carried, so the next one can show the unit below the hash at that point."""
    for table, cols in ANCHOR_COLUMNS.items():
        for col, typ in cols.items():
            if col not in db[table].columns_dict:
                db[table].add_column(col, typ)


ANCHOR_COLUMNS = {"exchange_anchors": {"fingerprint": str}, "exchange_receipts": {"audit_seq": int, "audit_hash": str}}


#: Signed reports (the report list) and period locks (one row per lock; a reopened lock keeps its row
#: with ``reopened_at`` set). ``data_hash_version`` is the format of the report's data hash
#: (``reports/scope.py``): 1 for every report made before it was recorded; ``doc_number``,
#: ``issued_on``, ``issued_at``: the clerk's issuing of a signed report. ``IF NOT EXISTS`` because
#: versions before this migration created the tables lazily (services/signing.py).
SIGNING_TABLES_SQL = """
CREATE TABLE IF NOT EXISTS signed_reports (
    id INTEGER PRIMARY KEY,
    period TEXT NOT NULL,
    unit_code TEXT NOT NULL,
    file_path TEXT,
    file_sha256 TEXT,
    data_sha256 TEXT,
    created_at TEXT NOT NULL,
    signed_at TEXT,
    signer TEXT,
    status TEXT NOT NULL DEFAULT 'draft',
    status_at TEXT,
    superseded_at TEXT,
    reason TEXT,
    data_hash_version INTEGER NOT NULL DEFAULT 1,
    doc_number TEXT,
    issued_on TEXT,
    issued_at TEXT
);
CREATE INDEX IF NOT EXISTS signed_reports_period ON signed_reports (unit_code, period);
CREATE TABLE IF NOT EXISTS period_locks (
    id INTEGER PRIMARY KEY,
    period TEXT NOT NULL,
    unit_code TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date TEXT NOT NULL,
    locked_at TEXT NOT NULL,
    locked_by TEXT,
    report_id INTEGER REFERENCES signed_reports (id),
    reopened_at TEXT,
    reopened_by TEXT,
    reopen_reason TEXT
);
CREATE INDEX IF NOT EXISTS period_locks_unit ON period_locks (unit_code, reopened_at);
"""


#: Columns of ``signed_reports`` that its lazily made versions lacked: the data hash's format version
#: (1 for every report made before it was recorded) and the clerk's issuing (number, day, moment).
SIGNING_ADDED_COLUMNS = {"data_hash_version": "INTEGER NOT NULL DEFAULT 1", "doc_number": "TEXT",
                         "issued_on": "TEXT", "issued_at": "TEXT"}


@migrations(name="0005_signing")
def _m0005_signing(db: Database) -> None:
    for stmt in SIGNING_TABLES_SQL.split(";"):
        if stmt.strip():
            db.execute(stmt)
    have = set(db["signed_reports"].columns_dict)  # made lazily by an earlier version: add what it lacks
    for name, kind in SIGNING_ADDED_COLUMNS.items():
        if name not in have:
            db.execute(f"ALTER TABLE signed_reports ADD COLUMN [{name}] {kind}")


@migrations(name="0006_seal")
def _m0006_seal(db: Database) -> None:
    """The first seal of a file (store/seal.py): its tables as they are when this version first opens it."""
    seal.write(db)


#: Every table the program makes besides the record tables (``form_*``, from the forms).
#: ``sqlite_stat*`` are SQLite's own (``ANALYZE``).
FIXED_TABLES = frozenset({
    "meta", "settings", "audit_log", "schema_changes", "_sqlite_migrations", "sqlite_sequence",
    "sqlite_stat1", "sqlite_stat4", "exchange_state", "exchange_exports", "exchange_keys", "exchange_received",
    "exchange_archive", "exchange_receipts", "exchange_pending", "exchange_vouchers", "exchange_anchors",
    "signed_reports", "period_locks",
})


def schema_problems(db: Database, forms: FormSet) -> list[str]:
    """What in the file's schema the program did not make (Vietnamese): any trigger or view (the
    program makes none; a trigger can silently change or drop what is written) and unknown tables.
    Indexes on the program's tables are harmless and allowed."""
    known = FIXED_TABLES | {f.table for f in forms.values()}
    problems: list[str] = []
    for kind, name, table in db.conn.execute("SELECT type, name, tbl_name FROM main.sqlite_master ORDER BY name"):
        if kind == "trigger":
            problems.append(f"Tệp dữ liệu có trigger «{name}» (trên bảng {table}) không do chương trình tạo: "
                            "nó có thể sửa hoặc chặn dữ liệu được ghi.")
        elif kind == "view":
            problems.append(f"Tệp dữ liệu có view «{name}» không do chương trình tạo.")
        elif kind == "table" and name not in known:
            problems.append(f"Tệp dữ liệu có bảng «{name}» không do chương trình tạo.")
        elif kind == "index" and table not in known:
            problems.append(f"Tệp dữ liệu có chỉ mục «{name}» trên bảng lạ «{table}».")
    return problems


def record_columns(form: FormDef) -> dict[str, type]:
    cols: dict[str, type] = {
        "id": str,
        "unit_code": str,
        "revision": int,
        "created_at": str,
        "updated_at": str,
        "created_by": str,
        "updated_by": str,
        "deleted": int,
        "change_seq": int,
        "search_text": str,
        "shared_hash": str,
    }
    for f in form.fields:
        cols[f.name] = f.sql_type
    return cols


def record_indexes(form: FormDef) -> tuple[dict[str, list[str]], list[str]]:
    """The indexes a record table should have (name → columns) and those it should no longer have.

    ``(unit_code, deleted, <period field>)`` answers what lists, counts and indicators ask most: one
    unit's live records in a date range, from the index alone. It replaces ``(unit_code, deleted)``
    of earlier versions, a prefix of it. ``change_seq`` serves the exports, the period field alone the
    queries over every unit; a form may declare more (``indexes`` in its file)."""
    t = form.table
    wanted = {f"idx_{t}_change_seq": ["change_seq"]}
    superseded: list[str] = []
    pf = form.period_field
    if pf:
        wanted[f"idx_{t}_unit_code_deleted_{pf}"] = ["unit_code", "deleted", pf]
        wanted[f"idx_{t}_{pf}"] = [pf]
        superseded.append(f"idx_{t}_unit_code_deleted")
    else:
        wanted[f"idx_{t}_unit_code_deleted"] = ["unit_code", "deleted"]
    for columns in form.indexes:  # declared by the form for questions the reports ask often
        wanted.setdefault(f"idx_{t}_{'_'.join(columns)}", list(columns))
    return wanted, superseded


def _index_names(db: Database, table: str) -> set[str]:
    return {r[1] for r in db.execute(f"PRAGMA index_list([{table}])").fetchall()}


def sync_needed(db: Database, forms: FormSet) -> bool:
    """Whether :func:`sync_form_tables` would change anything (read-only)."""
    for form in forms.values():
        table = db[form.table]
        if not table.exists():
            return True
        if set(record_columns(form)) - set(table.columns_dict):
            return True
        wanted, superseded = record_indexes(form)
        have = _index_names(db, form.table)
        if set(wanted) - have or have & set(superseded):
            return True
        if _shared_hash_basis(db, form) != _local_key(form):
            return True
    return False


def _sync_indexes(db: Database, form: FormDef) -> list[str]:
    wanted, superseded = record_indexes(form)
    have = _index_names(db, form.table)
    changes = []
    for name, columns in wanted.items():
        if name not in have:
            cols = ", ".join(f"[{c}]" for c in columns)
            db.execute(f"CREATE INDEX IF NOT EXISTS [{name}] ON [{form.table}] ({cols})")
            changes.append(f"+{name}")
    for name in superseded:
        if name in have:
            db.execute(f"DROP INDEX [{name}]")
            changes.append(f"-{name}")
    return changes


def _local_key(form: FormDef) -> str:
    return ",".join(sorted(form.local_only_names))


def _shared_hash_basis(db: Database, form: FormDef) -> str | None:
    """The local_only fields the stored ``shared_hash`` values of ``form`` left out (None: unknown)."""
    row = db.conn.execute("SELECT value FROM meta WHERE key = ?", [f"shared_hash_local:{form.id}"]).fetchone()
    return row[0] if row else None


def _set_shared_hash_basis(db: Database, form: FormDef) -> None:
    db.conn.execute("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    [f"shared_hash_local:{form.id}", _local_key(form)])


def _fill_shared_hashes(db: Database, form: FormDef) -> None:
    """Give the records without a ``shared_hash`` theirs (what the program writes with every record):
    those written before the column existed, or before the form's local_only fields changed (the hash
    leaves them out), so that reports over them read it instead of hashing each."""
    shared_hash = audit.shared_hasher(form)
    conn = db.conn
    after = -1  # by rowid, a chunk at a time: no row is updated under an open read of its table
    while True:
        cur = conn.execute(f"SELECT rowid, * FROM [{form.table}] WHERE rowid > ? AND shared_hash IS NULL "
                           "ORDER BY rowid LIMIT 2000", [after])
        names = [d[0] for d in cur.description]
        chunk = cur.fetchall()
        if not chunk:
            return
        updates = []
        for values in chunk:
            row = dict(zip(names, values, strict=True))
            updates.append((shared_hash(row), row["id"]))
        conn.executemany(f"UPDATE [{form.table}] SET shared_hash = ? WHERE id = ?", updates)
        after = chunk[-1][0]


def sync_form_tables(db: Database, forms: FormSet, now: str) -> list[str]:
    """Create missing record tables and columns. Returns a list of what changed. Run in a transaction."""
    changes: list[str] = []
    for form in forms.values():
        table = db[form.table]
        cols = record_columns(form)
        if not table.exists():
            table.create(
                cols,
                pk="id",
                not_null={"id", "unit_code", "revision", "created_at", "updated_at", "deleted"},
                defaults={"deleted": 0, "revision": 1},
            )
            _sync_indexes(db, form)
            _set_shared_hash_basis(db, form)
            changes.append(f"+{form.table}")
            db["schema_changes"].insert({"at": now, "form": form.id, "column": "*", "type": "table"})
            continue
        existing = set(table.columns_dict)
        for name, ctype in cols.items():
            if name not in existing:
                table.add_column(name, ctype)
                changes.append(f"+{form.table}.{name}")
                db["schema_changes"].insert(
                    {"at": now, "form": form.id, "column": name, "type": ctype.__name__}
                )
        if "shared_hash" not in existing or _shared_hash_basis(db, form) != _local_key(form):
            # written before the column existed (all empty), or under other local_only fields: hashed again
            if "shared_hash" in existing:
                db.execute(f"UPDATE [{form.table}] SET shared_hash = NULL")
            _fill_shared_hashes(db, form)
            _set_shared_hash_basis(db, form)
            changes.append(f"~{form.table}.shared_hash")
        changes += _sync_indexes(db, form)
    return changes
