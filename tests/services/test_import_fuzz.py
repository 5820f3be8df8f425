"""Hostile and broken CSV/XLSX files: a clear Vietnamese message, never a traceback, never a partial write.

The example budget is fixed so CI stays fast; for a longer run:
``HYPOTHESIS_PROFILE=long python -m pytest tests/services/test_import_fuzz.py``.
"""

from __future__ import annotations

import io
import os
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plan_desktop.services.tabular import ImportFileError, import_file
from plan_desktop.store import Query

settings.register_profile("ci", max_examples=60, deadline=None,
                          suppress_health_check=[HealthCheck.function_scoped_fixture])
settings.register_profile("long", max_examples=5000, deadline=None,
                          suppress_health_check=[HealthCheck.function_scoped_fixture])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

FIELDS = ["date", "format", "venue_type", "topic", "lead_org", "audience", "participants", "participants_female",
          "broadcast_minutes", "cost", "id", "bogus"]
cell = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["2020-03-05", "05/03/2020", "31/02/2020", "talk", "loudspeaker", "residents;youth", "1.250",
                     "-1", "có", "", "7d1c1e9e-8a51-4b8e-9d7a-0a0b0c0d0e0f", "=cmd|' /C calc'!A0", "\x00"]),
)


def _count(service) -> tuple[int, str | None]:
    store = service.store
    n = sum(store.count(f, Query(include_deleted=True)) for f in store.forms.values())
    return n, store.get_meta("audit_head_hash")


def _assert_clean_outcome(service, path) -> None:
    before = _count(service)
    try:
        result = import_file(service, "communication", path)
    except ImportFileError as exc:
        assert str(exc) and not str(exc).startswith("Traceback")
        assert _count(service) == before
        return
    if result.errors:
        assert all(e.startswith("dòng ") for e in result.errors), result.errors[:3]
        assert _count(service) == before
    else:
        assert _count(service)[0] == before[0] + result.created
    assert service.store.check() == []


@given(header=st.lists(st.sampled_from(FIELDS), min_size=1, max_size=8),
       rows=st.lists(st.lists(cell, max_size=9), max_size=6),
       delim=st.sampled_from([",", ";", "\t"]), bom=st.booleans())
def test_csv_any_content(service, tmp_path, header, rows, delim, bom):
    text = "\n".join(delim.join(r) for r in [header, *rows])
    path = tmp_path / "f.csv"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8", errors="replace"))
    _assert_clean_outcome(service, path)


@given(data=st.binary(max_size=2000))
def test_random_bytes_as_csv_and_xlsx(service, tmp_path, data):
    for name in ("f.csv", "f.xlsx"):
        path = tmp_path / name
        path.write_bytes(data)
        _assert_clean_outcome(service, path)


def test_zip_bomb_xlsx_is_refused_quickly(service, tmp_path, monkeypatch):
    from plan_desktop.services import tabular

    monkeypatch.setattr(tabular, "MAX_XLSX_UNCOMPRESSED", 20 * 1024 * 1024)  # the real limit is 500 MB
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("xl/worksheets/sheet1.xml", "w") as member:
            chunk = b"\0" * (1 << 20)
            for _ in range(30):  # 30 MB uncompressed, a few kB on disk
                member.write(chunk)
    assert path.stat().st_size < 2_000_000
    with pytest.raises(ImportFileError, match="giải nén quá lớn"):
        import_file(service, "communication", path)


def test_oversized_csv_is_refused_without_reading_it(service, tmp_path, monkeypatch):
    from plan_desktop.services import tabular

    monkeypatch.setattr(tabular, "MAX_CSV_BYTES", 1000)
    path = tmp_path / "big.csv"
    path.write_bytes(b"full_name\n" + b"A\n" * 2000)
    with pytest.raises(ImportFileError, match="quá lớn"):
        import_file(service, "officer", path)


def test_xlsx_with_broken_member(service, tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<not xml")
    path = tmp_path / "broken.xlsx"
    path.write_bytes(buf.getvalue())
    with pytest.raises(ImportFileError, match="Không đọc được tệp Excel"):
        import_file(service, "communication", path)
