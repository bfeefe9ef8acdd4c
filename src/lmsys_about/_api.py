"""load / loads: the one place where the pipeline is wired together.

read (bytes, BOM, line endings) -> front matter -> tokens -> sections -> extractors -> models.
"""

from __future__ import annotations

import os
from importlib import resources

from ._extract import assemble, extract
from ._markdown import parse_blocks, split_sections
from ._source import DEFAULT_MAX_BYTES, read_source
from .errors import AboutError, AboutValidationError, MarkdownError, SourceError
from .models import About, Diagnostic

BUNDLED_NAME = "about.md"


def loads(
    text: str | bytes,
    *,
    strict: bool = False,
    source: str | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> About:
    """Parse one version of the About page from a ``str`` or UTF-8 ``bytes``.

    ``source`` names the input in errors and in ``About.source``. With ``strict=True`` any warning
    diagnostic raises :class:`AboutValidationError`. Inputs above ``max_bytes`` (None: no limit) are refused.

    >>> about = loads('---\\ntitle: About\\n---\\nACME Labs (ACME) is a lab.\\n\\n## Team\\n[Ada](https://ada.dev)\\n')
    >>> about.organization.short_name, about.people[0].name, about.people[0].line
    ('ACME', 'Ada', 7)
    """
    src = read_source(text, path=source, max_bytes=max_bytes)
    try:
        blocks = parse_blocks(src.body, src.line_offset)
    except MarkdownError as exc:
        raise MarkdownError(exc.message, path=source, line=exc.line) from None
    ctx = extract(split_sections(blocks))
    data = assemble(ctx)
    diagnostics = data["diagnostics"]
    title = None
    if src.front_matter is None:
        diagnostics.insert(0, {"severity": "warning", "code": "no-front-matter",
                               "message": "the page has no front matter; title is null", "line": 1})  # fmt: skip
    else:
        value = src.front_matter.get("title")
        title = value if isinstance(value, str) else None
    about = About.model_validate(
        {"source": source, "source_sha256": src.sha256, "title": title, "front_matter": src.front_matter or {}, **data}
    )
    if strict:
        warnings = [d for d in about.diagnostics if d.severity != "info"]
        if warnings:
            raise AboutValidationError(warnings, path=source)
    return about


def load(
    path: str | os.PathLike[str] | None = None,
    *,
    strict: bool = False,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> About:
    """Parse the About page at ``path``; with no path, the copy bundled with this package.

    >>> load().organization.name
    'Large Model Systems Organization'
    """
    if path is None:
        data = resources.files(__package__).joinpath(BUNDLED_NAME).read_bytes()
        return loads(data, strict=strict, source=BUNDLED_NAME, max_bytes=max_bytes)
    name = os.fspath(path)
    try:
        with open(name, "rb") as handle:
            data = handle.read() if max_bytes is None else handle.read(max_bytes + 1)
    except OSError as exc:
        raise SourceError(f"cannot read file: {exc.strerror or exc}", path=name) from None
    return loads(data, strict=strict, source=name, max_bytes=max_bytes)


__all__ = ["AboutError", "Diagnostic", "load", "loads"]
