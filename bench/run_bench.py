"""Benchmarks of the work officers wait for, each against a baseline measured in the same run.

    python bench/run_bench.py [--quick] [--only CASE ...]

Each case builds its own data in a temporary folder and prints the time, the peak memory (RSS high-water
mark of a child process where that matters) and the ratio to its baseline, so the figures survive a
noisy machine. Targets are printed beside them; nothing here is asserted by the test suite.
"""

from __future__ import annotations

import argparse
import csv
import gc
import os
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@dataclass
class Result:
    case: str
    seconds: float
    baseline: float | None
    target: str
    note: str = ""

    @property
    def ratio(self) -> float | None:
        return self.seconds / self.baseline if self.baseline else None


def best_of(fn: Callable[[], object], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def comm_values(i: int) -> dict:
    return {
        "date": (date(2019, 1, 1) + timedelta(days=i % 365)).isoformat(), "format": "talk",
        "venue_type": "residential", "topic": f"Tuyên truyền phòng, chống mại dâm số {i}", "lead_org": "police",
        "audience": "residents;youth", "participants": str(100 + i % 50), "participants_female": str(i % 50),
        "cost": "1.000.000",
    }


def new_installation(folder: Path, unit: str = "13597"):
    from plan_desktop.services.installation import Installation

    return Installation.init(folder, unit, extra_settings={"working_year": 2019})


# -- cases ----------------------------------------------------------------------------------------------
def case_save_one(tmp: Path, n: int) -> Result:
    inst = new_installation(tmp / "save")
    svc = inst.records(actor="bench")
    for i in range(200):  # a store with some content
        svc.create("communication", comm_values(i))
    i = 0

    def save() -> None:
        nonlocal i
        for _ in range(50):
            i += 1
            svc.create("communication", comm_values(i))

    t = best_of(save) / 50
    raw = sqlite3.connect(tmp / "raw.sqlite", isolation_level=None)
    raw.execute("PRAGMA journal_mode=WAL")
    raw.execute("PRAGMA synchronous=FULL")
    raw.execute("CREATE TABLE t (id TEXT PRIMARY KEY, date TEXT, format TEXT, topic TEXT, participants INT)")

    def raw_insert() -> None:
        for k in range(50):
            raw.execute("BEGIN")
            raw.execute("INSERT INTO t VALUES (?, ?, ?, ?, ?)", [str(uuid.uuid4()), "2019-01-01", "talk", f"x{k}", 1])
            raw.execute("COMMIT")

    base = best_of(raw_insert) / 50
    inst.close()
    return Result("save one record (validate, audit, commit)", t, base, "≤ 3×")


def case_csv_import(tmp: Path, n: int) -> Result:
    from plan_desktop.services.tabular import import_file

    path = tmp / "import.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        header = list(comm_values(0))
        w.writerow(header)
        for i in range(n):
            v = comm_values(i)
            w.writerow([v[k] for k in header])
    inst = new_installation(tmp / "csv")
    t0 = time.perf_counter()
    result = import_file(inst.records(actor="bench"), "communication", path)
    t = time.perf_counter() - t0
    assert result.ok and result.created == n, result.errors[:3]
    inst.close()

    raw = sqlite3.connect(tmp / "raw_csv.sqlite", isolation_level=None)
    raw.execute("CREATE TABLE t (" + ", ".join(f"[{c}] TEXT" for c in header) + ")")
    t0 = time.perf_counter()
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.reader(fh))[1:]
    raw.execute("BEGIN")
    raw.executemany(f"INSERT INTO t VALUES ({', '.join('?' for _ in header)})", rows)
    raw.execute("COMMIT")
    base = time.perf_counter() - t0
    return Result(f"CSV import of {n:,} rows".replace(",", "."), t, base, "≤ 3×")


CASES: dict[str, Callable[[Path, int], Result]] = {
    "save": case_save_one,
    "csv": case_csv_import,
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="small data (a smoke run, not the real figures)")
    ap.add_argument("--only", nargs="*", choices=sorted(CASES))
    args = ap.parse_args(argv)
    n = 5_000 if args.quick else 100_000
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="plan-bench-") as tmp:
        for name in args.only or CASES:
            folder = Path(tmp) / name
            folder.mkdir()
            results.append(CASES[name](folder, n))
            r = results[-1]
            ratio = f"{r.ratio:6.1f}×" if r.ratio is not None else "   —  "
            base = f"{r.baseline * 1000:9.2f} ms" if r.baseline is not None else "        —   "
            print(f"{r.case:<48} {r.seconds * 1000:10.2f} ms  baseline {base}  ratio {ratio}  target {r.target}"
                  + (f"  ({r.note})" if r.note else ""), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
