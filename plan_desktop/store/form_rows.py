"""Questions about the rows of form tables that :class:`~plan_desktop.store.reading.RecordReader` does not
ask: the demo's rosters and names, rows still in force after a unit is abolished. The caller names the
columns (from the form's definition) and holds the transaction.
"""

from __future__ import annotations

import functools
from typing import Any

from sqlite_utils import Database


def in_force_ids(db: Database, table: str, unit: str, start_col: str, end_col: str, first: str,
                 last: str) -> list[str]:
    """Ids of ``unit``'s rows not deleted whose [start, end] overlaps [first, last] (open ends count), by id."""
    return [r[0] for r in db.execute(
        f"SELECT id FROM [{table}] WHERE unit_code = ? AND deleted = 0 AND ([{start_col}] IS NULL OR "
        f"[{start_col}] <= ?) AND ([{end_col}] IS NULL OR [{end_col}] >= ?) ORDER BY id",
        [unit, last, first]).fetchall()]


def in_force_after(db: Database, table: str, unit: str, start_col: str, end_col: str, last: str,
                   after: str) -> list[dict[str, Any]]:
    """``unit``'s rows not deleted begun by ``last`` and not ended by ``after``, by id."""
    return list(db.query(
        f"SELECT * FROM [{table}] WHERE unit_code = ? AND deleted = 0 "
        f"AND ([{start_col}] IS NULL OR [{start_col}] <= ?) AND ([{end_col}] IS NULL OR [{end_col}] > ?) ORDER BY id",
        [unit, last, after],
    ))


def names(db: Database, table: str, unit: str) -> set[str]:
    """The ``name`` of every row of ``unit`` (deleted ones too)."""
    return {r[0] for r in db.execute(f"SELECT name FROM [{table}] WHERE unit_code = ?", [unit]).fetchall()}


def count_not_created_by(db: Database, table: str, actor: str) -> int:
    return db.execute(
        f"SELECT count(*) FROM [{table}] WHERE coalesce(created_by, '') != ?", [actor]).fetchone()[0]


def unit_status(db: Database, unit: str, year: int) -> tuple | None:
    """(healthy, healthy_drugs_too) of ``unit``'s status record of ``year`` not deleted."""
    return db.execute(
        "SELECT healthy, healthy_drugs_too FROM form_unit_status WHERE unit_code = ? AND year = ? AND deleted = 0",
        [unit, year]).fetchone()


# -- the record writer's batches (services/records.py) --------------------------------------------------
@functools.lru_cache(maxsize=256)
def upsert_statement(table: str, cols: tuple[str, ...]) -> str:
    """``INSERT OR REPLACE`` of one row of ``table`` with the columns ``cols`` (made once per shape)."""
    return (f"INSERT OR REPLACE INTO [{table}] ({', '.join(f'[{c}]' for c in cols)}) "
            f"VALUES ({', '.join('?' for _ in cols)})")


def write_batch(conn: Any, statement: str, rows: list[tuple[Any, ...]]) -> None:
    """Rows of one shape, written with one ``executemany`` inside the caller's transaction."""
    conn.executemany(statement, rows)
