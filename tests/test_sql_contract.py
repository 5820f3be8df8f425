"""The SQL contract: every SQL statement of the program lives in ``store/``. Outside it no string literal
starts with a SQL keyword and nothing calls ``.execute(``/``.executemany(``/``.executescript(``/``.query(``;
services, reports and the window ask a repository module of ``store/`` instead.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "plan_desktop"

#: Files whose SQL is still being moved into ``store/``. The list may only shrink: an entry that no longer
#: holds SQL fails the test until it is deleted here.
KNOWN_SQL: set[str] = set()

_SQL_START = re.compile(r"\s*(SELECT|INSERT|UPDATE|DELETE|CREATE|PRAGMA|WITH|REPLACE|DROP|ALTER)\b")
_SQL_CALLS = {"execute", "executemany", "executescript", "query"}


def _literal_start(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
        return str(node.values[0].value)
    return None


def sql_in(source: str) -> list[tuple[int, str]]:
    """(line, what) of every SQL literal or SQL call in ``source``."""
    found: set[tuple[int, str]] = set()
    tree = ast.parse(source)
    inner = {id(v) for n in ast.walk(tree) if isinstance(n, ast.JoinedStr) for v in n.values}
    docstrings = {
        id(n.body[0].value) for n in ast.walk(tree)
        if isinstance(n, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and n.body and isinstance(n.body[0], ast.Expr)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _SQL_CALLS:
            found.add((node.lineno, f".{node.func.attr}("))
        elif id(node) not in docstrings and id(node) not in inner:
            text = _literal_start(node)
            if text is not None and _SQL_START.match(text):
                found.add((node.lineno, text.strip()[:40]))
    return sorted(found)


def _outside_store() -> dict[str, list[tuple[int, str]]]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel.startswith("store/"):
            continue
        hits = sql_in(path.read_text(encoding="utf-8"))
        if hits:
            found[rel] = hits
    return found


def test_no_sql_outside_store():
    found = _outside_store()
    new = {f: hits for f, hits in found.items() if f not in KNOWN_SQL}
    assert not new, "SQL outside store/ (move it into a repository module of store/):\n" + "\n".join(
        f"  {f}:{line}: {what}" for f, hits in new.items() for line, what in hits)


def test_known_sql_list_only_shrinks():
    stale = sorted(KNOWN_SQL - set(_outside_store()))
    assert not stale, f"no SQL left in {stale}: remove them from KNOWN_SQL"


def test_the_scanner_sees_sql():
    assert sql_in('x = "SELECT 1"\n')
    assert sql_in('db.execute(q)\n')
    assert sql_in('x = f"INSERT INTO t ({cols})"\n')
    assert not sql_in('"""SELECT is a word in a docstring."""\nx = "Selected rows"\n')
