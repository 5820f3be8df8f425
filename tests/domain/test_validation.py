"""Every rule of the data dictionary, through the one validation module."""

from __future__ import annotations

import unicodedata
from datetime import date

from plan_desktop.domain.forms import default_forms
from plan_desktop.domain.validation import SimpleContext, validate

TODAY = date(2020, 6, 30)
CTX = SimpleContext(today=TODAY, unit_code="13597")
FORMS = default_forms()


def comm(**over):
    base = {
        "date": "2020-03-05", "format": "talk", "venue_type": "residential", "topic": "Phòng ngừa mại dâm",
        "lead_org": "police", "audience": "residents;youth", "participants": "120", "participants_female": "60",
    }
    base.update(over)
    return base


def issues(form_id, values, ctx=CTX):
    r = validate(FORMS[form_id], values, ctx)
    return {i.field: i.message for i in r.issues}


def test_valid_record_is_parsed_to_python_types():
    r = validate(FORMS["communication"], comm(participants="1.250", participants_female="600", cost="1.500.000"), CTX)
    assert r.ok, r.issues
    v = r.values
    assert v["date"] == date(2020, 3, 5)
    assert v["participants"] == 1250 and v["cost"] == 1_500_000
    assert v["audience"] == ["residents", "youth"]
    assert v["sessions"] == 1  # default


def test_required_field_names_its_label():
    msgs = issues("communication", comm(topic="   "))
    assert msgs["topic"] == "Chủ đề, nội dung: bắt buộc phải nhập."


def test_date_not_in_future_and_formats():
    assert "không được sau ngày hôm nay (30/06/2020)" in issues("communication", comm(date="2020-07-01"))["date"]
    assert issues("communication", comm(date="05/03/2020")) == {}
    assert "không phải là ngày hợp lệ" in issues("communication", comm(date="31/02/2020"))["date"]


def test_lte_cross_field_rule():
    msg = issues("communication", comm(participants=10, participants_female=11))["participants_female"]
    assert msg == "Trong đó nữ: không được lớn hơn «Số người tham dự» (10)."


def test_minimum_and_negative_numbers():
    assert "phải từ 1 trở lên" in issues("communication", comm(sessions=0))["sessions"]
    assert "không được là số âm" in issues("communication", comm(participants=-3))["participants"]
    assert "không phải là số nguyên" in issues("communication", comm(participants="12,5"))["participants"]


def test_choice_and_choices_codes():
    assert "không có trong danh sách" in issues("communication", comm(format="radio"))["format"]
    assert "mã không có trong danh sách: aliens" in issues("communication",
                                                           comm(audience="residents;aliens"))["audience"]
    assert "phải chọn ít nhất 1 mục" in issues("communication", comm(audience=""))["audience"]


def test_choices_by_their_labels_as_an_export_writes_them():
    form = default_forms()["communication"]
    ok = validate(form, comm(audience="Người dân; Học sinh, sinh viên"), SimpleContext(today=date(2020, 6, 30)))
    assert ok.ok and ok.values["audience"] == ["residents", "students"]  # a label may hold a comma
    assert validate(form, comm(audience="nguoi dan;THANH NIEN"), SimpleContext(today=date(2020, 6, 30))
                    ).values["audience"] == ["residents", "youth"]
    msg = issues("communication", comm(audience="Người dân; Người ngoài hành tinh"))["audience"]
    assert "không có trong danh sách: Người ngoài hành tinh." in msg and "Chọn trong: Người dân;" in msg


def test_only_when_rule():
    msg = issues("communication", comm(broadcast_minutes=15))["broadcast_minutes"]
    assert "chỉ được nhập khi «Hình thức» là «Phát thanh trên hệ thống truyền thanh cơ sở»" in msg
    assert issues("communication", comm(format="loudspeaker", broadcast_minutes=15)) == {}


def test_text_length_cap():
    assert "dài quá 300 ký tự" in issues("communication", comm(topic="x" * 301))["topic"]


def test_gte_dates():
    t = {"start_date": "2020-03-05", "end_date": "2020-03-04", "title": "Lớp A", "level": "commune",
         "content": "law", "trainee_group": "officers", "trainees": 10}
    assert "không được trước «Từ ngày» (05/03/2020)" in issues("training", t)["end_date"]


def test_required_when_and_positive_when():
    base = {"date": "2020-03-01", "establishment": "7d1c1e9e-8a51-4b8e-9d7a-0a0b0c0d0e0f"}
    assert "bắt buộc phải nhập khi có đánh dấu «Có vi phạm»" in issues("inspection",
                                                                       {**base, "violation": "có"})["violation_desc"]
    msg = issues("inspection", {**base, "action": "fine", "fine": "0"})["fine"]
    assert "phải lớn hơn 0 khi «Hình thức xử lý» là «Phạt tiền»" in msg
    assert "fine" in issues("inspection", {**base, "action": "fine"})
    assert issues("inspection", {**base, "action": "fine", "fine": "1.500.000"}) == {}


def test_required_when_not_in():
    c = {"detected_on": "2020-02-01", "status": "handled"}
    # the message names the status that was chosen, not the one that was not
    assert issues("case", c)["closed_on"] == "Ngày kết thúc: bắt buộc phải nhập khi «Trạng thái» là «Đã xử lý»."
    assert "closed_on" not in issues("case", {**c, "status": "open"})
    assert "không được trước «Ngày phát hiện»" in issues("case", {**c, "closed_on": "2020-01-01"})["closed_on"]


def test_implies_and_only_when_bool():
    assert "chỉ được đánh dấu khi đã đánh dấu" in issues(
        "unit_status", {"year": 2019, "healthy": "0", "healthy_drugs_too": "1"})["healthy_drugs_too"]
    est = {"name": "Nhà nghỉ A", "kind": "guesthouse", "suspected_since": "2019-01-01"}
    assert "chỉ được nhập khi có đánh dấu" in issues("establishment", est)["suspected_since"]
    assert issues("establishment", {**est, "suspected": "có"}) == {}


def test_year_minimum():
    assert "phải từ 2.016 trở lên" in issues("unit_status", {"year": 2015})["year"]


def test_text_is_nfc_normalised_and_trimmed():
    decomposed = unicodedata.normalize("NFD", "Đặng Thị Ánh")
    assert decomposed != "Đặng Thị Ánh"
    r = validate(FORMS["officer"], {"full_name": f"  {decomposed}  "}, CTX)
    assert r.values["full_name"] == "Đặng Thị Ánh"


def test_booleans_in_every_spelling():
    for yes in ("1", "true", "có", "Có", "TRUE"):
        assert validate(FORMS["establishment"], {"name": "A", "kind": "cafe", "suspected": yes},
                        CTX).values["suspected"] is True
    for no in ("0", "false", "không"):
        assert validate(FORMS["establishment"], {"name": "A", "kind": "cafe", "suspected": no},
                        CTX).values["suspected"] is False
    assert "có/không" in issues("establishment", {"name": "A", "kind": "cafe", "suspected": "maybe"})["suspected"]


def test_reference_must_exist_in_same_unit():
    class Ctx(SimpleContext):
        def ref_exists(self, form_id, record_id, unit_code):
            return record_id == "7d1c1e9e-8a51-4b8e-9d7a-0a0b0c0d0e0f" and unit_code == "13597"

    ctx = Ctx(today=TODAY, unit_code="13597")
    ok = {"date": "2020-03-01", "establishment": "7d1c1e9e-8a51-4b8e-9d7a-0a0b0c0d0e0f"}
    assert issues("inspection", ok, ctx) == {}
    other = {"date": "2020-03-01", "establishment": "00000000-8a51-4b8e-9d7a-0a0b0c0d0e0f"}
    assert "không tìm thấy bản ghi" in issues("inspection", other, ctx)["establishment"]
    assert "không phải là mã bản ghi" in issues("inspection", {**ok, "establishment": "abc"}, ctx)["establishment"]


# -- issue 17: cross-field rules from the form definitions ------------------------------------------------
def test_women_need_the_total_and_are_at_most_it():
    msg = issues("communication", comm(participants="", participants_female="80"))["participants_female"]
    assert msg == "Trong đó nữ: chỉ nhập được khi đã nhập «Số người tham dự»."
    assert "participants_female" not in issues("communication", comm(participants="", participants_female=""))
    assert "không được lớn hơn" in issues("communication", comm(participants=104, participants_female=143))[
        "participants_female"]
    case = {"detected_on": "2020-02-01", "sellers_minor": 2}
    assert "chỉ nhập được khi đã nhập «Số người bán dâm»" in issues("case", case)["sellers_minor"]


def test_a_case_is_open_unless_said_otherwise():
    r = validate(FORMS["case"], {"detected_on": "2020-02-01"}, CTX)
    assert r.ok and r.values["status"] == "open" and r.values["closed_on"] is None


def test_dates_between_2000_and_today():
    assert "không được trước ngày 01/01/2000" in issues("communication", comm(date="31/12/1999"))["date"]
    assert "không được sau ngày hôm nay" in issues("support", {"date": "2020-07-01", "person_code": "HT-13597-0001",
                                                              "service": "legal"})["date"]
    # a roster's end may lie ahead, but not in year 9999
    est = {"name": "A", "kind": "cafe", "closed_on": "9999-01-01"}
    assert "không được sau ngày 31/12/2099" in issues("establishment", est)["closed_on"]
    assert "closed_on" not in issues("establishment", {**est, "closed_on": "2025-01-01"})


def test_person_code_is_a_pseudonym_of_the_unit():
    base = {"date": "2020-03-01", "service": "legal"}
    assert issues("support", {**base, "person_code": "HT-13597-0012"}) == {}
    msg = issues("support", {**base, "person_code": "Nguyễn Thị Lan"})["person_code"]
    assert msg.startswith("Mã số người được hỗ trợ: «Nguyễn Thị Lan» không đúng dạng HT-<mã đơn vị>-<4 chữ số>, "
                          "ví dụ HT-13597-0007")
    assert "person_code" in issues("support", {**base, "person_code": "HT-13285-0012"})  # another commune's shape
    english = {i.field: i.message_for("en") for i in validate(FORMS["support"], {**base, "person_code": "Lan"},
                                                                CTX).issues}
    assert "is not of the form HT-<unit code>-<4 digits>, e.g. HT-13597-0007" in english["person_code"]


def test_years_print_without_a_thousands_separator():
    year = FORMS["unit_status"].field("year")
    assert year.display(2020) == "2020"
    assert FORMS["communication"].field("participants").display(2020) == "2.020"


def test_a_cell_seen_before_gives_the_same_answer():
    """Parsers remember the text cells they have seen (an import's columns repeat): the second time a
    cell is met it is parsed to the same value, and a refused cell is refused again with its reason."""
    decomposed = unicodedata.normalize("NFD", "Nhà văn hóa  thôn Đồng Lý ")
    for _ in range(3):
        cells = comm(date="05/03/2020", format="Nói chuyện chuyên đề, hội nghị", topic=decomposed)
        r = validate(FORMS["communication"], cells, CTX)
        assert r.ok, r.issues
        assert r.values["date"] == date(2020, 3, 5) and r.values["format"] == "talk"
        assert r.values["topic"] == unicodedata.normalize("NFC", "Nhà văn hóa thôn Đồng Lý")
    for _ in range(2):
        got = issues("communication", comm(date="31/02/2020", format="karaoke", topic="Tá»• dĂ¢n phá»‘"))
        assert set(got) == {"date", "format", "topic"}
        assert "lỗi mã hóa" in got["topic"] and "Tổ dân phố" in got["topic"]
    # a value of another type than text is never answered from what a text cell gave
    r = validate(FORMS["communication"], comm(date=date(2020, 3, 6)), CTX)
    assert r.ok and r.values["date"] == date(2020, 3, 6)
