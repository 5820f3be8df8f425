"""Fixtures for the window tests: real widgets, real SQLite, Qt offscreen."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

TODAY = date(2020, 6, 30)


@pytest.fixture(scope="session")
def _qm_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("qt-cache")


@pytest.fixture(autouse=True)
def _ui_env(_qm_cache: Path, monkeypatch: pytest.MonkeyPatch, qapp) -> None:
    monkeypatch.setenv("PLAN_DESKTOP_CACHE", str(_qm_cache))
    from plan_desktop.ui import i18n, startup

    if not getattr(qapp, "_plan_desktop_ready", False):
        qapp.setStyle("Fusion")
        startup.register_fonts(qapp)
        qapp._plan_desktop_ready = True
    i18n.install("vi", qapp)


@pytest.fixture(autouse=True)
def _discard_open_dialogs(qapp):
    """After each test, close entry dialogs left open without the "discard what you typed?" question
    (a modal question at teardown, or when another test closes all windows, would wait forever)."""
    yield
    from PySide6.QtWidgets import QDialog

    from plan_desktop.ui.entry_dialog import EntryDialog

    for w in qapp.topLevelWidgets():
        if isinstance(w, EntryDialog):
            w._initial = w.values()
            w.done(QDialog.DialogCode.Rejected)


@pytest.fixture
def ctx(commune):
    from plan_desktop.ui.context import AppContext

    c = AppContext.create(commune, "vi", today=lambda: TODAY)
    yield c
    c.bridge.close()


@pytest.fixture
def window(ctx, qtbot):
    from plan_desktop.ui.main_window import MainWindow

    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    """Where screenshots go: ``$PLAN_DESKTOP_SHOTS`` if set, else the test's temporary folder."""
    folder = Path(os.environ.get("PLAN_DESKTOP_SHOTS") or tmp_path / "shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(autouse=True)
def _forget_last_folder(monkeypatch):
    """Save dialogs start in the folder used last (ui/files.py): not one of an earlier test."""
    from plan_desktop.ui import files

    monkeypatch.setattr(files, "_last_folder", None)
