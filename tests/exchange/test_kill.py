"""SIGKILL ``plan-desktop import`` at random moments: the store is either as before or fully imported."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from plan_desktop.services import exchange as ex
from tests.exchange.conftest import C1, DISTRICT, comm_values, content, link, new_inst, open_inst

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
ITERATIONS = 8
RECORDS = 1200


def cli(folder: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "plan_desktop", "--data-dir", str(folder), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def state(folder: Path):
    inst = open_inst(folder)
    try:
        ex.ensure_tables(inst)
        received = sorted(
            (r["unit_code"], r["seq"]) for r in inst.store.db.query("SELECT * FROM exchange_received")
        )
        keys = sorted(r["unit_code"] for r in inst.store.db.query("SELECT * FROM exchange_keys"))
        archive = inst.store.db.execute("SELECT COUNT(*) FROM exchange_archive").fetchone()[0]
        return content(inst), received, keys, archive
    finally:
        inst.close()


def test_sigkill_during_import(tmp_path):
    c1 = new_inst(tmp_path / "c1", C1)
    pristine = tmp_path / "d0"
    d0 = new_inst(pristine, DISTRICT)
    try:
        link(d0, c1, tmp_path / "setup")
        svc = c1.records("tester")
        created, _, issues = svc.write_many("communication", [(None, comm_values(i)) for i in range(RECORDS)])
        assert created == RECORDS and not issues
        pkg = ex.export_package(c1, tmp_path / "usb").path
    finally:
        c1.close()
        d0.close()
    before = state(pristine)

    # one full run: the "after" state and how long an import takes, start to end
    ref = tmp_path / "ref"
    shutil.copytree(pristine, ref)
    t0 = time.monotonic()
    proc = cli(ref, "import", str(pkg))
    _, err = proc.communicate(timeout=120)
    duration = time.monotonic() - t0
    assert proc.returncode == 0, err
    after = state(ref)
    assert len(after[0]["communication"]) == RECORDS and after != before

    rng = random.Random(1295)
    seen = {"before": 0, "after": 0}
    for i in range(ITERATIONS):
        folder = tmp_path / f"d{i + 1}"
        shutil.copytree(pristine, folder)
        proc = cli(folder, "import", str(pkg))
        time.sleep(rng.uniform(0.05, 1.05) * duration)
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=60)
        now = state(folder)
        assert now in (before, after), f"iteration {i}: the store is half imported"
        seen["before" if now == before else "after"] += 1
        check = subprocess.run(
            [sys.executable, "-m", "plan_desktop", "--data-dir", str(folder), "check"],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert check.returncode == 0, check.stderr
        # an interrupted import can simply be run again and ends in the same state
        if now == before:
            again = cli(folder, "import", str(pkg))
            assert again.wait(timeout=120) == 0
            assert state(folder) == after
    print(seen)
