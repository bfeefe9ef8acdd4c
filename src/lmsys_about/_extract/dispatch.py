"""Sections to a filled :class:`Context`: read the legends, classify each section, run its extractor."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from urllib.parse import unquote

from .._read.blocks import Block, Section, TextLine
from ._context import Context, short
from ._text import Marks, legends
from .classify import kind_by_title, kind_of, label_kind
from .contact import extract_contact
from .entries import is_footnote
from .history import extract_dated, extract_history, extract_project_heading, heading_date, names_project
from .organization import extract_organization
from .people import extract_people, finish_people
from .prose import Paragraph, keep_addresses, prose_of, report_unplaced
from .sponsors import extract_sponsors, read_donation_forms

_HTML_LINK = re.compile(r"<(?:a|img)\s[^>]*\b(?:href|src)", re.IGNORECASE)
Extractor = Callable[[Section, Context], None]

EXTRACTORS: dict[str, Extractor] = {
    "contact": extract_contact,
    "sponsors": extract_sponsors,
    "history": extract_history,
    "people": extract_people,
    "projects": extract_history,  # a projects section reads like the history: items are projects
    "dated": extract_dated,  # '### 2025' under the history
    "project": extract_project_heading,  # '### FlashInfer (graduated)', '### SGLang' under the projects
}


def _heading_kind(title: str, parent: str | None) -> str | None:
    """What a heading of no kind of its own is, by its words and the section above: a date under the history, a
    project's name (with its status, or under the projects)."""
    if parent in ("history", "dated") and heading_date(title) is not None:
        return "dated"
    return "project" if names_project(title, parent) else None


def _unknown(section: Section, ctx: Context) -> None:
    heading = section.heading
    assert heading is not None
    ctx.report("warning", "unknown-section", f"section {section.title!r} is not recognised", heading.line)
    for block in section.blocks:
        if block.kind == "item":
            ctx.unplaced("item", block.text, block.line)
        for text_line in block.lines:
            for piece in text_line.links():
                if ctx.url(piece) is not None or not (piece.url or "").strip():  # else reported as unsafe-url
                    ctx.unplaced("link", f"{piece.text} ({piece.url})", piece.line)


def _keep_text_blocks(section: Section, ctx: Context) -> None:
    """Report code, raw HTML and empty list items once, here, so that every extractor reads text only; and
    what no extractor reads inside text: raw HTML links and the images of linked logos."""
    kept = []
    for block in section.blocks:
        if block.kind == "raw":
            if _HTML_LINK.search(block.raw):
                msg = f"raw HTML {short(block.raw)!r} is not read: its links are not extracted"
                ctx.report("warning", "raw-html-link", msg, block.line)
            else:
                ctx.unplaced("block", block.raw, block.line)
        elif not block.lines or (block.kind == "item" and not any(line.pieces for line in block.lines)):
            ctx.unplaced("item", "(empty)", block.line)  # '- ', or '- ' and blanks markdown-it trims ('\xa0')
        else:
            kept.append(block)
            if block.raw:  # a table row's cells past its header's, which markdown-it leaves out
                ctx.unplaced("cell", block.raw, block.line)
            _report_unread_pieces(block.lines, ctx)
    section.blocks = kept


def _report_unread_pieces(text_lines: Sequence[TextLine], ctx: Context) -> None:
    """Raw HTML links and the images of linked logos, which no extractor reads inside text."""
    for text_line in text_lines:
        for piece in text_line.pieces:
            if piece.kind == "html" and piece.url is not None:
                msg = f"raw HTML link {short(piece.text)!r} is not read: write it as [text](url)"
                ctx.report("warning", "raw-html-link", msg, piece.line)
            elif piece.image is not None:
                msg = f"image {piece.image!r} of the link to {piece.url!r} is not extracted"
                ctx.report("info", "unplaced-image", msg, piece.line)


def _rows_outside_people(section: Section, ctx: Context) -> None:
    """Table rows are read in people and sponsors sections only; elsewhere each is reported whole, never half read."""
    if not any(block.kind in ("head", "row") for block in section.blocks):
        return
    for block in section.blocks:
        if block.kind in ("head", "row"):
            ctx.unplaced("row", " | ".join(cell.text.strip() for cell in block.lines), block.line)
    section.blocks = [block for block in section.blocks if block.kind not in ("head", "row")]


def _heading_links(section: Section, ctx: Context) -> None:
    """A link in a heading is none of the section's values: a link of the page."""
    assert section.heading is not None
    for text_line in section.heading.lines:
        for piece in text_line.links():
            ctx.link(piece)
    _report_unread_pieces(section.heading.lines, ctx)


def _titles_the_page(section: Section) -> bool:
    """A first heading that names the page, not a part of it: '# About', '# LMSYS' (level 1), 'About us'."""
    assert section.heading is not None
    title = " ".join(section.title.split()).casefold()
    return kind_by_title(section.title) is None and (section.heading.level == 1 or title in ("about", "about us"))


def _bold_sections(sections: Sequence[Section]) -> list[Section]:
    """The sections, with a bold line that names a kind of section other than its own ('**Sponsors**' after a list
    of advisors, '**History**') opening a section as a heading of its words would, at the same level. A bold label
    of people ('**Advisors**') opens a group in its section, and a section only before the first heading."""
    found: list[Section] = []
    for section in sections:
        own = kind_by_title(section.title) if section.heading is not None else None
        level = section.heading.level if section.heading is not None else 2
        current = section
        found.append(section)
        blocks, section.blocks = section.blocks, []
        for block in blocks:
            kind = label_kind(block)
            if kind is None or kind == own or (kind == "people" and section.heading is not None):
                current.blocks.append(block)
                continue
            current = Section(Block("heading", block.line, block.lines[:1], level))
            found.append(current)
            if len(block.lines) > 1:  # '**History**' with its text right below it
                current.blocks.append(Block("paragraph", block.lines[1].line, block.lines[1:]))
    return found


def extract(sections: Sequence[Section]) -> Context:
    sections = _bold_sections(sections)
    ctx = Context()
    meanings: dict[str, str] = {}
    legend_lines: dict[str, int] = {}  # each mark's legend line
    for section in sections:
        for block in section.blocks:
            for text_line in block.lines:
                text = text_line.text
                found = legends(text)  # '†Co-founder; ‡Emeritus.' gives two
                if found:
                    ctx.read_lines.add(text_line.line)  # read for the marks' meanings
                if "^" in text:  # '[^1]' defined in one word reads as a link to it: its meaning
                    found += [
                        (f"[{piece.text}]", unquote(piece.url).removesuffix(".").strip())
                        for piece in text_line.pieces
                        if piece.kind == "link" and piece.url and is_footnote(piece)
                    ]
                for mark, meaning in found:
                    if mark not in meanings:
                        meanings[mark], legend_lines[mark] = meaning, text_line.line
    ctx.marks = Marks.of(meanings)
    for section in sections:
        _keep_text_blocks(section, ctx)
    intro, rest = sections[0], sections[1:]
    if not intro.blocks and rest and _titles_the_page(rest[0]):  # '# About' over the introduction
        intro, rest = rest[0], rest[1:]
        _heading_links(intro, ctx)
    _rows_outside_people(intro, ctx)
    keep_addresses(intro.blocks, ctx)
    extract_organization(intro, ctx)
    for block in intro.blocks:  # a page of donations says their forms before its first heading
        read_donation_forms(block, ctx)
    prose: list[Paragraph] = []  # paragraphs that must give a value or a finding (the introduction's all do)
    above: list[tuple[int, str | None]] = []  # the headings above this one, each with its level and kind
    for section in rest:
        heading = section.heading
        assert heading is not None
        _heading_links(section, ctx)
        while above and above[-1][0] >= heading.level:
            above.pop()
        parent = above[-1][1] if above else None
        kind = kind_of(section, ctx.marks, parent)
        kind = kind if kind is not None else _heading_kind(section.title, parent)
        above.append((heading.level, kind))
        if kind not in ("people", "sponsors", "projects", "project"):  # which read their tables
            _rows_outside_people(section, ctx)
        if kind != "contact":  # which reads the addresses written out as its own links
            keep_addresses(section.blocks, ctx)
        if kind != "people":  # which reports each line it does not read (the prose test shows it)
            prose += prose_of(section.blocks)
        (EXTRACTORS[kind] if kind is not None else _unknown)(section, ctx)
    finish_people(ctx)
    for mark, line in legend_lines.items():  # a legend whose mark stands after no value: said, not dropped
        if mark not in ctx.marked:
            ctx.unplaced("legend", f"{mark} {meanings[mark]}", line)
    report_unplaced(prose, ctx)
    ctx.links.sort(key=lambda link: link["line"])  # addresses written out are kept before their section is read
    return ctx
