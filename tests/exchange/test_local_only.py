"""Privacy by design: ``local_only`` fields (case notes, support outcome, …) stay at the commune that
wrote them. Real data folders: a commune, its district, the province; real package files."""

from __future__ import annotations

import json
import shutil
import zipfile
from collections import defaultdict
from datetime import date
from pathlib import Path

from plan_desktop.domain.forms import load_forms
from plan_desktop.exchange.package import verify_package
from plan_desktop.reports.scope import report_data_hash
from plan_desktop.services import exchange as ex
from plan_desktop.services.exchange.imports import FileResult, FormTally, _apply_rows, _verify_context
from tests.exchange.conftest import C1, C2, DISTRICT, PROVINCE, YEAR, dump, link

#: One unmistakable value per local_only field: a name as an officer might type it.
SECRETS = {
    ("case", "notes"): "Ghi chú: anh Nguyễn Văn Bảo-7741, thôn Đông, khai nhận",
    ("support", "outcome"): "Chị Trần Thị Hoa-7742 đã có việc làm tại xưởng may An Phú",
    ("communication", "notes"): "Tư vấn riêng cho cháu Lê Văn Tùng-7743",
    ("training", "notes"): "Học viên: Phạm Thị Lan-7744, Đỗ Văn Minh-7745",
    ("establishment", "owner_name"): "Hoàng Văn Cường-7746",
    ("case", "decision_no"): "15/QĐ-XPVPHC-7747",
    ("support", "provider"): "Anh Vũ Văn Khánh-7748, chủ xưởng may",
}
#: What still travels next to them (checked at the district and the province).
VISIBLE = {
    ("support", "person_code"): "HT-13597-0007",
    ("communication", "topic"): "Tuyên truyền phòng, chống mại dâm tại thôn Đông",
    ("training", "title"): "Tập huấn kỹ năng tuyên truyền viên",
    ("establishment", "name"): "Nhà nghỉ Hoa Sen",
}


def _values() -> dict[str, dict]:
    return {
        "establishment": {"name": VISIBLE[("establishment", "name")], "kind": "guesthouse",
                          "owner_name": SECRETS[("establishment", "owner_name")], "suspected": True,
                          "suspected_since": date(YEAR, 2, 1)},
        "case": {"detected_on": date(YEAR, 3, 4), "source": "patrol", "kind": "buying_selling", "sellers": 2,
                 "buyers": 1, "action": "admin_fine", "fine": 1_500_000, "status": "handled",
                 "closed_on": date(YEAR, 3, 20), "decision_no": SECRETS[("case", "decision_no")],
                 "notes": SECRETS[("case", "notes")]},
        "support": {"date": date(YEAR, 4, 2), "person_code": VISIBLE[("support", "person_code")],
                    "service": "job", "provider": SECRETS[("support", "provider")],
                    "outcome": SECRETS[("support", "outcome")]},
        "communication": {"date": date(YEAR, 5, 6), "format": "counselling", "venue_type": "residential",
                          "topic": VISIBLE[("communication", "topic")], "lead_org": "womens_union",
                          "audience": ["high_risk"], "sessions": 1, "participants": 1,
                          "notes": SECRETS[("communication", "notes")]},
        "training": {"start_date": date(YEAR, 6, 3), "title": VISIBLE[("training", "title")],
                     "level": "commune", "content": ["communication_skills"],
                     "trainee_group": "propagandists", "trainees": 12,
                     "notes": SECRETS[("training", "notes")]},
    }


def _fill(inst) -> dict[str, str]:
    svc = inst.records("tester")
    values = _values()
    # a pseudonym of the unit that writes it (HT-<unit code>-NNNN): 13597's is the VISIBLE one
    values["support"]["person_code"] = f"HT-{inst.unit_code}-0007"
    return {form_id: svc.create(form_id, v)["id"] for form_id, v in values.items()}


def _secret_bytes() -> list[bytes]:
    return [s.encode("utf-8") for s in SECRETS.values()]


def _members(path: Path, receiver) -> dict[str, bytes]:
    """Every member of a package as the receiver reads it (decrypted, forwarded bundles included),
    plus its manifest."""
    pkg = verify_package(path, _verify_context(receiver, ex.own_keys(receiver)))
    out = {"manifest.json": pkg.signed.raw}
    for b in pkg.bundles:
        out[f"manifest:{b.unit}"] = b.signed.raw
        out.update({f"{b.unit}:{n}": d for n, d in b.members.items()})
    return out


def _no_secret_in(blobs: dict[str, bytes]) -> None:
    for name, data in blobs.items():
        for s in _secret_bytes():
            assert s not in data, (name, s.decode())


def _no_secret_in_folder(folder: Path) -> None:
    """Not in the SQLite file (its WAL, the backups, anything else in the data folder either)."""
    files = [p for p in folder.rglob("*") if p.is_file()]
    assert any(p.name == "plan_desktop.sqlite" for p in files)
    _no_secret_in({str(p): p.read_bytes() for p in files})


def _shared(inst, unit: str) -> dict[str, list[tuple]]:
    """A unit's records as they travel: content columns, local_only ones (of this version's forms) left
    out."""
    out = {}
    for form in inst.store.forms.values():
        local = load_forms()[form.id].local_only_names
        cols = [c for c in inst.store.content_columns(form) if c not in local]
        rows = inst.store.db.query(f"SELECT * FROM [{form.table}] WHERE unit_code = ?", [unit])
        out[form.id] = sorted((tuple(r[c] for c in cols) for r in rows), key=repr)
    return out


def _local_values(inst, unit: str) -> set:
    vals = set()
    for form in inst.store.forms.values():
        for name in load_forms()[form.id].local_only_names:
            sql = f"SELECT [{name}] FROM [{form.table}] WHERE unit_code = ?"
            vals |= {r[0] for r in inst.store.db.execute(sql, [unit])}
    return vals


def test_local_only_fields_never_leave_the_commune(world):
    ids = _fill(world.c1)
    # the package is encrypted to the district: nothing readable on the stick, not even the form names
    p1 = ex.export_package(world.c1, world.usb("a")).path
    raw = p1.read_bytes()
    for value in [*SECRETS.values(), *VISIBLE.values(), "support", "case.jsonl"]:
        assert value.encode() not in raw, value
    members = _members(p1, world.d)  # as the district decrypts it
    assert {f"{C1}:records/case.jsonl", f"{C1}:records/support.jsonl", f"{C1}:records/establishment.jsonl"} <= set(
        members
    )
    _no_secret_in(members)
    for value in VISIBLE.values():  # everything else is there
        assert any(value.encode() in d for d in members.values()), value
    _no_secret_in(_members(p1, world.d))

    rep = ex.import_files(world.d, [p1], save_report=False)
    assert rep.ok, rep.text()
    t = rep.files[0].tally
    assert all(t[(C1, f)].new == 1 and t[(C1, f)].rejected == 0 for f in _values())
    assert _shared(world.d, C1) == _shared(world.c1, C1)  # everything else arrived as it is
    assert _local_values(world.d, C1) == {None}
    _no_secret_in_folder(world.d.folder)
    # the commune keeps its own values
    case_c1 = world.c1.store.get_row(world.c1.store.forms["case"], ids["case"])
    assert case_c1["notes"] == SECRETS[("case", "notes")]
    assert world.c1.store.check() == [] and world.d.store.check() == []
    # the district computes the commune's report data hash from what it received
    assert report_data_hash(world.d, str(YEAR), C1) == report_data_hash(world.c1, str(YEAR))

    # the same package again: nothing changes
    before = dump(world.d)
    again = ex.import_files(world.d, [p1], save_report=False)
    assert again.ok and again.files[0].already_imported
    assert sum(x.updated + x.new + x.conflicts for x in again.files[0].tally.values()) == 0
    assert dump(world.d) == before

    # a receipt gives the commune the district's key: the next packages are encrypted
    receipt = ex.write_receipt(world.d, C1, world.usb("back")).path
    assert ex.import_files(world.c1, [receipt], save_report=False).ok
    # a full re-export, same revisions: unchanged at the district, no conflict
    p2 = ex.export_package(world.c1, world.usb("b"), full=True)
    assert p2.encrypted_to == DISTRICT
    _no_secret_in(_members(p2.path, world.d))
    rep = ex.import_files(world.d, [p2.path], save_report=False)
    assert rep.ok
    assert sum(x.updated + x.new + x.conflicts + x.rejected for x in rep.files[0].tally.values()) == 0
    assert _shared(world.d, C1) == _shared(world.c1, C1)

    # an edit of the notes alone: a new revision travels, the notes do not
    svc = world.c1.records("tester")
    new_notes = "Bổ sung: chị Vũ Thị Mai-7747 là người làm chứng"
    svc.update("case", ids["case"], {**_values()["case"], "notes": new_notes})
    p3 = ex.export_package(world.c1, world.usb("c")).path
    _no_secret_in(_members(p3, world.d))
    assert new_notes.encode() not in b"".join(_members(p3, world.d).values())
    rep = ex.import_files(world.d, [p3], save_report=False)
    assert rep.ok and rep.files[0].tally[(C1, "case")].updated == 1
    case_d = world.d.store.get_row(world.d.store.forms["case"], ids["case"])
    assert case_d["revision"] == 2 and case_d["notes"] is None
    assert world.c1.store.get_row(world.c1.store.forms["case"], ids["case"])["notes"] == new_notes
    assert _shared(world.d, C1) == _shared(world.c1, C1)
    assert world.c1.store.check() == [] and world.d.store.check() == []

    # upward: the commune's signed bundles are forwarded unchanged; the province holds no secret either
    up = ex.export_package(world.d, world.usb("up")).path
    _no_secret_in(_members(up, world.p))
    rep = ex.import_files(world.p, [up], save_report=False)
    assert rep.ok, rep.text()
    assert _shared(world.p, C1) == _shared(world.c1, C1)
    assert _local_values(world.p, C1) == {None}
    _no_secret_in_folder(world.p.folder)
    assert world.p.store.check() == [] and world.d.store.check() == []


def test_forwarded_bundles_travel_byte_for_byte(world):
    _fill(world.c1)
    pkg = ex.export_package(world.c1, world.usb()).path
    assert ex.import_files(world.d, [pkg], save_report=False).ok
    up = ex.export_package(world.d, world.usb("up")).path
    at_district = verify_package(pkg, _verify_context(world.d, ex.own_keys(world.d))).own
    at_province = verify_package(up, _verify_context(world.p, ex.own_keys(world.p))).forwarded
    (fwd,) = at_province
    assert fwd.unit == C1 and fwd.signed.raw == at_district.signed.raw and fwd.members == at_district.members


def _code_of(pkg: Path) -> str:
    """The short code of the key that signed a package (what its unit reads out by phone)."""
    from plan_desktop.exchange.keys import short_code, unb64

    with zipfile.ZipFile(pkg) as z:
        return short_code(unb64(json.loads(z.read("manifest.json"))["key"]["signing"], 32))


def _old_forms(tmp_path: Path):
    """The forms of an older program version: the same, without local_only."""
    folder = tmp_path / "old-forms"
    folder.mkdir()
    for f in Path(load_forms()["case"].source).parent.glob("*.toml"):
        text = f.read_text(encoding="utf-8").replace("local_only = true\n", "")
        (folder / f.name).write_text(text, encoding="utf-8")
    forms = load_forms(folder)
    assert not any(f.local_only_names for f in forms.values())
    return forms


def test_an_older_sender_s_local_values_are_stored_empty(world, tmp_path):
    """A commune on an older program version still sends its notes: the district stores them empty
    and the rest as sent."""
    from plan_desktop.services.installation import Installation

    old_forms = _old_forms(tmp_path)
    old = Installation.init(tmp_path / "old-c2", C2, forms=old_forms, extra_settings={"working_year": YEAR})
    try:
        link(world.d, old, tmp_path / "setup")
        _fill(old)
        pkg = ex.export_package(old, world.usb()).path
        assert SECRETS[("case", "notes")].encode() in b"".join(_members(pkg, world.d).values())
        rep = ex.import_files(world.d, [pkg], save_report=False)
        assert rep.ok and all(t.rejected == 0 for t in rep.files[0].tally.values())
        assert _local_values(world.d, C2) == {None}
        assert _shared(world.d, C2) == _shared(old, C2)
        assert world.d.store.check() == []
        again = ex.export_package(old, world.usb("again"), full=True).path
    finally:
        old.close()

    # a district that ran the older version too kept the values it was sent; once updated, a
    # re-export of the same revisions is no conflict there, and its check still passes
    settings = {"working_year": YEAR}
    d_old = Installation.init(tmp_path / "old-d", DISTRICT, forms=old_forms, extra_settings=settings)
    # the same district (its keys: the packages are encrypted to them) with the commune's code enrolled
    shutil.copytree(world.d.folder / "keys", tmp_path / "old-d" / "keys", dirs_exist_ok=True)
    ex.trust_key(d_old, C2, _code_of(pkg))
    try:
        assert ex.import_files(d_old, [pkg], save_report=False).ok
        assert SECRETS[("case", "notes")] in _local_values(d_old, C2)
    finally:
        d_old.close()
    d_new = Installation.open(tmp_path / "old-d")
    try:
        rep = ex.import_files(d_new, [again], save_report=False)
        assert rep.ok
        assert sum(x.updated + x.new + x.conflicts + x.rejected for x in rep.files[0].tally.values()) == 0
        assert d_new.store.check() == []
    finally:
        d_new.close()


def test_the_receiver_never_blanks_its_own_local_values(world):
    """The merge keeps a unit's own local_only values when a row of its own comes in without them."""
    svc = world.d.records("tester")
    case = svc.create("case", {**_values()["case"], "notes": "Ghi chú của huyện"})
    incoming = {**case, "revision": case["revision"] + 1, "notes": None, "fine": 2_000_000}
    incoming = {c: incoming.get(c) for c in world.d.store.content_columns(world.d.store.forms["case"])}
    tally = FormTally()
    with world.d.store.db.atomic():
        _apply_rows(world.d, svc, "case", [incoming], tally, set(), FileResult(Path("x.pdpkg")), date.today(),
                    defaultdict(list), f"gói {DISTRICT} số 1")
    assert tally.updated == 1
    row = world.d.store.get_row(world.d.store.forms["case"], case["id"])
    assert row["revision"] == case["revision"] + 1 and row["fine"] == 2_000_000
    assert row["notes"] == "Ghi chú của huyện"
    assert world.d.store.check() == []


def test_a_district_s_own_local_values_stay_at_the_district(world):
    """A district's own local_only values stay at the district too."""
    svc = world.d.records("tester")
    svc.create("support", {**_values()["support"], "person_code": "HT-353-0001"})
    pkg = ex.export_package(world.d, world.usb()).path
    _no_secret_in(_members(pkg, world.p))
    assert ex.import_files(world.p, [pkg], save_report=False).ok
    assert _local_values(world.p, DISTRICT) == {None}
    assert _shared(world.p, DISTRICT) == _shared(world.d, DISTRICT)
    assert world.p.unit_code == PROVINCE and world.p.store.check() == []
