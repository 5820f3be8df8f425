"""Build the one-folder PyInstaller bundle, and the helpers ``build.spec`` uses.

Build (needs the ``build`` extra: ``.venv/bin/pip install -e '.[build]'``)::

    .venv/bin/python tools/build_bundle.py            # → dist/plan-desktop/
    .venv/bin/python tools/build_bundle.py --dist D --work W

PyInstaller does not cross-compile: build on Windows for Windows, on Linux for Linux. The helpers below
are plain Python so ``build.spec`` stays short and the parts can be tested without building:

* name and version from ``pyproject.toml`` (the single source), and a minimal ``*.dist-info`` so that
  ``importlib.metadata`` — and with it ``plan-desktop --version`` — reports the same version in the bundle;
* the ``.ts`` translations compiled into ``.qm`` with PySide6's ``lrelease`` (the bundle has no
  ``lrelease``; ``plan_desktop.ui.i18n`` loads a shipped ``.qm`` when no ``.ts`` is beside it);
* the Windows version resource (``VSVersionInfo`` text) built from the version;
* which files of ``resources/`` travel, and which Qt files stay behind.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "build.spec"

COMPANY = "Dự án plan_desktop"
PRODUCT = "Phòng, chống mại dâm — Kế hoạch 1295/KH-UBND"
COPYRIGHT = "Giấy phép MIT"
LANG_ID, CODEPAGE = 0x042A, 1200  # Vietnamese, Unicode
LANG_CODEPAGE = f"{LANG_ID:04X}{CODEPAGE:04X}"  # "042A04B0"

# Source-only files under resources/ (translation sources and their maintenance scripts).
_RESOURCE_SKIP_SUFFIXES = {".ts", ".py", ".pyc", ".qm"}
_RESOURCE_SKIP_DIRS = {"__pycache__"}

# Qt files the analysis pulls in that the program never uses. The virtual-keyboard input-context plugin
# drags in Qt Quick, QML and the keyboard itself (≈ 17 MB); nothing here is QML. Patterns match the file
# name on Linux (libQt6Quick.so.6) and Windows (Qt6Quick.dll).
_UNUSED_QT = re.compile(
    r"(^|[/\\])(lib)?(Qt6(Quick|Qml|VirtualKeyboard|WebEngine|3D|Multimedia|Bluetooth)\w*|qtvirtualkeyboardplugin)"
    r"[^/\\]*$",
    re.IGNORECASE,
)
# Qt's own translations: the program loads only qtbase_en.qm (Vietnamese comes from our qtbase_vi.ts).
_QT_TRANSLATION = re.compile(r"PySide6[/\\](Qt[/\\])?translations[/\\](?P<file>[^/\\]+)$")
_QT_TRANSLATIONS_KEPT = {"qtbase_en.qm", "qt_en.qm"}


# -- project facts ---------------------------------------------------------------------------------
def project_meta(root: Path = ROOT) -> dict[str, str]:
    """``name``, ``version`` and ``description`` of the package, from ``pyproject.toml``."""
    with (root / "pyproject.toml").open("rb") as f:
        project = tomllib.load(f)["project"]
    return {
        "name": project["name"],
        "version": project["version"],
        "description": project.get("description", ""),
    }


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """The four numbers Windows wants: ``0.1.0`` → (0, 1, 0, 0); ``1.2rc1`` → (1, 2, 0, 0)."""
    numbers: list[int] = []
    for part in version.split("."):
        m = re.match(r"\d+", part)
        if not m:
            break
        numbers.append(int(m.group()))
        if m.end() != len(part):  # "0rc1": a pre-release suffix ends the numeric part
            break
    numbers = [*numbers, 0, 0, 0, 0][:4]
    return tuple(min(n, 65535) for n in numbers)  # type: ignore[return-value]


# -- translations ----------------------------------------------------------------------------------
def lrelease() -> Path:
    """PySide6's ``lrelease`` (shipped inside the wheel), or one on PATH."""
    import PySide6

    exe = "lrelease.exe" if sys.platform == "win32" else "lrelease"
    bundled = Path(PySide6.__file__).parent / exe
    if bundled.exists():
        return bundled
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if not found:
        raise RuntimeError("lrelease not found: PySide6 is needed to build the translations")
    return Path(found)


def compile_translations(out_dir: Path, root: Path = ROOT) -> list[Path]:
    """Compile every ``resources/translations/*.ts`` into ``out_dir/*.qm``; fail loudly on any error."""
    out_dir.mkdir(parents=True, exist_ok=True)
    tool = lrelease()
    built = []
    for ts in sorted((root / "resources" / "translations").glob("*.ts")):
        qm = out_dir / f"{ts.stem}.qm"
        subprocess.run([str(tool), "-silent", str(ts), "-qm", str(qm)], check=True, timeout=120)
        if not qm.exists() or qm.stat().st_size == 0:
            raise RuntimeError(f"lrelease made no {qm.name}")
        built.append(qm)
    if not built:
        raise RuntimeError("no .ts files under resources/translations")
    return built


# -- data files ------------------------------------------------------------------------------------
def resource_datas(root: Path = ROOT) -> list[tuple[str, str]]:
    """(source file, destination folder) for ``forms/`` and ``resources/``, without the translation
    sources and scripts (their ``.qm`` are added from the build folder)."""
    datas = []
    for top in ("forms", "resources"):
        for path in sorted((root / top).rglob("*")):
            rel = path.relative_to(root)
            if not path.is_file() or _RESOURCE_SKIP_DIRS.intersection(rel.parts):
                continue
            if path.suffix.lower() in _RESOURCE_SKIP_SUFFIXES:
                continue
            datas.append((str(path), str(rel.parent)))
    return datas


def write_dist_info(out_dir: Path, name: str, version: str) -> Path:
    """A minimal ``<name>-<version>.dist-info`` so ``importlib.metadata.version(name)`` works frozen."""
    norm = re.sub(r"[-_.]+", "_", name).lower()
    folder = out_dir / f"{norm}-{version}.dist-info"
    if out_dir.exists():
        for old in out_dir.glob(f"{norm}-*.dist-info"):
            shutil.rmtree(old)
    folder.mkdir(parents=True)
    metadata = f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n"
    (folder / "METADATA").write_text(metadata, encoding="utf-8")
    return folder


def keep_binary(dest_name: str) -> bool:
    """False for the Qt libraries and plugins the program does not use (see ``_UNUSED_QT``)."""
    return not _UNUSED_QT.search(dest_name)


def keep_data(dest_name: str) -> bool:
    """False for Qt's translations other than English."""
    m = _QT_TRANSLATION.search(dest_name)
    return m is None or m.group("file") in _QT_TRANSLATIONS_KEPT


# -- Windows version resource ----------------------------------------------------------------------
def version_info_text(name: str, version: str, description: str, exe_name: str) -> str:
    """The executable's ``VSVersionInfo`` in PyInstaller's text form (what ``pyi-grab_version`` writes and
    ``EXE(version=FILE)`` reads). Written as text because PyInstaller's version classes import only on
    Windows, and the file should be checkable anywhere."""
    numbers = version_tuple(version)
    strings = [
        ("CompanyName", COMPANY),
        ("FileDescription", PRODUCT),
        ("FileVersion", version),
        ("InternalName", name),
        ("LegalCopyright", COPYRIGHT),
        ("OriginalFilename", exe_name),
        ("ProductName", PRODUCT),
        ("ProductVersion", version),
        ("Comments", description),
    ]
    table = ",\n".join(f"          StringStruct({k!r}, {v!r})" for k, v in strings)
    return (
        "# -*- coding: utf-8 -*-\n"
        "# Generated by tools/build_bundle.py from pyproject.toml; do not edit.\n"
        "VSVersionInfo(\n"
        "  ffi=FixedFileInfo(\n"
        f"    filevers={numbers!r},\n"
        f"    prodvers={numbers!r},\n"
        "    mask=0x3F,\n"
        "    flags=0x0,\n"
        "    OS=0x40004,\n"  # VOS_NT_WINDOWS32
        "    fileType=0x1,\n"  # VFT_APP
        "    subtype=0x0,\n"
        "    date=(0, 0),\n"
        "  ),\n"
        "  kids=[\n"
        "    StringFileInfo([\n"
        f"      StringTable({LANG_CODEPAGE!r}, [\n"
        f"{table},\n"
        "      ]),\n"
        "    ]),\n"
        f"    VarFileInfo([VarStruct('Translation', [{LANG_ID:#06x}, {CODEPAGE}])]),\n"
        "  ],\n"
        ")\n"
    )


def write_version_file(path: Path, name: str, version: str, description: str, exe_name: str) -> Path:
    """Write the version resource file for ``EXE(version=...)``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(version_info_text(name, version, description, exe_name), encoding="utf-8")
    return path


# -- building --------------------------------------------------------------------------------------
def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def executable(dist: Path, name: str | None = None) -> Path:
    name = name or project_meta()["name"]
    return dist / name / (f"{name}.exe" if sys.platform == "win32" else name)


def build(dist: Path, work: Path, *, quiet: bool = False) -> Path:
    """Run PyInstaller on ``build.spec``; returns the bundle folder."""
    cmd = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
        "--distpath", str(dist), "--workpath", str(work),
        "--log-level", "WARN" if quiet else "INFO",
        str(SPEC),
    ]  # fmt: skip
    subprocess.run(cmd, check=True, cwd=ROOT)
    return dist / project_meta()["name"]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="Build the plan-desktop bundle (PyInstaller, one folder).")
    p.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default: dist/)")
    p.add_argument("--work", type=Path, default=ROOT / "build", help="work folder (default: build/)")
    p.add_argument("--quiet", action="store_true", help="PyInstaller warnings only")
    args = p.parse_args(argv)
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        sys.stderr.write("PyInstaller is missing: .venv/bin/pip install -e '.[build]'\n")
        return 2
    start = time.monotonic()
    folder = build(args.dist.resolve(), args.work.resolve(), quiet=args.quiet)
    took = time.monotonic() - start
    size = folder_size(folder)
    print(f"bundle: {folder} ({size / 2**20:.0f} MB) in {took:.0f} s")
    print(f"run:    {executable(args.dist.resolve())} --version")
    return 0


if __name__ == "__main__":
    sys.exit(main())
