"""Benchmarks of the work officers wait for, each against a baseline measured in the same run.

    .venv/bin/python bench/run_bench.py [--quick] [--only CASE ...]

Every case runs in its own child process: it builds its own data in a temporary folder, times the
work and its baseline, and reports the peak RSS of the process where that matters. A line reads:
time, peak memory, baseline, ratio, target, PASS/MISS. Ratios to a baseline of the same run survive a
noisy machine; absolute targets (milliseconds, megabytes) do not, so read those with the load in
mind. ``--quick`` is a smoke run on small data (its figures are not the real ones). Nothing here is
asserted by the test suite.

Cases: start, list, save, csv, exchange, report, memory, scale (see ``CASES``).
"""

from __future__ import annotations

import argparse
import csv
import gc
import json
import os
import random
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

COMMUNE = "13597"
YEAR = 2019


@dataclass
class Result:
    case: str
    seconds: float | None
    baseline: float | None = None
    target_ratio: float | None = None  # ratio to the baseline must stay at or under this
    target_ms: float | None = None  # or the time itself
    target_mb: float | None = None  # or the peak RSS
    peak_mb: float | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        return self.seconds / self.baseline if self.seconds is not None and self.baseline else None

    @property
    def target(self) -> str:
        if self.target_ratio is not None:
            return f"≤ {self.target_ratio:g}×"
        if self.target_ms is not None:
            return f"≤ {self.target_ms:g} ms"
        if self.target_mb is not None:
            return f"≤ {self.target_mb:g} MB"
        return "—"

    @property
    def passed(self) -> bool | None:
        if self.target_ratio is not None and self.ratio is not None:
            return self.ratio <= self.target_ratio
        if self.target_ms is not None and self.seconds is not None:
            return self.seconds * 1000 <= self.target_ms
        if self.target_mb is not None and self.peak_mb is not None:
            return self.peak_mb <= self.target_mb
        return None

    def line(self) -> str:
        t = f"{self.seconds * 1000:10.1f} ms" if self.seconds is not None else f"{'—':>13}"
        mem = f"{self.peak_mb:6.0f} MB" if self.peak_mb is not None else f"{'—':>9}"
        base = f"{self.baseline * 1000:10.1f} ms" if self.baseline is not None else f"{'—':>13}"
        ratio = f"{self.ratio:6.2f}×" if self.ratio is not None else f"{'—':>7}"
        verdict = {True: "PASS", False: "MISS", None: "—"}[self.passed]
        return (f"{self.case:<54} {t}  peak {mem}  baseline {base}  ratio {ratio}  target {self.target:<9} "
                f"{verdict}" + (f"  ({self.note})" if self.note else ""))


def best_of(fn: Callable[[], object], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def peak_rss_mb() -> float:
    """This process's RSS high-water mark (Linux: KiB, macOS: bytes)."""
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def _thousands(n: int) -> str:
    return f"{n:,}".replace(",", ".")


# -- data ------------------------------------------------------------------------------------------------
def comm_values(i: int) -> dict:
    """One communication record as CSV text (what an officer's spreadsheet holds)."""
    return {
        "date": (date(YEAR, 1, 1) + timedelta(days=i % 365)).isoformat(), "format": "talk",
        "venue_type": "residential", "topic": f"Tuyên truyền phòng, chống mại dâm số {i}",
        "lead_org": "police",
        "audience": "residents;youth", "participants": str(100 + i % 50), "participants_female": str(i % 50),
        "cost": "1.000.000",
    }


_TOPICS = ["Tuyên truyền Luật Phòng, chống mại dâm", "Nói chuyện chuyên đề về HIV/AIDS",
           "Phổ biến Nghị định 167",
           "Phòng chống mua bán người", "Xây dựng gia đình văn hóa", "Tác hại của tệ nạn xã hội",
           "Vai trò của phụ nữ trong phòng chống mại dâm", "An ninh trật tự khu dân cư"]
_PLACES = ["thôn Đồng Lý", "xóm Chợ", "nhà văn hóa thôn Trung", "trường THCS Đạo Lý",
           "khu công nghiệp Hòa Mạc",
           "chợ Lý Nhân", "thôn Bến", "xóm Mới"]
_FORMATS = ["talk", "group_discussion", "counselling", "loudspeaker", "press", "print_materials"]
_VENUES = ["residential", "school", "industrial_zone", "business"]
_ORGS = ["peoples_committee", "police", "womens_union"]


def typed_comm_values(i: int, rng: random.Random) -> dict[str, Any]:
    """A varied communication record of ``YEAR`` as the entry dialog would pass it."""
    return {
        "date": date(YEAR, 1, 1) + timedelta(days=rng.randrange(365)), "format": rng.choice(_FORMATS),
        "venue_type": rng.choice(_VENUES), "location": rng.choice(_PLACES),
        "topic": f"{rng.choice(_TOPICS)} (đợt {i})", "lead_org": rng.choice(_ORGS),
        "audience": ["residents"], "sessions": 1, "participants": rng.randint(10, 300),
        "participants_female": rng.randint(0, 10),
    }


def new_installation(folder: Path, unit: str = COMMUNE):
    from plan_desktop.services.installation import Installation

    return Installation.init(folder, unit, officer="Cán bộ thử", extra_settings={"working_year": YEAR})


def big_store(folder: Path, n: int) -> Path:
    """A commune data folder with ``n`` communication records of ``YEAR``, written through the record
    service (validated, audited) in batches of 10.000."""
    inst = new_installation(folder)
    try:
        svc = inst.records("bench")
        rng = random.Random(1)
        for start in range(0, n, 10_000):
            items = [(None, typed_comm_values(i, rng)) for i in range(start, min(n, start + 10_000))]
            _, _, issues = svc.write_many("communication", items)
            assert not issues, issues[:3]
    finally:
        inst.close()
    return folder


# -- child processes: the window ----------------------------------------------------------------------------
def _wait_shown(app, window) -> None:
    from PySide6.QtTest import QTest

    window.show()
    QTest.qWaitForWindowExposed(window, 10_000)
    app.processEvents()


_BALLAST: list[None] = []


def pyside_drops_none() -> bool:
    """Whether this PySide6 drops a reference to None on every call of a method returning nothing.

    PySide6 6.12.0 does under Python 3.11 (None is not immortal before 3.12): after some 20.000 such
    calls (``processEvents``, ``setText`` …) the interpreter aborts with «none_dealloc». The window
    cases then hold extra references to None so that they can be measured at all (a few MB of RSS)."""
    from PySide6.QtCore import QObject

    o = QObject()
    before = sys.getrefcount(None)
    for _ in range(10):
        o.setObjectName("x")
    return sys.getrefcount(None) < before


def child_window(mode: str, folder: str | None) -> None:
    """Run in a fresh interpreter: print one JSON line as soon as the window is shown, then (list mode)
    more measurements; exits without Qt teardown. The program's modules are imported first, in the
    order the program itself imports them (the None check below imports PySide6)."""
    if mode == "bare":
        from PySide6.QtWidgets import QApplication, QMainWindow

        if pyside_drops_none():
            _BALLAST.extend([None] * 500_000)
        app = QApplication(sys.argv[:1])
        w = QMainWindow()
        w.resize(1280, 720)
        _wait_shown(app, w)
        print(json.dumps({"shown": True, "rss_mb": peak_rss_mb()}), flush=True)
        os._exit(0)
    from plan_desktop.ui import startup
    from plan_desktop.ui.app import Controller, make_app

    if pyside_drops_none():
        _BALLAST.extend([None] * 500_000)
    app = make_app([sys.argv[0]])
    startup.setup_logging(Path(folder))
    controller = Controller(Path(folder))
    assert controller.start()
    window = controller.window
    _wait_shown(app, window)
    print(json.dumps({"shown": True, "rss_mb": peak_rss_mb()}), flush=True)
    if mode == "list":
        out = _measure_list(app, window)
        out["rss_mb"] = peak_rss_mb()
        print(json.dumps(out), flush=True)
    backup = controller.inst._backup_thread if controller.inst else None
    if backup is not None:  # the day's backup, begun after the window appeared, is finished (untimed)
        backup.join()
    os._exit(0)


class _Painted:
    """Counts the paint events of a widget: a step is done when the widget has painted after it."""

    def __init__(self, widget):
        from PySide6.QtCore import QEvent, QObject

        class Spy(QObject):
            n = 0

            def eventFilter(self, obj, event):  # Qt's name
                if event.type() == QEvent.Type.Paint:
                    Spy.n += 1
                return False

        self.spy = Spy()
        widget.installEventFilter(self.spy)

    def timed(self, app, step: Callable[[], object]) -> float:
        """Seconds from the start of ``step`` until the widget has painted (events processed)."""
        seen = self.spy.n
        t0 = time.perf_counter()
        step()
        deadline = t0 + 10
        while self.spy.n == seen and time.perf_counter() < deadline:
            app.processEvents()
        return time.perf_counter() - t0


def _measure_list(app, window) -> dict[str, Any]:
    """Open the communication list the way the navigation pane does, until its first screen is painted;
    let the officer look at it for a second (the list reads ahead while idle); then type a search word
    one key at a time. A keystroke is timed from the filter the search box's debounce timer runs to the
    repainted list (the 200 ms debounce itself is not counted)."""
    from PySide6.QtTest import QTest

    page = next(p for p in window.pages if p.key == "form:communication")
    # A record page makes its widgets the first time it is shown, so the spy goes on the list's viewport
    # as soon as showing the page has made it, before the event loop paints anything.
    t0 = time.perf_counter()
    window.show_page("form:communication")
    painted = _Painted(page.table.viewport())
    first = (time.perf_counter() - t0) + painted.timed(app, lambda: None)
    rows = page.model.rowCount()
    visible = page.table.rowAt(page.table.viewport().height() - 1) + 1 or 30
    t0 = time.perf_counter()
    model = page.model
    while getattr(model, "_base_texts", True) is None and time.perf_counter() - t0 < 10:  # the read-ahead
        app.processEvents()
    read_ahead = time.perf_counter() - t0
    QTest.qWait(max(0, int(1000 - read_ahead * 1000)))
    page.focus_search()
    word = "cho"  # «chợ», «chuyên đề», «chống»: the first keys match nearly every row
    keys: list[float] = []
    for k in range(1, len(word) + 1):
        page.search.setText(word[:k])
        keys.append(painted.timed(app, page.apply_filter))
    t0 = time.perf_counter()
    while getattr(page.model, "searching", False):  # the rest of the rows found arrive while idle
        app.processEvents()
    search_rest = time.perf_counter() - t0
    matches = page.model.rowCount()
    page.search.setText("")  # and back to the whole list
    keys.append(painted.timed(app, page.apply_filter))
    scroll = painted.timed(app, page.table.scrollToBottom) + painted.timed(app, page.table.scrollToTop)
    return {"first": first, "rows": rows, "visible": visible, "keys": keys, "matches": matches,
            "scroll": scroll, "read_ahead": read_ahead, "search_rest": search_rest}


def _child_env() -> dict[str, str]:
    """The window processes run with compiled modules, as an installed program does (pip compiles
    what it installs, the bundle carries bytecode): with PYTHONDONTWRITEBYTECODE set (some CI boxes
    set it) every start would compile the program's own sources again. The bytecode goes to a cache
    folder of this run, not into the source tree; the first start (the one that also makes the day's
    backup, reported apart) fills it."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / f"plan-bench-pycache-{os.getpid()}")
    return env


def _spawn(mode: str, folder: Path | None) -> tuple[float, list[dict[str, Any]]]:
    """Seconds from starting the interpreter to the window shown, and every JSON line the child printed."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", mode]
    if folder is not None:
        cmd += ["--data", str(folder)]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=str(ROOT),
                            env=_child_env())
    assert proc.stdout is not None
    lines: list[dict[str, Any]] = []
    shown = None
    for raw in proc.stdout:
        if shown is None:
            shown = time.perf_counter() - t0
        lines.append(json.loads(raw))
    err = proc.stderr.read() if proc.stderr else ""
    if proc.wait() != 0 or shown is None:
        raise RuntimeError(f"child {mode} failed: {err[-2000:]}")
    return shown, lines


_window_store: dict[str, Path] = {}


def _window_data(tmp: Path, n: int) -> Path:
    if "folder" not in _window_store:
        _window_store["folder"] = big_store(tmp / "big", n)
    return _window_store["folder"]


# -- cases ----------------------------------------------------------------------------------------------
def case_start(tmp: Path, n: int) -> list[Result]:
    folder = _window_data(tmp, n)
    _spawn("start", folder)  # compiles the program's modules into this run's bytecode cache
    for daily in (folder / "backups").glob("*_daily.sqlite"):
        daily.unlink()
    first, lines = _spawn("start", folder)  # the first start of the day: its backup runs meanwhile
    starts, bares, rss = [], [], []
    for _ in range(3):
        t, lines = _spawn("start", folder)
        starts.append(t)
        rss.append(lines[0]["rss_mb"])
        bares.append(_spawn("bare", None)[0])
    return [Result(f"start to main window shown, {_thousands(n)} records", min(starts), min(bares),
                   target_ratio=2, peak_mb=max(rss),
                   note=f"first start of the day (its backup written meanwhile): {first * 1000:.0f} ms")]


_list_result: dict[str, Any] = {}


def _list_child(tmp: Path, n: int) -> dict[str, Any]:
    if not _list_result:
        folder = _window_data(tmp, n)
        _spawn("start", folder)  # today's backup out of the way
        runs = [_spawn("list", folder)[1][1] for _ in range(3)]
        best = min(runs, key=lambda r: r["first"])
        _list_result.update(best)
        _list_result["keys"] = [min(r["keys"][i] for r in runs) for i in range(len(best["keys"]))]
        _list_result["rss_mb"] = max(r["rss_mb"] for r in runs)
    return _list_result


def _raw_first_screen(folder: Path, limit: int) -> float:
    """The raw SQL for the list's first screen: its columns, this year's live rows, newest first."""
    from plan_desktop import paths

    conn = sqlite3.connect(paths.db_path(folder))
    cols = "id, unit_code, date, format, venue_type, topic, sessions, participants, participants_female"
    sql = (f"SELECT {cols} FROM form_communication WHERE deleted = 0 AND date >= ? AND date <= ? "
           "ORDER BY date DESC, rowid DESC LIMIT ?")

    def run() -> None:
        conn.execute(sql, [f"{YEAR}-01-01", f"{YEAR}-12-31", limit]).fetchall()

    t = best_of(run, 5)
    conn.close()
    return t


def case_list(tmp: Path, n: int) -> list[Result]:
    r = _list_child(tmp, n)
    folder = _window_data(tmp, n)
    base = _raw_first_screen(folder, r["visible"])
    keys = r["keys"][:-1]
    return [
        Result(f"list of {_thousands(r['rows'])} records: first screen", r["first"], base, target_ms=150,
               peak_mb=r["rss_mb"], note=f"{r['visible']} rows on screen"),
        Result("list: search keystroke (worst of «c», «ch», «cho»)", max(keys), base, target_ms=50,
               note="per key: " + ", ".join(f"{k * 1000:.0f}" for k in keys)
               + f" ms; {_thousands(r['matches'])} matches, the last found "
               f"{r['search_rest'] * 1000:.0f} ms later; "
               f"clearing the search {r['keys'][-1] * 1000:.0f} ms; "
               f"read-ahead while idle after the first screen {r['read_ahead'] * 1000:.0f} ms; "
               f"scroll to the end and back {r['scroll'] * 1000:.0f} ms"),
    ]


def case_memory(tmp: Path, n: int) -> list[Result]:
    r = _list_child(tmp, n)
    return [Result(f"peak RSS, window with the {_thousands(r['rows'])}-row list open", None, target_mb=300,
                   peak_mb=r["rss_mb"], note="searched and scrolled to the end")]


def case_save_one(tmp: Path, n: int) -> list[Result]:
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
            row = [str(uuid.uuid4()), "2019-01-01", "talk", f"x{k}", 1]
            raw.execute("INSERT INTO t VALUES (?, ?, ?, ?, ?)", row)
            raw.execute("COMMIT")

    base = best_of(raw_insert) / 50
    inst.close()
    return [Result("save one record (validate, audit, commit)", t, base, target_ratio=3)]


def case_csv_import(tmp: Path, n: int) -> list[Result]:
    from plan_desktop.services.tabular import import_file

    path = tmp / "import.csv"
    header = list(comm_values(0))
    from plan_desktop import paths
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        for i in range(n):
            v = comm_values(i)
            w.writerow([v[k] for k in header])
    inst = new_installation(tmp / "csv")
    empty = new_installation(tmp / "empty")  # the same schema, for the store's own share below
    empty.close()
    gc.collect()
    t0 = time.perf_counter()
    result = import_file(inst.records(actor="bench"), "communication", path)
    t = time.perf_counter() - t0
    assert result.ok and result.created == n, result.errors[:3]
    problems = inst.store.check()
    assert not problems, problems[:3]
    inst.close()
    t_store = _store_share(paths.db_path(tmp / "csv"), paths.db_path(tmp / "empty"))

    raw = sqlite3.connect(tmp / "raw_csv.sqlite", isolation_level=None)
    raw.execute("CREATE TABLE t (" + ", ".join(f"[{c}] TEXT" for c in header) + ")")
    gc.collect()
    t0 = time.perf_counter()
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.reader(fh))[1:]
    raw.execute("BEGIN")
    raw.executemany(f"INSERT INTO t VALUES ({', '.join('?' for _ in header)})", rows)
    raw.execute("COMMIT")
    base = time.perf_counter() - t0
    return [Result(f"CSV import of {_thousands(n)} rows", t, base, target_ratio=3, peak_mb=peak_rss_mb(),
                   note="peak: the whole case process"),
            Result("  the store alone: those records + audit rows", t_store, base,
                   note="the same rows written into an empty store of the same schema, no Python work")]


def _store_share(done: Path, empty: Path) -> float:
    """Seconds to ``executemany`` the records and audit rows an import wrote (read back from ``done``)
    into the empty store ``empty``, in one transaction, through the program's connection settings:
    what the schema (primary key, indexes, audit log) costs without any of the per-record Python work."""
    from plan_desktop.store.db import connect

    src = sqlite3.connect(done)
    tables = {}
    for table in ("form_communication", "audit_log"):
        cur = src.execute(f"SELECT * FROM [{table}]")
        tables[table] = ([d[0] for d in cur.description], cur.fetchall())
    src.close()
    db = connect(empty)
    conn = db.conn
    gc.collect()
    t0 = time.perf_counter()
    conn.execute("BEGIN")
    for table, (cols, rows) in tables.items():
        conn.executemany(f"INSERT INTO [{table}] ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})", rows)
    conn.execute("COMMIT")
    t = time.perf_counter() - t0
    db.close()
    return t


_FORM_TABLES = "SELECT {col} FROM sqlite_master WHERE type='table' AND name LIKE 'form_%'"


def _json_dump(sources: list[Path], out: Path) -> float:
    """Baseline export: every record row of the sources' own unit as JSON, one file per source."""
    t0 = time.perf_counter()
    for i, db_path in enumerate(sources):
        conn = sqlite3.connect(db_path)
        conn.row_factory = sqlite3.Row
        data = {}
        for (table,) in conn.execute(_FORM_TABLES.format(col="name")):
            data[table] = [dict(r) for r in conn.execute(f"SELECT * FROM [{table}]")]
        (out / f"{i}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        conn.close()
    return time.perf_counter() - t0


def _json_load(files: list[Path], target: Path, schema_from: Path) -> float:
    """Baseline import: load the JSON files and executemany every row, one transaction per file."""
    src = sqlite3.connect(schema_from)
    ddl = [r[0] for r in src.execute(_FORM_TABLES.format(col="sql"))]
    src.close()
    conn = sqlite3.connect(target, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    for stmt in ddl:
        conn.execute(stmt)
    t0 = time.perf_counter()
    for f in files:
        data = json.loads(f.read_text(encoding="utf-8"))
        conn.execute("BEGIN")
        for table, rows in data.items():
            if rows:
                cols = list(rows[0])
                conn.executemany(
                    f"INSERT OR REPLACE INTO [{table}] ({', '.join(f'[{c}]' for c in cols)}) "
                    f"VALUES ({', '.join('?' for _ in cols)})", [[r[c] for c in cols] for r in rows])
        conn.execute("COMMIT")
    t = time.perf_counter() - t0
    conn.close()
    return t


def _link(parent, child, folder: Path) -> None:
    """Enrol ``child`` under ``parent`` as officers do (untimed): the parent's setup file applied at the
    child, the parent's short code confirmed there, the child's code enrolled at the parent."""
    from plan_desktop.services import exchange as ex

    folder.mkdir(parents=True, exist_ok=True)
    info = ex.apply_setup_file(child, ex.write_setup_file(parent, child.unit_code, folder))
    if info.held:
        ex.approve_key(child, parent.unit_code, ex.own_keys(parent).code)
    ex.trust_key(parent, child.unit_code, ex.own_keys(child).code)


def case_exchange(tmp: Path, n: int, communes: int = 20, per_commune: int = 5000) -> list[Result]:
    """Communes → district → province with real data folders: 20 communes × 5.000 records each.

    Lines: the communes' exports (all 20), the district importing them, the district's package to the
    province (it forwards the communes' signed bundles), the province importing it. Baselines: the
    same rows dumped to JSON, and loaded back with ``executemany``."""
    from bench.district_report import DISTRICT, commune_batches, write_batches
    from plan_desktop import paths
    from plan_desktop.domain.units import Level
    from plan_desktop.services import exchange as ex
    from plan_desktop.services.installation import Installation

    if n < 100_000:
        per_commune = max(250, n // communes)
    rng = random.Random(7)
    init = lambda folder, unit: Installation.init(folder, unit, officer=f"Cán bộ {unit}",  # noqa: E731
                                                  extra_settings={"working_year": YEAR})
    district = init(tmp / "d", DISTRICT)
    province = init(tmp / "p", "35")
    on = date(YEAR, 12, 31)
    codes = [u.code for u in district.units.descendants(DISTRICT, on, Level.COMMUNE)][:communes]
    _link(province, district, tmp / "setup")
    insts = []
    total = 0
    for code in codes:
        inst = init(tmp / f"c{code}", code)
        _link(district, inst, tmp / "setup")
        total += write_batches(inst.records("bench"), commune_batches(code, per_commune, rng, YEAR))
        insts.append(inst)
    usb = tmp / "usb"
    usb.mkdir()
    gc.collect()
    t0 = time.perf_counter()
    for inst in insts:
        ex.export_package(inst, usb)
    t_exp_c = time.perf_counter() - t0
    gc.collect()
    t0 = time.perf_counter()
    rep = ex.import_files(district, [usb], save_report=False)
    t_imp_d = time.perf_counter() - t0
    assert rep.ok, rep.text()[:2000]
    up = tmp / "up"
    up.mkdir()
    gc.collect()
    t0 = time.perf_counter()
    res = ex.export_package(district, up)
    t_exp_d = time.perf_counter() - t0
    assert res.forwarded == len(codes)
    province.close()  # a copy of the province before the import, for the import in a process of its own
    shutil.copytree(tmp / "p", tmp / "p_alone")
    province = Installation.open(tmp / "p")
    alone = _import_alone(tmp / "p_alone", res.path)
    gc.collect()
    t0 = time.perf_counter()
    rep = ex.import_files(province, [res.path], save_report=False)
    t_imp_p = time.perf_counter() - t0
    assert rep.ok, rep.text()[:2000]
    n_prov = sum(province.store.count(f) for f in province.store.forms.values())
    assert n_prov == total, (n_prov, total)
    assert province.store.check() == []
    sources = [paths.db_path(i.folder) for i in insts]
    for i in (*insts, district, province):
        i.close()
    dump_dir = tmp / "json"
    dump_dir.mkdir()
    b_dump = min(_json_dump(sources, dump_dir) for _ in range(2))
    files = sorted(dump_dir.glob("*.json"))
    b_load = min(_json_load(files, tmp / f"load{k}.sqlite", sources[0]) for k in range(2))
    what = f"{len(codes)} communes × {_thousands(per_commune)}"
    return [
        Result(f"export: {what}, one package each", t_exp_c, b_dump, target_ratio=3),
        Result(f"import at the district: those {len(codes)} packages", t_imp_d, b_load, target_ratio=3),
        Result(f"export: the district's package ({_thousands(total)} records)", t_exp_d, b_dump,
               target_ratio=3),
        Result("import at the province: the district's package", t_imp_p, b_load, target_ratio=3,
               peak_mb=peak_rss_mb(), note="peak: the whole case process"),
        Result("  the same import in a process of its own", alone["seconds"], target_mb=250,
               peak_mb=alone["rss_mb"],
               note=f"peak RSS; {alone['before_mb']:.0f} MB before the import, CPU {alone['cpu']:.2f} s"),
    ]


def _import_alone(folder: Path, package: Path) -> dict[str, float]:
    """Import ``package`` into the installation in ``folder`` in a fresh interpreter: its peak RSS."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--import-alone", str(folder), str(package)]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=str(ROOT))
    if proc.returncode != 0:
        raise RuntimeError(f"import in its own process failed:\n{proc.stderr[-4000:]}")
    return json.loads(proc.stdout.splitlines()[-1])


def child_import(folder: str, package: str) -> None:
    """Run in a fresh interpreter: import one package file, print its time and the peak RSS."""
    from plan_desktop.services import exchange as ex
    from plan_desktop.services.installation import Installation

    def peak() -> float:  # ru_maxrss of a child can carry the parent's peak at its fork: VmHWM where there is one
        try:
            with open("/proc/self/status") as fh:
                return next(int(x.split()[1]) / 1024 for x in fh if x.startswith("VmHWM"))
        except (OSError, StopIteration):
            return peak_rss_mb()

    inst = Installation.open(Path(folder))
    gc.collect()
    before = peak()
    c0, t0 = time.process_time(), time.perf_counter()
    rep = ex.import_files(inst, [Path(package)], save_report=False)
    t, cpu = time.perf_counter() - t0, time.process_time() - c0
    assert rep.ok, rep.text()[:2000]
    inst.close()
    print(json.dumps({"seconds": t, "cpu": cpu, "rss_mb": peak(), "before_mb": before}), flush=True)


def case_report(tmp: Path, n: int, communes: int = 20, per_commune: int = 5000) -> list[Result]:
    from pypdf import PdfReader

    from bench.district_report import DISTRICT, fill, plain_pages
    from plan_desktop.reports.layout import register_fonts
    from plan_desktop.reports.pdf import pdf_bytes
    from plan_desktop.services import reporting
    from plan_desktop.services.installation import Installation

    if n < 100_000:
        per_commune = max(250, n // communes)
    register_fonts()
    inst = Installation.init(tmp / "huyen", DISTRICT, extra_settings={"working_year": YEAR})
    try:
        total = fill(inst, communes, per_commune, YEAR)
        t0 = time.perf_counter()
        pdf = pdf_bytes(reporting.build(inst, str(YEAR)))
        t_first = time.perf_counter() - t0
        builds, renders = [], []
        for _ in range(3):  # best of three, warm (imports, font caches) like the baseline
            gc.collect()
            t0 = time.perf_counter()
            data = reporting.build(inst, str(YEAR))
            builds.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            pdf = pdf_bytes(data)
            renders.append(time.perf_counter() - t0)
    finally:
        inst.close()
    import io

    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    base = min(plain_pages(pages) for _ in range(3))
    t_build, t_render = min(builds), min(renders)
    what = f"{communes} communes × {_thousands(per_commune)}, {pages} pages"
    return [
        Result(f"district report PDF ({what})", t_build + t_render, base, target_ratio=2,
               peak_mb=peak_rss_mb(),
               note=f"{_thousands(total)} records: their data (SQL and the data hash) "
               f"{t_build * 1000:.0f} ms, "
               f"the PDF {t_render * 1000:.0f} ms; first run with imports {t_first * 1000:.0f} ms"),
        Result("  of which the PDF rendering alone", t_render, base, target_ratio=2),
    ]


def _province_years(folder: Path, per_year: int, years: range, seed: int = 11):
    """A province installation holding ``per_year`` records for each of ``years``, spread over the
    communes in force that year and written through the record service (validated, audited), as the
    province holds its communes' records after importing the districts' packages."""
    from bench.district_report import commune_batches, write_batches
    from plan_desktop.domain.units import Level
    from plan_desktop.services.installation import Installation
    from plan_desktop.services.records import RecordService

    inst = Installation.init(folder, "35", extra_settings={"working_year": max(years)})
    rng = random.Random(seed)
    svc = RecordService(inst.store, actor="bench", today=lambda: date(max(years) + 1, 12, 31))
    total = 0
    for year in years:
        communes = [u.code for u in inst.units.descendants("35", date(year, 12, 31), Level.COMMUNE)]
        per_commune = max(15, per_year // len(communes))
        for code in communes:
            total += write_batches(svc, commune_batches(code, per_commune, rng, year), code)
    return inst, total


def case_scale(tmp: Path, n: int) -> list[Result]:
    """How the province's yearly work grows with its data: a province over five years holds about
    116 communes × 500 records × 5 years ≈ 300.000 records.

    Two stores of five years (2016–2020), one with ``n`` records and one with ``3n``: `check` and a
    backup should take about 3× as long on the second (linear growth); the year report is the 2019 report
    of each. A year's report must not grow with the other four years: a copy of the first store keeping
    only the records the 2019 report reads (its events of 2019, but also the rosters' records in force
    in 2019 whatever year they began, the trainings since the plan's start, last year's statuses: what
    the report counts by its own definition) must take as long as the whole store. A store of 2019's
    records alone is measured too, for reference: it holds fewer records that count for 2019 (no
    establishment opened before 2019), so it is no baseline. The «baseline» of each growth line is the
    smaller store's time."""
    from plan_desktop.reports.pdf import pdf_bytes
    from plan_desktop.services import backup as backups
    from plan_desktop.services import reporting

    def report_time(inst) -> float:
        runs = []
        for _ in range(3):  # the first run of a freshly opened store reads its pages from disk
            gc.collect()
            t0 = time.perf_counter()
            pdf_bytes(reporting.build(inst, "2019"))
            runs.append(time.perf_counter() - t0)
        return min(runs)

    def measure(inst) -> dict[str, float]:
        out: dict[str, float] = {}
        gc.collect()
        t0 = time.perf_counter()
        problems = inst.store.check()
        out["check"] = time.perf_counter() - t0
        assert problems == [], problems[:3]
        gc.collect()
        t0 = time.perf_counter()
        backups.make_backup(inst.store, inst.folder, reason="bench", out=tmp / f"b{id(inst)}.sqlite")
        out["backup"] = time.perf_counter() - t0
        out["report"] = report_time(inst)
        return out

    years = range(2016, 2021)
    small, n_small = _province_years(tmp / "p1", n // len(years), years)
    try:
        m1 = measure(small)
    finally:
        small.close()
    reach, n_reach = _reach_of_2019(tmp / "p1", tmp / "p1-reach")
    try:
        t_reach = report_time(reach)
    finally:
        reach.close()
    big, n_big = _province_years(tmp / "p3", 3 * n // len(years), years)
    try:
        m3 = measure(big)
    finally:
        big.close()
    one, n_one = _province_years(tmp / "p2019", n // len(years), range(2019, 2020))
    try:
        m_one = measure(one)
    finally:
        one.close()
    size = f"{_thousands(n_small)} → {_thousands(n_big)} records"
    return [
        Result(f"scale: check, {size}", m3["check"], m1["check"], target_ratio=3.6,
               note="linear growth reads ≈ 3×"),
        Result(f"scale: backup, {size}", m3["backup"], m1["backup"], target_ratio=3.6,
               note="linear growth reads ≈ 3×"),
        Result(f"scale: province 2019 report, {size}", m3["report"], m1["report"], target_ratio=3.6,
               note="2019 itself holds 3× the records in the larger store"),
        Result(f"scale: province 2019 report, 5 years vs only what it reads ({_thousands(n_small)} vs "
               f"{_thousands(n_reach)} records)", m1["report"], t_reach, target_ratio=1.3,
               peak_mb=peak_rss_mb(), note="a year's report must not grow with the other years"),
        Result(f"  for reference: a store of 2019's records alone ({_thousands(n_one)} records)", m_one["report"],
               note="fewer records count for 2019 there (no roster record of an earlier year)"),
    ]


def _reach_of_2019(folder: Path, copy: Path):
    """A copy of the installation in ``folder`` keeping only the records its 2019 report reads
    (``Scope.where`` of each form, for 2019 and for 2018, which it compares with): the report's own data
    without the other years'. The copy is for the
    report only (its audit log no longer matches its records). Returns it opened, and its record count."""
    from plan_desktop import paths
    from plan_desktop.reports.scope import make_scope
    from plan_desktop.services.installation import Installation

    shutil.copytree(folder, copy)
    inst = Installation.open(copy)
    scopes = [make_scope(inst, "2019"), make_scope(inst, "2018")]  # the report compares with last year
    conn = inst.store.db.conn
    kept = 0
    with inst.store.db.atomic():
        for form_id, form in inst.store.forms.items():
            wheres = [scope.where(form_id) for scope in scopes]
            clause = " OR ".join(f"({w})" for w, _ in wheres)
            conn.execute(f"DELETE FROM [{form.table}] WHERE NOT ({clause})", [p for _, ps in wheres for p in ps])
            kept += conn.execute(f"SELECT count(*) FROM [{form.table}]").fetchone()[0]
    conn.execute("VACUUM")  # as compact as a store that never held the rest
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert paths.db_path(copy).exists()
    return inst, kept


CASES: dict[str, Callable[[Path, int], list[Result]]] = {
    "start": case_start,
    "list": case_list,
    "save": case_save_one,
    "csv": case_csv_import,
    "exchange": case_exchange,
    "report": case_report,
    "memory": case_memory,
    "scale": case_scale,
}
#: Cases that share the 100.000-record window store run in one child process.
_GROUPS = [("start", "list", "memory")]


def _run_in_child(names: list[str], n: int) -> list[dict[str, Any]]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--case", *names, "--n", str(n)]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=str(ROOT))
    if proc.returncode != 0:
        raise RuntimeError(f"case {' '.join(names)} failed:\n{proc.stderr[-4000:]}")
    return [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="small data (a smoke run, not the real figures)")
    ap.add_argument("--only", nargs="*", choices=sorted(CASES))
    ap.add_argument("--child", help=argparse.SUPPRESS)  # internal: a window process
    ap.add_argument("--import-alone", nargs=2, help=argparse.SUPPRESS)  # internal: an import process
    ap.add_argument("--data", help=argparse.SUPPRESS)
    ap.add_argument("--case", nargs="*", help=argparse.SUPPRESS)  # internal: run cases here
    ap.add_argument("--n", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        child_window(args.child, args.data)
        return 0
    if args.import_alone:
        child_import(*args.import_alone)
        return 0
    if args.case:
        with tempfile.TemporaryDirectory(prefix="plan-bench-") as tmp:
            for name in args.case:
                folder = Path(tmp) / name
                folder.mkdir()
                for r in CASES[name](folder, args.n):
                    print(json.dumps(asdict(r)), flush=True)
            shutil.rmtree(tmp, ignore_errors=True)
        return 0
    n = 5_000 if args.quick else 100_000
    selected = [c for c in CASES if c in (args.only or CASES)]
    batches: list[list[str]] = []
    for name in selected:
        group = next((g for g in _GROUPS if name in g), None)
        if group is None:
            batches.append([name])
        elif not any(name in b for b in batches):
            batches.append([c for c in group if c in selected])
    kind = "quick (small data)" if args.quick else "full"
    print(f"plan_desktop benchmark, {kind}; {os.cpu_count()} cores, "
          f"load {os.getloadavg()[0]:.1f}", flush=True)
    if any(c in selected for c in ("start", "list", "memory")) and pyside_drops_none():
        import PySide6

        version = sys.version.split()[0]
        print(f"WARNING: PySide6 {PySide6.__version__} on Python {version} drops a reference to None "
              "on every call of a method that returns nothing; the program aborts («none_dealloc») "
              "after some 20.000 such calls. The window cases work around it to be measured.", flush=True)
    misses = 0
    for names in batches:
        for raw in _run_in_child(names, n):
            r = Result(**raw)
            misses += r.passed is False
            print(r.line(), flush=True)
    print(f"{misses} case(s) miss their target." if misses else "All cases meet their targets.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
