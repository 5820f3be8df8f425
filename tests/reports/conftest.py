"""Fixtures for the report tests: installations with a small, hand-made data set written through the
record service (validated, audited), and helpers to read PDFs back."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

import pytest


def add(svc, form: str, unit: str | None = None, **values: Any) -> str:
    """Write one record (for ``unit``, default the installation's) and return its id."""
    import uuid

    rid = str(uuid.uuid4())
    created, _, issues = svc.write_many(form, [(rid, values)], unit_code=unit)
    assert not issues, [(i.label, i.message) for _, i in issues]
    assert created == 1
    return rid


def comm(svc, unit: str | None, day: str, fmt: str = "talk", **extra: Any) -> str:
    values = {"date": date.fromisoformat(day), "format": fmt, "venue_type": extra.pop("venue_type", "residential"),
              "topic": "Tuyên truyền phòng, chống mại dâm", "lead_org": "peoples_committee",
              "audience": ["residents"], "sessions": extra.pop("sessions", 1)}
    values.update(extra)
    return add(svc, "communication", unit, **values)


def pdf_text(path: Path | bytes) -> list[str]:
    """Text of each page, NFC-normalised."""
    import io

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(path) if isinstance(path, bytes) else str(path))
    return [unicodedata.normalize("NFC", p.extract_text() or "") for p in reader.pages]


def date_line(path: Path) -> str:
    """The place and date line as it reads on page 1, with the date's form fields filled in (a report
    without a number keeps number and date as fields for the clerk)."""
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    values = {str(k).rsplit("_", 1)[0]: str(v.get("/V") or "") for k, v in (reader.get_fields() or {}).items()
              if str(k).endswith("_1")}
    text = flat(pdf_text(path)[0])
    if not values:
        return text
    return f"ngày {values['ngay']} tháng {values['thang']} năm {values['nam']}"


def flat(text: str) -> str:
    """Whitespace collapsed, so that phrases broken across lines still match."""
    return " ".join(text.split())


def pdffonts(path: Path) -> list[dict[str, str]]:
    exe = shutil.which("pdffonts")
    if exe is None:
        pytest.skip("pdffonts (poppler-utils) is not installed")
    out = subprocess.run([exe, str(path)], capture_output=True, text=True, check=True).stdout.splitlines()
    rows = []
    for line in out[2:]:
        parts = line.split()
        # name type... encoding emb sub uni object ID: the last five columns are fixed
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
    return rows


@pytest.fixture
def province(tmp_path: Path):
    """A province installation (35) that holds its districts' and communes' records."""
    from plan_desktop.services.installation import Installation

    inst = Installation.init(tmp_path / "tinh", "35", officer="Trần Văn Bình",
                             extra_settings={"working_year": 2020, "signer_name": "Trương Quốc Huy"})
    yield inst
    inst.close()


@pytest.fixture
def psvc(province):
    from plan_desktop.services.records import RecordService

    return RecordService(province.store, actor="tester", today=lambda: date(2020, 12, 31))


@pytest.fixture
def district(tmp_path: Path):
    from plan_desktop.services.installation import Installation

    inst = Installation.init(tmp_path / "huyen", "353", officer="Lê Thị Hoa",
                             extra_settings={"working_year": 2019, "signer_name": "Phạm Văn Đức"})
    yield inst
    inst.close()


@pytest.fixture
def dsvc(district):
    from plan_desktop.services.records import RecordService

    return RecordService(district.store, actor="tester", today=lambda: date(2020, 12, 31))


def incoming_change(svc, form: str, rid: str, **changes: Any) -> None:
    """A newer revision of a record of a unit below, as a package import writes it."""
    f = svc.store.forms[form]
    row = dict(svc.store.get_row(f, rid))
    for k, v in changes.items():
        row[k] = f.field(k).to_storage(v) if f.has_field(k) else v
    row["revision"] += 1
    with svc.store.db.atomic():
        svc.apply_incoming(form, row)
