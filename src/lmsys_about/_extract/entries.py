"""Reading a line as a list of entries: links and plain names with their marks and notes, separated by commas,
'and' or the like; the lead before a list ('Advisors: ...'), and a run of links inside a sentence."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import pairwise

from .._read.blocks import Piece, TextLine
from ._text import Marks, looks_like_name, marks_only, strip_marks
from .names import prose_rule

# Runs of whitespace are only entered at their first character ('(?<!\s)'), so that a long run is scanned once,
# not once per position: a plain '\s*[,;]' takes time quadratic in the run's length.
# Entries are separated by commas, semicolons, 'and', or the middle dots, bullets and bars of a one-line list.
_SEPARATORS = re.compile(r"(?:(?<!\s)\s+)?[,;\u00b7\u2022|]\s*|(?<!\s)\s+and\s+")

_PUNCTUATION = " \t,;.\u00b7\u2022|"

# A spaced dash after a name, then words: what the person is or where ('[Ada](url) - UC Berkeley', 'Ion Stoica —
# Co-founder and President'), not more names. The note runs to the end of the text (or to the next link).
# A run of spaces is entered at its first character only ('(?<!\s)'), so a long run is read once: linear time.
_DASH = re.compile(r"(?:^|(?<!\s)\s+)[-\u2013\u2014]\s+(?=\S)")

# What follows a name after a comma without being one: 'Eric P. Xing, Jr.', 'Joseph E. Gonzalez, Ph.D.'
_SUFFIXES = frozenset("jr sr ii iii iv phd dphil md mba".split())

_HONORIFICS = frozenset("prof professor dr mr mrs ms".split())  # before a name, said of it

_FILLERS = frozenset(("et al", "more", "many more", "others", "many others", "etc", "and others", "and more"))

# ', and John' (an Oxford comma) leaves 'and John', and ', and [John](url)' a lone 'and': neither is a name.
_CONJUNCTION = re.compile(r"^(?:and|&)(?:\s+|$)")


@dataclass(slots=True)
class Entry:
    """One item of a comma-separated list: a link or a plain name, with the marks that followed it."""

    name: str
    line: int
    link: Piece | None = None
    marks: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # written beside the name: '(UC Berkeley)', a table's role
    more: list[Piece] = field(default_factory=list)  # labelled links after its own: '[GitHub](url) · [Scholar](url)'


@dataclass(slots=True)
class Split:
    """A text line read as a list: its entries, or where it stops being one.

    ``prose`` is the first fragment of text that is no name, where reading stopped: a line with one is no list,
    and what comes after it is not read (most lines of a page are sentences, read up to their first words only).
    """

    entries: list[Entry]
    prose: str | None = None

    @property
    def is_list(self) -> bool:
        return bool(self.entries) and self.prose is None


def _fragments(text: str) -> Iterator[tuple[str, bool]]:
    """``text`` cut at its separators, but not inside parentheses ('Ada (UCB, EECS), Grace'), each fragment with
    whether it is the last. One at a time: a reader that stops at a fragment leaves the rest of the text unscanned."""
    # Every separator holds ',', ';', 'and', '·', '•' or '|': without them the text is one fragment (a quick test).
    if not ("," in text or ";" in text or "and" in text or "\u00b7" in text or "\u2022" in text or "|" in text):
        yield text, True
        return
    start = scanned = depth = 0
    for match in _SEPARATORS.finditer(text):
        depth += text.count("(", scanned, match.start()) - text.count(")", scanned, match.start())
        scanned = match.start()
        if depth <= 0:
            yield text[start : match.start()], False
            start = match.end()
    yield text[start:], True


_FOOTNOTE = re.compile(r"\^[^\]\s]{1,3}")


def is_footnote(piece: Piece) -> bool:
    """A footnote reference whose definition is one word ('[^1]' with '[^1]: Co-founders.'), which CommonMark reads as
    a link to that word: a mark, its meaning the link's target."""
    return piece.text[:1] == "^" and _FOOTNOTE.fullmatch(piece.text) is not None


# The labels of a link that says what it leads to, not whom: 'Ada Lovelace — [homepage](url)'.
LINK_LABELS = frozenset(
    "homepage website web site page profile github gitlab scholar linkedin twitter blog cv resume link url orcid dblp "
    "bio mastodon bluesky".split()
) | {"home page", "google scholar", "personal page", "personal website", "web page"}
_LONGEST_LABEL = 24  # characters, spaces around a label included
# What may stand between a name and its labelled links: a dash, a colon, a bar, a dot, parentheses, commas.
_LINK_LEAD = " \t-\u2013\u2014:|\u00b7\u2022,;/"  # and an opening parenthesis before, a closing one after


def is_link_label(piece: Piece) -> bool:
    """A link labelled with what it leads to ('homepage', 'GitHub', 'Scholar'), never a name."""
    # A label is a word or two: a longer text (most links name someone) is not looked up.
    return piece.kind == "link" and len(piece.text) <= _LONGEST_LABEL and piece.text.strip().casefold() in LINK_LABELS


def _labelled_links(pieces: list[Piece]) -> list[Piece]:
    """The pieces with the separators around labelled links cut away: 'Ada — [homepage](url) ·' gives 'Ada', the
    link; a run of text between two labelled links is only separators, or it stays. The same list when it has none."""
    for piece in pieces:  # most lines have no labelled link: a plain loop, quicker than any() over a generator
        if piece.kind == "link" and len(piece.text) <= _LONGEST_LABEL and piece.text.strip().casefold() in LINK_LABELS:
            break
    else:
        return pieces
    kept: list[Piece] = []
    for index, piece in enumerate(pieces):
        if piece.kind != "text":
            kept.append(piece)
            continue
        text = piece.text
        if index + 1 < len(pieces) and is_link_label(pieces[index + 1]):
            text = text.rstrip(_LINK_LEAD + "(")  # '(President) — [GitHub](url)' keeps its note
        if index > 0 and is_link_label(pieces[index - 1]):
            stripped = text.lstrip(_LINK_LEAD + ")")
            text = ", " + stripped if stripped else ""  # what follows a labelled link is a new entry
        if text:
            kept.append(Piece("text", text, piece.line))
    return kept


def _bare_link(piece: Piece, labelled: bool) -> bool:
    """A link that is no footnote and, where labelled links are read, no labelled link: one that names someone."""
    return piece.kind == "link" and not is_footnote(piece) and not (labelled and is_link_label(piece))


def split_entries(line: TextLine, marks: Marks, *, labelled: bool = True) -> Split:
    """Read a line as a list of links and plain names separated by commas (or by nothing at all); with ``labelled``,
    a labelled link ('[homepage](url)') is the link of the name before it."""
    entries: list[Entry] = []
    after_link = False
    title = ""  # 'Prof.' before the next name: said of it
    pieces = _labelled_links(line.pieces) if labelled else line.pieces
    labels = pieces is not line.pieces  # the line has labelled links: most have none
    for index, piece in enumerate(pieces):
        kind = piece.kind
        if kind == "text" and not piece.text.strip(_PUNCTUATION):  # ', ' between two links: the common case
            after_link = False
            continue
        if kind == "link" and entries:
            if labels and is_link_label(piece):  # 'Ada Lovelace — [homepage](url)': the link of the name before
                if entries[-1].link is None:
                    entries[-1].link = piece
                else:
                    entries[-1].more.append(piece)
                after_link = True
                continue
            if piece.text[:1] == "^" and is_footnote(piece):  # '[Ada](url)[^1]'
                entries[-1].marks.append(f"[{piece.text}]")
                continue
        if kind == "link" or kind == "image":
            name, found = strip_marks(piece.text.rstrip(",;").rstrip(), marks)
            notes = [title] if title else []
            if name.endswith(")") and "(" in name:  # '[Lianmin Zheng (President)](url)': a note in the link
                opening = name.rfind("(")
                if name[:opening].strip():
                    name, inner = name[:opening].rstrip(), " ".join(name[opening + 1 : -1].split())
                    notes.append(inner)
            entries.append(Entry(name, piece.line, piece, found, notes))
            after_link, title = True, ""
            continue
        if kind == "html":
            after_link = False
            continue
        text, dash_note = piece.text, ""
        dash = _DASH.search(text) if "-" in text or "\u2013" in text or "\u2014" in text else None
        if dash is not None:  # 'Ion Stoica — Co-founder and President': the rest is a note, not more names
            # Its end is the line's, or a separator before the next link; a final period ends the sentence.
            text, dash_note = text[: dash.start()], " ".join(text[dash.end() :].split()).rstrip(" ,;")
            dash_note = dash_note[:-1].rstrip() if dash_note.endswith(".") else dash_note
        count = len(entries)
        fragments = _fragments(text) if text.strip(_PUNCTUATION) else ()
        for position, (raw, last) in enumerate(fragments):
            fragment = _CONJUNCTION.sub("", raw.strip())
            if fragment.endswith(".") and last:
                fragment = fragment[:-1].rstrip()
            if not fragment:
                continue
            follows = bool(entries) and (position > 0 or after_link)  # what stands right after an entry
            folded = fragment.replace(".", "").casefold()
            if follows and folded in _SUFFIXES:
                entries[-1].notes.append(_CONJUNCTION.sub("", raw.strip()))  # as written, 'Jr.' with its period
                continue
            # 'We <https://x.org>', 'Write to [us](url)': a word right before a link, with no separator between them,
            # is part of a sentence, not a name of a list
            before_link = last and index + 1 < len(pieces) and _bare_link(pieces[index + 1], labelled)
            if folded in _FILLERS and not before_link:  # '..., et al.', ', and more': the list goes on elsewhere
                continue
            if folded in _HONORIFICS and last:  # 'Prof. [Ion Stoica](url)'
                title = raw.strip()
                continue
            only_marks = marks_only(fragment, marks)
            if only_marks is not None:
                if follows:  # marks belong to the entry before them
                    entries[-1].marks.extend(only_marks)
                continue
            if not any(char.isalnum() for char in fragment):  # '~~', '→': decoration around names, not a name
                continue
            said: list[str] = []
            if fragment.endswith(")") and "(" in fragment:  # 'Ada Lovelace (UC Berkeley)': a note, not a name
                while fragment.endswith(")") and "(" in fragment:  # '(MIT) (emerita)': each is a note
                    opening = fragment.rfind("(")
                    fragment, note = fragment[:opening].rstrip(), " ".join(fragment[opening + 1 : -1].split())
                    if note:
                        said.insert(0, note)
                only_marks = marks_only(fragment, marks) if fragment else []
                if only_marks is not None and follows and said:  # '[Ada](url) (UC Berkeley)', '[Ada](url)* (MIT)'
                    entries[-1].marks.extend(only_marks)
                    entries[-1].notes.extend(said)
                    continue
            name, found = strip_marks(fragment, marks)
            if before_link:
                return Split(entries, raw.strip())
            if name and looks_like_name(name) and piece.kind == "text":
                entries.append(Entry(name, piece.line, None, found, said))
            else:
                return Split(entries, raw.strip())
        if dash_note:
            if not (entries and (after_link or len(entries) > count)):
                return Split(entries, dash_note)
            entries[-1].notes.append(dash_note)
        after_link = False
    if entries and entries[0].link is None and prose_rule(entries[0].name):
        return Split(entries, entries[0].name)  # 'Also, We (see below)': a line that opens as a sentence is one
    return Split(entries)


def _lead_colon(text: str) -> int:
    """Where the colon that ends a lead is: the first followed by a space or by nothing ('Thanks to: ...'), never the
    one of a web address ('visit https://x.org') or a time ('at 10:30'); -1 when there is none."""
    position = text.find(":")
    while position != -1:
        if position + 1 == len(text) or text[position + 1].isspace():
            return position
        position = text.find(":", position + 1)
    return -1


def unbolded(line: TextLine) -> TextLine:
    """The line with its bold text as plain text, joined to the text beside it ('**Ada** (President) — ')."""
    if not any(piece.kind == "strong" for piece in line.pieces):
        return line
    pieces: list[Piece] = []
    for piece in line.pieces:
        if piece.kind in ("text", "strong") and pieces and pieces[-1].kind == "text":
            pieces[-1] = Piece("text", pieces[-1].text + piece.text, pieces[-1].line)
        else:
            pieces.append(Piece("text", piece.text, piece.line) if piece.kind == "strong" else piece)
    return TextLine(line.line, pieces)


def split_lead(line: TextLine) -> tuple[str, TextLine] | None:
    """'We thank these companies: [A](url), [B](url)' -> ('We thank these companies:', the line after the colon);
    None unless plain text that ends at a colon, with something after it, comes before the line's first link."""
    if ":" not in line.text:  # most lines: a quick test first
        return None
    for index, piece in enumerate(line.pieces):
        if piece.kind in ("link", "image", "html"):
            return None
        colon = _lead_colon(piece.text) if piece.kind in ("text", "strong") else -1
        if colon >= 0:  # 'Thanks to:' or '**Compute:**'
            before, after = piece.text[:colon], piece.text[colon + 1 :]
            lead = "".join(p.text for p in line.pieces[:index]) + before + ":"
            rest = [Piece("text", after, piece.line), *line.pieces[index + 1 :]] if after else line.pieces[index + 1 :]
            return (lead, TextLine(line.line, rest)) if "".join(p.text for p in rest).strip() else None
    return None


_BETWEEN_LINKS = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)", re.IGNORECASE)


def linked_run(line: TextLine, minimum: int = 2) -> list[Piece] | None:
    """``minimum`` or more links in a sentence with only ', ' or 'and' between them ('Thanks to [A](url), [B](url)
    and [C](url) for compute.'): a list inside the sentence; None for any other line."""
    pieces = line.pieces
    links = [index for index, piece in enumerate(pieces) if piece.kind == "link"]
    if len(links) < minimum or not links or any(pieces[i].kind == "image" or pieces[i].image for i in links):
        return None
    for before, after in pairwise(links):
        between = pieces[before + 1 : after]
        if len(between) > 1 or (between and not _BETWEEN_LINKS.fullmatch(between[0].text)):
            return None
    return [pieces[index] for index in links]


# What may stand between a name and the link after it: '**NVIDIA** — [website](url)', 'FastChat: <url>', 'Nebius ('.
_NAME_END = " \t-\u2013\u2014:|\u00b7\u2022,;/("


def names_nothing(piece: Piece) -> bool:
    """A link whose text names no one: a label ('website', 'GitHub'), a web address or a domain ('lmarena.ai')."""
    if is_link_label(piece):
        return True
    text = piece.text.strip()
    return "://" in text or ("." in text and " " not in text and text[-1:].isalpha() and text.lower() == text)


def named_link(line: TextLine) -> tuple[str, Piece] | None:
    """'**NVIDIA** — [website](url)', '**Nebius** ([homepage](url))', 'FastChat — <https://x.org>', '**Chatbot
    Arena** (graduated): [lmarena.ai](url)': the name written before the line's one link, whose text names nothing
    (a label, a web address, a domain), with what is said beside the name ('Chatbot Arena (graduated)'); None for any
    other line. A plain name must be cut from its link by a separator ('Visit [website](url)' is a sentence)."""
    pieces = line.pieces
    links = [index for index, piece in enumerate(pieces) if piece.kind == "link"]
    if len(links) != 1 or links[0] == 0 or not names_nothing(pieces[links[0]]):
        return None
    if any(p.kind != "text" or p.text.strip(" \t).,;") for p in pieces[links[0] + 1 :]):
        return None  # more than a closing parenthesis after the link: a sentence
    before = pieces[: links[0]]
    if any(p.kind not in ("text", "strong") for p in before) or sum(p.kind == "strong" for p in before) > 1:
        return None
    written = "".join(p.text for p in before)
    name = written.rstrip(_NAME_END)
    bold = before[0].kind == "strong"
    if not name or (not bold and len(name) == len(written.rstrip())):  # no separator between a plain name and link
        return None
    return " ".join(name.split()), pieces[links[0]]
