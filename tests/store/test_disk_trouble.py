"""A full disk and a read-only data folder: a clear Vietnamese message, nothing lost, nothing half-written.

The full disk is real SQLite behaviour (``PRAGMA max_page_count`` makes the store answer SQLITE_FULL
exactly as a full disk does); the read-only folder is a real read-only bind mount when running as
root (chmod does not stop root), else a folder without write permission."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from plan_desktop.errors import user_message
from plan_desktop.store import StoreError

COMM = {"date": "2019-03-05", "format": "talk", "venue_type": "residential", "lead_org": "police",
        "audience": "residents", "participants": "40"}


def _fill_disk(store) -> None:
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages}")


def test_a_full_disk_refuses_the_write_keeps_everything_and_recovers(commune):
    svc = commune.records("tester")
    first = svc.create("communication", {**COMM, "topic": "Trước khi đầy đĩa"})
    forms = commune.store.forms
    _fill_disk(commune.store)
    big = "Nội dung rất dài " * 110  # just under the 2.000-character limit
    with pytest.raises(sqlite3.OperationalError) as e:
        for i in range(2000):  # fills the last free pages, then the disk is full
            svc.create("communication", {**COMM, "topic": f"Số {i}", "notes": big})
    msg = user_message(e.value)
    assert msg is not None and "Ổ đĩa đã đầy" in msg and "dữ liệu cũ vẫn còn nguyên" in msg
    assert commune.store.db.conn.in_transaction is False  # the failed write was rolled back whole
    assert commune.store.check() == []  # records and audit chain agree
    kept = {r["id"] for r in commune.store.rows(forms["communication"])}
    assert first["id"] in kept
    n_before = commune.store.count(forms["communication"])
    commune.store.db.execute("PRAGMA max_page_count = 1073741823")  # space freed
    svc.create("communication", {**COMM, "topic": "Sau khi giải phóng"})
    assert commune.store.count(forms["communication"]) == n_before + 1
    assert commune.store.check() == []


def test_a_full_disk_during_a_csv_import_leaves_nothing_half_imported(commune, tmp_path):
    from plan_desktop.services.tabular import import_file

    path = tmp_path / "nhap.csv"
    header = ["date", "format", "venue_type", "topic", "lead_org", "audience", "participants", "notes"]
    rows = [",".join(header)] + [
        f"2019-03-{1 + i % 28:02d},talk,residential,Chủ đề {i},police,residents,40,{'x' * 1900}" for i in range(3000)]
    path.write_text("\n".join(rows), encoding="utf-8")
    _fill_disk(commune.store)
    forms = commune.store.forms
    with pytest.raises(sqlite3.OperationalError):
        import_file(commune.records("tester"), "communication", path)
    assert commune.store.count(forms["communication"]) == 0
    assert commune.store.check() == []


def _read_only(folder: Path):
    """Make ``folder`` read-only for this process; returns an undo callable, or None if impossible."""
    if os.geteuid() != 0:
        paths = [folder, *folder.rglob("*")]
        modes = {p: p.stat().st_mode for p in paths}
        for p in paths:
            p.chmod(modes[p] & ~0o222)

        def undo() -> None:
            for p in paths:
                p.chmod(modes[p])

        return undo
    ok = subprocess.run(["mount", "--bind", str(folder), str(folder)], capture_output=True).returncode == 0
    if ok and subprocess.run(["mount", "-o", "remount,ro,bind", str(folder)], capture_output=True).returncode == 0:
        return lambda: subprocess.run(["umount", str(folder)], check=True)
    if ok:
        subprocess.run(["umount", str(folder)])
    return None


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def test_a_read_only_data_folder_is_refused_with_a_clear_message(commune, data_dir):
    from plan_desktop.services.installation import Installation

    commune.records("tester").create("communication", {**COMM, "topic": "Có sẵn"})
    commune.close()
    before = _digest(data_dir)
    undo = _read_only(data_dir)
    if undo is None:
        pytest.skip("không làm được thư mục chỉ đọc trên máy này (cần quyền mount khi chạy bằng root)")
    try:
        with pytest.raises(StoreError) as e:
            Installation.open(data_dir)
        assert "chỉ cho phép đọc" in str(e.value) and "Dữ liệu không bị thay đổi" in str(e.value)
        proc = subprocess.run([sys.executable, "-m", "plan_desktop", "--data-dir", str(data_dir), "records", "list",
                               "communication"], capture_output=True, text=True,
                              env={**os.environ, "PYTHONIOENCODING": "utf-8"})
        assert proc.returncode != 0
        assert "chỉ cho phép đọc" in proc.stderr and "Traceback" not in proc.stderr
    finally:
        undo()
    assert _digest(data_dir) == before
