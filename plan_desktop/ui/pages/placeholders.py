"""The Báo cáo and Trao đổi dữ liệu (USB) entries of the navigation pane.

Each hosts a self-contained widget written elsewhere (``report_page.ReportPage``,
``exchange_page.ExchangePage``), built the first time the page is shown so that the window opens
fast. While such a widget is not there (or cannot be built), the page says in Vietnamese that the
function is coming.
"""

from __future__ import annotations

import importlib
import logging
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from plan_desktop.ui.pages.base import Page

log = logging.getLogger(__name__)


class _HostPage(Page):
    """A navigation entry that hosts a widget module, or a "coming soon" note."""

    status_message = Signal(str)
    module = ""
    class_name = ""

    def __init__(self, ctx):
        super().__init__(ctx)
        self.inner: QWidget | None = None
        self._lay = QVBoxLayout(self)
        self._lay.setContentsMargins(0, 0, 0, 0)
        self._note: QWidget | None = None

    def _coming_soon(self, heading: str, body: str) -> None:
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(32, 24, 32, 24)
        h = QLabel(heading)
        f = h.font()
        f.setPointSizeF(f.pointSizeF() * 1.5)
        f.setBold(True)
        h.setFont(f)
        text = QLabel(body)
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setObjectName("coming_soon")
        lay.addWidget(h)
        lay.addWidget(text)
        lay.addStretch(1)
        self._lay.addWidget(box)
        self._note = box

    def build_inner(self) -> QWidget | None:
        """The hosted widget, or None when its module is not there."""
        try:
            mod = importlib.import_module(self.module)
        except ImportError:
            return None
        cls = getattr(mod, self.class_name, None)
        return None if cls is None else self.make(cls)

    def make(self, cls) -> QWidget:
        raise NotImplementedError

    def activated(self) -> None:
        if self.inner is not None or self._note is not None:
            return
        try:
            self.inner = self.build_inner()
        except Exception:  # a page that cannot be built must not take the window down
            log.exception("cannot build %s.%s", self.module, self.class_name)
            self.inner = None
        if self.inner is None:
            self.show_coming_soon()
        else:
            self._lay.addWidget(self.inner)
            self.connect_inner(self.inner)

    def show_coming_soon(self) -> None:
        raise NotImplementedError

    def connect_inner(self, inner: QWidget) -> None:
        """Wire the hosted widget's signals to the window."""

    def shutdown(self) -> None:
        if self.inner is not None and hasattr(self.inner, "shutdown"):
            try:
                self.inner.shutdown()
            except Exception:
                log.exception("shutdown of %s failed", self.class_name)


class ReportsPage(_HostPage):
    key = "reports"
    help_section = "bao-cao"
    module = "plan_desktop.ui.pages.report_page"
    class_name = "ReportPage"

    def title(self) -> str:
        return self.tr("Báo cáo")

    def make(self, cls) -> QWidget:
        return cls(self.ctx.inst, self, today=self.ctx.today(), actor=self.ctx.service.actor,
                   period_label=self.ctx.period_label)

    def connect_inner(self, inner: QWidget) -> None:
        if hasattr(inner, "pdf_saved"):
            inner.pdf_saved.connect(lambda path: self.status_message.emit(self.tr("Đã lưu báo cáo: {path}")
                                                                           .format(path=path)))
        if hasattr(inner, "signed"):
            inner.signed.connect(lambda path: self.status_message.emit(self.tr("Đã ký số báo cáo: {path}")
                                                                        .format(path=path)))

    def show_coming_soon(self) -> None:
        self._coming_soon(self.title(), self.tr(
            "Chức năng lập báo cáo định kỳ (6 tháng, năm) theo Kế hoạch 1295/KH-UBND đang được hoàn thiện "
            "và sẽ có trong phiên bản tới.<br><br>Trong lúc chờ, anh/chị vẫn nhập dữ liệu bình thường ở các "
            "trang bên trái; báo cáo sẽ được lập từ chính dữ liệu đó."))


class ExchangePage(_HostPage):
    key = "exchange"
    help_section = "gui"
    module = "plan_desktop.ui.pages.exchange_page"
    class_name = "ExchangePage"
    #: the status bar counts records not exported yet; the window refreshes it on this
    exported = Signal()

    def title(self) -> str:
        return self.tr("Trao đổi dữ liệu (USB)")

    def make(self, cls) -> QWidget:
        return cls(self.ctx.inst, self, service=self.ctx.service)

    def connect_inner(self, inner: QWidget) -> None:
        if hasattr(inner, "exported"):
            inner.exported.connect(lambda path: (self.exported.emit(), self.status_message.emit(
                self.tr("Đã xuất dữ liệu: {name}").format(name=Path(path).name))))
        if hasattr(inner, "imported"):
            inner.imported.connect(lambda forms: self.exported.emit())

    def show_coming_soon(self) -> None:
        self._coming_soon(self.title(), self.tr(
            "Chức năng xuất dữ liệu ra USB để gửi cấp trên và nhận dữ liệu từ cấp dưới đang được hoàn thiện "
            "và sẽ có trong phiên bản tới."))
