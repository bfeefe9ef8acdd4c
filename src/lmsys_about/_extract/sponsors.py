"""Sponsors: lists of institutions introduced by a sentence that says what they give."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .._read.blocks import Block, Section, TextLine
from ._context import Context
from ._text import legend, looks_like_name, sentences, series
from .entries import Entry, Split, linked_run, named_link, split_entries, split_lead
from .labels import has_word
from .names import doubt, doubtful_message, split_reference

_ABOUT_DONATIONS = re.compile(r"donation|sponsorship", re.IGNORECASE)
_ENDS_AS_A_SENTENCE = re.compile(r"[.:!?]\s*$")  # or as the lead of a list
_FORMS = re.compile(r"\bincluding(?:\s+but\s+not\s+limited\s+to)?\s+(?P<forms>.+)$", re.IGNORECASE)


# The words of sponsoring itself: a link so labelled ('Donate', 'Sponsorship tiers', 'Donation FAQ') leads to a page
# about giving, never to a sponsor.
_SPONSORING = re.compile(r"\b(?:donat\w*|sponsor\w*|tiers?|faq|contribut\w*)\b", re.IGNORECASE)
_LOGO = re.compile(r"\s+logo$", re.IGNORECASE)  # '[![a16z logo](img)](url)': the alt text names the logo's owner


def _kind_of(sentence: str, current: str) -> str:
    lowered = sentence.lower()
    if "api credit" in lowered:
        return "api_credits"
    if any(word in lowered for word in ("donat", "donor", "support", "sponsor", "thank", "institution", "gift")):
        return "donor"
    return current


def speaks_of_sponsoring(text: str) -> bool:
    """'Donate', 'Sponsorship tiers', 'Donation FAQ': the words of giving itself, which name no sponsor."""
    return _SPONSORING.search(text) is not None


def _not_a_sponsor(entry: Entry) -> tuple[str, str] | None:
    """The rule an entry fails as a sponsor: a name rule, the words of sponsoring, or a link to an e-mail address."""
    found = doubt(entry.name, "sponsor")
    if found is None and entry.link is not None and (entry.link.url or "")[:7].lower() == "mailto:":
        return "email", "it links to an e-mail address"
    if found is None and speaks_of_sponsoring(entry.name):
        return "sponsoring", "it speaks of sponsoring ('Donate', 'Sponsorship FAQ'), not of a sponsor"
    return found


def _add(entry: Entry, kind: str, ctx: Context, notes: tuple[str, ...] = ()) -> None:
    """A sponsor, unless its name is no organisation's: then its link is a link, with a doubtful-name warning. Its
    marks' meanings ('[NVIDIA](url)[^1]' with '[^1]: Hardware grant.') are its notes, after the tier's."""
    if entry.link is not None and entry.link.image:
        entry.name = _LOGO.sub("", entry.name) or entry.name
    found = _not_a_sponsor(entry)
    if found is not None:
        ctx.report("warning", "doubtful-name", doubtful_message(entry.name, "sponsor", *found), entry.line)
        if entry.link is not None:
            ctx.link(entry.link)
        return
    url = ctx.url(entry.link) if entry.link is not None else None
    if entry.marks:  # '[Acme](url) (GPUs)', a tier, a mark's meaning
        notes = (*entry.notes, *notes, *ctx.notes_of(entry.marks))
    elif entry.notes:
        notes = (*entry.notes, *notes)
    ctx.sponsors.append({"name": entry.name, "url": url, "kind": kind, "notes": notes, "line": entry.line})
    for piece in entry.more:  # a second labelled link: a link of the page
        ctx.link(piece)


def _unlinked(line: TextLine) -> str:
    """The words of a line outside its links: what the line says, not what its links are named."""
    return "".join(piece.text for piece in line.pieces if piece.kind not in ("link", "image"))


def _names_sponsors(text: str) -> bool:
    """'LMSYS is supported by donations from the following institutions:' says that sponsors follow or stand in it."""
    return _kind_of(text, "") != ""


# The words of a heading over sponsors ('Sponsors', 'Our partners', 'API credits'), and of a tier or a kind of support
# under one ('Gold', 'Compute', 'Cloud credits'): the section's kind is read from them, and a lead's too.
SPONSORS_WORDS = ("sponsor", "supporter", "donor", "donation", "funding", "funder", "partner", "credit")
TIER_WORDS = (
    "platinum", "gold", "silver", "bronze", "diamond", "premier", "founding", "compute", "cloud", "gpu", "hardware",
    "infrastructure", "individual", "corporate", "institutional", "industry", "academic", "in-kind", "grant", "major",
)  # fmt: skip
# and of giving and of thanks beside those _kind_of knows ('Funded by:', 'We are grateful to:', 'Friends of LMSYS:')
_LEAD_WORDS = (
    *SPONSORS_WORDS, *TIER_WORDS, "fund", "patron", "backer", "backed", "benefactor", "friend", "provid", "powered",
    "courtesy", "generous", "grateful", "gratitude", "appreciat", "acknowledg",
)  # fmt: skip


def _introduces_sponsors(lead: str) -> bool:
    """'We thank these companies for API credits:', 'Thanks to:', 'Our partners:', 'Gold:', '**Compute:**': a lead
    that speaks of giving, thanking or supporting, or names sponsors, their kind or their tier as a heading over them
    would. 'Interested in joining:', 'Questions:', 'Contact:' or 'Last updated:' speaks of something else: a link
    after it is no sponsor, whatever it is named."""
    return _names_sponsors(lead) or has_word(lead, _LEAD_WORDS)


def _is_lead(text: str) -> bool:
    """A sentence that introduces the sponsors after it: it ends at a colon, or it says what sponsors give and ends
    at no punctuation ('We got API credits from') or thanks 'the following' ones. A sentence that ends ('Questions?
    Visit us.') says nothing of what follows."""
    text = text.rstrip()
    if text.endswith(":"):
        return True
    return _names_sponsors(text) and (not text.endswith((".", "!", "?")) or "the following" in text.lower())


def _plain_sponsor(name: str) -> bool:
    """A sponsor named without a link: a name ('Google Cloud'), or one word however written ('a16z')."""
    one_word = len(name.split()) == 1 and any(char.isdigit() or char.isupper() for char in name)  # 'a16z', not 'we'
    # Written without a link, a name starts with a letter or digit: '(thanks)' is an aside.
    return name[:1].isalnum() and doubt(name, "sponsor") is None and (looks_like_name(name) or one_word)


_NAME_HEADERS = (
    "sponsor",
    "name",
    "company",
    "compan",
    "organi",
    "donor",
    "partner",
    "supporter",
    "institution",
    "who",
)
_LINK_HEADERS = ("link", "url", "website", "homepage", "home page", "site", "web")


@dataclass(frozen=True, slots=True)
class _Columns:
    """Which cells of a sponsors table's rows name sponsors, and which hold their links; the others say more."""

    names: int
    links: frozenset[int]


def _columns(head: Block) -> _Columns | None:
    titles = [" ".join(cell.text.split()).lower() for cell in head.lines]
    links = frozenset(i for i, title in enumerate(titles) if title.startswith(_LINK_HEADERS))
    names = [i for i, title in enumerate(titles) if title.startswith(_NAME_HEADERS) and i not in links]
    return _Columns(names[0], links) if names else None


def _row(block: Block, columns: _Columns | None, kind: str, ctx: Context) -> None:
    """'| Gold | [Acme](url), [Globex](url) |': a sponsor for each name of its name cell, the other cells' text as
    their notes (a tier), or their kind where it says API credits; a row it cannot read whole is reported."""
    cells = block.lines
    cell = cells[columns.names] if columns and columns.names < len(cells) else None
    split = split_entries(cell, ctx.marks, labelled=False) if cell is not None else None
    if cell is not None and split is not None and not split.is_list and not any(cell.links()):
        name = " ".join(cell.text.split())  # '| a16z |': a cell is one name, however written, if it is one
        split = Split([Entry(name, block.line)]) if _plain_sponsor(name) else split
    if columns is None or split is None or not split.is_list:
        ctx.unplaced("row", " | ".join(cell.text.strip() for cell in cells), block.line)
        return
    notes: list[str] = []
    for index, cell in enumerate(cells):
        if index == columns.names:
            continue
        links = list(cell.links())
        if index in columns.links and len(links) == 1 and len(split.entries) == 1 and split.entries[0].link is None:
            split.entries[0].link = links[0]  # '| Acme | [acme.com](url) |'
            continue
        for piece in links:
            ctx.link(piece)
        text = " ".join(cell.text.split())
        if not links and any(char.isalnum() for char in text):
            kind = _kind_of(text, kind) if "credit" in text.lower() else kind
            notes.append(text)
    for entry in split.entries:
        _add(entry, kind, ctx, tuple(notes))


def _tier(label: str) -> tuple[str, ...]:
    """'Gold', 'Silver:', '**Compute:**': a short label that says nothing of what is given is a tier, each of its
    sponsors' note (as a table's tier cell is); a sentence or a kind of support ('API credits', 'Sponsors') is none."""
    label = " ".join(label.strip().rstrip(":").split())
    if not label or len(label.split()) > 3 or _kind_of(label, "") or not looks_like_name(label):
        return ()
    return (label,)


def _named(text_line: TextLine, listing: bool) -> Entry | None:
    """'- **NVIDIA** — [website](url)', '**Nebius** ([homepage](url))': a sponsor named before its labelled link."""
    if not (listing or (text_line.pieces and text_line.pieces[0].kind == "strong")):  # a sentence's line: none
        return None
    found = named_link(text_line)
    if found is None:
        return None
    name, link = found
    return Entry(name, text_line.line, link) if _plain_sponsor(name) else None


def _elsewhere(text_line: TextLine, ctx: Context) -> None:
    """A line under a lead about something else ('Interested in joining: [Jane Doe](url)'): its links are links of the
    page, and its text is reported."""
    for piece in text_line.links():
        ctx.link(piece)
    ctx.unplaced("text", text_line.text, text_line.line)


def read_donation_forms(block: Block, ctx: Context) -> None:
    """'We welcome donations and sponsorships, including but not limited to cash, GPUs and cloud credits.': the
    forms of donation, in a sponsors section or in the introduction of the page."""
    if block.kind == "paragraph" and "includ" in block.text:
        for sentence in sentences(block):
            match = _FORMS.search(sentence.text)
            if match and _ABOUT_DONATIONS.search(sentence.text):
                ctx.donation_forms.extend(series(match["forms"]))
                ctx.read_lines.add(sentence.line)


def extract_sponsors(section: Section, ctx: Context) -> None:
    base = _kind_of(section.title, "donor")  # '### API credits' under '## Sponsors'
    kind = base
    # '### Gold' over a bare list is its sponsors' tier; a section that says what its sponsors are has none
    section_tier = () if _names_sponsors(section.title) else _tier(section.title)
    if section_tier and any(_names_sponsors(_unlinked(line)) for block in section.blocks for line in block.lines):
        section_tier = ()
    tier = section_tier
    columns: _Columns | None = None
    leads: list[tuple[int, int]] = []  # each lead's line, and how many sponsors there were before it
    # After a lead about something else ('Questions:'), until the next lead, what a line lists is no sponsor.
    elsewhere = False
    for block in section.blocks:
        if block.kind == "head":
            columns = _columns(block)
            for cell in block.lines:  # a link in a header names the column, never a sponsor: a link of the page
                for piece in cell.links():
                    ctx.link(piece)
            continue
        if block.kind == "row":
            _row(block, columns, kind, ctx)
            continue
        listing = block.kind == "item"
        for text_line in block.lines:
            if legend(text_line.text) is not None:  # '† In-kind compute.': the meaning of a mark, read before
                continue
            reference = split_reference(text_line)
            if reference is not None:  # 'See [our sponsors](url)': a link, never a sponsor
                ctx.cite(reference[1])
                if not any(piece.kind in ("link", "image") for piece in reference[1]):  # '(see below)': said, not read
                    ctx.unplaced("text", "".join(piece.text for piece in reference[1]), text_line.line)
                text_line = reference[0]
                if not text_line.text.strip(" \t,;."):
                    continue
            named = _named(text_line, listing)
            if named is not None and elsewhere:
                _elsewhere(text_line, ctx)
                continue
            if named is not None:
                _add(named, kind, ctx, tier)
                listing = True
                continue
            lead = split_lead(text_line)
            listed = split_entries(lead[1], ctx.marks, labelled=False) if lead is not None else None
            linked = listed is not None and listed.is_list and any(entry.link for entry in listed.entries)
            if (
                lead is not None
                and listed is not None
                and listed.is_list
                and (_names_sponsors(lead[0]) or (linked and _introduces_sponsors(lead[0])))
            ):  # 'Note: We (see below).' lists no sponsor
                # 'We thank these companies for API credits: [A](url)', '- Silver: [Kaggle](url)': a lead says the
                # kind of what it lists (a lead that names none keeps it), or its tier
                kind, line_tier = _kind_of(lead[0], kind), _tier(lead[0])
                for entry in listed.entries:
                    _add(entry, kind, ctx, line_tier or tier)  # 'Silver:' under '### Gold' is Silver
                listing, elsewhere = True, False
                continue
            if linked:  # 'Interested in joining: [Jane Doe](url)': a sentence about something else
                _elsewhere(text_line, ctx)
                continue
            if lead is not None and _names_sponsors(lead[0]) and not any(p.kind == "link" for p in lead[1].pieces):
                names = series(lead[1].text)  # '...the following institutions: NVIDIA, a16z and Kaggle.'
                if names and all(_plain_sponsor(name) for name in names):
                    kind, elsewhere = _kind_of(lead[0], kind), False
                    for name in names:
                        _add(Entry(name, text_line.line), kind, ctx, tier)
                    continue
            has_link = any(p.kind == "link" for p in text_line.pieces)
            if (has_link or listing or "," in text_line.text) and (  # a line read as a list only then
                split := split_entries(text_line, ctx.marks, labelled=False)  # '[GitHub](url)' may sponsor
            ).is_list:
                if elsewhere:  # 'Interested in joining:' over '- [Jane Doe](url)'
                    _elsewhere(text_line, ctx)
                    continue
                for entry in split.entries:
                    _add(entry, kind, ctx, tier)
                listing = True
                continue
            if _is_lead(text_line.text):  # what follows is given for this ('... which provide API credits:')
                if _introduces_sponsors(text_line.text):
                    kind, tier = _kind_of(text_line.text, kind), _tier(text_line.text) or section_tier
                    leads.append((text_line.line, len(ctx.sponsors)))
                    elsewhere = False
                elif reference is None:  # or is about something else ('Questions:'); not a sentence cut at its
                    elsewhere = True  # reference ('We wrote to: (see below).'), which says nothing of what follows
            run = linked_run(text_line)
            if run is not None and _names_sponsors(_unlinked(text_line)):  # 'Thanks to [A](url) and [B](url) for GPUs.'
                said = _kind_of(text_line.text, kind)  # a finished sentence says the kind of its own sponsors only
                for piece in run:
                    _add(Entry(piece.text.strip(), piece.line, piece), said, ctx, tier)
                continue
            for piece in text_line.links():
                ctx.link(piece)
            if has_link and sum(p.kind == "link" for p in text_line.pieces) > 1:  # links in prose: not read
                ctx.unplaced("text", text_line.text, text_line.line)
            if block.kind == "item" and not has_link:
                ctx.unplaced("item", text_line.text, text_line.line)
            elif not has_link and len(text_line.text.split()) <= 4 and not _ENDS_AS_A_SENTENCE.search(text_line.text):
                # A line that is only a name, not a sentence ('Alpha Corp' or 'a16z' under 'We thank our sponsor:'):
                # too little to be sure it is a sponsor, too much to drop without a word.
                ctx.unplaced("text", text_line.text, text_line.line)
        read_donation_forms(block, ctx)
    # A lead is read for the sponsors after it, before the next lead: one with none ('We we') is no value of the page.
    ends = [before for _, before in leads[1:]] + [len(ctx.sponsors)]
    ctx.read_lines.update(line for (line, before), end in zip(leads, ends, strict=False) if end > before)
