"""F1: the officer's guide (``resources/help/<lang>.html``), opened at the part about the page in use."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from plan_desktop import paths

#: the guide's parts (anchors of resources/help/*.html)
SECTIONS = ("thang", "tong-quan", "nhap-lieu", "kiem-tra", "bao-cao", "ky-so", "gui", "bien-nhan", "sao-luu",
            "cai-dat", "phim-tat")


def help_html(lang: str = "vi") -> str:
    path = paths.resource("help", f"{'en' if lang == 'en' else 'vi'}.html")
    try:
        return path.read_text(encoding="utf-8")
    except OSError:  # a damaged install: say so rather than show an empty window
        return ("<p>The user guide is missing from this installation.</p>" if lang == "en"
                else "<p>Thiếu tệp hướng dẫn sử dụng trong bản cài đặt này.</p>")


class HelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, *, lang: str = "vi", section: str = ""):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Hướng dẫn sử dụng"))
        self.text = QTextBrowser()
        self.text.setObjectName("help_text")
        self.text.setOpenExternalLinks(False)
        self.text.setOpenLinks(True)
        self.text.setHtml(help_html(lang))
        self.section = section if section in SECTIONS else ""
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        lay = QVBoxLayout(self)
        lay.addWidget(self.text)
        lay.addWidget(buttons)
        self.resize(680, 600)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.section:
            self.text.scrollToAnchor(self.section)
