"""Backups (daily, before migrations, on demand), restore, and one program per data folder."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from plan_desktop.cli import main
from plan_desktop.services import backup
from plan_desktop.services.installation import Installation
from plan_desktop.store import StoreError

FIXTURE = Path(__file__).parent.parent / "data" / "db_v0_1_0.sqlite"
OFFICER = {"full_name": "Trần Thị Hà"}


def officers(inst) -> list[str]:
    form = inst.store.forms["officer"]
    return sorted(r["full_name"] for r in inst.store.rows(form))


def test_first_open_of_the_day_makes_one_backup(commune, data_dir):
    commune.records().create("officer", OFFICER)
    commune.close()
    with Installation.open(data_dir):
        pass
    with Installation.open(data_dir):
        pass
    daily = [b for b in backup.list_backups(data_dir) if b.reason == "daily"]
    assert len(daily) == 1
    copy = sqlite3.connect(daily[0].path)
    assert copy.execute("SELECT full_name FROM form_officer").fetchall() == [("Trần Thị Hà",)]


def test_the_days_backup_on_a_thread_copies_the_data_while_the_officer_works(commune, data_dir):
    commune.records().create("officer", OFFICER)
    commune.close()
    inst = Installation.open(data_dir, daily_backup=False)
    assert backup.list_backups(data_dir) == []
    thread = inst.start_daily_backup()
    assert thread is not None
    inst.records().create("officer", {"full_name": "Lê Văn Nam"})  # the window is usable meanwhile
    inst.close()  # waits for the copy: the folder is not released half-way through a backup
    assert not thread.is_alive()
    (daily,) = backup.list_backups(data_dir)
    assert daily.reason == "daily"
    info = backup.inspect_backup(daily.path)
    assert info["unit_code"] == "13597"
    copy = sqlite3.connect(daily.path)
    names = {r[0] for r in copy.execute("SELECT full_name FROM form_officer")}
    copy.close()
    assert "Trần Thị Hà" in names  # what was there when the copy began (the new one may or may not be)
    assert not list((data_dir / "backups").glob("*.part"))
    # one a day
    with Installation.open(data_dir, daily_backup=False) as again:
        assert again.start_daily_backup() is None


def test_a_failed_background_backup_is_logged_and_work_goes_on(commune, data_dir, monkeypatch, caplog):
    def refuse(conn, dest, key=None):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup, "backup_to", refuse)
    commune.close()
    with Installation.open(data_dir, daily_backup=False) as inst:
        thread = inst.start_daily_backup()
        thread.join()
        inst.records().create("officer", OFFICER)
    assert backup.list_backups(data_dir) == []
    assert any("daily backup failed" in r.getMessage() for r in caplog.records)


def test_backup_before_migration(tmp_path, monkeypatch):
    folder = tmp_path / "old"
    folder.mkdir()
    shutil.copyfile(FIXTURE, folder / "plan_desktop.sqlite")
    forms_dir = tmp_path / "forms"
    shutil.copytree(Path(__file__).parents[2] / "forms", forms_dir)
    (forms_dir / "officer.toml").write_text(
        (forms_dir / "officer.toml").read_text(encoding="utf-8")
        + '\n[[fields]]\nname = "phone"\ntype = "text"\nmax_length = 20\nlabel = "Điện thoại"\n', encoding="utf-8")
    from plan_desktop.domain.forms import load_forms

    with Installation.open(folder, forms=load_forms(forms_dir), daily_backup=False) as inst:
        assert "phone" in inst.store.db["form_officer"].columns_dict
    (mig,) = [b for b in backup.list_backups(folder) if b.reason == "migration"]
    old = sqlite3.connect(mig.path)
    assert "phone" not in [r[1] for r in old.execute("PRAGMA table_info(form_officer)")]


def test_restore_brings_data_back_and_keeps_what_it_replaced(commune, tmp_path):
    svc = commune.records()
    svc.create("officer", OFFICER)
    saved = backup.make_backup(commune.store, commune.folder, out=tmp_path / "b.sqlite")
    svc.create("officer", {"full_name": "Vũ Văn Long"})
    assert officers(commune) == ["Trần Thị Hà", "Vũ Văn Long"]
    previous = backup.restore(commune.store, commune.folder, saved)
    assert officers(commune) == ["Trần Thị Hà"]
    assert commune.store.check() == []
    assert sqlite3.connect(previous).execute("SELECT count(*) FROM form_officer").fetchone() == (2,)
    # and the program keeps writing after a restore
    svc.create("officer", {"full_name": "Lê Thị Mai"})
    assert commune.store.check() == []


def test_restore_refuses_other_units_broken_and_tampered_files(commune, tmp_path):
    other = Installation.init(tmp_path / "other", "13594")
    other_backup = backup.make_backup(other.store, other.folder, out=tmp_path / "other.sqlite")
    other.close()
    commune.records().create("officer", OFFICER)
    before = officers(commune)
    with pytest.raises(StoreError, match="đơn vị 13594, không phải của đơn vị này"):
        backup.restore(commune.store, commune.folder, other_backup)
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="không phải là tệp sao lưu"):
        backup.restore(commune.store, commune.folder, junk)
    tampered = backup.make_backup(commune.store, commune.folder, out=tmp_path / "t.sqlite")
    with sqlite3.connect(tampered) as c:
        c.execute("UPDATE form_officer SET full_name = 'Người khác'")
    with pytest.raises(StoreError, match="không toàn vẹn"):
        backup.restore(commune.store, commune.folder, tampered)
    assert officers(commune) == before


def test_backups_are_pruned_to_the_setting(commune):
    commune.store.set_settings({"backup_keep": 3})
    for _ in range(5):
        backup.make_backup(commune.store, commune.folder, "manual")
    assert len(backup.list_backups(commune.folder)) == 3


def test_cli_backup_and_restore(commune, data_dir, tmp_path, capsys):
    commune.records().create("officer", OFFICER)
    commune.close()
    out = tmp_path / "usb" / "sao-luu.sqlite"
    assert main(["--data-dir", str(data_dir), "backup", "--out", str(out)]) == 0
    assert str(out) in capsys.readouterr().out
    with Installation.open(data_dir) as inst:
        inst.records().create("officer", {"full_name": "Vũ Văn Long"})
    assert main(["--data-dir", str(data_dir), "restore", str(out)]) == 0
    with Installation.open(data_dir) as inst:
        assert officers(inst) == ["Trần Thị Hà"]
    assert main(["--data-dir", str(data_dir), "restore", str(tmp_path / "missing.sqlite")]) == 1
    assert "Không tìm thấy tệp" in capsys.readouterr().err


def test_a_second_program_on_the_same_folder_is_refused(commune, data_dir):
    r = subprocess.run([sys.executable, "-m", "plan_desktop", "--data-dir", str(data_dir), "records", "list",
                        "officer"],
                       capture_output=True, text=True, encoding="utf-8")
    assert r.returncode == 1
    # this test's own process holds it (no window, no command): the message says so, with the process id
    assert f"đang được một chương trình khác (tiến trình số {os.getpid()}) sử dụng" in r.stderr
    commune.close()
    r = subprocess.run([sys.executable, "-m", "plan_desktop", "--data-dir", str(data_dir), "records", "list",
                        "officer"],
                       capture_output=True, text=True, encoding="utf-8")
    assert r.returncode == 0, r.stderr
