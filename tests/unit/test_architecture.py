"""The layout holds: no import cycle, no cache or pickle, thin commands, small modules, renderers apart from the loader.

Read from the source with `ast`, so every import counts, the ones inside functions included.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import ROOT

PACKAGE = ROOT / "src" / "guarantees"
MODULE_LINES = 320  # "no module over about 300 lines"
COMMAND_LINES = 25  # a command parses, calls the service, renders and exits; nothing more


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imported(path: Path) -> Iterator[str]:
    """Every guarantees module a file imports, wherever the import stands (`from a import b` counts a.b if a module)."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names if alias.name.startswith("guarantees"))
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("guarantees"):
            yield node.module
            yield from (f"{node.module}.{a.name}" for a in node.names if f"{node.module}.{a.name}" in MODULES)


def import_graph() -> dict[str, set[str]]:
    return {name: {m for m in imported(path) if m in MODULES and m != name} for name, path in MODULES.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as a path that ends where it starts, or None (depth-first search, three colours)."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(name: str) -> list[str] | None:
        state[name] = 1
        path.append(name)
        for target in sorted(graph[name]):
            if state.get(target) == 1:
                return path[path.index(target) :] + [target]
            if target not in state and (cycle := visit(target)):
                return cycle
        state[name] = 2
        path.pop()
        return None

    for name in sorted(graph):
        if name not in state and (cycle := visit(name)):
            return cycle
    return None


def test_the_cycle_finder_finds_a_cycle() -> None:
    # The check below is only as good as this: a planted cycle is found, a tree is not.
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b", "c"}, "b": {"c"}, "c": set()}) is None


def test_the_package_has_no_import_cycle() -> None:
    graph = import_graph()
    assert len(graph) > 30 and graph["guarantees.service.compare"], "the walk found the package's imports"
    assert find_cycle(graph) is None


def test_no_renderer_imports_the_loader_and_no_core_module_imports_the_cli() -> None:
    graph = import_graph()
    renderers = {name: targets for name, targets in graph.items() if name.startswith("guarantees.render")}
    assert renderers and all("guarantees.loader" not in targets for targets in renderers.values())
    front = ("guarantees.cli", "guarantees.__main__", "guarantees.entry")  # the process front and the CLI
    outside_cli = {name: t for name, t in graph.items() if not name.startswith(front)}
    assert all(not any(m.startswith("guarantees.cli") for m in t) for t in outside_cli.values())


def test_no_module_imports_pickle_and_no_cache_module_exists() -> None:
    unsafe = {"pickle", "marshal", "shelve", "dill"}
    for name, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        names |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
        assert not names & unsafe, name
        assert "cache" not in name.split(".")[-1], name


def test_no_module_is_much_over_300_lines() -> None:
    long = {
        name: n for name, path in MODULES.items() if (n := len(path.read_text("utf-8").splitlines())) > MODULE_LINES
    }
    assert long == {}


def commands() -> Iterator[tuple[str, ast.FunctionDef]]:
    """Every function in cli/ decorated with `@app.command(...)`."""
    for name, path in MODULES.items():
        if name.startswith("guarantees.cli"):
            for node in ast.parse(path.read_text(encoding="utf-8")).body:
                if isinstance(node, ast.FunctionDef) and any(
                    "app.command" in ast.unparse(d) for d in node.decorator_list
                ):
                    yield f"{name}.{node.name}", node


def body_lines(function: ast.FunctionDef) -> int:
    """Lines of a function's body, its docstring left out."""
    body = function.body[1:] if isinstance(function.body[0], ast.Expr) else function.body
    return (function.end_lineno or 0) - body[0].lineno + 1


@pytest.mark.parametrize("name", [name for name, _ in commands()])
def test_every_command_function_is_short(name: str) -> None:
    (function,) = [f for n, f in commands() if n == name]
    assert body_lines(function) <= COMMAND_LINES


def test_the_command_walk_sees_every_command() -> None:
    assert {name.rsplit(".", 1)[1] for name, _ in commands()} >= {
        "compare", "show", "list_", "export", "validate", "schema", "generate", "sources",
    }  # fmt: skip


def test_command_modules_keep_their_annotations_evaluated() -> None:
    """typer reads the signature of every command and of every option callback on each run; postponed (string)
    annotations are compiled and evaluated again each time (about 10 ms of compare for the commands, 2 ms for
    the 37 callbacks), so no module that registers a command or defines an option callback postpones them."""
    import re

    sources = {path: path.read_text(encoding="utf-8") for path in sorted((PACKAGE / "cli").glob("*.py"))}
    callbacks = {name for text in sources.values() for name in re.findall(r"\bcallback=(\w+)", text)}

    def read_by_typer(text: str) -> bool:
        registers = re.search(r"^@\w+\.(command|callback)\(", text, re.MULTILINE) is not None
        return registers or any(re.search(rf"^def {name}\(", text, re.MULTILINE) for name in callbacks)

    read = [path for path, text in sources.items() if read_by_typer(text)]
    assert {path.stem for path in read} >= {"app", "compare", "validate", "citing", "authoring", "sources", "bounds"}
    assert {"within_path_limits", "names_within_limits", "export_format"} <= callbacks
    postponed = [path.name for path in read if "from __future__ import annotations" in sources[path]]
    assert postponed == []
