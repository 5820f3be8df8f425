"""The layout of an administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I), in one place.

A4 portrait (landscape pages for wide appendix tables), margins top/bottom 20 mm, left 30 mm,
right 15 mm; Liberation Serif (Times New Roman metrics) embedded; page numbers centred in the top
margin from page 2; the two-column header with its rules; title, subject, addressees; body styles;
tables; the closing block (``Nơi nhận:`` and the signature). Report modules only supply content.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFInfo, PDFName, PDFString
from reportlab.pdfbase.ttfonts import TTFError, TTFont
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from plan_desktop.paths import ResourceMissingError, require_resource
from plan_desktop.signing import qr
from plan_desktop.signing.placement import SignatureSpace

FONT = "LiberationSerif"
FONT_BOLD = "LiberationSerif-Bold"
FONT_ITALIC = "LiberationSerif-Italic"
FONT_BOLD_ITALIC = "LiberationSerif-BoldItalic"

PAGE = A4
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 20 * mm
MARGIN_LEFT = 30 * mm
MARGIN_RIGHT = 15 * mm
LAND_LEFT = 20 * mm
LAND_RIGHT = 15 * mm
TEXT_WIDTH = PAGE[0] - MARGIN_LEFT - MARGIN_RIGHT
LAND_WIDTH = landscape(PAGE)[0] - LAND_LEFT - LAND_RIGHT
INDENT = 1 * 28.35  # first-line indent 1 cm
BODY_SIZE = 13


#: The report's font files in ``resources/fonts``, by reportlab font name.
FONT_FILES = {
    FONT: "LiberationSerif-Regular.ttf",
    FONT_BOLD: "LiberationSerif-Bold.ttf",
    FONT_ITALIC: "LiberationSerif-Italic.ttf",
    FONT_BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}


def require_fonts() -> dict[str, Path]:
    """The report's font files, every one of them there, else :class:`ResourceMissingError` naming the
    first missing file (before anything is registered or written)."""
    return {name: require_resource("fonts", file, what="phông chữ") for name, file in FONT_FILES.items()}


@functools.lru_cache(maxsize=1)
def register_fonts() -> str:
    """Register Liberation Serif (shipped in ``resources/fonts``) as a reportlab TTF family.

    A missing or unreadable font file is a :class:`ResourceMissingError` (a message for the officer),
    not reportlab's ``TTFError``."""
    fonts: dict[str, TTFont] = {}
    for name, path in require_fonts().items():
        try:
            fonts[name] = TTFont(name, str(path))
        except (TTFError, OSError, ValueError):
            raise ResourceMissingError(path, "phông chữ", damaged=True) from None
    for font in fonts.values():
        pdfmetrics.registerFont(font)
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD_ITALIC)
    return FONT


def _style(name: str, size: float = BODY_SIZE, font: str = FONT, align: int = TA_JUSTIFY, leading: float | None = None,
           indent: float = 0, before: float = 0, after: float = 0, left: float = 0) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading or round(size * 1.25, 1),
                          alignment=align, firstLineIndent=indent, spaceBefore=before, spaceAfter=after,
                          leftIndent=left)


class Styles:
    def __init__(self) -> None:
        register_fonts()
        self.body = _style("body", indent=INDENT, after=6, leading=17)
        self.h1 = _style("h1", font=FONT_BOLD, align=TA_LEFT, indent=INDENT, before=6, after=6)
        self.h2 = _style("h2", font=FONT_BOLD, align=TA_LEFT, indent=INDENT, before=3, after=6)
        self.agency = _style("agency", size=13, font=FONT_BOLD, align=TA_CENTER, leading=15)
        self.national = _style("national", size=12, font=FONT_BOLD, align=TA_CENTER, leading=15)
        self.motto = _style("motto", size=13, font=FONT_BOLD, align=TA_CENTER, leading=15)
        self.number = _style("number", size=13, align=TA_CENTER, leading=16)
        self.place_date = _style("place_date", size=13, font=FONT_ITALIC, align=TA_CENTER, leading=16)
        self.title = _style("title", size=14, font=FONT_BOLD, align=TA_CENTER, leading=17, before=12)
        self.subject = _style("subject", size=14, font=FONT_BOLD, align=TA_CENTER, leading=17)
        self.to = _style("to", size=14, align=TA_CENTER, leading=18, before=10, after=8)
        self.to_line = _style("to_line", size=14, align=TA_LEFT, leading=18)
        self.cell = _style("cell", size=11, align=TA_LEFT, leading=13)
        self.cell_small = _style("cell_small", size=10, align=TA_LEFT, leading=11.5)
        self.cell_head = _style("cell_head", size=11, font=FONT_BOLD, align=TA_CENTER, leading=13)
        self.cell_head_small = _style("cell_head_small", size=10, font=FONT_BOLD, align=TA_CENTER, leading=11.5)
        self.caption = _style("caption", size=12, font=FONT_BOLD, align=TA_CENTER, leading=15, before=4, after=4)
        self.note = _style("note", size=11, font=FONT_ITALIC, align=TA_LEFT, leading=13, before=2, after=6)
        self.recv_head = _style("recv_head", size=12, font=FONT_BOLD_ITALIC, align=TA_LEFT, leading=14)
        self.recv = _style("recv", size=11, align=TA_LEFT, leading=13)
        self.sign = _style("sign", size=13, font=FONT_BOLD, align=TA_CENTER, leading=16)
        self.appx_number = _style("appx_number", size=14, font=FONT_BOLD, align=TA_CENTER, leading=17)
        self.appx_title = _style("appx_title", size=13, font=FONT_BOLD, align=TA_CENTER, leading=16, before=2)
        self.appx_ref = _style("appx_ref", size=13, font=FONT_ITALIC, align=TA_CENTER, leading=16, after=8)


def para(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)


class Rule(Flowable):
    """A short solid horizontal rule, centred in the space it is given."""

    def __init__(self, width: float, thickness: float = 0.6, space: float = 3) -> None:
        super().__init__()
        self.rule_width = width
        self.thickness = thickness
        self.space = space

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.avail = avail_width
        return avail_width, self.space * 2

    def draw(self) -> None:
        x = (self.avail - self.rule_width) / 2
        self.canv.setLineWidth(self.thickness)
        self.canv.line(x, self.space, x + self.rule_width, self.space)


def text_width(text: str, font: str, size: float) -> float:
    register_fonts()
    return pdfmetrics.stringWidth(text, font, size)


# -- the page ---------------------------------------------------------------------------------------------
class _Info(PDFInfo):
    """Document info with extra custom keys (e.g. the data hash)."""

    extra: ClassVar[dict[str, str]] = {}

    def format(self, document: Any) -> bytes:
        d = {
            "Title": PDFString(self.title), "Author": PDFString(self.author),
            "Producer": PDFString(self.producer), "Creator": PDFString(self.creator),
            "Subject": PDFString(self.subject), "Keywords": PDFString(self.keywords),
            "Trapped": PDFName(self.trapped),
        }
        from reportlab.pdfbase.pdfdoc import PDFDate

        d["ModDate"] = d["CreationDate"] = PDFDate(ts=document._timeStamp, dateFormatter=self._dateFormatter)
        for k, v in self.extra.items():
            d[k] = PDFString(v)
        return PDFDictionary(d).format(document)


def _page_number(canv: Any, doc: Any) -> None:
    """The page number, centred in the top margin: none on page 1 of the report, and an appendix
    counts its own pages from 1 (none on its first page either)."""
    n = canv.getPageNumber()
    first = getattr(doc, "appendix_first_page", None)
    if first is not None:
        n = n - first + 1
    if n > 1:
        w, h = canv._pagesize
        canv.saveState()
        canv.setFont(FONT, 13)
        left = MARGIN_LEFT if w < h else LAND_LEFT
        right = MARGIN_RIGHT if w < h else LAND_RIGHT
        canv.drawCentredString(left + (w - left - right) / 2, h - 13 * mm, str(n))
        canv.restoreState()


class DocumentTemplate(BaseDocTemplate):
    """A4 with the decree's margins; a "landscape" page template for wide appendix tables."""

    def __init__(self, target: Any, *, title: str, author: str, subject: str, keywords: str,
                 extra_info: dict[str, str] | None = None) -> None:
        register_fonts()
        super().__init__(target, pagesize=PAGE, leftMargin=MARGIN_LEFT, rightMargin=MARGIN_RIGHT,
                         topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, title=title, author=author,
                         subject=subject, keywords=keywords, creator="plan_desktop", lang="vi",
                         initialFontName=FONT, initialFontSize=BODY_SIZE)
        self.extra_info = extra_info or {}
        lw, lh = landscape(PAGE)
        portrait_frame = Frame(MARGIN_LEFT, MARGIN_BOTTOM, TEXT_WIDTH, PAGE[1] - MARGIN_TOP - MARGIN_BOTTOM,
                               id="portrait", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        land_frame = Frame(LAND_LEFT, MARGIN_BOTTOM, LAND_WIDTH, lh - MARGIN_TOP - MARGIN_BOTTOM, id="landscape",
                           leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.appendix_first_page: int | None = None
        self.addPageTemplates([
            PageTemplate("portrait", [portrait_frame], onPage=self._on_page, pagesize=PAGE),
            PageTemplate("landscape", [land_frame], onPage=self._on_page, pagesize=(lw, lh)),
        ])

    def _on_page(self, canv: Any, doc: Any) -> None:
        if canv.getPageNumber() == 1:
            self.appendix_first_page = None  # a second pass of multiBuild starts again
            self.appendix_next = False
            if self.extra_info:
                info = canv._doc.info
                info.__class__ = _Info
                info.extra = dict(self.extra_info)
        if getattr(self, "appendix_next", False):
            self.appendix_first_page = canv.getPageNumber()
            self.appendix_next = False
        _page_number(canv, doc)


class AppendixStart(Flowable):
    """Put just before an appendix's page break: the next page is its first, numbered from 1 again."""

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv._doctemplate.appendix_next = True


#: Form fields the clerk fills when issuing (number and date); every field of a name carries the
#: same value (the header and each appendix heading), ``<name>_<n>``.
NUMBER_FIELD, DAY_FIELD, MONTH_FIELD, YEAR_FIELD = "so_van_ban", "ngay", "thang", "nam"
FIELD_FONT = "Times-Roman"  # a standard font (Times New Roman metrics): digits only go in the fields
FIELD_FONT_ITALIC = "Times-Italic"


def _acroform(canv: Any) -> Any:
    """The canvas's AcroForm, writing one ``/Font`` resource dictionary with every field font in it
    (reportlab 4–5 writes a ``/Font`` key per font, which readers take as a damaged dictionary)."""
    from reportlab.pdfbase.acroform import AcroForm, PDFFromString
    from reportlab.pdfbase.pdfdoc import PDFArray

    class OneFontDictionary(AcroForm):
        def format(self, doc: Any) -> bytes:
            d: dict[str, Any] = {"Fields": PDFArray([self.getRef(f) for f in self.fields])}
            if self.sigFlags:
                d["SigFlags"] = self.sigFlags
            if self.fonts:
                keys = sorted(self.fonts)
                fonts = " ".join(f"/{k} {self.fonts[k]}" for k in keys)
                d["DA"] = PDFString(f"/{keys[0]} 0 Tf 0 g")
                d["DR"] = PDFFromString(f"<< /Encoding << /RLAFencoding {self.encRefStr} >> /Font << {fonts} >> >>")
            d.update(self.extras)
            return PDFDictionary(d).format(doc)

    form = canv.acroForm
    if type(form) is AcroForm:
        form.__class__ = OneFontDictionary
    return form


class FieldLine(Flowable):
    """One centred line of text with form fields in it: ``parts`` are strings (drawn in ``font``) and
    ``(field, value, width)`` tuples (a text field named ``field_<n>`` holding ``value``)."""

    counters: ClassVar[dict[int, dict[str, int]]] = {}

    def __init__(self, parts: Sequence[Any], font: str, size: float, leading: float | None = None) -> None:
        super().__init__()
        self.parts = list(parts)
        self.font, self.size = font, size
        self.leading = leading or size * 1.25

    def _width(self, part: Any) -> float:
        return part[2] if isinstance(part, tuple) else text_width(part, self.font, self.size)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.avail = avail_width
        return avail_width, self.leading

    def draw(self) -> None:
        canv: Any = self.canv
        x = (self.avail - sum(self._width(p) for p in self.parts)) / 2
        base = self.leading - self.size
        counts = FieldLine.counters.setdefault(id(canv), {})
        for part in self.parts:
            w = self._width(part)
            if isinstance(part, tuple):
                name, value, _ = part
                counts[name] = counts.get(name, 0) + 1
                fx, fy = canv.absolutePosition(x, base - 3)
                _acroform(canv).textfield(
                    name=f"{name}_{counts[name]}", value=value, x=fx, y=fy, width=w, height=self.size + 3,
                    fontName=FIELD_FONT_ITALIC if "Italic" in self.font else FIELD_FONT, fontSize=self.size,
                    borderWidth=0, borderColor=None, fillColor=None,
                    textColor=colors.black, forceBorder=False, relative=False, maxlen=20, fieldFlags="",
                    annotationFlags="print", tooltip=name)
            else:
                canv.setFont(self.font, self.size)
                canv.drawString(x, base, part)
            x += w


def number_parts(number: str, kind: str = "BC-UBND") -> list[Any]:
    """``Số: [number]/BC-UBND`` with the number as a field (blank: the clerk gives it when issuing)."""
    width = text_width(number, FIELD_FONT, 13) + 1 if number else 28
    return ["Số: ", (NUMBER_FIELD, number, width), f"/{kind}"]


def date_parts(place: str, d: Any | None) -> list[Any]:
    """``Kim Bảng, ngày [05] tháng [01] năm [2017]`` with day, month and year as fields."""
    day = f"{d.day:02d}" if d else ""
    month = (f"{d.month:02d}" if d.month <= 2 else str(d.month)) if d else ""
    year = str(d.year) if d else ""
    two, four = text_width("00", FIELD_FONT, 13), text_width("0000", FIELD_FONT, 13)
    return [f"{place}, ngày ", (DAY_FIELD, day, two), " tháng ", (MONTH_FIELD, month, two), " năm ",
            (YEAR_FIELD, year, four)]


class QrStamp(Flowable):
    """A QR code drawn in the bottom-right corner of the page it lands on (the last page): a printed
    copy can be matched to its signed file by the data hash it carries. With ``field`` it is the
    appearance of a read-only form field (:data:`~plan_desktop.signing.qr.QR_FIELD`) holding the payload,
    which issuing redraws with the number and date the clerk gives (the signer's certification allows
    form filling); without, it is drawn on the page."""

    def __init__(self, payload: str, size: float = 24 * mm, *, field: bool = False) -> None:
        super().__init__()
        self.payload = payload
        self.size = size
        self.field = field

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        canv: Any = self.canv
        w, _h = canv._pagesize
        ox, oy = canv.absolutePosition(0, 0)
        left, bottom = w - 15 * mm - self.size - ox, 4 * mm - oy
        if self.field:
            ax, ay = canv.absolutePosition(left, bottom)
            _qr_field(canv, f"{qr.QR_FIELD}_1", self.payload, ax, ay, self.size)
            return
        path = canv.beginPath()
        for x, y, bw, bh in qr.rectangles(self.payload, left, bottom, self.size):
            path.rect(x, y, bw, bh)
        canv.saveState()
        canv.setFillColor(colors.black)
        canv.drawPath(path, stroke=0, fill=1)
        canv.restoreState()


def _qr_field(canv: Any, name: str, payload: str, x: float, y: float, size: float) -> None:
    """A read-only text field holding ``payload`` whose appearance is its QR code (printed)."""
    form = _acroform(canv)
    ap = form.makeStream(size, size, qr.appearance_stream(payload, size).decode("ascii"))
    field = PDFDictionary({
        "FT": PDFName("Tx"), "P": canv._doc.thisPageRef(), "V": PDFString(payload), "DV": PDFString(payload),
        "Rect": PDFArray([x, y, x + size, y + size]), "AP": PDFDictionary({"N": form.getRef(ap)}),
        "Subtype": PDFName("Widget"), "Type": PDFName("Annot"), "F": 4, "Ff": 1,  # print; read-only
        "T": PDFString(name), "TU": PDFString("Mã QR của báo cáo"),
    })
    canv._addAnnotation(field)
    form.fields.append(form.getRef(field))


# -- blocks -------------------------------------------------------------------------------------------------
def header_block(st: Styles, agency: Sequence[str], number_text: str | list[Any], place_date: str | list[Any]
                 ) -> Table:
    """The two-column header: agency + rule | national title + motto + rule; number | place and date."""
    left_w = TEXT_WIDTH * 0.42
    right_w = TEXT_WIDTH - left_w
    agency_size = 13
    while max(text_width(a, FONT_BOLD, agency_size) for a in agency) > left_w - 6 and agency_size > 11:
        agency_size -= 0.5
    ag_style = ParagraphStyle("ag", parent=st.agency, fontSize=agency_size)
    widest = max(text_width(a, FONT_BOLD, agency_size) for a in agency)
    motto = "Độc lập - Tự do - Hạnh phúc"
    left = [para(a, ag_style) for a in agency] + [Rule(widest * 0.4, space=4)]
    right = [para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", st.national), para(motto, st.motto),
             Rule(text_width(motto, FONT_BOLD, 13), space=4)]
    number = (FieldLine(number_text, FONT, st.number.fontSize, st.number.leading) if isinstance(number_text, list)
              else para(number_text, st.number))
    when = (FieldLine(place_date, FONT_ITALIC, st.place_date.fontSize, st.place_date.leading)
            if isinstance(place_date, list) else para(place_date, st.place_date))
    t = Table([[left, right], [number, when]], colWidths=[left_w, right_w])
    t.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), FONT, 13),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 1), (-1, 1), 4),
    ]))
    return t


#: A layout table: no grid, no padding, cells aligned at the top.
_PLAIN = [("FONT", (0, 0), (-1, -1), FONT, 13), ("VALIGN", (0, 0), (-1, -1), "TOP"),
          ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
          ("TOPPADDING", (0, 0), (-1, -1), 0)]


def title_block(st: Styles, title: str, subject: str, addressees: Sequence[str]) -> list[Flowable]:
    out: list[Flowable] = [para(title, st.title), para(subject, st.subject),
                           Rule(min(text_width(subject, FONT_BOLD, 14) * 0.35, 60 * mm), space=5)]
    if len(addressees) == 1:
        out.append(para(f"Kính gửi: {addressees[0].rstrip('.;')}.", st.to))
    else:
        label = "Kính gửi:"
        lines = [f"- {a.rstrip('.;')}{'.' if i == len(addressees) - 1 else ';'}" for i, a in enumerate(addressees)]
        lw = text_width(label + " ", FONT, 14)
        body_w = max(text_width(x, FONT, 14) for x in lines) + 4
        body_w = min(body_w, TEXT_WIDTH - lw - 20)
        t = Table([[para(label, st.to_line), [para(x, st.to_line) for x in lines]]], colWidths=[lw + 4, body_w])
        t.setStyle(TableStyle(_PLAIN))
        out += [Spacer(1, 10), t, Spacer(1, 8)]
    return out


#: Signature fields the closing block declares (``signing.placement``); services/signing signs the
#: officer's field first and the chairman's next, and puts each visible stamp where it is declared.
OFFICER_SIGNATURE_FIELD = "ChuKy_CanBo"
CHAIRMAN_SIGNATURE_FIELD = "ChuKy_ChuTich"
#: The agency's signature, added by the clerk when issuing (number and date filled in).
AGENCY_SIGNATURE_FIELD = "ChuKy_CoQuan"


def closing_block(st: Styles, recipients: Sequence[str], authority: str, position: str, name: str,
                  keep: Sequence[Flowable] = (), *, seal: bool = False) -> Flowable:
    """``Nơi nhận:`` (left) and the signature block (right) on the same line.

    The blank space under the title (and a space under ``Nơi nhận``, for the officer who prepared the
    report) are :class:`SignatureSpace` flowables: they record where they were drawn, and the digital
    signature stamps go there (the printed copy keeps the space for ink and seal)."""
    lines: list[Flowable] = [para("Nơi nhận:", st.recv_head)]
    for i, r in enumerate(recipients):
        end = "." if i == len(recipients) - 1 else ";"
        lines.append(para(f"- {r.rstrip('.;')}{end}", st.recv))
    lines += [Spacer(1, 4 * mm), SignatureSpace(20 * mm, OFFICER_SIGNATURE_FIELD, width=62 * mm)]
    sign = [para(authority.upper(), st.sign)] if authority else []
    # 28 mm blank under the title, as before; the stamp keeps 2 mm off the title's last line
    sign += [
        para(position.upper(), st.sign),
        Spacer(1, 2 * mm),
        SignatureSpace(26 * mm, CHAIRMAN_SIGNATURE_FIELD, width=75 * mm,
                       seal_field=AGENCY_SIGNATURE_FIELD if seal else None),
        para(name, st.sign),
    ]
    t = Table([[lines, sign]], colWidths=[TEXT_WIDTH * 0.45, TEXT_WIDTH * 0.55])
    t.setStyle(TableStyle(_PLAIN))
    # never alone on a page: the last paragraph(s) before it (``keep``) go with it
    return KeepTogether([*keep, Spacer(1, 10), t])


def data_table(st: Styles, header: Sequence[str], rows: Sequence[Sequence[str]], kinds: Sequence[str],
               widths: Sequence[float] | None, avail: float, *, total: bool = False, small: bool = False,
               wrap_cols: Sequence[int] | None = None) -> Table:
    """A grid table: bold centred header repeated on each page, numbers right-aligned, optional total row.

    Cells of ``wrap_cols`` (default: every text column) are Paragraphs so they wrap; the others
    are plain strings (fast for long appendix tables).
    """
    cell = st.cell_small if small else st.cell
    head = st.cell_head_small if small else st.cell_head
    size = cell.fontSize
    centred = ParagraphStyle("cell_centred", parent=cell, alignment=TA_CENTER)
    n = len(header)
    rel = list(widths or [1.0] * n)
    scale = avail / sum(rel)
    col_w = [w * scale for w in rel]
    wrap = set(wrap_cols if wrap_cols is not None else [i for i, k in enumerate(kinds) if k in ("text", "center")])
    data: list[list[Any]] = [[Paragraph(escape(h), head) for h in header]]
    for r in rows:
        line = []
        for i, v in enumerate(r):
            if i in wrap and v and (len(v) * size * 0.5 > col_w[i] - 6 or "\n" in v):
                first, *rest = escape(v).split("\n")
                markup = "<br/>".join([first, *(f"<i>{x}</i>" if x.startswith("(") else x for x in rest)])
                line.append(Paragraph(markup, centred if kinds[i] == "center" else cell))
            else:
                line.append(v)
        data.append(line)
    t = Table(data, colWidths=col_w, repeatRows=1)
    cmds: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), FONT, size, cell.leading),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("VALIGN", (0, 1), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 1 if small else 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2 if small else 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    for i, k in enumerate(kinds):
        if k in ("int", "money", "percent"):
            cmds.append(("ALIGN", (i, 1), (i, -1), "RIGHT"))
        elif k in ("date", "center") or (header[i] in ("TT", "STT")):
            cmds.append(("ALIGN", (i, 1), (i, -1), "CENTER"))
    if total and rows:
        cmds.append(("FONT", (0, -1), (-1, -1), FONT_BOLD, size, cell.leading))
    if len(rows) >= 2:  # never leave the last row (a total) alone at the top of a page
        cmds.append(("NOSPLIT", (0, len(rows) - 1), (-1, len(rows))))
    t.setStyle(TableStyle(cmds))
    return t


__all__ = [
    "AGENCY_SIGNATURE_FIELD",
    "BODY_SIZE",
    "FONT",
    "FONT_BOLD",
    "FONT_BOLD_ITALIC",
    "FONT_FILES",
    "FONT_ITALIC",
    "LAND_WIDTH",
    "TA_CENTER",
    "TA_RIGHT",
    "TEXT_WIDTH",
    "AppendixStart",
    "DocumentTemplate",
    "FieldLine",
    "QrStamp",
    "Rule",
    "Styles",
    "closing_block",
    "data_table",
    "date_parts",
    "header_block",
    "number_parts",
    "para",
    "register_fonts",
    "require_fonts",
    "text_width",
    "title_block",
]
