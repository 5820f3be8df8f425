"""The one base of every error whose message is written for the officer.

This module imports nothing of the program, so every layer can derive its errors from it and the front
doors (the CLI, the window) can catch exactly these: anything else is a bug, logged with a pointer to
the log file.
"""

from __future__ import annotations


class UserError(Exception):
    """An error the officer can act on. ``str(exc)`` is the Vietnamese message; ``en`` the English one.

    Subclasses keep their own second base (``ValueError``, ``KeyError``…) so that existing ``except``
    clauses still match. ``en`` is optional: without it the English window shows the Vietnamese text.
    """

    def __init__(self, *args: object, en: str | None = None) -> None:
        super().__init__(*args)
        self.en = en

    def text(self, lang: str = "vi") -> str:
        """The message in ``lang`` (``"vi"`` or ``"en"``), falling back to Vietnamese."""
        if lang == "en" and self.en:
            return self.en
        return str(self)
