"""Contact: every link of the section is a way to reach the organisation, and so is an address in its text."""

from __future__ import annotations

import re

from .._read.blocks import Section, TextLine
from .._urls import platform_of, url_problem
from ._context import Context

# An address written out in the text ('Press: press@lmsys.org'): dot-separated runs of letters, digits and '_%+-'
# before the '@', dot-separated labels after it ending in a top-level domain of letters. Nothing of a word or
# address may touch it on either side, so that '.a@x.org' or 'x@y.org-z' are not read in part; a sentence's
# period after it may. A match is tried only where a run of the local part's characters starts: linear time.
_ADDRESS = re.compile(
    r"(?<![\w.%+@-])[A-Za-z0-9_%+-]+(?:\.[A-Za-z0-9_%+-]+)*@"
    r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}"
    r"(?![\w@-]|\.\w)"
)


# A web address written out ('X: https://x.com/lmsysorg'), which CommonMark leaves as text; its end is the first
# space or bracket, less a sentence's punctuation.
_WEB = re.compile(r"(?<![\w/])https?://[^\s<>()\[\]\"']+", re.IGNORECASE)


def web_addresses(text_line: TextLine) -> list[tuple[str, str]]:
    """The web addresses written in the line's plain text, each with the words before it as its label."""
    found: list[tuple[str, str]] = []
    for piece in text_line.pieces:
        if piece.kind == "text" and "://" in piece.text:
            for match in _WEB.finditer(piece.text):
                url = match[0].rstrip(".,;:!?")
                label = piece.text[: match.start()].strip().rstrip(":").strip() or url
                if url_problem(url) is None:
                    found.append((label, url))
    return found


def addresses(text_line: TextLine) -> list[str]:
    """The e-mail addresses written in the line's plain text (not in a link: its target says where it goes)."""
    found: list[str] = []
    for piece in text_line.pieces:
        if piece.kind in ("text", "strong") and "@" in piece.text:
            found.extend(match[0] for match in _ADDRESS.finditer(piece.text))
    return found


def extract_contact(section: Section, ctx: Context) -> None:
    # The first address written in the text is the page's e-mail when no mailto link gives one: neither one of
    # this section nor one before it (``ctx.emails`` is in page order). Every other is reported at its line.
    unused = bool(ctx.emails)
    written: list[tuple[str, int]] = []
    for block in section.blocks:
        links = [piece for text_line in block.lines for piece in text_line.links()]
        for piece in links:
            url = ctx.url(piece)
            if url is None:
                ctx.unplaced("link", piece.text, piece.line)
                continue
            platform = platform_of(url)
            unused = unused or platform == "email"
            ctx.contact_links.append({"label": piece.text, "url": url, "platform": platform, "line": piece.line})
        read = bool(links)
        for text_line in block.lines:  # '- X/Twitter: https://x.com/lmsysorg'
            for label, url in web_addresses(text_line):
                read = True
                platform = platform_of(url)
                ctx.contact_links.append({"label": label, "url": url, "platform": platform, "line": text_line.line})
        found = [(address, text_line.line) for text_line in block.lines for address in addresses(text_line)]
        written += found
        if not read and not found and block.kind == "item":
            ctx.unplaced("item", block.text, block.line)
    ctx.emails.extend(address for address, _ in written)
    for address, line in written[0 if unused else 1 :]:
        ctx.unplaced("text", address, line)
