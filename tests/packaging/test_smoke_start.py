"""``PLAN_DESKTOP_SMOKE_EXIT_MS``: the window starts and closes itself, from source (the bundle test does
the same with the built program)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import COMMUNE
from tests.packaging.conftest import ROOT


def smoke_env(tmp_path: Path, ms: int = 300) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PLAN_DESKTOP_")}
    env.update(QT_QPA_PLATFORM="offscreen", PLAN_DESKTOP_SMOKE_EXIT_MS=str(ms),
               PLAN_DESKTOP_CACHE=str(tmp_path / "cache"), XDG_CACHE_HOME=str(tmp_path / "cache"))
    return env


def start_window(data: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "plan_desktop", "--data-dir", str(data)], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def shown(data: Path) -> str:
    log = (data / "logs" / "plan_desktop.log").read_text(encoding="utf-8")
    lines = [line for line in log.splitlines() if "smoke exit" in line]
    assert lines, log
    return lines[-1]


def test_window_starts_and_quits_by_itself(tmp_path):
    from plan_desktop.services.installation import Installation

    data = tmp_path / "data"
    Installation.init(data, COMMUNE, officer="Đặng Thị Thu").close()
    res = start_window(data, smoke_env(tmp_path))
    assert res.returncode == 0, res.stderr
    assert "windows shown: MainWindow" in shown(data)


def test_fresh_folder_starts_the_wizard_and_quits_by_itself(tmp_path):
    data = tmp_path / "fresh"
    data.mkdir()
    res = start_window(data, smoke_env(tmp_path))
    assert res.returncode == 0, res.stderr
    assert "windows shown: SetupWizard" in shown(data)


def test_a_bad_value_is_ignored(qapp, monkeypatch):
    from plan_desktop.ui.app import SMOKE_EXIT_ENV, arm_smoke_exit

    monkeypatch.setenv(SMOKE_EXIT_ENV, "soon")
    assert arm_smoke_exit(qapp) is None
    monkeypatch.delenv(SMOKE_EXIT_ENV)
    assert arm_smoke_exit(qapp) is None


def test_a_smoke_exit_due_during_the_start_quits_from_the_dialog_it_shows(tmp_path):
    """The smoke exit fires in the password dialog the start shows before any main loop runs: the
    program names the dialog and quits with 0, rather than failing or entering a main loop that the
    exit, already spent, would never end."""
    from plan_desktop.services.installation import Installation

    data = tmp_path / "data"
    inst = Installation.init(data, COMMUNE, officer="Đặng Thị Thu")
    inst.access.enable("matkhau-canbo", "matkhau-duyet")
    inst.close()
    res = start_window(data, smoke_env(tmp_path, ms=0))
    assert res.returncode == 0, res.stderr
    assert "windows shown: LoginDialog" in shown(data)
