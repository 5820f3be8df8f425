"""Starting the window: QApplication, fonts, translations, then the main window on an installation."""

from __future__ import annotations

import sys
from pathlib import Path


def run(folder: Path, argv: list[str] | None = None) -> int:
    from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

    from plan_desktop.errors import user_message
    from plan_desktop.services.installation import Installation

    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("plan_desktop")
    app.setApplicationDisplayName("Phòng, chống mại dâm — Kế hoạch 1295")
    window = QMainWindow()
    try:
        inst = Installation.open(folder)
    except Exception as exc:
        msg = user_message(exc)
        if msg is None:
            raise
        window.setWindowTitle("Phòng, chống mại dâm — chưa thiết lập")
        QMessageBox.information(window, "Chưa thiết lập", msg)
        return 1
    unit = inst.unit()
    window.setWindowTitle(f"Phòng, chống mại dâm — {unit.name}")
    window.statusBar().showMessage(f"Dữ liệu: {inst.store.path}")
    window.resize(1280, 720)
    window.show()
    try:
        return app.exec()
    finally:
        inst.close()
