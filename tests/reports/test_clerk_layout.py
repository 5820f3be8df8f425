"""What a clerk checks before filing a report (issue 15): periods and dates, «Nơi nhận» by the unit's
kind in the report's year, the comparison with the same period of the previous year, abbreviations
spelled out once, appendices numbered on their own, the signature block kept with the text, the PDF
metadata, and the QR code on the last page carrying the data hash that ``verify`` prints."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from plan_desktop.cli import main
from plan_desktop.domain.units import Unit
from plan_desktop.reports.periodic import recipients_for
from plan_desktop.reports.scope import ReportError, make_scope
from plan_desktop.services import reporting
from tests.reports.conftest import comm, flat, pdf_text


def test_periods_outside_the_plan_and_dates_before_the_period_end_are_refused(commune):
    with pytest.raises(ReportError, match=r"ngoài thời gian của Kế hoạch 1295/KH-UBND \(2016–2020\)"):
        reporting.build(commune, "2015", report_date=date(2016, 1, 10))
    with pytest.raises(ReportError, match=r"Ngày báo cáo 20/06/2019 trước ngày kết thúc kỳ .*30/06/2019"):
        reporting.build(commune, "2019-H1", report_date=date(2019, 6, 20))
    # with the statistical cut-off the first six months end on 14/06
    commune.store.set_settings({"period_cutoff": "statistical"})
    reporting.build(commune, "2019-H1", report_date=date(2019, 6, 20))
    with pytest.raises(ReportError, match="14/06/2019"):
        reporting.build(commune, "2019-H1", report_date=date(2019, 6, 10))


def test_a_period_before_the_unit_existed_says_so(commune, monkeypatch):
    later = Unit("13597", "Xã Đồng Lý", commune.unit().level, "Xã", "353", date(2018, 1, 1), None)
    monkeypatch.setattr(commune.units, "versions", lambda code: [later])
    with pytest.raises(ReportError, match="được thành lập từ ngày 01/01/2018") as exc:
        reporting.check_period(commune, "2017", None, date(2018, 1, 5))
    assert "không còn trong danh mục" not in str(exc.value)


@pytest.mark.parametrize(("code", "year", "expected"), [
    ("349", 2019, "TT Huyện ủy, HĐND huyện"),
    ("349", 2020, "TT Thị ủy, HĐND thị xã"),
    ("347", 2019, "TT Thành ủy, HĐND thành phố"),
    ("353", 2020, "TT Huyện ủy, HĐND huyện"),
])
def test_recipients_of_a_district_follow_its_kind_in_the_report_year(province, code, year, expected):
    scope = make_scope(province, str(year), code)
    got = recipients_for(scope)
    assert expected in got and got[-1] == "Lưu: VT, LĐTBXH"


def test_recipients_of_the_province_and_of_a_commune(province, commune):
    assert "UBND các huyện, thành phố" in recipients_for(make_scope(province, "2019"))
    assert "UBND các huyện, thị xã, thành phố" in recipients_for(make_scope(province, "2020"))
    got = recipients_for(make_scope(commune, "2019"))
    assert got[-1] == "Lưu: VT" and not any("LĐTBXH" in r and "Lưu" in r for r in got)


@pytest.fixture
def two_years(commune, service, tmp_path) -> Path:
    for day in ("2018-03-01", "2018-04-02", "2018-05-03", "2018-09-09"):
        comm(service, None, day, participants=10)
    for day in ("2019-03-05", "2019-05-06"):
        comm(service, None, day, participants=20)
    service.create("training", {"start_date": "2019-04-10", "end_date": "2019-04-10",
                                "title": "Tập huấn nghiệp vụ", "level": "commune", "content": ["management"],
                                "trainee_group": "officers", "trainees": 12})
    reporting.save_draft(commune, "2019-H1", {"assessment": "Ưu điểm: phối hợp tốt.", "tasks": "Tiếp tục.",
                                              "requests": "Không có."})
    pdf = tmp_path / "h1.pdf"
    reporting.make_report(commune, "2019-H1", out=pdf, report_date=date(2019, 7, 5))
    return pdf


def test_figures_compare_with_the_same_period_of_last_year(two_years):
    body = flat(" ".join(pdf_text(two_years)))
    # 2 activities in the first half of 2019, 3 in the first half of 2018 (September is not the same period)
    assert "So với cùng kỳ năm trước (3 hoạt động), giảm 1 hoạt động (33,3 %)." in body
    assert "Cùng kỳ năm trước không có lớp nào." in body


def test_abbreviations_are_spelled_out_at_first_use(two_years):
    body = flat(" ".join(pdf_text(two_years)))
    first = body.find("PCMD")
    assert first > 0 and body[first - len("phòng, chống mại dâm (") : first] == "phòng, chống mại dâm ("
    assert "KH-UBND" in body  # a document symbol is left alone


def test_appendix_pages_are_numbered_on_their_own_and_the_heading_keeps_the_unit_name(commune, service, tmp_path):
    for i in range(60):
        comm(service, None, f"2019-{1 + i % 12:02d}-{1 + i % 27:02d}", participants=5 + i)
    reporting.save_draft(commune, "2019", {"assessment": "Ưu điểm.", "tasks": "Nhiệm vụ.", "requests": "Kiến nghị.",
                                           "number": "15"})
    pdf = tmp_path / "y.pdf"
    reporting.make_report(commune, "2019", out=pdf, report_date=date(2020, 1, 5))
    pages = [flat(p) for p in pdf_text(pdf)]
    start = next(i for i, p in enumerate(pages) if p.startswith("Phụ lục I"))
    assert not pages[start].split()[0].isdigit()  # none on the appendix's first page …
    assert [p.split()[0] for p in pages[start + 1:start + 3]] == ["2", "3"]  # … then 2, 3 of its own
    heading = pdf_text(pdf)[start]
    assert "(Kèm theo Báo cáo số 15/BC-UBND ngày 05 tháng 01 năm 2020" in flat(heading)
    assert any(line.strip() == "của Ủy ban nhân dân xã Đồng Lý)" for line in heading.splitlines())
    # the signature block is never alone on its page: the last paragraph of section V is with it
    closing = next(p for p in pages if "Nơi nhận:" in p)
    assert "Kiến nghị." in closing
    # without a number, number and date are fields for the clerk, the words around them stay
    reporting.save_draft(commune, "2019", {"assessment": "Ưu điểm.", "tasks": "Nhiệm vụ.", "requests": "Kiến nghị."})
    reporting.make_report(commune, "2019", out=pdf, report_date=date(2020, 1, 5))
    heading = flat(next(p for p in pdf_text(pdf) if p.startswith("Phụ lục I")))
    assert re.search(r"\(Kèm theo Báo cáo số /BC-UBND ngày tháng năm của Ủy ban nhân dân xã Đồng Lý\)", heading)
    fields = {k: str(v.get("/V") or "") for k, v in PdfReader(str(pdf)).get_fields().items()}
    assert fields["so_van_ban_2"] == "" and fields["ngay_2"] == "05" and fields["nam_2"] == "2020"


def test_pdf_metadata_and_the_qr_code_carry_the_data_hash(commune, service, tmp_path, capsys):
    comm(service, None, "2019-03-05")
    reporting.save_draft(commune, "2019", {"number": "15"})
    pdf = tmp_path / "q.pdf"
    result = reporting.make_report(commune, "2019", out=pdf, report_date=date(2020, 1, 5))
    meta = PdfReader(str(pdf)).metadata
    assert meta.title == "Báo cáo kết quả công tác phòng, chống mại dâm năm 2019"
    assert meta.author == "Ủy ban nhân dân xã Đồng Lý" and "năm 2019" in meta.subject
    assert meta.creation_date is not None
    from plan_desktop.reports.pdf import qr_payload

    payload = qr_payload(result.data)
    assert payload == (f"plan_desktop|don_vi=13597|ky=2019|so=15/BC-UBND|ngay=2020-01-05"
                       f"|sha256={result.data.data_hash}")
    if shutil.which("zbarimg"):
        subprocess.run(["pdftoppm", "-r", "150", "-png", "-f", "2", str(pdf), str(tmp_path / "p")], check=True)
        last = max(tmp_path.glob("p-*.png"), key=lambda p: int(p.stem.split("-")[1]))
        decoded = subprocess.run(["zbarimg", "-q", "--raw", str(last)], capture_output=True, text=True).stdout
        assert decoded.strip() == payload
    # ``verify`` prints the same hash (the report is not signed yet)
    commune.close()
    main(["--data-dir", str(commune.folder), "verify", str(pdf)])
    out = capsys.readouterr()
    assert re.search(rf"Mã băm dữ liệu của báo cáo: {result.data.data_hash}", out.out + out.err)


def test_section_7_of_a_district_says_each_fact_once(district, dsvc, tmp_path):
    from tests.reports.conftest import add

    communes = [u.code for u in district.units.children("353", date(2019, 12, 31))]
    for code in communes[:3]:
        add(dsvc, "unit_status", code, year=2018, healthy=True, healthy_drugs_too=False)
    for code in communes[1:5]:
        add(dsvc, "unit_status", code, year=2019, healthy=True, healthy_drugs_too=code == communes[1],
            decision_no="12/QĐ-UBND", decision_date="2019-12-10")
    data = reporting.build(district, "2019", report_date=date(2020, 1, 6))
    sec = next(s for s in data.sections if s.title.startswith("7."))
    [text] = sec.paragraphs
    n = len(communes)
    assert text.startswith(f"Năm 2019, 4/{n} xã, phường, thị trấn")
    assert "(năm 2018: 3 xã; mới đạt 2, không giữ được 1)" in text
    assert "trong đó 1 đơn vị không có cả tệ nạn ma túy và mại dâm" in text
    assert text.endswith(f"; {n - 4} đơn vị chưa có kết quả đánh giá.")
    assert text.count(f"/{n}") == 1 and text.count("4/") == 1  # the count is said once
