"""Prose that no extractor placed: its web addresses are links of the page, and a paragraph that gave no value is
reported at its line. Prose never becomes a person or a sponsor, and it never vanishes without a word."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from .._read.blocks import Block, Piece
from ._context import Context, Record
from .contact import web_addresses


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of a section: its first and last lines, and its block."""

    first: int
    last: int
    block: Block  # of a section whose extractor leaves the blocks' lines as they are (not a people section)

    @property
    def text(self) -> str:
        return self.block.text


def keep_addresses(blocks: Iterable[Block], ctx: Context) -> None:
    """Web addresses written out in text ('Please refer to https://x.org/donations/.'), which CommonMark leaves as
    text: each is a link of the page, labelled with itself."""
    for block in blocks:
        for text_line in block.lines:
            if "://" not in text_line.text:  # most lines: no address
                continue
            for _, url in web_addresses(text_line):
                ctx.link(Piece("link", url, text_line.line, url))


def prose_of(blocks: Sequence[Block]) -> list[Paragraph]:
    """The section's paragraphs that must give a value or a finding: not a lead ('... the following institutions:')
    whose list follows it. (A legend, '"*" denotes initiators', is read for the marks' meanings: its line is read.)"""
    found = []
    for index, block in enumerate(blocks):
        if block.kind == "paragraph" and block.lines and not _leads(block, blocks[index + 1 : index + 2]):
            found.append(Paragraph(block.line, block.lines[-1].line, block))
    return found


def _ends_at_colon(block: Block) -> bool:
    return block.kind == "paragraph" and bool(block.lines) and block.lines[-1].text.rstrip().endswith(":")


def _leads(block: Block, following: Sequence[Block]) -> bool:
    """A paragraph that ends at a colon, right before what it introduces: not another such paragraph."""
    return bool(following) and _ends_at_colon(block) and not _ends_at_colon(following[0])


def _lines(records: Iterable[Record]) -> Iterator[int]:
    for record in records:
        yield record["line"]


def _member_lines(groups: Iterable[Record]) -> Iterator[int]:
    for group in groups:
        yield group["line"]
        for key in ("members", "links"):
            for inner in group[key]:
                yield inner["line"]


def report_unplaced(paragraphs: list[Paragraph], ctx: Context) -> None:
    """Each paragraph none of whose lines holds a value or a finding: an ``unplaced-text`` finding at its line."""
    if not paragraphs:
        return
    used = set(ctx.read_lines)
    for records in (ctx.sponsors, ctx.events, ctx.projects, ctx.contact_links, ctx.links, ctx.diagnostics):
        used.update(_lines(records))
    used.update(_lines((*ctx.labelled_institutions, *ctx.founding_institutions)))
    left = [p for p in paragraphs if not any(line in used for line in range(p.first, p.last + 1))]
    if left:  # most paragraphs hold one of the values above: the groups' many lines are read only when needed
        used.update(_member_lines(ctx.groups))
    for paragraph in left:
        if not any(line in used for line in range(paragraph.first, paragraph.last + 1)) and paragraph.text.strip():
            ctx.unplaced("text", paragraph.text, paragraph.first)
