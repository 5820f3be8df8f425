"""The record service on a real SQLite file: one transaction per write, revisions, audit, tombstones."""

from __future__ import annotations

import sqlite3

import pytest

from plan_desktop.domain.validation import ValidationError
from plan_desktop.services.records import RecordError
from plan_desktop.store import Query

COMM = {
    "date": "2019-03-05", "format": "talk", "venue_type": "residential", "topic": "Tuyên truyền tại thôn Đông",
    "lead_org": "police", "audience": ["residents"], "participants": 120, "participants_female": 60,
}


def test_create_update_delete_restore_bump_revisions_and_audit(service, commune):
    rec = service.create("communication", COMM)
    assert rec["revision"] == 1 and rec["unit_code"] == "13597" and rec["created_by"] == "tester"
    rec2 = service.update("communication", rec["id"], {**COMM, "participants": 150})
    assert rec2["revision"] == 2 and rec2["participants"] == 150
    # saving unchanged values makes no new revision
    assert service.update("communication", rec["id"], {**COMM, "participants": 150})["revision"] == 2
    service.delete("communication", rec["id"])
    got = service.get("communication", rec["id"])
    assert got["deleted"] is True and got["revision"] == 3
    form = commune.store.forms["communication"]
    assert commune.store.count(form) == 0
    assert commune.store.count(form, Query(include_deleted=True)) == 1
    service.restore("communication", rec["id"])
    assert service.get("communication", rec["id"])["revision"] == 4
    actions = [r["action"] for r in commune.store.db.query("SELECT action FROM audit_log ORDER BY seq")]
    assert actions == ["create", "update", "delete", "restore"]
    assert commune.store.check() == []


def test_invalid_record_is_not_saved(service, commune):
    with pytest.raises(ValidationError) as err:
        service.create("communication", {**COMM, "participants_female": 500})
    assert "Trong đó nữ" in str(err.value)
    assert commune.store.count(commune.store.forms["communication"], Query(include_deleted=True)) == 0
    assert commune.store.get_meta("audit_head_seq") == "0"


def test_stale_revision_is_refused(service):
    rec = service.create("communication", COMM)
    service.update("communication", rec["id"], {**COMM, "sessions": 2})
    with pytest.raises(RecordError, match="đã được thay đổi"):
        service.update("communication", rec["id"], {**COMM, "sessions": 3}, expected_revision=1)


def test_reference_to_record_of_same_unit(service):
    est = service.create("establishment", {"name": "Nhà nghỉ Hoa Hồng", "kind": "guesthouse"})
    insp = service.create("inspection", {"date": "2019-05-01", "establishment": est["id"]})
    assert insp["establishment"] == est["id"]
    service.delete("establishment", est["id"])
    with pytest.raises(ValidationError, match="không tìm thấy bản ghi"):
        service.create("inspection", {"date": "2019-05-02", "establishment": est["id"]})


def test_unique_per_unit(service):
    service.create("unit_status", {"year": 2019, "healthy": True})
    with pytest.raises(ValidationError, match="đã có một bản ghi"):
        service.create("unit_status", {"year": 2019, "healthy": False})
    service.create("unit_status", {"year": 2018, "healthy": False})


def test_a_failed_write_leaves_nothing_behind(service, commune, monkeypatch):
    """A crash between the record row and its audit row rolls both back."""
    from plan_desktop.store import audit

    def boom(*a, **k):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(audit.Appender, "append_many", boom)  # every audit write goes through it
    with pytest.raises(sqlite3.OperationalError):
        service.create("communication", COMM)
    monkeypatch.undo()
    assert commune.store.count(commune.store.forms["communication"], Query(include_deleted=True)) == 0
    assert commune.store.check() == []


def test_records_of_other_units_are_read_only(tmp_path):
    from plan_desktop.services.installation import Installation

    district = Installation.init(tmp_path / "huyen", "353", extra_settings={"working_year": 2019})
    try:
        service = district.records("tester")
        ids = service.write_many("officer", [(None, {"full_name": "Lê Văn Nam"})], unit_code="13594")
        assert ids[0] == 1
        other = next(district.store.rows(district.store.forms["officer"], Query(unit_code="13594")))
        with pytest.raises(RecordError, match="chỉ đơn vị đó được sửa"):
            service.update("officer", other["id"], {"full_name": "Lê Văn Nam B"})
        with pytest.raises(RecordError):
            service.delete("officer", other["id"])
    finally:
        district.close()


def test_listeners_hear_changes(service):
    heard = []
    service.subscribe(heard.append)
    rec = service.create("officer", {"full_name": "Bùi Thị Mai"})
    service.delete("officer", rec["id"])
    assert [(c.form_id, c.action) for c in heard] == [("officer", "create"), ("officer", "delete")]


def test_folding_search_finds_dang(service, commune):
    for name in ("Đặng Văn Hùng", "Đăng Thị Lan", "Nguyễn Thị Ánh"):
        service.create("officer", {"full_name": name})
    form = commune.store.forms["officer"]
    names = {r["full_name"] for r in commune.store.rows(form, Query(search="dang"))}
    assert names == {"Đặng Văn Hùng", "Đăng Thị Lan"}
    assert {r["full_name"] for r in commune.store.rows(form, Query(search="ANH"))} == {"Nguyễn Thị Ánh"}
    # the fold function is registered on the connection for ad-hoc SQL too
    rows = commune.store.db.execute(
        f"SELECT full_name FROM [{form.table}] WHERE fold(full_name) LIKE '%dang%'").fetchall()
    assert len(rows) == 2


def test_period_filter(service, commune):
    from plan_desktop.domain.periods import Period

    service.create("communication", {**COMM, "date": "2019-03-05"})
    service.create("communication", {**COMM, "date": "2019-08-05"})
    form = commune.store.forms["communication"]
    start, end = Period.parse("2019-H1").bounds()
    assert commune.store.count(form, Query(start=start, end=end)) == 1
    start, end = Period.parse("2019").bounds()
    assert commune.store.count(form, Query(start=start, end=end)) == 2


def test_records_of_another_unit_only_for_a_unit_below(commune, tmp_path):
    from plan_desktop.services.installation import Installation
    from plan_desktop.services.records import RecordError

    with pytest.raises(RecordError, match="không trực thuộc"):
        commune.records("tester").write_many("officer", [(None, {"full_name": "Lê Văn Nam"})], unit_code="13594")
    assert commune.store.count(commune.store.forms["officer"]) == 0
    district = Installation.init(tmp_path / "huyen", "353", extra_settings={"working_year": 2019})
    try:
        created, _, issues = district.records("tester").write_many(
            "officer", [(None, {"full_name": "Lê Văn Nam"})], unit_code="13594")
        assert created == 1 and not issues
    finally:
        district.close()


# -- issue 17: pseudonyms only ------------------------------------------------------------------------------
SUPPORT = {"date": "2019-03-05", "service": "counselling"}


def test_person_code_is_made_by_the_program_next_free_number(service):
    first = service.create("support", SUPPORT)
    assert first["person_code"] == "HT-13597-0001"
    service.create("support", {**SUPPORT, "person_code": "HT-13597-0007"})  # an existing person's code
    assert service.create("support", SUPPORT)["person_code"] == "HT-13597-0008"
    assert service.next_generated("support", "person_code") == "HT-13597-0009"
    # a deleted record keeps its number: a code is never given to two people
    last = service.create("support", SUPPORT)
    service.delete("support", last["id"])
    assert service.next_generated("support", "person_code") == "HT-13597-0010"


def test_a_name_is_never_accepted_as_a_code(service, commune):
    with pytest.raises(ValidationError) as err:
        service.create("support", {**SUPPORT, "person_code": "Nguyễn Thị Lan"})
    assert "«Nguyễn Thị Lan» không đúng dạng HT-<mã đơn vị>-<4 chữ số>" in str(err.value)
    assert commune.store.count(commune.store.forms["support"]) == 0


def test_an_import_gives_each_row_without_a_code_the_next_one(service, commune, tmp_path):
    from plan_desktop.services.tabular import import_file

    service.create("support", {**SUPPORT, "person_code": "HT-13597-0003"})
    path = tmp_path / "support.csv"
    path.write_text("date,person_code,service\n2019-04-01,,legal\n2019-04-02,HT-13597-0003,legal\n"
                    "2019-04-03,,job\n", encoding="utf-8")
    result = import_file(service, "support", path)
    assert result.ok, result.errors
    codes = sorted(r["person_code"] for r in commune.store.rows(commune.store.forms["support"]))
    assert codes == ["HT-13597-0003", "HT-13597-0003", "HT-13597-0004", "HT-13597-0005"]
    path.write_text("date,person_code,service\n2019-04-01,Nguyễn Thị Lan,legal\n", encoding="utf-8")
    bad = import_file(service, "support", path)
    assert bad.errors and bad.errors[0].startswith("dòng 2, Mã số người được hỗ trợ: «Nguyễn Thị Lan» không đúng")
