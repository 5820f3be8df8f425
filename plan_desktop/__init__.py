"""plan_desktop: offline data entry and reporting for the Hà Nam plan against prostitution (1295/KH-UBND)."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("plan-desktop")
except PackageNotFoundError:  # running from a source tree or a frozen bundle without metadata
    __version__ = "0.1.0"

APP_NAME = "plan_desktop"
