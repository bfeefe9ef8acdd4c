"""Run one extractor on one section of a small page, as dispatch does, and read what it left in the Context."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from lmsys_about._extract._context import Context
from lmsys_about._extract._text import Marks
from lmsys_about._read.blocks import Section, parse_blocks, split_sections


def sections(markdown: str, line_offset: int = 0) -> list[Section]:
    """The sections of ``markdown``, the text before its first heading first, lines counted after ``line_offset``."""
    return split_sections(parse_blocks(markdown, line_offset))


def run(
    extractor: Callable[[Section, Context], None],
    markdown: str,
    *,
    legend: Mapping[str, str] | None = None,
    line_offset: int = 0,
) -> Context:
    """A fresh Context (with the marks of ``legend``) after ``extractor`` has read the last section of ``markdown``."""
    ctx = Context(marks=Marks.of(legend or {}))
    extractor(sections(markdown, line_offset)[-1], ctx)
    return ctx


def codes(ctx: Context) -> list[tuple[str, int | None]]:
    """Each diagnostic's code and line, in the order reported."""
    return [(d["code"], d["line"]) for d in ctx.diagnostics]
