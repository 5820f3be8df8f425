"""The Qt binding the program is installed with survives a long working day of calls.

PySide6 6.12.0 under Python 3.11 drops a reference to None on every Qt method that returns nothing;
after some 20.000 such calls the interpreter aborts (``none_dealloc``), i.e. the window would crash
in the middle of an officer's work. ``pyproject.toml`` keeps that version out; this test fails if a
binding with the bug is installed again."""

from __future__ import annotations

import subprocess
import sys

CODE = """
from PySide6.QtCore import QObject
o = QObject()
for i in range(200_000):
    o.setObjectName("x")
print("ok")
"""


def test_many_void_qt_calls_do_not_crash_the_interpreter():
    proc = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and proc.stdout.strip() == "ok", proc.stderr[-500:]


def test_the_report_preview_module_is_there():
    from PySide6.QtPdf import QPdfDocument  # noqa: F401
    from PySide6.QtPdfWidgets import QPdfView  # noqa: F401
