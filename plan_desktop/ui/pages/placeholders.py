"""Pages another part of the program will fill: reports and the USB exchange."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout

from plan_desktop.ui.pages.base import Page


class _ComingSoon(Page):
    def _build(self, heading: str, body: str) -> None:
        lay = QVBoxLayout(self)
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


class ReportsPage(_ComingSoon):
    key = "reports"

    def __init__(self, ctx):
        super().__init__(ctx)
        self._build(self.title(), self.tr(
            "Chức năng lập báo cáo định kỳ (6 tháng, năm) theo Kế hoạch 1295/KH-UBND đang được hoàn thiện "
            "và sẽ có trong phiên bản tới.<br><br>Trong lúc chờ, anh/chị vẫn nhập dữ liệu bình thường ở các "
            "trang bên trái; báo cáo sẽ được lập từ chính dữ liệu đó."))

    def title(self) -> str:
        return self.tr("Báo cáo")


class ExchangePage(_ComingSoon):
    key = "exchange"

    def __init__(self, ctx):
        super().__init__(ctx)
        self._build(self.title(), self.tr(
            "Chức năng xuất dữ liệu ra USB để gửi cấp trên và nhận dữ liệu từ cấp dưới đang được hoàn thiện "
            "và sẽ có trong phiên bản tới."))

    def title(self) -> str:
        return self.tr("Trao đổi dữ liệu (USB)")
