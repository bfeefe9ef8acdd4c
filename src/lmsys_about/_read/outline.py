"""The outline of a text written in the plainest Markdown, read line by line without the block parser.

Most versions of the page are ATX headings, paragraphs and lists of one-line items, every line at the left margin.
For such a text the block parser's work comes to little: each heading is its line, each paragraph its run of lines,
each item its line (whether a list is tight or loose, and whether a heading or a list interrupts a paragraph, changes
no block). This reads that outline directly. It gives None for any text where a rule of markdown-it might read a line
otherwise, and the caller parses that text: a line that opens with a blank or with a character that can open
another construct (emphasis aside), text right under an item (the item's, as a lazy continuation), a table or a
link reference definition anywhere. tests/read/test_outline.py checks that the blocks are the parser's, on the
CommonMark spec's examples, on every page and on generated text.
"""

from __future__ import annotations

from typing import Literal

OutlineKind = Literal["heading", "paragraph", "item"]
Entry = tuple[OutlineKind, int, int, str]  # kind, 0-based line, level (a heading's, 1 for an item), content

# What may open a block other than a paragraph at the left margin: ATX headings, block quotes, list markers,
# thematic breaks and setext underlines, code fences, HTML and tables. (A link reference definition opens with '[',
# as many a paragraph of links does: a text with ']:' anywhere is refused whole instead.)
_OPENERS = frozenset("#>-+*=_`~<|0123456789")


def _plain_start(text: str) -> bool:
    """A line (or an item's content) that can only be the text of a paragraph: it opens with neither a blank nor a
    character that can open another construct, or with emphasis ('**Team**', '_x_'): '*' or '_' before a character
    that is no blank (not a list's marker), on a line that is more than a thematic break ('***', '_ _ _')."""
    first = text[0]
    if first == "*" or first == "_":
        second = text[1:2]
        return second != "" and not second.isspace() and text.strip(first + " \t") != ""
    return not first.isspace() and first not in _OPENERS


def simple_outline(text: str) -> list[Entry] | None:
    """The headings, paragraphs and list items of ``text`` with their first lines, levels and inline content, as the
    block parser reads them; None when the text holds anything but those, written in their plainest form.

    A heading is '#' to '######', one space and its text; an item is '- ' and its text, with no text on the line
    after it; a paragraph is lines that start with none of the characters that open another construct. The last
    character of each is no blank, so that trimming it (markdown-it trims with its own set of blanks) changes nothing.
    """
    if "|" in text or "]:" in text:  # a table's rows, a link reference definition: the parser's to read
        return None
    outline: list[Entry] = []
    paragraph: list[str] = []  # the lines of the paragraph being read
    first_line = 0  # its first line
    after_item = False  # the line before was an item: a line of text now would continue it (a lazy continuation)
    for index, line in enumerate(text.split("\n")):
        blank = not line.strip(" \t")  # as markdown-it reads a line: of spaces and tabs only, it is blank
        if paragraph and (blank or not _plain_start(line)):
            outline.append(("paragraph", first_line, 0, "\n".join(paragraph)))
            paragraph = []
        if blank:
            after_item = False
        elif line[0] == "#":
            level = len(line) - len(line.lstrip("#"))
            content = line[level + 1 :]
            if level > 6 or line[level : level + 1] != " " or not content or not _plain_heading(content):
                return None
            outline.append(("heading", index, level, content))
            after_item = False
        elif line[0] == "-":
            content = line[2:]
            if line[1:2] != " " or not content or not _plain_start(content):
                return None
            outline.append(("item", index, 1, content))
            after_item = True
        elif not _plain_start(line) or after_item:
            return None
        else:
            if not paragraph:
                first_line = index
            paragraph.append(line)
    if paragraph:
        outline.append(("paragraph", first_line, 0, "\n".join(paragraph)))
    if any(content[-1].isspace() for _, _, _, content in outline):  # the parser trims it, with its own blanks
        return None
    return outline


def _plain_heading(content: str) -> bool:
    """A heading's text with no blank at either end and no closing '#' sequence to cut."""
    return not content[0].isspace() and not content[-1].isspace() and content[-1] != "#"
