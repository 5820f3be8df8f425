"""The import contract: layers import downward only, Qt lives in ``ui/`` alone, and no two modules import
each other (directly or round a loop), wherever the import statement stands — at module level, inside a
function or under ``TYPE_CHECKING``.

    domain ← store ← (exchange, signing) ← reports ← services ← (ui, commands) ← cli

``usererror`` ← ``paths`` ← ``logs``, ``errors`` are leaf helpers every layer may use. ``reports`` sits
just above ``exchange`` and ``signing``: a report's layout declares where the signatures go
(``signing.placement``); neither of those two may import a report.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "plan_desktop"

#: Rank of each top-level part of the package: a module may import only parts of a lower rank, or its own.
RANK = {
    "usererror": 0, "paths": 1, "logs": 2, "errors": 2,
    "domain": 3,
    "store": 4,
    "exchange": 5, "signing": 5,
    "reports": 6,
    "services": 7,
    "ui": 8, "commands": 8,
    "cli": 9, "__main__": 10,
}

#: Violations being removed. The list may only shrink: an entry that no longer occurs fails the test until
#: it is deleted here.
KNOWN_UPWARD: set[str] = set()
KNOWN_LOOPS: set[str] = set()


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _imports(module: str, path: Path) -> list[tuple[int, str]]:
    """(line, imported module or name) of every import statement anywhere in the file."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            found.append((node.lineno, target))
            found += [(node.lineno, f"{target}.{alias.name}") for alias in node.names]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
    return found


def _part(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if parts[0] == "plan_desktop" and len(parts) > 1 else None


def _resolve(name: str) -> str | None:
    """The module of ours that ``name`` (a module or a name inside one) lives in."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def test_every_part_of_the_package_has_a_rank():
    parts = {_part(m) for m in MODULES} - {None}
    assert parts <= set(RANK), f"give these a place in RANK: {sorted(parts - set(RANK))}"


def test_layers_import_downward_only():
    upward = []
    for module, path in MODULES.items():
        here = _part(module)
        for line, target in _imports(module, path):
            there = _part(target)
            if here is None or there is None or there == here or there not in RANK:
                continue
            if RANK[there] >= RANK[here] and _resolve(target) == target:
                upward.append((f"{path.relative_to(PACKAGE.parent)} {here} → {target}", line))
    found = {where for where, _line in upward}
    new = sorted(f"{where} (line {line})" for where, line in upward if where not in KNOWN_UPWARD)
    assert not new, "imports against the layering:\n" + "\n".join(new)
    assert not KNOWN_UPWARD - found, f"fixed, delete from KNOWN_UPWARD: {sorted(KNOWN_UPWARD - found)}"


def test_qt_only_in_ui():
    found = [f"{path.relative_to(PACKAGE.parent)}:{line} {target}"
             for module, path in MODULES.items() if _part(module) != "ui"
             for line, target in _imports(module, path) if target.split(".")[0] in {"PySide6", "shiboken6"}]
    assert not found, "Qt imported outside plan_desktop/ui:\n" + "\n".join(found)


def _edges() -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {m: set() for m in MODULES}
    for module, path in MODULES.items():
        for _line, target in _imports(module, path):
            hit = _resolve(target)
            # a submodule reading its own package's __init__ (re-exports) is not a loop between modules
            if hit and hit != module and hit != "plan_desktop" and not module.startswith(hit + "."):
                edges[module].add(hit)
    return edges


def _loops(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    loops = []
    counter = 0
    for root in edges:
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    top = stack.pop()
                    on_stack.discard(top)
                    component.append(top)
                    if top == node:
                        break
                if len(component) > 1:
                    loops.append(sorted(component))
    return loops


def test_no_import_loops():
    loops = {" ↔ ".join(loop) for loop in _loops(_edges())}
    assert not loops - KNOWN_LOOPS, "modules that import each other (directly or round a loop):\n" + "\n".join(
        sorted(loops - KNOWN_LOOPS))
    assert not KNOWN_LOOPS - loops, f"fixed, delete from KNOWN_LOOPS: {sorted(KNOWN_LOOPS - loops)}"


@pytest.mark.parametrize("edges, expected", [
    ({"a": {"b"}, "b": {"a"}, "c": set()}, [["a", "b"]]),
    ({"a": {"b"}, "b": {"c"}, "c": {"a"}}, [["a", "b", "c"]]),
    ({"a": {"b"}, "b": {"c"}, "c": set()}, []),
])
def test_the_loop_finder_finds_loops(edges, expected):
    assert _loops(edges) == expected
