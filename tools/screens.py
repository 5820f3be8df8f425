"""Screenshots of every page of the window, for people to look at (not a test).

    QT_QPA_PLATFORM=offscreen python tools/screens.py OUT_DIR [--unit 13597] [--lang vi|en]

Builds a demo installation in a temporary folder, opens the main window at 1366×768 (a common office
screen), visits each page, opens each form's entry dialog, and saves PNGs into OUT_DIR.
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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("--unit", default="13597")
    ap.add_argument("--lang", default="vi", choices=["vi", "en"])
    ap.add_argument("--year", type=int, default=2019)
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from plan_desktop.services.demo import fill_demo
    from plan_desktop.services.installation import Installation
    from plan_desktop.ui import i18n, startup
    from plan_desktop.ui.context import AppContext
    from plan_desktop.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    app.setStyle("Fusion")
    startup.register_fonts(app)
    i18n.install(args.lang, app)

    def settle(ms: int = 300) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()
        QCoreApplication.processEvents()

    with tempfile.TemporaryDirectory() as tmp:
        inst = Installation.init(Path(tmp) / "data", args.unit, officer="Nguyễn Thị Hoa",
                                 extra_settings={"working_year": args.year})
        fill_demo(inst, year=args.year)
        ctx = AppContext.create(inst, args.lang)
        w = MainWindow(ctx)
        w.resize(1366, 768)
        w.show()
        settle(600)
        suffix = "" if args.lang == "vi" else "_en"
        for i, page in enumerate(list(w.pages)):
            w.show_page(page.key)
            settle()
            inner = getattr(page, "inner", None)
            if inner is not None and hasattr(inner, "refresh_preview"):
                inner.refresh_preview()
                settle(1500)
            name = page.key.replace(":", "_")
            w.grab().save(str(args.out / f"{i:02d}_{name}{suffix}.png"))
            if page.key.startswith("form:") and hasattr(page, "open_new"):
                dlg = page.open_new()
                if dlg is not None:
                    dlg.resize(800, 700)
                    settle()
                    dlg.grab().save(str(args.out / f"{i:02d}_{name}_dialog{suffix}.png"))
                    dlg._initial = dlg.values()
                    dlg.reject()
        w.close()
        ctx.bridge.close()
        inst.close()
    print(f"screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
