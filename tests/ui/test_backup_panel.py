"""Backups and restore from the settings page, as a real window on a real data folder."""

from __future__ import annotations

import sqlite3

from plan_desktop.ui.pages.settings import SettingsPage
from tests.ui.samples import SAMPLES


def _shot(widget, shots, name: str) -> None:
    widget.grab().save(str(shots / f"{name}.png"))


def test_backup_now_then_restore_brings_the_data_back(window, ctx, qtbot, shots):
    calls = []
    ctx.on_settings_changed = lambda: calls.append("rebuild")
    page: SettingsPage = window.show_page("settings")
    page.tabs.setCurrentWidget(page.backups)
    panel = page.backups
    first = ctx.service.create("communication", SAMPLES["communication"])
    before_rows = panel.table.rowCount()
    made = panel.backup_now()
    assert made is not None and made.exists()
    assert panel.table.rowCount() == before_rows + 1
    assert panel.table.item(0, 1).text() == "do người dùng tạo"  # newest first
    ctx.service.create("communication", SAMPLES["communication"])
    ctx.service.delete("communication", first["id"])
    forms = ctx.inst.store.forms
    assert ctx.inst.store.count(forms["communication"]) == 1
    _shot(window, shots, "settings_backups")

    panel.table.selectRow(0)
    assert panel.restore_button.isEnabled()
    saved = panel.restore_selected(confirm=False)
    assert saved is not None and saved.exists() and "restore" in saved.name
    ids = [r["id"] for r in ctx.inst.store.rows(ctx.inst.store.forms["communication"])]
    assert ids == [first["id"]]  # exactly the data as backed up
    assert ctx.inst.store.check() == []  # the audit chain of the restored data holds
    assert calls == ["rebuild"]  # the window is rebuilt on the restored data
    assert "Đã khôi phục" in panel.status.text()
    # after a restore the program keeps writing a sound chain
    ctx.service.create("communication", SAMPLES["communication"])
    assert ctx.inst.store.check() == []


def test_restore_refuses_a_broken_or_foreign_file_and_changes_nothing(window, ctx, tmp_path):
    page: SettingsPage = window.show_page("settings")
    panel = page.backups
    rec = ctx.service.create("communication", SAMPLES["communication"])
    broken = tmp_path / "hong.sqlite"
    broken.write_bytes(b"SQLite format 3\0" + b"\x13" * 4000)
    assert panel.restore_from(broken, confirm=False) is None
    assert "không phải là tệp sao lưu" in panel.status.text() or "hỏng" in panel.status.text()

    other = panel.backup_to_file(tmp_path / "khac.sqlite")  # a sound copy, then made another unit's
    conn = sqlite3.connect(other)
    conn.execute("UPDATE settings SET value = '\"13600\"' WHERE key = 'unit_code'")
    conn.commit()
    conn.close()
    assert panel.restore_from(other, confirm=False) is None
    assert "13600" in panel.status.text()
    assert [r["id"] for r in ctx.inst.store.rows(ctx.inst.store.forms["communication"])] == [rec["id"]]


def test_backup_to_a_usb_folder_and_keep_setting(window, ctx, tmp_path):
    page: SettingsPage = window.show_page("settings")
    panel = page.backups
    ctx.service.create("communication", SAMPLES["communication"])
    out = panel.backup_to_file(tmp_path / "usb" / "sao-luu.sqlite")
    assert out is not None and out.exists()
    conn = sqlite3.connect(out)
    assert conn.execute("SELECT count(*) FROM form_communication").fetchone()[0] == 1
    conn.close()
    panel.keep.setValue(5)
    assert ctx.inst.store.get_setting("backup_keep") == 5
