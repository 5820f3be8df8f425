"""The batched write path of ``RecordService.write_many`` (one statement per run of rows, audit rows
hashed in a loop and inserted together) writes exactly what writing the rows one by one wrote, and the
audit chain it makes is the one ``check`` verifies, in the hash format of every earlier version."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import uuid
from datetime import date
from pathlib import Path

import pytest

from plan_desktop.domain.forms import default_forms
from plan_desktop.services.records import RecordError, RecordService
from plan_desktop.store import Store
from tests.services.test_records import COMM

DATA = Path(__file__).resolve().parent.parent / "data"


def _ref_json(obj) -> str:
    """The canonical JSON of the audit log, written out as it has always been."""
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def _ref_sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def assert_chain_in_original_format(db_path: Path) -> int:
    """Walk the audit log and every record with the original hash formulas. Returns the rows seen."""
    conn = sqlite3.connect(db_path)
    conn.row_factory = sqlite3.Row
    prev = "0" * 64
    n = 0
    last: dict[tuple[str, str], str] = {}
    for row in conn.execute("SELECT * FROM audit_log ORDER BY seq"):
        entry = dict(row)
        assert entry["prev_hash"] == prev
        body = {k: entry[k] for k in sorted(entry) if k not in ("hash", "prev_hash")}
        assert _ref_sha(prev + _ref_json(body)) == entry["hash"]
        prev = entry["hash"]
        if entry["record_id"]:
            last[(entry["form"], entry["record_id"])] = entry["content_hash"]
        n += 1
    sql = "SELECT name FROM sqlite_master WHERE type='table' AND name LIKE 'form_%'"
    tables = [r[0] for r in conn.execute(sql)]
    for table in tables:
        every = [r[1] for r in conn.execute(f"PRAGMA table_info([{table}])")]
        cols = [c for c in every if c not in ("change_seq", "search_text", "shared_hash")]
        form_id = table[len("form_"):]
        local = default_forms()[form_id].local_only_names
        for rec in conn.execute(f"SELECT * FROM [{table}]"):
            content = {c: rec[c] for c in cols if rec[c] is not None}
            assert _ref_sha(_ref_json({"form": form_id, **content})) == last[(form_id, rec["id"])]
            if "shared_hash" in every:  # what travels of it: the same without its local_only fields
                shared = {c: v for c, v in content.items() if c not in local}
                assert _ref_sha(_ref_json({"form": form_id, **shared})) == rec["shared_hash"]
    conn.close()
    return n


@pytest.fixture
def clock(monkeypatch):
    """Deterministic timestamps, so that two stores written the same way are byte for byte equal."""
    import plan_desktop.services.records as records

    ticks = {"n": 0}

    def now() -> str:
        ticks["n"] += 1
        return f"2020-01-01T00:{ticks['n'] // 60 % 60:02d}:{ticks['n'] % 60:02d}.000Z"

    monkeypatch.setattr(records, "utc_now", now)
    return lambda: ticks.update(n=0)


def _items(n: int) -> list[tuple[str, dict]]:
    return [(str(uuid.UUID(int=i + 1)), {**COMM, "participants": 100 + i, "topic": f"Buổi nói chuyện số {i}"})
            for i in range(n)]


def _dump(store: Store) -> tuple[list, list, list]:
    conn = store.db.conn
    return (conn.execute("SELECT * FROM audit_log ORDER BY seq").fetchall(),
            conn.execute("SELECT * FROM form_communication ORDER BY id").fetchall(),
            conn.execute("SELECT * FROM meta WHERE key LIKE 'audit_head%' ORDER BY key").fetchall())


def test_batch_writes_exactly_what_one_by_one_writes(tmp_path, clock, monkeypatch):
    monkeypatch.setattr(RecordService, "WRITE_CHUNK", 7)  # several chunks, the last one short
    items = _items(40)
    stores = []
    for name in ("batch", "single"):
        clock()  # both stores see the same times
        store = Store.open(tmp_path / f"{name}.sqlite")
        store.set_settings({"unit_code": "13597"})
        svc = RecordService(store, actor="tester", today=lambda: date(2020, 6, 30))
        # the chain does not start at genesis
        svc.create("officer", {"full_name": "Lê Văn Nam"}, record_id=str(uuid.UUID(int=999)))
        stores.append((store, svc))
    (batch, bsvc), (single, ssvc) = stores
    clock()
    # the batch: write_many of 40 new rows, then 40 updates of them
    assert bsvc.write_many("communication", items)[:2] == (40, 0)
    updates = [(rid, {**v, "participants": 500}) for rid, v in items]
    assert bsvc.write_many("communication", updates)[:2] == (0, 40)
    # one by one, as write_many did before: each row written and audited on its own, same notes;
    # write_many reads the clock once per batch and gives every new row that moment
    import plan_desktop.services.records as records

    clock()
    form = single.forms["communication"]
    for update in (False, True):
        now = records.utc_now()
        with ssvc._transaction() as ap:
            for rid, values in items:
                values = {**values, "participants": 500} if update else values
                clean = ssvc._validated(form, values, "13597", rid)
                if update:
                    row = ssvc._prepare_update(form, single.get_row(form, rid), clean, None)
                    ssvc._write(form, row, "update", ap, note="import")
                else:
                    row = ssvc._prepare_create(form, clean, rid, "13597", now=now)
                    ssvc._write(form, row, "create", ap, note="import")
    assert _dump(batch) == _dump(single)
    for store in (batch, single):
        assert store.check() == []
        path = store.path
        store.close()
        assert assert_chain_in_original_format(path) == 81


def test_store_rows_are_the_fields_storage_values(service):
    form = service.store.forms["training"]
    values = {"start_date": date(2019, 3, 1), "title": "Tập huấn", "level": "commune",
              "content": ["law", "skills"], "trainee_group": "officers", "trainees": 20, "officers": [],
              "end_date": None}
    for fd in form.fields:
        if fd.type == "bool":
            values[fd.name] = True
    assert service._store_row(form, values) == {f.name: f.to_storage(values.get(f.name)) for f in form.fields}


def test_a_batch_that_fails_while_written_leaves_nothing(service, commune, monkeypatch):
    from plan_desktop.store import audit

    def boom(*a, **k):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(audit.Appender, "append_many", boom)
    with pytest.raises(sqlite3.OperationalError):
        service.write_many("communication", _items(5))
    monkeypatch.undo()
    assert commune.store.count(commune.store.forms["communication"]) == 0
    assert commune.store.check() == []
    assert service.write_many("communication", _items(5))[:2] == (5, 0)
    assert commune.store.check() == []


def test_references_are_looked_up_once_per_batch(service, commune, monkeypatch):
    est = service.create("establishment", {"name": "Nhà nghỉ Hoa Hồng", "kind": "guesthouse"})["id"]
    asked = []
    real = commune.store.record_exists
    monkeypatch.setattr(commune.store, "record_exists", lambda *a: asked.append(a) or real(*a))
    missing = str(uuid.uuid4())
    items = [(None, {"date": "2019-05-02", "establishment": est, "team": "police", "violation": "0",
                     "action": "none"}) for _ in range(30)]
    items.insert(7, (None, {**items[0][1], "establishment": missing}))
    created, updated, issues = service.write_many("inspection", items)
    assert (created, updated) == (0, 0)
    assert [(i, x.label, x.reason) for i, x in issues] == [
        (7, "Cơ sở", "không tìm thấy bản ghi được chọn trong dữ liệu của đơn vị này.")]
    assert sorted(a[1] for a in asked) == sorted([est, missing])
    del items[7]
    assert service.write_many("inspection", items)[:2] == (30, 0)


def test_unique_values_checked_against_the_store_and_within_the_batch(service):
    service.create("unit_status", {"year": 2018, "healthy": True})
    created, _, issues = service.write_many("unit_status", [(None, {"year": 2019, "healthy": True}),
                                                            (None, {"year": 2018, "healthy": False}),
                                                            (None, {"year": 2019, "healthy": False})])
    assert created == 0
    assert [(i, x.reason) for i, x in issues] == [
        (1, "đơn vị này đã có một bản ghi với năm 2018."), (2, "trùng với dòng 1 ở trên.")]


def test_guards_still_refuse_rows_of_a_batch(service, commune):
    def no_february(form, row):
        if str(row.get("date", "")).startswith("2019-02"):
            raise RecordError("Kỳ tháng 2 đã khóa.")

    service.guards.append(no_february)
    items = [(None, {**COMM, "date": f"2019-0{m}-10"}) for m in (1, 2, 3)]
    created, _, issues = service.write_many("communication", items)
    assert created == 0 and [(i, x.reason) for i, x in issues] == [(1, "Kỳ tháng 2 đã khóa.")]
    assert commune.store.count(commune.store.forms["communication"]) == 0


def test_a_file_of_version_0_1_0_still_verifies(tmp_path):
    src = DATA / "db_v0_1_0.sqlite"
    path = tmp_path / "old.sqlite"
    shutil.copy(src, path)
    n = assert_chain_in_original_format(path)
    store = Store.open(path)
    try:
        assert store.check() == []
        svc = RecordService(store, actor="tester", today=lambda: date(2020, 6, 30))
        if store.unit_code:
            svc.write_many("communication", _items(3))
    finally:
        store.close()
    assert assert_chain_in_original_format(path) >= n


def test_a_guard_may_check_a_batch_with_what_it_prepared_once(service, commune):
    calls = {"prepared": 0, "rows": 0, "single": 0}

    class LockLike:
        def __call__(self, form, row):
            calls["single"] += 1
            if row.get("date") == "2019-02-10":
                raise RecordError("Kỳ tháng 2 đã khóa.")

        def for_batch(self, form):
            calls["prepared"] += 1
            locked = {"2019-02-10"}  # what a real guard would read once

            def check(form, row):
                calls["rows"] += 1
                if row.get("date") in locked:
                    raise RecordError("Kỳ tháng 2 đã khóa.")

            return check

    service.guards.append(LockLike())
    items = [(None, {**COMM, "date": f"2019-0{m}-10"}) for m in (1, 2, 3)]
    created, _, issues = service.write_many("communication", items)
    assert created == 0 and [(i, x.reason) for i, x in issues] == [(1, "Kỳ tháng 2 đã khóa.")]
    assert calls == {"prepared": 1, "rows": 3, "single": 0}
    assert service.write_many("communication", [items[0], items[2]])[:2] == (2, 0)
    with pytest.raises(RecordError, match="tháng 2"):
        service.create("communication", items[1][1])
    assert calls["single"] == 1


def test_incoming_rows_written_together_make_the_chain_one_by_one_makes(tmp_path, clock):
    """apply_incoming_many (one statement per run) = apply_incoming per record, with or without a
    shared appender (one per package transaction)."""
    from plan_desktop.store import audit

    source = Store.open(tmp_path / "c.sqlite")
    source.set_settings({"unit_code": "13597"})
    RecordService(source, actor="xã", today=lambda: date(2020, 6, 30)).write_many("communication", _items(12))
    rows = [dict(r) for r in source.db.query("SELECT * FROM form_communication ORDER BY id")]
    rows[3]["deleted"] = True  # a tombstone travels too
    source.close()
    dumps = []
    for way in ("one by one", "many", "many, one appender"):
        clock()
        store = Store.open(tmp_path / f"{way}.sqlite")
        store.set_settings({"unit_code": "353"})
        svc = RecordService(store, actor="huyện", today=lambda: date(2020, 6, 30))
        with store.db.atomic():
            if way == "one by one":
                for r in rows:
                    svc.apply_incoming("communication", r, note="gói 13597 số 1")
            elif way == "many":
                svc.apply_incoming_many("communication", rows[:5], note="gói 13597 số 1")
                svc.apply_incoming_many("communication", rows[5:], note="gói 13597 số 1")
            else:
                with audit.Appender(store.db) as ap:
                    svc.apply_incoming_many("communication", rows[:5], note="gói 13597 số 1", appender=ap)
                    svc.apply_incoming_many("communication", [], note="gói 13597 số 1", appender=ap)
                    svc.apply_incoming_many("communication", rows[5:], note="gói 13597 số 1", appender=ap)
        assert store.check() == []
        dumps.append(_dump(store))
        path = store.path
        store.close()
        assert assert_chain_in_original_format(path) == 12
    assert dumps[0] == dumps[1] == dumps[2]
