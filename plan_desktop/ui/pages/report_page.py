"""The report page: pick the period, write sections III–V (kept as a draft), preview the pages
(QtPdf), save the PDF/XLSX, print (Qt print dialog), sign it digitally (officer, then chairman) and
see the list of reports made with their status.

A self-contained widget; the main window hosts it. All the work is done by
:mod:`plan_desktop.services.reporting`; this page only collects the officer's input and shows the
result.
"""

from __future__ import annotations

import logging
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QDate, QIODevice, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from plan_desktop.domain.periods import Period
from plan_desktop.domain.text import format_int_vi
from plan_desktop.domain.units import Level
from plan_desktop.services import reporting
from plan_desktop.services.installation import Installation
from plan_desktop.services.settings import SettingsService, signer_title
from plan_desktop.signing.errors import SigningError
from plan_desktop.ui import files
from plan_desktop.ui.i18n import error_text
from plan_desktop.ui.widgets import FlowLayout

log = logging.getLogger(__name__)

try:  # QtPdf (QPdfDocument, QPdfView, in PySide6-Addons); without it the page still saves, prints nothing
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPdfWidgets import QPdfView

    HAVE_QTPDF = True
except ImportError:  # pragma: no cover - depends on the installed wheels
    HAVE_QTPDF = False

DRAFT_LABELS = {
    "assessment": "III. Đánh giá chung (ưu điểm, tồn tại, nguyên nhân)",
    "tasks": "IV. Phương hướng, nhiệm vụ kỳ tới",
    "requests": "V. Kiến nghị, đề xuất",
}


def period_choices(inst: Installation, label=None) -> list[tuple[str, str]]:
    """(code, label) of every report period of the plan years, newest first. ``label(period)`` names a
    period (the window's, in its language); by default in Vietnamese."""
    from plan_desktop.domain.plan import plan_for

    def vi(p: Period) -> str:
        return p.label_vi()[0].upper() + p.label_vi()[1:]

    label = label or vi
    plan = plan_for(inst.store.get_setting)
    out: list[tuple[str, str]] = []
    for year in reversed(plan.years):
        for p in (Period(year, "Y", 1), Period(year, "H", 2), Period(year, "H", 1),
                  *reversed(Period(year, "Y", 1).parts("Q"))):
            out.append((str(p), label(p)))
    return out


def default_period(inst: Installation, today: date) -> str:
    """The report an officer is most likely to write now: the last six months or year that ended."""
    year = inst.working_year
    if today.year > year:
        return str(year)
    if today.month >= 7:
        return f"{year}-H1"
    return str(year - 1) if year - 1 >= 2016 else str(year)


class ReportPage(QWidget):
    """Pick a period, write III–V, preview, save and print the periodic report."""

    #: emitted after a PDF was written (path) — the main window may register it for signing
    pdf_saved = Signal(str)

    #: emitted after a report was signed (path)
    signed = Signal(str)

    def __init__(self, inst: Installation, parent: QWidget | None = None, *, today: date | None = None,
                 actor: str | None = None, period_label=None) -> None:
        super().__init__(parent)
        self.inst = inst
        self.actor = actor
        self._today = today or date.today()
        self._pdf = b""
        self._data = None
        self._buffer: QBuffer | None = None
        self._loading = False
        self.setObjectName("report_page")

        # -- left: period and the officer's texts -------------------------------------------------------
        self.period_box = QComboBox()
        for code, label in period_choices(inst, period_label):
            self.period_box.addItem(label, code)
        self.unit_box = QComboBox()
        self.number_edit = QLineEdit()
        self.number_edit.setPlaceholderText(self.tr("để trống nếu văn thư ghi số"))
        self.number_edit.setMaximumWidth(160)
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        self.date_edit.setDate(QDate(self._today.year, self._today.month, self._today.day))
        self.text_edits: dict[str, QPlainTextEdit] = {}

        form = QFormLayout()
        form.addRow(self.tr("Kỳ báo cáo:"), self.period_box)
        form.addRow(self.tr("Đơn vị:"), self.unit_box)
        form.addRow(self.tr("Số văn bản:"), self.number_edit)
        form.addRow(self.tr("Ngày ký:"), self.date_edit)

        self.save_draft_btn = QPushButton(self.tr("Lưu bản nháp"))
        self.preview_btn = QPushButton(self.tr("Xem trước"))
        self.preview_btn.setDefault(True)
        row = QHBoxLayout()
        row.addWidget(self.save_draft_btn)
        row.addWidget(self.preview_btn)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("report_status")
        self.status.setMinimumHeight(self.status.fontMetrics().lineSpacing() * 3 + 4)  # three lines, never clipped
        self._form = form
        left = QVBoxLayout()
        left.addLayout(form)
        left.addLayout(row)
        left.addWidget(self.status)
        for key, label in DRAFT_LABELS.items():
            box = QGroupBox(self._draft_label(key, label))
            lay = QVBoxLayout(box)
            edit = QPlainTextEdit()
            edit.setObjectName(f"draft_{key}")
            edit.setPlaceholderText(self.tr("Để trống: báo cáo in đoạn gợi ý để cán bộ bổ sung."))
            edit.setMinimumHeight(80)
            lay.addWidget(edit)
            self.text_edits[key] = edit
            left.addWidget(box, 1)
        left_w = QWidget()
        left_w.setLayout(left)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(left_w)
        scroll.setMinimumWidth(300)

        # -- right: the preview and the output buttons --------------------------------------------------
        right = QVBoxLayout()
        buttons = FlowLayout()  # wraps on a narrow screen rather than pushing «In…», «Ký số…» off it
        self.save_pdf_btn = QPushButton(self.tr("Lưu PDF…"))
        self.save_xlsx_btn = QPushButton(self.tr("Lưu XLSX…"))
        self.print_btn = QPushButton(self.tr("In…"))
        self.sign_btn = QPushButton(self.tr("Ký số…"))
        self.sign_btn.setObjectName("sign_report")
        self.sign_btn.setToolTip(self.tr("Lập báo cáo, lưu vào thư mục dữ liệu và ký số bằng tệp chứng thư "
                                         "hoặc thiết bị ký số (USB token). Sau khi ký, kỳ báo cáo bị khóa."))
        self.page_label = QLabel()
        buttons.addWidget(self.page_label, stretch=True)
        for b in (self.save_pdf_btn, self.save_xlsx_btn, self.print_btn, self.sign_btn):
            buttons.addWidget(b)
        right.addLayout(buttons)
        if HAVE_QTPDF:
            self.document = QPdfDocument(self)
            self.view = QPdfView(self)
            self.view.setDocument(self.document)
            self.view.setPageMode(QPdfView.PageMode.MultiPage)
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            right.addWidget(self.view, 1)
        else:  # pragma: no cover
            self.document = None
            self.view = QLabel(self.tr("Cần thành phần QtPdf (gói PySide6-Addons) để xem trước; "
                                       "vẫn lưu được PDF và XLSX."))
            self.view.setAlignment(Qt.AlignmentFlag.AlignCenter)
            right.addWidget(self.view, 1)
        preview_w = QWidget()
        preview_w.setLayout(right)
        from plan_desktop.services.signing import SigningService
        from plan_desktop.ui.pages.signing_dialog import ReportListWidget

        self.signing = SigningService(inst, actor)
        self.report_list = ReportListWidget(self.signing)
        self.report_list.countersignRequested.connect(self.countersign)
        self.report_list.periodReopened.connect(lambda period: self.status.setText(
            self.tr("Đã mở lại kỳ {period}: có thể sửa số liệu, rồi lập và ký lại báo cáo.").format(period=period)))
        self.tabs = QTabWidget()
        self.tabs.addTab(preview_w, self.tr("Xem trước"))
        self.tabs.addTab(self.report_list, self.tr("Các báo cáo đã lập"))
        self.tabs.currentChanged.connect(lambda i: self.report_list.refresh() if i == 1 else None)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(scroll)
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        split.setSizes([440, 900])
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        outer.addWidget(split)

        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(1500)
        self._autosave.timeout.connect(self.save_draft)

        self.period_box.currentIndexChanged.connect(self._period_changed)
        self.unit_box.currentIndexChanged.connect(self._unit_changed)
        for edit in self.text_edits.values():
            edit.textChanged.connect(self._edited)
        self.number_edit.textChanged.connect(self._edited)
        self.date_edit.dateChanged.connect(self._edited)
        self.save_draft_btn.clicked.connect(self.save_draft)
        self.preview_btn.clicked.connect(self.refresh_preview)
        self.save_pdf_btn.clicked.connect(self._ask_save_pdf)
        self.save_xlsx_btn.clicked.connect(self._ask_save_xlsx)
        self.print_btn.clicked.connect(self._ask_print)
        self.sign_btn.clicked.connect(self._ask_sign)

        idx = self.period_box.findData(default_period(inst, self._today))
        self.period_box.setCurrentIndex(max(idx, 0))
        self._period_changed()
        self._set_outputs_enabled(False)

    def _draft_label(self, key: str, label: str) -> str:
        return {"assessment": self.tr("III. Đánh giá chung (ưu điểm, tồn tại, nguyên nhân)"),
                "tasks": self.tr("IV. Phương hướng, nhiệm vụ kỳ tới"),
                "requests": self.tr("V. Kiến nghị, đề xuất")}.get(key, label)

    # -- state -------------------------------------------------------------------------------------------
    @property
    def period(self) -> str:
        return str(self.period_box.currentData())

    @property
    def unit_code(self) -> str | None:
        code = self.unit_box.currentData()
        return None if not code or code == self.inst.unit_code else str(code)

    def set_period(self, period: str) -> None:
        idx = self.period_box.findData(str(Period.parse(period)))
        if idx < 0:
            raise ValueError(period)
        self.period_box.setCurrentIndex(idx)

    def draft(self) -> dict[str, str]:
        d = {k: e.toPlainText() for k, e in self.text_edits.items()}
        d["number"] = self.number_edit.text().strip()
        d["date"] = self.date_edit.date().toString("yyyy-MM-dd")
        return d

    def _fill_units(self) -> None:
        p = Period.parse(self.period)
        _, end = self.inst.period_bounds(p)
        keep = self.unit_box.currentData()
        self.unit_box.blockSignals(True)
        self.unit_box.clear()
        own = self.inst.units.get(self.inst.unit_code, end) or self.inst.unit(end)
        self.unit_box.addItem(own.name, own.code)
        if own.level != Level.COMMUNE:
            for u in self.inst.units.children(own.code, end):
                self.unit_box.addItem(f"   {u.name}", u.code)
        i = self.unit_box.findData(keep)
        self.unit_box.setCurrentIndex(max(i, 0))
        self._form.setRowVisible(self.unit_box, self.unit_box.count() > 1)
        self.unit_box.blockSignals(False)

    def _load_draft(self) -> None:
        self._loading = True
        self._draft_for = (self.period, self.unit_code)
        try:
            d = reporting.load_draft(self.inst, self.period, self.unit_code)
            for k, e in self.text_edits.items():
                e.setPlainText(d.get(k, ""))
            self.number_edit.setText(d.get("number", ""))
            if d.get("date"):
                y, m, dd = (int(x) for x in d["date"].split("-"))
                self.date_edit.setDate(QDate(y, m, dd))
            else:
                self.date_edit.setDate(QDate(self._today.year, self._today.month, self._today.day))
        finally:
            self._loading = False
        self._stale()

    def _flush(self) -> None:
        """Save what was typed for the period (and unit) it was typed for, before switching away."""
        if self._autosave.isActive():
            self.save_draft()

    def _period_changed(self, *_: object) -> None:
        self._flush()
        self._fill_units()
        self._load_draft()
        self._update_sign_button()

    def _unit_changed(self, *_: object) -> None:
        self._flush()
        self._load_draft()
        self._update_sign_button()

    def _update_sign_button(self) -> None:
        own = self.unit_code is None
        may = self.inst.session.can("approver")
        self.sign_btn.setEnabled(own and may)
        if not own:
            self.sign_btn.setToolTip(self.tr("Chỉ ký số được báo cáo của chính đơn vị mình."))
        elif not may:
            self.sign_btn.setToolTip(self.tr("Chỉ người phê duyệt mới được ký số báo cáo; hãy đăng nhập bằng mật "
                                             "khẩu của người phê duyệt."))

    def shutdown(self) -> None:
        """Save a pending draft (the hosting window calls this before closing)."""
        self._flush()

    def hideEvent(self, event) -> None:
        self._flush()
        super().hideEvent(event)

    def _edited(self, *_: object) -> None:
        if not self._loading:
            self._autosave.start()
            self._stale()

    def _stale(self) -> None:
        self._data = None
        self.status.setText(self.tr("Bấm «Xem trước» để lập báo cáo với số liệu mới nhất."))

    def _set_outputs_enabled(self, on: bool) -> None:
        for b in (self.save_pdf_btn, self.save_xlsx_btn):
            b.setEnabled(True)
        self.print_btn.setEnabled(on and HAVE_QTPDF)

    # -- actions -------------------------------------------------------------------------------------------
    def save_draft(self) -> None:
        self._autosave.stop()
        period, unit = getattr(self, "_draft_for", (self.period, self.unit_code))
        try:
            reporting.save_draft(self.inst, period, self.draft(), unit)
        except reporting.ReportError as exc:
            self.status.setText(error_text(exc))
            return
        self.status.setText(self.tr("Đã lưu bản nháp."))

    def refresh_preview(self) -> bool:
        """Build the report with the texts as they are now and show its pages."""
        self.save_draft()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            from plan_desktop.reports.pdf import pdf_bytes

            self._data = reporting.build(self.inst, self.period, self.unit_code, draft=self.draft())
            self._pdf = pdf_bytes(self._data)
        except (reporting.ReportError, ValueError) as exc:
            self.status.setText(self.tr("Không lập được báo cáo: {error}").format(error=exc))
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        if HAVE_QTPDF:
            self.document.close()
            self._buffer = QBuffer(self)
            self._buffer.setData(QByteArray(self._pdf))
            self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            self.document.load(self._buffer)
            pages = self.document.pageCount()
        else:  # pragma: no cover
            pages = 0
        counted = sum(self._data.counts.values())
        self.page_label.setText(self.tr("{n} trang").format(n=pages) if pages else "")
        self.status.setText(self.tr("Báo cáo lập từ {n} bản ghi.").format(n=format_int_vi(counted)))
        self.status.setToolTip(self.tr("Mã kiểm tra dữ liệu (chi tiết): {hash}").format(hash=self._data.data_hash))
        self._set_outputs_enabled(True)
        return True

    def page_count(self) -> int:
        return self.document.pageCount() if HAVE_QTPDF and self.document is not None else 0

    def save_pdf(self, path: str | Path) -> Path:
        """Write the report (with the current texts) to ``path``."""
        path = Path(path)
        if not path.suffix:
            path = path.with_suffix(".pdf")
        self.save_draft()
        result = reporting.make_report(self.inst, self.period, out=path, unit_code=self.unit_code)
        self.status.setText(self.tr("Đã lưu {name}.").format(name=path.name))
        self.pdf_saved.emit(str(path))
        self._data = result.data
        return path

    def save_xlsx(self, path: str | Path) -> Path:
        path = Path(path)
        if not path.suffix:
            path = path.with_suffix(".xlsx")
        self.save_draft()
        reporting.make_report(self.inst, self.period, xlsx=path, unit_code=self.unit_code)
        self.status.setText(self.tr("Đã lưu {name}.").format(name=path.name))
        return path

    def print_to(self, printer) -> int:
        """Paint every page of the previewed report on ``printer`` (a QPrinter). Returns pages printed."""
        if not HAVE_QTPDF or not self._pdf:
            return 0
        painter = QPainter()
        if not painter.begin(printer):
            return 0
        try:
            n = self.document.pageCount()
            dpi = printer.resolution()
            for i in range(n):
                if i:
                    printer.newPage()
                size_pt = self.document.pagePointSize(i)
                px = QSize(round(size_pt.width() / 72 * dpi), round(size_pt.height() / 72 * dpi))
                image = self.document.render(i, px)
                target = painter.viewport()
                scaled = px.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(0, 0, image.scaled(scaled, Qt.AspectRatioMode.KeepAspectRatio,
                                                     Qt.TransformationMode.SmoothTransformation))
        finally:
            painter.end()
        return n

    # -- dialogs ---------------------------------------------------------------------------------------------
    # -- signing ----------------------------------------------------------------------------------------------
    def _settings(self) -> dict:
        return self.inst.store.settings()

    def prepare_signing(self) -> QDialog | None:
        """The signing dialog for the report as it is now (not shown); nothing is written or listed
        until it signs. Refused (:class:`ReportError` naming each gap) while a section III–V is empty or
        the hint, or no signer's name is set. None when this page shows another unit's report."""
        if self.unit_code is not None:
            return None
        self.save_draft()
        reporting.check_ready(reporting.build(self.inst, self.period, draft=self.draft()))
        folder = self.inst.folder / "reports"
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        path = folder / self._suggested_name("pdf").replace(".pdf", f"_{stamp}.pdf")
        s = self._settings()
        return self._sign_dialog(path, self.period, s.get("signer_name", ""), signer_title(s),
                                 self.tr("Ký số báo cáo — {period}").format(period=self.period_box.currentText()),
                                 make=True)

    def countersign_dialog(self, report_id: int) -> QDialog | None:
        """The signing dialog for a second signature (the chairman) on the signed report ``report_id``."""
        entry = self.signing.get(report_id)
        if entry is None or entry.status != "signed" or not entry.file_path:
            return None
        s = self._settings()
        return self._sign_dialog(Path(entry.file_path), entry.period, s.get("signer_name", ""), signer_title(s),
                                 self.tr("Ký thêm (người ký thứ hai) — {period}").format(period=entry.period_vi))

    def _sign_dialog(self, path: Path, period: str, name: str, title: str, window_title: str,
                     make: bool = False) -> QDialog:
        """A signing dialog that signs ``path`` in place as the report of ``period``; with ``make``, the
        report is first written beside it and signed into ``path`` (a failed signature leaves nothing)."""
        from plan_desktop.ui.pages.signing_dialog import SignDialog

        def sign(spec, title: str) -> None:
            if not make:
                self.signing.sign_report(path, path, period, spec, title=title or None)
                return
            path.parent.mkdir(parents=True, exist_ok=True)
            source = path.with_name(f".{path.stem}.unsigned.pdf")
            try:
                reporting.make_report(self.inst, self.period, out=source, require_ready=True, shown_as=path)
                self.signing.sign_report(source, path, period, spec, title=title or None)
            except reporting.ReportError as exc:
                raise SigningError(str(exc)) from None
            finally:
                source.unlink(missing_ok=True)
            self.pdf_saved.emit(str(path))

        s = self._settings()  # the certificate file or token used last time here (never the secret)
        note = self.tr("Sau khi ký, số liệu của kỳ {period} bị khóa: không thêm, sửa, xóa được bản ghi của kỳ "
                       "này cho đến khi người có thẩm quyền mở lại kỳ.").format(period=period)
        dlg = SignDialog(sign, self, name=name, title=title, p12_path=s.get("last_p12_path", ""),
                         pkcs11_lib=s.get("last_pkcs11_lib", ""), token_label=s.get("last_token_label", ""),
                         note=note)
        dlg.setWindowTitle(window_title)
        dlg.accepted.connect(lambda: self._after_signing(path, dlg))
        return dlg

    def _remember_device(self, dlg) -> None:
        try:
            token = dlg.use_token.isChecked()
            lib, label = dlg.token_choice()
            SettingsService(self.inst).update({
                "last_p12_path": "" if token else dlg.p12_edit.text().strip(),
                "last_pkcs11_lib": lib if token else "",
                "last_token_label": label if token else "",
            })
        except Exception:  # remembering is a convenience; never lose a signature over it
            log.warning("could not remember the signing device", exc_info=True)

    def _after_signing(self, path: Path, dlg) -> None:
        self._remember_device(dlg)
        self.report_list.refresh()
        self.tabs.setCurrentWidget(self.report_list)
        self.status.setText(self.tr("Đã ký số báo cáo ({name}, trong thư mục dữ liệu). Số liệu của kỳ này "
                                    "đã được khóa.").format(name=path.name))
        self.status.setToolTip(str(path))
        self.signed.emit(str(path))

    def _ask_sign(self) -> None:
        dlg = None
        try:
            dlg = self.prepare_signing()
        except Exception as exc:
            self._show_error(exc)
            return
        if dlg is not None:
            dlg.open()

    def countersign(self, report_id: int) -> None:
        dlg = self.countersign_dialog(report_id)
        if dlg is not None:
            dlg.open()

    def _suggested_name(self, ext: str) -> str:
        code = self.unit_code or self.inst.unit_code
        return f"bao-cao-pcmd_{code}_{self.period}.{ext}"

    def _ask_save_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Lưu báo cáo PDF"),
                                              files.start_path(self._suggested_name("pdf")), "PDF (*.pdf)")
        if path:
            files.remember(path)
            self._guarded(lambda: self._offer(self.save_pdf(path)))

    def _ask_save_xlsx(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Lưu bảng số liệu XLSX"),
                                              files.start_path(self._suggested_name("xlsx")), "Excel (*.xlsx)")
        if path:
            files.remember(path)
            self._guarded(lambda: self._offer(self.save_xlsx(path)))

    def _offer(self, path: Path) -> None:
        files.offer_open(self, path, self.tr("Đã lưu {name}.").format(name=path.name))

    def _ask_print(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        if not self._pdf and not self.refresh_preview():
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setFullPage(True)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("In báo cáo"))
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self._guarded(lambda: self.print_to(printer))

    def _guarded(self, action) -> None:
        try:
            action()
        except Exception as exc:  # show the officer why, in Vietnamese
            self._show_error(exc)

    def _show_error(self, exc: Exception) -> None:
        from plan_desktop.errors import user_message
        from plan_desktop.ui.i18n import current

        message = user_message(exc, current())
        if message is None:
            raise exc
        QMessageBox.warning(self, self.tr("Báo cáo"), message)
