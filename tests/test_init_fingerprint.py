"""``init`` prints the unit's exchange key fingerprint: the one the district sees at the first package
and reads back by phone."""

from __future__ import annotations

import re

from plan_desktop.cli import main
from plan_desktop.services import exchange as ex
from plan_desktop.services.installation import Installation

COMMUNE, DISTRICT, PROVINCE = "13597", "353", "35"
LINE = re.compile(r"^Mã khóa trao đổi dữ liệu của đơn vị: ([A-Z2-7]{4}(?:-[A-Z2-7]{4}){3})$", re.M)


def _init(folder, unit, capsys) -> str:
    assert main(["--data-dir", str(folder), "init", "--unit", unit]) == 0
    return capsys.readouterr().out


def test_init_prints_the_code_the_district_compares_by_phone(tmp_path, capsys):
    out = _init(tmp_path / "c1", COMMUNE, capsys)
    (printed,) = LINE.findall(out)
    assert "Huyện Lý Nhân sẽ gọi điện để đối chiếu" in out
    assert "plan-desktop keys show" in out

    # the same as «keys show»
    assert main(["--data-dir", str(tmp_path / "c1"), "keys", "show"]) == 0
    assert f"Mã khóa của đơn vị: {printed}" in capsys.readouterr().out

    # the district's setup file is held at the commune until its code is confirmed
    _init(tmp_path / "d", DISTRICT, capsys)
    assert main(["--data-dir", str(tmp_path / "d"), "setup-file", "write", "--unit", COMMUNE,
                 "--out", str(tmp_path / "usb")]) == 0
    d_code = re.search(r"[A-Z2-7]{4}(?:-[A-Z2-7]{4}){3}", capsys.readouterr().out).group(0)
    setup = next((tmp_path / "usb").glob("*.pdsetup"))
    assert main(["--data-dir", str(tmp_path / "c1"), "setup-file", "apply", str(setup)]) == 0
    assert "CHỜ XÁC NHẬN" in capsys.readouterr().out
    wrong = ["keys", "approve", "--unit", DISTRICT, "--code", "AAAA-AAAA-AAAA-AAAA"]
    assert main(["--data-dir", str(tmp_path / "c1"), *wrong]) != 0
    assert main(["--data-dir", str(tmp_path / "c1"), "keys", "approve", "--unit", DISTRICT, "--code", d_code]) == 0
    capsys.readouterr()

    c1 = Installation.open(tmp_path / "c1")
    try:
        c1.records("tester").create("communication", {
            "date": "2019-03-05", "format": "talk", "venue_type": "residential", "topic": "Tuyên truyền",
            "lead_org": "police", "audience": ["residents"], "participants": 40,
        })
        pkg = ex.export_package(c1, tmp_path / "usb").path
    finally:
        c1.close()
    # … and the one the district sees when the commune's first package is held, and confirms
    assert main(["--data-dir", str(tmp_path / "d"), "import", str(pkg)]) != 0
    captured = capsys.readouterr()
    assert f"mã khóa trong tệp {printed}" in captured.out + captured.err
    assert main(["--data-dir", str(tmp_path / "d"), "keys", "pending"]) == 0
    assert printed in capsys.readouterr().out
    assert main(["--data-dir", str(tmp_path / "d"), "keys", "approve", "--unit", COMMUNE, "--code", printed]) == 0
    assert "Đã nhập gói số 1" in capsys.readouterr().out
    d = Installation.open(tmp_path / "d")
    try:
        assert d.store.db.execute("SELECT COUNT(*) FROM form_communication").fetchone()[0] == 1
        assert ex.list_pending(d) == []
    finally:
        d.close()


def test_init_of_a_province_prints_its_fingerprint_without_a_level_above(tmp_path, capsys):
    out = _init(tmp_path / "p", PROVINCE, capsys)
    assert len(LINE.findall(out)) == 1
    assert "gọi điện" not in out


def test_a_refused_init_prints_no_fingerprint(tmp_path, capsys):
    assert main(["--data-dir", str(tmp_path / "x"), "init", "--unit", "99999"]) != 0
    captured = capsys.readouterr()
    assert "Dấu vân tay" not in captured.out + captured.err
    assert not (tmp_path / "x").exists()
