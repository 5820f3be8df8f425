"""Benchmark: a district year of N communes × M records, report (SQL + PDF) against reportlab
rendering the same number of plain table pages in the same run.

    python -m bench.district_report --communes 20 --records 5000 [--keep DIR]

Records are written through the record service (validated, audited), as an import would.
"""

from __future__ import annotations

import argparse
import io
import random
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

DISTRICT = "353"


def fill(inst, communes: int, per_commune: int, year: int = 2019, seed: int = 7) -> int:
    from plan_desktop.domain.units import Level
    from plan_desktop.services.records import RecordService

    rng = random.Random(seed)
    svc = RecordService(inst.store, actor="bench", today=lambda: date(year + 1, 12, 31))
    codes = [u.code for u in inst.units.descendants(DISTRICT, date(year, 12, 31), Level.COMMUNE)][:communes]
    start = date(year, 1, 1)

    def day() -> date:
        return start + timedelta(days=rng.randrange(365))

    total = 0
    for code in codes:
        n_est = max(5, per_commune // 50)
        ests = [(str(uuid.uuid4()), {"name": f"Cơ sở {i}", "kind": rng.choice(["karaoke", "guesthouse", "massage", "cafe"]),
                                      "opened_on": date(2012, 1, 1), "suspected": rng.random() < 0.3})
                for i in range(n_est)]
        officers = [(str(uuid.uuid4()), {"full_name": f"Cán bộ {i}", "since": date(2015, 1, 1)}) for i in range(5)]
        n_insp = per_commune // 6
        n_case = per_commune // 50
        n_sup = per_commune // 20
        n_train = max(1, per_commune // 200)
        n_comm = per_commune - n_est - len(officers) - n_insp - n_case - n_sup - n_train - 1
        batches = {
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
        for form, items in batches.items():
            created, _, issues = svc.write_many(form, items, unit_code=code)
            assert not issues, issues[:3]
            total += created
    return total


def plain_pages(n_pages: int) -> float:
    """Seconds for reportlab to render ``n_pages`` pages of a plain table in the same font."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import PageBreak, SimpleDocTemplate, Table, TableStyle

    from plan_desktop.reports.layout import FONT, register_fonts

    register_fonts()
    t0 = time.perf_counter()
    story = []
    for p in range(n_pages):
        data = [[f"{p}-{r}-{c}" for c in range(8)] for r in range(40)]
        t = Table(data)
        t.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT, 10), ("GRID", (0, 0), (-1, -1), 0.5, "black")]))
        story += [t, PageBreak()]
    SimpleDocTemplate(io.BytesIO(), pagesize=A4).build(story[:-1])
    return time.perf_counter() - t0


def run(communes: int, per_commune: int, folder: Path | None = None) -> dict[str, float]:
    from pypdf import PdfReader

    from plan_desktop.reports.layout import register_fonts
    from plan_desktop.reports.pdf import pdf_bytes
    from plan_desktop.services import reporting
    from plan_desktop.services.installation import Installation

    register_fonts()
    with tempfile.TemporaryDirectory() as tmp:
        folder = folder or Path(tmp) / "huyen"
        inst = Installation.init(folder, DISTRICT, extra_settings={"working_year": 2019})
        try:
            t0 = time.perf_counter()
            n = fill(inst, communes, per_commune)
            t_fill = time.perf_counter() - t0
            builds, renders = [], []
            for _ in range(3):  # best of three, both sides warm (imports, font caches)
                t0 = time.perf_counter()
                data = reporting.build(inst, "2019")
                builds.append(time.perf_counter() - t0)
                t0 = time.perf_counter()
                pdf = pdf_bytes(data)
                renders.append(time.perf_counter() - t0)
            t_build, t_render, t_first = min(builds), min(renders), builds[0] + renders[0]
        finally:
            inst.close()
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    t_plain = min(plain_pages(pages) for _ in range(3))
    return {"records": n, "pages": pages, "fill": t_fill, "build": t_build, "render": t_render,
            "total": t_build + t_render, "plain": t_plain, "first": t_first}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--communes", type=int, default=20)
    ap.add_argument("--records", type=int, default=1000)
    args = ap.parse_args()
    r = run(args.communes, args.records)
    print(f"{r['records']} bản ghi ({args.communes} xã × {args.records}), ghi dữ liệu {r['fill']:.1f} s")
    print(f"báo cáo {r['pages']} trang: số liệu (SQL + băm) {r['build']:.3f} s, dựng PDF {r['render']:.3f} s, "
          f"tổng {r['total']:.3f} s (lần đầu, kể cả nạp thư viện: {r['first']:.3f} s)")
    print(f"reportlab, {r['pages']} trang bảng đơn giản: {r['plain']:.3f} s; "
          f"tỷ lệ dựng PDF/bảng đơn giản {r['render'] / r['plain']:.2f}, tổng/bảng đơn giản {r['total'] / r['plain']:.2f}")


if __name__ == "__main__":
    main()
