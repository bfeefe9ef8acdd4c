"""What kind of section this is: by the words of its heading, else by what it contains."""

from __future__ import annotations

from .._read.blocks import Block, Section, TextLine
from .._urls import platform_of
from ._text import Marks
from .entries import Entry, split_entries, unbolded
from .history import find_date
from .labels import INSTITUTION_WORDS, ROLE_WORDS, before_reference, has_word
from .names import doubt
from .sponsors import SPONSORS_WORDS, TIER_WORDS, speaks_of_sponsoring

# The first row whose words a heading has decides the section's kind ("Project members" is people).
_KINDS_BY_TITLE: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("contact", ("contact", "reach", "touch", "connect")),  # 'Contact us', 'Reach us', 'Get in touch', 'Connect'
    ("sponsors", SPONSORS_WORDS),
    ("history", ("history", "timeline", "milestone")),
    ("people", INSTITUTION_WORDS),
    ("people", ROLE_WORDS),
    ("projects", ("project",)),
)


def _names_sponsors(line: TextLine) -> bool:
    """A line that says sponsors are listed, in it or after it: it speaks of sponsors, donations or API credits (in
    its words, not in a web or e-mail address) and holds links or ends at a colon. A sentence about donations is
    no list."""
    text = line.text.lower()
    if not ("api credit" in text or "sponsor" in text or "dona" in text or "donor" in text):
        return False
    words = " ".join(word for word in text.split() if "://" not in word and "@" not in word and "www." not in word)
    said = "api credit" in words or "sponsor" in words or "donat" in words or "donor" in words
    # not '<https://x.org>', nor '[Donate](url)'
    # A link to an e-mail address names no sponsor, as in a sponsors section ('[Acme](mailto:...)').
    named = any(
        doubt(piece.text, "sponsor") is None
        and not speaks_of_sponsoring(piece.text)
        and (piece.url or "")[:7].lower() != "mailto:"
        for piece in line.links()
    )
    return said and (named or text.rstrip().endswith(":"))  # a lead ends at its colon, not at an address after it


def _names(entries: list[Entry]) -> int:
    """How many of the entries are names of people by the rules."""
    return sum(1 for entry in entries if doubt(entry.name, "person") is None)


def kind_by_title(title: str) -> str | None:
    """The kind a heading names ('Advisors': people, 'API credits': sponsors); None when it names none."""
    for kind, stems in _KINDS_BY_TITLE:
        if has_word(title, stems):
            return kind
    return None


def label_kind(block: Block) -> str | None:
    """The kind that a bold line opening a paragraph names ('**Sponsors**', '**Contact us:**'), as a heading of those
    words would; None for any other block."""
    if block.kind != "paragraph" or not block.lines:
        return None
    pieces = block.lines[0].pieces
    if not pieces or pieces[0].kind != "strong" or any(p.kind != "text" or p.text.strip(" \t:") for p in pieces[1:]):
        return None
    return kind_by_title(pieces[0].text.strip().rstrip(":"))


def kind_of(section: Section, marks: Marks, parent: str | None = None) -> str | None:
    """The section's kind from its heading, else from the section it is under (``parent``: the kind of the
    nearest heading above of a higher level), else from its content; None when none of these says."""
    kind = kind_by_title(section.title)
    if kind is not None:
        return kind
    # The headings of tiers and kinds of support under a sponsors heading ('## Sponsors' then '### Gold', '###
    # Compute'). Only these: pages put their other sections at any level ('## Sponsors and Supporters' then '###
    # History'), so a heading's level alone says too little.
    if parent == "sponsors" and has_word(section.title, TIER_WORDS):
        return parent
    lines = [t for block in section.blocks for t in block.lines]
    urls = [p.url for t in lines for p in t.links() if p.url]  # a link without a target says nothing of the kind
    if urls and all(u.startswith("mailto:") or platform_of(u) != "web" for u in urls):
        return "contact"
    if any(_names_sponsors(t) for t in lines):
        return "sponsors"
    # A dated paragraph makes a history, but under people only when no line lists people: '### WidgetLang' under '##
    # Project members' stays its team with 'Last updated: January 2020' above its table.
    dated = any(block.kind == "paragraph" and find_date(block.text) for block in section.blocks)
    if dated and parent != "people":
        return "history"
    # '- **Ada** — [homepage](url)' lists a name as '- Ada — ...' does; 'Ada, Grace. See [site](url)' lists two
    plain = [before_reference(unbolded(t)) for t in lines]
    # two names on a line, by the rules: '[Full Team Page](url) · [Alumni Directory](url)' lists no one
    if any(split.is_list and _names(split.entries) >= 2 for split in (split_entries(t, marks) for t in plain)):
        return "people"
    if parent == "people" and any(split_entries(t, marks).is_list for t in plain):
        return "people"  # '#### FastChat' under '### Project teams' with its one developer
    return "history" if dated else None
