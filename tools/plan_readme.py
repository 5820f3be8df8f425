"""Write the «Plan indicators» section of README.md from the plan file (resources/plan/*.toml).

    .venv/bin/python tools/plan_readme.py          # rewrite the section
    .venv/bin/python tools/plan_readme.py --check  # exit 1 when README.md is out of date
"""

from __future__ import annotations

import sys
from pathlib import Path

from plan_desktop.domain.plan import default_plan, definitions_markdown

START = "<!-- plan-indicators:start -->"
END = "<!-- plan-indicators:end -->"
README = Path(__file__).resolve().parent.parent / "README.md"


def section() -> str:
    return f"{START}\n{definitions_markdown(default_plan())}{END}"


def updated(text: str) -> str:
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    return head + section() + tail


def main(argv: list[str]) -> int:
    text = README.read_text(encoding="utf-8")
    new = updated(text)
    if "--check" in argv:
        return 0 if new == text else 1
    README.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
