"""Real data folders for the exchange tests: two communes of Lý Nhân, the district, the province."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

C1, C2, DISTRICT, PROVINCE = "13597", "13594", "353", "35"
YEAR = 2019


def open_inst(folder: Path):
    from plan_desktop.services.installation import Installation

    return Installation.open(folder)


def new_inst(folder: Path, unit: str, year: int = YEAR):
    from plan_desktop.services.installation import Installation

    return Installation.init(folder, unit, officer=f"Cán bộ {unit}", extra_settings={"working_year": year})


def comm_values(i: int, **over: Any) -> dict[str, Any]:
    v = {
        "date": date(YEAR, 1 + i % 12, 1 + i % 27),
        "format": "talk",
        "venue_type": "residential",
        "topic": f"Tuyên truyền phòng, chống mại dâm số {i}",
        "lead_org": "police",
        "audience": ["youth"],
        "sessions": 1,
        "participants": 40 + i,
        "participants_female": 20,
    }
    v.update(over)
    return v


def add_records(inst, n: int, start: int = 0) -> list[str]:
    svc = inst.records("tester")
    return [svc.create("communication", comm_values(start + i))["id"] for i in range(n)]


def add_establishment_with_inspection(inst) -> tuple[str, str]:
    svc = inst.records("tester")
    est = svc.create("establishment", {"name": "Nhà nghỉ Hoa Hồng", "kind": "guesthouse"})["id"]
    insp = svc.create(
        "inspection",
        {
            "date": date(YEAR, 5, 3),
            "establishment": est,
            "team": "interagency",
            "violation": False,
            "action": "none",
        },
    )["id"]
    return est, insp


def dump(inst) -> dict[str, list[tuple]]:
    """Every row of every table (order-free): the whole store, to show that nothing changed.

    The exchange tables are created first (as the proposed migration would) so that their mere
    creation does not count as a change."""
    from plan_desktop.services.exchange import ensure_tables

    ensure_tables(inst)
    conn = sqlite3.connect(inst.store.path)
    try:
        out = {}
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"):
            rows = conn.execute(f"SELECT * FROM [{name}]").fetchall()
            out[name] = sorted(rows, key=repr)
        return out
    finally:
        conn.close()


def content(inst, unit: str | None = None) -> dict[str, list[tuple]]:
    """The records as they travel (content columns; of a deleted one, only what a tombstone carries), per
    form: what 'the same end state' means."""
    from plan_desktop.exchange.package import TOMBSTONE_FIELDS

    out = {}
    for form in inst.store.forms.values():
        cols = inst.store.content_columns(form)
        rows = [
            tuple(r[c] if not r["deleted"] or c in TOMBSTONE_FIELDS else None for c in cols)
            for r in inst.store.db.query(f"SELECT * FROM [{form.table}]")
            if unit is None or r["unit_code"] == unit
        ]
        out[form.id] = sorted(rows, key=repr)
    return out


def count(inst, form: str = "communication", unit: str | None = None, deleted: bool | None = None) -> int:
    sql = f"SELECT COUNT(*) FROM [form_{form}] WHERE 1"
    params: list[Any] = []
    if unit:
        sql += " AND unit_code = ?"
        params.append(unit)
    if deleted is not None:
        sql += " AND deleted = ?"
        params.append(int(deleted))
    return inst.store.db.execute(sql, params).fetchone()[0]


@dataclass
class World:
    root: Path
    c1: Any
    c2: Any
    d: Any
    p: Any

    def usb(self, name: str = "usb") -> Path:
        path = self.root / name
        path.mkdir(exist_ok=True)
        return path

    def close(self) -> None:
        for i in (self.c1, self.c2, self.d, self.p):
            i.close()


def link(parent, child, folder: Path) -> None:
    """Enrol ``child`` under ``parent`` as officers do: the parent's setup file is applied at the child
    and held until the child's approver confirms the parent's short code (read out by phone); the parent
    enrols the child's short code in advance, so the child's first package is trusted."""
    from plan_desktop.services import exchange as ex

    folder.mkdir(parents=True, exist_ok=True)
    setup = ex.write_setup_file(parent, child.unit_code, folder)
    info = ex.apply_setup_file(child, setup)
    if info.held:
        ex.approve_key(child, parent.unit_code, ex.own_keys(parent).code)
    ex.trust_key(parent, child.unit_code, ex.own_keys(child).code)


@pytest.fixture
def world(tmp_path: Path):
    w = World(
        tmp_path,
        new_inst(tmp_path / "c1", C1),
        new_inst(tmp_path / "c2", C2),
        new_inst(tmp_path / "d", DISTRICT),
        new_inst(tmp_path / "p", PROVINCE),
    )
    for parent, child in ((w.p, w.d), (w.d, w.c1), (w.d, w.c2)):
        link(parent, child, tmp_path / "setup")
    yield w
    w.close()


def import_backups(folder: Path) -> list[Path]:
    """The backups an import made in the data folder ``folder``."""
    from plan_desktop.services import backup

    return [b.path for b in backup.list_backups(folder) if b.reason == "import"]


def block_backups(folder: Path) -> None:
    """Make backups of the data folder ``folder`` impossible: a file where the backup folder should be."""
    from plan_desktop.paths import backup_dir

    bdir = backup_dir(folder)
    if bdir.exists():  # (the first start of the day may have made one)
        for old in bdir.glob("*"):
            old.unlink()
        bdir.rmdir()
    bdir.write_text("not a folder")
