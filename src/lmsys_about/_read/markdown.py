"""Every markdown-it internal in one place: the tuned parser, and its block and inline token streams.

The parser gives exactly the stock parser's tokens (with URLs kept as written); plain inline text is read directly
into what its tokens would come to. An upgrade of markdown-it-py touches this file and outline.py only.
"""

from __future__ import annotations

import re
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.rules_block.table import escapedSplit
from markdown_it.rules_core import StateCore, text_join
from markdown_it.token import Token
from markdown_it.utils import EnvType

from .pieces import Piece, TextLine

# '[label](destination)' with nothing in it that CommonMark would unescape, nest or treat as a title. The
# destination holds no blank and no ASCII control character: CommonMark makes no link of such a destination.
_SIMPLE_LINK = re.compile(r"\[([^\[\]\\`*_<>&!\n]*)\]\(([^\s\x00-\x1f\x7f()<>\\&\"']*)\)")


# Where inline text holds more than plain text, plain links and line breaks: a character that starts another rule
# ('!' image, '&' entity, '*' '_' emphasis, '<' autolink or HTML, '\\' escape, '`' code) or a '[' that does not
# start a plain link.
_NOT_PLAIN = re.compile(r"[\[!&*<\\_`]")


class NotPlain(Exception):
    """Raised by :func:`plain_text_lines` where the content needs the inline parser after all."""


def plain_text_lines(content: str, first_line: int) -> list[TextLine]:
    """What the inline parser's tokens come to, as text lines of pieces, for content made of plain text, plain
    links and line breaks; :class:`NotPlain` when anything else is in it (the caller then reads it with the
    parser).

    Most of the page is such text, and most of the inline parser's time on it goes to trying its rules one by
    one at each position. This reads it as its text, link and newline rules would, without making the tokens
    that would only be flattened again: the text before a line break loses its trailing spaces (a hard break's
    as a soft break's), the next line its leading blanks, and a link's label its runs of blanks. A plain link
    never spans lines (neither its label nor its URL holds a newline): the line breaks are all in the text
    between links.
    """
    parts = _SIMPLE_LINK.split(content)  # text, then a label, its URL and text for each link
    if _NOT_PLAIN.search("".join(parts[::3])):  # one character: joining the texts makes no match that was not there
        raise NotPlain
    line = first_line
    pieces: list[Piece] = []
    lines = [TextLine(line, pieces)]
    for index in range(0, len(parts), 3):
        text = parts[index]
        if "\n" in text:
            head, *middle, tail = text.split("\n")
            head = head.rstrip(" ")
            if head:
                pieces.append(Piece("text", head, line))
            for between in middle:
                line += 1
                between = between.lstrip(" \t").rstrip(" ")
                lines.append(TextLine(line, [Piece("text", between, line)] if between else []))
            line += 1
            tail = tail.lstrip(" \t")
            pieces = [Piece("text", tail, line)] if tail else []
            lines.append(TextLine(line, pieces))
        elif text:
            pieces.append(Piece("text", text, line))
        if index + 1 < len(parts):
            pieces.append(Piece("link", " ".join(parts[index + 1].split()), line, parts[index + 2]))
    return lines


def block_tokens(text: str) -> tuple[MarkdownIt, EnvType, list[Token]]:
    """The parser, the environment its block rules filled for ``text`` (link references), and its block tokens;
    inline tokens have no children yet: each block's content is read on its own (:func:`plain_text_lines`, else
    :func:`parsed_inline_tokens`)."""
    md = parser()
    env: EnvType = {}
    tokens: list[Token] = []
    md.block.parse(text, md, env, tokens)  # the core's 'block' rule; 'inline' and 'text_join' come per block
    return md, env, tokens


def parsed_inline_tokens(md: MarkdownIt, content: str, env: EnvType) -> list[Token]:
    """The children of an inline token as the parser's core gives them (its 'inline' and 'text_join' rules)."""
    holder = Token("inline", "", 0)
    holder.children = []
    md.inline.parse(content, md, env, holder.children)
    if text_join in md.core.ruler.getRules(""):
        text_join(StateCore("", md, env, [holder]))
    return holder.children


@cache  # one parser, made on first use: a page of plain text never needs one
def parser() -> MarkdownIt:
    """CommonMark and its GFM tables, with every link kept as written: we check schemes ourselves and report
    unsafe ones. A table of people is a layout a maintainer may well choose; read as a paragraph, its rows
    would be runs of names and pipes.

    The stock parser percent-encodes and punycodes every URL (most of its time on a page of links);
    we keep URLs as written, so that step is skipped.
    """
    md = MarkdownIt("commonmark").enable("table")
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    md.normalizeLink = lambda url: url  # type: ignore[method-assign]
    # read_source already turned every line ending into '\n' and refused NUL: nothing left to normalise.
    md.disable("normalize")
    return md


def max_nesting() -> int:
    """The depth of containers past which markdown-it skips content without a word."""
    return int(parser().options["maxNesting"])


_CONTAINER_MARKERS = re.compile(r"[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?")


def dropped_cells(source_line: str, kept: int) -> str:
    """The cells of a table row that markdown-it leaves out, as the source writes them: those past the header's
    count (its table rule makes exactly one cell per header cell)."""
    markers = _CONTAINER_MARKERS.match(source_line)  # a list item's or block quote's, before its first row
    assert markers is not None  # the pattern matches the empty string
    text = source_line[markers.end() :].strip()
    columns = escapedSplit(text)
    if columns and columns[0] == "":
        columns.pop(0)
    if columns and columns[-1] == "":
        columns.pop()
    return " | ".join(cell.strip() for cell in columns[kept:] if cell.strip())
