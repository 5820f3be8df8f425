"""The list model reads a big list lazily (a count and the first rowids, then the rest when idle) and
searches in memory: the rows it shows, in their order, are exactly what the store's SQL query gives."""

from __future__ import annotations

import itertools
import random
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from plan_desktop.store import Query, Store
from plan_desktop.ui.models import RecordTableModel

N = 1500
TOPICS = ["Tuyên truyền Luật Phòng, chống mại dâm", "Nói chuyện chuyên đề HIV", "Phòng chống mua bán người",
          "Đặng Văn Bình nói chuyện", "Chợ quê an toàn", "Gia đình văn hóa"]
PLACES = ["thôn Đồng Lý", "xóm Chợ", "trường THCS", "chợ Lý Nhân", None]


@pytest.fixture(scope="module")
def _folder(tmp_path_factory):
    from plan_desktop.services.installation import Installation

    folder = tmp_path_factory.mktemp("lazy") / "data"
    inst = Installation.init(folder, "13597", officer="Đặng Thị Thu", extra_settings={"working_year": 2019})
    rng = random.Random(3)
    items = []
    for i in range(N):
        d = date(2018, 11, 1) + timedelta(days=rng.randrange(420))
        items.append((None, {"date": d, "format": rng.choice(["talk", "press", "loudspeaker"]),
                             "venue_type": rng.choice(["residential", "school"]),
                             "location": rng.choice(PLACES), "topic": f"{rng.choice(TOPICS)} {i}",
                             "lead_org": "police", "audience": ["residents"],
                             "participants": rng.randint(10, 300), "participants_female": 5}))
    svc = inst.records()
    svc.today = lambda: date(2020, 6, 30)
    created, _, issues = svc.write_many("communication", items)
    assert created == N and not issues, issues[:3]
    gone = [r[0] for r in inst.store.db.execute("SELECT id FROM form_communication ORDER BY id LIMIT 40")]
    svc.delete("communication", *gone)
    inst.close()
    return folder


@pytest.fixture(scope="module")
def inst(_folder):
    from plan_desktop.services.installation import Installation

    inst = Installation.open(_folder, daily_backup=False)
    yield inst
    inst.close()


@pytest.fixture
def small_steps(monkeypatch):
    """Tiny blocks and chunks, so that 1.500 rows take many steps."""
    monkeypatch.setattr(RecordTableModel, "BLOCK", 25)
    monkeypatch.setattr(RecordTableModel, "FIRST_KEYS", 50)
    monkeypatch.setattr(RecordTableModel, "TEXT_CHUNK", 170)
    monkeypatch.setattr(RecordTableModel, "SEARCH_CHUNK", 230)


def model_ids(model) -> list[str]:
    model.finish_search()
    return [model.id_at(r) for r in range(model.rowCount())]


YEAR = (date(2019, 1, 1), date(2019, 12, 31))


@pytest.mark.parametrize("period", [YEAR, (None, None), (date(2019, 7, 1), date(2019, 9, 30))])
def test_rows_and_order_are_the_stores(inst, qtbot, small_steps, period):
    form = inst.store.forms["communication"]
    model = RecordTableModel(inst.store, form, own_unit="13597")
    model.set_filter(start=period[0], end=period[1])
    q = Query(start=period[0], end=period[1])
    assert model.rowCount() == inst.store.count(form, q)
    assert len(model._keys) <= RecordTableModel.FIRST_KEYS  # only the first rowids were read
    assert model_ids(model) == inst.store.ids(form, q)
    participants = next(i for i, c in enumerate(model.columns) if c.key == "participants")
    model.sort(participants, Qt.SortOrder.DescendingOrder)
    by_participants = Query(start=period[0], end=period[1], order_by="participants", descending=True)
    assert model_ids(model) == inst.store.ids(form, by_participants)


def test_row_of_and_ids_beyond_the_first_rowids(inst, qtbot, small_steps):
    form = inst.store.forms["communication"]
    model = RecordTableModel(inst.store, form, own_unit="13597")
    expected = inst.store.ids(form, Query())
    assert model.row_of(expected[-1]) == len(expected) - 1
    assert model.row_of("not-an-id") == -1
    rows = [0, 5, len(expected) - 1, len(expected)]
    assert model.ids_at(rows) == [expected[0], expected[5], expected[-1], None]
    assert model.ids == expected
    sql = "SELECT id FROM form_communication WHERE deleted = 1 LIMIT 1"
    deleted = inst.store.db.execute(sql).fetchone()[0]
    assert model.row_of(deleted) == -1


SEARCHES = ["t", "tu", "tuy", "tuyen", "tuyen tr", "cho", "chợ", "CHO LY", "dang", "Đặng", "xom cho", "hiv 1",
            "1", "12", "zz", "mai dam 14", "  ", "100%", "a_b", "\\"]


def test_typing_a_search_narrows_like_sql(inst, qtbot, small_steps):
    form = inst.store.forms["communication"]
    model = RecordTableModel(inst.store, form, own_unit="13597")
    model.set_filter(start=YEAR[0], end=YEAR[1])
    for text in SEARCHES:
        model.set_filter(start=YEAR[0], end=YEAR[1], search=text)
        assert model_ids(model) == inst.store.ids(form, Query(start=YEAR[0], end=YEAR[1], search=text)), text
    name = next(i for i, c in enumerate(model.columns) if c.key == "topic")
    model.sort(name, Qt.SortOrder.AscendingOrder)
    model.set_filter(start=YEAR[0], end=YEAR[1], search="")
    everything = model_ids(model)
    for text in ("tuy", "tuyen", "nguoi"):
        model.set_filter(start=YEAR[0], end=YEAR[1], search=text)
        wanted = set(inst.store.ids(form, Query(start=YEAR[0], end=YEAR[1], search=text)))
        assert model_ids(model) == [i for i in everything if i in wanted]  # the collated order, filtered


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.sampled_from([*SEARCHES, "tuyen truyen", "noi", "noi chuyen", "n", "g"]), min_size=1,
                      max_size=5))
def test_any_sequence_of_searches(inst, qtbot, steps):
    form = inst.store.forms["communication"]
    model = RecordTableModel(inst.store, form, own_unit="13597")
    for text in steps:
        model.set_filter(search=text)
        assert model_ids(model) == inst.store.ids(form, Query(search=text)), (steps, text)


def test_read_ahead_when_idle_then_changes_are_seen(data_dir, qtbot, small_steps):
    from plan_desktop.services.installation import Installation

    inst = Installation.init(data_dir, "13597", officer="Đặng Thị Thu", extra_settings={"working_year": 2019})
    try:
        svc = inst.records()
        values = {"date": "2019-03-05", "format": "talk", "venue_type": "school", "lead_org": "police",
                  "audience": "residents"}
        svc.write_many("communication", [(None, {**values, "topic": f"Buổi số {i}"}) for i in range(600)])
        form = inst.store.forms["communication"]
        model = RecordTableModel(inst.store, form, own_unit="13597")
        assert model.rowCount() == 600 and model._texts is None
        qtbot.waitUntil(lambda: model._base_texts is not None, timeout=10_000)
        assert model._complete and len(model._keys) == 600
        blocks = model.blocks_loaded
        model.set_filter(search="so 59")
        model.finish_search()
        assert model.blocks_loaded == blocks  # searched in memory, nothing read
        assert model.rowCount() == 16  # "so" and "59": 59, 159 ... 559, 590 to 599
        # a change reloads: an edited, a new and a deleted record are searched as they are now
        first = inst.store.ids(form, Query(search="so 590"))[0]
        svc.update("communication", first, {**svc.get("communication", first), "topic": "Đã đổi"})
        svc.create("communication", {**values, "topic": "Buổi số 5999"})
        svc.delete("communication", inst.store.ids(form, Query(search="so 591"))[0])
        model.reload()
        assert model_ids(model) == inst.store.ids(form, Query(search="so 59"))
        assert model.rowCount() == 15
    finally:
        inst.close()


def test_a_search_shows_the_first_rows_found_and_appends_the_rest(inst, qtbot, small_steps):
    form = inst.store.forms["communication"]
    model = RecordTableModel(inst.store, form, own_unit="13597")
    qtbot.waitUntil(lambda: model._base_texts is not None, timeout=10_000)
    inserted, done = [], []
    model.rowsInserted.connect(lambda parent, first, last: inserted.append((first, last)))
    model.search_done.connect(lambda: done.append(True))
    model.set_filter(search="tuyen")
    expected = inst.store.ids(form, Query(search="tuyen"))
    assert model.searching and 0 < model.rowCount() < len(expected)
    first = model.rowCount()
    assert [model.id_at(r) for r in range(first)] == expected[:first]
    qtbot.waitUntil(lambda: not model.searching, timeout=10_000)
    assert done == [True] and inserted[0][0] == first and inserted[-1][1] == len(expected) - 1
    assert all(b[0] == a[1] + 1 for a, b in itertools.pairwise(inserted))
    assert [model.id_at(r) for r in range(model.rowCount())] == expected
    # a record not among the first rows found: finding it filters the rest at once
    model.set_filter(search="tuyen")
    assert model.searching
    assert model.row_of(expected[-1]) == len(expected) - 1 and not model.searching


def test_the_page_selects_again_once_the_search_is_done(inst, qtbot, small_steps, monkeypatch):
    from plan_desktop.ui.context import AppContext
    from plan_desktop.ui.main_window import MainWindow

    ctx = AppContext.create(inst, "vi")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    try:
        page = window.show_page("form:communication")
        page.set_period(None)
        form = inst.store.forms["communication"]
        last = inst.store.ids(form, Query(search="tuyen"))[-1]
        assert page.select_id(last)
        qtbot.waitUntil(lambda: page.model._base_texts is not None, timeout=10_000)
        page.search.setText("tuyen")
        page.apply_filter()
        assert page.model.searching and page.selected_ids() == []
        qtbot.waitUntil(lambda: not page.model.searching, timeout=10_000)
        assert page.selected_ids() == [last]
        n = len(inst.store.ids(form, Query(search="tuyen")))
        assert page.count_label.text() == f"{n:,} bản ghi".replace(",", ".")
    finally:
        window.close()
        ctx.bridge.close()


@pytest.mark.parametrize("q", [Query(), Query(start=YEAR[0], end=YEAR[1]), Query(unit_code="13597"),
                               Query(unit_code="13594"), Query(include_deleted=True), Query(search="cho"),
                               Query(start=date(2019, 7, 1), end=date(2019, 9, 30), unit_code="13597")])
def test_store_counts_from_the_indexes_are_the_sql_counts(inst, q, monkeypatch):
    form = inst.store.forms["communication"]
    where, params = inst.store._where(form, q)
    sql = f"SELECT count(*) FROM form_communication WHERE {where}"
    expected = inst.store.db.execute(sql, params).fetchone()[0]
    assert inst.store.count(form, q) == expected == len(inst.store.row_keys(form, q))
    monkeypatch.setattr(Store, "deleted_keys", lambda self, form: set(range(10_000)))  # many: SQL counts
    if not q.search and not q.include_deleted:
        assert inst.store.count(form, q) == inst.store._count_where(form, q)
