"""The one error type of the signing package: its message is written for the officer (Vietnamese)."""

from __future__ import annotations

from plan_desktop.usererror import UserError


class SigningError(UserError, ValueError):
    """Signing, verifying or importing a trust root failed; ``str(exc)`` says why, in Vietnamese."""
