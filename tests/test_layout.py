"""The package's layout: no import cycle, and each stage of the pipeline imports only from the stages below it."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

import lmsys_about

PACKAGE = Path(lmsys_about.__file__).parent

# The stages from the bottom up. A module imports from its own unit (a root module, or a sub-package with
# everything in it) and from units of lower stages only; units of one stage never import each other.
STAGES: tuple[tuple[str, ...], ...] = (
    ("_urls", "_version", "_printable"),  # helpers beneath everything
    ("models",),  # the public contract: the models, then the errors that carry their diagnostics
    ("errors",),
    ("_read",),  # bytes, front matter, Markdown tokens, blocks and sections
    ("_extract",),  # sections to the plain data of an About
    ("_api",),  # load / loads: the pipeline wired together
    ("_export", "_diff", "_render"),  # consumers of the models
    ("_git", "testing"),  # consumers of parsing and diffing
    ("pytest_plugin",),  # the pytest fixture, on testing's snapshots
    ("_plot",),  # pictures of a page's history
    ("_cli",),
    ("__init__", "__main__"),
)
RANK = {unit: rank for rank, units in enumerate(STAGES) for unit in units}


def module_names() -> dict[str, Path]:
    names = {}
    for path in PACKAGE.rglob("*.py"):
        parts = ("lmsys_about", *path.relative_to(PACKAGE).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names[".".join(parts)] = path
    return names


MODULES = module_names()


def imports_of(name: str) -> Iterator[tuple[str, int]]:
    """The package's modules that ``name`` imports, anywhere in it (functions and TYPE_CHECKING included)."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            # 'from . import check' imports the submodule 'check'; 'from .x import y' the module 'x'.
            targets = [f"{module}.{a.name}" if f"{module}.{a.name}" in MODULES else module for a in node.names]
        else:
            continue
        for target in targets:
            if target in MODULES:
                yield target, node.lineno


def unit_of(name: str) -> str:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def test_every_module_has_a_stage() -> None:
    assert {unit_of(name) for name in MODULES} <= set(RANK)


def test_no_import_cycle() -> None:
    graph = {name: {target for target, _ in imports_of(name)} for name in MODULES}
    done: set[str] = set()

    def visit(name: str, path: list[str]) -> None:
        if name in path:
            cycle = [*path[path.index(name) :], name]
            pytest.fail("import cycle: " + " -> ".join(cycle))
        if name in done:
            return
        for target in sorted(graph[name]):
            visit(target, [*path, name])
        done.add(name)

    for name in sorted(graph):
        visit(name, [])


@pytest.mark.parametrize("name", sorted(MODULES))
def test_imports_go_downward_only(name: str) -> None:
    unit = unit_of(name)
    for target, line in imports_of(name):
        other = unit_of(target)
        if other != unit:
            assert RANK[other] < RANK[unit], f"{name} (line {line}) imports {target}, which is not below it"


def test_the_checks_see_imports() -> None:
    """The walk finds relative, parent and submodule imports (else the tests above would pass on nothing)."""
    assert any(target == "lmsys_about._read.blocks" for target, _ in imports_of("lmsys_about._extract.classify"))
    assert any(target == "lmsys_about._cli.check" for target, _ in imports_of("lmsys_about._cli.main"))
    assert any(target == "lmsys_about.models" for target, _ in imports_of("lmsys_about._diff.compare"))
