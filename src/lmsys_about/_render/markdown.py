"""Plain text to Markdown that CommonMark reads back as the same plain text: escapes for text, labels and URLs."""

from __future__ import annotations

import re

# Characters that open an inline rule of CommonMark wherever they stand: code, emphasis, links, autolinks and
# raw HTML, and the backslash itself. '!' needs no escape once '[' has one; '#', '>', '-' ... matter only at the
# start of a line, where _LINE_START handles them.
_INLINE = re.compile(r"([\\`*_\[\]<>])")
# '&' only where it would start an entity reference ('&amp;', '&#35;'): elsewhere it is read as itself.
_ENTITY = re.compile(r"&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{0,31};)")
# What a line may not start with, or it becomes a heading, quote, list item, thematic break, setext underline or
# fence: the character that decides it gets a backslash (an ordered list's '.' or ')', after its number).
_LINE_START = re.compile(r"^(?:[#>+=~-]|(?P<number>[0-9]{1,9})[.)])")


def escape_inline(text: str) -> str:
    """``text`` as inline Markdown that reads back as ``text``, away from the start of a line."""
    return _ENTITY.sub(r"\\&", _INLINE.sub(r"\\\1", text))


def escape_line(text: str) -> str:
    """``text`` as the start of a line of Markdown: inline escapes, and none of the block markers."""
    escaped = escape_inline(text)
    match = _LINE_START.match(escaped)
    if match is None:
        return escaped
    if match["number"] is not None:
        end = match.end("number")
        return f"{escaped[:end]}\\{escaped[end:]}"
    return "\\" + escaped


def escape_heading(text: str) -> str:
    """``text`` as the content of an ATX heading, where block markers mean nothing but a '#' could close it."""
    return escape_inline(text).replace("#", "\\#")


# A destination written bare must hold no space, control character or character that ends or nests it.
_BARE = re.compile(r"[^\x00-\x20\x7f()<>\\\"']*")


def destination(url: str | None) -> str:
    """``url`` as a link destination that reads back as written; None and '' give the empty destination."""
    if not url:
        return ""
    if _BARE.fullmatch(url):
        return _ENTITY.sub(r"\\&", url)
    inner = re.sub(r"([\\<>])", r"\\\1", url)
    return "<" + _ENTITY.sub(r"\\&", inner) + ">"


def link(label: str, url: str | None) -> str:
    """A ``[label](url)`` link whose text and target read back as given (an empty target for None)."""
    return f"[{escape_inline(label)}]({destination(url)})"
