"""Store layer: SQLite through sqlite-utils (connection, migrations, queries, audit chain)."""

from plan_desktop.store.db import StoreError
from plan_desktop.store.store import Query, Store, utc_now

__all__ = ["Query", "Store", "StoreError", "utc_now"]
