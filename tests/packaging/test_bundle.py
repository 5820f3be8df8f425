"""Smoke test of the PyInstaller bundle: build it on this machine (``build.spec`` through
``tools/build_bundle.py``), then run the built program — never the source tree — the way an officer's PC
would: ``--version``, ``init``, ``demo``, ``report`` to a PDF (read back with pypdf), a signed report,
and the window started offscreen until it closes itself (``PLAN_DESKTOP_SMOKE_EXIT_MS``).

Marked ``slow`` (deselect with ``-m "not slow"``). It skips when PyInstaller is not installed
(``pip install -e '.[build]'``). ``PLAN_DESKTOP_BUNDLE=dist/plan-desktop`` tests a bundle built before
instead of building one (e.g. on Windows, after ``tools/build_bundle.py``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import COMMUNE
from tests.packaging.conftest import ROOT

# The build takes a minute or two on two cores; the limit only stops a hung build or program.
pytestmark = [pytest.mark.slow, pytest.mark.timeout(1800)]

EXE_NAME = "plan-desktop.exe" if sys.platform == "win32" else "plan-desktop"
UNUSED_QT = ("WebEngine", "Qt6Quick", "Qt6Qml", "VirtualKeyboard", "Qt63D", "Qt6Multimedia")


@pytest.fixture(scope="module")
def bundle(tmp_path_factory, bb) -> Iterator[Path]:
    """The bundle folder (``…/plan-desktop/``), built once for this module."""
    given = os.environ.get("PLAN_DESKTOP_BUNDLE")
    if given:
        folder = Path(given).resolve()
        assert (folder / EXE_NAME).is_file(), f"no {EXE_NAME} in PLAN_DESKTOP_BUNDLE={given}"
        yield folder
        return
    pytest.importorskip("PyInstaller", reason="PyInstaller is not installed: pip install -e '.[build]'")
    out = tmp_path_factory.mktemp("bundle")
    try:
        folder = bb.build(out / "dist", out / "work", quiet=True)
        assert (folder / EXE_NAME).is_file()
        yield folder
    finally:
        shutil.rmtree(out, ignore_errors=True)  # ~300 MB; pytest would keep the last three runs' copies


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Path:
    """A working folder outside the source tree, with its own default data and cache folders."""
    return tmp_path_factory.mktemp("officer-pc")


def run(bundle: Path, home: Path, *args: str, extra_env: dict[str, str] | None = None,
        timeout: int = 300) -> subprocess.CompletedProcess:
    """Run the built program; no variable may point it back at the source tree."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PLAN_DESKTOP_", "PYTHON", "QT_", "LD_LIBRARY_PATH"))}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        PLAN_DESKTOP_DATA=str(home / "default-data"),
        PLAN_DESKTOP_CACHE=str(home / "cache"),
        XDG_DATA_HOME=str(home / "xdg-data"),
        XDG_CACHE_HOME=str(home / "xdg-cache"),
        **(extra_env or {}),
    )
    return subprocess.run([str(bundle / EXE_NAME), *args], cwd=home, env=env, capture_output=True,
                          text=True, encoding="utf-8", errors="replace", timeout=timeout)


def ok(res: subprocess.CompletedProcess) -> str:
    assert res.returncode == 0, f"exit {res.returncode}\nstdout:\n{res.stdout}\nstderr:\n{res.stderr}"
    return res.stdout


@pytest.fixture(scope="module")
def demo(bundle: Path, home: Path) -> Path:
    """A commune's data folder set up and filled with a demo year 2019 by the built program."""
    data = home / "demo-data"
    out = ok(run(bundle, home, "--data-dir", str(data), "init", "--unit", COMMUNE,
                 "--officer", "Đặng Thị Thu"))
    assert "Đã thiết lập thư mục dữ liệu" in out and f"mã {COMMUNE}" in out
    out = ok(run(bundle, home, "--data-dir", str(data), "demo", "--unit", COMMUNE, "--year", "2019"))
    assert "bản ghi mẫu năm 2019" in out
    return data


def test_version_is_the_package_version(bundle, home, bb):
    meta = bb.project_meta(ROOT)
    assert ok(run(bundle, home, "--version")).strip() == f"{meta['name']} {meta['version']}"


def test_bundle_carries_resources_and_leaves_unused_qt_out(bundle, qapp, record_property):
    from PySide6.QtCore import QTranslator

    files = [p for p in bundle.rglob("*") if p.is_file()]
    rel = {p.relative_to(bundle).as_posix() for p in files}
    internal = next(p for p in (bundle / "_internal", bundle) if (p / "forms").is_dir())
    res = internal / "resources"
    def names(folder: Path, pattern: str = "*") -> set[str]:
        return {p.name for p in folder.glob(pattern)}

    assert names(ROOT / "forms", "*.toml") <= names(internal / "forms")
    assert names(ROOT / "resources" / "fonts") <= names(res / "fonts")
    assert (res / "fonts" / "OFL.txt").is_file() and (res / "fonts" / "LICENSE-LiberationFonts.txt").is_file()
    assert {"app.svg", "app.ico", "app.png"} <= {p.name for p in (res / "icons").iterdir()}
    assert list((res / "orgunits").glob("*.csv")) and list((res / "plan").glob("*.toml"))
    # translations travel compiled, without their sources
    assert not list((res / "translations").glob("*.ts")) and not list((res / "translations").glob("*.py"))
    for name in ("plan_desktop_en", "qtbase_vi"):
        t = QTranslator()
        assert t.load(str(res / "translations" / f"{name}.qm")) and not t.isEmpty(), name
    # no QtWebEngine, Qt Quick/QML, virtual keyboard …; of Qt's own translations only English
    assert not [r for r in rel if any(u.lower() in r.lower() for u in UNUSED_QT)]
    qt_translations = {p.name for p in files if p.parent.name == "translations" and "PySide6" in p.parts}
    assert qt_translations and qt_translations <= {"qtbase_en.qm", "qt_en.qm"}
    # the Qt plugins the program needs: offscreen/xcb or windows platform, SVG for the icon
    plugin_names = {p.name.lower() for p in files if "plugins" in p.parts}
    assert any("qoffscreen" in n for n in plugin_names) and any("qsvg" in n for n in plugin_names)
    size = sum(p.stat().st_size for p in files if not p.is_symlink())
    record_property("bundle_bytes", size)


def test_init_demo_report_and_check(bundle, home, demo):
    pdf, xlsx = home / "bao-cao-2019.pdf", home / "bao-cao-2019.xlsx"
    out = ok(run(bundle, home, "--data-dir", str(demo), "report", "--period", "2019", "--out", str(pdf),
                 "--xlsx", str(xlsx), "--date", "2019-12-31"))
    assert "Đã lập báo cáo" in out
    assert pdf.read_bytes()[:5] == b"%PDF-" and xlsx.read_bytes()[:2] == b"PK"

    from pypdf import PdfReader

    reader = PdfReader(pdf)
    assert len(reader.pages) >= 2
    text = reader.pages[0].extract_text()
    assert "BÁO CÁO" in text and "phòng, chống mại dâm năm 2019" in text  # the fonts carry Vietnamese

    assert "toàn vẹn" in ok(run(bundle, home, "--data-dir", str(demo), "check"))


def test_signed_report_verifies(bundle, home, demo):
    """pyHanko and cryptography frozen: sign with a PKCS#12 file, verify against its CA."""
    from tests.signing.conftest import PASSPHRASE, make_ca, make_signer

    pki = home / "pki"
    pki.mkdir(exist_ok=True)
    ca = make_ca(pki, "CA thử nghiệm Hà Nam", "ca")
    officer = make_signer(pki, ca, "Nguyễn Văn An", "officer")
    pdf = home / "bao-cao-2019-H1-ky.pdf"
    texts = home / "bao-cao.toml"  # sections III–V: nothing unfinished is signed
    texts.write_text('assessment = "Ưu điểm: phối hợp tốt."\nnext_steps = "Tiếp tục tuyên truyền."\n'
                     'proposals = "Không có."\n', encoding="utf-8")
    ok(run(bundle, home, "--data-dir", str(demo), "settings", "set", "signer_name", "Nguyễn Văn An"))
    out = ok(run(bundle, home, "--data-dir", str(demo), "report", "--period", "2019-H1", "--out", str(pdf),
                 "--date", "2019-07-05", "--text", str(texts), "--sign", "--p12", str(officer.p12),
                 extra_env={"PLAN_DESKTOP_P12_PASSPHRASE": PASSPHRASE}))
    assert "Đã ký số báo cáo" in out
    out = ok(run(bundle, home, "--data-dir", str(demo), "verify", str(pdf), "--trust", str(ca.pem)))
    assert "NGUYÊN VẸN" in out and "ĐƯỢC TIN CẬY" in out


def smoke_line(data: Path) -> str:
    log = (data / "logs" / "plan_desktop.log").read_text(encoding="utf-8")
    lines = [line for line in log.splitlines() if "smoke exit" in line]
    assert lines, log
    return lines[-1]


def test_window_starts_offscreen_and_closes(bundle, home, demo):
    res = run(bundle, home, "--data-dir", str(demo), extra_env={"PLAN_DESKTOP_SMOKE_EXIT_MS": "1500"})
    ok(res)
    assert "windows shown: MainWindow" in smoke_line(demo)


def test_wizard_starts_offscreen_on_a_fresh_folder(bundle, home):
    fresh = home / "fresh"
    fresh.mkdir()
    ok(run(bundle, home, "--data-dir", str(fresh), extra_env={"PLAN_DESKTOP_SMOKE_EXIT_MS": "500"}))
    assert "windows shown: SetupWizard" in smoke_line(fresh)


def test_the_bundle_carries_what_is_loaded_by_name(bundle):
    """QtCharts (the overview's charts; without it they are replaced by a note). reportlab's barcode
    modules, loaded by name for the report's QR code, travel in the archive: the report test above
    makes a report with its QR code from the bundle."""
    files = [p.name for p in bundle.rglob("*")]
    assert any(name.startswith("QtCharts") for name in files), "PySide6.QtCharts left out of the bundle"
    assert any("Qt6Charts" in name for name in files), "the Qt Charts library left out of the bundle"


def test_protection_encrypts_the_data_in_the_bundle(bundle, home, demo):
    """SQLCipher frozen: turning passwords on encrypts the data file; the program opens it with the password."""
    import shutil

    folder = home / "protected"
    shutil.copytree(demo, folder)
    env = {"PLAN_DESKTOP_OFFICER_PASSWORD": "canbo-123456", "PLAN_DESKTOP_APPROVER_PASSWORD": "duyet-123456"}
    ok(run(bundle, home, "--data-dir", str(folder), "access", "enable", extra_env=env))
    head = (folder / "plan_desktop.sqlite").read_bytes()[:16]
    assert head != b"SQLite format 3\x00"  # encrypted at rest
    out = ok(run(bundle, home, "--data-dir", str(folder), "records", "list", "officer", "--format", "json",
                 extra_env={"PLAN_DESKTOP_PASSWORD": "canbo-123456"}))
    assert out.strip().startswith("[")
