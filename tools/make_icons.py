"""Render ``resources/icons/app.svg`` into the raster icons the bundle needs.

* ``app.ico``: the Windows executable icon: 16 … 256 px, each entry a PNG (Windows Vista and later
  read PNG entries of any size);
* ``app.png``: 256 px, for Linux desktop files and anything that cannot read SVG.

Run after changing the SVG and commit the results::

    .venv/bin/python tools/make_icons.py

Rendering uses Qt's own SVG renderer (PySide6, already a dependency); the ICO container is written here,
since Qt's ICO writer stores one image only.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
PNG_SIZE = 256


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn on a transparent ``size`` by ``size`` square, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        render_png._app = QGuiApplication(sys.argv[:1])  # type: ignore[attr-defined]  # kept alive
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"not a valid SVG: {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buf, "PNG"):
        raise RuntimeError("PNG encoding failed")
    buf.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICO file holding one PNG entry per size (ICONDIR, one ICONDIRENTRY per image, then the images)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))  # reserved, type 1 = icon, count
    offset = 6 + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        blob = pngs[size]
        dim = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset)
        blobs += blob
        offset += len(blob)
    return header + entries + blobs


def read_ico_sizes(data: bytes) -> list[int]:
    """The square sizes listed in an ICO file's directory (for tests and checks)."""
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    if reserved != 0 or kind != 1:
        raise ValueError("not an ICO file")
    sizes = []
    for i in range(count):
        w, h = struct.unpack_from("<BB", data, 6 + 16 * i)
        sizes.append(w or 256)
        if (w or 256) != (h or 256):
            raise ValueError("non-square icon entry")
    return sizes


def main() -> int:
    svg = ICONS / "app.svg"
    pngs = {size: render_png(svg, size) for size in ICO_SIZES}
    (ICONS / "app.ico").write_bytes(ico_bytes(pngs))
    (ICONS / "app.png").write_bytes(pngs[PNG_SIZE])
    print(f"wrote {ICONS / 'app.ico'} ({', '.join(map(str, ICO_SIZES))} px) and {ICONS / 'app.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
