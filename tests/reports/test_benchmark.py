"""A district year of 20 communes × 1,000 records: the report against reportlab rendering the same
number of plain table pages in the same run (times printed; run with -s to see them).

For the 20 × 5,000 case: ``python -m tests.reports.bench_report --records 5000``.
"""

from __future__ import annotations

import io
import time

from tests.reports.bench_report import fill, plain_pages


def test_district_year_benchmark(district, capsys):
    from pypdf import PdfReader

    from plan_desktop.reports.pdf import pdf_bytes
    from plan_desktop.services import reporting

    t0 = time.perf_counter()
    n = fill(district, 20, 1000)
    t_fill = time.perf_counter() - t0
    assert n == 20_000
    builds, renders, pdf = [], [], b""
    plain_pages(1)  # both sides warm
    for _ in range(3):
        t0 = time.perf_counter()
        data = reporting.build(district, "2019")
        builds.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        pdf = pdf_bytes(data)
        renders.append(time.perf_counter() - t0)
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    plain = min(plain_pages(pages) for _ in range(3))
    build, render = min(builds), min(renders)
    with capsys.disabled():
        print(f"\n[benchmark] {n} records written in {t_fill:.1f} s; report {pages} pages: "
              f"data (SQL + hash) {build:.3f} s, PDF {render:.3f} s, total {build + render:.3f} s; "
              f"reportlab {pages} plain table pages {plain:.3f} s; PDF/plain {render / plain:.2f}, "
              f"total/plain {(build + render) / plain:.2f}")
    assert sum(data.counts.values()) >= 20_000
    assert render <= 2.0 * plain
    assert build + render < 10  # and in absolute terms, well under the time an officer waits
