"""The Báo cáo and Trao đổi dữ liệu (USB) entries of the navigation pane.

Each hosts a self-contained widget written elsewhere (``report_page.ReportPage``,
``exchange_page.ExchangePage``), built the first time the page is shown so that the window opens
fast. When building it fails (a damaged file, a bug), the page says so in the officer's words, points at
the log, and offers to try again; the rest of the window keeps working.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from plan_desktop.errors import user_message
from plan_desktop.logs import log_file_path
from plan_desktop.ui.pages.base import Page

log = logging.getLogger(__name__)


class _HostPage(Page):
    """A navigation entry that hosts a widget made on first show, or says why it could not be made."""

    status_message = Signal(str)

    def __init__(self, ctx):
        super().__init__(ctx)
        self.inner: QWidget | None = None
        self._lay = QVBoxLayout(self)
        self._lay.setContentsMargins(0, 0, 0, 0)
        self._note: QWidget | None = None

    def _failed(self, exc: Exception) -> None:
        box = QWidget()
        box.setObjectName("page_failed")
        lay = QVBoxLayout(box)
        lay.setContentsMargins(32, 24, 32, 24)
        reason = user_message(exc, self.ctx.lang)
        if reason is None:
            where = log_file_path()
            reason = self.tr("Lỗi không mong đợi; chi tiết được ghi trong tệp nhật ký {path}.").format(
                path=where or self.tr("(không ghi được tệp nhật ký)"))
        text = QLabel(self.tr("Không mở được trang «{page}».").format(page=self.title()) + "<br><br>" + reason)
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setObjectName("page_failed_reason")
        retry = QPushButton(self.tr("Thử lại"))
        retry.setObjectName("page_retry")
        retry.clicked.connect(self._retry)
        lay.addWidget(text)
        lay.addWidget(retry, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addStretch(1)
        self._lay.addWidget(box)
        self._note = box

    def _retry(self) -> None:
        if self._note is not None:
            self._note.setParent(None)
            self._note.deleteLater()
            self._note = None
        self.activated()

    def widget_class(self) -> type[QWidget]:
        """The hosted widget's class, imported on first show (keeps its module off the start path)."""
        raise NotImplementedError

    def make(self, cls) -> QWidget:
        raise NotImplementedError

    def activated(self) -> None:
        if self.inner is not None or self._note is not None:
            return
        try:
            self.inner = self.make(self.widget_class())
        except Exception as exc:  # a page that cannot be built must not take the window down
            log.exception("cannot build the page %s", self.key)
            self.inner = None
            self._failed(exc)
            return
        self._lay.addWidget(self.inner)
        self.connect_inner(self.inner)

    def connect_inner(self, inner: QWidget) -> None:
        """Wire the hosted widget's signals to the window."""

    def shutdown(self) -> None:
        if self.inner is not None and hasattr(self.inner, "shutdown"):
            try:
                self.inner.shutdown()
            except Exception:
                log.exception("shutdown of the page %s failed", self.key)


class ReportsPage(_HostPage):
    key = "reports"
    help_section = "bao-cao"

    def title(self) -> str:
        return self.tr("Báo cáo")

    def widget_class(self) -> type[QWidget]:
        from plan_desktop.ui.pages import report_page

        return report_page.ReportPage

    def make(self, cls) -> QWidget:
        return cls(self.ctx.inst, self, today=self.ctx.today(), actor=self.ctx.service.actor,
                   period_label=self.ctx.period_label)

    def connect_inner(self, inner: QWidget) -> None:
        if hasattr(inner, "pdf_saved"):
            inner.pdf_saved.connect(lambda path: self.status_message.emit(self.tr("Đã lưu báo cáo: {name}")
                                                                           .format(name=Path(path).name)))
        if hasattr(inner, "signed"):
            inner.signed.connect(lambda path: self.status_message.emit(self.tr("Đã ký số báo cáo: {name}")
                                                                        .format(name=Path(path).name)))



class ExchangePage(_HostPage):
    key = "exchange"
    help_section = "gui"
    #: the status bar counts records not exported yet; the window refreshes it on this
    exported = Signal()

    def title(self) -> str:
        return self.tr("Trao đổi dữ liệu (USB)")

    def widget_class(self) -> type[QWidget]:
        from plan_desktop.ui.pages import exchange_page

        return exchange_page.ExchangePage

    def make(self, cls) -> QWidget:
        return cls(self.ctx.inst, self, service=self.ctx.service)

    def connect_inner(self, inner: QWidget) -> None:
        if hasattr(inner, "exported"):
            inner.exported.connect(lambda path: (self.exported.emit(), self.status_message.emit(
                self.tr("Đã xuất dữ liệu: {name}").format(name=Path(path).name))))
        if hasattr(inner, "imported"):
            inner.imported.connect(lambda forms: self.exported.emit())
