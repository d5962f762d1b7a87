"""The package's import graph has no cycle (issue 17), read from the source, not by importing.

Every `import` and `from ... import` of a module of `headerscope` counts, wherever it stands:
at the top, under `TYPE_CHECKING` (a cycle of types is still two modules that cannot be read
apart), or inside a function (a lazy import is still a dependency; it only moves the cost).
An edge runs from a file to the file it names: `from ..http2.frames import X` is an edge to
http2/frames.py, `from . import hpack` one to hpack.py, `from ..http import X` one to
http/__init__.py. A cycle is reported as the files on it, so a new one says where to cut.
"""

from __future__ import annotations

import ast
from pathlib import Path

import headerscope

ROOT = Path(headerscope.__file__).parent
PACKAGE = "headerscope"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in ROOT.rglob("*.py")}


def _resolve(package: str, level: int, name: str | None) -> str:
    """The module `from <level dots><name> import ...` names, written in `package`."""
    parts = package.split(".")
    parts = parts[: len(parts) - (level - 1)]
    return ".".join([*parts, name] if name else parts)


def _edges(module: str, path: Path, known: dict[str, Path]) -> set[str]:
    # The package a relative import starts from: the module's own for __init__.py, its
    # parent's otherwise.
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            target = _resolve(package, node.level, node.module) if node.level else (
                node.module or "")
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                found.add(sub if sub in known else target)
    return {name for name in found if name in known and name != module}


def graph() -> dict[str, set[str]]:
    known = _modules()
    return {module: _edges(module, path, known) for module, path in known.items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in sorted(edges):
        if start in index:
            continue
        work = [(start, iter(sorted(edges[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
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
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_the_package_has_no_import_cycle() -> None:
    assert cycles(graph()) == []


def test_the_reader_sees_the_edges_that_make_a_cycle() -> None:
    edges = graph()
    assert "headerscope.http2.hpack" in edges["headerscope.http.h2request"]  # from ..http2.hpack
    assert "headerscope.http2.frames" in edges["headerscope.http2"]  # from . import frames
    # TYPE_CHECKING imports count: http/_model.py names http2 types only for the checker.
    assert "headerscope.http2" in edges["headerscope.http._model"]
    # One edge back from http2 to http closes a loop, and the cycle names the files on it
    # (all the files each of the two reaches the other through).
    looped = {**edges, "headerscope.http2.hpack": {"headerscope.http.h2request"}}
    [cycle] = cycles(looped)
    assert {"headerscope.http.h2request", "headerscope.http2.hpack",
            "headerscope.http._model", "headerscope.http2"} <= set(cycle)
    assert not any(name.startswith("headerscope.pages") for name in cycle)
