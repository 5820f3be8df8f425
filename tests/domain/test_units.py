"""Tests for plan_desktop.domain.units: the Hà Nam code lists and the dated registry."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from plan_desktop.domain.units import (
    Level,
    Unit,
    UnitDataError,
    UnitRegistry,
    UnknownUnitError,
    default_registry,
    level_of_code,
)

Y2019 = date(2019, 6, 30)
Y2020 = date(2020, 1, 1)
ABOLISHED = ("13375", "13378", "13462", "13537", "13549", "13564", "13603")
DISTRICTS = ["347", "349", "350", "351", "352", "353"]


@pytest.fixture(scope="module")
def reg() -> UnitRegistry:
    return default_registry()


def test_default_registry_is_cached():
    assert default_registry() is default_registry()


def test_code_13597_changes_meaning(reg):
    before = reg.get("13597", Y2019)
    after = reg.get("13597", Y2020)
    assert before is not None and after is not None
    assert before.name == "Xã Đồng Lý" and before.kind == "Xã" and before.short_name == "Đồng Lý"
    assert before.valid_from == date(2016, 1, 1) and before.valid_to == date(2019, 12, 31)
    assert after.name == "Thị trấn Vĩnh Trụ" and after.kind == "Thị trấn" and after.short_name == "Vĩnh Trụ"
    assert after.valid_from == date(2020, 1, 1) and after.valid_to is None
    assert reg.get("13597", date(2019, 12, 31)).name == "Xã Đồng Lý"
    assert [u.name for u in reg.versions("13597")] == ["Xã Đồng Lý", "Thị trấn Vĩnh Trụ"]


def test_get_without_date_gives_latest_version(reg):
    assert reg.get("13597").name == "Thị trấn Vĩnh Trụ"
    assert reg.get("13375").valid_to == date(2019, 12, 31)


def test_latest_list_is_open_ended(reg):
    assert reg.get("13597", date(2024, 6, 1)).name == "Thị trấn Vĩnh Trụ"
    assert len(reg.in_force(date(2023, 1, 1), Level.COMMUNE)) == 109


def test_nothing_before_the_first_list(reg):
    assert reg.get("13597", date(2015, 12, 31)) is None
    assert reg.in_force(date(2015, 12, 31)) == []


@pytest.mark.parametrize("code", ABOLISHED)
def test_abolished_codes(reg, code):
    assert reg.get(code, Y2019) is not None
    assert reg.get(code, date(2019, 12, 31)).in_force(date(2019, 12, 31))
    assert reg.get(code, Y2020) is None
    assert not reg.get(code).in_force(Y2020)


def test_counts(reg):
    communes_2019 = reg.in_force(Y2019, Level.COMMUNE)
    communes_2020 = reg.in_force(Y2020, Level.COMMUNE)
    assert len(communes_2019) == 116 and len(communes_2020) == 109
    assert len(reg.in_force(Y2019, Level.DISTRICT)) == 6
    assert len(reg.in_force(Y2020, Level.DISTRICT)) == 6
    assert [u.code for u in reg.in_force(Y2019, Level.PROVINCE)] == ["35"]
    assert len(reg.in_force(Y2019)) == 1 + 6 + 116
    assert {u.code for u in communes_2019} - {u.code for u in communes_2020} == set(ABOLISHED)


def test_kinds_per_list(reg):
    def kinds(on: date) -> dict[str, int]:
        out: dict[str, int] = {}
        for u in reg.in_force(on, Level.COMMUNE):
            out[u.kind] = out.get(u.kind, 0) + 1
        return out

    assert kinds(Y2019) == {"Xã": 98, "Phường": 11, "Thị trấn": 7}
    assert kinds(Y2020) == {"Xã": 83, "Phường": 20, "Thị trấn": 6}


def test_in_force_sorted_by_level_then_code(reg):
    units = reg.in_force(Y2019)
    assert units[0].code == "35"
    assert [u.code for u in units[1:7]] == DISTRICTS
    codes = [u.code for u in units[7:]]
    assert codes == sorted(codes)


def test_parent_and_children(reg):
    assert reg.parent("13597", Y2019).code == "353"
    assert reg.parent("13597", Y2020).code == "353"
    assert reg.parent("353", Y2019).code == "35"
    assert reg.parent("35", Y2019) is None
    assert reg.parent("99999", Y2019) is None
    assert [u.code for u in reg.children("35", Y2019)] == DISTRICTS
    assert [u.code for u in reg.children("35", Y2020)] == DISTRICTS
    assert all(u.level is Level.COMMUNE and u.parent_code == "353" for u in reg.children("353", Y2019))
    assert reg.children("13597", Y2019) == []


def test_descendants(reg):
    assert len(reg.descendants("35", Y2019, Level.COMMUNE)) == 116
    assert len(reg.descendants("35", Y2020, Level.COMMUNE)) == 109
    assert len(reg.descendants("35", Y2019)) == 6 + 116
    lynhan = reg.descendants("353", Y2019)
    assert "13597" in {u.code for u in lynhan} and all(u.level is Level.COMMUNE for u in lynhan)
    assert reg.descendants("35", Y2019, Level.DISTRICT) == reg.children("35", Y2019)
    assert reg.descendants("13597", Y2019) == []


def test_is_ancestor(reg):
    assert reg.is_ancestor("35", "13597", Y2019)
    assert reg.is_ancestor("353", "13597", Y2019)
    assert not reg.is_ancestor("347", "13597", Y2019)
    assert not reg.is_ancestor("13597", "353", Y2019)
    assert not reg.is_ancestor("13597", "13597", Y2019)
    assert reg.is_ancestor("13597", "13597", Y2019, or_self=True)
    assert not reg.is_ancestor("35", "13375", Y2020)  # abolished in 2020


def test_level_detection(reg):
    assert reg.get("35").level is Level.PROVINCE
    assert reg.get("353").level is Level.DISTRICT
    assert reg.get("13597").level is Level.COMMUNE
    assert level_of_code("35") is Level.PROVINCE
    assert level_of_code("353") is Level.DISTRICT
    assert level_of_code("13597") is Level.COMMUNE
    assert level_of_code("00004") is Level.COMMUNE
    assert level_of_code("1234") is None and level_of_code("abc") is None
    assert Level("commune") is Level.COMMUNE
    assert Level.PROVINCE.rank < Level.DISTRICT.rank < Level.COMMUNE.rank


def test_province_and_district_versions(reg):
    province = reg.get("35", Y2019)
    assert (province.name, province.kind, province.short_name) == ("Tỉnh Hà Nam", "Tỉnh", "Hà Nam")
    assert province.parent_code is None and province.in_force(Y2020)
    duytien_2019 = reg.get("349", Y2019)
    duytien_2020 = reg.get("349", Y2020)
    assert (duytien_2019.kind, duytien_2019.name) == ("Huyện", "Huyện Duy Tiên")
    assert (duytien_2020.kind, duytien_2020.name) == ("Thị xã", "Thị xã Duy Tiên")
    assert duytien_2019.short_name == duytien_2020.short_name == "Duy Tiên"
    phuly = reg.get("347", Y2019)
    assert (phuly.kind, phuly.short_name) == ("Thành phố", "Phủ Lý")


def test_unchanged_units_have_one_version(reg):
    versions = reg.versions("35")
    assert len(versions) == 1
    assert versions[0].valid_from == date(2016, 1, 1) and versions[0].valid_to is None
    assert len(reg.versions("349")) == 2
    assert reg.versions("99999") == []


def test_agency_name(reg):
    assert reg.get("13597", Y2019).agency_name == "XÃ ĐỒNG LÝ"
    assert reg.get("353", Y2019).agency_name == "HUYỆN LÝ NHÂN"
    assert reg.get("347", Y2019).agency_name == "THÀNH PHỐ PHỦ LÝ"
    assert reg.get("35", Y2019).agency_name == "TỈNH HÀ NAM"


def test_search(reg):
    found = reg.search("dong ly", Y2019)
    assert found[0].code == "13597"
    assert "13597" not in {u.code for u in reg.search("dong ly", Y2020)}
    assert reg.search("ĐỒNG LÝ", Y2019)[0].code == "13597"
    assert reg.search("  Đồng   Lý ", Y2019)[0].code == "13597"
    assert reg.search("vinh tru", Y2020)[0].code == "13597"
    assert reg.search("13597", Y2019)[0].code == "13597"
    assert reg.search("ly nhan", Y2019)[0].code == "353"
    assert reg.search("khong co dau", Y2019) == []
    assert len(reg.search("", Y2019)) == 123


def test_require_and_unknown_code(reg):
    assert reg.require(" 13597 ", Y2019).name == "Xã Đồng Lý"
    with pytest.raises(UnknownUnitError) as err:
        reg.require("99999")
    assert str(err.value) == "Không tìm thấy đơn vị hành chính có mã 99999."
    assert isinstance(err.value, ValueError)
    with pytest.raises(UnknownUnitError):
        reg.require("13375", Y2020)
    assert reg.get("99999") is None


def test_all_codes(reg):
    codes = reg.all_codes()
    assert {"35", *DISTRICTS, "13597", *ABOLISHED} <= codes
    assert len(codes) == 1 + 6 + 116


def test_units_are_frozen(reg):
    unit = reg.get("13597", Y2019)
    with pytest.raises(AttributeError):
        unit.name = "x"  # type: ignore[misc]
    assert isinstance(unit, Unit)


# -- the loader with other files ----------------------------------------------------------------------

HEADER = "province_code,province,district_code,district,district_type,ward_code,ward,ward_type\n"


def _write(folder: Path, name: str, rows: str) -> None:
    (folder / name).write_text(HEADER + rows, encoding="utf-8")


def test_loader_pads_codes_and_handles_another_province(tmp_path):
    _write(
        tmp_path,
        "ha-noi_2016-01-01_2019-12-31.csv",
        "1,Thành phố Hà Nội,1,Quận Ba Đình,Quận,4,Phường Trúc Bạch,Phường\n"
        "1,Thành phố Hà Nội,1,Quận Ba Đình,Quận,1,Phường Phúc Xá,Phường\n",
    )
    _write(
        tmp_path,
        "ha-noi_2020-01-01_2020-12-31.csv",
        "01,Thành phố Hà Nội,001,Quận Ba Đình,Quận,00001,Phường Phúc Xá,Phường\n",
    )
    reg = UnitRegistry.load(tmp_path)
    assert reg.all_codes() == {"01", "001", "00001", "00004"}
    city = reg.get("01")
    assert (city.kind, city.short_name, city.level) == ("Thành phố", "Hà Nội", Level.PROVINCE)
    assert reg.get("00004", Y2019).parent_code == "001"
    assert reg.get("00004", Y2020) is None
    assert len(reg.versions("00001")) == 1 and reg.get("00001").valid_to is None
    assert [u.code for u in reg.descendants("01", Y2019, Level.COMMUNE)] == ["00001", "00004"]


def test_loader_each_slug_is_open_ended(tmp_path):
    _write(tmp_path, "a_2016-01-01_2016-12-31.csv", "10,Tỉnh A,100,Huyện B,Huyện,10000,Xã C,Xã\n")
    _write(tmp_path, "b_2016-01-01_2016-12-31.csv", "20,Tỉnh D,200,Huyện E,Huyện,20000,Xã F,Xã\n")
    reg = UnitRegistry.load(tmp_path)
    assert reg.get("10000", date(2030, 1, 1)) is not None
    assert reg.get("20000", date(2030, 1, 1)) is not None


def test_loader_rejects_a_bad_file_name(tmp_path):
    _write(tmp_path, "ha-nam.csv", "")
    with pytest.raises(UnitDataError, match="không đúng dạng"):
        UnitRegistry.load(tmp_path)


def test_loader_rejects_missing_columns(tmp_path):
    (tmp_path / "x_2016-01-01_2016-12-31.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(UnitDataError, match="thiếu cột"):
        UnitRegistry.load(tmp_path)


def test_loader_rejects_an_empty_folder(tmp_path):
    with pytest.raises(UnitDataError):
        UnitRegistry.load(tmp_path)


def test_loader_reads_a_bom(tmp_path):
    path = tmp_path / "x_2016-01-01_2016-12-31.csv"
    content = HEADER + "10,Tỉnh A,100,Huyện B,Huyện,10000,Xã C,Xã\n"
    path.write_bytes(b"\xef\xbb\xbf" + content.encode("utf-8"))
    assert UnitRegistry.load(tmp_path).get("10000").name == "Xã C"
