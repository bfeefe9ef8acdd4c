"""The configured markdown-it parser, and tokens to blocks of text lines made of pieces.

Inline tokens have no line map: each piece takes the line of its block plus the line breaks before it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Literal

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .errors import MarkdownError

PieceKind = Literal["text", "link", "strong", "image"]
BlockKind = Literal["heading", "paragraph", "item", "raw"]
# markdown-it skips, without a word, what lies inside a container opened at its last level of nesting.
_CONTAINERS = frozenset({"blockquote_open", "list_item_open"})


@dataclass(slots=True)
class Piece:
    """A run of inline content: plain text, a link (with ``url``), bold text, or an image."""

    kind: PieceKind
    text: str
    line: int
    url: str | None = None


@dataclass(slots=True)
class TextLine:
    """The pieces of one source line of a block."""

    line: int
    pieces: list[Piece] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.pieces)

    def links(self) -> Iterator[Piece]:
        return (p for p in self.pieces if p.kind in ("link", "image"))


@dataclass(slots=True)
class Block:
    """A heading, a paragraph, the first paragraph of a list item, or raw content (code, HTML)."""

    kind: BlockKind
    line: int
    lines: list[TextLine]
    level: int = 0
    raw: str = ""

    @property
    def text(self) -> str:
        return " ".join(t.text.strip() for t in self.lines).strip()


@dataclass(slots=True)
class Section:
    """A heading (None for the text before the first one) and the blocks under it."""

    heading: Block | None
    blocks: list[Block] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.heading.text if self.heading is not None else ""


@cache
def parser() -> MarkdownIt:
    """CommonMark, with every link kept as written: we check schemes ourselves and report unsafe ones."""
    md = MarkdownIt("commonmark")
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    md.normalizeLink = lambda url: url  # type: ignore[method-assign]
    return md


def parse_blocks(body: str, line_offset: int) -> list[Block]:
    """Tokens of ``body`` to blocks whose lines are numbered in the original file; MarkdownError (without
    a path) where markdown-it would drop content nested too deeply."""
    tokens = parser().parse(body)
    blocks: list[Block] = []
    item_lines: list[int | None] = []  # per open list item: its line until its first paragraph is seen
    limit = parser().options["maxNesting"]
    for index, token in enumerate(tokens):
        kind = token.type
        if kind in _CONTAINERS and token.level >= limit - 1:
            msg = f"Markdown nested too deeply: block quotes and lists reach {limit} levels (a list counts as two)"
            raise MarkdownError(msg, line=_line(token, line_offset))
        if kind == "list_item_open":
            item_lines.append(_line(token, line_offset))
        elif kind == "list_item_close":
            pending = item_lines.pop()
            if pending is not None:  # an item with no paragraph of its own
                blocks.append(Block("item", pending, [], level=len(item_lines) + 1))
        elif kind in ("heading_open", "paragraph_open"):
            inline = tokens[index + 1]
            line = _line(token, line_offset)
            block_kind: BlockKind = "heading" if kind == "heading_open" else "paragraph"
            level = int(token.tag[1]) if kind == "heading_open" else 0
            if block_kind == "paragraph" and item_lines and item_lines[-1] is not None:
                block_kind, level = "item", len(item_lines)
                item_lines[-1] = None
            blocks.append(Block(block_kind, line, inline_lines(inline.children or [], line), level))
        elif kind in ("fence", "code_block", "html_block"):
            blocks.append(Block("raw", _line(token, line_offset), [], raw=token.content))
            if item_lines:
                item_lines[-1] = None
    return blocks


def split_sections(blocks: Sequence[Block]) -> list[Section]:
    """One section per heading, whatever its level; the text before the first heading comes first."""
    sections = [Section(None)]
    for block in blocks:
        if block.kind == "heading":
            sections.append(Section(block))
        else:
            sections[-1].blocks.append(block)
    return sections


def _line(token: Token, line_offset: int) -> int:
    assert token.map is not None
    return token.map[0] + line_offset + 1


def inline_lines(children: Sequence[Token], first_line: int) -> list[TextLine]:
    """Flatten inline tokens into text lines of pieces; emphasis is dropped, bold and links kept."""
    lines = [TextLine(first_line)]
    line = first_line
    link: Piece | None = None
    outer: list[Piece] = []  # links around the current one: markdown-it nests an autolink inside a link
    strong: list[Piece] | None = None
    strong_depth = 0

    def add(piece: Piece) -> None:
        target = strong if strong is not None else lines[-1].pieces
        if piece.kind == "text" and target and target[-1].kind == "text":
            target[-1].text += piece.text
        else:
            target.append(piece)

    for token in children:
        kind = token.type
        if kind in ("softbreak", "hardbreak"):
            line += 1
            if link is not None:
                link.text += " "
            else:
                if strong is not None:  # bold text across lines: keep it as text
                    lines[-1].pieces.extend(strong)
                    strong, strong_depth = None, 0
                lines.append(TextLine(line))
        elif kind == "link_open":
            if link is not None:
                outer.append(link)
            link = Piece("link", "", line, str(token.attrGet("href") or ""))
        elif kind == "link_close":
            if link is not None:
                link.text = " ".join(link.text.split())
                add(link)
            link = outer.pop() if outer else None
        elif kind == "image":
            add(Piece("image", token.content, line, str(token.attrGet("src") or "")))
        elif kind == "strong_open" and link is None:
            strong_depth += 1
            if strong is None:
                strong = []
        elif kind == "strong_close" and link is None and strong is not None:
            strong_depth -= 1
            if strong_depth == 0:
                done, strong = strong, None
                if all(p.kind == "text" for p in done):
                    lines[-1].pieces.append(Piece("strong", "".join(p.text for p in done), line))
                else:
                    lines[-1].pieces.extend(done)
        elif kind in ("text", "code_inline", "html_inline") and token.content:
            if link is not None:
                link.text += token.content
            else:
                add(Piece("text", token.content, line))
    if strong is not None:
        lines[-1].pieces.extend(strong)
    return lines
