"""A list exported to XLSX or CSV opens as an officer reads it (labels, dates, có/không) and
imports again: into another data folder the same records, into the same one nothing changes, and an
edited cell updates its record."""

from __future__ import annotations

import csv
from datetime import date

import pytest
from openpyxl import load_workbook

from plan_desktop.services.demo import fill_demo
from plan_desktop.services.installation import Installation
from plan_desktop.services.tabular import ImportFileError, export_file, import_file
from plan_desktop.store import Query

ORDER = ["establishment", "officer", "communication", "training", "inspection", "case", "support",
         "support_model", "plan_document", "unit_status"]


def _content(inst, form_id: str) -> dict[str, dict]:
    form = inst.store.forms[form_id]
    return {r["id"]: {f.name: v for f, v in ((f, inst.store.to_values(form, r)[f.name]) for f in form.fields)}
            for r in inst.store.rows(form, Query())}


@pytest.fixture
def demo(commune):
    fill_demo(commune, year=2019)
    return commune


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_every_form_round_trips_into_another_folder(demo, tmp_path, suffix):
    other = Installation.init(tmp_path / "other", "13597", officer="Lê Văn Nam")
    try:
        for form_id in ORDER:
            form = demo.store.forms[form_id]
            path = tmp_path / f"{form_id}{suffix}"
            n = export_file(demo.store, form, Query(), path)
            assert n == demo.store.count(form, Query())
            result = import_file(other.records(), form_id, path)
            assert result.ok, result.errors[:3]
            assert result.created == n
            assert _content(other, form_id) == _content(demo, form_id), form_id
        assert other.store.check() == []
    finally:
        other.close()


def test_the_file_reads_as_an_officer_reads_it(demo, tmp_path):
    form = demo.store.forms["communication"]
    path = tmp_path / "tt.xlsx"
    export_file(demo.store, form, Query(start=date(2019, 1, 1), end=date(2019, 3, 31)), path)
    ws = load_workbook(path).worksheets[0]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][:4] == ("id", "Ngày thực hiện", "Hình thức", "Địa bàn")
    first = dict(zip(rows[0], rows[1], strict=True))
    day = first["Ngày thực hiện"]  # a date cell, shown dd/mm/yyyy
    assert day.year == 2019 and day.month <= 3
    assert ws.cell(row=2, column=2).number_format == "dd/mm/yyyy"
    labels = {c.label for c in form.field("format").choices}
    assert first["Hình thức"] in labels
    assert isinstance(first["Số người tham dự"], int)
    assert len(rows) - 1 == demo.store.count(form, Query(start=date(2019, 1, 1), end=date(2019, 3, 31)))
    assert ws.freeze_panes == "A2"


def test_reimport_changes_nothing_and_an_edited_cell_updates(demo, tmp_path):
    form = demo.store.forms["communication"]
    path = tmp_path / "tt.csv"
    export_file(demo.store, form, Query(), path)
    result = import_file(demo.records(), "communication", path)
    assert result.ok and (result.created, result.updated) == (0, 0)
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    col = rows[0].index("Số người tham dự")
    rows[1][col] = "4.321"
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(rows)
    result = import_file(demo.records(), "communication", path)
    assert result.ok and (result.created, result.updated) == (0, 1)
    assert demo.records().get("communication", rows[1][0])["participants"] == 4321


def test_a_district_list_names_each_records_unit(tmp_path):
    district = Installation.init(tmp_path / "huyen", "353", officer="Phạm Văn Đức",
                                 extra_settings={"working_year": 2019})
    try:
        fill_demo(district, year=2019)
        form = district.store.forms["case"]
        path = tmp_path / "vv.csv"
        export_file(district.store, form, Query(), path, with_unit=True)
        with path.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.reader(fh))
        assert rows[0][:2] == ["id", "unit_code"]
        assert {r[1] for r in rows[1:]} - {"353"}  # the communes' records, each with its unit
    finally:
        district.close()


def test_only_xlsx_or_csv_and_nothing_half_written(demo, tmp_path):
    form = demo.store.forms["officer"]
    with pytest.raises(ImportFileError, match=r"\.xlsx hoặc \.csv"):
        export_file(demo.store, form, Query(), tmp_path / "x.pdf")
    with pytest.raises(ImportFileError, match="Không ghi được tệp"):
        export_file(demo.store, form, Query(), tmp_path / "no" / "such" / "x.csv")
    assert not list(tmp_path.rglob("*.part"))


def test_row_mistakes_in_the_windows_language(commune, tmp_path):
    path = tmp_path / "sai.csv"
    path.write_text("date,format,venue_type,topic,lead_org,audience,participants,participants_female\n"
                    "06/03/2019,talk,residential,Nói chuyện,police,youth,10,20\n", encoding="utf-8")
    result = import_file(commune.records(), "communication", path)
    assert result.errors == ["dòng 2, Trong đó nữ: không được lớn hơn «Số người tham dự» (10)."]
    assert result.errors_for("vi") == result.errors
    assert result.errors_for("en") == ["line 2, Of whom women: must not be more than «Participants» (10)."]
