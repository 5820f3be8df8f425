"""The audit chain detects records and audit rows changed, inserted or deleted with plain SQL."""

from __future__ import annotations

import sqlite3

import pytest

from tests.services.test_records import COMM


@pytest.fixture
def filled(service, commune):
    ids = [service.create("communication", {**COMM, "participants": n})["id"] for n in (100, 200, 300)]
    service.update("communication", ids[0], {**COMM, "participants": 110})
    assert commune.store.check() == []
    return commune, ids


def _raw(commune) -> sqlite3.Connection:
    return sqlite3.connect(commune.store.path, isolation_level=None)


def test_record_changed_with_plain_sql(filled):
    commune, ids = filled
    with _raw(commune) as c:
        c.execute("UPDATE form_communication SET participants = 999 WHERE id = ?", [ids[1]])
    problems = commune.store.check()
    assert len(problems) == 1 and ids[1] in problems[0] and "bị sửa ngoài chương trình" in problems[0]


def test_record_inserted_with_plain_sql(filled):
    commune, _ids = filled
    with _raw(commune) as c:
        c.execute("INSERT INTO form_communication (id, unit_code, revision, created_at, updated_at, deleted, topic) "
                  "VALUES ('x-1', '13597', 1, 'now', 'now', 0, 'Giả mạo')")
    assert any("x-1" in p and "được thêm ngoài chương trình" in p for p in commune.store.check())


def test_record_deleted_with_plain_sql(filled):
    commune, ids = filled
    with _raw(commune) as c:
        c.execute("DELETE FROM form_communication WHERE id = ?", [ids[2]])
    assert any(ids[2] in p and "bị xóa ngoài chương trình" in p for p in commune.store.check())


def test_audit_row_changed(filled):
    commune, _ = filled
    with _raw(commune) as c:
        c.execute("UPDATE audit_log SET actor = 'someone else' WHERE seq = 2")
    assert any("Dòng số 2" in p and "bị sửa" in p for p in commune.store.check())


def test_audit_row_deleted_in_the_middle_and_at_the_end(filled):
    commune, _ = filled
    with _raw(commune) as c:
        c.execute("DELETE FROM audit_log WHERE seq = 2")
    assert any("thiếu dòng số 2" in p for p in commune.store.check())


def test_audit_tail_truncated(filled):
    commune, _ = filled
    with _raw(commune) as c:
        c.execute("DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)")
    problems = commune.store.check()
    assert any("Cuối nhật ký" in p for p in problems)
