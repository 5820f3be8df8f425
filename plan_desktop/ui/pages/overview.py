"""Tổng quan: the plan's indicators beside their targets, counts for the period, exports, child units."""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from plan_desktop.domain.periods import Period
from plan_desktop.domain.text import format_int_vi, format_percent_vi
from plan_desktop.services import overview, reporting
from plan_desktop.ui.context import AppContext
from plan_desktop.ui.pages.base import Page
from plan_desktop.ui.pages.overview_charts import OverviewCharts

log = logging.getLogger(__name__)

GREEN = "#2e7d32"
GREY = "#757575"
AMBER = "#b26a00"


def _lower_first(text: str) -> str:
    """«Quý III năm 2019» → «quý III năm 2019» (the Roman numeral keeps its case)."""
    return text[:1].lower() + text[1:]


def _clear(layout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        w = item.widget()
        if w is not None:
            w.hide()
            w.setParent(None)
            w.deleteLater()
        elif item.layout() is not None:
            _clear(item.layout())


def _bold(label: QLabel, scale: float = 1.0) -> QLabel:
    f = label.font()
    f.setBold(True)
    f.setPointSizeF(f.pointSizeF() * scale)
    label.setFont(f)
    return label


class OverviewPage(Page):
    key = "overview"
    help_section = "tong-quan"
    open_page = Signal(str)  # a page key: the main window switches to it

    def __init__(self, ctx: AppContext):
        super().__init__(ctx)
        self._dirty = True
        #: at a district or province: the unit below whose figures are shown (its box was clicked), else None
        self.viewing: str | None = None
        self._no_data = False
        self._indicators: list = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self.refresh)

        self.heading = _bold(QLabel(), 1.35)
        self.subheading = QLabel()
        self.subheading.setObjectName("subheading")
        self.period_combo = QComboBox()
        self.period_combo.setObjectName("overview_period")
        for p in ctx.period_choices()[1:]:
            self.period_combo.addItem(ctx.period_label(p), str(p))
        current = overview.current_period(ctx.inst, ctx.today())
        self.period_combo.setCurrentIndex(max(self.period_combo.findData(str(current)), 0))
        self.period_combo.currentIndexChanged.connect(lambda *_: self.refresh())
        period_label = QLabel(self.tr("&Kỳ:"))
        period_label.setBuddy(self.period_combo)
        self.back_button = QPushButton()
        self.back_button.setObjectName("overview_back")
        self.back_button.setVisible(False)
        self.back_button.clicked.connect(lambda: self.show_unit(None))
        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.heading)
        titles.addWidget(self.subheading)
        head.addLayout(titles, 1)
        head.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(period_label)
        head.addWidget(self.period_combo)

        self.indicators_box = QGroupBox(self.tr("Chỉ tiêu kế hoạch"))
        self.indicators_box.setObjectName("indicators")
        box_lay = QVBoxLayout(self.indicators_box)
        self.no_data_label = QLabel()
        self.no_data_label.setObjectName("overview_no_data")
        self.no_data_label.setWordWrap(True)
        self.no_data_label.setStyleSheet("background:#fff8e1; border:1px solid #ffe082; border-radius:3px; "
                                         "padding:6px;")
        self.no_data_label.setVisible(False)
        box_lay.addWidget(self.no_data_label)
        self.indicators_grid = QGridLayout()
        box_lay.addLayout(self.indicators_grid)
        self.indicators_grid.setColumnStretch(0, 3)
        self.indicators_grid.setColumnStretch(1, 2)
        self.indicators_grid.setHorizontalSpacing(10)

        self.counts_box = QGroupBox()
        self.counts_box.setObjectName("counts")
        self.counts_grid = QGridLayout(self.counts_box)
        self.counts_grid.setColumnStretch(0, 1)

        self.units_box = QGroupBox()
        self.units_box.setObjectName("units")
        self.units_grid = QGridLayout(self.units_box)
        self.units_box.setVisible(not ctx.is_commune)

        self.charts = OverviewCharts(ctx)
        right = QVBoxLayout()
        right.addWidget(self.counts_box)
        right.addWidget(self.units_box)
        right.addStretch(1)
        cols = QHBoxLayout()
        cols.addWidget(self.indicators_box, 1)  # the indicators take the room; the counts what they need
        cols.addLayout(right, 0)

        body = QWidget()
        lay = QVBoxLayout(body)
        lay.setContentsMargins(12, 8, 12, 8)
        lay.addLayout(head)
        lay.addLayout(cols)
        lay.addWidget(self.charts)
        lay.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        ctx.bridge.changed.connect(self._on_change)
        # the indicators are computed when the page is first shown, not while the window is being built:
        # the window appears at once and fills in a moment later
        self._dirty = True

    def title(self) -> str:
        return self.tr("Tổng quan")

    def activated(self) -> None:
        if not self._dirty:
            return
        if self.isVisible():
            self.refresh()
        # else: the window is still being built; showEvent fills the page right after it appears

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            QTimer.singleShot(0, self._refresh_if_dirty)

    def _refresh_if_dirty(self) -> None:
        if self._dirty and self.isVisible() and not getattr(self, "_closed", False):
            self.refresh()

    def shutdown(self) -> None:
        self._timer.stop()
        self._closed = True

    def _on_change(self, *_: object) -> None:
        if getattr(self, "_closed", False):
            return
        self._dirty = True
        if self.isVisible():
            self._timer.start()

    def period(self) -> Period:
        return Period.parse(self.period_combo.currentData())

    def show_unit(self, code: str | None) -> None:
        """At a district or province: show the figures of the unit below ``code`` (None: back to one's own)."""
        self.viewing = code
        self.refresh()

    def _unit(self) -> str | None:
        """The unit whose figures are shown, for the queries (None: everything in the store)."""
        if self.viewing:
            return self.viewing
        return self.ctx.inst.unit_code if self.ctx.is_commune else None

    # -- content ---------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self._dirty = False
        inst = self.ctx.inst
        period = self.period()
        viewed = inst.units.get(self.viewing, inst.period_bounds(period)[1]) if self.viewing else None
        self.heading.setText(self.tr("Tổng quan — {unit}").format(unit=(viewed or inst.unit()).name))
        self.back_button.setVisible(viewed is not None)
        self.back_button.setText(self.tr("← Về {unit}").format(unit=inst.unit().name))
        self._no_data = not overview.has_records(inst, period.year, self._unit())
        exported = overview.last_export_at(inst)
        if exported:
            try:
                when = datetime.fromisoformat(exported.replace("Z", "+00:00")).astimezone()
                exported_text = when.strftime("%d/%m/%Y %H:%M")
            except ValueError:
                exported_text = exported
        else:
            exported_text = self.tr("chưa có")
        self.subheading.setText(self.tr("Năm làm việc {year} · Lần xuất dữ liệu gần nhất: {when} · "
                                        "Bản ghi chưa xuất: {n}").format(
            year=inst.working_year, when=exported_text, n=format_int_vi(overview.unexported_count(inst))))
        self._fill_indicators(period)
        self._fill_counts(period)
        if not self.ctx.is_commune:
            self._fill_units(period)
        self.units_box.setVisible(not self.ctx.is_commune and self.viewing is None)
        self.charts.fill(period.year, self._unit(), self._indicators, no_data=self._no_data)

    def _fill_indicators(self, period: Period) -> None:
        grid = self.indicators_grid
        _clear(grid)
        year = period.year
        label = self.ctx.period_label(period)
        self.indicators_box.setTitle(self.tr("Chỉ tiêu kế hoạch {period} (Kế hoạch 1295/KH-UBND)").format(
            period=_lower_first(label) if self.ctx.lang == "vi" else label))
        self._indicators = []
        self.no_data_label.setVisible(self._no_data)
        if self._no_data:
            first = next(iter(self.ctx.inst.store.forms.values()))
            hint = (self.tr("Chưa có số liệu năm {year}. Nhập hoạt động ở trang «{form}» (Ctrl+2, rồi Thêm mới "
                            "Ctrl+N) — các chỉ tiêu sẽ được tính khi có số liệu.")
                    if self.ctx.is_commune or self.viewing else
                    self.tr("Chưa có số liệu năm {year}. Nhận gói dữ liệu của các đơn vị cấp dưới ở trang «Trao đổi "
                            "dữ liệu (USB)», hoặc nhập số liệu của đơn vị mình ở trang «{form}»."))
            self.no_data_label.setText(hint.format(year=year, form=first.label_for(self.ctx.lang)))
        try:
            # the period's own figures, as its report shows them (a quarter: what is dated inside it)
            values = reporting.indicators(self.ctx.inst, period.year, self.viewing, period=period)
            self._indicators = values
        except Exception:  # the overview must open even if one indicator cannot be computed
            log.exception("indicators for %s failed", period)
            note = QLabel(self.tr("Không tính được các chỉ tiêu (chi tiết trong tệp nhật ký)."))
            note.setWordWrap(True)
            grid.addWidget(note, 0, 0, 1, 3)
            return
        for row, iv in enumerate(values):
            label = QLabel(iv.label_for(self.ctx.lang))
            label.setWordWrap(True)
            label.setObjectName(f"indicator_{iv.id}")
            if getattr(iv, "detail", ""):
                label.setToolTip(iv.detail)
            bar = QProgressBar()
            bar.setObjectName(f"indicator_bar_{iv.id}")
            bar.setTextVisible(True)
            bar.setMinimumWidth(140)
            bar.setMaximumHeight(22)
            no_data = self._no_data or getattr(iv, "status", None) == "no_data"
            value_text, fraction = self._indicator_value(iv)
            if no_data and getattr(iv, "applicable", True):
                value_text, fraction = self.tr("chưa có số liệu"), 0.0
            bar.setRange(0, 1000)
            bar.setValue(round(min(max(fraction, 0.0), 1.0) * 1000))
            bar.setFormat(value_text)
            if not getattr(iv, "applicable", True):  # the badge says «Không áp dụng»; the bar says at which level
                bar.setToolTip(self.tr("Chỉ tiêu này không áp dụng cho cấp xã."))
            met = None if no_data else iv.met
            color = GREEN if met else (GREY if met is None else AMBER)
            bar.setStyleSheet(f"QProgressBar {{ border: 1px solid #bdbdbd; border-radius: 3px; text-align: center; }}"
                              f"QProgressBar::chunk {{ background: {color}; }}")
            target = QLabel(self.tr("Mục tiêu: {target}").format(target=iv.target_text_for(self.ctx.lang) or "—"))
            target.setWordWrap(True)
            target.setStyleSheet("color:#5f6368")
            shown = "no_data" if no_data and getattr(iv, "applicable", True) else getattr(iv, "status", "")
            status = {"met": self.tr("Đạt"), "not_met": self.tr("Chưa đạt"),
                      "no_target": self.tr("Không có mục tiêu trong năm"), "not_applicable": self.tr("Không áp dụng"),
                      "no_data": self.tr("Chưa có số liệu")}
            badge = QLabel(status.get(shown, "—"))
            badge.setWordWrap(True)
            badge.setObjectName(f"indicator_met_{iv.id}")
            badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
            badge.setMinimumWidth(70)
            badge.setStyleSheet(f"color:white; background:{color}; border-radius:3px; padding:2px 6px;")
            cell = QVBoxLayout()
            cell.setSpacing(1)
            cell.addWidget(bar)
            cell.addWidget(target)
            grid.addWidget(label, row, 0)
            grid.addLayout(cell, row, 1)
            grid.addWidget(badge, row, 2, Qt.AlignmentFlag.AlignTop)
        if not values:
            grid.addWidget(QLabel(self.tr("Chưa có chỉ tiêu nào cho năm này.")), 0, 0)

    def _indicator_value(self, iv) -> tuple[str, float]:
        v = iv.value
        if v is None and not iv.applicable:
            return "—", 0.0  # a short mark: the whole phrase did not fit the bar at 1024 px
        if v is None:
            return self.tr("chưa có dữ liệu"), 0.0
        unit = getattr(iv, "unit", "percent")
        if unit == "percent":
            return format_percent_vi(v, 0), v / 100
        if unit == "months":
            months = int(iv.denominator or 12)
            return self.tr("{n}/{m} tháng").format(n=int(v), m=months), v / months
        target = getattr(iv, "target", None)
        if isinstance(target, list | tuple) and target:
            target = target[-1]
        top = float(target) if isinstance(target, int | float) and target else max(float(v), 3.0)
        return format_int_vi(int(v)), float(v) / top

    def _fill_counts(self, period: Period) -> None:
        grid = self.counts_grid
        _clear(grid)
        label = self.ctx.period_label(period)
        self.counts_box.setTitle(self.tr("Số bản ghi {period}").format(
            period=_lower_first(label) if self.ctx.lang == "vi" else label))
        counts = overview.counts_by_form(self.ctx.inst, period, self._unit())
        for row, form in enumerate(self.ctx.inst.store.forms.values()):
            link = QPushButton(form.label_for(self.ctx.lang))
            link.setObjectName(f"count_link_{form.id}")
            link.setFlat(True)
            link.setStyleSheet("text-align:left; padding:2px 4px;")
            link.setCursor(Qt.CursorShape.PointingHandCursor)
            link.setToolTip(self.tr("Mở danh sách"))
            link.clicked.connect(lambda _=False, k=f"form:{form.id}": self.open_page.emit(k))
            n = QLabel(format_int_vi(counts.get(form.id, 0)))
            n.setObjectName(f"count_{form.id}")
            n.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            _bold(n)
            grid.addWidget(link, row, 0)
            grid.addWidget(n, row, 1)

    def _fill_units(self, period: Period) -> None:
        grid = self.units_grid
        _clear(grid)
        have = overview.units_with_data(self.ctx.inst, period)
        on = self.ctx.inst.period_bounds(period)[1]
        children = {u.code: u for u in self.ctx.inst.child_units(on)}
        n_yes = sum(1 for v in have.values() if v)
        self.units_box.setTitle(self.tr("Đơn vị cấp dưới có dữ liệu: {n}/{total}").format(n=n_yes, total=len(have)))
        cols = 2
        for i, (code, ok) in enumerate(have.items()):
            unit = children.get(code)
            chip = QPushButton(unit.name if unit else code)
            chip.setObjectName(f"unit_{code}")
            chip.setProperty("has_data", ok)
            chip.setCursor(Qt.CursorShape.PointingHandCursor)
            chip.setToolTip((self.tr("Đã có dữ liệu trong kỳ") if ok else self.tr("Chưa có dữ liệu trong kỳ"))
                            + " — " + self.tr("nhấp để xem số liệu của đơn vị này"))
            chip.clicked.connect(lambda _=False, c=code: self.show_unit(c))
            bg = GREEN if ok else GREY
            chip.setStyleSheet(f"QPushButton {{ color:white; background:{bg}; border:none; border-radius:3px; "
                               f"padding:3px 6px; text-align:left; }}")
            grid.addWidget(chip, i // cols, i % cols)
