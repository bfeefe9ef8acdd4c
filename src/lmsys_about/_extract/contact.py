"""Contact: every link of the section is a way to reach the organisation."""

from __future__ import annotations

from .._read.blocks import Section
from .._urls import platform_of
from ._context import Context


def extract_contact(section: Section, ctx: Context) -> None:
    for block in section.blocks:
        links = [piece for text_line in block.lines for piece in text_line.links()]
        for piece in links:
            url = ctx.url(piece)
            if url is None:
                ctx.unplaced("link", piece.text, piece.line)
                continue
            ctx.contact_links.append(
                {"label": piece.text, "url": url, "platform": platform_of(url), "line": piece.line}
            )
        if not links and block.kind == "item":
            ctx.unplaced("item", block.text, block.line)
