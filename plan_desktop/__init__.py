"""plan_desktop: offline data entry and reporting for the Hà Nam plan against prostitution (1295/KH-UBND)."""

from __future__ import annotations

from typing import Any


def __getattr__(name: str) -> Any:
    """``__version__``, read from the installed package's metadata on first use: importing
    ``importlib.metadata`` costs some 50 ms of every start, and most starts never ask."""
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            value = version("plan-desktop")
        except PackageNotFoundError:  # running from a source tree or a frozen bundle without metadata
            value = "0.1.0"
        globals()["__version__"] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

APP_NAME = "plan_desktop"
