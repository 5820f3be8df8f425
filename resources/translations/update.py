"""Refresh the translation sources (run from the repository root after changing UI strings)::

    python resources/translations/update.py

1. ``pyside6-lupdate`` collects every ``tr()`` / ``QCoreApplication.translate()`` string of
   ``plan_desktop/ui`` into ``plan_desktop_en.ts`` (Vietnamese is the source language);
2. the English of each string is filled in from ``english.py`` (strings without one stay
   "unfinished" and show in Vietnamese);
3. ``qtbase_vi.ts`` (Qt's own dialog strings in Vietnamese) is written from the same file.

The ``.qm`` files are built from these at start (see ``plan_desktop/ui/i18n.py``).
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))

from english import EN, HELP_EN, QTBASE_VI  # noqa: E402


def _lupdate() -> Path:
    ts = HERE / "plan_desktop_en.ts"
    sources = sorted(str(p) for p in (ROOT / "plan_desktop" / "ui").rglob("*.py"))
    subprocess.run(["pyside6-lupdate", *sources, "-no-obsolete", "-source-language", "vi",
                    "-target-language", "en", "-ts", str(ts)], check=True, cwd=ROOT)
    return ts


def _fill(ts: Path) -> list[str]:
    tree = ET.parse(ts)
    missing: list[str] = []
    for msg in tree.getroot().iter("message"):
        source = msg.findtext("source") or ""
        tr = msg.find("translation")
        english = HELP_EN if source.startswith("<h3>Hướng dẫn nhanh</h3>") else EN.get(source)
        if english is None:
            missing.append(source)
            continue
        tr.text = english
        tr.attrib.pop("type", None)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return missing


def _qtbase_vi() -> None:
    root = ET.Element("TS", version="2.1", language="vi_VN", sourcelanguage="en")
    by_ctx: dict[str, list[tuple[str, str]]] = {}
    for (ctx, src), vi in QTBASE_VI.items():
        by_ctx.setdefault(ctx, []).append((src, vi))
    for ctx, items in sorted(by_ctx.items()):
        c = ET.SubElement(root, "context")
        ET.SubElement(c, "name").text = ctx
        for src, vi in items:
            m = ET.SubElement(c, "message")
            ET.SubElement(m, "source").text = src
            ET.SubElement(m, "translation").text = vi
    ET.indent(root)
    out = HERE / "qtbase_vi.ts"
    out.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + ET.tostring(root, encoding="unicode")
                   + "\n", encoding="utf-8")


def main() -> int:
    missing = _fill(_lupdate())
    _qtbase_vi()
    for m in missing:
        print(f"no English yet: {m!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
