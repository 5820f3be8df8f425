"""``init`` prints the unit's exchange key fingerprint: the one the district sees at the first package
and reads back by phone."""

from __future__ import annotations

import re

from plan_desktop.cli import main
from plan_desktop.services import exchange as ex
from plan_desktop.services.installation import Installation

COMMUNE, DISTRICT, PROVINCE = "13597", "353", "35"
LINE = re.compile(r"^Dấu vân tay khóa trao đổi dữ liệu của đơn vị: ((?:\d{5} ){5}\d{5})$", re.M)


def _init(folder, unit, capsys) -> str:
    assert main(["--data-dir", str(folder), "init", "--unit", unit]) == 0
    return capsys.readouterr().out


def test_init_prints_the_fingerprint_the_district_reads_back(tmp_path, capsys):
    out = _init(tmp_path / "c1", COMMUNE, capsys)
    (printed,) = LINE.findall(out)
    assert "Huyện Lý Nhân sẽ gọi điện đọc lại để đối chiếu" in out
    assert "plan-desktop keys show" in out

    # the same as «keys show»
    assert main(["--data-dir", str(tmp_path / "c1"), "keys", "show"]) == 0
    assert f"Dấu vân tay khóa của đơn vị: {printed}" in capsys.readouterr().out

    # … and the one the district records and shows at the commune's first package
    c1 = Installation.open(tmp_path / "c1")
    try:
        c1.records("tester").create("communication", {
            "date": "2019-03-05", "format": "talk", "venue_type": "residential", "topic": "Tuyên truyền",
            "lead_org": "police", "audience": ["residents"], "participants": 40,
        })
        pkg = ex.export_package(c1, tmp_path / "usb").path
    finally:
        c1.close()
    _init(tmp_path / "d", DISTRICT, capsys)
    d = Installation.open(tmp_path / "d")
    try:
        rep = ex.import_files(d, [pkg], save_report=False)
        assert rep.ok
        ((_, seen),) = rep.files[0].new_keys
        assert seen == printed
        assert f"dấu vân tay {printed}" in rep.text()
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
