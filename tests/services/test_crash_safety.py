"""Kill the process (SIGKILL) at random moments of each write path; the store is always before or after.

Each iteration starts a worker process that writes in a loop, kills it at a random moment once it is
working, then opens the store and checks: SQLite's integrity, the audit chain against every record,
and the path's own all-or-nothing property.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from plan_desktop.services.installation import Installation

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
ITERATIONS = 6
ROWS = 40

WORKER = textwrap.dedent('''
    import sys, csv
    from pathlib import Path
    from plan_desktop.services.installation import Installation
    from plan_desktop.services.tabular import import_file
    from plan_desktop.services import backup
    folder, path, kind = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    inst = Installation.open(folder, daily_backup=False)
    svc = inst.records(actor="worker")
    print("ready", flush=True)
    i = 0
    while True:
        i += 1
        if kind == "save":
            rec = svc.create("officer", {"full_name": f"Cán bộ {i}", "role": "part_time"})
            svc.update("officer", rec["id"], {"full_name": f"Cán bộ {i} đã sửa", "role": "full_time"})
        elif kind == "delete":
            ids = [svc.create("officer", {"full_name": f"Xóa {i}-{k}"})["id"] for k in range(3)]
            svc.delete("officer", *ids)
        elif kind == "import":
            result = import_file(svc, "officer", path)
            assert result.ok, result.errors
        elif kind == "restore":
            backup.restore(inst.store, folder, path)
        elif kind == "protect":  # password protection on and off: the data file re-encrypted each time
            from plan_desktop.services import access
            access.enable_protection(inst, "canbo-1234", "duyet-1234")
            access.disable_protection(inst)
''')


def run_and_kill(folder: Path, path: Path, kind: str, rng: random.Random) -> None:
    proc = subprocess.Popen([sys.executable, "-c", WORKER, str(folder), str(path), kind],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    assert line.strip() == "ready", proc.stderr.read() if proc.stderr else ""
    time.sleep(rng.uniform(0.02, 0.6))
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL, proc.stderr.read() if proc.stderr else ""


def officer_names(folder: Path) -> list[str]:
    with Installation.open(folder, daily_backup=False) as inst:
        problems = inst.store.check()
        assert problems == [], problems
        form = inst.store.forms["officer"]
        return [r["full_name"] for r in inst.store.rows(form)]


@pytest.fixture
def folder(tmp_path) -> Path:
    Installation.init(tmp_path / "data", "13597").close()
    return tmp_path / "data"


def test_kill_during_saves(folder, tmp_path):
    rng = random.Random(1)
    for _ in range(ITERATIONS):
        run_and_kill(folder, tmp_path, "save", rng)
        officer_names(folder)  # check() passes: every record matches its last audit row


def test_kill_during_deletes(folder, tmp_path):
    rng = random.Random(2)
    for _ in range(ITERATIONS):
        run_and_kill(folder, tmp_path, "delete", rng)
        officer_names(folder)


def test_kill_during_csv_import_is_all_or_nothing(folder, tmp_path):
    csv_path = tmp_path / "cb.csv"
    csv_path.write_text("full_name,role\n" + "".join(f"Nguyễn Văn {i},police\n" for i in range(ROWS)),
                        encoding="utf-8")
    rng = random.Random(3)
    for _ in range(ITERATIONS):
        run_and_kill(folder, csv_path, "import", rng)
        names = officer_names(folder)
        assert len(names) % ROWS == 0, f"{len(names)} rows: an import was cut in half"


def test_kill_during_restore(folder, tmp_path):
    from plan_desktop.services import backup

    with Installation.open(folder, daily_backup=False) as inst:
        svc = inst.records()
        for i in range(200):
            svc.create("officer", {"full_name": f"Bản sao {i}"})
        saved = backup.make_backup(inst.store, folder, out=tmp_path / "b.sqlite")
        for i in range(50):
            svc.create("officer", {"full_name": f"Sau sao lưu {i}"})
    rng = random.Random(4)
    for _ in range(ITERATIONS):
        run_and_kill(folder, saved, "restore", rng)
        names = officer_names(folder)
        assert len(names) in (200, 250), len(names)


def test_kill_while_switching_encryption(folder, tmp_path):
    """A kill while the data file is encrypted or decrypted leaves the old file or the new: the records
    are all there, the check is clean, and the unit's keys open with the password (or without one)."""
    from plan_desktop.services import access
    from plan_desktop.services.exchange.keys import own_keys

    with Installation.open(folder, daily_backup=False) as inst:
        svc = inst.records()
        for i in range(300):
            svc.create("officer", {"full_name": f"Mã hóa {i}"})
        fingerprint = own_keys(inst).fingerprint
    rng = random.Random(7)
    for _ in range(ITERATIONS):
        run_and_kill(folder, tmp_path, "protect", rng)
        password = "duyet-1234" if access.folder_locked(folder) else None
        with Installation.open(folder, daily_backup=False, password=password) as inst:
            if inst.access.enabled and inst.session.kek is None:
                inst.login("duyet-1234")  # protected but still plain: encrypted now
            assert inst.store.check() == []
            assert len(list(inst.store.rows(inst.store.forms["officer"]))) == 300
            assert own_keys(inst).fingerprint == fingerprint
            if inst.access.enabled:  # back to plain for the next round
                access.disable_protection(inst)
