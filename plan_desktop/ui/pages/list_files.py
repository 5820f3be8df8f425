"""The «Excel/CSV» menu of a record list: import a spreadsheet into the form (all or nothing), export
what the list shows, or save a blank file with the form's columns to fill in.

The work is :mod:`plan_desktop.services.tabular`'s; this only asks for the file and shows the outcome.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox, QPushButton

from plan_desktop.domain.text import format_int_vi
from plan_desktop.errors import user_message
from plan_desktop.services.tabular import (
    EXPORT_SUFFIXES,
    ImportFileError,
    ImportResult,
    export_file,
    import_file,
)
from plan_desktop.ui import files
from plan_desktop.ui.i18n import current, error_text

if TYPE_CHECKING:
    from PySide6.QtWidgets import QComboBox

    from plan_desktop.domain.forms import FormDef
    from plan_desktop.store.store import Query


class RecordsPage(Protocol):
    """What the menu needs of the list page that hosts it (``pages.records.RecordsPage``)."""

    form: FormDef
    ctx: Any
    period_combo: QComboBox
    status_message: Any

    def list_query(self) -> Query: ...

    def current_period(self) -> str | None: ...

#: Errors listed in the message's details (the first ones: a whole file of mistakes is not read out).
ERRORS_SHOWN = 200


class ListFiles(QObject):
    """The menu button, and :meth:`import_path` / :meth:`export_to` for the window and the tests."""

    def __init__(self, page: RecordsPage):
        super().__init__(page)
        self.page = page
        self.form = page.form
        self.result_box: QMessageBox | None = None
        self.button = QPushButton(page)
        self.button.setObjectName("files")
        self.button.setText(self.tr("Excel/CSV"))
        self.button.setToolTip(self.tr("Nhập bản ghi từ tệp Excel/CSV, xuất danh sách ra tệp"))
        self.button.setAutoDefault(False)
        menu = QMenu(self.button)
        self.import_action = menu.addAction(self.tr("Nhập từ tệp Excel/CSV…"), lambda: self._pick_import())
        self.import_action.setObjectName("act_import_file")
        self.export_action = menu.addAction(self.tr("Xuất danh sách đang xem ra Excel/CSV…"),
                                            lambda: self._pick_export())
        self.export_action.setObjectName("act_export_file")
        self.template_action = menu.addAction(self.tr("Lưu tệp mẫu để điền…"),
                                              lambda: self._pick_export(template=True))
        self.template_action.setObjectName("act_template_file")
        self.button.setMenu(menu)

    # -- import ----------------------------------------------------------------------------------------
    def import_path(self, path: Path) -> ImportResult | None:
        """Import ``path`` into the form; the outcome in a message. None when the file itself was refused."""
        path = Path(path)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = import_file(self.page.ctx.service, self.form.id, path)
        except ImportFileError as exc:
            self._show(QMessageBox.Icon.Warning, self.tr("Không nhập được tệp"), error_text(exc))
            return None
        except Exception as exc:  # a full disk, a read-only folder…: the officer's words, nothing written
            message = user_message(exc, current())
            if message is None:
                raise
            self._show(QMessageBox.Icon.Warning, self.tr("Không nhập được tệp"), message)
            return None
        finally:
            QApplication.restoreOverrideCursor()
        if not result.ok:
            errors = result.errors_for(self.page.ctx.lang)
            details = "\n".join(errors[:ERRORS_SHOWN])
            if len(errors) > ERRORS_SHOWN:
                details += "\n" + self.tr("… và {n} lỗi khác.").format(n=format_int_vi(len(errors) - ERRORS_SHOWN))
            first = "\n".join(errors[:5])
            self._show(QMessageBox.Icon.Warning, self.tr("Không nhập được tệp"), self.tr(
                "Tệp {name} có {n} lỗi nên chưa ghi bản ghi nào. Hãy sửa trong tệp rồi nhập lại:\n\n{first}"
            ).format(name=path.name, n=format_int_vi(len(result.errors)), first=first), details)
            return result
        unchanged = result.rows - result.created - result.updated
        text = self.tr("Đã nhập {n} bản ghi từ {name} (mới: {new}, cập nhật: {upd}, không đổi: {same}).").format(
            n=format_int_vi(result.created + result.updated), name=path.name, new=format_int_vi(result.created),
            upd=format_int_vi(result.updated), same=format_int_vi(unchanged))
        self.page.status_message.emit(text)
        self._show(QMessageBox.Icon.Information, self.tr("Nhập từ tệp"), text)
        return result

    def _pick_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.page, self.tr("Nhập «{form}» từ tệp").format(form=self.form.label_for(self.page.ctx.lang)),
            files.start_path(),
            self.tr("Bảng tính Excel hoặc CSV") + " (*.xlsx *.csv);;" + self.tr("Mọi tệp") + " (*)")
        if path:
            files.remember(path)
            self.import_path(Path(path))

    # -- export ----------------------------------------------------------------------------------------
    def export_to(self, path: Path, *, template: bool = False) -> int | None:
        """Write what the list shows (or, ``template``, only the header row) to ``path``."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            n = export_file(self.page.ctx.inst.store, self.form, None if template else self.page.list_query(),
                            Path(path), with_unit=not self.page.ctx.is_commune)
        except ImportFileError as exc:
            self._show(QMessageBox.Icon.Warning, self.tr("Không xuất được tệp"), error_text(exc))
            return None
        finally:
            QApplication.restoreOverrideCursor()
        if template:
            text = self.tr("Đã lưu tệp mẫu {name}: điền mỗi bản ghi một dòng rồi chọn «Nhập từ tệp Excel/CSV…».")
        else:
            text = self.tr("Đã xuất {n} bản ghi ra {name}.")
        self.page.status_message.emit(text.format(n=format_int_vi(n), name=Path(path).name))
        return n

    def _default_name(self, template: bool) -> str:
        label = self.form.label_for(self.page.ctx.lang)
        if template:
            name = self.tr("{form} - mẫu").format(form=label)
        else:
            period = self.page.current_period()
            name = f"{label} - {self.page.period_combo.currentText()}" if period else label
        return re.sub(r'[\\/:*?"<>|]+', "-", name) + ".xlsx"

    def _pick_export(self, template: bool = False) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.page, self.tr("Lưu tệp mẫu") if template else self.tr("Xuất danh sách ra tệp"),
            files.start_path(self._default_name(template)),
            self.tr("Bảng tính Excel") + " (*.xlsx);;" + self.tr("CSV (UTF-8)") + " (*.csv)")
        if path:
            if Path(path).suffix.lower() not in EXPORT_SUFFIXES:
                path += ".xlsx"
            files.remember(path)
            if self.export_to(Path(path), template=template) is not None:
                self.result_box = files.offer_open(self.page, path, self.tr("Đã lưu {name}.").format(
                    name=Path(path).name))

    # -- messages --------------------------------------------------------------------------------------
    def _show(self, icon: QMessageBox.Icon, title: str, text: str, details: str = "") -> None:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self.page)
        if details:
            box.setDetailedText(details)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.result_box = box
        box.open()
