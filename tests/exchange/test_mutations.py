"""Property tests: every mutation of a package file is refused and the store is left unchanged."""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plan_desktop.exchange.container import stored_zip, write_zip
from plan_desktop.exchange.keys import KeyPair, b64
from plan_desktop.exchange.package import _SIG_DOMAIN, canonical, sha256
from plan_desktop.services import exchange as ex
from tests.exchange.conftest import (
    C1,
    C2,
    DISTRICT,
    PROVINCE,
    add_establishment_with_inspection,
    add_records,
    dump,
    link,
    new_inst,
)

pytestmark = pytest.mark.filterwarnings("ignore:Duplicate name")

SETTINGS = settings(
    max_examples=int(os.environ.get("EXCHANGE_EXAMPLES", "40")),  # more for a long local run
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


class Scene:
    """A commune, its district (which already knows the commune's key), and the province."""

    def __init__(self, root: Path):
        self.root = root
        self.c1 = new_inst(root / "c1", C1)
        self.c2 = new_inst(root / "c2", C2)
        self.d = new_inst(root / "d", DISTRICT)
        self.p = new_inst(root / "p", PROVINCE)
        for parent, child in ((self.p, self.d), (self.d, self.c1), (self.d, self.c2)):
            link(parent, child, root / "setup")
        ids = add_records(self.c1, 3)
        add_establishment_with_inspection(self.c1)
        add_records(self.c2, 2, start=40)
        usb = root / "usb"
        for inst in (self.c1, self.c2):
            rep = ex.import_files(self.d, [ex.export_package(inst, usb).path], save_report=False)
            assert rep.ok
        # the district's first package establishes its key at the province
        assert ex.import_files(self.p, [ex.export_package(self.d, usb).path], save_report=False).ok
        # second round: commune 1 edits and deletes (every package is encrypted to the district) ...
        svc = self.c1.records()
        svc.delete("communication", ids[1])
        add_records(self.c1, 1, start=20)
        self.plain = ex.export_package(self.c1, root / "plain").path.read_bytes()
        # ... and after a receipt
        assert ex.import_files(self.c1, [ex.write_receipt(self.d, C1, usb).path], save_report=False).ok
        add_records(self.c1, 1, start=30)
        self.encrypted = ex.export_package(self.c1, root / "enc").path.read_bytes()
        # the district's second package (forwarding commune bundles) for the province
        assert ex.import_files(self.d, [root / "plain"], save_report=False).ok
        self.upward = ex.export_package(self.d, root / "up").path.read_bytes()
        self.d_dump = dump(self.d)
        self.p_dump = dump(self.p)
        self.n = 0

    def attempt(self, inst, data: bytes, expected_dump, allow_held: bool = False) -> None:
        """Import a mutated file: refused (or, when ``allow_held``, held apart for an approver because a
        key nobody vouches for signed it), and nothing of it applied."""
        assert data not in (self.plain, self.encrypted, self.upward)  # a real mutation
        self.n += 1
        f = self.root / "mut" / f"m{self.n}.pdpkg"
        f.parent.mkdir(exist_ok=True)
        f.write_bytes(data)
        rep = ex.import_files(inst, [f], save_report=False)
        assert not rep.ok, f"mutation accepted: {rep.text()}"
        assert rep.files[0].message  # a Vietnamese reason
        after = dump(inst)
        if allow_held:
            held = after.pop("exchange_pending")
            assert len(held) == (1 if rep.files[0].held else 0)
            if rep.files[0].held:
                assert all(u.signing_key == ATTACKER.signing_public for u in rep.files[0].held)
                with inst.store.db.atomic():  # discarded, as an approver rejecting it would
                    inst.store.db.execute("DELETE FROM exchange_pending")
                    seq = dict(expected_dump["sqlite_sequence"]).get("exchange_pending")
                    if seq is None:
                        inst.store.db.execute("DELETE FROM sqlite_sequence WHERE name = 'exchange_pending'")
                    else:
                        inst.store.db.execute(
                            "UPDATE sqlite_sequence SET seq = ? WHERE name = 'exchange_pending'", [seq]
                        )
            after["exchange_pending"] = expected_dump["exchange_pending"]
            after["sqlite_sequence"] = expected_dump["sqlite_sequence"]  # (the held file's row id)
        else:
            assert not rep.files[0].held
        assert after == expected_dump


@pytest.fixture(scope="module")
def scene(tmp_path_factory):
    s = Scene(tmp_path_factory.mktemp("mutations"))
    yield s
    for i in (s.c1, s.c2, s.d, s.p):
        i.close()


def _target(scene: Scene, which: str):
    if which == "upward":
        return scene.upward, scene.p, scene.p_dump
    return (scene.plain if which == "plain" else scene.encrypted), scene.d, scene.d_dump


def test_originals_are_accepted_elsewhere(tmp_path, scene):
    """Sanity: the unmutated files verify, so the refusals are due to the mutations."""
    from plan_desktop.exchange.package import VerifyContext, verify_package

    for which in ("plain", "encrypted", "upward"):
        data, inst, _ = _target(scene, which)
        ctx = VerifyContext(
            inst.unit_code, inst.units, ex.own_keys(inst), ex.known_keys(inst), inst.store.forms
        )
        pkg = verify_package(data, ctx)
        assert pkg.own.records or pkg.forwarded
        if which == "upward":
            assert {b.unit for b in pkg.forwarded} == {C1, C2}


WHICH = st.sampled_from(["plain", "encrypted", "upward"])


@SETTINGS
@given(which=WHICH, data=st.data())
def test_flipped_bytes_refused(scene, which, data):
    raw, inst, before = _target(scene, which)
    buf = bytearray(raw)
    for pos in data.draw(st.lists(st.integers(0, len(buf) - 1), min_size=1, max_size=3, unique=True)):
        buf[pos] ^= data.draw(st.integers(1, 255))
    scene.attempt(inst, bytes(buf), before)


@SETTINGS
@given(which=WHICH, data=st.data())
def test_truncated_refused(scene, which, data):
    raw, inst, before = _target(scene, which)
    cut = data.draw(st.integers(0, len(raw) - 1))
    scene.attempt(inst, raw[:cut], before)


def _members(raw: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(raw)) as zf:
        return [(i.filename, zf.read(i)) for i in zf.infolist()]


EXTRA_NAMES = [
    "extra.bin",
    "../evil.txt",
    "/etc/passwd",
    "payload.bin",
    "manifest.json",
    "records/communication.jsonl",
    "forwarded/13597-1-aaaaaaaaaaaa/manifest.json",
    "a\\b",
    "manifest.sig",
]


@SETTINGS
@given(which=WHICH, data=st.data())
def test_members_swapped_added_removed_refused(scene, which, data):
    raw, inst, before = _target(scene, which)
    members = _members(raw)
    op = data.draw(st.sampled_from(["swap_content", "reorder", "add", "remove", "duplicate"]))
    if op == "swap_content":
        i, j = data.draw(st.permutations(range(len(members))))[:2]
        names = [n for n, _ in members]
        contents = [c for _, c in members]
        contents[i], contents[j] = contents[j], contents[i]
        members = list(zip(names, contents, strict=True))
    elif op == "reorder":
        perm = data.draw(st.permutations(range(len(members))).filter(lambda p: list(p) != sorted(p)))
        members = [members[k] for k in perm]
    elif op == "add":
        name = data.draw(st.sampled_from(EXTRA_NAMES))
        members.insert(data.draw(st.integers(0, len(members))), (name, data.draw(st.binary(max_size=64))))
    elif op == "remove":
        members.pop(data.draw(st.integers(0, len(members) - 1)))
    else:
        k = data.draw(st.integers(0, len(members) - 1))
        members.append(members[k])
    builder = data.draw(st.sampled_from(["canonical", "zipfile"]))
    try:
        blob = stored_zip(members) if builder == "canonical" else write_zip(members, compress=False)
    except (UnicodeEncodeError, ValueError):
        blob = write_zip(members, compress=False)
    scene.attempt(inst, blob, before)


ATTACKER = KeyPair.generate()


def _resign(raw: bytes, key: KeyPair, edit=None, payload_edit=None) -> bytes:
    members = dict(_members(raw))
    manifest = json.loads(members["manifest.json"])
    payload = members["payload.bin"]
    if payload_edit is not None:
        payload = payload_edit(payload)
        manifest["payload"] = {"sha256": sha256(payload), "size": len(payload)}
    if edit is not None:
        edit(manifest)
    manifest["key"] = {
        "signing": b64(key.signing_public),
        "encryption": b64(key.encryption_public),
        "fingerprint": key.fingerprint,
    }
    body = canonical(manifest)
    return stored_zip(
        [("manifest.json", body), ("manifest.sig", key.sign(_SIG_DOMAIN + body)), ("payload.bin", payload)]
    )


def _bump_sequence(m):
    m["sequence"] += 100


def _claim_other_unit(m):
    m["source"]["unit"] = C2


def _more_records(m):
    m["contents"]["size"] += 1  # (the counts travel inside the encryption, listed by contents.json)


@SETTINGS
@given(which=WHICH, data=st.data())
def test_resigned_with_another_key_refused(scene, which, data):
    raw, inst, before = _target(scene, which)
    edit = data.draw(st.sampled_from([None, _bump_sequence, _claim_other_unit, _more_records]))
    payload_edit = data.draw(st.sampled_from([None, lambda p: p + b"\0", lambda p: p[:-1]]))
    scene.attempt(inst, _resign(raw, ATTACKER, edit, payload_edit), before, allow_held=True)


@SETTINGS
@given(which=WHICH, data=st.data())
def test_manifest_edited_signature_kept_refused(scene, which, data):
    raw, inst, before = _target(scene, which)
    members = dict(_members(raw))
    manifest = json.loads(members["manifest.json"])
    field = data.draw(st.sampled_from(["sequence", "parent", "period", "counts", "version", "created_at"]))
    if field == "sequence":
        manifest["sequence"] += 1
    elif field == "parent":
        manifest["parent"] = "352"
    elif field == "period":
        manifest["period"]["from"] = "2016-01-01"
    elif field == "counts":
        manifest["contents"]["sha256"] = "0" * 64
    elif field == "version":
        manifest["version"] = 1
    else:
        manifest["created_at"] = "2030-01-01T00:00:00.000Z"
    body = canonical(manifest)
    scene.attempt(
        inst,
        stored_zip(
            [
                ("manifest.json", body),
                ("manifest.sig", members["manifest.sig"]),
                ("payload.bin", members["payload.bin"]),
            ]
        ),
        before,
    )


def test_future_format_refused_with_clear_message(scene):
    """Even correctly signed by the real key, a newer format is refused and says so."""
    key = ex.own_keys(scene.c1)

    def future(m):
        m["version"] = 99

    members = dict(_members(scene.plain))
    manifest = json.loads(members["manifest.json"])
    future(manifest)
    body = canonical(manifest)
    blob = stored_zip(
        [
            ("manifest.json", body),
            ("manifest.sig", key.sign(_SIG_DOMAIN + body)),
            ("payload.bin", members["payload.bin"]),
        ]
    )
    # sign_manifest would reset the version; build by hand as above
    f = scene.root / "future.pdpkg"
    f.write_bytes(blob)
    rep = ex.import_files(scene.d, [f], save_report=False)
    assert not rep.ok and rep.files[0].reason_code == "future_format"
    assert "cập nhật chương trình" in rep.files[0].message
    assert dump(scene.d) == scene.d_dump


JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=10,
)


def _paths(obj, prefix=()):
    yield prefix
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from _paths(v, (*prefix, i))


@SETTINGS
@given(which=WHICH, data=st.data())
def test_hostile_manifest_signed_by_the_real_key_never_crashes(scene, which, data):
    """Whatever a (compromised or buggy) sender puts in a correctly signed manifest, verification
    either accepts it or refuses it with a Vietnamese reason: it never crashes."""
    from plan_desktop.exchange.errors import PackageRefused
    from plan_desktop.exchange.package import VerifyContext, verify_package

    raw, inst, _ = _target(scene, which)
    sender = scene.d if which == "upward" else scene.c1
    members = dict(_members(raw))
    manifest = json.loads(members["manifest.json"])
    paths = [p for p in _paths(manifest) if p and p[0] not in ("key", "format")]
    path = data.draw(st.sampled_from(paths))
    target = manifest
    for k in path[:-1]:
        target = target[k]
    target[path[-1]] = data.draw(JSON)
    key = ex.own_keys(sender)
    body = canonical({**manifest, "key": json.loads(members["manifest.json"])["key"]})
    blob = stored_zip(
        [
            ("manifest.json", body),
            ("manifest.sig", key.sign(_SIG_DOMAIN + body)),
            ("payload.bin", members["payload.bin"]),
        ]
    )
    ctx = VerifyContext(inst.unit_code, inst.units, ex.own_keys(inst), ex.known_keys(inst), inst.store.forms)
    try:
        verify_package(blob, ctx)
    except PackageRefused as exc:
        assert str(exc)


@pytest.fixture(scope="module")
def fuzz_district(tmp_path_factory, scene):
    inst = new_inst(tmp_path_factory.mktemp("fuzz") / "d", DISTRICT)
    ex.trust_key(inst, C1, ex.own_keys(scene.c1).code)  # the commune's code, enrolled after a phone call
    yield inst
    inst.close()


FIELD_VALUES = (
    JSON
    | st.text(max_size=300)
    | st.sampled_from(
        [
            "2019-02-30",
            "9999-12-31",
            "",
            " ",
            "talk",
            "[1,2]",
            '["youth","nope"]',
            "not-a-uuid",
            2**63,
            -1,
            0,
            1,
        ]
    )
)


@SETTINGS
@given(data=st.data())
def test_hostile_rows_signed_by_the_real_key_never_crash(scene, fuzz_district, data):
    """Rows with any values in any field, correctly signed: each is accepted or rejected with a reason,
    the import never crashes, and the store stays consistent (``check`` passes)."""
    from plan_desktop.exchange.package import build_package, records_member

    form = scene.c1.store.forms["communication"]
    cols = scene.c1.store.content_columns(form)
    base = dict(next(scene.c1.store.rows(form)))
    row = {c: base[c] for c in cols}
    for name in data.draw(st.lists(st.sampled_from(cols), min_size=1, max_size=3, unique=True)):
        row[name] = data.draw(FIELD_VALUES)
    scene.n += 1
    manifest = {
        "kind": "package",
        "source": {"unit": C1, "name": "x", "level": "commune"},
        "parent": DISTRICT,
        "sequence": scene.n,
        "created_at": "2019-12-31T00:00:00.000Z",
        "period": {"from": "2019-01-01", "to": "2019-12-31"},
        "counts": {"communication": {"records": 1, "deleted": 0}},
        "reports": [],
    }
    try:
        member = records_member([row], cols)
    except TypeError:  # not sortable / not JSON: cannot even be written by a sender
        return
    blob, _ = build_package(
        ex.own_keys(scene.c1), manifest, [("records/communication.jsonl", member)], [], None
    )
    f = scene.root / "rows" / f"r{scene.n}.pdpkg"
    f.parent.mkdir(exist_ok=True)
    f.write_bytes(blob)
    rep = ex.import_files(fuzz_district, [f], save_report=False)
    assert rep.files[0].message
    assert fuzz_district.store.check() == []
