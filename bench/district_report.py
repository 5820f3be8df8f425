"""Benchmark data for a district year: N communes × M records of every form, written through the
record service (validated, audited) as an import would, and the plain reportlab baseline.

The report case itself is in ``bench/run_bench.py`` (``--only report``); ``tests/reports`` uses
:func:`fill` to build a large district year.
"""

from __future__ import annotations

import io
import random
import time
import uuid
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

DISTRICT = "353"

Batches = dict[str, list[tuple[str | None, Mapping[str, Any]]]]


def commune_batches(code: str, per_commune: int, rng: random.Random, year: int = 2019) -> Batches:
    """About ``per_commune`` records of every form for one commune's year, in write order (forms that
    others refer to first)."""
    start = date(year, 1, 1)

    def day() -> date:
        return start + timedelta(days=rng.randrange(365))

    n_est = max(5, per_commune // 50)
    kinds = ["karaoke", "guesthouse", "massage", "cafe"]
    ests = [(str(uuid.uuid4()), {"name": f"Cơ sở {i}", "kind": rng.choice(kinds),
                                  "opened_on": date(2012, 1, 1), "suspected": rng.random() < 0.3})
            for i in range(n_est)]
    officers = [(str(uuid.uuid4()), {"full_name": f"Cán bộ {i}", "since": date(2015, 1, 1)})
                for i in range(5)]
    n_insp = per_commune // 6
    n_case = per_commune // 50
    n_sup = per_commune // 20
    n_train = max(1, per_commune // 200)
    n_comm = per_commune - n_est - len(officers) - n_insp - n_case - n_sup - n_train - 1
    return {
        "establishment": ests,
        "officer": officers,
        "communication": [(None, {"date": day(), "format": rng.choice(["talk", "group_discussion", "press"]),
                                  "venue_type": "residential", "topic": "Phòng, chống mại dâm",
                                  "lead_org": "police", "audience": ["residents"], "sessions": 1,
                                  "participants": rng.randint(10, 200), "participants_female": 5})
                          for _ in range(n_comm)],
        "inspection": [(None, {"date": day(), "establishment": rng.choice(ests)[0], "team": "police",
                               "violation": False, "action": "none"}) for _ in range(n_insp)],
        "case": [(None, {"detected_on": day(), "kind": "buying_selling", "sellers": 1, "status": "open"})
                 for _ in range(n_case)],
        "support": [(None, {"date": day(), "person_code": f"HT-{code}-{i:04d}", "service": "counselling"})
                    for i in range(n_sup)],
        "training": [(None, {"start_date": day(), "title": "Tập huấn", "level": "commune", "content": ["law"],
                             "trainee_group": "officers", "trainees": 20, "officers": [officers[0][0]]})
                     for _ in range(n_train)],
        "unit_status": [(None, {"year": year, "healthy": rng.random() < 0.8})],
    }


def write_batches(svc, batches: Batches, unit_code: str | None = None) -> int:
    total = 0
    for form, items in batches.items():
        created, _, issues = svc.write_many(form, items, unit_code=unit_code)
        assert not issues, issues[:3]
        total += created
    return total


def fill(inst, communes: int, per_commune: int, year: int = 2019, seed: int = 7) -> int:
    """Write a district year into the district installation ``inst``: ``communes`` of its communes,
    ``per_commune`` records each. Returns the number of records written."""
    from plan_desktop.domain.units import Level
    from plan_desktop.services.records import RecordService

    rng = random.Random(seed)
    svc = RecordService(inst.store, actor="bench", today=lambda: date(year + 1, 12, 31))
    codes = [u.code for u in inst.units.descendants(DISTRICT, date(year, 12, 31), Level.COMMUNE)][:communes]
    return sum(write_batches(svc, commune_batches(code, per_commune, rng, year), code) for code in codes)


def plain_pages(n_pages: int, rows_per_page: int = 30) -> float:
    """Seconds for reportlab to render exactly ``n_pages`` pages of a plain table in the same font.

    Each page holds one table of ``rows_per_page`` rows at 10 pt, which fits an A4 page with reportlab's
    default margins (a 40-row table did not: asking 7 pages drew 14 and flattered the report's ratio);
    the page count is checked."""
    from pypdf import PdfReader
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import PageBreak, SimpleDocTemplate, Table, TableStyle

    from plan_desktop.reports.layout import FONT, register_fonts

    register_fonts()
    t0 = time.perf_counter()
    story = []
    for p in range(n_pages):
        data = [[f"{p}-{r}-{c}" for c in range(8)] for r in range(rows_per_page)]
        t = Table(data)
        t.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT, 10),
                               ("GRID", (0, 0), (-1, -1), 0.5, "black")]))
        story += [t, PageBreak()]
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4).build(story[:-1])
    seconds = time.perf_counter() - t0
    drawn = len(PdfReader(io.BytesIO(out.getvalue())).pages)
    if drawn != n_pages:
        raise RuntimeError(f"the baseline drew {drawn} pages, not {n_pages}")
    return seconds
