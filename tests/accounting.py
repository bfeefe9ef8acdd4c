"""An independent reading of a page's links and list items, to check that none is silently lost."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from markdown_it import MarkdownIt

from lmsys_about import About
from lmsys_about._extract._text import legends
from lmsys_about._read.source import read_source


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark")
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    md.normalizeLink = lambda url: url  # type: ignore[method-assign]  # URLs as written, as the models keep them
    return md


def links_and_items(data: bytes) -> tuple[list[tuple[int, str]], list[tuple[int, int]]]:
    """Every link or image as (line, URL) and every list item as its [first, last] lines. A footnote reference
    ('[^1]' with '[^1]: Co-founders.', read as a link to that one word) is a mark, not a link: it is left out."""
    source = read_source(data, path=None, max_bytes=None)
    offset = source.line_offset
    links: list[tuple[int, str]] = []
    items: list[tuple[int, int]] = []
    body_lines = source.body.split("\n")
    for token in _parser().parse(source.body):
        if token.type == "list_item_open" and token.map:
            items.append((token.map[0] + offset + 1, token.map[1] + offset))
        if token.type == "inline" and token.map:
            # markdown-it trims a paragraph's content: lines before its text that hold only '\xa0' or the like go
            first = token.content.split("\n", 1)[0]
            start = next((i for i in range(*token.map) if first in body_lines[i]), token.map[0])
            line = start + offset + 1
            children = token.children or []
            for index, child in enumerate(children):
                if child.type in ("softbreak", "hardbreak"):
                    line += 1
                elif child.type == "link_open" and _footnote(children[index + 1 : index + 3]):
                    continue
                elif child.type in ("link_open", "image"):
                    links.append((line, str(child.attrGet("href") or child.attrGet("src") or "")))
    return links, items


_BULLET = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+")


def _footnote(following: list[Any]) -> bool:
    return len(following) == 2 and following[1].type == "link_close" and following[0].content.startswith("^")


def _used_legend(text: str, notes: set[str]) -> bool:
    """A legend written as an item ('- "*" denotes initiators'), whose meaning is a note of the people it marks."""
    return any(meaning in notes for _, meaning in legends(text.strip()))


def _walk(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from _walk(item)
    elif isinstance(value, list):
        for item in value:
            yield from _walk(item)


def unaccounted(data: bytes, about: About) -> list[str]:
    """Links and list items of ``data`` that are neither in ``about``'s values nor in a diagnostic line."""
    dumped = about.model_dump(mode="json")
    diagnostics = dumped.pop("diagnostics")
    records = list(_walk(dumped))
    placed_links = {(r["line"], r["url"]) for r in records if "url" in r and "line" in r}
    value_lines = {r["line"] for r in records if isinstance(r.get("line"), int)}
    diagnostic_lines = {d["line"] for d in diagnostics if d["line"] is not None}
    links, items = links_and_items(data)
    missing = [
        f"link {url!r} on line {line}"
        for line, url in links
        if (line, url) not in placed_links
        and line not in diagnostic_lines
        and not (url == "" and line in value_lines)  # '[Name]()': the name is the value, with url null
    ]
    # The e-mail has no line of its own: an item that writes it out ('- Email: a@b.org') holds a value too.
    email = dumped["contact"]["email"]
    source_lines = data.decode("utf-8", errors="replace").splitlines()
    # An item under a person's item that says what they are ('   - Director, UC Berkeley') is one of their notes.
    notes = {" ".join(note.split()) for r in records for note in r.get("notes") or ()}
    missing += [
        f"list item on lines {first}-{last}"
        for first, last in items
        if not any(first <= line <= last for line in value_lines | diagnostic_lines)
        and not (email and any(email in text for text in source_lines[first - 1 : last]))
        and not (first == last and _BULLET.sub("", source_lines[first - 1]).strip() in notes)
        and not _used_legend(_BULLET.sub("", source_lines[first - 1]), notes)
    ]
    return missing
