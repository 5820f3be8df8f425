"""The main window: navigation pane on the left, one page per entry, status bar at the bottom."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

import plan_desktop
from plan_desktop.domain.text import format_int_vi
from plan_desktop.services import overview
from plan_desktop.ui.context import AppContext
from plan_desktop.ui.pages import REGISTRY, Page

if TYPE_CHECKING:  # the guide's dialog is loaded the first time F1 is pressed
    from plan_desktop.ui.help import HelpDialog

DEFAULT_SIZE = (1280, 720)  # fits a 1366×768 screen with the task bar


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, registry: list[type[Page]] | None = None):
        super().__init__()
        self.ctx = ctx
        self.setObjectName("main_window")
        # the program's name is the application's display name (Qt adds it after the title): once only
        QApplication.setApplicationDisplayName(self.tr("Phòng, chống mại dâm — Kế hoạch 1295"))
        self.setWindowTitle(ctx.unit_title())

        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(250)
        self.nav.setSpacing(1)
        self.nav.setWordWrap(True)
        self.nav.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setStyleSheet("QListWidget#nav { background:#f3f5f8; border:none; padding:4px; }"
                               "QListWidget#nav::item { padding:6px 8px; border-radius:4px; }"
                               "QListWidget#nav::item:selected { background:#1565c0; color:white; }")
        self.stack = QStackedWidget()
        self.pages: list[Page] = []
        for cls in registry or REGISTRY:
            for page in cls.create(ctx):
                self._add_page(page)
        self.nav.currentRowChanged.connect(self._show_page)

        central = QWidget()
        lay = QHBoxLayout(central)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.nav)
        lay.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        # -- status bar
        self.path_label = QLabel()
        self.path_label.setObjectName("status_path")
        self.period_label = QLabel()
        self.period_label.setObjectName("status_period")
        self.unexported_label = QLabel()
        self.unexported_label.setObjectName("status_unexported")
        self.role_label = QLabel()
        self.role_label.setObjectName("status_role")
        sb = self.statusBar()
        sb.addWidget(self.path_label, 1)
        sb.addPermanentWidget(self.role_label)
        sb.addPermanentWidget(self.period_label)
        sb.addPermanentWidget(self.unexported_label)
        self._status_timer = QTimer(self)
        self._status_timer.setSingleShot(True)
        self._status_timer.setInterval(250)
        self._status_timer.timeout.connect(self.update_status)
        ctx.bridge.changed.connect(self._status_timer.start)
        self.update_status()

        self._build_menu()
        self.resize(*DEFAULT_SIZE)
        self.nav.setCurrentRow(0)

    # -- pages -----------------------------------------------------------------------------------------
    def _add_page(self, page: Page) -> None:
        self.pages.append(page)
        self.stack.addWidget(page)
        item = QListWidgetItem(page.title())
        item.setData(Qt.ItemDataRole.UserRole, page.key)
        n = len(self.pages)
        if n <= 9:
            item.setToolTip(f"Ctrl+{n}")
        self.nav.addItem(item)
        if hasattr(page, "status_message"):
            page.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        if hasattr(page, "open_page"):
            page.open_page.connect(self.show_page)
        if hasattr(page, "exported"):
            page.exported.connect(self.update_status)

    def _show_page(self, row: int) -> None:
        if not 0 <= row < len(self.pages):
            return
        current = self.stack.currentIndex()
        if current != row and 0 <= current < len(self.pages) and not self.pages[current].can_leave():
            self.nav.blockSignals(True)  # stay on the page (the officer chose «Hủy»)
            self.nav.setCurrentRow(current)
            self.nav.blockSignals(False)
            return
        self.pages[row].prepare()
        self.stack.setCurrentIndex(row)
        self.pages[row].activated()

    def page(self, key: str) -> Page | None:
        return next((p for p in self.pages if p.key == key), None)

    def show_page(self, key: str) -> Page | None:
        for i, p in enumerate(self.pages):
            if p.key == key:
                if self.nav.currentRow() == i:
                    p.activated()  # already current: let it catch up (e.g. the overview's first fill)
                else:
                    self.nav.setCurrentRow(i)
                return p
        return None

    def current_page(self) -> Page:
        return self.pages[self.stack.currentIndex()]

    # -- menu and keys ---------------------------------------------------------------------------------
    def _build_menu(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&Tệp"))
        quit_action = QAction(self.tr("&Thoát"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        go_menu = menu.addMenu(self.tr("&Đi đến"))
        for i, page in enumerate(self.pages):
            a = QAction(page.title(), self)
            if i < 9:
                a.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            a.triggered.connect(lambda _=False, k=page.key: self.show_page(k))
            go_menu.addAction(a)
        switch = QAction(self.tr("Chuyển giữa danh mục và nội dung"), self)
        switch.setShortcut(QKeySequence("F6"))
        switch.triggered.connect(self._toggle_focus)
        go_menu.addSeparator()
        go_menu.addAction(switch)
        help_menu = menu.addMenu(self.tr("Trợ &giúp"))
        help_action = QAction(self.tr("&Hướng dẫn sử dụng"), self)
        help_action.setShortcut(QKeySequence("F1"))
        help_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        help_action.triggered.connect(self.show_help)
        about = QAction(self.tr("&Giới thiệu"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(help_action)
        help_menu.addAction(about)
        self.help_action = help_action

    def _toggle_focus(self) -> None:
        if self.nav.hasFocus():
            self.current_page().activated()
        else:
            self.nav.setFocus()

    def show_help(self) -> HelpDialog:
        """F1: the guide, at the part about the page shown (about entering records from an entry dialog)."""
        from plan_desktop.ui.help import HelpDialog

        # parented to an open entry dialog if there is one, so that the help is not blocked by it
        modal = QApplication.activeModalWidget()
        section = "nhap-lieu" if modal is not None else self.current_page().help_anchor()
        if self.current_page().key == "exchange" and not self.ctx.is_commune and modal is None:
            section = "bien-nhan"
        dlg = HelpDialog(modal or self, lang=self.ctx.lang, section=section)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.open()
        self.help_dialog = dlg
        return dlg

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("Giới thiệu"), self.tr(
            "<b>Phòng, chống mại dâm</b> — phiên bản {version}<br>"
            "Chương trình thực hiện và báo cáo Kế hoạch 1295/KH-UBND của UBND tỉnh Hà Nam "
            "(giai đoạn 2016–2020). Dữ liệu được lưu trên máy này.").format(version=plan_desktop.__version__))

    # -- status ----------------------------------------------------------------------------------------
    def update_status(self) -> None:
        inst = self.ctx.inst
        # where the data are is a detail (Cài đặt shows it, and the tooltip here)
        self.path_label.setText(self.tr("Dữ liệu lưu trên máy này"))
        self.path_label.setToolTip(self.tr("Thư mục dữ liệu: {path}").format(path=inst.folder))
        period = overview.current_period(inst, self.ctx.today())
        self.period_label.setText(self.tr("Kỳ hiện tại: {period}").format(period=self.ctx.period_label(period)))
        n = overview.unexported_count(inst)
        self.unexported_label.setText(self.tr("Chưa xuất: {n} bản ghi").format(n=format_int_vi(n)))
        if inst.access.enabled:
            role = (self.tr("người phê duyệt") if inst.session.role == "approver" else self.tr("cán bộ nhập liệu"))
            self.role_label.setText(self.tr("Đăng nhập: {role}").format(role=role))
        self.role_label.setVisible(inst.access.enabled)

    def closeEvent(self, e) -> None:
        if not all(p.can_leave() for p in self.pages):
            e.ignore()
            return
        self._status_timer.stop()
        if not getattr(self, "_closed", False):
            self._closed = True
            self.ctx.bridge.changed.disconnect(self._status_timer.start)
        for p in self.pages:
            p.shutdown()
        super().closeEvent(e)


def fit_to_screen(window: QMainWindow) -> None:
    """Keep the default size inside the available screen (a 1366×768 office screen shows it whole)."""
    screen = window.screen() or QApplication.primaryScreen()
    if screen is None:
        return
    avail = screen.availableGeometry()
    w = min(window.width(), avail.width())
    h = min(window.height(), avail.height() - 30)
    window.resize(w, h)
