"""Where a report wants each signature: declared in the PDF's metadata by the report itself.

A report puts a :class:`SignatureSpace` flowable in its signature block (e.g. the blank space
between "CHỦ TỊCH" and the signer's name). When drawn, it records its page and box in the PDF's
document information as ``plan_desktop:signature_box.<field>=<page>:<x1>,<y1>,<x2>,<y2>`` (page
0-based, PDF points). :func:`plan_desktop.signing.sign.sign_pdf` called with ``box=None`` puts the
stamp of that field there, so the stamp lands in the signature block wherever the text ended.
"""

from __future__ import annotations

import re
from typing import Any

from reportlab.platypus import Flowable

BOX_KEY = "plan_desktop:signature_box"
INFO_KEY = "PlanDesktopSignatureBoxes"
_BOX_RE = re.compile(r"plan_desktop:signature_box\.([A-Za-z0-9_.-]+)=(\d+):(-?[\d.]+),(-?[\d.]+),(-?[\d.]+),(-?[\d.]+)")

Box = tuple[float, float, float, float]


def declaration(field_name: str, page: int, box: Box) -> str:
    x1, y1, x2, y2 = box
    return f"{BOX_KEY}.{field_name}={page}:{x1:.1f},{y1:.1f},{x2:.1f},{y2:.1f}"


def parse_declarations(text: str) -> dict[str, tuple[int, Box]]:
    out: dict[str, tuple[int, Box]] = {}
    for m in _BOX_RE.finditer(text or ""):
        out[m.group(1)] = (int(m.group(2)), (float(m.group(3)), float(m.group(4)), float(m.group(5)),
                                             float(m.group(6))))
    return out


class SignatureSpace(Flowable):
    """Blank space of ``height`` that declares itself as the place of signature field ``field_name``.

    Takes the full available width unless ``width`` is given (centred then). The declaration goes to
    the document information (a custom key when the document's info object has an ``extra`` dict,
    as ``reports.layout`` has; otherwise appended to Keywords).
    """

    def __init__(self, height: float, field_name: str, *, width: float | None = None, seal_field: str | None = None):
        super().__init__()
        self.height = height
        self.field_name = field_name
        #: a second field declared as a square over the left third of this one (the agency's seal)
        self.seal_field = seal_field
        self.req_width = width
        self.width = width or 0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.avail = avail_width
        self.width = self.req_width or avail_width
        return avail_width, self.height

    def draw(self) -> None:
        canv: Any = self.canv
        dx = (self.avail - self.width) / 2
        x1, y1 = canv.absolutePosition(dx, 0)
        x2, y2 = canv.absolutePosition(dx + self.width, self.height)
        text = declaration(self.field_name, canv.getPageNumber() - 1, (x1, y1, x2, y2))
        if self.seal_field:
            side = (y2 - y1) + 4  # about the signature image's height: it covers the image's left third
            cx, cy = x1 + (x2 - x1) * 0.28, (y1 + y2) / 2 + 5
            text += " " + declaration(self.seal_field, canv.getPageNumber() - 1,
                                      (cx - side / 2, cy - side / 2, cx + side / 2, cy + side / 2))
        info = canv._doc.info
        if hasattr(info, "extra"):
            extra = dict(info.extra)  # never mutate a class-level default
            extra[INFO_KEY] = " ".join(p for p in (extra.get(INFO_KEY, ""), text) if p)
            info.extra = extra
        else:
            info.keywords = " ".join(p for p in (info.keywords or "", text) if p)


#: Document information keys a report carries for the signing step.
UNFINISHED_KEY = "PlanDesktopUnfinished"
SIGNER_KEY = "PlanDesktopSignerName"
REPORT_KEY = "PlanDesktopReport"


#: What an unfinished item is called in a refusal.
UNFINISHED_LABELS = {
    "assessment": "mục III. Đánh giá chung",
    "tasks": "mục IV. Phương hướng, nhiệm vụ",
    "requests": "mục V. Kiến nghị, đề xuất",
    "signer_name": "họ tên người ký trong khối chữ ký",
}


UNFINISHED_LABELS_EN = {
    "assessment": "section III. General assessment",
    "tasks": "section IV. Directions and tasks",
    "requests": "section V. Requests and proposals",
}


#: The sentence of a refusal, in each language: (section list, signer's name missing, the report, the whole).
_UNFINISHED_TEXT = {
    "vi": ("còn để trống hoặc còn đoạn gợi ý: ",
           "chưa có họ tên người ký (Cài đặt → Người ký, hoặc «plan-desktop settings set signer_name …»)",
           "Báo cáo", "{what} chưa hoàn chỉnh nên không ký số được: "),
    "en": ("empty or still holding the hint text: ",
           "the signer's name is missing (Settings → Signer, or «plan-desktop settings set signer_name …»)",
           "The report", "{what} is not finished, so it cannot be digitally signed: "),
}


def unfinished_texts(codes: list[str], file_name: str = "") -> tuple[str, str]:
    """Why a report may not be signed yet, naming each gap: (Vietnamese, English)."""
    out = []
    for lang, labels in (("vi", UNFINISHED_LABELS), ("en", UNFINISHED_LABELS_EN)):
        listing, no_signer, report, whole = _UNFINISHED_TEXT[lang]
        sections = [labels[c] for c in codes if c in labels and c != "signer_name"]
        parts = [listing + ", ".join(sections)] if sections else []
        if "signer_name" in codes:
            parts.append(no_signer)
        what = f"{report} «{file_name}»" if file_name else report
        out.append(whole.format(what=what) + "; ".join(parts) + ".")
    return out[0], out[1]

