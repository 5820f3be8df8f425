"""A package is verified as a whole, then parsed and applied bundle by bundle (form by form) in one
transaction: a bundle that turns out broken only when parsed — after others were written — still
leaves the store exactly as it was, and says why."""

from __future__ import annotations

import pytest

from plan_desktop.exchange.container import Members, write_zip
from plan_desktop.exchange.package import ForwardedBundle, parse_json
from plan_desktop.services import exchange as ex
from plan_desktop.services.exchange import export as export_module
from plan_desktop.services.exchange import imports
from tests.exchange.conftest import C1, C2, add_establishment_with_inspection, add_records, dump


def _duplicate_key(line: bytes) -> bytes:
    return line[:-1] + b',"id":"00000000-0000-4000-8000-000000000000"}'


def _nan(line: bytes) -> bytes:
    return line[:-1] + b',"participants":NaN}'


def _garbage(line: bytes) -> bytes:
    return b'{"id": not json'


def _corrupting(monkeypatch, column: str, spoil) -> None:
    """The next export writes its member whose columns include ``column`` with its last line spoiled
    (as a buggy or hostile sender would, and signs it: the counts and hashes match)."""
    real = export_module.records_member

    def member(rows, columns):
        data = real(rows, columns)
        if column in columns:
            lines = data.split(b"\n")[:-1]
            lines[-1] = spoil(lines[-1])
            data = b"".join(line + b"\n" for line in lines)
        return data

    monkeypatch.setattr(export_module, "records_member", member)


def _applied_units(monkeypatch) -> list[tuple[str, str]]:
    """(unit, form) of every chunk of rows applied, in order."""
    seen: list[tuple[str, str]] = []
    real = imports._apply_rows

    def spy(inst, service, fid, rows, *args, **kw):
        seen.extend(dict.fromkeys((r["unit_code"], fid) for r in rows))
        return real(inst, service, fid, rows, *args, **kw)

    monkeypatch.setattr(imports, "_apply_rows", spy)
    return seen


@pytest.mark.parametrize("spoil", [_garbage, _duplicate_key, _nan])
def test_a_broken_last_bundle_leaves_the_province_unchanged(world, monkeypatch, spoil):
    """The district's own bundle is applied after the communes' forwarded ones: when its last line is
    not a record, everything written before it is rolled back and the file is refused in Vietnamese."""
    add_records(world.c1, 3)
    add_records(world.c2, 2, start=40)
    add_records(world.d, 2, start=200)
    usb = world.usb()
    for c in (world.c1, world.c2):
        ex.export_package(c, usb)
    assert ex.import_files(world.d, [usb], save_report=False).ok
    with monkeypatch.context() as m:
        _corrupting(m, "topic", spoil)
        up = ex.export_package(world.d, world.usb("up")).path
    before = dump(world.p)
    applied = _applied_units(monkeypatch)
    rep = ex.import_files(world.p, [up], save_report=False)
    assert not rep.ok
    f = rep.files[0]
    assert f.reason_code == "corrupt" and "không đọc được" in f.message and "dòng 2" in f.message
    assert not f.tally and not f.warnings and not f.new_keys
    assert {(C1, "communication"), (C2, "communication")} <= set(applied)  # written, then rolled back
    assert dump(world.p) == before
    assert world.p.store.check() == []
    # the same data sent again unspoiled is taken whole
    monkeypatch.undo()
    add_records(world.d, 1, start=300)
    rep = ex.import_files(world.p, [ex.export_package(world.d, world.usb("up2")).path], save_report=False)
    assert rep.ok, rep.text()


def test_a_broken_last_form_leaves_the_district_unchanged(world, monkeypatch):
    """Inside one bundle too: the forms others refer to are written first; a spoiled line in the last
    form rolls them back, and the commune's bundle is not archived for forwarding."""
    add_records(world.c1, 2)
    add_establishment_with_inspection(world.c1)
    with monkeypatch.context() as m:
        _corrupting(m, "team", _garbage)  # the inspections, after the establishments they refer to
        pkg = ex.export_package(world.c1, world.usb()).path
    before = dump(world.d)
    applied = _applied_units(monkeypatch)
    rep = ex.import_files(world.d, [pkg], save_report=False)
    assert not rep.ok and rep.files[0].reason_code == "corrupt"
    assert (C1, "establishment") in applied
    assert dump(world.d) == before


def test_forwarded_members_are_the_communes_bytes(world):
    """What the district archives and forwards is each commune's signed bundle byte for byte, read
    again from the package file at import (not kept from its parsing)."""
    add_records(world.c1, 3)
    add_establishment_with_inspection(world.c1)
    add_records(world.c2, 2, start=40)
    usb = world.usb()
    sent = {c.unit_code: ex.export_package(c, usb).path for c in (world.c1, world.c2)}
    assert ex.import_files(world.d, [usb], save_report=False).ok
    ctx_d = imports._verify_context(world.d, ex.own_keys(world.d))
    archived = {r["unit_code"]: ForwardedBundle.from_blob(r["blob"])
                for r in world.d.store.db.query("SELECT unit_code, blob FROM exchange_archive")}
    assert set(archived) == {C1, C2}
    for unit, path in sent.items():
        own = imports.open_package(path, ctx_d).own
        assert archived[unit].manifest_raw == own.signed.raw and archived[unit].members == own.members
        assert "records/inspection.jsonl" in own.members or unit == C2
    up = ex.export_package(world.d, world.usb("up")).path
    pkg = imports.open_package(up, imports._verify_context(world.p, ex.own_keys(world.p)))
    assert {b.unit: b.members for b in pkg.forwarded} == {u: b.members for u, b in archived.items()}
    assert ex.import_files(world.p, [up], save_report=False).ok


def test_strict_json_refuses_duplicates_and_nan():
    assert parse_json(b'{"a":1,"b":"x"}') == {"a": 1, "b": "x"}
    assert parse_json(b'{"b": 1, "a": [1, 2.5]}') == {"a": [1, 2.5], "b": 1}  # not canonical: still read
    for bad in (b'{"a":1,"a":1}', b'{"a":1,"b":{"c":1,"c":2}}', b'{"a":NaN}', b'{"a":Infinity}',
                b'{"a":-Infinity}', b'{"a":1', b'\xff'):
        with pytest.raises((ValueError, UnicodeDecodeError)):
            parse_json(bad)


def test_members_are_read_on_demand_with_their_limits():
    blob = write_zip([("a", b"x" * 1000), ("b", b"yz")], compress=True)
    with Members(blob, lambda n: 1000) as m:
        assert m.names == ["a", "b"] and "a" in m and "c" not in m
        assert m.read("b") == b"yz" and m.read("a") == b"x" * 1000 and m.read("a") == b"x" * 1000
    from plan_desktop.exchange.errors import PackageRefused

    with pytest.raises(PackageRefused):
        Members(blob, lambda n: 999)


def test_incoming_values_are_the_stores(world):
    """The import's reader of incoming rows (remembering days and lists) gives what the store's
    to_values gives, a fresh list each time; a text that does not load raises each time."""
    add_records(world.c1, 30)
    add_establishment_with_inspection(world.c1)
    store = world.c1.store
    for fid in ("communication", "inspection", "establishment"):
        form = store.forms[fid]
        read = imports._values_reader(form)
        for _ in range(2):
            for row in store.rows(form):
                got = read(row)
                assert got == store.to_values(form, row)
                for v in got.values():
                    if isinstance(v, list):
                        v.append("x")  # the next reading is not changed by this
    form = store.forms["communication"]
    row = {**next(store.rows(form)), "date": "2019-02-30"}
    for _ in range(2):
        with pytest.raises(ValueError):
            imports._values_reader(form)(row)


def test_small_chunks_give_the_same_import(world, monkeypatch):
    """Rows parsed and applied a few at a time: the same rows, tallies and store as all at once."""
    from tests.exchange.conftest import content

    add_records(world.c1, 7)
    add_establishment_with_inspection(world.c1)
    world.c1.records().delete("communication", add_records(world.c1, 1, start=50)[0])
    pkg = ex.export_package(world.c1, world.usb()).path
    bundle = imports.open_package(pkg, imports._verify_context(world.d, ex.own_keys(world.d))).own
    for fid in bundle.form_ids:
        chunks = list(bundle.row_chunks(fid, 3))
        assert all(len(rows) <= 3 for rows, _ in chunks)
        assert [r for rows, _ in chunks for r in rows] == bundle.rows(fid)[0]
    monkeypatch.setattr(imports, "APPLY_CHUNK", 3)
    rep = ex.import_files(world.d, [pkg], save_report=False)
    assert rep.ok, rep.text()
    t = rep.files[0].tally[(C1, "communication")]
    assert (t.new, t.updated, t.unchanged, t.rejected) == (8, 0, 0, 0)
    assert content(world.d, C1) == content(world.c1, C1)
    assert not rep.files[0].warnings  # the inspection's establishment was found in the package
    assert world.d.store.check() == []


def test_lines_across_pieces_are_the_split_lines():
    import random

    from plan_desktop.exchange.package import MAX_LINE, _lines

    rng = random.Random(3)
    for _ in range(200):
        data = bytes(rng.choice(b"ab\n") for _ in range(rng.randrange(0, 60)))
        cuts = sorted(rng.sample(range(len(data) + 1), k=min(len(data) + 1, rng.randrange(0, 6))))
        pieces = [data[i:j] for i, j in zip([0, *cuts], [*cuts, len(data)], strict=True)]
        assert list(_lines(pieces)) == data.split(b"\n")
    # an endless line stops being gathered once it is too long (the parser refuses it)
    endless = (b"x" * 65536 for _ in range(10_000))
    got = list(_lines(endless))
    assert len(got) == 1 and MAX_LINE < len(got[0]) <= MAX_LINE + 65536


def test_the_archive_is_written_member_by_member_with_the_same_bytes(world):
    add_records(world.c1, 3)
    add_establishment_with_inspection(world.c1)
    pkg = ex.export_package(world.c1, world.usb()).path
    own = imports.open_package(pkg, imports._verify_context(world.d, ex.own_keys(world.d))).own
    assert own.archive_blob() == own.to_forward().to_blob()
    assert ForwardedBundle.from_blob(own.archive_blob()).members == own.members
