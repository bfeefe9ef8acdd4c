"""The pieces of a text line: what the tokens of a block's inline content come to, each with its line."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

PieceKind = Literal["text", "link", "strong", "image", "html"]


@dataclass(slots=True)
class Piece:
    """A run of inline content: plain text, a link (with ``url``), bold text, an image, or raw HTML: a tag, or
    a link (``<a href>`` up to its ``</a>``) kept whole so that no list reads a name in it. Raw HTML has a
    ``url`` where it links (``<a href>``, ``<img src>``, a Markdown link inside ``<a>``): nothing reads it."""

    kind: PieceKind
    text: str
    line: int
    url: str | None = None
    image: str | None = None  # a link's image (a logo): its source, the link's text being its alt text


@dataclass(slots=True)
class TextLine:
    """The pieces of one source line of a block."""

    line: int
    pieces: list[Piece] = field(default_factory=list)
    _text: str | None = None

    @property
    def text(self) -> str:
        """The line as plain text (read once the pieces are complete)."""
        if self._text is None:
            self._text = "".join([p.text for p in self.pieces])
        return self._text

    def links(self) -> Iterator[Piece]:
        return (p for p in self.pieces if p.kind in ("link", "image"))
