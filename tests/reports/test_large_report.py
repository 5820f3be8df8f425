"""A district year of many communes: the report counts every record written, across pages.

Timings live in ``bench/run_bench.py`` (case ``report``); this test only checks the behaviour.
"""

from __future__ import annotations

import io

from bench.district_report import fill


def test_district_year_report_counts_every_record(district):
    from pypdf import PdfReader

    from plan_desktop.reports.pdf import pdf_bytes
    from plan_desktop.services import reporting

    n = fill(district, 20, 120)
    assert n == 20 * 120
    data = reporting.build(district, "2019")
    assert sum(data.counts.values()) == n
    pdf = pdf_bytes(data)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) >= 2
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
    comm = data.counts["communication"]
    assert f"Tổ chức {comm:,} hoạt động truyền thông".replace(",", ".") in text
    assert f"phát hiện {data.counts['case']} vụ việc" in text
