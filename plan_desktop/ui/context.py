"""What every page shares: the installation, its record service and the change signal."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QCoreApplication

from plan_desktop.domain.periods import Period
from plan_desktop.domain.units import Level
from plan_desktop.services.installation import Installation
from plan_desktop.services.locks import install_period_locks
from plan_desktop.services.records import RecordService
from plan_desktop.ui.bridge import ChangeBridge


@dataclass
class AppContext:
    inst: Installation
    service: RecordService
    bridge: ChangeBridge
    lang: str = "vi"
    today: Callable[[], date] = date.today
    #: called by the settings page when something that shapes the whole window changed
    on_settings_changed: Callable[[], None] = field(default=lambda: None)
    #: called to re-open the set-up wizard
    on_open_wizard: Callable[[], None] = field(default=lambda: None)

    @classmethod
    def create(cls, inst: Installation, lang: str = "vi", today: Callable[[], date] = date.today) -> AppContext:
        service = RecordService(inst.store, today=today)
        install_period_locks(service, inst)
        return cls(inst, service, ChangeBridge(service), lang, today)

    @property
    def is_commune(self) -> bool:
        return self.inst.level == Level.COMMUNE

    def unit_title(self) -> str:
        unit = self.inst.unit()
        return f"{unit.name} ({unit.code})"

    def period_label(self, period: Period | None) -> str:
        if period is None:
            return QCoreApplication.translate("Periods", "Tất cả")
        if self.lang == "en":
            if period.kind == "Y":
                return QCoreApplication.translate("Periods", "Năm {year}").format(year=period.year)
            if period.kind == "H":
                return f"H{period.index} {period.year}"
            if period.kind == "Q":
                return f"Q{period.index} {period.year}"
            return f"{period.year}-{period.index:02d}"
        text = period.label_vi()
        return text[0].upper() + text[1:]

    def period_choices(self) -> list[Period | None]:
        """All, then the working year, its halves, quarters and months."""
        year = Period(self.inst.working_year, "Y", 1)
        return [None, year, *year.parts("H"), *year.parts("Q"), *year.parts("M")]
