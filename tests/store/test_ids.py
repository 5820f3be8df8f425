"""Record ids are UUID version 7: valid UUIDs, unique, growing in the order they were made."""

from __future__ import annotations

import time
import uuid

from plan_desktop.domain.validation import is_uuid
from plan_desktop.store import ids


def test_ids_are_version_7_uuids_in_increasing_order():
    made = ids.new_ids(20_000)  # far more than 4.096 per millisecond: the counter borrows the next ms
    assert made == sorted(made) and len(set(made)) == len(made)
    for text in made[:50] + made[-50:]:
        u = uuid.UUID(text)
        assert (u.version, u.variant) == (7, uuid.RFC_4122) and str(u) == text and is_uuid(text)


def test_the_id_starts_with_the_millisecond_it_was_made():
    before = time.time_ns() // 1_000_000
    made = ids.new_id()
    after = time.time_ns() // 1_000_000
    ms = uuid.UUID(made).int >> 80
    assert before <= ms <= after + 5  # a burst just before may have borrowed a few ms ahead


def test_new_records_get_ordered_ids(service):
    first = service.create("officer", {"full_name": "Lê Văn Nam"})["id"]
    second = service.create("officer", {"full_name": "Trần Thị Hoa"})["id"]
    assert uuid.UUID(first).version == 7 and first < second


def test_a_forked_process_does_not_reuse_the_random_bits_of_its_parent():
    """The random part comes from a pool drawn from the OS a few kilobytes at a time; a child process
    made by fork starts with a fresh pool, so its ids do not repeat the parent's random bits."""
    import os

    ids.new_id()  # the pool holds bytes the parent has not used yet
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os.write(write, ids.new_id().encode())
        os._exit(0)
    os.close(write)
    os.waitpid(pid, 0)
    child = os.read(read, 64).decode()
    os.close(read)
    mine = ids.new_id()
    assert uuid.UUID(child).int & (2**62 - 1) != uuid.UUID(mine).int & (2**62 - 1)
