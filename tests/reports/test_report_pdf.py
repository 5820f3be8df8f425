"""The commune report: a known data set, the PDF read back (text, page size, fonts, metadata), the
XLSX with the same numbers, and the data hash."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4

from plan_desktop.reports.pdf import AUDIT_HEAD_KEY, DATA_HASH_KEY, DATA_HASH_VERSION_KEY
from plan_desktop.reports.scope import report_data_hash
from plan_desktop.services import reporting
from plan_desktop.store import audit
from tests.reports.conftest import add, comm, date_line, flat, pdf_text, pdffonts

D = date.fromisoformat


@pytest.fixture
def cdata(commune, service):
    """Xã Đồng Lý, 2019: 1.250 participants, 700 women, 7 sessions, 250 materials; fines 3.000.000 +
    1.500.000; 2 cases (1 handled); 3 support visits to 2 people; healthy in 2019, not in 2018."""
    commune.store.set_settings({"signer_name": "Nguyễn Văn Chính", "signer_authority": "TM. ỦY BAN NHÂN DÂN",
                                "signer_position": "CHỦ TỊCH"})
    ids = {}
    ids["c1"] = comm(service, None, "2019-02-10", "talk", participants=500, participants_female=300, sessions=2,
                     materials=100)
    comm(service, None, "2019-05-20", "group_discussion", venue_type="school", participants=750,
         participants_female=400, sessions=3, materials=150)
    comm(service, None, "2019-08-01", "press", venue_type="other")
    comm(service, None, "2019-11-05", "loudspeaker", broadcast_minutes=30)
    comm(service, None, "2018-11-05", "talk", participants=999)  # another year: not in the figures
    o1 = add(service, "officer", None, full_name="Bùi Thị Lan", since=D("2018-01-01"))
    add(service, "officer", None, full_name="Đỗ Văn Hùng", since=D("2018-01-01"))
    add(service, "training", None, start_date=D("2019-04-10"), title="Tập huấn nghiệp vụ", level="commune",
        content=["management", "interagency", "monitoring"], trainee_group="officers", trainees=40,
        trainees_female=25, officers=[o1])
    e1 = add(service, "establishment", None, name="Karaoke Ánh Dương", kind="karaoke", opened_on=D("2014-01-01"),
             suspected=True, suspected_since=D("2015-01-01"), closed_on=D("2019-09-01"))
    e2 = add(service, "establishment", None, name="Nhà nghỉ Hoa Hồng", kind="guesthouse", opened_on=D("2013-01-01"),
             suspected=True, suspected_since=D("2015-01-01"))
    add(service, "establishment", None, name="Khách sạn Sông Châu", kind="hotel", opened_on=D("2012-01-01"))
    add(service, "inspection", None, date=D("2019-03-03"), establishment=e2, team="interagency", violation=True,
        violation_desc="Không có sổ theo dõi khách lưu trú", action="fine", fine=3_000_000)
    add(service, "inspection", None, date=D("2019-07-03"), establishment=e1, team="police", violation=False,
        action="none")
    add(service, "case", None, detected_on=D("2019-06-01"), kind="harbouring", sellers=3, buyers=2, organisers=1,
        status="handled", closed_on=D("2019-06-20"), fine=1_500_000, action="admin_fine")
    add(service, "case", None, detected_on=D("2019-10-01"), kind="buying_selling", sellers=1, status="open",
        action="pending")
    add(service, "support", None, date=D("2019-03-01"), person_code="HT-13597-0001", service="counselling")
    add(service, "support", None, date=D("2019-04-01"), person_code="HT-13597-0001", service="vocational")
    add(service, "support", None, date=D("2019-05-01"), person_code="HT-13597-0002", service="counselling")
    add(service, "support_model", None, name="Nhóm đồng đẳng Đồng Lý", model_type="peer_group",
        established_on=D("2018-01-01"), people_reached=25)
    add(service, "unit_status", None, year=2018, healthy=False)
    add(service, "unit_status", None, year=2019, healthy=True, decision_no="78/QĐ-UBND",
        decision_date=D("2019-12-20"))
    return ids


@pytest.fixture
def report(commune, cdata, tmp_path) -> tuple[Path, Path, reporting.ReportResult]:
    reporting.save_draft(commune, "2019", {"assessment": "Ưu điểm: các ngành phối hợp chặt chẽ.",
                                           "tasks": "Tiếp tục kiểm tra các cơ sở karaoke.", "requests": "",
                                           "number": "5", "date": "2020-01-05"})
    pdf, xlsx = tmp_path / "bao-cao.pdf", tmp_path / "bao-cao.xlsx"
    result = reporting.make_report(commune, "2019", out=pdf, xlsx=xlsx)
    return pdf, xlsx, result


def test_header_title_and_closing(report):
    pdf, _, _ = report
    pages = pdf_text(pdf)
    first = flat(pages[0])
    for s in ("ỦY BAN NHÂN DÂN", "XÃ ĐỒNG LÝ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
              "Số: 05/BC-UBND", "Đồng Lý, ngày 05 tháng 01 năm 2020", "BÁO CÁO",
              "Kết quả công tác phòng, chống mại dâm năm 2019", "Kính gửi: Ủy ban nhân dân huyện Lý Nhân.",
              "Kế hoạch số 1295/KH-UBND", "I. TÌNH HÌNH"):
        assert s in first, s
    body = flat(" ".join(pages))
    for s in ("II. KẾT QUẢ THỰC HIỆN", "III. ĐÁNH GIÁ CHUNG", "Ưu điểm: các ngành phối hợp chặt chẽ.",
              "IV. PHƯƠNG HƯỚNG", "Tiếp tục kiểm tra các cơ sở karaoke.", "V. KIẾN NGHỊ, ĐỀ XUẤT",
              "Nơi nhận:", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn Chính", "Phụ lục I"):
        assert s in body, s
    # an empty section shows a placeholder for the officer, never nothing
    assert "(Cán bộ ghi kiến nghị, đề xuất với cấp trên, nếu có.)" in body


def test_figures_vietnamese_style(report):
    pdf, _, _ = report
    body = flat(" ".join(pdf_text(pdf)))
    assert "Tổ chức 4 hoạt động truyền thông với 7 buổi/lượt, thu hút 1.250 lượt người tham dự (trong đó nữ 700" in body
    assert "cấp phát 250 tài liệu" in body and "phát thanh trên hệ thống truyền thanh cơ sở 30 phút" in body
    assert "999" not in body  # the 2018 activity is not in the 2019 report
    assert "Tiến hành 2 lượt kiểm tra tại 2 cơ sở" in body and "3.000.000 đồng" in body
    assert "Phát hiện 2 vụ việc, đã xử lý hoặc chuyển cơ quan chức năng 1 vụ (50 %)" in body
    assert "1.500.000" in body
    assert "Thực hiện 3 lượt hỗ trợ cho 2 người bán dâm" in body
    assert "Năm 2019, xã Đồng Lý được công nhận đạt tiêu chuẩn" in body and "78/QĐ-UBND" in body
    # situation: 3 establishments open in 2019; on 31/12/2019 (the indicator's as-of day) only one is open
    # and suspected (Karaoke Ánh Dương closed on 01/09/2019), as indicator 7 counts it
    assert "Trên địa bàn có 3 cơ sở kinh doanh dịch vụ" in body
    assert "trong đó 1 cơ sở có dấu hiệu nghi vấn hoạt động mại dâm trá hình vào ngày 31/12/2019" in body


def test_indicators_table_in_pdf(report):
    pdf, _, result = report
    body = flat(" ".join(pdf_text(pdf)))
    values = {v.id: v for v in result.data.indicators}
    assert values["cases_handled"].value == 50 and values["cases_handled"].met is False
    assert values["disguised_reduction"].value == 50  # 2 suspected on 01/01/2016, 1 left at the end of 2019
    assert values["officers_trained"].value == 50
    assert values["healthy_communes"].status == "met"  # healthy in 2019, not in 2018: the count is kept
    # a province-wide target: shown, not judged at a commune
    assert values["press_monthly"].value == 1 and values["press_monthly"].status == "not_applicable"
    assert values["districts_with_integration_plan"].status == "not_applicable"
    assert "Kết quả thực hiện chỉ tiêu năm 2019" in body
    assert "Số liệu năm 2019 (tính đến ngày 31/12/2019)" in body
    assert "1/12 tháng có tin, bài" in body
    assert "Chưa đạt" in body and "Đạt" in body and "Không áp dụng" in body
    assert "năm 2018: 0 xã (mới đạt 1, bị mất 0: giữ vững số xã)" in body


def test_page_size_numbers_fonts_and_metadata(commune, report):
    pdf, _, result = report
    reader = PdfReader(str(pdf))
    for page in reader.pages:
        w, h = float(page.mediabox.width), float(page.mediabox.height)
        assert sorted((round(w), round(h))) == sorted((round(A4[0]), round(A4[1])))
    p1 = reader.pages[0]
    assert (round(float(p1.mediabox.width)), round(float(p1.mediabox.height))) == (595, 842)
    pages = pdf_text(pdf)
    assert len(pages) >= 3
    assert pages[1].split()[0] == "2" and pages[2].split()[0] == "3"  # numbered from page 2 …
    assert not pages[0].split()[0].isdigit()  # … not on page 1
    fonts = pdffonts(pdf)
    assert fonts and all(f["emb"] == "yes" for f in fonts if not f["name"].startswith("Times")), fonts
    assert {f["name"].split("+")[-1] for f in fonts} >= {"LiberationSerif", "LiberationSerif-Bold",
                                                         "LiberationSerif-Italic", "LiberationSerif-BoldItalic"}
    meta = reader.metadata
    h = report_data_hash(commune, "2019")
    assert len(h) == 64 and result.data.data_hash == h
    assert meta["/Keywords"] == f"plan_desktop:data_sha256={h} plan_desktop:data_hash_version=3"
    assert meta[DATA_HASH_KEY] == h and meta[DATA_HASH_VERSION_KEY] == "3"
    seq, head_hash = audit.chain_head(commune.store.db)
    assert meta[AUDIT_HEAD_KEY] == f"{seq}:{head_hash}" and seq > 0  # the chain head, for the level above
    assert "năm 2019" in meta["/Subject"]


def test_hash_is_deterministic_and_changes_with_a_record(commune, service, cdata):
    h1 = report_data_hash(commune, "2019")
    assert report_data_hash(commune, "2019") == h1
    # a change outside the report's scope (a record of 2017) keeps it
    comm(service, None, "2017-05-05")
    assert report_data_hash(commune, "2019") == h1
    values = service.get("communication", cdata["c1"])
    service.update("communication", cdata["c1"], {**values, "participants": 501})
    h2 = report_data_hash(commune, "2019")
    assert h2 != h1
    service.delete("communication", cdata["c1"])
    assert report_data_hash(commune, "2019") not in (h1, h2)
    # a six-month report hashes its own scope
    assert report_data_hash(commune, "2019-H1") != report_data_hash(commune, "2019")


def test_xlsx_has_the_same_numbers(report):
    _, xlsx, result = report
    wb = load_workbook(xlsx)
    assert {"Tổng hợp", "Chỉ tiêu", "Phụ lục I"} <= set(wb.sheetnames)
    ws = wb["Tổng hợp"]
    rows = [[c for c in r] for r in ws.iter_rows(values_only=True)]
    total_rows = [r for r in rows if r and r[0] == "Tổng cộng"]
    # communication by format: 4 activities, 7 sessions, 1.250 participants, 700 women, 250 materials
    assert [4, 7, 1250, 700, 250] in [list(r[1:6]) for r in total_rows]
    assert any(3_000_000 in r for r in total_rows)
    by_label = {i.short_label or i.label: i.id for i in result.data.indicators}
    ind = {by_label[r[1]]: r for r in wb["Chỉ tiêu"].iter_rows(values_only=True) if r and r[1] in by_label}
    assert ind["cases_handled"][4] == 50 and ind["cases_handled"][6] == "Chưa đạt"
    assert ind["officers_trained"][7:9] == (1, 2)
    assert ind["press_monthly"][6] == "Không áp dụng" and ind["press_monthly"][10] == "not_applicable"
    assert ind["cases_handled"][11].date() == date(2019, 12, 31)  # a date cell
    assert result.data.data_hash in ws["A4"].value


def test_six_month_report_and_drafts(commune, cdata, tmp_path):
    assert reporting.load_draft(commune, "2019-H1")["assessment"] == ""
    reporting.save_draft(commune, "2019-H1", {"assessment": "Đánh giá sáu tháng.", "bogus": "x"})
    d = reporting.load_draft(commune, "2019-H1")
    assert d["assessment"] == "Đánh giá sáu tháng." and "bogus" not in d
    assert commune.store.get_setting("report_draft:2019-H1")["assessment"] == "Đánh giá sáu tháng."
    out = tmp_path / "h1.pdf"
    reporting.make_report(commune, "2019-H1", out=out, report_date=date(2019, 7, 5))
    body = flat(" ".join(pdf_text(out)))
    assert "Kết quả công tác phòng, chống mại dâm 6 tháng đầu năm 2019" in body
    assert "Đồng Lý, ngày" in body and date_line(out) == "ngày 05 tháng 7 năm 2019"
    assert "thu hút 1.250 lượt người" in body  # Feb and May
    assert "Đánh giá sáu tháng." in body
    # the indicator table speaks of the half year, as of its last day, from what is dated inside it
    assert "Kết quả thực hiện chỉ tiêu 6 tháng đầu năm 2019" in body
    assert "Số liệu 6 tháng đầu năm 2019 (tính đến ngày 30/06/2019)" in body
    # the healthy-commune decision of 2019 is dated in December: not in the half-year report
    assert "78/QĐ-UBND" not in body
    assert "Chưa có kết quả đánh giá xã, phường lành mạnh năm 2019 đến ngày 30/06/2019" in body


def test_2020_report_of_the_same_code_is_vinh_tru(commune, tmp_path):
    out = tmp_path / "2020.pdf"
    reporting.make_report(commune, "2020", out=out, report_date=date(2021, 1, 5))
    first = flat(pdf_text(out)[0])
    assert "THỊ TRẤN VĨNH TRỤ" in first and "Vĩnh Trụ, ngày" in first
    assert date_line(out) == "ngày 05 tháng 01 năm 2021"
    assert "Trong kỳ chưa ghi nhận hoạt động truyền thông nào." in flat(" ".join(pdf_text(out)))


def test_statistical_cutoff_moves_the_year(commune, service, tmp_path):
    from plan_desktop.reports.indicators import compute_indicators

    comm(service, None, "2018-12-20", participants=1250)  # statistical year 2019: 15/12/2018 – 14/12/2019
    comm(service, None, "2019-12-20", participants=7)  # statistical year 2020
    commune.store.set_settings({"period_cutoff": "statistical"})
    data = reporting.build(commune, "2019", report_date=date(2019, 12, 16))
    body = " ".join(p for s in data.sections for p in s.paragraphs)
    assert "thu hút 1.250 lượt người" in body
    assert data.monthly[0] == ("T1", 1)  # 20/12/2018 counts in statistical January 2019
    v = {i.id: i for i in compute_indicators(commune, 2019)}["communes_with_communication"]
    assert v.parts["active"] == 1 and v.numerator == 0  # one activity, not one in every quarter
    commune.store.set_settings({"period_cutoff": "calendar"})
    data = reporting.build(commune, "2019")
    assert "thu hút 7 lượt người" in " ".join(p for s in data.sections for p in s.paragraphs)  # 20/12/2019 only


def test_pages_render_and_the_signing_side_reads_the_hash(commune, report, tmp_path):
    import shutil
    import subprocess

    pdf, _, result = report
    exe = shutil.which("pdftoppm")
    if exe is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    subprocess.run([exe, "-png", "-r", "30", str(pdf), str(tmp_path / "page")], check=True)
    pngs = sorted(tmp_path.glob("page-*.png"))
    assert len(pngs) == len(PdfReader(str(pdf)).pages) and all(p.stat().st_size > 1000 for p in pngs)
    verify = pytest.importorskip("plan_desktop.signing.verify")
    assert verify.read_data_hash(pdf) == result.data.data_hash


def test_xlsx_prints_on_a4_with_labels_real_cells_and_no_formula(report, commune):
    """report --xlsx (issue 17): every sheet on A4, fitted to width, its header row repeated, rows as high
    as their wrapped text; indicators by label, not internal id; numbers and dates as real cells."""
    _, xlsx, result = report
    wb = load_workbook(xlsx)
    ids = {i.id for i in result.data.indicators}
    for ws in wb.worksheets:
        assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4, ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
        assert ws.page_setup.fitToHeight == 0
        first, last = ws.print_title_rows.replace("$", "").split(":")
        assert first == last and ws.cell(row=int(first), column=1).font.b  # the (bold) header row
        cells = [c for row in ws.iter_rows() for c in row]
        assert not [c for c in cells if c.data_type == "f"]
        assert not [c for c in cells if isinstance(c.value, str) and c.value in ids], ws.title
        for c in cells:  # a wrapped text longer than its column gets a row tall enough for its lines
            width = ws.column_dimensions[c.column_letter].width or 9
            if isinstance(c.value, str) and c.alignment.wrap_text and len(c.value) > 2.5 * width:
                assert (ws.row_dimensions[c.row].height or 15) >= 2 * 15, (ws.title, c.coordinate, c.value)
    ind = wb["Chỉ tiêu"]
    numbers = [c.value for row in ind.iter_rows(min_row=3) for c in row[4:5] if c.value is not None]
    assert numbers and all(isinstance(v, (int, float)) for v in numbers)


@pytest.mark.skipif(__import__("shutil").which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_xlsx_printed_by_libreoffice_fits_the_page_width(report, tmp_path):
    """Printed by a real spreadsheet program, each sheet is one page wide (every column on the page) and the
    whole workbook takes a few pages, not 16."""
    import subprocess

    _, xlsx, _ = report
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path / "lo"), str(xlsx)], check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "lo" / (xlsx.stem + ".pdf")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert pages <= 6, pages
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for last_column in ("Ghi chú", "Mẫu số", "Đánh giá"):  # the rightmost columns of the indicators sheet
        assert last_column in text
    assert f"Trang 1/{pages}" in text.replace("\u00a0", " ") or "Trang 1/" in text
