"""An empty list says what to do; column titles are never cut."""

from __future__ import annotations

from plan_desktop.domain.forms import default_forms

FORM_IDS = list(default_forms())


def test_an_empty_list_says_what_to_do(window, qtbot):
    page = window.show_page("form:communication")
    page.set_period("2019")
    page.apply_filter()
    label = page.empty_label
    assert label.isVisible()
    assert label.text() == ("Chưa có hoạt động truyền thông nào trong năm 2019 — nhấn Thêm mới (Ctrl+N) để nhập, "
                            "hoặc chọn kỳ khác.")
    assert label.geometry().width() > 300


def test_a_search_without_results_says_so(window, ctx, qtbot):
    from tests.ui.samples import resolve

    ctx.service.create("communication", resolve(ctx.service, "communication"))
    page = window.show_page("form:communication")
    page.set_period("2019")
    page.apply_filter()
    assert not page.empty_label.isVisible()
    page.search.setText("khong co gi nhu the nay")
    page.apply_filter()
    qtbot.waitUntil(lambda: not page.model.searching)
    assert page.empty_label.isVisible()
    assert "Không tìm thấy bản ghi nào khớp «khong co gi nhu the nay»" in page.empty_label.text()
    page.search.clear()
    page.apply_filter()
    qtbot.waitUntil(lambda: not page.model.searching)
    assert not page.empty_label.isVisible()


def test_column_titles_are_not_cut(window, qtbot):
    for form_id in FORM_IDS:
        page = window.show_page(f"form:{form_id}")
        header = page.table.horizontalHeader()
        fm = header.fontMetrics()
        for col in range(page.model.columnCount()):
            title = page.model.headerData(col, header.orientation())
            assert header.sectionSize(col) >= fm.horizontalAdvance(title) + 12, (form_id, title)


def test_the_export_history_says_what_to_do_until_a_package_is_written(window, ctx, qtbot, monkeypatch):
    from types import SimpleNamespace

    from plan_desktop.services import exchange as ex

    page = window.show_page("exchange")
    qtbot.waitUntil(lambda: page.inner is not None)
    inner = page.inner
    assert inner.history_empty.isVisibleTo(inner) and "Xuất gói dữ liệu" in inner.history_empty.text()
    sent = SimpleNamespace(sequence=1, created_at="2020-01-05T08:00:00Z", records=3, status="sent", reason="")
    monkeypatch.setattr(ex, "export_history", lambda inst: [sent])
    inner._refresh_history()
    assert not inner.history_empty.isVisibleTo(inner) and inner.history.rowCount() == 1


def test_columns_are_sized_to_their_content(window, ctx, qtbot):
    from tests.ui.samples import resolve

    values = resolve(ctx.service, "communication")
    ctx.service.create("communication", {**values, "topic": "Họp"})
    page = window.show_page("form:communication")
    col = {c.field.name: i for i, c in enumerate(page.model.columns) if c.field}
    fm = page.table.fontMetrics()
    topic = page.table.columnWidth(col["topic"])
    title = page.table.horizontalHeader().fontMetrics().horizontalAdvance("Chủ đề, nội dung")
    assert title < topic < 240  # a short topic: the title's width, not a fixed 240 px
    # a list whose first rows have long topics gets a wider column, up to a cap (the rest shows on hover)
    ctx.service.create("communication", {**values, "topic": "Tuyên truyền " * 20})
    from plan_desktop.ui.pages.records import RecordsPage

    fresh = RecordsPage(ctx, ctx.inst.store.forms["communication"])
    qtbot.addWidget(fresh)
    fresh.prepare()
    fresh.ensure_loaded()
    assert fresh.table.columnWidth(col["topic"]) == 320
    assert fm.horizontalAdvance("Tuyên truyền " * 20) > 320
