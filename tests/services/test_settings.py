"""The settings service and ``plan-desktop settings``: every key checked, a Vietnamese message and a
non-zero exit for a wrong one, the signer's title and authority line together, images kept in the
data folder, and no change of unit once the folder holds records."""

from __future__ import annotations

import json
import unicodedata

import pytest
from PIL import Image

from plan_desktop.cli import main
from plan_desktop.services.settings import SettingsError, SettingsService
from plan_desktop.services.signing import same_person


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_set_and_show_from_the_command_line(commune, capsys):
    folder = str(commune.folder)
    commune.close()
    code, out, _ = run(capsys, "--data-dir", folder, "settings", "set", "signer_name", "Trần  Văn Quyết ")
    assert code == 0 and "signer_name = Trần Văn Quyết" in out
    code, out, _ = run(capsys, "--data-dir", folder, "settings", "set", "signer_title", "phó chủ tịch")
    assert code == 0 and "signer_authority = KT. CHỦ TỊCH" in out
    code, out, _ = run(capsys, "--data-dir", folder, "settings", "show", "--format", "json")
    shown = json.loads(out)
    assert shown["signer_name"] == "Trần Văn Quyết" and shown["signer_title"] == "PHÓ CHỦ TỊCH"
    assert shown["signer_authority"] == "KT. CHỦ TỊCH" and shown["working_year"] == 2019
    code, out, _ = run(capsys, "--data-dir", folder, "settings", "show")
    assert code == 0 and "Họ tên người ký báo cáo" in out

    for argv, words in ((("foo", "1"), "Không có mục cài đặt «foo»"),
                        (("signer_title", "Bí thư"), "Chức danh người ký"),
                        (("signer_authority", "TM. ỦY BAN NHÂN DÂN"), "không đi với chức danh"),
                        (("working_year", "2030"), "2016–2020"),
                        (("signer_name", "Nguyễn Văn 2"), "không phải họ và tên"),
                        (("period_cutoff", "monthly"), "Cách tính kỳ"),
                        (("signature_image", "/no/such.png"), "Không tìm thấy tệp ảnh")):
        code, _, err = run(capsys, "--data-dir", folder, "settings", "set", *argv)
        assert code != 0 and err.startswith("Lỗi: ") and words in err and "Traceback" not in err, err


def test_init_takes_the_signer(tmp_path, capsys):
    folder = str(tmp_path / "moi")
    code, _, err = run(capsys, "--data-dir", folder, "init", "--unit", "13597", "--signer-name", "Lê Văn Tám",
                       "--signer-title", "CHỦ TỊCH")
    assert code == 0, err
    code, out, _ = run(capsys, "--data-dir", folder, "settings", "show", "--format", "json")
    shown = json.loads(out)
    assert shown["signer_name"] == "Lê Văn Tám" and shown["signer_authority"] == "TM. ỦY BAN NHÂN DÂN"
    code, _, err = run(capsys, "--data-dir", str(tmp_path / "khac"), "init", "--unit", "13597",
                       "--signer-title", "GIÁM ĐỐC")
    assert code != 0 and "Chức danh người ký" in err and not (tmp_path / "khac").exists()


def test_no_change_of_unit_once_there_is_data(commune, service):
    svc = SettingsService(commune)
    svc.set("unit_code", "13603")  # no records yet: allowed
    assert commune.unit_code == "13603"
    svc.set("unit_code", "13597")
    service.create("officer", {"full_name": "Trần Thị Hà"})
    with pytest.raises(SettingsError, match="đã có số liệu"):
        svc.set("unit_code", "13603")
    assert commune.unit_code == "13597"


def test_images_are_checked_and_kept_in_the_data_folder(commune, tmp_path):
    svc = SettingsService(commune)
    sig = tmp_path / "chu-ky.png"
    Image.new("RGBA", (200, 80), (0, 0, 0, 0)).save(sig)
    opaque = tmp_path / "anh.png"
    Image.new("RGB", (200, 80), "white").save(opaque)
    jpeg = tmp_path / "dau.jpg"
    Image.new("RGB", (100, 100), "red").save(jpeg)
    written = svc.set("signature_image", str(sig))
    assert written["signature_image"] == str(commune.folder / "images" / "chu-ky.png")
    assert (commune.folder / "images" / "chu-ky.png").is_file()
    with pytest.raises(SettingsError, match="nền trong suốt"):
        svc.set("signature_image", str(opaque))
    with pytest.raises(SettingsError, match="PNG"):
        svc.set("seal_image", str(jpeg))
    assert svc.set("signature_image", "")["signature_image"] == ""


def test_names_compare_after_nfc_and_case_folding():
    nfd = unicodedata.normalize("NFD", "Trần Thị Bích Ngọc")
    assert same_person("TRẦN THỊ BÍCH NGỌC", nfd)
    assert same_person(" Trần  Thị Bích Ngọc", "trần thị bích ngọc")
    assert not same_person("Tran Thi Bich Ngoc", "Trần Thị Bích Ngọc")  # the marks count
    assert not same_person("", "")
