"""What the extractors share: the results being built, the diagnostics, and the page's mark legend."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from .._read.blocks import Piece
from .._urls import PLAIN_WEB, mailto_address, url_problem
from ._text import NO_MARKS, Marks

Severity = Literal["error", "warning", "info"]
Record = dict[str, Any]


@dataclass(slots=True)
class Context:
    """Results in page order, as plain data validated once at the end."""

    marks: Marks = NO_MARKS  # from the page's legend lines ('"*" denotes initiators')
    groups: list[Record] = field(default_factory=list)
    sponsors: list[Record] = field(default_factory=list)
    donation_forms: list[str] = field(default_factory=list)
    events: list[Record] = field(default_factory=list)
    labelled_institutions: list[Record] = field(default_factory=list)
    founding_institutions: list[Record] = field(default_factory=list)
    projects: list[Record] = field(default_factory=list)
    project_labels: list[tuple[Record, str]] = field(default_factory=list)  # a group named '**X** (status)'
    # A group whose label may name a project ('**Vicuna**', '## Engineering'): its project once the page lists it.
    project_candidates: list[tuple[Record, str]] = field(default_factory=list)
    contact_links: list[Record] = field(default_factory=list)
    links: list[Record] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)  # fallbacks: mailto targets elsewhere, addresses in text
    organization: Record = field(default_factory=dict)
    diagnostics: list[Record] = field(default_factory=list)
    read_lines: set[int] = field(default_factory=set)  # lines read into a value that has no line of its own
    # Each member with the unexplained-mark findings its marks made: they go with it if it is no person after all.
    mark_findings: list[tuple[Record, list[Record]]] = field(default_factory=list)
    marked: set[str] = field(default_factory=set)  # the marks that stand after a value: a legend's others mark nothing

    def report(self, severity: Severity, code: str, message: str, line: int | None) -> None:
        self.diagnostics.append({"severity": severity, "code": code, "message": message, "line": line})

    def notes_of(self, marks: list[str]) -> list[str]:
        """The legend's meaning of each of ``marks`` (or the mark itself where the page gives none), as notes of the
        value they stand after."""
        self.marked.update(marks)
        return self.marks.notes(marks)

    def url(self, piece: Piece) -> str | None:
        """The piece's URL when it is acceptable; otherwise None, with a diagnostic unless it is empty."""
        url = piece.url or ""
        if PLAIN_WEB.fullmatch(url) is not None:  # most links: a plain web address, acceptable and no mailto
            return url
        if not url.strip():
            return None
        problem = url_problem(url)
        if problem is not None:
            if piece.kind == "image" and problem.startswith("relative URL"):  # a site's own logo: not unsafe
                self.report("info", "unplaced-image", f"image {piece.text!r} ({url}) is not extracted", piece.line)
            else:
                self.report("warning", "unsafe-url", f"link {piece.text!r} dropped: {problem}", piece.line)
            return None
        if url[:7].lower() == "mailto:":
            address = mailto_address(url)
            shown = piece.text.strip()
            if "@" in shown and shown.removeprefix("mailto:") != address:
                msg = f"link text {shown!r} differs from the address it sends to, {address!r}"
                self.report("warning", "email-mismatch", msg, piece.line)
        return url

    def cite(self, pieces: Iterable[Piece]) -> None:
        """Keep the links and images of a reference sentence ('See [the blog](url)') as links of the page."""
        for piece in pieces:
            if piece.kind in ("link", "image"):
                self.link(piece)

    def link(self, piece: Piece) -> None:
        """Keep a link of running text in ``About.links`` (or report it when its URL is unusable)."""
        url = self.url(piece)
        if url is None:
            if not (piece.url or "").strip():
                self.report("info", "unplaced-link", f"link {piece.text!r} has no target", piece.line)
            return
        if piece.kind == "image":
            self.report("info", "unplaced-image", f"image {piece.text!r} ({url}) is not extracted", piece.line)
            return
        if url.lower().startswith("mailto:"):
            self.emails.append(mailto_address(url))
        self.links.append({"label": piece.text, "url": url, "line": piece.line})

    def unplaced(self, what: str, text: str, line: int) -> None:
        self.report("info", f"unplaced-{what}", f"{what} {short(text)!r} is not part of any extracted value", line)


def short(text: str, limit: int = 60) -> str:
    """``text`` on one line, cut to ``limit`` characters for a message."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
