"""Where save dialogs start, and what the officer can do with a file just written.

Save dialogs start in the folder used last (this session), else the user's Documents — never the
program's folder (the working directory of a shortcut). After a PDF, XLSX, backup or export is written,
:func:`offer_open` shows «Mở tệp» / «Mở thư mục» so the officer finds it again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

_last_folder: Path | None = None


def documents() -> Path:
    loc = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(loc) if loc else Path.home()


def start_folder() -> Path:
    """The folder a save or open dialog starts in."""
    if _last_folder is not None and _last_folder.is_dir():
        return _last_folder
    return documents()


def start_path(name: str = "") -> str:
    """``name`` in :func:`start_folder` (the suggested file of a save dialog)."""
    folder = start_folder()
    return str(folder / name) if name else str(folder)


def remember(path: str | Path) -> None:
    """The folder of a file (or a folder) the officer chose: the next dialog starts there."""
    global _last_folder
    p = Path(path)
    _last_folder = p if p.is_dir() else p.parent


def open_url(url: QUrl) -> bool:
    """Open with the system's program (a seam for tests)."""
    return QDesktopServices.openUrl(url)


def open_file(path: str | Path) -> bool:
    return open_url(QUrl.fromLocalFile(str(Path(path).resolve())))


def open_folder(path: str | Path) -> bool:
    p = Path(path)
    return open_url(QUrl.fromLocalFile(str((p if p.is_dir() else p.parent).resolve())))


def offer_open(parent: QWidget, path: str | Path, text: str, *, title: str = "") -> QMessageBox:
    """A message saying what was written, with «Mở tệp» (a file only), «Mở thư mục» and «Đóng».
    Not modal for the caller (``open()``): the box is returned and kept on ``parent.open_box``."""
    p = Path(path)
    box = QMessageBox(QMessageBox.Icon.Information, title or QCoreApplication.translate("Files", "Đã lưu"), text,
                      QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("saved_box")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    open_file_button = None
    if p.is_file():
        open_file_button = box.addButton(QCoreApplication.translate("Files", "Mở tệp"),
                                         QMessageBox.ButtonRole.ActionRole)
        open_file_button.setObjectName("open_file")
    open_folder_button = box.addButton(QCoreApplication.translate("Files", "Mở thư mục"),
                                       QMessageBox.ButtonRole.ActionRole)
    open_folder_button.setObjectName("open_folder")
    close = box.addButton(QCoreApplication.translate("Files", "Đóng"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(close)
    box.setEscapeButton(close)

    def clicked(button) -> None:
        if button is open_file_button:
            open_file(p)
        elif button is open_folder_button:
            open_folder(p)

    box.buttonClicked.connect(clicked)
    parent.open_box = box
    box.open()
    return box
