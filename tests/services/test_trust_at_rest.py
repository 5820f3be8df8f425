"""What the program trusts in its data folder, edited behind its back with plain SQLite, is found by
``check``; a restore keeps every promise; a damaged data file can be recovered with the program."""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import stat

import pytest

from plan_desktop.cli import main
from plan_desktop.services import backup, integrity
from plan_desktop.services.access import FREE_TRIES, AccessError, login_delay
from plan_desktop.services.installation import Installation, SetupError
from plan_desktop.store import StoreError, audit
from plan_desktop.store.db import DamagedStoreError, is_encrypted
from tests.services.test_records import COMM

OFFICER = {"full_name": "Trần Thị Hà"}


@pytest.fixture
def filled(commune):
    service = commune.records("tester")
    ids = [service.create("communication", {**COMM, "participants": n})["id"] for n in (100, 200, 300)]
    assert integrity.check_installation(commune) == []
    return commune, ids


def _raw(inst) -> sqlite3.Connection:
    return sqlite3.connect(inst.store.path, isolation_level=None)


def _sign_period(inst, period: str = "2019") -> None:
    """A signed report and the lock it puts on its period, written as the program writes them."""
    db = inst.store.db
    with db.atomic():
        rid = db.execute("INSERT INTO signed_reports (period, unit_code, created_at, signed_at, status) "
                         "VALUES (?, ?, 'now', 'now', 'signed')", [period, inst.unit_code]).lastrowid
        db.execute("INSERT INTO period_locks (period, unit_code, start_date, end_date, locked_at, report_id) "
                   "VALUES (?, ?, '2019-01-01', '2019-12-31', 'now', ?)", [period, inst.unit_code, rid])


# -- check ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("sql, words", [
    ("UPDATE settings SET value = '{}' WHERE key = 'access_slots'", "Cài đặt"),
    ("INSERT OR REPLACE INTO settings(key, value, updated_at) VALUES ('access_slots', '{}', 'x')", "Cài đặt"),
    ("UPDATE settings SET value = '\"99999\"' WHERE key = 'unit_code'", "Cài đặt"),
    ("DELETE FROM period_locks", "khóa kỳ báo cáo"),
    ("INSERT INTO exchange_keys (unit_code, fingerprint, signing_key, source, first_seen_at, updated_at) "
     "VALUES ('13288', 'f', 'k', 'x', 'now', 'now')", "sổ trao đổi"),
    ("INSERT INTO exchange_state VALUES ('acked_change_seq', '999')", "sổ trao đổi"),
    ("DELETE FROM meta WHERE key = 'seal'", "niêm phong"),
])
def test_sql_edits_of_what_the_program_trusts_are_found(filled, sql, words):
    commune, _ = filled
    _sign_period(commune)
    commune.session = commune.access.enable("matkhau-canbo", "matkhau-duyet")
    assert integrity.check_installation(commune) == []  # the program's own writes keep the seal
    with _raw(commune) as c:
        c.execute(sql)
    problems = integrity.check_installation(commune)
    assert any(words in p for p in problems), problems


def test_change_seq_and_search_text_edited_behind_the_programs_back(filled):
    commune, ids = filled
    with _raw(commune) as c:
        c.execute("UPDATE form_communication SET change_seq = 0 WHERE id = ?", [ids[0]])
        c.execute("UPDATE form_communication SET search_text = 'khong tim thay' WHERE id = ?", [ids[1]])
    problems = integrity.check_installation(commune)
    assert any(ids[0] in p and "change_seq" in p for p in problems)
    assert any(ids[1] in p and "search_text" in p for p in problems)


@pytest.mark.parametrize("sql, words", [
    ("CREATE TRIGGER drop_support AFTER INSERT ON form_support BEGIN UPDATE form_support SET change_seq = 0; END",
     "trigger «drop_support»"),
    ("CREATE VIEW v AS SELECT * FROM settings", "view «v»"),
    ("CREATE TABLE stolen (x)", "bảng «stolen»"),
])
def test_foreign_schema_objects_are_found(filled, sql, words):
    commune, _ = filled
    with _raw(commune) as c:
        c.execute(sql)
    assert any(words in p for p in integrity.check_installation(commune))


def _recompute_chain(c: sqlite3.Connection, actor: str) -> None:
    """What a careful forger does: edit an audit row and recompute every hash and the head."""
    rows = c.execute("SELECT * FROM audit_log ORDER BY seq").fetchall()
    names = [d[0] for d in c.execute("SELECT * FROM audit_log LIMIT 0").description]
    prev = audit.GENESIS
    for r in rows:
        entry = dict(zip(names, r, strict=True))
        if entry["seq"] == 1:
            entry["actor"] = actor
        digest = audit._row_hash(prev, entry)
        c.execute("UPDATE audit_log SET actor = ?, prev_hash = ?, hash = ? WHERE seq = ?",
                  [entry["actor"], prev, digest, entry["seq"]])
        prev = digest
    c.execute("UPDATE meta SET value = ? WHERE key = 'audit_head_hash'", [prev])


def test_a_recomputed_chain_is_found_by_the_anchor(filled, data_dir):
    commune, _ = filled
    commune.close()  # writes the anchor
    assert integrity.anchor_path(data_dir).exists()
    inst = Installation.open(data_dir, daily_backup=False)
    with _raw(inst) as c:
        _recompute_chain(c, "ai đó")
    assert inst.store.check() == []  # the file alone verifies again…
    problems = integrity.check_installation(inst)  # …the anchor outside it does not
    assert any("viết lại" in p for p in problems), problems
    inst.close()


def test_a_wipe_is_found_by_the_anchor(filled, data_dir):
    commune, _ = filled
    commune.close()
    for p in data_dir.glob("plan_desktop.sqlite*"):
        p.unlink()
    fresh = Installation.init(data_dir, "13597")  # a new, empty file for the same unit
    problems = integrity.check_installation(fresh)
    fresh.close()
    assert any("xóa sạch" in p for p in problems), problems


def test_a_forged_anchor_is_found(filled, data_dir):
    commune, _ = filled
    commune.close()
    path = integrity.anchor_path(data_dir)
    doc = json.loads(path.read_text())
    doc["seq"] = 1
    path.write_text(json.dumps(doc))
    with Installation.open(data_dir, daily_backup=False) as inst:
        assert any("chữ ký" in p for p in integrity.check_installation(inst))


def test_check_command_fails_on_a_deleted_lock(filled, data_dir, capsys):
    commune, _ = filled
    _sign_period(commune)
    commune.close()
    assert main(["--data-dir", str(data_dir), "check"]) == 0
    with sqlite3.connect(data_dir / "plan_desktop.sqlite") as c:
        c.execute("DELETE FROM period_locks")
    assert main(["--data-dir", str(data_dir), "check"]) == 1
    assert "khóa kỳ báo cáo" in capsys.readouterr().err


# -- restore -------------------------------------------------------------------------------------------
def test_restore_is_audited_keeps_locks_sequence_and_passwords(commune, data_dir):
    commune.records().create("officer", OFFICER)
    old = backup.make_backup(commune.store, data_dir, "manual")
    _sign_period(commune)  # signed after the backup
    with commune.store.db.atomic():
        for seq in (1, 2):
            commune.store.db.execute(
                "INSERT INTO exchange_exports (seq, created_at, file_name, manifest_sha256, full, since_change_seq, "
                "upto_change_seq, upto_archive_id, records) VALUES (?, 'now', 'f', 'h', 1, 0, 9, 0, 1)", [seq])
    from plan_desktop.services.access import enable_protection

    enable_protection(commune, "matkhau-canbo", "matkhau-duyet")  # after the backup too
    backup.restore_installation(commune, old)
    store = commune.store
    last = store.db.execute("SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    assert last == ("restore",)
    assert store.db.execute("SELECT period FROM period_locks WHERE reopened_at IS NULL").fetchall() == [("2019",)]
    assert store.db.execute("SELECT MAX(seq) FROM exchange_exports").fetchone()[0] == 2
    assert commune.access.enabled  # the key files stay encrypted under slots that are still there
    assert integrity.check_installation(commune) == []
    commune.close()
    assert is_encrypted(data_dir / "plan_desktop.sqlite")  # the plain backup came back encrypted
    with Installation.open(data_dir, daily_backup=False, password="matkhau-duyet") as again:
        from plan_desktop.services.exchange.keys import own_keys

        assert own_keys(again).fingerprint  # the unit's keys still open
        assert integrity.check_installation(again) == []


def test_restore_refuses_a_backup_with_a_foreign_trigger(commune, data_dir):
    commune.records().create("officer", OFFICER)
    bad = backup.make_backup(commune.store, data_dir, "manual")
    with sqlite3.connect(bad) as c:
        c.execute("CREATE TRIGGER t AFTER INSERT ON form_support BEGIN UPDATE form_support SET change_seq = 0; END")
    with pytest.raises(StoreError, match="trigger"):
        backup.restore_installation(commune, bad)
    assert not (data_dir / ".scratch").exists()  # no copy left behind, and none in the system temp folder


def test_a_damaged_data_file_is_recovered_with_backups_and_restore(commune, data_dir, capsys):
    commune.records().create("officer", OFFICER)
    good = backup.make_backup(commune.store, data_dir, "manual")
    commune.close()
    db = data_dir / "plan_desktop.sqlite"
    for p in data_dir.glob("plan_desktop.sqlite-*"):
        p.unlink()
    db.write_bytes(os.urandom(50_000))
    args = ["--data-dir", str(data_dir)]
    assert main([*args, "records", "list", "officer"]) == 1
    err = capsys.readouterr().err
    assert "bị hỏng" in err and good.name in err and "plan-desktop restore" in err
    assert main([*args, "backups"]) == 0
    assert good.name in capsys.readouterr().out
    assert main([*args, "restore", str(good)]) == 0
    assert "bị hỏng được giữ lại" in capsys.readouterr().out
    assert list(data_dir.glob("plan_desktop.sqlite.damaged-*"))
    with Installation.open(data_dir, daily_backup=False) as inst:
        assert [r["full_name"] for r in inst.store.rows(inst.store.forms["officer"])] == ["Trần Thị Hà"]
        assert integrity.check_installation(inst) == []
        assert inst.store.db.execute("SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone() == (
            "restore",)


def test_an_empty_data_file_is_damaged_not_new(commune, data_dir):
    backup.make_backup(commune.store, data_dir, "manual")
    commune.close()
    (data_dir / "plan_desktop.sqlite").write_bytes(b"")
    for p in data_dir.glob("plan_desktop.sqlite-*"):
        p.unlink()
    with pytest.raises(DamagedStoreError) as info:
        Installation.open(data_dir)
    assert info.value.backup is not None
    with pytest.raises(SetupError, match="rỗng"):
        Installation.init(data_dir, "13597")
    assert (data_dir / "plan_desktop.sqlite").stat().st_size == 0


# -- files ---------------------------------------------------------------------------------------------
@pytest.mark.skipif(os.name != "posix", reason="file modes")
def test_data_backups_keys_and_anchor_are_owner_only(commune, data_dir):
    commune.records().create("officer", OFFICER)
    made = backup.make_backup(commune.store, data_dir, "manual")
    commune.close()
    for path in (data_dir / "plan_desktop.sqlite", made, integrity.anchor_path(data_dir),
                 data_dir / "plan_desktop.lock"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    for folder in (data_dir, data_dir / "backups", data_dir / "keys"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    assert main(["--data-dir", str(data_dir), "check"]) == 0  # the command line logs into the folder
    logging.getLogger("plan_desktop").warning("a line for the log file")
    log_file = data_dir / "logs" / "plan_desktop.log"
    assert stat.S_IMODE(log_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(log_file.parent.stat().st_mode) == 0o700


def test_leftover_parts_are_removed_at_the_next_start(commune, data_dir):
    backup.make_backup(commune.store, data_dir, "manual")
    commune.close()
    part = data_dir / "backups" / "13597_20200101T000000000000Z_manual.sqlite.part"
    part.write_bytes(b"x" * 1000)
    (data_dir / ".scratch").mkdir()
    (data_dir / ".scratch" / "restore.sqlite").write_bytes(b"plain copy")
    with Installation.open(data_dir, daily_backup=False):
        pass
    assert not part.exists() and not (data_dir / ".scratch").exists()


# -- logins --------------------------------------------------------------------------------------------
def test_wrong_passwords_wait_longer_and_are_logged(commune, monkeypatch):
    from plan_desktop.services import access

    waits: list[float] = []
    monkeypatch.setattr(access, "_sleep", waits.append)
    commune.access.enable("matkhau-canbo", "matkhau-duyet")
    for _ in range(FREE_TRIES + 3):
        with pytest.raises(AccessError):
            commune.login("sai mat khau")
    assert waits == [login_delay(n) for n in range(FREE_TRIES, FREE_TRIES + 3)] == [1.0, 2.0, 4.0]
    rows = commune.store.db.execute("SELECT note FROM audit_log WHERE action = 'login_failed'").fetchall()
    assert len(rows) == FREE_TRIES + 3
    commune.login("matkhau-canbo")
    assert commune.access.failures() == 0
    assert integrity.check_installation(commune) == []


def test_a_damaged_encrypted_file_is_restored_encrypted(commune, data_dir, capsys, monkeypatch):
    from plan_desktop.services.access import enable_protection

    commune.records().create("officer", OFFICER)
    plain = backup.make_backup(commune.store, data_dir, "manual")  # from before protection
    enable_protection(commune, "matkhau-canbo", "matkhau-duyet")
    assert is_encrypted(plain)  # the backups were encrypted with the data file
    commune.close()
    db = data_dir / "plan_desktop.sqlite"
    for p in data_dir.glob("plan_desktop.sqlite-*"):
        p.unlink()
    db.write_bytes(os.urandom(50_000))
    args = ["--data-dir", str(data_dir)]
    monkeypatch.setenv("PLAN_DESKTOP_PASSWORD", "matkhau-duyet")
    assert main([*args, "check"]) == 1
    assert plain.name in capsys.readouterr().err
    monkeypatch.setenv("PLAN_DESKTOP_PASSWORD", "matkhau-canbo")  # the officer may not restore
    assert main([*args, "restore", str(plain)]) == 1
    assert "người phê duyệt" in capsys.readouterr().err
    monkeypatch.setenv("PLAN_DESKTOP_PASSWORD", "matkhau-duyet")
    assert main([*args, "restore", str(plain)]) == 0
    assert is_encrypted(db)
    assert main([*args, "check"]) == 0
    with Installation.open(data_dir, daily_backup=False, password="matkhau-canbo") as inst:
        assert [r["full_name"] for r in inst.store.rows(inst.store.forms["officer"])] == ["Trần Thị Hà"]


def test_a_damaged_file_restored_from_an_older_backup_keeps_the_signed_locks(commune, data_dir):
    """The anchor (signed by the unit) lists the periods locked by signed reports: a restore over a
    damaged file, which cannot be read for them, locks them again."""
    commune.records().create("officer", OFFICER)
    old = backup.make_backup(commune.store, data_dir, "manual")
    _sign_period(commune)  # signed after the backup
    commune.close()  # the anchor lists the lock
    for p in data_dir.glob("plan_desktop.sqlite-*"):
        p.unlink()
    (data_dir / "plan_desktop.sqlite").write_bytes(os.urandom(30_000))
    backup.restore_damaged(data_dir, old)
    with Installation.open(data_dir, daily_backup=False) as inst:
        locked = inst.store.db.execute("SELECT period FROM period_locks WHERE reopened_at IS NULL").fetchall()
        assert locked == [("2019",)]
        assert integrity.check_installation(inst) == []


def test_a_lock_deleted_after_the_anchor_is_found_by_it(filled, data_dir):
    commune, _ = filled
    _sign_period(commune)
    commune.close()
    with sqlite3.connect(data_dir / "plan_desktop.sqlite") as c:
        c.execute("DELETE FROM period_locks")
        c.execute("UPDATE meta SET value = ? WHERE key = 'seal'", ["0" * 64])  # even with the seal forged
    with Installation.open(data_dir, daily_backup=False) as inst:
        assert any("theo tệp neo" in p for p in integrity.check_installation(inst))


def test_wrong_passwords_at_an_encrypted_folder_wait_and_are_audited_after(commune, data_dir, monkeypatch):
    from plan_desktop.services import access
    from plan_desktop.services.installation import PasswordRequired

    access.enable_protection(commune, "matkhau-canbo", "matkhau-duyet")
    commune.close()
    waits: list[float] = []
    monkeypatch.setattr(access, "_sleep", waits.append)
    with pytest.raises(PasswordRequired):
        Installation.open(data_dir)
    for _ in range(FREE_TRIES + 1):
        with pytest.raises(AccessError, match="không đúng"):
            Installation.open(data_dir, password="doan-mo-mat-khau")
    assert waits == [1.0]  # the fourth try waited; the count is kept beside the (encrypted) file
    with Installation.open(data_dir, daily_backup=False, password="matkhau-canbo") as inst:
        notes = [r[0] for r in inst.store.db.execute("SELECT note FROM audit_log WHERE action = 'login'")]
        assert notes == [f"Đăng nhập đúng sau {FREE_TRIES + 1} lần sai mật khẩu."]
        assert inst.access.failures() == 0
