"""A page of the main window: one per entry of the navigation pane."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from plan_desktop.ui.context import AppContext


class Page(QWidget):
    """Subclass, set ``key``, implement :meth:`title`, and add the class to ``pages.REGISTRY``.

    :meth:`create` makes the page(s) for one registry entry (the record pages make one per form).
    """

    key = "page"
    icon = ""
    #: the part of the guide (resources/help/*.html) F1 opens on this page
    help_section = "thang"

    def __init__(self, ctx: AppContext):
        super().__init__()
        self.ctx = ctx

    @classmethod
    def create(cls, ctx: AppContext) -> list[Page]:
        return [cls(ctx)]

    def title(self) -> str:
        raise NotImplementedError

    def prepare(self) -> None:
        """Called just before the page is shown (a page may make its widgets here the first time)."""

    def activated(self) -> None:
        """Called when the page is shown."""

    def help_anchor(self) -> str:
        return self.help_section

    def can_leave(self) -> bool:
        """Called before another page is shown or the window closes: a page holding unsaved changes saves
        them or asks (and returns False when the officer chose to stay)."""
        return True

    def shutdown(self) -> None:
        """Called before the window closes."""
