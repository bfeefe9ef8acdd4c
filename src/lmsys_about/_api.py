"""load / loads: the one place where the pipeline is wired together.

read (bytes, BOM, line endings) -> front matter -> tokens -> sections -> extractors -> models.
"""

from __future__ import annotations

import gc
import os
import pkgutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from ._extract import assemble, extract
from ._read.blocks import parse_blocks, split_sections
from ._read.source import DEFAULT_MAX_BYTES, read_source
from ._version import FORMAT_VERSION
from .errors import AboutValidationError, MarkdownError, SourceError

if TYPE_CHECKING:
    from pydantic import BaseModel

    from .models import About

BUNDLED_NAME = "about.md"


# The cyclic garbage collector is paused while pages are parsed: a parse allocates many short-lived containers and
# no reference cycles that matter (reference counting frees them), and the collector's passes over the growing heap
# cost a quarter of the time on large pages. The collector is one switch for the whole process, so concurrent
# parses share one pause: it starts with the first parse and ends with the last, and the switch is then put back
# as the first one found it. It is never left off, and never turned on by a parse when it was off before.
_pause_lock = threading.Lock()
_parses_running = 0
_enable_when_done = False


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the duration, shared with parses running in other threads."""
    global _parses_running, _enable_when_done
    with _pause_lock:
        if _parses_running == 0:
            _enable_when_done = gc.isenabled()
            gc.disable()
        _parses_running += 1
    try:
        yield
    finally:
        with _pause_lock:
            _parses_running -= 1
            if _parses_running == 0 and _enable_when_done:
                gc.enable()


def parse_data(
    text: str | bytes, *, source: str | None = None, max_bytes: int | None = DEFAULT_MAX_BYTES
) -> dict[str, Any]:
    """The page as plain JSON-ready data, in the field order of :class:`About` (what ``model_dump`` gives).

    The models are built from this; the ``json`` command prints it directly, so that a whole process does
    not pay for building the models' validators (tests check both give the same bytes).
    """
    with _collector_paused():
        return _parse(text, source=source, max_bytes=max_bytes)


def _parse(text: str | bytes, *, source: str | None, max_bytes: int | None) -> dict[str, Any]:
    src = read_source(text, path=source, max_bytes=max_bytes)
    try:
        sections = split_sections(parse_blocks(src.body, src.line_offset))
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
    with _collector_paused():  # once for the whole: each time it is back on, it may pass over the heap
        about = _validated(_parse(text, source=source, max_bytes=max_bytes))
    if strict:
        warnings = [d for d in about.diagnostics if d.severity != "info"]
        if warnings:
            raise AboutValidationError(warnings, path=source)
    return about


# Lists longer than this become models record by record, each plain record let go once its model exists: holding all
# records and all models at once was the peak of memory on large pages. Shorter lists are validated with the page,
# in one call, which is quicker.
_LONG_LIST = 512


def _one_by_one(records: list[dict[str, Any]], model: type[BaseModel]) -> list[Any]:
    """``records`` validated as ``model``, each record let go as soon as its model exists."""
    records.reverse()
    return [model.model_validate(records.pop()) for _ in range(len(records))]


def _constructed(records: list[dict[str, Any]], model: type[BaseModel]) -> list[Any]:
    """``records`` made into ``model`` without a second validation, each let go as soon as its model exists.

    For the extractors' own records of people and sponsors only: each gives every field, of its type, and its URL
    checked already (tests check that the models equal validated ones on every fixture and corpus page). A record
    that does not give exactly the model's fields is validated. The models share one set of the fields given,
    where a validated model holds a set of its own, which was most of a large page's memory: they are frozen,
    and a copy gets a set of its own.
    """
    fields = set(model.model_fields)
    records.reverse()
    models = []
    for _ in range(len(records)):
        record = records.pop()
        if record.keys() == fields:
            models.append(model.model_construct(fields, **record))
        else:
            models.append(model.model_validate(record))
    return models


def _validated(data: dict[str, Any]) -> About:
    from .models import About, Group, Member, Person, Sponsor, urls_checked  # built on first use, not at import

    with urls_checked():  # every URL in the extractors' data has passed url_problem (Context.url)
        for group in data["groups"]:  # a group's members first: a group of 100,000 names is one record
            if len(group["members"]) > _LONG_LIST:
                group["members"] = _constructed(group["members"], Member)
        for key, model in (("people", Person), ("sponsors", Sponsor)):
            if len(data[key]) > _LONG_LIST:
                data[key] = _constructed(data[key], model)
        groups = data["groups"]
        if len(groups) > _LONG_LIST or sum(len(g["members"]) for g in groups) > _LONG_LIST:
            data["groups"] = _one_by_one(groups, Group)  # their long lists of members are models already
        return About.model_validate(data)


def read_bytes(path: str | os.PathLike[str] | None, *, max_bytes: int | None = DEFAULT_MAX_BYTES) -> tuple[bytes, str]:
    """The bytes of ``path`` (None: the bundled page) and the name to report them under."""
    if path is None:
        data = pkgutil.get_data(__package__, BUNDLED_NAME)  # lighter to import than importlib.resources
        assert data is not None, "the bundled page is missing from the installation"
        return data, BUNDLED_NAME
    name = os.fspath(path)
    try:
        with open(name, "rb") as handle:
            # One byte more than allowed is enough to refuse an oversized file without reading all of it.
            return (handle.read() if max_bytes is None else handle.read(max_bytes + 1)), name
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
