"""The pages of the navigation pane, in order. Add a page: write a :class:`Page` subclass, list it here."""

from __future__ import annotations

from plan_desktop.ui.pages.base import Page
from plan_desktop.ui.pages.hosted import ExchangePage, ReportsPage
from plan_desktop.ui.pages.overview import OverviewPage
from plan_desktop.ui.pages.records import RecordsPage
from plan_desktop.ui.pages.settings import SettingsPage

#: One entry per navigation entry (RecordsPage makes one page per form).
REGISTRY: list[type[Page]] = [OverviewPage, RecordsPage, ReportsPage, ExchangePage, SettingsPage]

__all__ = ["REGISTRY", "ExchangePage", "OverviewPage", "Page", "RecordsPage", "ReportsPage", "SettingsPage"]
