"""Languages: Vietnamese (the source language of every UI string) and English.

The ``.ts`` sources live in ``resources/translations/``:

* ``plan_desktop_en.ts`` – the program's own strings, Vietnamese → English;
* ``qtbase_vi.ts`` – Qt's own strings (dialog buttons, the calendar, the text-edit menu) in
  Vietnamese, since Qt ships no Vietnamese translation of its own.

A ``.qm`` next to its ``.ts`` (a release bundle builds them) is used when it is at least as new;
otherwise the ``.ts`` is compiled with the ``lrelease`` that comes with PySide6 into the user cache
folder, once. English also loads Qt's own ``qtbase_en.qm`` from PySide6.

Refresh the sources after changing UI strings::

    pyside6-lupdate plan_desktop/ui -extensions py -source-language vi -target-language en \\
        -ts resources/translations/plan_desktop_en.ts
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from plan_desktop import paths
from plan_desktop.errors import user_message

log = logging.getLogger(__name__)

LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}
DEFAULT_LANGUAGE = "vi"

_installed: list[QTranslator] = []
#: the language installed last ("vi" or "en")
_current: list[str] = []


def cache_dir() -> Path:
    override = os.environ.get("PLAN_DESKTOP_CACHE")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("plan_desktop", appauthor=False))


def _lrelease() -> str | None:
    import PySide6

    exe = "lrelease.exe" if sys.platform == "win32" else "lrelease"
    bundled = Path(PySide6.__file__).parent / exe
    if bundled.exists():
        return str(bundled)
    return shutil.which("pyside6-lrelease") or shutil.which("lrelease")


def qm_file(name: str) -> Path | None:
    """The compiled ``<name>.qm`` for ``resources/translations/<name>.ts`` (built if needed)."""
    ts = paths.resource("translations", f"{name}.ts")
    shipped = ts.with_suffix(".qm")
    if not ts.exists():
        return shipped if shipped.exists() else None
    if shipped.exists() and shipped.stat().st_mtime >= ts.stat().st_mtime:
        return shipped
    cached = cache_dir() / "translations" / f"{name}.qm"
    if cached.exists() and cached.stat().st_mtime >= ts.stat().st_mtime:
        return cached
    tool = _lrelease()
    if tool is None:
        log.warning("no lrelease to build %s", ts)
        return shipped if shipped.exists() else None
    cached.parent.mkdir(parents=True, exist_ok=True)
    try:
        subprocess.run([tool, "-silent", str(ts), "-qm", str(cached)], check=True, capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("cannot build %s: %s", cached, exc)
        return shipped if shipped.exists() else None
    return cached


def install(language: str | None, app: QCoreApplication | None = None) -> str:
    """Install the translators for ``language`` ("vi" or "en"), replacing any installed before."""
    app = app or QCoreApplication.instance()
    lang = language if language in LANGUAGES else DEFAULT_LANGUAGE
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    files: list[Path | None] = []
    if lang == "en":
        files.append(qm_file("plan_desktop_en"))
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        files.append(Path(qt_dir) / "qtbase_en.qm")
    else:
        files.append(qm_file("qtbase_vi"))
    for f in files:
        if f is None or not f.exists():
            continue
        t = QTranslator(app)
        if t.load(str(f)):
            app.installTranslator(t)
            _installed.append(t)
        else:
            log.warning("cannot load translation %s", f)
    QLocale.setDefault(QLocale("en_US" if lang == "en" else "vi_VN"))
    _current[:] = [lang]
    return lang


def current() -> str:
    """The window's language now."""
    return _current[0] if _current else DEFAULT_LANGUAGE


def error_text(exc: BaseException) -> str:
    """What the window says about an error the officer can cause, in the window's language (English
    where the error carries it); the exception's own text for anything else."""
    return user_message(exc, current()) or str(exc)


def vi_locale() -> QLocale:
    return QLocale("vi_VN")
