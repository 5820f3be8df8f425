"""The window starts on what its first page (the overview) needs: the other pages, the dialogs and the report,
PDF, signing, exchange and spreadsheet code are imported when first shown or used (issue 18, «start»).

The start runs as the officer starts it (``plan-desktop --data-dir …``, a fresh interpreter); the modules
loaded are read once the main window is shown and its first page filled."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import COMMUNE

ROOT = Path(__file__).resolve().parents[2]

#: Loaded once the window is up and the overview filled: prints the module names on one line.
CHILD = r"""
import json, os, sys
from plan_desktop.ui import app as ui_app

shown = ui_app.Controller.show_main

def show_main(self, *args, **kwargs):
    window = shown(self, *args, **kwargs)
    from PySide6.QtWidgets import QApplication
    QApplication.processEvents()  # the overview fills itself right after the window appears
    print(json.dumps({"window": type(window).__name__, "visible": window.isVisible(),
                      "page": window.current_page().key, "modules": sorted(sys.modules)}), flush=True)
    os._exit(0)  # what was to be seen is printed (no event loop is needed, nor its smoke timer)

ui_app.Controller.show_main = show_main
from plan_desktop.cli import main
sys.exit(main(["--data-dir", sys.argv[1]]))
"""

#: Modules the start must not load (each has its page, dialog or command that imports it when used).
NOT_AT_START = [
    # other pages, their parts and the dialogs
    "plan_desktop.ui.wizard", "plan_desktop.ui.entry_dialog", "plan_desktop.ui.editors", "plan_desktop.ui.models",
    "plan_desktop.ui.help", "plan_desktop.ui.login", "plan_desktop.ui.files", "plan_desktop.ui.widgets",
    "plan_desktop.ui.pages.report_page", "plan_desktop.ui.pages.exchange_page",
    "plan_desktop.ui.pages.signing_dialog", "plan_desktop.ui.pages.list_files",
    "plan_desktop.ui.pages.access_panel", "plan_desktop.ui.pages.backup_panel",
    # the code behind them
    "plan_desktop.services.tabular", "plan_desktop.services.signing", "plan_desktop.exchange.keys",
    "plan_desktop.exchange.crypto", "plan_desktop.exchange.container", "plan_desktop.exchange.package",
    "plan_desktop.exchange.merge", "plan_desktop.reports.pdf", "plan_desktop.reports.xlsx",
    "plan_desktop.reports.layout", "plan_desktop.reports.charts", "plan_desktop.reports.dhis2",
    "plan_desktop.signing.sign", "plan_desktop.signing.verify", "plan_desktop.signing.stamp",
    "plan_desktop.signing.trust", "plan_desktop.signing.specs", "plan_desktop.signing.tokens",
    # and the libraries they bring
    "reportlab", "pyhanko", "openpyxl", "cryptography.hazmat.primitives.serialization",
    "cryptography.hazmat.primitives.ciphers", "PySide6.QtPrintSupport", "PySide6.QtPdf",
]


def test_the_window_starts_without_what_later_pages_need(tmp_path):
    from plan_desktop.services.installation import Installation

    data = tmp_path / "data"
    Installation.init(data, COMMUNE, officer="Đặng Thị Thu").close()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PLAN_DESKTOP_")}
    env.update(QT_QPA_PLATFORM="offscreen",
               PLAN_DESKTOP_CACHE=str(tmp_path / "cache"), XDG_CACHE_HOME=str(tmp_path / "cache"))
    res = subprocess.run([sys.executable, "-c", CHILD, str(data)], env=env, cwd=ROOT, capture_output=True,
                         text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    seen = json.loads(next(line for line in res.stdout.splitlines() if line.startswith("{")))
    assert seen["window"] == "MainWindow" and seen["visible"] and seen["page"] == "overview"
    modules = set(seen["modules"])
    assert "plan_desktop.ui.pages.overview" in modules and "plan_desktop.services.reporting" in modules
    loaded = sorted(m for m in modules if any(m == name or m.startswith(name + ".") for name in NOT_AT_START))
    assert loaded == []
