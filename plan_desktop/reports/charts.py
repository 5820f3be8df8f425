"""Charts drawn with reportlab's own graphics (vector, embedded fonts): activities by month and the
plan indicators against their targets."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics import shapes
from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from plan_desktop.reports.indicators import IndicatorValue
from plan_desktop.reports.layout import FONT, FONT_BOLD, register_fonts

# The renderer starts every drawing in its default font (Helvetica, not embedded); start in ours.
shapes.STATE_DEFAULTS["fontName"] = FONT

BAR = colors.HexColor("#1f4e79")
TARGET = colors.HexColor("#bfbfbf")


def _nice_max(v: float) -> float:
    if v <= 5:
        return 5
    for step in (10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if v <= step * 5:
            return step * -(-v // step)
    return v * 1.1


def monthly_chart(monthly: Sequence[tuple[str, int]], width: float, title: str) -> Drawing:
    """Vertical bars: communication activities per month of the period."""
    register_fonts()
    h = 165.0
    d = Drawing(width, h)
    d.add(String(width / 2, h - 12, title, fontName=FONT_BOLD, fontSize=11, textAnchor="middle"))
    c = VerticalBarChart()
    c.x, c.y, c.width, c.height = 40, 28, width - 60, h - 58
    values = [v for _, v in monthly] or [0]
    c.data = [values]
    c.categoryAxis.categoryNames = [m for m, _ in monthly] or [""]
    c.categoryAxis.labels.fontName = FONT
    c.categoryAxis.labels.fontSize = 9
    c.valueAxis.labels.fontName = FONT
    c.valueAxis.labels.fontSize = 9
    c.valueAxis.valueMin = 0
    top = _nice_max(max(values))
    c.valueAxis.valueMax = top
    c.valueAxis.valueStep = max(1, top / 5)
    c.valueAxis.labelTextFormat = lambda v: f"{int(v):,}".replace(",", ".")
    c.bars[0].fillColor = BAR
    c.bars[0].strokeColor = None
    c.barLabels.fontName = FONT
    c.barLabels.fontSize = 8
    c.barLabelFormat = lambda v: f"{int(v)}" if v else ""
    c.barLabels.nudge = 6
    d.add(c)
    return d


def indicators_chart(indicators: Sequence[IndicatorValue], width: float, title: str) -> Drawing:
    """Horizontal bars: each percentage indicator's value against its target of the year."""
    register_fonts()
    items = [i for i in indicators if i.unit == "percent" and i.value is not None]  # not applicable: left out
    labels = [i.short_label or i.id for i in items]
    values = [max(0.0, min(100.0, i.value)) if i.value is not None else 0.0 for i in items]
    targets = []
    for i in items:
        t = i.target
        targets.append(float(t[0] if isinstance(t, list) else t) if t is not None else 0.0)
    row_h = 22
    h = 60 + row_h * len(items)
    d = Drawing(width, h)
    d.add(String(width / 2, h - 12, title, fontName=FONT_BOLD, fontSize=11, textAnchor="middle"))
    c = HorizontalBarChart()
    label_w = 150
    c.x, c.y, c.width, c.height = label_w, 36, width - label_w - 20, row_h * len(items)
    # bottom-up order so that the first indicator is at the top
    c.data = [list(reversed(targets)), list(reversed(values))]
    c.categoryAxis.categoryNames = list(reversed(labels))
    c.categoryAxis.labels.fontName = FONT
    c.categoryAxis.labels.fontSize = 9
    c.categoryAxis.labels.boxAnchor = "e"
    c.categoryAxis.labels.dx = -4
    c.valueAxis.valueMin = 0
    c.valueAxis.valueMax = 100
    c.valueAxis.valueStep = 20
    c.valueAxis.labels.fontName = FONT
    c.valueAxis.labels.fontSize = 9
    c.valueAxis.labelTextFormat = "%d %%"
    c.bars[0].fillColor = TARGET
    c.bars[1].fillColor = BAR
    c.bars.strokeColor = None
    c.groupSpacing = 5
    c.barSpacing = 1
    d.add(c)
    legend = Legend()
    legend.x, legend.y = label_w, 14
    legend.fontName = FONT
    legend.fontSize = 9
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 90
    legend.colorNamePairs = [(BAR, "Kết quả"), (TARGET, "Mục tiêu năm (để trống: chưa đặt)")]
    d.add(legend)
    return d
