"""The hardened reader, keys and encryption on their own."""

from __future__ import annotations

import io
import struct
import zipfile

import pytest

from plan_desktop.exchange import container, crypto
from plan_desktop.exchange.container import read_members, stored_zip, write_zip
from plan_desktop.exchange.errors import PackageRefused
from plan_desktop.exchange.keys import KeyPair, ensure_keys, fingerprint, load_keys, normalise_fingerprint


def _any(limit=10_000_000):
    return lambda name: limit


@pytest.mark.parametrize("name", ["../x", "a/../../x", "/abs", "C:/win", "a\\b", "a//b", "./a", "dir/"])
def test_path_tricks_refused(name):
    blob = write_zip([(name, b"x")], compress=False)
    with pytest.raises(PackageRefused) as e:
        read_members(blob, _any())
    assert e.value.reason in ("bad_name",)


def test_unexpected_and_duplicate_members_refused():
    with pytest.raises(PackageRefused) as e:
        read_members(write_zip([("a", b"1")], compress=False), lambda n: None)
    assert e.value.reason == "unexpected_member"
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        blob = write_zip([("a", b"1"), ("a", b"2")], compress=False)
    with pytest.raises(PackageRefused) as e:
        read_members(blob, _any())
    assert e.value.reason == "duplicate_member"


def test_zip_bomb_refused_quickly_by_declared_size():
    blob = write_zip([("records/x.jsonl", b"\0" * (50 * 1024 * 1024))], compress=True)
    assert len(blob) < 200_000
    with pytest.raises(PackageRefused) as e:
        read_members(blob, _any(1024 * 1024))
    assert e.value.reason == "oversized"


def _lie_about_size(blob: bytes, size: int) -> bytes:
    """Patch the uncompressed size in the local header and the central directory."""
    buf = bytearray(blob)
    assert buf[:4] == b"PK\x03\x04"
    struct.pack_into("<I", buf, 22, size)
    cd = buf.rfind(b"PK\x01\x02")
    struct.pack_into("<I", buf, cd + 24, size)
    return bytes(buf)


def test_zip_bomb_lying_about_its_size_stopped_at_the_limit():
    blob = _lie_about_size(write_zip([("m", b"\0" * (20 * 1024 * 1024))], compress=True), 100)
    zipfile.ZipFile(io.BytesIO(blob)).infolist()[0].file_size == 100  # noqa: B015
    with pytest.raises(PackageRefused) as e:
        read_members(blob, _any())
    assert e.value.reason in ("oversized", "corrupt")


def test_too_many_members_and_total_size():
    blob = write_zip([(f"m{i}", b"x") for i in range(10)], compress=False)
    with pytest.raises(PackageRefused):
        read_members(blob, _any(), max_members=5)
    blob = write_zip([(f"m{i}", b"x" * 1000) for i in range(10)], compress=True)
    with pytest.raises(PackageRefused):
        read_members(blob, _any(), max_total=5000)


def test_file_too_large_refused_without_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(container, "MAX_FILE_BYTES", 1000)
    f = tmp_path / "big.pdpkg"
    f.write_bytes(b"\0" * 2000)
    with pytest.raises(PackageRefused) as e:
        read_members(f, _any())
    assert e.value.reason == "oversized"


def test_stored_zip_is_read_by_zipfile_and_canonical():
    members = [("manifest.json", b"{}"), ("manifest.sig", b"s" * 64), ("payload.bin", bytes(range(256)))]
    blob = stored_zip(members)
    assert read_members(blob, _any()) == dict(members)
    assert stored_zip(members) == blob


def test_keys_files_private_and_fingerprint(tmp_path):
    kd = tmp_path / "keys"
    assert load_keys(kd) is None
    k = ensure_keys(kd)
    assert ensure_keys(kd).signing_public == k.signing_public
    import os
    import stat

    if os.name == "posix":
        for f in kd.iterdir():
            assert stat.S_IMODE(f.stat().st_mode) == 0o600
    fp = fingerprint(k.signing_public)
    assert len(fp.split()) == 6 and all(len(g) == 5 and g.isdigit() for g in fp.split())
    assert normalise_fingerprint(fp.replace(" ", "-")) == fp
    with pytest.raises(ValueError):
        normalise_fingerprint("1234")


def test_encryption_only_for_the_recipient():
    a, b = KeyPair.generate(), KeyPair.generate()
    eph, nonce, ct = crypto.seal(b"du lieu", a.encryption_public, b"aad")
    assert crypto.open_sealed(ct, a.encryption, eph, nonce, b"aad") == b"du lieu"
    assert crypto.open_sealed(ct, b.encryption, eph, nonce, b"aad") is None
    assert crypto.open_sealed(ct, a.encryption, eph, nonce, b"other") is None
    assert crypto.open_sealed(ct[:-1] + bytes([ct[-1] ^ 1]), a.encryption, eph, nonce, b"aad") is None


def test_merge_rule():
    from plan_desktop.exchange.merge import NEW, OLDER, UNCHANGED, UPDATED, decide

    r1 = {"revision": 1, "updated_at": "2019-01-01T00:00:00Z"}
    r2 = {"revision": 2, "updated_at": "2019-01-02T00:00:00Z"}
    assert decide(None, None, r1, "a").outcome == NEW
    assert decide(r1, "a", r2, "b").outcome == UPDATED
    assert decide(r2, "b", r1, "a").outcome == OLDER and not decide(r2, "b", r1, "a").write
    assert decide(r1, "a", r1, "a").outcome == UNCHANGED
    later = {"revision": 1, "updated_at": "2019-03-01T00:00:00Z"}
    d1, d2 = decide(r1, "a", later, "z"), decide(later, "z", r1, "a")
    assert d1.conflict and d2.conflict and d1.write and not d2.write  # same winner from both sides
    same_time = dict(r1)
    assert decide(r1, "a", same_time, "b").write and not decide(same_time, "b", r1, "a").write
