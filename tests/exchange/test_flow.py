"""End to end with real data folders: communes → district → province, and receipts back down."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from plan_desktop.services import exchange as ex
from tests.exchange.conftest import (
    C1,
    C2,
    DISTRICT,
    PROVINCE,
    add_establishment_with_inspection,
    add_records,
    comm_values,
    content,
    count,
    dump,
)


def export(inst, out: Path, **kw):
    return ex.export_package(inst, out, **kw).path


def imp(inst, *files):
    report = ex.import_files(inst, list(files), save_report=False)
    return report


def test_keys_made_lazily_private(world):
    own, others = ex.keys_overview(world.c1)
    assert len(own) == 19 and DISTRICT in {k.unit_code for k in others}  # the confirmed parent
    for f in (world.root / "c1" / "keys").iterdir():
        if os.name == "posix":
            assert stat.S_IMODE(f.stat().st_mode) == 0o600
    assert ex.keys_overview(world.c1)[0] == own  # stable


def test_export_carry_import_counts_and_province(world):
    add_records(world.c1, 5)
    add_establishment_with_inspection(world.c1)
    add_records(world.c2, 3, start=100)
    add_records(world.d, 2, start=200)
    usb = world.usb()
    f1 = export(world.c1, usb)
    export(world.c2, usb)
    assert f1.name.startswith(f"{C1}_") and f1.name.endswith("_0001.pdpkg")
    assert not list(usb.glob(".*"))  # no temporary file left behind
    assert world.c1.store.get_setting("last_export_at") and world.c1.store.get_setting("last_export_seq") > 0
    rep = imp(world.d, usb)  # a whole folder
    assert rep.ok, rep.text()
    assert count(world.d, unit=C1) == 5 and count(world.d, unit=C2) == 3
    assert count(world.d, "establishment", unit=C1) == 1 and count(world.d, "inspection", unit=C1) == 1
    r1 = next(f for f in rep.files if f.source_unit == C1)
    t = r1.tally[(C1, "communication")]
    assert (t.new, t.updated, t.unchanged, t.rejected) == (5, 0, 0, 0)
    assert r1.new_keys  # the commune's code enrolled in advance: its key is now on record
    assert world.d.store.check() == []

    # upward: the district's package carries both communes' signed bundles and its own records
    res = ex.export_package(world.d, world.usb("up"))
    assert res.forwarded == 2 and res.counts["communication"]["records"] == 2
    rep = imp(world.p, res.path)
    assert rep.ok, rep.text()
    assert (
        count(world.p, unit=C1) == 5 and count(world.p, unit=C2) == 3 and count(world.p, unit=DISTRICT) == 2
    )
    assert content(world.p, C1) == content(world.c1, C1)
    # the province knows which commune signed which data
    rows = {r["unit_code"]: r for r in world.p.store.db.query("SELECT * FROM exchange_received")}
    assert rows[C1]["via_unit"] == DISTRICT and rows[C1]["fingerprint"] == ex.own_keys(world.c1).fingerprint
    assert rows[DISTRICT]["via_unit"] is None
    assert world.p.store.check() == []
    # records of other units are read-only here
    from plan_desktop.services.records import RecordError

    rid = next(world.p.store.db.query("SELECT id FROM form_communication WHERE unit_code = ?", [C1]))["id"]
    with pytest.raises(RecordError):
        world.p.records().update("communication", rid, comm_values(1, topic="sửa ở tỉnh"))


def test_import_twice_changes_nothing(world):
    add_records(world.c1, 4)
    f = export(world.c1, world.usb())
    assert imp(world.d, f).ok
    before = dump(world.d)
    rep = imp(world.d, f)
    assert rep.ok and rep.files[0].already_imported
    assert rep.files[0].tally[(C1, "communication")].unchanged == 4
    assert dump(world.d) == before


def test_out_of_order_same_end_state(world, tmp_path):
    ids = add_records(world.c1, 3)
    add_establishment_with_inspection(world.c1)
    p1 = export(world.c1, world.usb("a"))
    svc = world.c1.records()
    svc.update("communication", ids[0], comm_values(0, topic="Đã sửa lần 1"))
    svc.delete("communication", ids[1])
    add_records(world.c1, 2, start=50)
    p2 = export(world.c1, world.usb("b"))  # no receipt: carries everything again, newer revisions
    svc.update("communication", ids[0], comm_values(0, topic="Đã sửa lần 2"))
    p3 = export(world.c1, world.usb("c"))

    from tests.exchange.conftest import new_inst

    other = new_inst(tmp_path / "d2", DISTRICT)
    # the same district's keys (the packages are encrypted to them), its record of the commune's key
    import shutil

    shutil.copytree(world.root / "d" / "keys", tmp_path / "d2" / "keys", dirs_exist_ok=True)
    ex.trust_key(other, C1, ex.own_keys(world.c1).code)
    try:
        assert imp(world.d, p1).ok and imp(world.d, p2).ok and imp(world.d, p3).ok
        rep = imp(other, p3)
        assert rep.ok
        assert imp(other, p1).ok and imp(other, p2).ok
        assert content(world.d) == content(other) == {k: v for k, v in content(world.c1).items()}
        older = imp(other, p1).files[0].tally[(C1, "communication")]
        assert older.new == 0 and older.updated == 0  # an older revision never overwrites a newer one
        assert other.store.check() == []
    finally:
        other.close()


def test_edit_and_delete_reexport_with_receipts(world):
    ids = add_records(world.c1, 3)
    usb = world.usb()
    assert imp(world.d, export(world.c1, usb)).ok
    r = ex.write_receipt(world.d, C1, usb)
    rep = imp(world.c1, r.path)
    assert rep.ok and rep.files[0].kind == "receipt"
    assert ex.export_history(world.c1)[0].status == "accepted"
    assert ex.pending_changes(world.c1) == 0
    svc = world.c1.records()
    svc.update("communication", ids[0], comm_values(0, participants=99))
    svc.delete("communication", ids[2])
    res = ex.export_package(world.c1, world.usb("2"))
    assert res.records == 2 and res.counts["communication"]["deleted"] == 1  # only what changed since the ack
    assert res.encrypted_to == DISTRICT  # the receipt brought the district's key
    rep = imp(world.d, res.path)
    assert rep.ok, rep.text()
    t = rep.files[0].tally[(C1, "communication")]
    assert t.updated == 2 and t.new == 0
    row = world.d.store.get_row(world.d.store.forms["communication"], ids[2])
    assert row["deleted"] == 1 and row["revision"] == 2  # the tombstone reached the district
    assert world.d.store.get_row(world.d.store.forms["communication"], ids[0])["participants"] == 99
    assert world.d.store.check() == []
    # a returned package is reported at the commune and does not move the acknowledged point
    r2 = ex.write_receipt(world.d, C1, usb, status="returned", reason="Thiếu báo cáo quý")
    assert imp(world.c1, r2.path).ok
    h = ex.export_history(world.c1)[0]
    assert h.status == "returned" and "Thiếu" in h.reason
    assert ex.pending_changes(world.c1) == 2


def test_encrypted_package_is_opaque_and_only_parent_can_read(world, tmp_path):
    add_records(world.c1, 2)
    usb = world.usb()
    assert imp(world.d, export(world.c1, usb)).ok
    assert imp(world.c1, ex.write_receipt(world.d, C1, usb).path).ok
    add_records(world.c1, 1, start=9)
    res = ex.export_package(world.c1, world.usb("enc"))
    data = res.path.read_bytes()
    assert "Tuyên truyền".encode() not in data and b"communication" not in data  # not even the form names
    # another district installation of the same unit (a different key) cannot open it
    from tests.exchange.conftest import new_inst

    other = new_inst(tmp_path / "d-other", DISTRICT)
    try:
        before = dump(other)
        rep = imp(other, res.path)
        assert not rep.ok and rep.files[0].reason_code == "wrong_recipient"
        assert dump(other) == before
    finally:
        other.close()
    assert imp(world.d, res.path).ok


def test_changed_key_held_until_approved(world, tmp_path):
    add_records(world.c1, 1)
    assert imp(world.d, export(world.c1, world.usb())).ok
    # the commune reinstalls: new folder, new key
    from tests.exchange.conftest import new_inst

    again = new_inst(tmp_path / "c1-new", C1)
    try:
        info = ex.apply_setup_file(again, ex.write_setup_file(world.d, C1, world.usb("s")))
        assert info.held  # nothing vouches for the district's key at the new installation yet
        ex.approve_key(again, DISTRICT, ex.own_keys(world.d).code)
        add_records(again, 2, start=30)
        f = export(again, world.usb("new"))
        before = dump(world.d)
        rep = imp(world.d, f)
        assert not rep.ok and rep.files[0].held and rep.files[0].held[0].reason == "changed"
        assert "keys approve" in rep.files[0].message and ex.own_keys(again).code in rep.files[0].message
        after = dump(world.d)
        assert len(after.pop("exchange_pending")) == 1
        assert {k: v for k, v in after.items() if k != "sqlite_sequence"} == {
            k: v for k, v in before.items() if k not in ("exchange_pending", "sqlite_sequence")
        }
        [pending] = ex.list_pending(world.d)
        assert pending.unit_code == C1 and pending.code == ex.own_keys(again).code
        with pytest.raises(ex.ExchangeError):
            ex.approve_key(world.d, C1, "123")
        with pytest.raises(ex.ExchangeError):  # the code of the old key is not the one held
            ex.approve_key(world.d, C1, ex.own_keys(world.c1).code)
        res = ex.approve_key(world.d, C1, ex.own_keys(again).code.lower().replace("-", " "))
        assert res.report.ok, res.report.text()
        assert count(world.d, unit=C1) == 3 and ex.list_pending(world.d) == []
        rep = imp(world.d, export(world.c1, world.usb("old")))  # the old key is now held apart
        assert not rep.ok and rep.files[0].held
        assert ex.reject_key(world.d, C1) == 1 and ex.list_pending(world.d) == []
        assert count(world.d, unit=C1) == 3
    finally:
        again.close()


def test_foreign_and_wrong_level_refused(world, tmp_path):
    from tests.exchange.conftest import new_inst

    add_records(world.c1, 1)
    f = export(world.c1, world.usb())
    before = dump(world.p)
    rep = imp(world.p, f)  # a commune's package straight to the province
    assert not rep.ok and rep.files[0].reason_code == "foreign_unit"
    assert dump(world.p) == before
    other = new_inst(tmp_path / "bl", "352")  # another district
    try:
        rep = imp(other, f)
        assert not rep.ok and rep.files[0].reason_code == "foreign_unit"
    finally:
        other.close()
    with pytest.raises(ex.ExchangeError):
        ex.export_package(world.p, world.usb("p"))  # the province has no parent


def test_record_of_another_unit_cannot_be_hijacked(world):
    """A commune signs a record carrying the id of another commune's record: refused, nothing overwritten."""
    from plan_desktop.exchange.package import build_package, records_member

    ids2 = add_records(world.c2, 1, start=7)
    assert imp(world.d, export(world.c2, world.usb("c2"))).ok
    add_records(world.c1, 1)
    assert imp(world.d, export(world.c1, world.usb("c1"))).ok
    form = world.c1.store.forms["communication"]
    victim = world.d.store.get_row(form, ids2[0])
    forged = {c: victim[c] for c in world.c1.store.content_columns(form)}
    forged.update(unit_code=C1, revision=victim["revision"] + 5, topic="chiếm quyền")
    keys = ex.own_keys(world.c1)
    manifest = {
        "kind": "package",
        "source": {"unit": C1, "name": "x", "level": "commune"},
        "parent": DISTRICT,
        "sequence": 9,
        "created_at": "2019-12-31T00:00:00.000Z",
        "period": {"from": "2019-01-01", "to": "2019-12-31"},
        "counts": {"communication": {"records": 1, "deleted": 0}},
        "reports": [],
    }
    data, _ = build_package(
        keys,
        manifest,
        [("records/communication.jsonl", records_member([forged], world.c1.store.content_columns(form)))],
        [],
        None,
    )
    f = world.root / "forged.pdpkg"
    f.write_bytes(data)
    rep = imp(world.d, f)
    t = rep.files[0].tally[(C1, "communication")]
    assert t.rejected == 1 and t.new == 0
    assert world.d.store.get_row(form, ids2[0]) == victim


def test_invalid_record_rejected_in_report(world):
    from plan_desktop.exchange.package import build_package, records_member

    form = world.c1.store.forms["communication"]
    good = add_records(world.c1, 1)
    row = dict(world.c1.store.get_row(form, good[0]))
    bad = dict(row, id="0b9a6a0e-0000-4000-8000-000000000001", participants=5, participants_female=50)
    cols = world.c1.store.content_columns(form)
    manifest = {
        "kind": "package",
        "source": {"unit": C1, "name": "x", "level": "commune"},
        "parent": DISTRICT,
        "sequence": 1,
        "created_at": "2019-12-31T00:00:00.000Z",
        "period": {"from": "2019-01-01", "to": "2019-12-31"},
        "counts": {"communication": {"records": 2, "deleted": 0}},
        "reports": [],
    }
    data, _ = build_package(
        ex.own_keys(world.c1),
        manifest,
        [("records/communication.jsonl", records_member([row, bad], cols))],
        [],
        None,
    )
    f = world.root / "bad.pdpkg"
    f.write_bytes(data)
    rep = imp(world.d, f)
    assert rep.ok
    t = rep.files[0].tally[(C1, "communication")]
    assert t.new == 1 and t.rejected == 1 and "Trong đó nữ" in " ".join(t.reasons)


def test_sequence_gap_reported(world):
    add_records(world.c1, 1)
    export(world.c1, world.usb("1"))
    export(world.c1, world.usb("2"))
    f3 = export(world.c1, world.usb("3"))
    rep = imp(world.d, f3)
    assert rep.ok and any("thiếu gói số 1, 2" in g for g in rep.gaps)
    assert "Xã Đồng Lý" in rep.gaps[0]


def test_setup_file_for_a_new_commune(world, tmp_path):
    from tests.exchange.conftest import new_inst

    path = ex.write_setup_file(world.d, C2, world.usb())
    info = ex.read_setup_file(path)
    assert info.unit == C2 and info.issuer == DISTRICT and info.fingerprint == ex.own_keys(world.d).fingerprint
    assert info.plan_id and info.plan_targets  # the plan and its targets travel
    fresh = new_inst(tmp_path / "c2-fresh", C2)
    try:
        with pytest.raises(ex.ExchangeError):  # no parent key yet: no package, never an unencrypted one
            ex.export_package(fresh, world.usb("x"))
        held = ex.apply_setup_file(fresh, info)
        assert held.held and fresh.store.get_setting("plan_id") != info.plan_id  # nothing applied yet
        res = ex.approve_key(fresh, DISTRICT, ex.own_keys(world.d).code)
        assert res.setup_messages and fresh.store.get_setting("plan_id") == info.plan_id
        add_records(fresh, 1)
        res = ex.export_package(fresh, world.usb("x"))
        assert res.encrypted_to == DISTRICT  # the first package is already encrypted
        rep = imp(world.d, res.path)
        assert rep.files[0].held  # another key than the one on record for C2: held
        assert ex.approve_key(world.d, C2, ex.own_keys(fresh).code).report.ok
        with pytest.raises(ex.PackageRefused):
            ex.apply_setup_file(world.c1, path)  # not for this unit
    finally:
        fresh.close()
    with pytest.raises(ex.ExchangeError):
        ex.write_setup_file(world.d, "13285", world.usb())  # not a commune of this district


def test_completeness_board(world):
    from datetime import date

    add_records(world.c1, 1)
    assert imp(world.d, export(world.c1, world.usb())).ok
    board = ex.completeness(world.d, year=2019, kind="Q", today=date(2030, 1, 1))
    assert (C1, "Lý") and len(board.units) > 10
    assert board.cells[(C1, "2019-Q1")].status in ("late", "on_time")
    assert board.cells[(C2, "2019-Q1")].status == "missing"
    assert board.last_package[C1] and board.last_package[C2] is None
    assert "Chưa nhận" in board.text()


def test_signed_report_travels(world):
    add_records(world.c1, 1)
    pdf = world.root / "bao-cao_2019-Q1.pdf"
    pdf.write_bytes(b"%PDF-1.4 test\n%%EOF\n")
    res = ex.export_package(world.c1, world.usb(), reports=[pdf])
    assert imp(world.d, res.path).ok
    board = ex.completeness(world.d, year=2019, kind="Q")
    assert board.cells[(C1, "2019-Q1")].report_signed
    assert not board.cells[(C1, "2019-Q2")].report_signed
    # and it travels upward inside the commune's bundle
    up = ex.export_package(world.d, world.usb("up"))
    assert imp(world.p, up.path).ok
    rows = list(world.p.store.db.query("SELECT reports FROM exchange_received WHERE unit_code = ?", [C1]))
    assert json.loads(rows[0]["reports"]) == ["2019-Q1"]


def test_cli_round_trip(world, capsys):
    from plan_desktop.cli import main

    add_records(world.c1, 2)
    c1, d = str(world.root / "c1"), str(world.root / "d")
    world.c1.close(), world.d.close()
    try:
        assert main(["--data-dir", c1, "keys", "show"]) == 0
        assert "Dấu vân tay" in capsys.readouterr().out
        assert main(["--data-dir", c1, "export", "--out", str(world.usb())]) == 0
        path = capsys.readouterr().out.strip().splitlines()[-1]
        assert Path(path).exists()
        assert main(["--data-dir", d, "import", path]) == 0
        assert "2 mới" in capsys.readouterr().out
        assert (
            main(["--data-dir", d, "records", "list", "communication", "--unit", C1, "--format", "csv"]) == 0
        )
        lines = capsys.readouterr().out.strip().splitlines()
        assert len(lines) == 3 and all(f",{C1}," in line for line in lines[1:])
        junk = world.root / "junk.pdpkg"
        junk.write_bytes(b"not a zip")
        assert main(["--data-dir", d, "import", str(junk)]) != 0
        assert "không phải là gói" in capsys.readouterr().err
        assert main(["--data-dir", d, "receipt", "--unit", C1, "--out", str(world.usb())]) == 0
        rpath = capsys.readouterr().out.strip().splitlines()[-1]
        assert main(["--data-dir", c1, "import", rpath]) == 0
        assert main(["--data-dir", c1, "status"]) == 0
        assert "đã được tiếp nhận" in capsys.readouterr().out
        assert main(["--data-dir", d, "status", "--year", "2019"]) == 0
        assert "Xã Đồng Lý" in capsys.readouterr().out
        assert main(["--data-dir", d, "check"]) == 0
    finally:
        from tests.exchange.conftest import open_inst

        world.c1, world.d = open_inst(world.root / "c1"), open_inst(world.root / "d")


@pytest.mark.parametrize(
    "member", ["../../etc/evil.jsonl", "records/../x.jsonl", "reports/a.exe", "records/x.jsonl.gz"]
)
def test_inner_path_tricks_refused_even_when_signed(world, member):
    """A genuinely signed package whose content holds a path trick is still refused, store unchanged."""
    from plan_desktop.exchange.package import build_package

    assert imp(world.d, export(world.c1, world.usb())).ok  # key known
    manifest = {
        "kind": "package",
        "source": {"unit": C1, "name": "x", "level": "commune"},
        "parent": DISTRICT,
        "sequence": 5,
        "created_at": "2019-12-31T00:00:00.000Z",
        "period": {"from": "2019-01-01", "to": "2019-12-31"},
        "counts": {},
        "reports": [],
    }
    data, _ = build_package(ex.own_keys(world.c1), manifest, [(member, b"{}\n")], [], None)
    f = world.root / "trick.pdpkg"
    f.write_bytes(data)
    before = dump(world.d)
    rep = imp(world.d, f)
    assert not rep.ok and rep.files[0].reason_code in ("bad_name", "unexpected_member")
    assert dump(world.d) == before


def test_inner_zip_bomb_refused_even_when_signed(world, monkeypatch):
    from plan_desktop.exchange import package
    from plan_desktop.exchange.package import build_package

    monkeypatch.setattr(package, "MAX_RECORDS_MEMBER", 1024 * 1024)
    manifest = {
        "kind": "package",
        "source": {"unit": C1, "name": "x", "level": "commune"},
        "parent": DISTRICT,
        "sequence": 1,
        "created_at": "2019-12-31T00:00:00.000Z",
        "period": {"from": "2019-01-01", "to": "2019-12-31"},
        "counts": {"communication": {"records": 0, "deleted": 0}},
        "reports": [],
    }
    data, _ = build_package(
        ex.own_keys(world.c1),
        manifest,
        [("records/communication.jsonl", b"\n" * (30 * 1024 * 1024))],
        [],
        None,
    )
    assert len(data) < 500_000
    f = world.root / "bomb.pdpkg"
    f.write_bytes(data)
    before = dump(world.d)
    rep = imp(world.d, f)
    assert not rep.ok and rep.files[0].reason_code == "oversized"
    assert dump(world.d) == before


def test_signed_reports_from_the_report_list_travel_and_get_acknowledged(world):
    """A report the signing service lists as signed goes into the package (status 'sent'); the
    district's receipt marks it 'accepted'."""
    signing = pytest.importorskip("plan_desktop.services.signing")
    svc = signing.SigningService(world.c1)
    pdf = world.root / "bc.pdf"
    pdf.write_bytes(b"%PDF-1.4 signed\n%%EOF\n")
    with world.c1.store.db.atomic():
        rid = world.c1.store.db.execute(
            "INSERT INTO signed_reports (period, unit_code, file_path, file_sha256, created_at, signed_at, "
            "status) "
            "VALUES ('2019-H1', ?, ?, 'x', '2019-07-01T00:00:00Z', '2019-07-01T00:00:00Z', 'signed')",
            [C1, str(pdf)],
        ).lastrowid
    add_records(world.c1, 1)
    res = ex.export_package(world.c1, world.usb())
    assert svc.get(rid).status == "sent"
    assert imp(world.d, res.path).ok
    board = ex.completeness(world.d, year=2019, kind="Q")
    assert board.cells[(C1, "2019-Q1")].report_signed and board.cells[(C1, "2019-Q2")].report_signed
    assert not board.cells[(C1, "2019-Q3")].report_signed
    assert imp(world.c1, ex.write_receipt(world.d, C1, world.usb()).path).ok
    assert svc.get(rid).status == "accepted"
    assert not ex.signed_reports_to_send(world.c1)


def test_upward_receipts_and_incremental_forwarding(world, tmp_path):
    from tests.exchange.conftest import new_inst

    add_records(world.c1, 2)
    assert imp(world.d, export(world.c1, world.usb("a"))).ok
    up1 = ex.export_package(world.d, world.usb("up1"))
    assert up1.forwarded == 1 and up1.encrypted_to == PROVINCE
    assert imp(world.p, up1.path).ok
    assert imp(world.d, ex.write_receipt(world.p, DISTRICT, world.usb("r")).path).ok
    add_records(world.c1, 1, start=10)
    add_records(world.c2, 1, start=20)
    assert imp(world.d, export(world.c1, world.usb("b")), export(world.c2, world.usb("b2"))).ok
    add_records(world.d, 1, start=30)
    up2 = ex.export_package(world.d, world.usb("up2"))
    assert up2.forwarded == 2 and up2.encrypted_to == PROVINCE and up2.records == 1
    assert imp(world.p, up2.path).ok
    assert (
        count(world.p, unit=C1) == 3 and count(world.p, unit=C2) == 1 and count(world.p, unit=DISTRICT) == 1
    )
    # another province installation... cannot read the encrypted one; the same province in any order agrees
    p2 = new_inst(tmp_path / "p2", PROVINCE)
    try:
        rep = imp(p2, up2.path)
        assert not rep.ok and rep.files[0].reason_code == "wrong_recipient"
    finally:
        p2.close()
    board = ex.completeness(world.p, year=2019, all_levels=True)
    assert board.last_package[C1] and board.last_package[DISTRICT]
    assert world.p.store.check() == []


def test_folder_import_skips_own_packages_and_others_receipts(world):
    add_records(world.c1, 1)
    add_records(world.c2, 1, start=5)
    usb = world.usb()
    export(world.c1, usb)
    export(world.c2, usb)
    assert imp(world.d, usb).ok
    ex.write_receipt(world.d, C1, usb)
    ex.write_receipt(world.d, C2, usb)
    ex.export_package(world.d, usb)  # the district's own package on the same stick
    rep = imp(world.d, usb)  # again: both commune packages (unchanged), nothing else
    assert rep.ok and len(rep.files) == 2
    rep = imp(world.c1, usb)  # the commune: only its own receipt
    assert rep.ok and [f.kind for f in rep.files] == ["receipt"]


def test_district_reinstalled_recovers(world, tmp_path):
    """The district gets a new key: the commune's encrypted package cannot be read there and the new
    district's setup file is held at the commune until its code is confirmed; then everything flows
    again, and the old district's receipts are held apart."""
    from tests.exchange.conftest import new_inst

    add_records(world.c1, 1)
    usb = world.usb()
    assert imp(world.d, export(world.c1, usb)).ok
    assert imp(world.c1, ex.write_receipt(world.d, C1, usb).path).ok
    d2 = new_inst(tmp_path / "d-new", DISTRICT)
    try:
        add_records(world.c1, 1, start=3)
        enc = ex.export_package(world.c1, world.usb("e"))
        assert enc.encrypted_to == DISTRICT
        rep = imp(d2, enc.path)
        assert not rep.ok and rep.files[0].reason_code == "wrong_recipient"
        info = ex.apply_setup_file(world.c1, ex.write_setup_file(d2, C1, world.usb("s")))
        assert info.held and info.untrusted[0].reason == "changed"
        ex.approve_key(world.c1, DISTRICT, ex.own_keys(d2).code)  # after a phone call
        ex.trust_key(d2, C1, ex.own_keys(world.c1).code)
        full = ex.export_package(world.c1, world.usb("p"), full=True)  # a new district needs everything
        assert full.encrypted_to == DISTRICT
        assert imp(d2, full.path).ok and count(d2, unit=C1) == 2
        assert imp(world.c1, ex.write_receipt(d2, C1, world.usb("r")).path).ok
        assert ex.export_package(world.c1, world.usb("q")).encrypted_to == DISTRICT
        # the old district's receipts are now held at the commune, never applied
        old = ex.write_receipt(world.d, C1, world.usb("old"), sequence=1)
        rep = imp(world.c1, old.path)
        assert not rep.ok and rep.files[0].held
    finally:
        d2.close()


def test_password_protected_private_keys_and_roles(world):
    """With password protection on (services/access), the private key files are encrypted with the
    session's KEK; without logging in nothing can be signed; only an approver re-enrols keys."""
    access = pytest.importorskip("plan_desktop.services.access")
    from plan_desktop.exchange.keys import PROTECTED_MAGIC, rewrap_keys
    from plan_desktop.paths import keys_dir

    fp = ex.keys_overview(world.c1)[0]
    code_d = ex.own_keys(world.d).code
    if not hasattr(world.c1, "login"):
        pytest.skip("installation has no sessions")
    session = world.c1.access.enable("mat-khau-can-bo", "mat-khau-phe-duyet")
    assert rewrap_keys(keys_dir(world.c1.folder), None, session.protect)
    for f in keys_dir(world.c1.folder).iterdir():
        assert f.read_bytes().startswith(PROTECTED_MAGIC) and b"PRIVATE KEY" not in f.read_bytes()
    add_records(world.c1, 1)
    world.c1.session = access.OPEN_SESSION  # not logged in
    with pytest.raises((ex.ExchangeError, access.AccessError)):
        ex.export_package(world.c1, world.usb())
    world.c1.login("mat-khau-can-bo")  # the officer may export ...
    assert ex.keys_overview(world.c1)[0] == fp  # same key, now protected
    assert imp(world.d, ex.export_package(world.c1, world.usb()).path).ok
    with pytest.raises(access.AccessError):  # ... but not re-enrol another unit's key
        ex.trust_key(world.c1, DISTRICT, code_d)
    world.c1.login("mat-khau-phe-duyet")
    ex.trust_key(world.c1, DISTRICT, code_d)
