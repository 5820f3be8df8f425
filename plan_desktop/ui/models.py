"""A table model that pages through the store: smooth with 100,000 records.

A list is read in three steps, so that its first screen shows at once:

* on (re)load: how many rows match, and the rowids of the first few hundred — both from an index;
* when a row is shown: its block of :attr:`RecordTableModel.BLOCK` rows, read by rowid; a few blocks
  are kept in a small LRU cache, and a row is formatted for display when it is first painted;
* when the event loop is idle: the rowids of every row, then the search text of every row, a few
  thousand at a time. A search keystroke then filters in memory (``word in text`` is what the SQL
  ``search_text LIKE '%word%'`` matched: both sides are folded) instead of scanning the table: the
  first :attr:`RecordTableModel.SEARCH_CHUNK` rows at once, the rest while idle, the rows found being
  appended as they come (:attr:`RecordTableModel.search_done` when all are read). A longer word
  filters the rows the shorter one found.

Numbers and dates sort in SQL; names and choice labels sort with Vietnamese collation (``QCollator``)
over their distinct values. Rowids change when a row is written again, so every change reloads.
"""

from __future__ import annotations

import sqlite3
from collections import OrderedDict
from dataclasses import dataclass, replace
from datetime import date
from itertools import compress, repeat
from operator import contains
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCollator,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from plan_desktop.domain.forms import FieldDef, FormDef
from plan_desktop.domain.text import fold
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


class _Row:
    """One row of a list: read with its block, converted and formatted when first painted."""

    __slots__ = ("_form", "_raw", "_store", "_values", "display", "id", "unit_code")

    def __init__(self, raw: dict[str, Any], store: Store, form: FormDef):
        self.id: str = raw["id"]
        self.unit_code: str = raw["unit_code"]
        self._raw, self._store, self._form = raw, store, form
        self._values: dict[str, Any] | None = None
        self.display: list[str] | None = None

    @property
    def values(self) -> dict[str, Any]:
        if self._values is None:
            self._values = self._store.to_values(self._form, self._raw)
        return self._values


class RecordTableModel(QAbstractTableModel):
    SortRole = Qt.ItemDataRole.UserRole
    IdRole = Qt.ItemDataRole.UserRole + 1
    OwnRole = Qt.ItemDataRole.UserRole + 2

    BLOCK = 200
    CACHE_BLOCKS = 12
    #: rowids read with the count on (re)load; the rest when needed or when idle
    FIRST_KEYS = 2 * BLOCK
    #: search texts read per idle step
    TEXT_CHUNK = 5000
    #: rows a search filters at once (enough for a screen of all but rare words), and per idle step
    FIRST_SEARCH = 10_000
    SEARCH_CHUNK = 20_000
    #: the first idle step waits this long (ms), so that the list paints first
    IDLE_DELAY = 100

    #: a search has filtered every row (it started with the first SEARCH_CHUNK rows)
    search_done = Signal()

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
        #: rowids of the rows shown, in order; only the first ones until ``_complete``
        self._keys: list[int] = []
        self._count = 0
        self._complete = True
        self._blocks: OrderedDict[int, list[_Row | None]] = OrderedDict()
        self._ref_titles: dict[tuple[str, str], str] = {}
        self._unit_names: dict[str, str] = {}
        #: column key -> (rowid -> sort text, sort text -> rank); kept while the data does not change
        self._collation_cache: dict[str, tuple[dict[int, str], dict[str, int]]] = {}
        # what stays valid while only the search changes (see _reset_data / _reset_base)
        self._deleted: set[int] | None = None
        self._texts: dict[int, str | None] | None = None  # rowid -> search text, once read to the end
        self._texts_read: dict[int, str | None] = {}
        self._texts_after = 0
        self._base: list[int] | None = None  # every rowid of the list without its search
        self._base_texts: list[str] | None = None  # their search texts, in the same order
        self._found: tuple[list[str], list[int], list[str]] | None = None  # last search: words, rowids, texts
        #: a search still filtering: words, the rows and texts it filters, how far it got, texts found
        self._job: tuple[list[str], list[int], list[str], int, list[str]] | None = None
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(0)
        self._idle.timeout.connect(self._read_ahead)
        self.blocks_loaded = 0  # for tests: how many blocks were read from the store
        if load:
            self.reload()

    # -- query -----------------------------------------------------------------------------------------
    def set_filter(self, *, start: date | None = None, end: date | None = None, search: str = "") -> None:
        if (start, end) != (self.query.start, self.query.end):
            self._reset_base()
        self.query = replace(self.query, start=start, end=end, search=search)
        self.reload(data_changed=False)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self.sort_column, self.sort_order = column, order
        self._reset_base()
        self.reload(data_changed=False)

    def reload(self, data_changed: bool = True) -> None:
        """Read the list again. ``data_changed=False`` (a new filter or order) keeps what the data
        alone decides: the collation ranks, the deleted rows and the search texts."""
        if data_changed:
            self._reset_data()
        self.beginResetModel()
        self._job = None
        self._blocks.clear()
        self._ref_titles.clear()
        self._fetch_keys()
        self.endResetModel()
        self._idle.start(self.IDLE_DELAY)

    def _reset_data(self) -> None:
        self._collation_cache.clear()
        self._deleted = None
        self._texts = None
        self._texts_read = {}
        self._texts_after = 0
        self._reset_base()

    def _reset_base(self) -> None:
        self._base = None
        self._base_texts = None
        self._found = None

    def _words(self) -> list[str]:
        return fold(self.query.search).split()

    def _list_query(self) -> Query:
        """The store query of the list without its search, in the list's order (collated columns are
        ordered here, over rows read in primary-key order)."""
        q = replace(self.query, search="")
        if self.sort_column is None:
            return replace(q, order_by=None, descending=False)
        col = self.columns[self.sort_column]
        if not col.collated:
            return replace(q, order_by=col.key, descending=self.sort_order == Qt.SortOrder.DescendingOrder)
        return replace(q, order_by="id", descending=False)

    def _deleted_keys(self) -> set[int]:
        if self._deleted is None:
            self._deleted = set() if self.query.include_deleted else self.store.deleted_keys(self.form)
        return self._deleted

    def _fetch_keys(self) -> None:
        words = self._words()
        if words:
            self._keys = self._search(words)
            self._count, self._complete = len(self._keys), True
            return  # (while a search is still filtering, rows are appended as found)
        if self._base is not None or self._sorted_by_collation():
            self._keys = self._all_keys()
            self._count, self._complete = len(self._keys), True
            return
        q, deleted = self._list_query(), self._deleted_keys()
        self._keys = self.store.row_keys(self.form, q, self.FIRST_KEYS, deleted)
        if len(self._keys) < self.FIRST_KEYS:
            self._count, self._complete = len(self._keys), True
        else:
            self._count = self.store.count(self.form, q, deleted)
            self._complete = self._count == len(self._keys)

    def _sorted_by_collation(self) -> bool:
        return self.sort_column is not None and self.columns[self.sort_column].collated

    def _all_keys(self) -> list[int]:
        """Every rowid of the list without its search, in the list's order."""
        if self._base is None:
            keys = self.store.row_keys(self.form, self._list_query(), deleted=self._deleted_keys())
            if self._sorted_by_collation():
                keys = self._collated(keys)
            self._base = keys
        return self._base

    def _collated(self, keys: list[int]) -> list[int]:
        assert self.sort_column is not None
        col = self.columns[self.sort_column]
        cached = self._collation_cache.get(col.key)
        if cached is None:
            key_col = "unit_code" if col.field is None else col.key
            text_of: dict[int, str] = {}
            for key, raw in self.store.column_by_rowid(self.form, key_col):
                text_of[key] = self._sort_text(col, raw)
            cached = self._collation_cache[col.key] = (text_of, collation_ranks(set(text_of.values())))
        text_of, ranks = cached
        ordered = sorted(keys, key=lambda k: ranks.get(text_of.get(k, ""), -1))  # stable: ties keep SQL order
        if self.sort_order == Qt.SortOrder.DescendingOrder:
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

    # -- search in memory ------------------------------------------------------------------------------
    def _read_texts(self, limit: int | None = None) -> bool:
        """Read search texts (``limit`` rows, or all that are left). True when all are read."""
        if self._texts is not None:
            return True
        while True:
            chunk = self.store.search_texts(self.form, self._texts_after, self.TEXT_CHUNK)
            self._texts_read.update(chunk)
            if chunk:
                self._texts_after = chunk[-1][0]
            if len(chunk) < self.TEXT_CHUNK:
                self._texts, self._texts_read = self._texts_read, {}
                return True
            if limit is not None:
                limit -= len(chunk)
                if limit <= 0:
                    return False

    def _aligned_texts(self) -> list[str]:
        if self._base_texts is None:
            self._read_texts()
            assert self._texts is not None
            get = self._texts.get
            self._base_texts = [get(k) or "" for k in self._all_keys()]
        return self._base_texts

    @property
    def searching(self) -> bool:
        """A search has not filtered every row yet (see :attr:`search_done`)."""
        return self._job is not None

    def _search(self, words: list[str]) -> list[int]:
        """The rows of the list whose search text holds every word, in the list's order: those among
        the first :attr:`SEARCH_CHUNK` rows now, the others appended by :meth:`_search_step`."""
        keys, texts = self._all_keys(), self._aligned_texts()
        found = self._found
        if found is not None and all(any(p in w for w in words) for p in found[0]):
            keys, texts = found[1], found[2]  # a longer word only narrows what was found
        self._found = None
        self._job = (words, keys, texts, 0, [])
        return self._filter(min(self.FIRST_SEARCH, self.SEARCH_CHUNK), [])

    def _filter(self, n: int, hits: list[int]) -> list[int]:
        """Filter the next ``n`` rows of the search, adding the rows found to ``hits``."""
        assert self._job is not None
        words, keys, texts, pos, hit_texts = self._job
        end = min(len(keys), pos + n)
        part_keys, part_texts = keys[pos:end], texts[pos:end]
        for w in words:
            match = list(map(contains, part_texts, repeat(w)))
            part_keys, part_texts = list(compress(part_keys, match)), list(compress(part_texts, match))
        hits += part_keys
        hit_texts += part_texts
        if end < len(keys):
            self._job = (words, keys, texts, end, hit_texts)
        else:
            self._job = None
            self._found = (words, hits, hit_texts)
        return hits

    def _search_step(self, n: int | None = None) -> None:
        """Filter more rows of the search in progress and append those found to the list."""
        before = self._count
        self._filter(self.SEARCH_CHUNK if n is None else n, self._keys)  # rowCount() stays until announced
        if len(self._keys) > before:
            self.beginInsertRows(QModelIndex(), before, len(self._keys) - 1)
            self._blocks.pop(before // self.BLOCK, None)  # the last block read may have been short
            self._count = len(self._keys)
            self.endInsertRows()
        if self._job is None:
            self.search_done.emit()

    def finish_search(self) -> None:
        """Filter every row now (e.g. to find a record in the list)."""
        if self._job is not None:
            self._search_step(len(self._job[1]))

    def stop(self) -> None:
        """No more reading ahead (the window is closing)."""
        self._idle.stop()

    def _read_ahead(self) -> None:
        """One idle step: every rowid of the list, then its search texts a chunk at a time, then
        those texts in the list's order. Reschedules itself until all is read."""
        try:
            self._read_ahead_step()
        except sqlite3.ProgrammingError:  # the store was closed under a list still on screen
            return

    def _read_ahead_step(self) -> None:
        if self._job is not None:
            self._search_step()
        elif self._base is None:
            self._all_keys()
            if not self._complete and not self._words():
                self._keys, self._complete = self._all_keys(), True
        elif self._texts is None:
            self._read_texts(self.TEXT_CHUNK)
        elif self._base_texts is None:
            self._aligned_texts()
        else:
            return
        self._idle.start(0)

    # -- rows ------------------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def _key(self, row: int) -> int | None:
        if not 0 <= row < self._count:
            return None
        if row >= len(self._keys):
            self._keys, self._complete = self._all_keys(), True
            if row >= len(self._keys):
                return None
        return self._keys[row]

    def id_at(self, row: int) -> str | None:
        rec = self.record(row)
        return rec.id if rec is not None else None

    def ids_at(self, rows: list[int]) -> list[str | None]:
        """:meth:`id_at` of many rows, with one query for the rows not in memory."""
        keys = [self._key(r) for r in rows]
        found = self.store.ids_by_rowids(self.form, [k for k in keys if k is not None])
        return [found.get(k) if k is not None else None for k in keys]

    def row_of_found(self, record_id: str) -> int:
        """:meth:`row_of` among the rows in the list now (a search still filtering is not finished)."""
        key = self.store.key_of(self.form, record_id)
        try:
            return -1 if key is None else self._keys.index(key)
        except ValueError:
            return -1

    def row_of(self, record_id: str) -> int:
        key = self.store.key_of(self.form, record_id)
        if key is None:
            return -1
        try:
            return self._keys.index(key)
        except ValueError:
            pass
        if self._job is not None:
            self.finish_search()
            return self.row_of(record_id)
        if self._complete:
            return -1
        self._keys, self._complete = self._all_keys(), True
        try:
            return self._keys.index(key)
        except ValueError:
            return -1

    @property
    def ids(self) -> list[str]:
        self.finish_search()
        if not self._complete:
            self._keys, self._complete = self._all_keys(), True
        return [i for i in self.ids_at(list(range(self._count))) if i is not None]

    def record(self, row: int) -> _Row | None:
        if not 0 <= row < self._count:
            return None
        block_no = row // self.BLOCK
        block = self._blocks.get(block_no)
        if block is None:
            block = self._load_block(block_no)
        else:
            self._blocks.move_to_end(block_no)
        i = row - block_no * self.BLOCK
        return block[i] if i < len(block) else None

    def _load_block(self, block_no: int) -> list[_Row | None]:
        first = block_no * self.BLOCK
        last = min(self._count, first + self.BLOCK)
        if last > len(self._keys):
            self._key(last - 1)
        keys = self._keys[first:last]
        found = self.store.rows_by_rowids(self.form, keys)
        block: list[_Row | None] = []
        for key in keys:
            raw = found.get(key)
            if raw is None:
                block.append(None)
                continue
            block.append(_Row(raw, self.store, self.form))
        self._blocks[block_no] = block
        self.blocks_loaded += 1
        while len(self._blocks) > self.CACHE_BLOCKS:
            self._blocks.popitem(last=False)
        return block

    def _shown(self, rec: _Row) -> list[str]:
        if rec.display is None:
            rec.display = [self._display(c, rec.values) for c in self.columns]
        return rec.display

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
    _ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole,
                        Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.ToolTipRole, SortRole, IdRole, OwnRole})
    _DISPLAY = int(Qt.ItemDataRole.DisplayRole)
    _ALIGN_ROLE = int(Qt.ItemDataRole.TextAlignmentRole)
    _RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    _LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    _FLAGS = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in self._ROLES or not index.isValid():  # the view asks for a dozen roles per cell
            return None
        column = index.column()
        if role == self._ALIGN_ROLE:
            fd = self.columns[column].field
            return self._RIGHT if fd is not None and fd.is_numeric else self._LEFT
        rec = self.record(index.row())
        if rec is None:
            return None
        if role == self._DISPLAY:
            return (rec.display or self._shown(rec))[column]
        col = self.columns[column]
        if role == self.SortRole:
            return rec.unit_code if col.field is None else rec.values.get(col.key)
        if role == self.IdRole:
            return rec.id
        if role == self.OwnRole:
            return rec.unit_code == self.own_unit
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#555b66")) if rec.unit_code != self.own_unit else None
        text = self._shown(rec)[index.column()]  # ToolTipRole
        if rec.unit_code != self.own_unit:
            note = QCoreApplication.translate("RecordTableModel", "Bản ghi của {unit}: chỉ xem, không sửa được.")
            return f"{text}\n{note.format(unit=self.unit_name(rec.unit_code))}" if text else note.format(
                unit=self.unit_name(rec.unit_code))
        return text if len(text) > 30 else None

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
        return self._FLAGS
