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
    open_page = Signal(str)  # a page key: the main window switches to it

    def __init__(self, ctx: AppContext):
        super().__init__(ctx)
        self._dirty = True
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
        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.heading)
        titles.addWidget(self.subheading)
        head.addLayout(titles, 1)
        head.addWidget(period_label)
        head.addWidget(self.period_combo)

        self.indicators_box = QGroupBox(self.tr("Chỉ tiêu kế hoạch"))
        self.indicators_box.setObjectName("indicators")
        self.indicators_grid = QGridLayout(self.indicators_box)
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

        right = QVBoxLayout()
        right.addWidget(self.counts_box)
        right.addWidget(self.units_box)
        right.addStretch(1)
        cols = QHBoxLayout()
        cols.addWidget(self.indicators_box, 3)
        cols.addLayout(right, 2)

        body = QWidget()
        lay = QVBoxLayout(body)
        lay.setContentsMargins(12, 8, 12, 8)
        lay.addLayout(head)
        lay.addLayout(cols)
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

    # -- content ---------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self._dirty = False
        inst = self.ctx.inst
        period = self.period()
        self.heading.setText(self.tr("Tổng quan — {unit}").format(unit=inst.unit().name))
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

    def _fill_indicators(self, period: Period) -> None:
        grid = self.indicators_grid
        _clear(grid)
        label = self.ctx.period_label(period)
        self.indicators_box.setTitle(self.tr("Chỉ tiêu kế hoạch {period} (Kế hoạch 1295/KH-UBND)").format(
            period=_lower_first(label) if self.ctx.lang == "vi" else label))
        try:
            # the period's own figures, as its report shows them (a quarter: what is dated inside it)
            values = reporting.indicators(self.ctx.inst, period.year, period=period)
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
            value_text, fraction = self._indicator_value(iv)
            bar.setRange(0, 1000)
            bar.setValue(round(min(max(fraction, 0.0), 1.0) * 1000))
            bar.setFormat(value_text)
            color = GREEN if iv.met else (GREY if iv.met is None else AMBER)
            bar.setStyleSheet(f"QProgressBar {{ border: 1px solid #bdbdbd; border-radius: 3px; text-align: center; }}"
                              f"QProgressBar::chunk {{ background: {color}; }}")
            target = QLabel(self.tr("Mục tiêu: {target}").format(target=iv.target_text_for(self.ctx.lang) or "—"))
            target.setWordWrap(True)
            target.setStyleSheet("color:#5f6368")
            status = {"met": self.tr("Đạt"), "not_met": self.tr("Chưa đạt"),
                      "no_target": self.tr("Không có mục tiêu trong năm"), "not_applicable": self.tr("Không áp dụng"),
                      "no_data": self.tr("Chưa có số liệu")}
            badge = QLabel(status.get(getattr(iv, "status", ""), "—"))
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
            return self.tr("không áp dụng cho cấp xã"), 0.0
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
        unit = self.ctx.inst.unit_code if self.ctx.is_commune else None
        counts = overview.counts_by_form(self.ctx.inst, period, unit)
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
            chip = QLabel(unit.name if unit else code)
            chip.setObjectName(f"unit_{code}")
            chip.setProperty("has_data", ok)
            chip.setToolTip(self.tr("Đã có dữ liệu trong kỳ") if ok else self.tr("Chưa có dữ liệu trong kỳ"))
            bg = GREEN if ok else GREY
            chip.setStyleSheet(f"color:white; background:{bg}; border-radius:3px; padding:2px 6px;")
            grid.addWidget(chip, i // cols, i % cols)
