"""Record ids: UUIDs ordered by the time they were made (UUID version 7, RFC 9562).

The data dictionary asks for a UUID made where the record is born and never reused. A random UUID
(version 4) would do, but its keys land all over the table's primary-key index, so a big import
touches a different index page for every row. Version 7 starts with the millisecond of creation:
records made together sit together in the index and in ``audit_log (form, record_id)``, which makes
bulk writes several times cheaper once a table is large. Within one process the ids only grow (a
counter in the 12 bits after the timestamp orders ids made in the same millisecond); the remaining
62 bits are random, so ids made on different computers do not collide.
"""

from __future__ import annotations

import os
import threading
import time
import uuid
from collections.abc import Iterable

_lock = threading.Lock()
_last_ms = 0
_counter = 0

#: Random bytes drawn from the OS a few kilobytes at a time: one ``os.urandom`` call per id was a
#: twelfth of a bulk import (a system call each). The bits only keep ids made on different computers
#: apart; they are not a secret.
_POOL_SIZE = 4096
_pool = b""
_pos = 0


def _forget_pool() -> None:
    """A forked child must not hand out the bytes its parent will also use."""
    global _pool, _pos
    _pool, _pos = b"", 0


os.register_at_fork(after_in_child=_forget_pool)


def _random(n: int) -> int:
    """``n`` random bytes from the pool as an integer; the caller holds ``_lock``."""
    global _pool, _pos
    if _pos + n > len(_pool):
        _pool, _pos = os.urandom(_POOL_SIZE), 0
    chunk = _pool[_pos:_pos + n]
    _pos += n
    return int.from_bytes(chunk)


def new_id() -> str:
    """A new UUID version 7 as a lower-case string with dashes."""
    global _last_ms, _counter
    with _lock:
        ms = time.time_ns() // 1_000_000
        if ms > _last_ms:
            _last_ms, _counter = ms, _random(2) & 0x3FF  # leave room to count up
        else:  # the same millisecond (or the clock went back): count up, borrowing the next ms if full
            _counter += 1
            if _counter > 0xFFF:
                _last_ms, _counter = _last_ms + 1, 0
        ms, counter = _last_ms, _counter
        rand_b = _random(8) & 0x3FFF_FFFF_FFFF_FFFF
    value = (ms & 0xFFFF_FFFF_FFFF) << 80 | 0x7 << 76 | counter << 64 | 0b10 << 62 | rand_b
    h = f"{value:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def new_ids(n: int) -> list[str]:
    """``n`` new ids, in increasing order."""
    return [new_id() for _ in range(n)]


# -- records moved from an abolished unit to its successor (services/unit_changes.py) -----------------
_MOVED = uuid.UUID("6f1d7c3e-51b4-4b8e-9a40-3a0e2f6d1295")


def moved_id(record_id: str) -> str:
    """The id of the copy that carries ``record_id`` on at an abolished unit's successor: derived from
    the original's, so the same move made at the district and at the province gives the same record."""
    return str(uuid.uuid5(_MOVED, f"moved:{record_id}"))


def with_moved_ids(ids: Iterable[str]) -> set[str]:
    """``ids`` and the ids of their moved copies (moved again too): an officer trained under the record of
    an abolished commune is still trained once the roster moved to the successor."""
    out = set(ids)
    frontier = set(out)
    for _ in range(3):  # a unit abolished, its successor abolished in turn: a short chain
        frontier = {moved_id(i) for i in frontier} - out
        if not frontier:
            break
        out |= frontier
    return out
