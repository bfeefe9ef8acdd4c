"""Read a written page back and name the first value that differs from the About it was written from."""

from __future__ import annotations

from typing import Any

from .._api import loads
from ..errors import AboutError, FrontMatterError, RenderError
from ..models import About

# Not written: where the page came from, its findings, and ``people``, which reading derives from the groups.
IGNORED = frozenset({"source", "source_sha256", "diagnostics", "people"})


def _without_lines(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_lines(v) for k, v in value.items() if k != "line"}
    if isinstance(value, list):
        return [_without_lines(v) for v in value]
    return value


def first_difference(expected: Any, actual: Any, path: str = "") -> tuple[str, Any, Any] | None:
    """The path of the first value that differs (page order), with both values; None when they are equal."""
    if isinstance(expected, dict) and isinstance(actual, dict) and expected.keys() == actual.keys():
        for key in expected:
            found = first_difference(expected[key], actual[key], f"{path}.{key}" if path else key)
            if found is not None:
                return found
        return None
    if isinstance(expected, list) and isinstance(actual, list):
        for index, (old, new) in enumerate(zip(expected, actual, strict=False)):
            found = first_difference(old, new, f"{path}[{index}]")
            if found is not None:
                return found
        if len(expected) != len(actual):
            index = min(len(expected), len(actual))
            return f"{path}[{index}]", expected[index : index + 1], actual[index : index + 1]
        return None
    return None if expected == actual else (path, expected, actual)


def _line_of(data: Any, path: str) -> int | None:
    """The line of the innermost value on ``path`` (in the About's own data) that has one."""
    line = None
    current = data
    for part in path.replace("[", ".[").split("."):
        if not part:
            continue
        if part.startswith("["):
            index = int(part[1:-1])
            current = current[index] if isinstance(current, list) and index < len(current) else None
        else:
            current = current.get(part) if isinstance(current, dict) else None
        if isinstance(current, dict) and isinstance(current.get("line"), int):
            line = current["line"]
    return line


def _short(value: Any, limit: int = 80) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def comparable(about: About) -> dict[str, Any]:
    data = about.model_dump(mode="json")
    return {key: _without_lines(value) for key, value in data.items() if key not in IGNORED}


def difference(about: About, page: str, *, max_bytes: int | None) -> RenderError | None:
    """None when ``page`` reads back as ``about`` (read with the cap ``max_bytes``); else the error that names the
    first value that differs."""
    size = len(page.encode("utf-8", "surrogatepass"))
    if max_bytes is not None and size > max_bytes:
        message = f"the page would be {size:,} bytes, above the limit of {max_bytes:,} (max_bytes)"
        return RenderError(message, field="about", path=about.source)
    data = about.model_dump(mode="json")
    try:
        back = loads(page, max_bytes=max_bytes)
    except AboutError as exc:
        field = "front_matter" if isinstance(exc, FrontMatterError) else "about"
        return RenderError(f"the written page does not read back: {exc.message}", field=field, path=about.source)
    found = first_difference(comparable(about), comparable(back))
    if found is None:
        return None
    path, expected, actual = found
    message = f"cannot be written losslessly: {_short(expected)} would read back as {_short(actual)}"
    return RenderError(message, field=path, path=about.source, line=_line_of(data, path))
