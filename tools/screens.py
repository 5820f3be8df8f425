"""Screenshots of every page of the window, for people to look at (not a test).

    QT_QPA_PLATFORM=offscreen python tools/screens.py OUT_DIR [--unit 13597] [--lang vi|en|both]
                                                      [--size 1366x768 --size 1024x768] [--dialogs]
    QT_QPA_PLATFORM=offscreen python tools/screens.py --readme     # refresh docs/screens/*.png

Builds a demo installation in a temporary folder, opens the main window at each size (common office
screens), visits each page, optionally opens each form's entry dialog, and saves PNGs into OUT_DIR.
``--readme`` writes the few small screenshots the README shows into ``docs/screens/``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

#: the README's screenshots: (file name, page key, unit) — kept small (scaled to README_WIDTH)
README_SHOTS = [
    ("overview", "overview", "13597"),
    ("activities", "form:communication", "13597"),
    ("report", "reports", "13597"),
    ("exchange_district", "exchange", "353"),
]
README_WIDTH = 900


def _size(text: str) -> tuple[int, int]:
    w, _, h = text.partition("x")
    return int(w), int(h)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path, nargs="?")
    ap.add_argument("--unit", default="13597")
    ap.add_argument("--lang", default="vi", choices=["vi", "en", "both"])
    ap.add_argument("--year", type=int, default=2019)
    ap.add_argument("--size", action="append", type=_size, help="WxH, repeatable (default 1366x768 and 1024x768)")
    ap.add_argument("--dialogs", action="store_true", help="also open each form's entry dialog")
    ap.add_argument("--readme", action="store_true", help="refresh docs/screens/*.png for the README")
    args = ap.parse_args(argv)
    if not args.readme and args.out is None:
        ap.error("OUT_DIR is required (or --readme)")

    from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    from plan_desktop.services.demo import fill_demo
    from plan_desktop.services.installation import Installation
    from plan_desktop.ui import i18n, startup
    from plan_desktop.ui.context import AppContext
    from plan_desktop.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    app.setStyle("Fusion")
    startup.register_fonts(app)

    def settle(ms: int = 300) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()
        QCoreApplication.processEvents()

    def window(tmp: Path, unit: str, lang: str):
        i18n.install(lang, app)
        folder = Path(tempfile.mkdtemp(prefix=f"data-{unit}-{lang}-", dir=tmp))
        inst = Installation.init(folder / "data", unit, officer="Nguyễn Thị Hoa",
                                 extra_settings={"working_year": args.year, "language": lang})
        fill_demo(inst, year=args.year)
        ctx = AppContext.create(inst, lang)
        return inst, ctx, MainWindow(ctx)

    def close(inst, ctx, w) -> None:
        w.close()
        ctx.bridge.close()
        inst.close()

    def visit(w, page) -> None:
        w.show_page(page.key)
        settle()
        inner = getattr(page, "inner", None)
        if inner is not None and hasattr(inner, "refresh_preview"):
            inner.refresh_preview()
            settle(1500)

    with tempfile.TemporaryDirectory() as tmp:
        if args.readme:
            out = ROOT / "docs" / "screens"
            out.mkdir(parents=True, exist_ok=True)
            for name, key, unit in README_SHOTS:
                inst, ctx, w = window(Path(tmp), unit, "vi")
                w.resize(1366, 768)
                w.show()
                settle(600)
                page = w.page(key)
                visit(w, page)
                img = w.grab().toImage().scaledToWidth(README_WIDTH, Qt.TransformationMode.SmoothTransformation)
                # 256 colours: small files in the repository, still sharp for text
                img = img.convertToFormat(QImage.Format.Format_Indexed8, Qt.ImageConversionFlag.ThresholdDither)
                img.save(str(out / f"{name}.png"), "PNG", 9)
                close(inst, ctx, w)
            print(f"screenshots in {out}")
            return 0

        args.out.mkdir(parents=True, exist_ok=True)
        langs = ["vi", "en"] if args.lang == "both" else [args.lang]
        sizes = args.size or [(1366, 768), (1024, 768)]
        for lang in langs:
            inst, ctx, w = window(Path(tmp), args.unit, lang)
            w.show()
            for width, height in sizes:
                w.resize(width, height)
                settle(600)
                for i, page in enumerate(list(w.pages)):
                    visit(w, page)
                    name = page.key.replace(":", "_")
                    grown = "" if (w.width(), w.height()) == (width, height) else f"_GREW{w.width()}x{w.height()}"
                    w.grab().save(str(args.out / f"{width}_{i:02d}_{name}_{lang}{grown}.png"))
                    w.resize(width, height)
                    if args.dialogs and page.key.startswith("form:") and hasattr(page, "open_new"):
                        dlg = page.open_new()
                        if dlg is not None:
                            settle()
                            dlg.grab().save(str(args.out / f"{width}_{i:02d}_{name}_dialog_{lang}.png"))
                            dlg._initial = dlg.values()
                            dlg.reject()
            close(inst, ctx, w)
    print(f"screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
