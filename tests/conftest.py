"""Shared fixtures. Qt runs offscreen; every test gets its own data folder and never touches the tree."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import date
from pathlib import Path

import pytest

COMMUNE = "13597"  # Xã Đồng Lý (2016–2019) / Thị trấn Vĩnh Trụ (2020), Lý Nhân
DISTRICT = "353"  # Huyện Lý Nhân
PROVINCE = "35"


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLAN_DESKTOP_DATA", str(tmp_path / "default-data"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def commune(data_dir: Path):
    """An installation set up for a commune (a real SQLite file), working year 2019."""
    from plan_desktop.services.installation import Installation

    inst = Installation.init(data_dir, COMMUNE, officer="Đặng Thị Thu", extra_settings={"working_year": 2019})
    yield inst
    inst.close()


@pytest.fixture
def service(commune):
    from plan_desktop.services.records import RecordService

    return RecordService(commune.store, actor="tester", today=lambda: date(2020, 6, 30))
