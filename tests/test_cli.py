"""The command line as an officer or a script uses it: real data folders, real files, exit codes."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from plan_desktop.cli import main

EST_ID = "6f1c2d3e-4a5b-4c6d-8e7f-8091a2b3c4d5"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def folder(tmp_path, capsys) -> str:
    d = str(tmp_path / "xa")
    code, out, _ = run(capsys, "--data-dir", d, "init", "--unit", "13597", "--officer", "Đặng Thị Thu")
    assert code == 0 and "Xã Đồng Lý" not in out  # working year defaults to 2020: Thị trấn Vĩnh Trụ
    assert "Vĩnh Trụ" in out
    return d


def test_version(capsys):
    with pytest.raises(SystemExit) as e:
        main(["--version"])
    assert e.value.code == 0
    assert "plan-desktop 0." in capsys.readouterr().out


def test_python_dash_m_does_the_same(tmp_path):
    r = subprocess.run([sys.executable, "-m", "plan_desktop", "--data-dir", str(tmp_path / "d"), "init", "--unit",
                        "99999"],
                       capture_output=True, text=True, encoding="utf-8")
    assert r.returncode != 0
    assert "Mã đơn vị «99999» không có trong danh mục" in r.stderr


def test_init_refuses_unknown_code_and_reinit(folder, capsys):
    code, _, err = run(capsys, "--data-dir", folder, "init", "--unit", "13285")
    assert code == 1 and "đã được thiết lập cho đơn vị 13597" in err


def test_commands_need_a_set_up_folder(tmp_path, capsys):
    code, _, err = run(capsys, "--data-dir", str(tmp_path / "empty"), "records", "list", "officer")
    assert code == 1 and "chưa được thiết lập" in err


def test_unknown_form_and_bad_period(folder, capsys):
    code, _, err = run(capsys, "--data-dir", folder, "records", "list", "nonsense")
    assert code == 1 and 'Không có biểu mẫu "nonsense"' in err
    code, _, err = run(capsys, "--data-dir", folder, "records", "list", "officer", "--period", "2016-H3")
    assert code == 1 and "2016-H3" in err


def write_csv(path: Path, text: str, bom: bool = True) -> Path:
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


GOOD = (
    "date,format,venue_type,topic,lead_org,audience,participants,participants_female,cost\n"
    "2020-03-05,talk,residential,Tuyên truyền tại thôn Đông,police,residents;youth,1.250,600,1.500.000\n"
    "06/04/2020,loudspeaker,residential,Phát thanh phòng chống mại dâm,peoples_committee,residents,0,0,0\n"
)


def test_csv_import_and_list_formats(folder, tmp_path, capsys):
    f = write_csv(tmp_path / "tt.csv", GOOD)
    code, out, err = run(capsys, "--data-dir", folder, "records", "import", "communication", str(f))
    assert code == 0, err
    assert "mới: 2" in out
    code, out, _ = run(capsys, "--data-dir", folder, "records", "list", "communication", "--format", "json")
    rows = json.loads(out)
    assert len(rows) == 2
    first = next(r for r in rows if r["format"] == "talk")
    assert first["participants"] == 1250 and first["cost"] == 1_500_000 and first["audience"] == ["residents", "youth"]
    assert first["unit_code"] == "13597" and first["revision"] == 1 and first["deleted"] is False
    code, out, _ = run(capsys, "--data-dir", folder, "records", "list", "communication", "--period", "2020-Q2")
    assert "06/04/2020" in out and "05/03/2020" not in out and "(1 bản ghi)" in out
    code, out, _ = run(capsys, "--data-dir", folder, "records", "list", "communication", "--search", "THON DONG",
                       "--format", "csv")
    assert out.count("\n") == 2 and "Tuyên truyền tại thôn Đông" in out


def test_csv_import_is_all_or_nothing(folder, tmp_path, capsys):
    bad = (GOOD + "2020-03-07,talk,residential,,police,residents,10,20,0\n"
           + "2099-01-01,xx,residential,A,police,residents,1,0,0\n")
    f = write_csv(tmp_path / "bad.csv", bad, bom=False)
    code, out, err = run(capsys, "--data-dir", folder, "records", "import", "communication", str(f))
    assert code == 1
    assert "dòng 4, Chủ đề, nội dung: bắt buộc phải nhập." in err
    assert "dòng 4, Trong đó nữ: không được lớn hơn «Số người tham dự» (10)." in err
    assert "dòng 5, Ngày thực hiện: không được sau ngày hôm nay" in err
    assert "dòng 5, Hình thức:" in err
    code, out, _ = run(capsys, "--data-dir", folder, "records", "list", "communication", "--format", "json")
    assert json.loads(out) == []


def test_import_with_ids_updates_and_references(folder, tmp_path, capsys):
    est = write_csv(tmp_path / "est.csv", f"id,name,kind,suspected\n{EST_ID},Nhà nghỉ Hoa Hồng,guesthouse,có\n")
    assert run(capsys, "--data-dir", folder, "records", "import", "establishment", str(est))[0] == 0
    insp = write_csv(tmp_path / "insp.csv", f"date,establishment,violation,violation_desc,action,fine\n"
                     f"2020-04-01,{EST_ID},1,Không có sổ theo dõi khách,fine,2.000.000\n")
    code, _, err = run(capsys, "--data-dir", folder, "records", "import", "inspection", str(insp))
    assert code == 0, err
    est2 = write_csv(tmp_path / "est2.csv", f"id,name,kind,suspected\n{EST_ID},Nhà nghỉ Hoa Hồng 2,guesthouse,có\n")
    code, out, _ = run(capsys, "--data-dir", folder, "records", "import", "establishment", str(est2))
    assert "cập nhật: 1" in out
    code, out, _ = run(capsys, "--data-dir", folder, "records", "list", "establishment", "--format", "json")
    (row,) = json.loads(out)
    assert row["name"] == "Nhà nghỉ Hoa Hồng 2" and row["revision"] == 2 and row["suspected"] is True


def test_xlsx_import(folder, tmp_path, capsys):
    import datetime

    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["full_name", "position", "role", "since"])
    ws.append(["Đặng Văn Hùng", "Trưởng Công an xã", "police", datetime.datetime(2015, 3, 1)])
    ws.append(["Nguyễn Thị Ánh", None, "part_time", "01/02/2016"])
    path = tmp_path / "cb.xlsx"
    wb.save(path)
    code, out, err = run(capsys, "--data-dir", folder, "records", "import", "officer", str(path))
    assert code == 0, err
    code, out, _ = run(capsys, "--data-dir", folder, "records", "list", "officer", "--search", "dang", "--format",
                       "json")
    (row,) = json.loads(out)
    assert row["full_name"] == "Đặng Văn Hùng" and row["since"] == "2015-03-01"


def test_import_refuses_unknown_columns_and_non_files(folder, tmp_path, capsys):
    f = write_csv(tmp_path / "x.csv", "full_nam,role\nA,police\n")
    code, _, err = run(capsys, "--data-dir", folder, "records", "import", "officer", str(f))
    assert code == 1 and "full_nam" in err and "Các cột hợp lệ" in err
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"not a zip at all")
    code, _, err = run(capsys, "--data-dir", folder, "records", "import", "officer", str(junk))
    assert code == 1 and "không phải tệp Excel" in err
    latin = tmp_path / "latin.csv"  # neither UTF-8 nor Windows-1258 (which Vietnamese Excel writes, and is read)
    latin.write_bytes(b"full_name\n\x81\x8d\x90\n")
    code, _, err = run(capsys, "--data-dir", folder, "records", "import", "officer", str(latin))
    assert code == 1 and "UTF-8 hay Windows-1258" in err


def test_demo_then_check_then_tamper(folder, capsys):
    code, out, err = run(capsys, "--data-dir", folder, "demo")
    assert code == 0, err
    assert "Hoạt động truyền thông" in out
    code, out, _ = run(capsys, "--data-dir", folder, "check")
    assert code == 0 and "toàn vẹn" in out
    db = Path(folder) / "plan_desktop.sqlite"
    with sqlite3.connect(db) as c:
        c.execute("UPDATE form_case SET sellers = sellers + 1 WHERE rowid = (SELECT min(rowid) FROM form_case)")
        c.execute("UPDATE form_officer SET full_name = 'X' WHERE rowid = (SELECT min(rowid) FROM form_officer)")
    code, _, err = run(capsys, "--data-dir", folder, "check")
    assert code == 1 and "bị sửa ngoài chương trình" in err and "Cán bộ" in err


def test_demo_at_a_district_fills_its_communes(tmp_path, capsys):
    d = str(tmp_path / "huyen")
    assert run(capsys, "--data-dir", d, "init", "--unit", "353")[0] == 0
    assert run(capsys, "--data-dir", d, "demo", "--year", "2019")[0] == 0
    _code, out, _ = run(capsys, "--data-dir", d, "records", "list", "unit_status", "--format", "json")
    units = {r["unit_code"] for r in json.loads(out)}
    import datetime

    from plan_desktop.domain.units import Level, default_registry

    communes = {u.code for u in default_registry().descendants("353", datetime.date(2019, 12, 31), Level.COMMUNE)}
    assert units == communes and "13597" in units
