"""Small widgets shared by several pages."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget


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
