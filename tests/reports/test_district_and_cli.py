"""District and province reports (breakdown by unit below, completeness), and the command line."""

from __future__ import annotations

import json
from datetime import date

import pytest
from openpyxl import load_workbook

from plan_desktop.cli import main
from plan_desktop.services import reporting
from tests.reports.conftest import add, comm, date_line, flat, pdf_text, pdffonts

D = date.fromisoformat


@pytest.fixture
def ddata(district, dsvc):
    comm(dsvc, "13597", "2019-02-01", participants=100)
    comm(dsvc, "13597", "2019-03-01", participants=150)
    comm(dsvc, "13603", "2019-06-01", participants=1000)
    comm(dsvc, "353", "2019-04-04", "press", venue_type="other")
    add(dsvc, "unit_status", "13597", year=2019, healthy=True)
    add(dsvc, "case", "13603", detected_on=D("2019-05-05"), kind="buying_selling", sellers=2, status="handled",
        closed_on=D("2019-05-30"))
    return None


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_district_report_breakdown_and_completeness(district, ddata, tmp_path):
    out, xlsx = tmp_path / "huyen.pdf", tmp_path / "huyen.xlsx"
    result = reporting.make_report(district, "2019", out=out, xlsx=xlsx, report_date=date(2020, 1, 10))
    pages = pdf_text(out)
    first = flat(pages[0])
    assert "HUYỆN LÝ NHÂN" in first and "Lý Nhân, ngày" in first and date_line(out) == "ngày 10 tháng 01 năm 2020"
    assert "- Ủy ban nhân dân tỉnh Hà Nam;" in first and "- Sở Lao động - Thương binh và Xã hội tỉnh Hà Nam." in first
    body = flat(" ".join(pages))
    assert "thu hút 1.250 lượt người tham dự" in body
    assert "Phụ lục I" in body and "Phụ lục II" in body
    assert "Xã Đồng Lý" in body and "Xã Nhân Hưng" in body  # 2019 names
    assert "Cấp huyện trực tiếp thực hiện" in body
    assert "Phạm Văn Đức" in body
    breakdown = result.data.appendices[0].tables[0]
    rows = {r[1]: r for r in breakdown.rows}
    assert len([r for r in breakdown.rows if r[0]]) == 23  # every commune of 2019, with or without data
    assert rows["Xã Đồng Lý"][2:4] == [2, 250] and rows["Xã Đồng Lý"][11] == "Có"
    assert rows["Xã Nhân Hưng"][2:4] == [1, 1000] and rows["Xã Nhân Hưng"][8:10] == [1, 1]
    assert breakdown.total[2] == 4 and breakdown.total[3] == 1250 and breakdown.total[11] == "1/23"
    comp = {r[1]: r for r in result.data.appendices[1].tables[0].rows}
    assert comp["Xã Đồng Lý"][2] == "Có" and comp["Xã Đồng Lý"][3] == 3
    assert comp["Xã Hòa Hậu"][2] == "Chưa có" and comp["Xã Hòa Hậu"][4] == "Chưa nhận"
    assert result.data.appendices[1].tables[0].total[2] == "2/23"
    assert all(f["emb"] == "yes" for f in pdffonts(out) if not f["name"].startswith("Times"))
    wb = load_workbook(xlsx)
    appx = [r for r in wb["Phụ lục I"].iter_rows(values_only=True) if r and r[1] == "Xã Đồng Lý"]
    assert appx and list(appx[0][2:4]) == [2, 250]


def test_district_report_2020_uses_the_2020_list(district, ddata, tmp_path):
    result = reporting.make_report(district, "2020", out=tmp_path / "2020.pdf")
    names = [r[1] for r in result.data.appendices[0].tables[0].rows if r[0]]
    assert len(names) == 21 and "Thị trấn Vĩnh Trụ" in names and "Xã Nhân Hưng" not in names


def test_province_report_by_district(province, psvc, tmp_path):
    comm(psvc, "13597", "2019-02-01", participants=40)
    comm(psvc, "13285", "2019-02-01", participants=60)
    result = reporting.make_report(province, "2019", out=tmp_path / "tinh.pdf", report_date=date(2020, 1, 15))
    first = flat(pdf_text(tmp_path / "tinh.pdf")[0])
    assert "TỈNH HÀ NAM" in first and "Kính gửi: Bộ Lao động - Thương binh và Xã hội." in first
    rows = {r[1]: r for r in result.data.appendices[0].tables[0].rows}
    assert set(rows) >= {"Huyện Lý Nhân", "Thành phố Phủ Lý"} and len([r for r in rows if r]) == 6
    assert rows["Huyện Lý Nhân"][2:4] == [1, 40] and rows["Thành phố Phủ Lý"][2:4] == [1, 60]
    comp = {r[1]: r for r in result.data.appendices[1].tables[0].rows}
    assert comp["Huyện Lý Nhân"][2:5] == [23, 1, 22]


def test_cli_report_and_errors(district, ddata, tmp_path, capsys):
    folder = str(district.folder)
    district.close()  # the command opens the folder itself (one program per folder)
    pdf, xlsx = tmp_path / "bc.pdf", tmp_path / "bc.xlsx"
    code, out, err = run(capsys, "--data-dir", folder, "report", "--period", "2019-H1", "--out", str(pdf),
                         "--xlsx", str(xlsx), "--date", "2019-07-01")
    assert code == 0, err
    assert pdf.exists() and xlsx.exists() and "mã băm dữ liệu" in out
    assert "6 tháng đầu năm 2019" in flat(pdf_text(pdf)[0])
    code, _, err = run(capsys, "--data-dir", folder, "report", "--period", "2019-H3", "--out", str(pdf))
    assert code != 0 and "Kỳ báo cáo" in err and "không hợp lệ" in err
    code, _, err = run(capsys, "--data-dir", folder, "report", "--period", "2019", "--unit", "99999", "--out", str(pdf))
    assert code != 0 and "Không tìm thấy đơn vị hành chính có mã 99999" in err
    code, _, err = run(capsys, "--data-dir", folder, "report", "--period", "2020", "--unit", "13603", "--out", str(pdf))
    assert code != 0 and "không còn trong danh mục" in err
    code, _, err = run(capsys, "--data-dir", folder, "report", "--period", "2019", "--unit", "13285", "--out", str(pdf))
    assert code != 0 and "không thuộc phạm vi dữ liệu" in err
    code, _, err = run(capsys, "--data-dir", folder, "report", "--period", "2019", "--out", str(tmp_path / "x.txt"))
    assert code != 0 and ".pdf" in err
    code, _, err = run(capsys, "--data-dir", folder, "report", "--period", "2019",
                       "--out", str(tmp_path / "no" / "such" / "x.pdf"))
    assert code != 0 and "không tồn tại" in err
    code, _, err = run(capsys, "--data-dir", folder, "report", "--period", "2019", "--out", str(pdf), "--date", "5/1")
    assert code != 0 and "không hợp lệ" in err
    # a unit below: a commune's report from the district's data
    code, _, err = run(capsys, "--data-dir", folder, "report", "--period", "2019", "--unit", "13597", "--out", str(pdf))
    assert code == 0, err
    assert "XÃ ĐỒNG LÝ" in flat(pdf_text(pdf)[0])


def test_cli_indicators_formats(district, ddata, capsys):
    folder = str(district.folder)
    district.close()
    code, out, _ = run(capsys, "--data-dir", folder, "indicators", "--year", "2019", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert [d["id"] for d in data][:2] == ["communes_with_communication", "press_monthly"] and len(data) == 9
    first = data[0]
    # 13597 (Feb, Mar) and 13603 (Jun) had activities, but none in every quarter («duy trì thường xuyên»)
    assert (first["value"], first["numerator"], first["denominator"]) == (0, 0, 23)
    assert first["parts"]["active"] == 2
    assert first["target"] == 75 and first["status"] == "not_met" and first["as_of"] == "2019-12-31"
    assert {d["id"]: d["status"] for d in data}["press_monthly"] == "not_applicable"  # a province target
    code, out, _ = run(capsys, "--data-dir", folder, "indicators", "--year", "2019", "--format", "dhis2")
    d = json.loads(out)  # an alias of «dhis2 data --period 2019»: raw counts, each commune's own
    assert {"dataElement": "PCMD_COMMUNES_WITH_COMMUNICATION_DEN", "period": "2019", "orgUnit": "13597",
            "value": "1"} in d["dataValues"]
    assert sum(int(v["value"]) for v in d["dataValues"]
               if v["dataElement"] == "PCMD_COMMUNES_WITH_COMMUNICATION_DEN") == 23  # 23 communes
    code, out, _ = run(capsys, "--data-dir", folder, "indicators", "--year", "2019", "--unit", "13597")
    assert code == 0 and "Xã Đồng Lý" in out and "Xã tuyên truyền thường xuyên" in out
    assert "Không áp dụng" in out and "Chưa có số liệu" in out
    code, out, _ = run(capsys, "--data-dir", folder, "indicators", "--year", "2020", "--unit", "13597",
                       "--format", "dhis2")
    assert json.loads(out)["dataValues"][0]["orgUnit"] == "13597"
    code, _, err = run(capsys, "--data-dir", folder, "indicators", "--year", "2015")
    assert code != 0 and "ngoài thời gian của Kế hoạch" in err
    code, _, err = run(capsys, "--data-dir", folder, "indicators", "--year", "2019", "--unit", "abc")
    assert code != 0 and "Không tìm thấy đơn vị" in err
    code, _, err = run(capsys, "--data-dir", folder, "indicators", "--year", "2019", "--format", "xml")
    assert code == 2 and "Lệnh không hợp lệ" in err


def test_communication_tables_chart_and_text_add_up(district, dsvc):
    """The communication section, its monthly chart and the breakdown come from one pass over the
    period's activities: each figure is checked against the records written here."""
    comm(dsvc, "13597", "2019-02-01", participants=100, participants_female=40, materials=30, cost=500_000)
    comm(dsvc, "13597", "2019-02-20", "group_discussion", participants=20, sessions=3)
    comm(dsvc, "13603", "2019-06-01", participants=1000, venue_type="school", audience=["students"])
    comm(dsvc, "353", "2019-04-04", "loudspeaker", venue_type="other", broadcast_minutes=45, participants=0)
    comm(dsvc, "13597", "2018-12-31", participants=7)  # another year: counts nowhere
    data = reporting.build(district, "2019")
    sec = next(s for s in data.sections if s.title.startswith("2. Công tác thông tin"))
    by_format = {r[0]: r[1:] for r in sec.tables[0].rows}
    assert by_format == {"Nói chuyện chuyên đề, hội nghị": [2, 2, 1100, 40, 30], "Thảo luận nhóm": [1, 3, 20, 0, 0],
                         "Phát thanh trên hệ thống truyền thanh cơ sở": [1, 1, 0, 0, 0]}
    assert sec.tables[0].total == ["Tổng cộng", 4, 6, 1120, 40, 30]
    by_venue = {r[0]: r[1:] for r in sec.tables[1].rows}
    assert by_venue == {"Khu dân cư": [2, 4, 120, 40, 30], "Trường học": [1, 1, 1000, 0, 0], "Khác": [1, 1, 0, 0, 0]}
    assert sec.tables[1].total == sec.tables[0].total
    text = flat(sec.paragraphs[0])
    assert "Tổ chức 4 hoạt động truyền thông với 6 buổi/lượt" in text and "1.120 lượt người" in text
    assert "45 phút" in text and "Tổng kinh phí 500.000 đồng" in text
    assert dict(data.monthly) == {"T1": 0, "T2": 2, "T3": 0, "T4": 1, "T5": 0, "T6": 1, "T7": 0, "T8": 0,
                                  "T9": 0, "T10": 0, "T11": 0, "T12": 0}
    rows = {r[1]: r for r in data.appendices[0].tables[0].rows}
    assert rows["Xã Đồng Lý"][2:4] == [2, 120] and rows["Xã Nhân Hưng"][2:4] == [1, 1000]
    # statistical months (from the 15th of the month before): 20 February belongs to March
    district.store.set_settings({"period_cutoff": "statistical"})
    assert dict(reporting.build(district, "2019").monthly)["T3"] == 1


def test_cli_indicators_of_a_part_of_a_year(district, ddata, capsys):
    folder = str(district.folder)
    district.close()
    code, out, _ = run(capsys, "--data-dir", folder, "indicators", "--period", "2019-Q1", "--format", "json")
    assert code == 0
    data = {d["id"]: d for d in json.loads(out)}
    first = data["communes_with_communication"]
    # Q1 alone: 13597 (Feb, Mar) kept it up in the one quarter; 13603's June activity is outside
    assert (first["numerator"], first["denominator"], first["as_of"]) == (1, 23, "2019-03-31")
    assert first["period"] == "quý I năm 2019"
    code, out, _ = run(capsys, "--data-dir", folder, "indicators", "--period", "2019-Q1")
    assert code == 0 and "quý I năm 2019 (tính đến ngày 31/03/2019)" in out
    code, _, err = run(capsys, "--data-dir", folder, "indicators", "--period", "2019-X1")
    assert code != 0 and "không hợp lệ" in err
