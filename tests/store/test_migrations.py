"""A database made by an older version opens in the newer one, and form changes derive columns."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from plan_desktop.domain.forms import load_forms
from plan_desktop.services.installation import Installation
from plan_desktop.store import Query, Store
from plan_desktop.store.schema import SCHEMA_VERSION, migrations

FIXTURE = Path(__file__).parent.parent / "data" / "db_v0_1_0.sqlite"
FORMS_DIR = Path(__file__).parents[2] / "forms"


def test_file_made_by_the_first_version_opens_and_checks(tmp_path):
    folder = tmp_path / "old"
    folder.mkdir()
    shutil.copyfile(FIXTURE, folder / "plan_desktop.sqlite")
    with Installation.open(folder) as inst:
        assert inst.unit_code == "13597"
        assert inst.store.get_meta("created_by_version") == "0.1.0"
        applied = {m.name for m in migrations.applied(inst.store.db)}
        assert {m.name for m in migrations._migrations} <= applied
        form = inst.store.forms["communication"]
        (row,) = inst.store.rows(form, Query())
        assert row["participants"] == 125 and row["revision"] == 2
        assert inst.store.check() == []
        # and the program keeps working on it
        rec = inst.records(actor="t").create("officer", {"full_name": "Trần Văn Bình"})
        assert rec["revision"] == 1
        assert inst.store.check() == []


def test_a_field_added_to_a_form_adds_a_column_and_keeps_data(tmp_path):
    folder = tmp_path / "old"
    folder.mkdir()
    shutil.copyfile(FIXTURE, folder / "plan_desktop.sqlite")
    forms_dir = tmp_path / "forms"
    shutil.copytree(FORMS_DIR, forms_dir)
    toml = forms_dir / "communication.toml"
    toml.write_text(toml.read_text(encoding="utf-8") + '\n[[fields]]\nname = "hamlet_count"\ntype = "int"\n'
                    'label = "Số thôn được tuyên truyền"\nmin = 0\n', encoding="utf-8")
    forms = load_forms(forms_dir)
    store = Store.open(folder / "plan_desktop.sqlite", forms)
    try:
        form = forms["communication"]
        assert "hamlet_count" in store.db[form.table].columns_dict
        changes = list(store.db.query("SELECT form, [column] FROM schema_changes WHERE [column] = 'hamlet_count'"))
        assert changes == [{"form": "communication", "column": "hamlet_count"}]
        (row,) = store.rows(form, Query())
        assert row["participants"] == 125 and row["hamlet_count"] is None
        # the audit chain still verifies: the new empty column does not change old content
        assert store.check() == []
    finally:
        store.close()


def test_reopening_is_idempotent(tmp_path):
    path = tmp_path / "s.sqlite"
    Store.open(path).close()
    store = Store.open(path)
    try:
        assert store.migrate() == []
    finally:
        store.close()


# -- 0002_exchange: the exchange bookkeeping tables ---------------------------------------------------------
EXCHANGE_TABLES = {
    "exchange_state", "exchange_exports", "exchange_keys", "exchange_received", "exchange_archive",
    "exchange_receipts",
}


def _tables(path: Path) -> set[str]:
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        conn.close()


def test_a_new_store_has_the_exchange_tables_from_the_migration(tmp_path):
    path = tmp_path / "s.sqlite"
    Store.open(path).close()
    assert _tables(path) >= EXCHANGE_TABLES
    store = Store.open(path)
    try:
        assert "0002_exchange" in {m.name for m in migrations.applied(store.db)}
        assert store.get_meta("schema_version") == str(SCHEMA_VERSION)
    finally:
        store.close()


def test_the_first_version_gets_the_exchange_tables_and_can_export(tmp_path):
    from plan_desktop.services import backup, exchange

    folder = tmp_path / "old"
    folder.mkdir()
    shutil.copyfile(FIXTURE, folder / "plan_desktop.sqlite")
    assert not EXCHANGE_TABLES & _tables(folder / "plan_desktop.sqlite")
    with Installation.open(folder) as inst:
        assert "0002_exchange" in {m.name for m in migrations.applied(inst.store.db)}
        assert set(inst.store.db.table_names()) >= EXCHANGE_TABLES
        # the file was backed up before it was migrated, and the backup is the old file
        (before,) = [b for b in backup.list_backups(folder) if b.reason == "migration"]
        assert not EXCHANGE_TABLES & _tables(before.path)
        # the district's setup file applied and its key code confirmed (exports need the parent's key)
        parent = inst.units.parent(inst.unit_code, exchange._on(inst))
        with Installation.init(tmp_path / "district", parent.code) as d:
            setup = exchange.write_setup_file(d, inst.unit_code, tmp_path / "setup")
            assert exchange.apply_setup_file(inst, setup).held
            exchange.approve_key(inst, d.unit_code, exchange.own_keys(d).code)
        res = exchange.export_package(inst, tmp_path / "usb")
        assert res.path.is_file() and res.sequence == 1 and res.records == 3
        assert [h.sequence for h in exchange.export_history(inst)] == [1]
        assert inst.store.check() == []


def test_a_file_whose_exchange_tables_were_made_lazily_opens_and_keeps_them(tmp_path):
    """Before 0002_exchange the exchange module created its tables on first use (ensure_tables):
    such a file has the tables and rows but no record of the migration. It must open unchanged."""
    import sqlite3

    from plan_desktop.services import exchange
    from plan_desktop.store.schema import EXCHANGE_TABLES_SQL

    folder = tmp_path / "old"
    folder.mkdir()
    db_file = folder / "plan_desktop.sqlite"
    shutil.copyfile(FIXTURE, db_file)
    conn = sqlite3.connect(db_file)
    with conn:
        conn.executescript(EXCHANGE_TABLES_SQL)
        conn.execute("INSERT INTO exchange_state(key, value) VALUES ('acked_change_seq', '3')")
        conn.execute(
            "INSERT INTO exchange_keys(unit_code, fingerprint, signing_key, encryption_key, source, "
            "first_seen_at, updated_at) VALUES ('353', '11111 22222 33333 44444 55555 66666', NULL, NULL, "
            "'officer', '2019-06-01T00:00:00.000Z', '2019-06-01T00:00:00.000Z')"
        )
    conn.close()
    with Installation.open(folder) as inst:
        assert "0002_exchange" in {m.name for m in migrations.applied(inst.store.db)}
        assert inst.store.db.execute("SELECT value FROM exchange_state").fetchall() == [("3",)]
        _, keys = exchange.keys_overview(inst)
        fpr = "11111 22222 33333 44444 55555 66666"
        assert [(k.unit_code, k.fingerprint) for k in keys] == [("353", fpr)]
        exchange.ensure_tables(inst)  # still harmless
        assert inst.store.check() == []
    with Installation.open(folder) as inst:  # and opens again without migrating
        assert not migrations.pending(inst.store.db)


def _indexes(store: Store, table: str) -> dict[str, list[str]]:
    conn = store.db.conn
    names = [r[1] for r in conn.execute(f"PRAGMA index_list([{table}])") if not r[1].startswith("sqlite_")]
    return {n: [c[2] for c in conn.execute(f"PRAGMA index_info([{n}])")] for n in names}


def test_the_first_version_gets_the_unit_period_index_instead_of_unit_deleted(tmp_path):
    folder = tmp_path / "old"
    folder.mkdir()
    shutil.copyfile(FIXTURE, folder / "plan_desktop.sqlite")
    conn = sqlite3.connect(folder / "plan_desktop.sqlite")
    old = {r[1] for r in conn.execute("PRAGMA index_list(form_communication)")}
    conn.close()
    assert "idx_form_communication_unit_code_deleted" in old
    assert "idx_form_communication_unit_code_deleted_date" not in old
    with Installation.open(folder) as inst:
        idx = _indexes(inst.store, "form_communication")
        assert idx["idx_form_communication_unit_code_deleted_date"] == ["unit_code", "deleted", "date"]
        assert "idx_form_communication_unit_code_deleted" not in idx  # a prefix of the new one: gone
        assert idx["idx_form_communication_date"] == ["date"]
        # a year field serves as well
        assert _indexes(inst.store, "form_unit_status")["idx_form_unit_status_unit_code_deleted_year"] == [
            "unit_code", "deleted", "year"]
        plan = " ".join(r[-1] for r in inst.store.db.execute(
            "EXPLAIN QUERY PLAN SELECT 1 FROM form_communication WHERE unit_code = ? AND deleted = 0 "
            "AND date BETWEEN ? AND ?", ["13597", "2019-01-01", "2019-03-31"]).fetchall())
        assert "idx_form_communication_unit_code_deleted_date" in plan
        assert not inst.store.migration_pending()


def test_an_index_a_form_declares_is_made_and_used(tmp_path):
    with Installation.init(tmp_path / "xa", "13597", officer="Cán bộ") as inst:
        idx = _indexes(inst.store, "form_communication")
        assert idx["idx_form_communication_unit_code_deleted_format_date"] == [
            "unit_code", "deleted", "format", "date"]
        plan = " ".join(r[-1] for r in inst.store.db.execute(
            "EXPLAIN QUERY PLAN SELECT DISTINCT date FROM form_communication WHERE deleted = 0 "
            "AND format = 'press' AND unit_code IN (?) AND date BETWEEN ? AND ?",
            ["13597", "2019-01-01", "2019-12-31"]).fetchall())
        assert "COVERING INDEX idx_form_communication_unit_code_deleted_format_date" in plan


# -- 0005_signing: the report list and the period locks --------------------------------------------------
def test_the_first_version_gets_the_signing_tables_from_the_migration(tmp_path):
    folder = tmp_path / "old"
    folder.mkdir()
    shutil.copyfile(FIXTURE, folder / "plan_desktop.sqlite")
    assert not {"signed_reports", "period_locks"} & _tables(folder / "plan_desktop.sqlite")
    with Installation.open(folder) as inst:
        assert "0005_signing" in {m.name for m in migrations.applied(inst.store.db)}
        assert "data_hash_version" in inst.store.db["signed_reports"].columns_dict
        assert inst.store.db["period_locks"].exists()
        assert inst.store.check() == []


def test_signing_tables_made_lazily_keep_their_rows_and_get_the_hash_version(tmp_path):
    """Before 0005_signing, services/signing.py created its tables on first use, without the column
    ``data_hash_version``: such reports were all hashed with format 1."""
    folder = tmp_path / "old"
    folder.mkdir()
    db_file = folder / "plan_desktop.sqlite"
    shutil.copyfile(FIXTURE, db_file)
    conn = sqlite3.connect(db_file)
    with conn:
        conn.executescript(
            "CREATE TABLE signed_reports (id INTEGER PRIMARY KEY, period TEXT NOT NULL, unit_code TEXT NOT NULL, "
            "file_path TEXT, file_sha256 TEXT, data_sha256 TEXT, created_at TEXT NOT NULL, signed_at TEXT, "
            "signer TEXT, status TEXT NOT NULL DEFAULT 'draft', status_at TEXT, superseded_at TEXT, reason TEXT);"
            "CREATE TABLE period_locks (id INTEGER PRIMARY KEY, period TEXT NOT NULL, unit_code TEXT NOT NULL, "
            "start_date TEXT NOT NULL, end_date TEXT NOT NULL, locked_at TEXT NOT NULL, locked_by TEXT, "
            "report_id INTEGER REFERENCES signed_reports (id), reopened_at TEXT, reopened_by TEXT, "
            "reopen_reason TEXT);")
        conn.execute("INSERT INTO signed_reports (period, unit_code, data_sha256, created_at, status) "
                     "VALUES ('2019', '13597', ?, '2020-01-05T00:00:00Z', 'signed')", ["ab" * 32])
    conn.close()
    with Installation.open(folder) as inst:
        rows = inst.store.db.execute("SELECT period, data_sha256, data_hash_version FROM signed_reports").fetchall()
        assert rows == [("2019", "ab" * 32, 1)]
        assert not migrations.pending(inst.store.db)
