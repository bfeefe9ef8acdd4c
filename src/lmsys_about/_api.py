"""load / loads: the one place where the pipeline is wired together.

read (bytes, BOM, line endings) -> front matter -> tokens -> sections -> extractors -> models.
"""

from __future__ import annotations

import os
import pkgutil
from typing import TYPE_CHECKING, Any

from ._extract import assemble, extract
from ._read.blocks import parse_blocks, split_sections
from ._read.source import DEFAULT_MAX_BYTES, read_capped, read_source
from ._read.tuning import TUNED, Tuning
from ._version import FORMAT_VERSION
from .errors import AboutValidationError, MarkdownError, SourceError

if TYPE_CHECKING:
    from .models import About

BUNDLED_NAME = "about.md"


def parse_data(
    text: str | bytes, *, source: str | None = None, max_bytes: int | None = DEFAULT_MAX_BYTES
) -> dict[str, Any]:
    """The page as plain JSON-ready data, in the field order of :class:`About` (what ``model_dump`` gives).

    The models are built from this; the ``json`` command prints it directly, so that a whole process does
    not pay for building the models' validators (tests check both give the same bytes).
    """
    return _parse(text, source=source, max_bytes=max_bytes)


def _parse(text: str | bytes, *, source: str | None, max_bytes: int | None, tuning: Tuning = TUNED) -> dict[str, Any]:
    src = read_source(text, path=source, max_bytes=max_bytes, tuning=tuning)
    try:
        sections = split_sections(parse_blocks(src.body, src.line_offset, tuning))
    except MarkdownError as exc:  # raised without the path, which only this level knows
        raise MarkdownError(exc.message, path=source, line=exc.line) from None
    ctx = extract(sections)
    del sections  # the blocks are done with: let them go before the records are assembled and validated
    data = assemble(ctx)
    title = None
    if src.front_matter is None:
        message = "the page has no front matter; title is null"
        data["diagnostics"].insert(0, {"severity": "warning", "code": "no-front-matter", "message": message, "line": 1})
    else:
        value = src.front_matter.get("title")
        title = value if isinstance(value, str) else None
    return {
        "format_version": FORMAT_VERSION,
        "source": source,
        "source_sha256": src.sha256,
        "title": title,
        "front_matter": src.front_matter or {},
        **data,
    }


def loads(
    text: str | bytes,
    *,
    strict: bool = False,
    source: str | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> About:
    """Parse one version of the About page from a ``str`` or UTF-8 ``bytes``.

    ``source`` names the input in errors and in ``About.source``. With ``strict=True`` any warning
    diagnostic raises :class:`AboutValidationError`. Inputs above ``max_bytes`` are refused: by default 32 KiB,
    nearly nine times the largest About page so far, which also bounds what a hostile input costs; None lifts it.

    >>> about = loads('---\\ntitle: About\\n---\\nACME Labs (ACME) is a lab.\\n\\n## Team\\n[Ada](https://ada.dev)\\n')
    >>> about.organization.short_name, about.people[0].name, about.people[0].line
    ('ACME', 'Ada', 7)
    """
    about = _validated(_parse(text, source=source, max_bytes=max_bytes))
    if strict:
        warnings = [d for d in about.diagnostics if d.severity != "info"]
        if warnings:
            raise AboutValidationError(warnings, path=source)
    return about


def _validated(data: dict[str, Any]) -> About:
    from .models import About  # built on first use, not at import

    return About.model_validate(data)


def read_bytes(path: str | os.PathLike[str] | None, *, max_bytes: int | None = DEFAULT_MAX_BYTES) -> tuple[bytes, str]:
    """The bytes of ``path`` (None: the bundled page) and the name to report them under."""
    if path is None:
        data = pkgutil.get_data(__package__, BUNDLED_NAME)  # lighter to import than importlib.resources
        assert data is not None, "the bundled page is missing from the installation"
        return data, BUNDLED_NAME
    name = os.fspath(path)
    try:
        with open(name, "rb") as handle:  # read no further than one byte past the cap
            return read_capped(handle, max_bytes=max_bytes, path=name), name
    except OSError as exc:
        raise SourceError(f"cannot read file: {exc.strerror or exc}", path=name) from None


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
    data, name = read_bytes(path, max_bytes=max_bytes)
    return loads(data, strict=strict, source=name, max_bytes=max_bytes)
