"""The form's cross-field rules, dates and control characters hold for records that arrive in a package
(issue 17, issue 16): the package import runs the same validator as the dialog and the CSV import, so a
signed package from a commune on an older or altered program is refused record by record, named."""

from __future__ import annotations

from plan_desktop.exchange.package import Recipient, build_package, records_member
from plan_desktop.services import exchange as ex
from tests.exchange.conftest import C1, DISTRICT, YEAR, comm_values


def _package(world, form_id, rows, cols):
    pk = ex.own_keys(world.d)
    manifest = {
        "kind": "package", "source": {"unit": C1, "name": "x", "level": "commune"}, "parent": DISTRICT,
        "sequence": 1, "created_at": f"{YEAR}-12-31T00:00:00.000Z",
        "period": {"from": f"{YEAR}-01-01", "to": f"{YEAR}-12-31"},
        "counts": {form_id: {"records": len(rows), "deleted": 0}}, "reports": [],
    }
    data, _ = build_package(ex.own_keys(world.c1), manifest, [(f"records/{form_id}.jsonl", records_member(rows, cols))],
                            [], Recipient(DISTRICT, pk.encryption_public, pk.fingerprint))
    f = world.usb("rules") / f"{C1}_{YEAR}1231_0001.pdpkg"
    f.write_bytes(data)
    return f


def test_a_package_s_records_that_break_the_form_s_rules_are_refused_and_named(world):
    form = world.c1.store.forms["communication"]
    good = world.c1.records("tester").create("communication", comm_values(1))
    cols = world.c1.store.content_columns(form)
    row = {c: world.c1.store.get_row(form, good["id"])[c] for c in cols}
    bad = {
        "women without a total": {"participants": None, "participants_female": 80},
        "more women than people": {"participants": 104, "participants_female": 143},
        "a negative number": {"participants": -5, "participants_female": None},
        "a control character": {"topic": "Tuyên truyền\x1b[31m"},
        "a date before 2000": {"date": "1999-12-31"},
        "a date in the future": {"date": "2099-01-01"},
        "mojibake": {"topic": "Tổ dân phố".encode().decode("cp1258")},
    }
    rows = [row] + [{**row, "id": f"0b9a6a0e-0000-4000-8000-0000000000{i:02d}", **change}
                    for i, change in enumerate(bad.values(), start=1)]
    rep = ex.import_files(world.d, [_package(world, "communication", rows, cols)], save_report=False)
    t = rep.files[0].tally[(C1, "communication")]
    assert rep.ok and t.new == 1 and t.rejected == len(bad), rep.text()
    reasons = "\n".join(t.reasons)
    for said in ("Trong đó nữ: chỉ nhập được khi đã nhập «Số người tham dự»",
                 "Trong đó nữ: không được lớn hơn «Số người tham dự» (104)",
                 "Số người tham dự: không được là số âm",
                 "Chủ đề, nội dung: có ký tự điều khiển",
                 "Ngày thực hiện: không được trước ngày 01/01/2000",
                 "Ngày thực hiện: không được sau ngày hôm nay",
                 "bị lỗi mã hóa ký tự (có lẽ là «Tổ dân phố»)"):
        assert said in reasons, said
    ids = {r[0] for r in world.d.store.db.execute("SELECT id FROM form_communication")}
    assert ids == {good["id"]}
