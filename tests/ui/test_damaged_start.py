"""A damaged data file at start: the window says so, names the newest good backup and restores it with one
button; the damaged file is kept beside the restored one."""

from __future__ import annotations

import os

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from plan_desktop.services import backup
from plan_desktop.services.installation import Installation


def _damage(folder) -> None:
    for p in folder.glob("plan_desktop.sqlite-*"):
        p.unlink()
    (folder / "plan_desktop.sqlite").write_bytes(os.urandom(40_000))


def test_the_window_offers_the_newest_good_backup(tmp_path, qtbot, shots):
    from plan_desktop.ui.app import Controller

    folder = tmp_path / "data"
    inst = Installation.init(folder, "13597", officer="Đặng Thị Thu", extra_settings={"working_year": 2019})
    inst.records().create("officer", {"full_name": "Trần Thị Hà"})
    good = backup.make_backup(inst.store, folder, "manual")
    inst.close()
    _damage(folder)
    seen: list[str] = []

    def click(restore: bool):
        def step():
            box = next((w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()),
                       None)
            if box is None:
                QTimer.singleShot(20, step)
                return
            seen.append(box.text())
            box.resize(760, 300)
            box.grab().save(str(shots / "damaged_start.png"))
            wanted = "Khôi phục bản sao lưu này" if restore else "Thoát"
            next(b for b in box.buttons() if b.text() == wanted).click()
        QTimer.singleShot(0, step)

    c = Controller(folder)  # declined: nothing opens, nothing changes
    click(False)
    assert not c.start()
    assert "bị hỏng" in seen[0] and good.name in seen[0]
    c.close()
    assert not list(folder.glob("plan_desktop.sqlite.damaged-*"))

    c = Controller(folder)  # restored: the window opens on the backup's data
    click(True)
    assert c.start()
    try:
        qtbot.addWidget(c.window)
        form = c.inst.store.forms["officer"]
        assert [r["full_name"] for r in c.inst.store.rows(form)] == ["Trần Thị Hà"]
        assert list(folder.glob("plan_desktop.sqlite.damaged-*"))
    finally:
        c.close()
