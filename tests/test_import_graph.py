"""No import loop in pipeline/: the graph of which module imports which, read from the code
(every import statement, at the top or inside a function, except those under
``if TYPE_CHECKING:``, which never run), has no cycle.

A loop makes a module's names depend on which of the two was imported first, and keeps the
stages from being loaded, tested or replaced alone. An edge goes to the module a statement
names: ``from .emit import csv`` to ``pipeline.emit.csv`` (a module), ``from .emit import
PACKAGES`` to ``pipeline.emit`` (a name of the package); a submodule's own package, which
Python imports first, is not counted as an import of it."""

from __future__ import annotations

import ast
from pathlib import Path

from .conftest import ROOT

PACKAGE = ROOT / "pipeline"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _type_checking_only(tree: ast.Module) -> set[int]:
    """The ids of the import statements under ``if TYPE_CHECKING:``."""
    hidden: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            hidden.update(id(n) for branch in node.body for n in ast.walk(branch))
    return hidden


def imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The modules of the package that the module ``name`` imports when it runs."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    hidden = _type_checking_only(tree)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in hidden:
            continue
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name in modules)
        elif isinstance(node, ast.ImportFrom):
            base = package
            for _ in range(node.level - 1):
                base = base.rpartition(".")[0]
            target = (f"{base}.{node.module}" if node.module else base) if node.level else node.module or ""
            for alias in node.names:
                if f"{target}.{alias.name}" in modules:
                    found.add(f"{target}.{alias.name}")
                elif target in modules:
                    found.add(target)
    found.discard(name)
    return found


def graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: imports(name, path, modules) for name, path in modules.items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """One loop through each strongly connected group of modules (Tarjan's algorithm), as
    the modules it goes through, in order."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                top = stack.pop()
                group.append(top)
                if top == node:
                    break
            if len(group) > 1:
                groups.append(_loop(sorted(group), edges))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return groups


def _loop(group: list[str], edges: dict[str, set[str]]) -> list[str]:
    """A path from the group's first module back to itself, inside the group."""
    start, members = group[0], set(group)
    paths = {start: [start]}
    pending = [start]
    while pending:
        node = pending.pop(0)
        for nxt in sorted(edges[node] & members):
            if nxt == start:
                return [*paths[node], start]
            if nxt not in paths:
                paths[nxt] = [*paths[node], nxt]
                pending.append(nxt)
    raise AssertionError(group)


def test_the_graph_is_read_from_the_code():
    edges = graph()
    assert "pipeline.emit.formats" in edges["pipeline.emit"]
    assert "pipeline.emit.csv" in edges["pipeline.emit.formats"]
    assert "pipeline.layout" in edges["pipeline.emit.xlsx"]
    assert "pipeline.read" in edges["pipeline.parse"]
    assert "pipeline.html_page" in edges["pipeline.load"]  # inside a function


def test_imports_for_the_type_checker_alone_are_not_edges(tmp_path):
    module = tmp_path / "pipeline" / "emit" / "x.py"
    module.parent.mkdir(parents=True)
    module.write_text("from typing import TYPE_CHECKING\nfrom . import csv\nfrom .. import layout\n"
                      "from ..errors import PipelineError\nif TYPE_CHECKING:\n    from .base import View\n"
                      "def f():\n    from ..read import lines\n    import pipeline.emit\n")
    modules = dict.fromkeys(("pipeline.emit", "pipeline.emit.csv", "pipeline.emit.base",
                             "pipeline.layout", "pipeline.errors", "pipeline.read"), module)
    assert imports("pipeline.emit.x", module, modules) == {
        "pipeline.emit.csv", "pipeline.layout", "pipeline.errors", "pipeline.read", "pipeline.emit"}


def test_the_cycle_finder_finds_a_loop():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c", "a"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_loop_in_the_pipeline():
    assert cycles(graph()) == []
