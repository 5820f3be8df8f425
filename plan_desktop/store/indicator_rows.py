"""The reads behind the plan's indicators (``reports/indicators.py``): rows of one form table owned by a
list of units, narrowed by conditions the indicator builds from the form's fields (column names in
brackets, values as ``?`` parameters). Read only.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlite_utils import Database


def owned_rows(db: Database, table: str, columns: Sequence[str], owners: Sequence[str],
               conditions: Sequence[str] = (), params: Sequence[Any] = (), *, select_params: Sequence[Any] = (),
               group_by: str | None = None, distinct: bool = False) -> list[tuple]:
    """``columns`` of the rows not deleted of ``table`` owned by ``owners`` that meet every condition
    (optionally grouped). Parameters in order: ``select_params`` (of the columns), the owners, ``params``."""
    sql = (f"SELECT {'DISTINCT ' if distinct else ''}{', '.join(columns)} FROM [{table}] WHERE deleted = 0 AND "
           f"unit_code IN ({','.join('?' * len(owners))})" + "".join(f" AND {x}" for x in conditions))
    if group_by is not None:
        sql += f" GROUP BY {group_by}"
    return db.execute(sql, [*select_params, *owners, *params]).fetchall()


def referenced_ids(db: Database, table: str, refs_col: str, columns: Sequence[str], date_col: str,
                   first: str, last: str) -> list[tuple]:
    """(id referenced, *columns) for every id listed in the ``refs_col`` of each row not deleted of ``table``
    dated ``first``..``last`` (any owner)."""
    return db.execute(
        f"SELECT j.value{''.join(f', t.[{x}]' for x in columns)} FROM [{table}] t, json_each(t.[{refs_col}]) j "
        f"WHERE t.deleted = 0 AND t.[{refs_col}] IS NOT NULL AND t.[{date_col}] BETWEEN ? AND ?",
        [first, last]).fetchall()
