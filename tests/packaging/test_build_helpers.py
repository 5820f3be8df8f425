"""What the bundle is made of, checked without building it: version, data files, translations, Qt filters,
icons and the Windows version resource."""

from __future__ import annotations

import struct
import sys
from pathlib import Path

import pytest

from tests.packaging.conftest import ROOT


@pytest.mark.parametrize(
    ("version", "expected"),
    [
        ("0.1.0", (0, 1, 0, 0)),
        ("1.2", (1, 2, 0, 0)),
        ("2.0.3.7", (2, 0, 3, 7)),
        ("1.2.0rc1", (1, 2, 0, 0)),
        ("1.3.dev4", (1, 3, 0, 0)),
        ("1.2.3.4.5", (1, 2, 3, 4)),
    ],
)
def test_version_tuple(bb, version, expected):
    assert bb.version_tuple(version) == expected


def test_project_meta_comes_from_pyproject(bb):
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    meta = bb.project_meta(ROOT)
    assert (meta["name"], meta["version"]) == (project["name"], project["version"])
    assert meta["name"] == "plan-desktop"


def test_resource_datas_carry_forms_fonts_with_licences_icons_units_and_plan(bb):
    datas = {(Path(src).relative_to(ROOT).as_posix(), dest.replace("\\", "/"))
             for src, dest in bb.resource_datas()}
    files = {src for src, _ in datas}
    # each file lands in the folder it has in the tree, so paths.resource() finds it in the bundle
    assert all(src.rsplit("/", 1)[0] == dest for src, dest in datas)
    assert {f"forms/{p.name}" for p in (ROOT / "forms").glob("*.toml")} <= files
    fonts = {f"resources/fonts/{p.name}" for p in (ROOT / "resources" / "fonts").iterdir()}
    assert fonts <= files  # the fonts and their licence texts
    assert {"resources/fonts/OFL.txt", "resources/fonts/LICENSE-LiberationFonts.txt"} <= files
    assert {"resources/icons/app.svg", "resources/icons/app.ico", "resources/icons/app.png"} <= files
    assert any(f.startswith("resources/orgunits/") and f.endswith(".csv") for f in files)
    assert any(f.startswith("resources/plan/") and f.endswith(".toml") for f in files)
    # translation sources and maintenance scripts stay behind; their .qm are built separately
    assert not [f for f in files if f.endswith((".ts", ".py", ".pyc", ".qm"))]


def test_translations_compile_to_loadable_qm(bb, tmp_path, qapp):
    from PySide6.QtCore import QTranslator

    built = bb.compile_translations(tmp_path)
    sources = sorted(p.stem for p in (ROOT / "resources" / "translations").glob("*.ts"))
    assert sorted(p.stem for p in built) == sources
    assert "plan_desktop_en" in sources and "qtbase_vi" in sources
    for qm in built:
        t = QTranslator()
        assert t.load(str(qm)), qm
        assert not t.isEmpty(), qm


def test_program_loads_a_prebuilt_qm_when_no_ts_is_beside_it(bb, tmp_path, monkeypatch):
    """In the bundle only the .qm travels (and there is no lrelease): i18n must use it as it is."""
    from plan_desktop.ui import i18n

    res = tmp_path / "bundle"
    bb.compile_translations(res / "resources" / "translations")
    monkeypatch.setenv("PLAN_DESKTOP_RESOURCES", str(res))
    monkeypatch.setenv("PLAN_DESKTOP_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(i18n, "_lrelease", lambda: None)
    for name in ("plan_desktop_en", "qtbase_vi"):
        assert i18n.qm_file(name) == res / "resources" / "translations" / f"{name}.qm"
    assert not (tmp_path / "cache").exists()


@pytest.mark.parametrize(
    "name",
    [
        "PySide6/Qt/lib/libQt6Quick.so.6",
        "PySide6/Qt/lib/libQt6Qml.so.6",
        "PySide6/Qt/lib/libQt6QmlModels.so.6",
        "PySide6/Qt/lib/libQt6VirtualKeyboard.so.6",
        "PySide6/Qt/lib/libQt6WebEngineCore.so.6",
        "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
        "PySide6\\Qt6Quick.dll",
        "PySide6\\Qt6VirtualKeyboardQml.dll",
        "PySide6\\plugins\\platforminputcontexts\\qtvirtualkeyboardplugin.dll",
    ],
)
def test_unused_qt_binaries_are_left_out(bb, name):
    assert not bb.keep_binary(name)


@pytest.mark.parametrize(
    "name",
    [
        "PySide6/Qt/lib/libQt6Core.so.6",
        "PySide6/Qt/lib/libQt6Widgets.so.6",
        "PySide6/Qt/lib/libQt6Pdf.so.6",
        "PySide6/Qt/lib/libQt6PdfWidgets.so.6",
        "PySide6/Qt/lib/libQt6PrintSupport.so.6",
        "PySide6/Qt/lib/libQt6Svg.so.6",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so",
        "PySide6\\Qt6Gui.dll",
        "PySide6\\plugins\\platforms\\qwindows.dll",
        "PySide6\\plugins\\styles\\qmodernwindowsstyle.dll",
        "PySide6\\plugins\\printsupport\\windowsprintersupport.dll",
        "cryptography/hazmat/bindings/_rust.abi3.so",
    ],
)
def test_used_binaries_are_kept(bb, name):
    assert bb.keep_binary(name)


def test_only_english_qt_translations_are_kept(bb):
    assert bb.keep_data("PySide6/Qt/translations/qtbase_en.qm")
    assert bb.keep_data("PySide6\\translations\\qt_en.qm")
    assert not bb.keep_data("PySide6/Qt/translations/qtbase_de.qm")
    assert not bb.keep_data("PySide6\\translations\\qt_help_fr.qm")
    assert bb.keep_data("resources/translations/plan_desktop_en.qm")  # ours are not Qt's


def test_dist_info_reports_the_version(bb, tmp_path):
    from importlib.metadata import PathDistribution

    bb.write_dist_info(tmp_path, "plan-desktop", "0.0.9")
    folder = bb.write_dist_info(tmp_path, "plan-desktop", "1.2.3")  # a rebuild replaces the old one
    assert [p.name for p in tmp_path.iterdir()] == ["plan_desktop-1.2.3.dist-info"]
    dist = PathDistribution(folder)
    assert (dist.metadata["Name"], dist.version) == ("plan-desktop", "1.2.3")


class _Struct:
    """Stand-in for PyInstaller's version classes (they import on Windows only), same signatures."""

    def __init__(self, kind: str, **fields):
        self.kind, self.fields = kind, fields


def _stand_ins() -> dict:
    def make(kind, *names):
        def build(*args, **kwargs):
            fields = dict(zip(names, args, strict=False))
            unknown = set(kwargs) - set(names)
            assert not unknown, f"{kind}: unknown arguments {unknown}"
            return _Struct(kind, **fields, **kwargs)

        return build

    return {
        "VSVersionInfo": make("VSVersionInfo", "ffi", "kids"),
        "FixedFileInfo": make("FixedFileInfo", "filevers", "prodvers", "mask", "flags", "OS", "fileType",
                              "subtype", "date"),
        "StringFileInfo": make("StringFileInfo", "kids"),
        "StringTable": make("StringTable", "name", "kids"),
        "StringStruct": make("StringStruct", "name", "val"),
        "VarFileInfo": make("VarFileInfo", "kids"),
        "VarStruct": make("VarStruct", "name", "kids"),
    }


def test_windows_version_resource_is_built_from_the_version(bb, tmp_path):
    path = bb.write_version_file(tmp_path / "v.txt", "plan-desktop", "1.4.2", "mô tả", "plan-desktop.exe")
    info = eval(path.read_text(encoding="utf-8"), _stand_ins())  # what EXE(version=FILE) does on Windows
    assert info.kind == "VSVersionInfo"
    ffi = info.fields["ffi"].fields
    assert ffi["filevers"] == ffi["prodvers"] == (1, 4, 2, 0)
    assert ffi["fileType"] == 0x1 and ffi["OS"] == 0x40004
    string_info, var_info = info.fields["kids"]
    (table,) = string_info.fields["kids"]
    assert table.fields["name"] == "042A04B0"
    strings = {s.fields["name"]: s.fields["val"] for s in table.fields["kids"]}
    assert strings["FileVersion"] == strings["ProductVersion"] == "1.4.2"
    assert strings["OriginalFilename"] == "plan-desktop.exe" and strings["InternalName"] == "plan-desktop"
    assert strings["Comments"] == "mô tả" and "mại dâm" in strings["ProductName"]
    (var,) = var_info.fields["kids"]
    assert (var.fields["name"], var.fields["kids"]) == ("Translation", [0x042A, 1200])


@pytest.mark.skipif(sys.platform != "win32", reason="PyInstaller's version classes import on Windows only")
def test_windows_version_resource_loads_with_pyinstaller(bb, tmp_path):
    pytest.importorskip("PyInstaller", reason="PyInstaller is not installed (pip install -e '.[build]')")
    from PyInstaller.utils.win32.versioninfo import load_version_info_from_text_file

    path = bb.write_version_file(tmp_path / "v.txt", "plan-desktop", "1.4.2", "mô tả", "plan-desktop.exe")
    info = load_version_info_from_text_file(str(path))
    assert info.ffi.fileVersionMS == (1 << 16) | 4 and info.ffi.fileVersionLS == 2 << 16


def test_icons_hold_the_sizes_windows_needs():
    icons = ROOT / "resources" / "icons"
    ico = (icons / "app.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", ico, 0)
    assert (reserved, kind) == (0, 1)
    sizes = set()
    for i in range(count):
        w, h, _, _, _, _, length, offset = struct.unpack_from("<BBBBHHII", ico, 6 + 16 * i)
        assert w == h
        assert ico[offset:offset + 8] == b"\x89PNG\r\n\x1a\n" and offset + length <= len(ico)
        sizes.add(w or 256)
    assert {16, 24, 32, 48, 256} <= sizes
    png = (icons / "app.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", png[16:24]) == (256, 256)
    assert (icons / "app.svg").stat().st_size > 0
