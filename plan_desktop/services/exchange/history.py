"""Export history, pending changes, and the completeness board (units x periods)."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from plan_desktop.domain.periods import Period
from plan_desktop.domain.units import Level
from plan_desktop.services.exchange.state import (
    _state,
)
from plan_desktop.services.installation import Installation
from plan_desktop.store import Query, exchange_state

#: Days after the end of a period by which its package is "on time" (completeness board).
DEFAULT_GRACE_DAYS = 15


# -- status and completeness ---------------------------------------------------------------------------------
@dataclass
class ExportStatus:
    sequence: int
    created_at: str
    file_name: str
    records: int
    full: bool
    encrypted_to: str | None
    status: str  # sent | accepted | returned
    reason: str


def export_history(inst: Installation) -> list[ExportStatus]:
    return [
        ExportStatus(
            r["seq"],
            r["created_at"],
            r["file_name"],
            r["records"],
            bool(r["full"]),
            r["encrypted_to"],
            r["status"],
            r["status_reason"] or "",
        )
        for r in exchange_state.exports(inst.store.db)
    ]


def pending_changes(inst: Installation) -> int:
    """How many own records changed since the acknowledged export (what the next package carries)."""
    since = _state(inst, "acked_change_seq")
    return sum(
        exchange_state.count_changed(inst.store.db, f.table, inst.unit_code, since)
        for f in inst.store.forms.values()
    )


@dataclass
class Cell:
    status: str  # on_time | late | missing | pending
    package_date: str | None = None
    report_signed: bool = False

    @property
    def label(self) -> str:
        return {"on_time": "Đúng hạn", "late": "Muộn", "missing": "Chưa nhận", "pending": "Chưa đến hạn"}[
            self.status
        ]


@dataclass
class Board:
    periods: list[str]
    units: list[tuple[str, str]]  # (code, name)
    cells: dict[tuple[str, str], Cell]
    last_package: dict[str, str | None]
    records: dict[str, int]

    def text(self) -> str:
        head = f"{'Mã':<6} {'Đơn vị':<26} " + " ".join(f"{p:<13}" for p in self.periods) + "  Gói gần nhất"
        lines = [head]
        for code, name in self.units:
            cells = []
            for p in self.periods:
                c = self.cells[(code, p)]
                cells.append(f"{c.label + (' ✔BC' if c.report_signed else ''):<13}")
            lines.append(
                f"{code:<6} {name[:26]:<26} " + " ".join(cells) + f"  {(self.last_package[code] or '—')[:10]}"
            )
        return "\n".join(lines) + "\n"


def completeness(
    inst: Installation,
    *,
    year: int | None = None,
    kind: str = "Q",
    all_levels: bool = False,
    grace_days: int = DEFAULT_GRACE_DAYS,
    today: date | None = None,
) -> Board:
    """Units by periods: received on time / late / missing, report signed or not, last package date."""
    year = year or inst.working_year
    today = today or date.today()
    on = date(year, 12, 31)
    units = inst.units.descendants(inst.unit_code, on) if all_levels else inst.child_units(on)
    periods = Period.parse(str(year)).parts(kind)
    received: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in exchange_state.received_summary(inst.store.db):
        received[r["unit_code"]].append(r)
    cells: dict[tuple[str, str], Cell] = {}
    last: dict[str, str | None] = {}
    counts: dict[str, int] = {}
    for u in units:
        pk = received.get(u.code, [])
        last[u.code] = pk[-1]["created_at"] if pk else None
        counts[u.code] = sum(inst.store.count(f, Query(unit_code=u.code)) for f in inst.store.forms.values())
        for p in periods:
            _, end = inst.period_bounds(p)
            deadline = end + timedelta(days=grace_days)
            after = [r for r in pk if r["created_at"][:10] >= end.isoformat()]
            signed = any(_report_covers(rep, p) for r in pk for rep in json.loads(r["reports"] or "[]"))
            if after:
                first = after[0]["created_at"][:10]
                status = "on_time" if first <= deadline.isoformat() else "late"
                cells[(u.code, str(p))] = Cell(status, first, signed)
            else:
                cells[(u.code, str(p))] = Cell("pending" if today <= deadline else "missing", None, signed)
    return Board([str(p) for p in periods], [(u.code, u.name) for u in units], cells, last, counts)


def _report_covers(report_period: Any, p: Period) -> bool:
    if not isinstance(report_period, str):
        return False
    try:
        rp = Period.parse(report_period)
    except ValueError:
        return False
    a, b = rp.bounds()
    c, d = p.bounds()
    return a <= c and d <= b


def level_can_import(inst: Installation) -> bool:
    return inst.level != Level.COMMUNE
