"""Small widgets shared by several pages."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLayout, QLayoutItem, QTableWidget, QWidget


def list_table(headers: Sequence[str], *, single: bool = True, object_name: str = "") -> QTableWidget:
    """A read-only table of whole rows (a list of things to pick from), columns fitted to their text and
    the last one stretched."""
    t = QTableWidget(0, len(headers))
    if object_name:
        t.setObjectName(object_name)
    t.setHorizontalHeaderLabels(list(headers))
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if single:
        t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.verticalHeader().hide()
    header = t.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return t


class FlowLayout(QLayout):
    """A toolbar row that wraps onto a second line when the window is too narrow (Qt's flow layout
    example): buttons stay visible at 1024×768 instead of widening the window. A widget added with
    ``stretch=True`` (a search box) takes the rest of its line, at least its minimum width."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._stretch: set[int] = set()
        self.setContentsMargins(0, 0, 0, 0)
        self.setSpacing(spacing)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def addWidget(self, w: QWidget, stretch: bool = False) -> None:
        super().addWidget(w)
        if stretch:
            self._stretch.add(id(self._items[-1]))

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, i: int) -> QLayoutItem | None:
        return self._items[i] if 0 <= i < len(self._items) else None

    def takeAt(self, i: int) -> QLayoutItem | None:
        return self._items.pop(i) if 0 <= i < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        w = sum(i.sizeHint().width() for i in self._visible()) + self.spacing() * max(len(self._visible()) - 1, 0)
        h = max((i.sizeHint().height() for i in self._visible()), default=0)
        return QSize(w, h)

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _visible(self) -> list[QLayoutItem]:
        return [i for i in self._items if not (i.widget() is not None and i.widget().isHidden())]

    def _place(self, rect: QRect, move: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        gap = self.spacing()
        lines: list[list[QLayoutItem]] = [[]]
        x = 0
        for item in self._visible():
            w = item.minimumSize().width() if id(item) in self._stretch else item.sizeHint().width()
            if lines[-1] and x + w > area.width():
                lines.append([])
                x = 0
            lines[-1].append(item)
            x += w + gap
        y = area.y()
        for line in lines:
            height = max((i.sizeHint().height() for i in line), default=0)
            widths = [i.sizeHint().width() for i in line]
            used = sum(widths) + gap * max(len(line) - 1, 0)
            spare = area.width() - used
            for k, item in enumerate(line):
                if id(item) in self._stretch:
                    widths[k] = max(item.minimumSize().width(), widths[k] + spare)
                    widths[k] = min(widths[k], area.width())
                    spare = 0
            x = area.x()
            for item, w in zip(line, widths, strict=True):
                if move:
                    h = item.sizeHint().height()
                    item.setGeometry(QRect(QPoint(x, y + (height - h) // 2), QSize(w, h)))
                x += w + gap
            y += height + gap
        return y - gap - area.y() + m.top() + m.bottom()
