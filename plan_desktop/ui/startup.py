"""What the window needs before it opens: the bundled fonts, the log file and the crash dialog.

Kept apart from :mod:`plan_desktop.ui.app` so tests can call each piece on its own.
"""

from __future__ import annotations

import json
import logging
import sys
import traceback
import weakref
from datetime import datetime
from pathlib import Path
from types import TracebackType

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from plan_desktop import paths

log = logging.getLogger("plan_desktop")

FONT_FAMILY = "Noto Sans"
FONT_FILE = "NotoSans-Regular.ttf"
FONT_POINT_SIZE = 10
MISSING_RESOURCE_TITLE = "Thiếu tệp của chương trình"
#: What the window says after the installation's message when its font is missing.
FONT_FALLBACK_NOTE = (
    "Chương trình vẫn mở với phông chữ của hệ thống; chữ tiếng Việt có thể hiển thị không đẹp."
)


# -- fonts -------------------------------------------------------------------------------------------
def register_fonts(app: QApplication | None = None, *, warn: bool = True) -> list[str]:
    """Register every TTF under ``resources/fonts`` and make Noto Sans the application font.

    Returns the families registered. Without a bundled font the platform default stays (DejaVu on a
    bare Linux clips stacked Vietnamese marks, so the fonts ship with the program): a missing or
    unreadable Noto Sans is logged and, with ``warn``, said in a message box naming the file and asking
    to reinstall (:class:`~plan_desktop.paths.ResourceMissingError`'s text); the window still opens.
    """
    folder = paths.resource("fonts")
    problem: paths.ResourceMissingError | None = None
    try:
        main_font = paths.require_resource("fonts", FONT_FILE, what="phông chữ")
    except paths.ResourceMissingError as exc:
        problem, main_font = exc, None
    families: list[str] = []
    for ttf in sorted(folder.glob("*.ttf")) if folder.is_dir() else []:
        font_id = QFontDatabase.addApplicationFont(str(ttf))
        if font_id < 0:
            log.warning("cannot load font %s", ttf)
            if ttf == main_font:
                problem = paths.ResourceMissingError(ttf, "phông chữ", damaged=True)
            continue
        families.extend(QFontDatabase.applicationFontFamilies(font_id))
    app = app or QApplication.instance()
    if FONT_FAMILY in families and app is not None:
        font = QFont(FONT_FAMILY, FONT_POINT_SIZE)
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        app.setFont(font)
    if problem is not None:
        log.error("%s", problem)
        if warn and app is not None:
            QMessageBox.warning(None, MISSING_RESOURCE_TITLE, f"{problem}\n\n{FONT_FALLBACK_NOTE}")
    return sorted(set(families))


# -- logging -----------------------------------------------------------------------------------------
def setup_logging(folder: Path) -> Path | None:
    """The rotating log in ``<data folder>/logs/`` (see :mod:`plan_desktop.logs`)."""
    from plan_desktop.logs import setup_logging as _setup

    return _setup(folder)


# -- drafts of open dialogs --------------------------------------------------------------------------
# Open entry dialogs (weakly held); their typed values are saved as drafts when something crashes.
_open_dialogs: weakref.WeakSet = weakref.WeakSet()


def track_dialog(dialog: QWidget) -> None:
    """Remember an open entry dialog (it must have ``draft() -> dict``)."""
    _open_dialogs.add(dialog)


def save_drafts(folder: Path) -> list[Path]:
    """Write what every open entry dialog holds to ``logs/draft-*.json``."""
    saved: list[Path] = []
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    for i, dlg in enumerate(list(_open_dialogs)):
        if not shiboken6.isValid(dlg):
            continue
        try:
            if not dlg.isVisible():
                continue
            draft = dlg.draft()
        except (Exception, RuntimeError):  # a crash while saving a draft must not hide the first crash
            log.exception("cannot take a draft")
            continue
        path = paths.log_dir(folder) / f"draft-{stamp}-{i}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(draft, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
        saved.append(path)
    return saved


# -- crash dialog ------------------------------------------------------------------------------------
class CrashHandler:
    """``sys.excepthook``: log the traceback, save drafts, show a dialog; the program keeps running.

    The dialog is not modal-blocking (``open()``), so an entry dialog that was open stays open with
    everything typed in it; the drafts are a second safety net.
    """

    def __init__(self, folder: Path, log_path: Path | None):
        self.folder = folder
        self.log_path = log_path
        self.last_dialog: QMessageBox | None = None
        self._previous = None

    def install(self) -> None:
        self._previous = sys.excepthook
        sys.excepthook = self

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook = self._previous

    def __call__(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QCoreApplication.quit()
            return
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        log.error("unexpected error:\n%s", text)
        drafts = save_drafts(self.folder)
        for handler in logging.getLogger("plan_desktop").handlers:
            handler.flush()
        self.last_dialog = show_crash_dialog(exc, text, self.log_path, drafts)


def show_crash_dialog(exc: BaseException, details: str, log_path: Path | None,
                      drafts: list[Path]) -> QMessageBox | None:
    if QApplication.instance() is None:
        return None
    box = QMessageBox(QApplication.activeWindow())
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("CrashDialog", "Đã xảy ra lỗi"))
    box.setText(QCoreApplication.translate("CrashDialog",
                                           "Chương trình gặp một lỗi không mong muốn. Dữ liệu đã lưu vẫn còn nguyên."))
    where = str(log_path) if log_path else QCoreApplication.translate("CrashDialog", "(không ghi được tệp nhật ký)")
    info = QCoreApplication.translate("CrashDialog", "Lỗi: {error}\n\nChi tiết đã được ghi vào tệp nhật ký:\n{path}\n\n"
             "Hãy gửi tệp này cho người hỗ trợ kỹ thuật.").format(error=f"{type(exc).__name__}: {exc}", path=where)
    if drafts:
        info += "\n\n" + QCoreApplication.translate("CrashDialog", "Nội dung đang nhập trong hộp thoại vẫn được giữ; "
                                                    "một bản nháp cũng "
                                          "được lưu tại:\n{path}").format(path=drafts[0])
    box.setInformativeText(info)
    box.setDetailedText(details)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setWindowModality(Qt.WindowModality.ApplicationModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
