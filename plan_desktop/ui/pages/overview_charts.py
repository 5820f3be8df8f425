"""The overview's two charts (QtCharts, in PySide6-Addons): the plan's percentage indicators against their
targets, and the records of each kind of activity month by month."""

from __future__ import annotations

from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QWidget

from plan_desktop.services import overview
from plan_desktop.ui.context import AppContext

try:  # QtCharts comes with PySide6-Addons; without it the overview shows no charts
    from PySide6.QtCharts import (
        QBarCategoryAxis,
        QBarSet,
        QChart,
        QChartView,
        QHorizontalBarSeries,
        QStackedBarSeries,
        QValueAxis,
    )

    HAVE_CHARTS = True
except ImportError:  # pragma: no cover - depends on the installed wheels
    HAVE_CHARTS = False

#: one colour per kind of activity (communication, training, inspection, case, support, plan documents)
PALETTE = ["#1565c0", "#2e7d32", "#b26a00", "#c62828", "#6a1b9a", "#00838f", "#5d4037"]
RESULT = "#1565c0"
TARGET = "#bdbdbd"


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    f = chart.titleFont()
    f.setBold(True)
    chart.setTitleFont(f)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setBackgroundRoundness(3)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


class OverviewCharts(QGroupBox):
    """Charts of the year shown by the overview (one unit, or the whole area at a district/province)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("overview_charts")
        self.setTitle(self.tr("Biểu đồ"))
        self.grid = QGridLayout(self)
        self.note = QLabel()
        self.note.setObjectName("charts_note")
        self.note.setWordWrap(True)
        self.grid.addWidget(self.note, 0, 0, 1, 2)
        self.indicator_view = self.month_view = None
        if HAVE_CHARTS:
            self.indicator_view = QChartView()
            self.indicator_view.setObjectName("chart_indicators")
            self.month_view = QChartView()
            self.month_view.setObjectName("chart_months")
            for col, view in enumerate((self.indicator_view, self.month_view)):
                view.setRenderHint(QPainter.RenderHint.Antialiasing)
                view.setMinimumHeight(280)
                view.setMinimumWidth(300)
                self.grid.addWidget(view, 1, col)
        else:  # pragma: no cover
            self.note.setText(self.tr("Cần thành phần QtCharts (gói PySide6-Addons) để vẽ biểu đồ."))
        #: what the charts show (for tests): {short label: (value, target)}, {form id: 12 counts}
        self.indicator_data: dict[str, tuple[float, float]] = {}
        self.month_data: dict[str, list[int]] = {}

    def fill(self, year: int, unit_code: str | None, indicators: list, *, no_data: bool) -> None:
        self.setTitle(self.tr("Biểu đồ năm {year}").format(year=year))
        self.month_data = overview.monthly_counts(self.ctx.inst, year, unit_code)
        self.indicator_data = {}
        if not no_data:
            for iv in indicators:
                target = iv.target[0] if isinstance(iv.target, list) and iv.target else iv.target
                if (iv.unit == "percent" and getattr(iv, "applicable", True) and iv.value is not None
                        and isinstance(target, int | float)):
                    label = iv.short_label or iv.label
                    self.indicator_data[label] = (float(iv.value), float(target))
        self.note.setVisible(no_data or not HAVE_CHARTS)
        if no_data:
            self.note.setText(self.tr("Chưa có số liệu năm {year} để vẽ biểu đồ.").format(year=year))
        if not HAVE_CHARTS:  # pragma: no cover
            return
        self.indicator_view.setVisible(not no_data)
        self.month_view.setVisible(not no_data)
        if no_data:
            return
        self.indicator_view.setChart(self._indicator_chart())
        self.month_view.setChart(self._month_chart())

    def _indicator_chart(self) -> QChart:
        chart = _chart(self.tr("Chỉ tiêu (%) so với mục tiêu"))
        labels = list(self.indicator_data)
        result = QBarSet(self.tr("Kết quả"))
        result.setColor(QColor(RESULT))
        target = QBarSet(self.tr("Mục tiêu"))
        target.setColor(QColor(TARGET))
        for label in labels:
            value, goal = self.indicator_data[label]
            result.append(min(value, 100.0))
            target.append(min(goal, 100.0))
        series = QHorizontalBarSeries()
        series.append(target)
        series.append(result)
        chart.addSeries(series)
        cats = QBarCategoryAxis()
        cats.append([self._short(x) for x in labels] or [""])
        values = QValueAxis()
        values.setRange(0, 100)
        values.setLabelFormat("%d%%")
        values.setTickCount(6)
        chart.addAxis(cats, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(cats)
        series.attachAxis(values)
        if not labels:
            chart.setTitle(self.tr("Chưa có chỉ tiêu tỉ lệ nào tính được"))
        return chart

    @staticmethod
    def _short(text: str, width: int = 28) -> str:
        return text if len(text) <= width else text[: width - 1] + "…"

    def _month_chart(self) -> QChart:
        chart = _chart(self.tr("Số bản ghi theo tháng"))
        series = QStackedBarSeries()
        top = 0
        forms = self.ctx.inst.store.forms
        totals = [0] * 12
        for i, (form_id, months) in enumerate(self.month_data.items()):
            if not any(months):
                continue
            s = QBarSet(forms[form_id].label_for(self.ctx.lang))
            s.setColor(QColor(PALETTE[i % len(PALETTE)]))
            s.append([float(n) for n in months])
            series.append(s)
            totals = [a + b for a, b in zip(totals, months, strict=True)]
        top = max(totals, default=0)
        chart.addSeries(series)
        cats = QBarCategoryAxis()
        cats.append([self.tr("T{m}").format(m=m) for m in range(1, 13)])
        step = max(1, -(-top // 5))  # whole numbers on the axis: at most five steps of a whole size
        values = QValueAxis()
        values.setRange(0, step * max(1, -(-top // step)))
        values.setLabelFormat("%d")
        values.setTickCount(max(1, -(-top // step)) + 1)
        chart.addAxis(cats, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(cats)
        series.attachAxis(values)
        return chart
