"""A damaged installation (issue 7: "missing fonts or resources: a clear message, nothing lost").

The program's resources are copied, one file or list is taken away, and ``PLAN_DESKTOP_RESOURCES``
points the program at the copy. The commands run in their own process, as an officer runs them: they
exit non-zero with a Vietnamese message naming the file and saying to reinstall, no traceback, and the
data file is byte for byte what it was."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from plan_desktop import paths
from plan_desktop.errors import user_message

ROOT = Path(__file__).resolve().parents[1]
COMMUNE = "13597"
REINSTALL = "hãy cài đặt lại chương trình"
UNCHANGED = "Dữ liệu của đơn vị không bị thay đổi"


@pytest.fixture
def resources(tmp_path: Path) -> Path:
    """A copy of the program's forms and resources."""
    root = tmp_path / "program"
    shutil.copytree(ROOT / "forms", root / "forms")
    skip = shutil.ignore_patterns("*.qm", "__pycache__")
    shutil.copytree(ROOT / "resources", root / "resources", ignore=skip)
    return root


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A commune's data folder with a record, made with the complete resources."""
    from plan_desktop.services.installation import Installation

    data = tmp_path / "data"
    settings = {"working_year": 2019}
    with Installation.init(data, COMMUNE, officer="Đặng Thị Thu", extra_settings=settings) as inst:
        inst.records("tester").create("communication", {
            "date": "2019-03-05", "format": "talk", "venue_type": "residential", "topic": "Tuyên truyền",
            "lead_org": "police", "audience": ["residents"], "participants": 40,
        })
    return data


def run(resources: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PLAN_DESKTOP_RESOURCES": str(resources), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "plan_desktop", *args], capture_output=True, text=True,
                          encoding="utf-8", env=env, cwd=ROOT, timeout=120)


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _refused(proc: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert proc.returncode != 0, proc.stdout
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout, proc.stderr
    assert "lỗi không mong đợi" not in proc.stderr, proc.stderr
    for n in (REINSTALL, UNCHANGED, *needles):
        assert n in proc.stderr, proc.stderr


def test_report_with_a_font_missing(resources, folder, tmp_path):
    (resources / "resources" / "fonts" / "LiberationSerif-Bold.ttf").unlink()
    before = _files(folder)
    out = tmp_path / "baocao.pdf"
    proc = run(resources, "--data-dir", str(folder), "report", "--period", "2019", "--out", str(out))
    _refused(proc, "Thiếu tệp phông chữ «LiberationSerif-Bold.ttf»",
             str(resources / "resources" / "fonts" / "LiberationSerif-Bold.ttf"))
    assert _files(folder) == before  # nothing written: not even the first backup of the day
    assert not out.exists() and not list(tmp_path.glob("baocao*"))


def test_report_with_a_damaged_font(resources, folder, tmp_path):
    (resources / "resources" / "fonts" / "LiberationSerif-Italic.ttf").write_bytes(b"not a font")
    db_before = paths.db_path(folder).read_bytes()
    out = tmp_path / "baocao.pdf"
    proc = run(resources, "--data-dir", str(folder), "report", "--period", "2019", "--out", str(out))
    _refused(proc, "«LiberationSerif-Italic.ttf» của chương trình bị hỏng")
    assert paths.db_path(folder).read_bytes() == db_before
    assert not out.exists() and not list(tmp_path.glob("baocao*"))


def test_init_with_the_unit_lists_missing(resources, tmp_path):
    for f in (resources / "resources" / "orgunits").glob("*.csv"):
        f.unlink()
    data = tmp_path / "new"
    proc = run(resources, "--data-dir", str(data), "init", "--unit", COMMUNE)
    _refused(proc, "Thiếu danh mục đơn vị hành chính", "*.csv", str(resources / "resources" / "orgunits"))
    assert not data.exists()  # nothing written


def test_init_with_the_unit_list_folder_missing(resources, tmp_path):
    shutil.rmtree(resources / "resources" / "orgunits")
    data = tmp_path / "new"
    proc = run(resources, "--data-dir", str(data), "init", "--unit", COMMUNE)
    _refused(proc, "Thiếu danh mục đơn vị hành chính")
    assert not data.exists()


def test_forms_and_plan_missing(resources, folder):
    shutil.rmtree(resources / "resources" / "plan")
    before = paths.db_path(folder).read_bytes()
    _refused(run(resources, "--data-dir", str(folder), "indicators", "--year", "2019"), "Thiếu tệp kế hoạch")
    for f in (resources / "forms").glob("*.toml"):
        f.unlink()
    _refused(run(resources, "forms"), "Thiếu định nghĩa biểu mẫu", str(resources / "forms"))
    assert paths.db_path(folder).read_bytes() == before


def test_the_message_is_user_facing(tmp_path, monkeypatch):
    monkeypatch.setenv("PLAN_DESKTOP_RESOURCES", str(tmp_path))
    with pytest.raises(paths.ResourceMissingError) as info:
        paths.require_resource("fonts", "NotoSans-Regular.ttf", what="phông chữ")
    msg = user_message(info.value)
    assert msg == str(info.value)
    assert "Thiếu tệp phông chữ «NotoSans-Regular.ttf»" in msg and REINSTALL in msg
    with pytest.raises(paths.ResourceMissingError):
        paths.require_files(tmp_path / "resources" / "plan", "*.toml", "tệp kế hoạch")


def test_the_window_says_its_font_is_missing_and_still_opens(resources, monkeypatch, qapp):
    from plan_desktop.ui import startup

    (resources / "resources" / "fonts" / "NotoSans-Regular.ttf").unlink()
    monkeypatch.setenv("PLAN_DESKTOP_RESOURCES", str(resources))
    shown = []
    monkeypatch.setattr(startup.QMessageBox, "warning", lambda _p, title, text: shown.append((title, text)))
    families = startup.register_fonts(qapp)
    assert "Liberation Serif" in families
    ((title, text),) = shown
    assert title == "Thiếu tệp của chương trình"
    assert "Thiếu tệp phông chữ «NotoSans-Regular.ttf»" in text and REINSTALL in text
    assert startup.FONT_FALLBACK_NOTE in text
    # with the font there, nothing is said
    monkeypatch.delenv("PLAN_DESKTOP_RESOURCES")
    shown.clear()
    assert startup.FONT_FAMILY in startup.register_fonts(qapp) and shown == []
