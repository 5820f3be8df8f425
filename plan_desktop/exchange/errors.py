"""Errors of the exchange layer: every message is Vietnamese and tells the officer what happened."""

from __future__ import annotations

from plan_desktop.usererror import UserError


class ExchangeError(UserError, ValueError):
    """An export, import, receipt or setup file was refused. ``str(exc)`` is for the officer."""


class PackageRefused(ExchangeError):
    """A file was refused before anything was written. ``reason`` is a short machine tag."""

    def __init__(self, message: str, reason: str = "invalid", en: str | None = None):
        super().__init__(message, en=en)
        self.reason = reason
