"""The record service's plain-callable listeners, as a Qt signal."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QObject, Signal

from plan_desktop.services.records import Change, RecordService


class ChangeBridge(QObject):
    """Emits ``changed(form_id, record_ids, action)`` for every write the service makes."""

    changed = Signal(str, list, str)

    def __init__(self, service: RecordService, parent: QObject | None = None):
        super().__init__(parent)
        self.service = service
        self._unsubscribe = service.subscribe(self._on_change)
        self.destroyed.connect(lambda *_: None)

    def _on_change(self, change: Change) -> None:
        self.changed.emit(change.form_id, list(change.record_ids), change.action)

    def close(self) -> None:
        if self._unsubscribe is not None:
            with contextlib.suppress(ValueError):
                self._unsubscribe()
            self._unsubscribe = None
