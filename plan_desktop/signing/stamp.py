"""The visible signature stamp: signer's name, title and signing time, in Vietnamese.

pyHanko's default stamp font (Courier) has no Vietnamese marks; the stamp is set in Noto Serif,
shipped in ``resources/fonts/`` and embedded as a subset (``pyhanko[opentype]``: HarfBuzz shaping).
The text is dark blue, like an ink signature, in a thin blue frame.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from plan_desktop import paths
from plan_desktop.signing.errors import SigningError
from plan_desktop.signing.timefmt import STAMP_TIME_FORMAT

STAMP_FONT = "NotoSerif-Regular.ttf"
STAMP_FONT_BOLD = "NotoSerif-Bold.ttf"
INK_BLUE = (0.05, 0.15, 0.55)

#: The stamp's text. ``signer`` (name), ``title`` and ``ts`` (signing time) are filled in at signing.
STAMP_TEXT = "Ký số bởi: %(signer)s\nChức vụ: %(title)s\nThời gian ký: %(ts)s"
STAMP_TEXT_NO_TITLE = "Ký số bởi: %(signer)s\nThời gian ký: %(ts)s"
STAMP_TEXT_IMAGE = "Ký số bởi: %(signer)s, %(ts)s"


def font_path(name: str = STAMP_FONT) -> Path:
    """The stamp's font file; a missing one is a :class:`SigningError` (what the signing dialog and
    commands show) with the message of :class:`~plan_desktop.paths.ResourceMissingError`."""
    try:
        return paths.require_resource("fonts", name, what="phông chữ")
    except paths.ResourceMissingError as exc:
        raise SigningError(str(exc),
                           en=getattr(exc, "en", None) or str(exc)) from None


def nfc(text: str) -> str:
    """Vietnamese in precomposed form: one glyph per letter with its marks (Noto has them all)."""
    return unicodedata.normalize("NFC", text or "")


def _image(path: Path, what: str):
    from PIL import Image, UnidentifiedImageError
    from pyhanko.pdf_utils.images import PdfImage

    try:
        with Image.open(path) as im:
            im.load()
            picture = im.convert("RGBA") if im.mode not in ("RGBA", "RGB") else im.copy()
    except (FileNotFoundError, UnidentifiedImageError, OSError):
        raise SigningError(f"Không đọc được ảnh {what} «{path}»; hãy chọn lại trong Cài đặt.",
                           en=f"Cannot read the image «{path}»; please choose it again in Settings.") from None
    return PdfImage(picture)


def stamp_style(*, with_title: bool = True, font_size: int = 10, image: Path | None = None):
    """A pyHanko :class:`TextStampStyle` with a Vietnamese font and the program's text; with ``image``
    (the signer's handwritten signature, PNG with transparency) the text stands over the image."""
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
    from pyhanko.pdf_utils.layout import AxisAlignment, Margins, SimpleBoxLayoutRule
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.stamp import TextStampStyle

    font = GlyphAccumulatorFactory(str(font_path()), font_size=font_size, ot_script_tag="latn",
                                   ot_language_tag="VIT ", bcp47_lang_code="vi")
    if image is not None:
        # the handwritten signature centred, one small line under it with the certificate's name and time
        small = GlyphAccumulatorFactory(str(font_path()), font_size=6, ot_script_tag="latn",
                                        ot_language_tag="VIT ", bcp47_lang_code="vi")
        return TextStampStyle(
            stamp_text=STAMP_TEXT_IMAGE, timestamp_format=STAMP_TIME_FORMAT,
            text_box_style=TextBoxStyle(font=small, font_size=6, leading=8, text_color=INK_BLUE),
            inner_content_layout=SimpleBoxLayoutRule(x_align=AxisAlignment.ALIGN_MID,
                                                     y_align=AxisAlignment.ALIGN_MIN, margins=Margins(1, 1, 1, 0)),
            background=_image(image, "chữ ký"), background_opacity=1.0,
            background_layout=SimpleBoxLayoutRule(x_align=AxisAlignment.ALIGN_MID, y_align=AxisAlignment.ALIGN_MAX,
                                                  margins=Margins(2, 2, 9, 1)),
            border_width=0, border_color=INK_BLUE)
    return TextStampStyle(
        stamp_text=STAMP_TEXT if with_title else STAMP_TEXT_NO_TITLE,
        timestamp_format=STAMP_TIME_FORMAT,
        text_box_style=TextBoxStyle(font=font, font_size=font_size, leading=int(font_size * 1.45),
                                    text_color=INK_BLUE),
        border_width=1,
        border_color=INK_BLUE,
        background=None,
    )


AGENCY_TEXT = "Cơ quan ký số: %(signer)s\nThời gian: %(ts)s"


def seal_style(seal: Path | None, *, font_size: int = 7):
    """The agency's stamp: its seal image (red) filling the box; without an image, a small text stamp
    naming the certificate's holder and the time."""
    from pyhanko.pdf_utils.layout import AxisAlignment, SimpleBoxLayoutRule
    from pyhanko.stamp import StaticStampStyle

    if seal is not None:
        return StaticStampStyle(
            border_width=0, background=_image(Path(seal), "con dấu"), background_opacity=1.0,
            background_layout=SimpleBoxLayoutRule(x_align=AxisAlignment.ALIGN_MID, y_align=AxisAlignment.ALIGN_MID))
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.stamp import TextStampStyle

    font = GlyphAccumulatorFactory(str(font_path()), font_size=font_size, ot_script_tag="latn",
                                   ot_language_tag="VIT ", bcp47_lang_code="vi")
    red = (0.75, 0.05, 0.05)
    return TextStampStyle(stamp_text=AGENCY_TEXT, timestamp_format=STAMP_TIME_FORMAT,
                          text_box_style=TextBoxStyle(font=font, font_size=font_size,
                                                      leading=int(font_size * 1.4), text_color=red),
                          border_width=1, border_color=red, background=None)
