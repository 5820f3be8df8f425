"""Attacks on the exchange, with real data folders and real package files: keys that nothing vouches for
are held apart (never merged), forged setup files and receipts are held, absurd or re-used package
numbers change nothing, replays change nothing, deleted records travel without content, and rewritten
history below is reported from the anchor the level above keeps."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from plan_desktop.exchange.keys import KeyPair, b64
from plan_desktop.exchange.package import (
    TOMBSTONE_FIELDS,
    ForwardedBundle,
    Recipient,
    build_package,
    build_signed_document,
    records_member,
    verify_package,
)
from plan_desktop.services import exchange as ex
from plan_desktop.services.exchange.imports import _verify_context
from tests.exchange.conftest import (
    C1,
    DISTRICT,
    PROVINCE,
    YEAR,
    add_records,
    comm_values,
    content,
    count,
    dump,
    link,
    new_inst,
)

LKT, PHU_LY = "13288", "347"  # Phường Lương Khánh Thiện, Thành phố Phủ Lý

SETTINGS = settings(
    max_examples=25, deadline=None, derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def imp(inst, *files):
    return ex.import_files(inst, list(files), save_report=False)


def _without_pending(d: dict) -> dict:
    return {k: v for k, v in d.items() if k not in ("exchange_pending", "sqlite_sequence")}


def _forged_package(
    impostor: KeyPair, unit: str, parent_inst, records: list[dict], columns, sequence: int = 1, **extra
):
    """A package as the program writes it, for ``unit``, signed by ``impostor`` and encrypted to the
    parent's real key (which is public: it is in every setup file)."""
    pk = ex.own_keys(parent_inst)
    manifest = {
        "kind": "package",
        "source": {"unit": unit, "name": "x", "level": "commune"},
        "parent": parent_inst.unit_code,
        "sequence": sequence,
        "created_at": f"{YEAR}-12-31T00:00:00.000Z",
        "period": {"from": f"{YEAR}-01-01", "to": f"{YEAR}-12-31"},
        "counts": {"communication": {"records": len(records), "deleted": 0}},
        "reports": [],
        **extra,
    }
    return build_package(
        impostor, manifest, [("records/communication.jsonl", records_member(records, columns))], [],
        Recipient(parent_inst.unit_code, pk.encryption_public, pk.fingerprint),
    )[0]


# -- 1. keys vouched by the level above, never trusted on first use --------------------------------------
def test_impostor_package_for_13288_is_held_and_the_genuine_one_still_imports(tmp_path):
    district = new_inst(tmp_path / "pl", PHU_LY)
    genuine = new_inst(tmp_path / "lkt", LKT)
    try:
        link(district, genuine, tmp_path / "setup")
        ids = add_records(genuine, 2)
        real = ex.export_package(genuine, tmp_path / "usb").path
        # the impostor copies a genuine record's id and claims a newer revision of it
        form = genuine.store.forms["communication"]
        cols = genuine.store.content_columns(form)
        row = {c: genuine.store.get_row(form, ids[0])[c] for c in cols}
        forged_row = {**row, "revision": 9, "topic": "Bản ghi giả mạo"}
        extra = {**row, "id": "0b9a6a0e-0000-4000-8000-00000000abcd", "topic": "Bản ghi của kẻ mạo danh"}
        impostor = KeyPair.generate()
        fake = tmp_path / "fake" / f"{LKT}_20191231_0001.pdpkg"
        fake.parent.mkdir()
        fake.write_bytes(_forged_package(impostor, LKT, district, [forged_row, extra], cols))

        before = dump(district)
        rep = imp(district, fake)
        assert not rep.ok and rep.files[0].held and not rep.files[0].tally
        assert rep.files[0].held[0].code == impostor.code
        assert "CHỜ XÁC NHẬN" in rep.text() and "Dữ liệu không thay đổi" not in rep.text()
        assert _without_pending(dump(district)) == _without_pending(before)  # nothing of it applied
        assert count(district, unit=LKT) == 0

        # the genuine package (the code was enrolled after a phone call) imports as if nothing happened
        rep = imp(district, real)
        assert rep.ok, rep.text()
        assert count(district, unit=LKT) == 2 and content(district, LKT) == content(genuine, LKT)
        # approving the impostor with the code the genuine unit reads out is refused; rejecting discards it
        with pytest.raises(ex.ExchangeError):
            ex.approve_key(district, LKT, genuine_code := ex.own_keys(genuine).code)
        assert genuine_code != impostor.code
        assert ex.reject_key(district, LKT) == 1 and ex.list_pending(district) == []
        assert count(district, unit=LKT) == 2 and district.store.check() == []
        assert "Bản ghi giả mạo" not in json.dumps(content(district))
    finally:
        district.close()
        genuine.close()


def test_a_unit_never_enrolled_is_held_not_trusted_on_first_use(world, tmp_path):
    other = new_inst(tmp_path / "d-other", DISTRICT)  # a district that enrolled nobody
    try:
        # the same district's keys: the package is encrypted to them
        import shutil

        shutil.copytree(world.d.folder / "keys", other.folder / "keys", dirs_exist_ok=True)
        add_records(world.c1, 1)
        pkg = ex.export_package(world.c1, world.usb()).path
        rep = imp(other, pkg)
        assert rep.files[0].held and rep.files[0].held[0].reason == "unknown"
        assert count(other, unit=C1) == 0 and ex.known_keys(other).get(C1) is None
        res = ex.approve_key(other, C1, ex.own_keys(world.c1).code)
        assert res.report.ok and count(other, unit=C1) == 1
        assert ex.known_keys(other)[C1].signing_key == ex.own_keys(world.c1).signing_public
    finally:
        other.close()


def test_a_key_taken_on_first_use_by_an_older_version_is_not_trusted(world):
    with world.d.store.db.atomic():  # as an older version recorded it: on first use
        world.d.store.db.execute(
            "INSERT OR REPLACE INTO exchange_keys(unit_code, fingerprint, signing_key, encryption_key, source, "
            "first_seen_at, updated_at) VALUES (?, ?, ?, NULL, 'tofu', 'x', 'x')",
            [C1, ex.own_keys(world.c1).fingerprint, b64(ex.own_keys(world.c1).signing_public)],
        )
    add_records(world.c1, 1)
    rep = imp(world.d, ex.export_package(world.c1, world.usb()).path)
    assert rep.files[0].held and rep.files[0].held[0].reason == "unconfirmed"
    ex.trust_key(world.d, C1, ex.own_keys(world.c1).code)  # confirmed by phone: the key is now trusted
    assert ex.approve_key(world.d, C1, ex.own_keys(world.c1).code).report.ok
    assert count(world.d, unit=C1) == 1


def test_a_forged_setup_file_is_held_at_the_commune_and_changes_nothing(world, tmp_path):
    """Someone writes a setup file «from the district» with their own key: the commune that knows its
    district holds it (its packages stay encrypted to the real district); a fresh commune holds it too
    and exports nothing until an approver confirms a code."""
    impostor = KeyPair.generate()
    manifest = {
        "kind": "setup", "issuer": {"unit": DISTRICT, "name": "Huyện Lý Nhân", "level": "district"},
        "unit": C1, "unit_name": "Xã Đồng Lý", "created_at": "2019-01-01T00:00:00.000Z",
        "forms_version": "x", "working_year": YEAR, "plan_id": None, "plan_targets": {"x": {"2019": 1}},
    }
    forged = tmp_path / f"{C1}_thiet-lap.pdsetup"
    forged.write_bytes(build_signed_document(impostor, manifest)[0])

    before = dump(world.c1)
    info = ex.apply_setup_file(world.c1, forged)
    assert info.held and info.untrusted[0].reason == "changed" and info.untrusted[0].code == impostor.code
    assert _without_pending(dump(world.c1)) == _without_pending(before)
    add_records(world.c1, 1)
    res = ex.export_package(world.c1, world.usb())
    assert res.encrypted_to == DISTRICT and imp(world.d, res.path).ok  # still readable by the real district only
    with pytest.raises(ex.ExchangeError):
        ex.approve_key(world.c1, DISTRICT, ex.own_keys(world.d).code)  # the real district's code: not this file
    assert ex.reject_key(world.c1, DISTRICT) == 1

    fresh = new_inst(tmp_path / "fresh", C1)
    try:
        assert ex.apply_setup_file(fresh, forged).held
        assert ex.known_keys(fresh) == {}
        with pytest.raises(ex.ExchangeError, match="tệp thiết lập"):
            ex.export_package(fresh, world.usb("x"))  # never unencrypted, never to the impostor
    finally:
        fresh.close()


def test_a_commune_without_its_parent_key_never_trusts_a_receipt(world):
    add_records(world.c1, 1)
    assert imp(world.d, ex.export_package(world.c1, world.usb()).path).ok
    receipt = ex.write_receipt(world.d, C1, world.usb("back")).path
    with world.c1.store.db.atomic():  # as if the district's key had never been recorded
        world.c1.store.db.execute("DELETE FROM exchange_keys WHERE unit_code = ?", [DISTRICT])
    before = dump(world.c1)
    rep = imp(world.c1, receipt)
    assert not rep.ok and rep.files[0].kind == "receipt" and rep.files[0].held
    assert _without_pending(dump(world.c1)) == _without_pending(before)
    with pytest.raises(ex.ExchangeError):  # and the commune cannot export without it
        ex.export_package(world.c1, world.usb("x"))
    assert ex.approve_key(world.c1, DISTRICT, ex.own_keys(world.d).code).report.ok
    assert ex.pending_changes(world.c1) == 0  # the receipt applied: everything acknowledged


def test_the_province_enrols_commune_keys_only_as_vouched_by_their_district(world):
    add_records(world.c1, 2)
    assert imp(world.d, ex.export_package(world.c1, world.usb()).path).ok
    up = ex.export_package(world.d, world.usb("up")).path
    assert imp(world.p, up).ok
    k = next(k for k in ex.keys_overview(world.p)[1] if k.unit_code == C1)
    assert k.source == f"vouched:{DISTRICT}" and k.code == ex.own_keys(world.c1).code

    # the same bundles, forwarded without the district's vouchers: refused, nothing written
    archive = world.d.store.db.query("SELECT blob FROM exchange_archive")
    bundles = [ForwardedBundle.from_blob(r["blob"]) for r in archive]
    pk = ex.known_keys(world.d)[PROVINCE]
    manifest = {
        "kind": "package", "source": {"unit": DISTRICT, "name": "x", "level": "district"}, "parent": PROVINCE,
        "sequence": 2, "created_at": "2019-12-31T00:00:00.000Z",
        "period": {"from": "2019-01-01", "to": "2019-12-31"}, "counts": {}, "reports": [], "vouchers": [],
    }
    data, _ = build_package(ex.own_keys(world.d), manifest, [], bundles,
                            Recipient(PROVINCE, pk.encryption_key, pk.fingerprint))
    other = new_inst(world.root / "p2", PROVINCE)
    try:
        import shutil

        shutil.copytree(world.p.folder / "keys", other.folder / "keys", dirs_exist_ok=True)
        ex.trust_key(other, DISTRICT, ex.own_keys(world.d).code)
        f = world.usb("novouch") / "353_20191231_0002.pdpkg"
        f.write_bytes(data)
        before = dump(other)
        rep = imp(other, f)
        assert not rep.ok and rep.files[0].reason_code == "unvouched" and "xác nhận khóa" in rep.files[0].message
        assert dump(other) == before
        assert imp(other, up).ok and count(other, unit=C1) == 2  # with the vouchers: accepted
    finally:
        other.close()


# -- 2. exports are always encrypted ---------------------------------------------------------------------
def test_no_export_without_the_parent_key(tmp_path):
    c1 = new_inst(tmp_path / "c1", C1)
    try:
        add_records(c1, 1)
        with pytest.raises(ex.ExchangeError, match="tệp thiết lập") as err:
            ex.export_package(c1, tmp_path / "usb")
        assert err.value.en and "setup file" in err.value.en
        assert not (tmp_path / "usb").exists() or not list((tmp_path / "usb").iterdir())
        assert ex.export_history(c1) == []
    finally:
        c1.close()


# -- 3. package numbers -----------------------------------------------------------------------------------
@SETTINGS
@given(seq=st.integers(min_value=ex.MAX_SEQUENCE_JUMP + 1, max_value=10**9 - 1), impostor=st.booleans())
def test_an_absurd_package_number_changes_nothing(world, seq, impostor):
    """Signed by the commune's real key or by an impostor's: refused before anything is written (an
    impostor's is not even held)."""
    form = world.c1.store.forms["communication"]
    cols = world.c1.store.content_columns(form)
    row = {c: None for c in cols}
    row.update(id="0b9a6a0e-0000-4000-8000-000000000099", unit_code=C1, revision=1, deleted=0,
               created_at="2019-05-01T00:00:00Z", updated_at="2019-05-01T00:00:00Z", **{
                   k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in comm_values(1).items()})
    row["audience"] = json.dumps(row["audience"])
    f = world.usb("seq") / f"{C1}_20191231_{seq}.pdpkg"
    key = KeyPair.generate() if impostor else ex.own_keys(world.c1)
    f.write_bytes(_forged_package(key, C1, world.d, [row], cols, sequence=seq))
    before = dump(world.d)
    rep = imp(world.d, f)
    assert not rep.ok and rep.files[0].reason_code == "sequence_jump", rep.text()
    assert "vượt quá xa" in rep.files[0].message
    assert dump(world.d) == before


def test_missing_numbers_never_materialise_a_range():
    assert ex.missing_numbers([99_999_999]) == (list(range(1, 21)), 99_999_998)
    assert ex.missing_numbers([1, 2, 5, 9]) == ([3, 4, 6, 7, 8], 5)
    assert ex.missing_numbers([]) == ([], 0)


def test_a_reused_package_number_with_other_content_is_refused(world, tmp_path):
    """A commune restores an old backup and exports number 2 again with other content: the district
    refuses the second one and says so."""
    import shutil

    add_records(world.c1, 1)
    assert imp(world.d, ex.export_package(world.c1, world.usb("1")).path).ok
    world.c1.store.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    snapshot = tmp_path / "snapshot.sqlite"
    shutil.copy(world.c1.store.path, snapshot)
    add_records(world.c1, 1, start=10)
    first2 = ex.export_package(world.c1, world.usb("2a")).path
    assert imp(world.d, first2).ok
    # "restore": the old data file back, the same keys
    world.c1.close()
    shutil.copy(snapshot, world.root / "c1" / "plan_desktop.sqlite")
    from tests.exchange.conftest import open_inst

    world.c1 = open_inst(world.root / "c1")
    add_records(world.c1, 1, start=20)
    second2 = ex.export_package(world.c1, world.usb("2b")).path
    assert json.loads(zipfile.ZipFile(second2).read("manifest.json"))["sequence"] == 2
    before = dump(world.d)
    rep = imp(world.d, second2)
    assert not rep.ok and rep.files[0].reason_code == "sequence_reused"
    assert "Gói số 2" in rep.files[0].message and "nội dung khác" in rep.files[0].message
    assert dump(world.d) == before


def test_replaying_an_old_package_after_a_newer_one_changes_nothing(world):
    ids = add_records(world.c1, 2)
    p1 = ex.export_package(world.c1, world.usb("1")).path
    world.c1.records().update("communication", ids[0], comm_values(0, topic="Đã sửa sau gói 1"))
    world.c1.records().delete("communication", ids[1])
    p2 = ex.export_package(world.c1, world.usb("2")).path
    assert imp(world.d, p1).ok and imp(world.d, p2).ok
    before = dump(world.d)
    for _ in range(2):
        rep = imp(world.d, p1)
        assert rep.ok and rep.files[0].already_imported
        assert dump(world.d) == before
    # the same bytes under another name, and after a receipt: still nothing
    copy = world.usb("copy") / "13597_20300101_0001.pdpkg"
    copy.write_bytes(p1.read_bytes())
    assert imp(world.c1, ex.write_receipt(world.d, C1, world.usb("r")).path).ok
    before = dump(world.d)
    assert imp(world.d, copy).ok and dump(world.d) == before


# -- 4. only what is needed leaves ------------------------------------------------------------------------
def test_a_deleted_record_travels_without_its_content(world):
    secret = "Nội dung riêng của bản ghi sẽ xóa 5531"
    (rid,) = [world.c1.records().create("communication", comm_values(3, topic=secret))["id"]]
    assert imp(world.d, ex.export_package(world.c1, world.usb("1")).path).ok
    assert imp(world.c1, ex.write_receipt(world.d, C1, world.usb("r")).path).ok
    world.c1.records().delete("communication", rid)
    pkg = ex.export_package(world.c1, world.usb("2")).path
    bundle = verify_package(pkg, _verify_context(world.d, ex.own_keys(world.d))).own
    raw = bundle.members["records/communication.jsonl"]
    assert secret.encode() not in raw and secret.encode() not in pkg.read_bytes()
    (line,) = [json.loads(x) for x in raw.splitlines()]
    assert set(line) == set(TOMBSTONE_FIELDS) and line["deleted"] == 1 and line["id"] == rid
    assert imp(world.d, pkg).ok
    row = world.d.store.get_row(world.d.store.forms["communication"], rid)
    assert row["deleted"] == 1 and row["topic"] is None  # the content is gone above too
    assert world.d.store.check() == []


def test_the_manifest_shows_no_forms_or_counts(world):
    add_records(world.c1, 3)
    pkg = ex.export_package(world.c1, world.usb()).path
    manifest = json.loads(zipfile.ZipFile(pkg).read("manifest.json"))
    assert "counts" not in manifest and "members" not in manifest and manifest["version"] == 2
    assert "communication" not in json.dumps(manifest)
    assert imp(world.d, pkg).files[0].tally[(C1, "communication")].new == 3


# -- 5. chain anchor -----------------------------------------------------------------------------------------
def _recompute_chain(inst) -> None:
    """What someone with the data file and a little SQL does: edit a record and an audit row, then
    recompute every hash so that the chain verifies again."""
    from plan_desktop.store import audit

    db = inst.store.db
    with db.atomic():
        db.execute("UPDATE audit_log SET note = 'sửa lén' WHERE seq = 1")
        prev = audit.GENESIS
        for row in list(db.query("SELECT * FROM audit_log ORDER BY seq")):
            entry = {k: row[k] for k in row if k not in ("hash", "prev_hash")}
            h = audit._row_hash(prev, entry)
            db.execute("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?", [prev, h, row["seq"]])
            prev = h
        db.execute("UPDATE meta SET value = ? WHERE key = 'audit_head_hash'", [prev])


def test_rewritten_history_below_is_reported_on_import(world):
    add_records(world.c1, 2)
    assert imp(world.d, ex.export_package(world.c1, world.usb("1")).path).ok
    _recompute_chain(world.c1)
    assert [p for p in world.c1.store.check() if "nhật ký" in str(p).lower()] == []  # the file alone can't tell
    add_records(world.c1, 1, start=5)
    rep = imp(world.d, ex.export_package(world.c1, world.usb("2")).path)
    assert rep.ok and rep.files[0].anchor_problems
    assert "ĐÃ BỊ VIẾT LẠI" in rep.text()


def test_a_wiped_history_below_is_reported_on_import(world):
    from plan_desktop.store import audit

    add_records(world.c1, 3)
    assert imp(world.d, ex.export_package(world.c1, world.usb("1")).path).ok
    db = world.c1.store.db
    with db.atomic():
        db.execute("DELETE FROM form_communication")
        db.execute("DELETE FROM audit_log")
        db.execute("UPDATE meta SET value = '0' WHERE key = 'audit_head_seq'")
        db.execute("UPDATE meta SET value = ? WHERE key = 'audit_head_hash'", [audit.GENESIS])
    add_records(world.c1, 1, start=9)
    rep = imp(world.d, ex.export_package(world.c1, world.usb("2")).path)
    assert rep.files[0].anchor_problems and "NGẮN HƠN" in rep.text()


def test_an_honest_history_raises_no_anchor_warning(world):
    for i in range(3):
        add_records(world.c1, 1, start=i * 10)
        rep = imp(world.d, ex.export_package(world.c1, world.usb(str(i))).path)
        assert rep.ok and rep.files[0].anchor_problems == [], rep.text()
        assert imp(world.c1, ex.write_receipt(world.d, C1, world.usb(f"r{i}")).path).ok
    up = ex.export_package(world.d, world.usb("up")).path
    rep = imp(world.p, up)
    assert rep.ok and rep.files[0].anchor_problems == []
    assert world.p.store.db.execute("SELECT COUNT(*) FROM exchange_anchors WHERE unit_code = ?", [C1]).fetchone()[0]


def test_a_receipt_from_a_district_that_rewrote_its_history_says_so(world):
    add_records(world.c1, 1)
    assert imp(world.d, ex.export_package(world.c1, world.usb("1")).path).ok
    assert imp(world.c1, ex.write_receipt(world.d, C1, world.usb("r1")).path).ok
    _recompute_chain(world.d)
    add_records(world.c1, 1, start=3)
    assert imp(world.d, ex.export_package(world.c1, world.usb("2")).path).ok
    rep = imp(world.c1, ex.write_receipt(world.d, C1, world.usb("r2")).path)
    assert rep.ok and "ĐÃ BỊ VIẾT LẠI" in rep.files[0].message


def test_a_reinstalled_district_vouched_for_by_the_province_is_trusted_by_its_communes(world, tmp_path):
    """The province is the root. A commune learned the province's key from its confirmed district's
    setup file; when the district reinstalls, the province confirms the new key by phone and vouches for
    it, and the commune accepts the new district's setup file on that voucher — no call needed there —
    while a setup file with a key the province did not vouch for is still held."""
    assert ex.known_keys(world.c1)[PROVINCE].signing_key == ex.own_keys(world.p).signing_public
    d2 = new_inst(tmp_path / "d-new", DISTRICT)
    try:
        info = ex.apply_setup_file(d2, ex.write_setup_file(world.p, DISTRICT, world.usb("s1")))
        assert info.held and ex.approve_key(d2, PROVINCE, ex.own_keys(world.p).code)
        first = ex.export_package(d2, world.usb("up")).path
        assert imp(world.p, first).files[0].held  # the province holds the new district key ...
        assert ex.approve_key(world.p, DISTRICT, ex.own_keys(d2).code).report.ok  # ... until confirmed
        # the province's receipt (and its next setup file) vouch for the new key
        assert imp(d2, ex.write_receipt(world.p, DISTRICT, world.usb("r")).path).ok
        (stored,) = d2.store.db.execute("SELECT issuer, unit_code FROM exchange_vouchers").fetchall()
        assert tuple(stored) == (PROVINCE, DISTRICT)
        setup = ex.write_setup_file(d2, C1, world.usb("s2"))
        applied = ex.apply_setup_file(world.c1, setup)
        assert not applied.held and not applied.warnings
        k = next(k for k in ex.keys_overview(world.c1)[1] if k.unit_code == DISTRICT)
        assert k.source == f"vouched:{PROVINCE}" and k.code == ex.own_keys(d2).code
        assert ex.export_package(world.c1, world.usb("x")).encrypted_to == DISTRICT
    finally:
        d2.close()
    # a third district key nobody vouched for: held at the commune
    d3 = new_inst(tmp_path / "d-3", DISTRICT)
    try:
        assert ex.apply_setup_file(world.c1, ex.write_setup_file(d3, C1, world.usb("s3"))).held
    finally:
        d3.close()


def test_a_package_support_record_without_a_pseudonym_is_refused(world):
    """Packages run the form's own validator: a support record whose person_code is not a pseudonym of
    the declared pattern (HT-<commune code>-NNNN) — a name, another unit's code — is refused and named,
    the rest of the package imports."""
    form = world.c1.store.forms["support"]
    assert form.field("person_code").pattern  # the rule the commune's own entry and CSV import apply
    good = world.c1.records("tester").create(
        "support", {"date": f"{YEAR}-04-02", "person_code": f"HT-{C1}-0001", "service": "counselling"}
    )
    cols = world.c1.store.content_columns(form)
    row = {c: world.c1.store.get_row(form, good["id"])[c] for c in cols}
    bad = [
        {**row, "id": f"0b9a6a0e-0000-4000-8000-00000000000{i}", "person_code": code}
        for i, code in enumerate(["Nguyễn Thị Hoa", "HT-13594-0001", "001190012345"], start=1)
    ]
    pk = ex.own_keys(world.d)
    manifest = {
        "kind": "package", "source": {"unit": C1, "name": "x", "level": "commune"}, "parent": DISTRICT,
        "sequence": 1, "created_at": f"{YEAR}-12-31T00:00:00.000Z",
        "period": {"from": f"{YEAR}-01-01", "to": f"{YEAR}-12-31"},
        "counts": {"support": {"records": 4, "deleted": 0}}, "reports": [],
    }
    data, _ = build_package(
        ex.own_keys(world.c1), manifest, [("records/support.jsonl", records_member([row, *bad], cols))], [],
        Recipient(DISTRICT, pk.encryption_public, pk.fingerprint),
    )
    f = world.usb("pc") / f"{C1}_20191231_0001.pdpkg"
    f.write_bytes(data)
    rep = imp(world.d, f)
    t = rep.files[0].tally[(C1, "support")]
    assert rep.ok and t.new == 1 and t.rejected == 3, rep.text()
    assert all("Mã số người được hỗ trợ" in r for r in t.reasons)
    codes = {r[0] for r in world.d.store.db.execute("SELECT person_code FROM form_support")}
    assert codes == {f"HT-{C1}-0001"}


JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)


@pytest.fixture(scope="module")
def signed_scene(tmp_path_factory):
    """A commune and its district with one package and one receipt exchanged (module-wide: hypothesis)."""
    root = tmp_path_factory.mktemp("hostile")
    c1, d = new_inst(root / "c1", C1), new_inst(root / "d", DISTRICT)
    link(d, c1, root / "setup")
    add_records(c1, 2)
    pkg = ex.export_package(c1, root / "usb").path
    assert imp(d, pkg).ok
    receipt = ex.write_receipt(d, C1, root / "back").path
    yield root, c1, d, pkg, receipt
    c1.close()
    d.close()


def _resigned(path: Path, key: KeyPair, field: str, value) -> bytes:
    """A receipt with one manifest field replaced, signed again by the real key."""
    from plan_desktop.exchange.container import stored_zip
    from plan_desktop.exchange.package import _SIG_DOMAIN, canonical

    with zipfile.ZipFile(path) as z:
        manifest = json.loads(z.read("manifest.json"))
    manifest[field] = value
    body = canonical(manifest)
    return stored_zip([("manifest.json", body), ("manifest.sig", key.sign(_SIG_DOMAIN + body))])


_COUNTER = [0]
BIG = st.integers(-(2**70), 2**70)
AUDIT_LIKE = st.fixed_dictionaries({
    "head": st.tuples(BIG | st.integers(0, 50), st.text(max_size=70)).map(list),
    "checkpoints": st.lists(st.tuples(BIG | st.integers(0, 50), st.none() | st.text(max_size=70)).map(list),
                            max_size=10),
})
VOUCHER_LIKE = st.lists(st.fixed_dictionaries({"body": st.dictionaries(st.sampled_from(
    ["kind", "issuer", "unit", "signing", "encryption", "issued", "valid_until"]), JSON), "sig": JSON}), max_size=3)


@SETTINGS
@given(
    field=st.sampled_from(["audit", "vouchers", "vouchers_above"]),
    value=JSON | AUDIT_LIKE | VOUCHER_LIKE,
    which=st.sampled_from(["pkg", "receipt"]),
)
@example(field="audit", value={"head": [2**70, "x"], "checkpoints": [[2**70, None]]}, which="pkg")
@example(field="audit", value={"head": [2**70, "x"], "checkpoints": []}, which="receipt")
@example(field="audit", value={"head": [3, "x"], "checkpoints": [[2**70, "y"]] * 20}, which="receipt")
def test_hostile_trust_fields_signed_by_the_real_key_never_crash(signed_scene, field, value, which):
    """Whatever a (compromised or buggy) unit puts in the chain head or voucher fields of a correctly
    signed package or receipt, the import either applies it or refuses it with a Vietnamese reason,
    never crashes, and the store stays consistent."""
    root, c1, d, pkg, receipt = signed_scene
    f = root / "hostile" / (pkg.name if which == "pkg" else receipt.name)
    f.parent.mkdir(exist_ok=True)
    if which == "pkg":  # a new package each time (a new number), so that it is applied
        _COUNTER[0] += 1
        cols = c1.store.content_columns(c1.store.forms["communication"])
        f.write_bytes(_forged_package(ex.own_keys(c1), C1, d, [], cols, sequence=1 + _COUNTER[0], **{field: value}))
        receiver = d
    else:
        f.write_bytes(_resigned(receipt, ex.own_keys(d), field, value))
        receiver = c1
    rep = imp(receiver, f)
    assert rep.files[0].message
    assert receiver.store.check() == []


def test_the_pending_area_is_bounded(world, monkeypatch):
    from plan_desktop.services.exchange import state

    monkeypatch.setattr(state, "MAX_PENDING", 2)
    form = world.c1.store.forms["communication"]
    cols = world.c1.store.content_columns(form)
    results = []
    for i in range(3):
        f = world.usb("many") / f"{C1}_20191231_{i:04d}.pdpkg"
        f.write_bytes(_forged_package(KeyPair.generate(), C1, world.d, [], cols, sequence=i + 1))
        results.append(imp(world.d, f).files[0])
    assert [bool(r.held) for r in results] == [True, True, False]
    assert results[2].reason_code == "too_many_pending" and len(ex.list_pending(world.d)) == 2
