"""Tokens to blocks: headings, paragraphs and list items made of text lines of pieces, and sections.

Inline tokens have no line map: each piece takes the line of its block plus the line breaks before it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Literal

from markdown_it.token import Token
from markdown_it.utils import EnvType

from ..errors import MarkdownError
from .markdown import (
    NotPlain,
    block_tokens,
    dropped_cells,
    max_nesting,
    parsed_inline_tokens,
    parser,
    plain_text_lines,
)
from .outline import simple_outline
from .pieces import Piece, TextLine
from .tuning import TUNED, Tuning

__all__ = ["Block", "Piece", "Section", "TextLine", "parse_blocks", "split_sections"]

# A table's rows are blocks too: "head" for its header row, "row" for each other, one text line per cell.
BlockKind = Literal["heading", "paragraph", "item", "raw", "head", "row"]
# Tokens whose content the blocks get from the tokens around them (an inline token from its opening token), or that
# only close what those opened: most of a page's tokens, passed over with one test.
_PASSED = frozenset({"inline", "paragraph_close", "heading_close", "bullet_list_open", "bullet_list_close"})
# markdown-it skips, without a word, what lies inside a container opened at its last level of nesting.
_CONTAINERS = frozenset({"blockquote_open", "list_item_open"})


@dataclass(slots=True)
class Block:
    """A heading, a paragraph, the first paragraph of a list item, a table row, or raw content (code, HTML).

    ``raw`` holds raw content, and for a table row the cells that markdown-it leaves out (past the header's).
    """

    kind: BlockKind
    line: int
    lines: list[TextLine]
    level: int = 0
    raw: str = ""
    _text: str | None = None

    @property
    def text(self) -> str:
        """The block as plain text, its lines joined by spaces (read once the block is complete)."""
        if self._text is None:
            self._text = " ".join([t.text.strip() for t in self.lines]).strip()
        return self._text


@dataclass(slots=True)
class Section:
    """A heading (None for the text before the first one) and the blocks under it."""

    heading: Block | None
    blocks: list[Block] = field(default_factory=list)

    @property
    def title(self) -> str:
        """The heading's text, without a closing colon ('### Advisors:' is titled 'Advisors')."""
        return self.heading.text.removesuffix(":").rstrip() if self.heading is not None else ""


def parse_blocks(body: str, line_offset: int, tuning: Tuning = TUNED) -> list[Block]:
    """``body`` as blocks whose lines are numbered in the original file: outlined line by line where it is plain
    headings, paragraphs and items (:func:`simple_outline`), else from markdown-it's tokens; MarkdownError (without
    a path) where markdown-it would drop content nested too deeply."""
    outline = simple_outline(body) if tuning.simple_outline else None
    if outline is not None:  # plain headings, paragraphs and items: their blocks, as the tokens below would give
        inline = _lazy_inline()
        return [
            Block(kind, index + line_offset + 1, _text_lines(content, index + line_offset + 1, tuning, inline), level)
            for kind, index, level, content in outline
        ]
    md, env, tokens = block_tokens(body)
    inline = partial(parsed_inline_tokens, md, env=env)
    blocks: list[Block] = []
    item_lines: list[int | None] = []  # per open list item: its line until its first paragraph is seen
    limit = max_nesting()
    row = Block("row", 0, [])
    source_lines: list[str] | None = None  # read only where a row's cells or a paragraph's lines need them
    for index, token in enumerate(tokens):
        kind = token.type
        if kind in _PASSED:
            continue
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
            line = _line(token, line_offset)
            if kind == "paragraph_open":  # its text may start below its first line ('\xa0' then text)
                if source_lines is None:
                    source_lines = body.split("\n")
                line += _lines_trimmed_away(tokens[index + 1].content, source_lines, token)
            block_kind: BlockKind = "heading" if kind == "heading_open" else "paragraph"
            level = int(token.tag[1]) if kind == "heading_open" else 0
            if block_kind == "paragraph" and item_lines and item_lines[-1] is not None:
                block_kind, level = "item", len(item_lines)
                item_lines[-1] = None
            blocks.append(Block(block_kind, line, _text_lines(tokens[index + 1].content, line, tuning, inline), level))
        elif kind == "tr_open":  # a table row: one text line per cell, all on the row's line
            line = _line(token, line_offset)
            row = Block("head" if tokens[index - 1].type == "thead_open" else "row", line, [], len(item_lines))
            blocks.append(row)
            if source_lines is None:
                source_lines = body.split("\n")
            assert token.map is not None
            close = next(i for i in range(index, len(tokens)) if tokens[i].type == "tr_close")
            row.raw = dropped_cells(source_lines[token.map[0]], (close - index - 1) // 3)  # 3 tokens a cell
            if item_lines:
                item_lines[-1] = None
        elif kind == "th_open" or kind == "td_open":
            row.lines.extend(_text_lines(tokens[index + 1].content, row.line, tuning, inline))
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


def _lines_trimmed_away(content: str, source_lines: list[str], token: Token) -> int:
    """How many of a paragraph's first lines markdown-it trimmed off its content: lines of characters it trims but
    does not take for blanks ('\xa0', '\u3000', '\x0b'), which open the paragraph without holding any of its text."""
    assert token.map is not None
    first = content.split("\n", 1)[0]
    for skipped, source_line in enumerate(source_lines[token.map[0] : token.map[1]]):
        if first in source_line:  # the line the text starts on ('' for a paragraph with none: the first)
            return skipped
    return 0


def _line(token: Token, line_offset: int) -> int:
    assert token.map is not None
    return token.map[0] + line_offset + 1


def _text_lines(content: str, first_line: int, tuning: Tuning, inline: Callable[[str], list[Token]]) -> list[TextLine]:
    """The text lines of a block's inline content: read directly where it is plain, else from ``inline``'s tokens."""
    if tuning.plain_text_lines:
        try:
            return plain_text_lines(content, first_line)
        except NotPlain:
            pass
    return inline_lines(inline(content), first_line)


def _lazy_inline() -> Callable[[str], list[Token]]:
    """The inline tokens of a content, from the parser, made the first time one is needed (a text that
    simple_outline reads defines no link reference: the environment stays empty)."""
    env: EnvType = {}
    return lambda content: parsed_inline_tokens(parser(), content, env)


_ANCHOR_OPEN = re.compile(r"<a\s", re.IGNORECASE)
_ANCHOR_CLOSE = re.compile(r"</a\s*>", re.IGNORECASE)
_HREF = re.compile(r"""\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)


def inline_lines(children: Iterable[Token], first_line: int) -> list[TextLine]:
    """Flatten inline tokens into text lines of pieces; emphasis is dropped, bold and links kept."""
    current = TextLine(first_line)
    lines = [current]
    line = first_line
    link: Piece | None = None
    outer: list[Piece] = []  # links around the current one: markdown-it nests an autolink inside a link
    anchor: Piece | None = None  # a raw HTML link being read, up to its '</a>'
    strong: list[Piece] | None = None
    strong_depth = 0
    target = current.pieces  # where plain text and links go: the line, or the bold text being read
    superscript = False  # a '<sup>' tag was read: its marks are written out once the lines are complete
    for token in children:  # branches in order of how often they are taken
        kind = token.type
        if kind == "text" or kind == "code_inline":
            content = token.content
            if not content:
                continue
            if link is not None:
                link.text += content
            elif anchor is not None:
                anchor.text += content
            elif target and target[-1].kind == "text":
                target[-1].text += content
            else:
                target.append(Piece("text", content, line))
        elif kind == "html_inline":
            content = token.content
            if link is not None:
                link.text += content
            elif anchor is not None:
                anchor.text += content
                if _ANCHOR_CLOSE.match(content):
                    target.append(anchor)
                    anchor = None
            elif _ANCHOR_OPEN.match(content):
                href = _HREF.search(content)
                anchor = Piece("html", content, line, next(filter(None, href.groups()), "") if href else None)
            else:  # other inline HTML ('<br>', '<sup>', '<img src>'): a tag of its own, never part of a name
                superscript = superscript or content.lower() == "<sup>"
                href = _HREF.search(content) if content[:4].lower() == "<img" else None
                target.append(Piece("html", content, line, next(filter(None, href.groups()), "") if href else None))
        elif kind == "link_open":
            if link is not None:
                outer.append(link)
            link = Piece("link", "", line, str(token.attrs.get("href") or ""))
        elif kind == "link_close":
            if link is not None:
                link.text = " ".join(link.text.split())
                if anchor is not None and not outer:  # inside a raw HTML link: reported with it, never a name
                    target.extend((anchor, Piece("html", link.text, link.line, link.url)))
                    anchor = Piece("html", "", line)
                else:
                    target.append(link)
            link = outer.pop() if outer else None
        elif kind == "softbreak" or kind == "hardbreak":
            line += 1
            if link is not None:
                link.text += " "
                continue
            if anchor is not None:
                anchor.text += " "
                continue
            if strong is not None:  # bold text across lines: keep it as text
                current.pieces.extend(strong)
                strong, strong_depth = None, 0
            current = TextLine(line)
            lines.append(current)
            target = current.pieces
        elif kind == "image":
            if link is not None:  # a linked logo: the link is named by the image's alt text, as a reader hears it
                link.text += token.content
                link.image = link.image or str(token.attrs.get("src") or "")
            elif anchor is not None:
                target.extend((anchor, Piece("html", token.content, line, str(token.attrs.get("src") or ""))))
                anchor = Piece("html", "", line)
            else:
                target.append(Piece("image", token.content, line, str(token.attrs.get("src") or "")))
        elif kind == "strong_open" and link is None:
            strong_depth += 1
            if strong is None:
                target = strong = []
        elif kind == "strong_close" and link is None and strong is not None:
            strong_depth -= 1
            if strong_depth == 0:
                done, strong, target = strong, None, current.pieces
                if all(p.kind == "text" for p in done):
                    target.append(Piece("strong", "".join(p.text for p in done), line))
                else:
                    target.extend(done)
    if anchor is not None:  # never closed: still a raw HTML link
        target.append(anchor)
    if strong is not None:
        current.pieces.extend(strong)
    if superscript:
        for text_line in lines:
            text_line.pieces = _superscripts(text_line.pieces)
    return lines


# '<sup>1</sup>' after a name or first in a legend is the mark '¹', as a reader sees it; '<sup>*</sup>' is '*'.
_SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079")
_SUPERSCRIPT_MARK = re.compile(r"\s*(?:\d{1,2}|[*\u2020\u2021\u00a7])\s*")


def _superscripts(pieces: list[Piece]) -> list[Piece]:
    """The pieces with each '<sup>', mark, '</sup>' as the mark in text, joined to the text around it."""
    found: list[Piece] = []
    index = 0
    while index < len(pieces):
        piece = pieces[index]
        if (
            piece.kind == "html"
            and piece.text.lower() == "<sup>"
            and index + 2 < len(pieces)
            and pieces[index + 1].kind == "text"
            and _SUPERSCRIPT_MARK.fullmatch(pieces[index + 1].text)
            and pieces[index + 2].kind == "html"
            and pieces[index + 2].text.lower() == "</sup>"
        ):
            mark = pieces[index + 1].text.strip().translate(_SUPERSCRIPT_DIGITS)
            if found and found[-1].kind == "text":
                found[-1] = Piece("text", found[-1].text + mark, found[-1].line)
            else:
                found.append(Piece("text", mark, piece.line))
            index += 3
            continue
        if piece.kind == "text" and found and found[-1].kind == "text":
            found[-1] = Piece("text", found[-1].text + piece.text, found[-1].line)
        else:
            found.append(piece)
        index += 1
    return found
