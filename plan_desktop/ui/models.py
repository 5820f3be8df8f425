"""A table model that pages through the store: smooth with 100,000 records.

The ids matching the list's query (period, search, order) are fetched once per reload; the rows
themselves are read in blocks of :attr:`RecordTableModel.BLOCK` ids when the view asks for them, and
a few blocks are kept in a small LRU cache. Numbers and dates sort in SQL; names and choice labels
sort with Vietnamese collation (``QCollator``) over their distinct values.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCollator,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from plan_desktop.domain.forms import FieldDef, FormDef
from plan_desktop.domain.units import UnitRegistry
from plan_desktop.store import Query, Store
from plan_desktop.ui.i18n import vi_locale

UNIT_COLUMN = "__unit__"
_COLLATED_TYPES = ("text", "choice", "choices")

_Index = QModelIndex | QPersistentModelIndex


def vietnamese_collator() -> QCollator:
    c = QCollator(vi_locale())
    c.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    c.setNumericMode(True)
    return c


def collation_ranks(values: set[str]) -> dict[str, int]:
    """Rank of each distinct string in Vietnamese order ("Ánh" before "Dương" before "Đặng")."""
    collator = vietnamese_collator()
    ordered = sorted(values, key=collator.sortKey)  # QCollatorSortKey compares with <
    return {v: i for i, v in enumerate(ordered)}


@dataclass(frozen=True)
class Column:
    key: str  # a field name or UNIT_COLUMN
    field: FieldDef | None

    @property
    def collated(self) -> bool:
        return self.field is None or self.field.type in _COLLATED_TYPES


@dataclass
class _Row:
    id: str
    unit_code: str
    values: dict[str, Any]
    display: list[str]


class RecordTableModel(QAbstractTableModel):
    SortRole = Qt.ItemDataRole.UserRole
    IdRole = Qt.ItemDataRole.UserRole + 1
    OwnRole = Qt.ItemDataRole.UserRole + 2

    BLOCK = 200
    CACHE_BLOCKS = 12

    def __init__(self, store: Store, form: FormDef, *, own_unit: str, units: UnitRegistry | None = None,
                 show_unit: bool = False, lang: str = "vi", on: date | None = None,
                 parent: QObject | None = None, load: bool = True):
        super().__init__(parent)
        self.store = store
        self.form = form
        self.own_unit = own_unit
        self.units = units
        self.lang = lang
        self.on = on
        self.columns: list[Column] = ([Column(UNIT_COLUMN, None)] if show_unit else []) + [
            Column(fd.name, fd) for fd in form.columns_for_list()
        ]
        self.query = Query()
        self.sort_column: int | None = None
        self.sort_order = Qt.SortOrder.AscendingOrder
        self._ids: list[str] = []
        self._blocks: OrderedDict[int, list[_Row | None]] = OrderedDict()
        self._ref_titles: dict[tuple[str, str], str] = {}
        self._unit_names: dict[str, str] = {}
        #: column key -> (id -> sort text, sort text -> rank); kept while the data does not change
        self._collation_cache: dict[str, tuple[dict[str, str], dict[str, int]]] = {}
        self.blocks_loaded = 0  # for tests: how many blocks were read from the store
        if load:
            self.reload()

    # -- query -----------------------------------------------------------------------------------------
    def set_filter(self, *, start: date | None = None, end: date | None = None, search: str = "") -> None:
        self.query = replace(self.query, start=start, end=end, search=search)
        self.reload(data_changed=False)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self.sort_column, self.sort_order = column, order
        self.reload(data_changed=False)

    def reload(self, data_changed: bool = True) -> None:
        """Fetch the ids again. ``data_changed=False`` (a new filter or order) keeps the collation cache."""
        if data_changed:
            self._collation_cache.clear()
        self.beginResetModel()
        self._ids = self._fetch_ids()
        self._blocks.clear()
        self._ref_titles.clear()
        self.endResetModel()

    def _fetch_ids(self) -> list[str]:
        q = self.query
        descending = self.sort_order == Qt.SortOrder.DescendingOrder
        if self.sort_column is None:
            return self.store.ids(self.form, replace(q, order_by=None, descending=False))
        col = self.columns[self.sort_column]
        if not col.collated:
            return self.store.ids(self.form, replace(q, order_by=col.key, descending=descending))
        # text-like: filter in SQL (in primary-key order: no sort there), rank by collation
        ids = self.store.ids(self.form, replace(q, order_by="id", descending=False))
        cached = self._collation_cache.get(col.key)
        if cached is None:
            key_col = "unit_code" if col.field is None else col.key
            text_of: dict[str, str] = {}
            for rid, raw in self.store.db.execute(f"SELECT id, [{key_col}] FROM [{self.form.table}]"):
                text_of[rid] = self._sort_text(col, raw)
            cached = self._collation_cache[col.key] = (text_of, collation_ranks(set(text_of.values())))
        text_of, ranks = cached
        ordered = sorted(ids, key=lambda i: ranks.get(text_of.get(i, ""), -1))  # stable: ties keep SQL order
        if descending:
            ordered.reverse()
        return ordered

    def _sort_text(self, col: Column, raw: Any) -> str:
        if raw is None:
            return ""
        if col.field is None:
            return self.unit_name(raw)
        fd = col.field
        if fd.type == "text":
            return str(raw)
        return fd.display(fd.from_storage(raw), self.lang)

    # -- rows ------------------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def id_at(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, record_id: str) -> int:
        try:
            return self._ids.index(record_id)
        except ValueError:
            return -1

    @property
    def ids(self) -> list[str]:
        return list(self._ids)

    def record(self, row: int) -> _Row | None:
        if not 0 <= row < len(self._ids):
            return None
        block_no = row // self.BLOCK
        block = self._blocks.get(block_no)
        if block is None:
            block = self._load_block(block_no)
        else:
            self._blocks.move_to_end(block_no)
        return block[row - block_no * self.BLOCK]

    def _load_block(self, block_no: int) -> list[_Row | None]:
        ids = self._ids[block_no * self.BLOCK : (block_no + 1) * self.BLOCK]
        found = self.store.rows_by_ids(self.form, ids)
        block: list[_Row | None] = []
        for rid in ids:
            raw = found.get(rid)
            if raw is None:
                block.append(None)
                continue
            values = self.store.to_values(self.form, raw)
            display = [self._display(c, values) for c in self.columns]
            block.append(_Row(rid, raw["unit_code"], values, display))
        self._blocks[block_no] = block
        self.blocks_loaded += 1
        while len(self._blocks) > self.CACHE_BLOCKS:
            self._blocks.popitem(last=False)
        return block

    def unit_name(self, code: str) -> str:
        name = self._unit_names.get(code)
        if name is None:
            unit = self.units.get(code, self.on) if self.units else None
            if unit is None and self.units:
                unit = self.units.get(code)
            name = unit.name if unit else code
            self._unit_names[code] = name
        return name

    def _display(self, col: Column, values: dict[str, Any]) -> str:
        if col.field is None:
            return self.unit_name(values["unit_code"])
        fd = col.field
        v = values.get(fd.name)
        if fd.type == "ref" and v:
            return self.ref_title(fd.form or "", v)
        if fd.type == "int" and fd.name == self.form.period_field and v is not None:
            return str(v)  # a year: 2019, not 2.019
        return fd.display(v, self.lang)

    def ref_title(self, form_id: str, record_id: str) -> str:
        key = (form_id, record_id)
        if key not in self._ref_titles:
            target = self.store.forms[form_id]
            row = self.store.get_row(target, record_id)
            self._ref_titles[key] = target.title_of(self.store.to_values(target, row), self.lang) if row else ""
        return self._ref_titles[key]

    # -- Qt ----------------------------------------------------------------------------------------------
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        rec = self.record(index.row())
        if rec is None:
            return None
        col = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return rec.display[index.column()]
        if role == self.SortRole:
            return rec.unit_code if col.field is None else rec.values.get(col.key)
        if role == self.IdRole:
            return rec.id
        if role == self.OwnRole:
            return rec.unit_code == self.own_unit
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col.field is not None and col.field.is_numeric:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and rec.unit_code != self.own_unit:
            return QBrush(QColor("#555b66"))
        if role == Qt.ItemDataRole.ToolTipRole:
            text = rec.display[index.column()]
            if rec.unit_code != self.own_unit:
                note = QCoreApplication.translate("RecordTableModel", "Bản ghi của {unit}: chỉ xem, không sửa được.")
                return f"{text}\n{note.format(unit=self.unit_name(rec.unit_code))}" if text else note.format(
                    unit=self.unit_name(rec.unit_code))
            return text if len(text) > 30 else None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        col = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            if col.field is None:
                return QCoreApplication.translate("RecordTableModel", "Đơn vị")
            return col.field.label_for(self.lang)
        if role == Qt.ItemDataRole.ToolTipRole and col.field is not None:
            return col.field.help_for(self.lang) or col.field.label_for(self.lang)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
