"""The QR code on a report's last page: what it carries and how it is drawn, in one place.

A printed copy is matched to its signed file by what the code carries: unit, period, number, date and
the report's data hash. When the report leaves the number and date to the clerk (Decree 30: the clerk
numbers the document after the signer has signed), the code is the appearance of a form field
(:data:`QR_FIELD`), so that issuing can redraw it with the number and date in the same form-filling
update the signer's certification allows; otherwise it is drawn on the page.
"""

from __future__ import annotations

import itertools
from datetime import date

#: The name (prefix) of the form field whose appearance is the QR code: ``ma_qr_1``.
QR_FIELD = "ma_qr"

#: The quiet zone around the code, in modules (what reportlab's QrCodeWidget leaves).
BORDER = 4


def qr_payload(unit_code: str, period: str, number: str, on: date | str, data_hash: str) -> str:
    """What the code carries. ``number`` is the document number without its kind (``15``), or empty."""
    shown = f"{number}/BC-UBND" if number else ""
    day = on.isoformat() if isinstance(on, date) else on
    return f"plan_desktop|don_vi={unit_code}|ky={period}|so={shown}|ngay={day}|sha256={data_hash}"


def dark_runs(payload: str) -> tuple[int, list[tuple[int, int, int]]]:
    """The code of ``payload`` (error correction M) as its module count and the runs of dark modules:
    ``(row, first column, length)``, the quiet zone not included."""
    from reportlab.graphics.barcode import qrencoder

    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(payload)
    qr.make()
    runs = []
    for r, row in enumerate(qr.modules):
        c = 0
        for dark, run in itertools.groupby(bool(m) for m in row):
            count = sum(1 for _ in run)
            if dark:
                runs.append((r, c, count))
            c += count
    return qr.getModuleCount(), runs


def rectangles(payload: str, left: float, bottom: float, size: float) -> list[tuple[float, float, float, float]]:
    """The dark rectangles ``(x, y, width, height)`` of the code drawn in the square of side ``size`` at
    (``left``, ``bottom``), quiet zone included: row runs as rectangles, the geometry reportlab's
    QrCodeWidget draws, without its two encodings and a shape object per run."""
    count, runs = dark_runs(payload)
    box = size / (count + 2 * BORDER)
    return [(left + (c + BORDER) * box, bottom + size - (r + BORDER + 1) * box, n * box, box) for r, c, n in runs]


def appearance_stream(payload: str, size: float) -> bytes:
    """PDF content operators drawing the code in a form XObject whose box is ``size`` × ``size``."""
    ops = [f"{x:.3f} {y:.3f} {w:.3f} {h:.3f} re" for x, y, w, h in rectangles(payload, 0, 0, size)]
    return ("q 0 g\n" + "\n".join(ops) + "\nf Q").encode("ascii")
