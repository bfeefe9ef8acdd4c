"""Every code the source can emit is in check's table of codes, with its severity, and in docs/diagnostics.md."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import lmsys_about
from lmsys_about._export.check import CODES

PACKAGE = Path(lmsys_about.__file__).parent
DOCS = Path(__file__).resolve().parents[1] / "docs" / "diagnostics.md"
HEADING = re.compile(r"^### `([a-z-]+)` \((error|warning|info)\)$", re.MULTILINE)


def _constant(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _unplaced_helper(node: ast.expr) -> bool:
    """The code of ``Context.unplaced``, f"unplaced-{what}": the calls of the helper name the codes."""
    return isinstance(node, ast.JoinedStr) and bool(node.values) and _constant(node.values[0]) == "unplaced-"


def emitted_codes() -> dict[str, set[str]]:
    """Each code the source emits, with the severities it is emitted with, read from the source's syntax:
    ``ctx.report(severity, code, ...)``, ``ctx.unplaced(what, ...)`` (an ``unplaced-<what>`` info), a dict
    literal with ``severity`` and ``code`` keys, and each error raised while reading (named after its class)."""
    found: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            pairs: list[tuple[str | None, str | None]] = []
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                args = node.args
                if node.func.attr == "report" and len(args) >= 2 and _unplaced_helper(args[1]):
                    assert _constant(args[0]) == "info", f"{path.name}:{node.lineno}: unplaced-* are info"
                elif node.func.attr == "report" and len(args) >= 2:
                    pairs.append((_constant(args[1]), _constant(args[0])))
                elif node.func.attr == "unplaced" and args and _constant(args[0]):
                    pairs.append((f"unplaced-{_constant(args[0])}", "info"))
            elif isinstance(node, ast.Dict):
                keys = {
                    _constant(key): value for key, value in zip(node.keys, node.values, strict=True) if key is not None
                }
                if "code" in keys and "severity" in keys and not isinstance(keys["code"], ast.Name):  # not report()'s
                    pairs.append((_constant(keys["code"]), _constant(keys["severity"])))
            elif isinstance(node, ast.Raise) and (path.parent.name == "_read" or path.name == "_api.py"):
                call = getattr(node, "exc", None)
                if isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id.endswith("Error"):
                    name = call.func.id
                    if name != "AboutValidationError":  # strict loading only, which check does not use
                        pairs.append((re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower(), "error"))
            for code, severity in pairs:
                assert code is not None, f"{path.name}:{node.lineno}: a code not written out"
                assert severity is not None, f"{path.name}:{node.lineno}: a severity not written out"
                found.setdefault(code, set()).add(severity)
    return found


def test_the_scan_finds_the_codes() -> None:
    """The scan sees each way of emitting a code (else the tests below would pass on nothing)."""
    codes = emitted_codes()
    assert {"doubtful-name", "unplaced-item", "no-front-matter", "front-matter-error", "source-error"} <= set(codes)
    assert len(codes) >= 20


def test_every_emitted_code_is_in_the_table_with_its_severity() -> None:
    emitted = emitted_codes()
    assert {code: {severity} for code, severity in CODES.items()} == emitted


def test_every_code_is_documented_with_its_severity() -> None:
    documented = dict(HEADING.findall(DOCS.read_text(encoding="utf-8")))
    assert documented == CODES
