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


def font_path(name: str = STAMP_FONT) -> Path:
    """The stamp's font file; a missing one is a :class:`SigningError` (what the signing dialog and
    commands show) with the message of :class:`~plan_desktop.paths.ResourceMissingError`."""
    try:
        return paths.require_resource("fonts", name, what="phông chữ")
    except paths.ResourceMissingError as exc:
        raise SigningError(str(exc)) from None


def nfc(text: str) -> str:
    """Vietnamese in precomposed form: one glyph per letter with its marks (Noto has them all)."""
    return unicodedata.normalize("NFC", text or "")


def stamp_style(*, with_title: bool = True, font_size: int = 10):
    """A pyHanko :class:`TextStampStyle` with a Vietnamese font and the program's text."""
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.stamp import TextStampStyle

    font = GlyphAccumulatorFactory(str(font_path()), font_size=font_size, ot_script_tag="latn",
                                   ot_language_tag="VIT ", bcp47_lang_code="vi")
    return TextStampStyle(
        stamp_text=STAMP_TEXT if with_title else STAMP_TEXT_NO_TITLE,
        timestamp_format=STAMP_TIME_FORMAT,
        text_box_style=TextBoxStyle(font=font, font_size=font_size, leading=int(font_size * 1.45),
                                    text_color=INK_BLUE),
        border_width=1,
        border_color=INK_BLUE,
        background=None,
    )
