"""The record lists: paging over many rows, sorting on real values, search without marks, periods."""

from __future__ import annotations

import functools
import random
import shutil
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from plan_desktop.store import Query
from plan_desktop.ui.models import RecordTableModel, vietnamese_collator
from tests.ui.samples import SAMPLES

N_MANY = 20_000
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Đặng", "Đỗ", "Ánh", "Dương", "Bùi", "Âu", "Ông", "Vũ"]
GIVEN = ["Ánh", "Bình", "Cường", "Dũng", "Đạt", "Hà", "Lan", "Ơn", "Uyên", "Yến", "Ân"]


@pytest.fixture(scope="module")
def _many_folder(tmp_path_factory):
    """20,000 officers with Vietnamese names and start dates, written once for the module."""
    from plan_desktop.services.installation import Installation

    folder = tmp_path_factory.mktemp("many") / "data"
    inst = Installation.init(folder, "13597", officer="Đặng Thị Thu", extra_settings={"working_year": 2019})
    rng = random.Random(7)
    items = []
    for i in range(N_MANY):
        name = f"{rng.choice(SURNAMES)} {rng.choice(['Văn', 'Thị', 'Đức'])} {rng.choice(GIVEN)} {i:05d}"
        since = date(2016, 1, 1) + timedelta(days=rng.randrange(1500))
        items.append((None, {"full_name": name, "role": "part_time", "since": since.isoformat()}))
    created, _, issues = inst.records().write_many("officer", items)
    assert created == N_MANY and not issues
    inst.close()
    return folder


@pytest.fixture
def many_inst(_many_folder, tmp_path):
    from plan_desktop.services.installation import Installation

    folder = tmp_path / "many"
    shutil.copytree(_many_folder, folder, ignore=shutil.ignore_patterns("*.lock", "backups"))
    inst = Installation.open(folder, daily_backup=False)
    yield inst
    inst.close()


@pytest.fixture
def many(many_inst):
    return many_inst.store.forms["officer"]


def _col(model, name):
    return next(i for i, c in enumerate(model.columns) if c.key == name)


def test_model_pages_through_many_rows(many_inst, many, qtbot):
    commune = many_inst
    model = RecordTableModel(commune.store, many, own_unit=commune.unit_code)
    assert model.rowCount() == N_MANY
    # rows come in blocks: reading row 12,345 reads one block, and the right row
    expected = next(iter(commune.store.rows(many, Query(limit=1, offset=12_345))))
    name_col = _col(model, "full_name")
    assert model.data(model.index(12_345, name_col)) == expected["full_name"]
    assert model.data(model.index(12_345, 0), RecordTableModel.IdRole) == expected["id"]
    assert model.blocks_loaded == 1
    # scrolling through everything keeps only a few blocks in memory
    for r in range(0, N_MANY, 97):
        model.data(model.index(r, name_col))
    assert len(model._blocks) <= model.CACHE_BLOCKS
    assert model.data(model.index(N_MANY - 1, name_col))


def test_model_sorts_dates_in_sql_and_names_vietnamese_way(many_inst, many, qtbot):
    commune = many_inst
    model = RecordTableModel(commune.store, many, own_unit=commune.unit_code)
    since = _col(model, "since")
    model.sort(since, Qt.SortOrder.AscendingOrder)
    sample = [model.data(model.index(r, since), RecordTableModel.SortRole) for r in range(0, N_MANY, 331)]
    assert sample == sorted(sample)
    shown = model.data(model.index(0, since))
    assert len(shown) == 10 and shown[2] == "/" and shown[5] == "/"  # dd/mm/yyyy
    model.sort(since, Qt.SortOrder.DescendingOrder)
    sample = [model.data(model.index(r, since), RecordTableModel.SortRole) for r in range(0, N_MANY, 331)]
    assert sample == sorted(sample, reverse=True)

    name = _col(model, "full_name")
    model.sort(name, Qt.SortOrder.AscendingOrder)
    names = [model.data(model.index(r, name)) for r in range(0, N_MANY, 97)]
    collator = vietnamese_collator()
    assert names == sorted(names, key=functools.cmp_to_key(collator.compare))
    first_letters = []
    for n in names:
        if not first_letters or first_letters[-1] != n[0]:
            first_letters.append(n[0])
    # Vietnamese order: Ánh (an A with a tone) < Âu < Bùi < Dương < Đặng/Đỗ < ... < Nguyễn < Ông
    assert first_letters[:5] == ["Á", "Â", "B", "D", "Đ"]
    assert first_letters.index("Ô") > first_letters.index("N")
    assert sorted(["Dương", "Ánh"]) == ["Dương", "Ánh"]  # what a plain sort would do wrong


def test_list_page_with_many_rows_filters_by_search(many_inst, qtbot):
    from plan_desktop.ui.context import AppContext
    from plan_desktop.ui.main_window import MainWindow

    ctx = AppContext.create(many_inst, "vi")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    page = window.show_page("form:officer")
    assert page.model.rowCount() == N_MANY
    qtbot.keyClicks(page.search, "00042")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=3000)
    assert page.model.data(page.model.index(0, 0)).endswith("00042")
    window.close()
    ctx.bridge.close()


def test_search_finds_dang_from_dang(window, ctx, qtbot):
    for name in ("Đặng Văn Bình", "Nguyễn Thị Lan", "ĐẶNG THỊ HÀ", "Trần Đăng Khoa"):
        ctx.service.create("officer", {**SAMPLES["officer"], "full_name": name})
    page = window.show_page("form:officer")
    assert page.model.rowCount() == 4
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus() or window.focusWidget() is page.search
    qtbot.keyClicks(page.search, "dang")
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=3000)  # debounced
    names = {page.model.data(page.model.index(r, 0)) for r in range(page.model.rowCount())}
    assert names == {"Đặng Văn Bình", "ĐẶNG THỊ HÀ", "Trần Đăng Khoa"}
    assert page.count_label.text() == "3 bản ghi"
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 4, timeout=3000)


def test_period_filter(window, ctx, qtbot):
    for d in ("2019-02-10", "2019-05-10", "2019-08-10", "2018-12-30"):
        ctx.service.create("communication", {**SAMPLES["communication"], "date": d})
    page = window.show_page("form:communication")
    assert page.current_period() == "2019"
    assert page.model.rowCount() == 3
    page.set_period("2019-H1")
    assert page.model.rowCount() == 2
    page.set_period("2019-Q3")
    assert page.model.rowCount() == 1
    page.set_period("2019-05")
    assert page.model.rowCount() == 1
    page.set_period(None)
    assert page.model.rowCount() == 4
    labels = [page.period_combo.itemText(i) for i in range(page.period_combo.count())]
    assert labels[:4] == ["Tất cả", "Năm 2019", "6 tháng đầu năm 2019", "6 tháng cuối năm 2019"]
    assert "Quý III năm 2019" in labels and "Tháng 12 năm 2019" in labels


def test_list_shows_values_the_vietnamese_way(window, ctx, qtbot):
    ctx.service.create("communication", {**SAMPLES["communication"], "participants": 1250,
                                         "participants_female": 600})
    page = window.show_page("form:communication")
    row = {c.key: page.model.data(page.model.index(0, i)) for i, c in enumerate(page.model.columns)}
    assert row["date"] == "05/03/2019"
    assert row["format"] == "Nói chuyện chuyên đề, hội nghị"  # the label, not the code
    assert row["participants"] == "1.250"


def test_list_refreshes_when_the_service_writes(window, ctx, qtbot):
    page = window.show_page("form:officer")
    assert page.model.rowCount() == 0
    ctx.service.create("officer", SAMPLES["officer"])
    assert page.model.rowCount() == 1
