"""Reading plain text that the tokens leave us: comma-separated entries, names, sentences, series."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import pairwise

from .._read.blocks import Block, Piece, TextLine

# Marks that stand after a name and mean something the page explains in a legend ("\*" denotes initiators).
DEFAULT_MARKS = frozenset("*†‡§")
MAX_MARK_LENGTH = 3  # a legend's mark is one to three characters (see _LEGEND)
_PARTICLES = frozenset("al bin da das de del della der di dos du el ibn la le st st. ten ter van von y zu".split())
# Runs of whitespace are only entered at their first character ('(?<!\s)'), so that a long run is scanned once,
# not once per position: a plain '\s*[,;]' takes time quadratic in the run's length.
# Entries are separated by commas, semicolons, 'and', or the middle dots, bullets and bars of a one-line list.
_SEPARATORS = re.compile(r"(?:(?<!\s)\s+)?[,;\u00b7\u2022|]\s*|(?<!\s)\s+and\s+")
_PUNCTUATION = " \t,;.\u00b7\u2022|"
# A spaced dash after a name, then words: what the person is or where ('[Ada](url) - UC Berkeley', 'Ion Stoica —
# Co-founder and President'), not more names. The note runs to the end of the text (or to the next link).
_DASH = re.compile(r"(?:^|\s+)[-\u2013\u2014]\s+(?=\S)")
# What follows a name after a comma without being one: 'Eric P. Xing, Jr.', 'Joseph E. Gonzalez, Ph.D.'
_SUFFIXES = frozenset("jr sr ii iii iv phd dphil md mba".split())
_HONORIFICS = frozenset("prof professor dr mr mrs ms".split())  # before a name, said of it
_FILLERS = frozenset(("et al", "more", "many more", "others", "many others", "etc", "and others", "and more"))
# ', and John' (an Oxford comma) leaves 'and John', and ', and [John](url)' a lone 'and': neither is a name.
_CONJUNCTION = re.compile(r"^(?:and|&)(?:\s+|$)")
# A sentence ends at its punctuation (group 1); the spaces after it start the next search. Starting with a
# character class, not a lookbehind, lets the regex engine skip to the next '.', '!' or '?'.
_SENTENCE_END = re.compile(r"([.!?])\s+(?=[A-Z0-9\"“'(\[])")
# Words whose period does not end a sentence: a shortened month before its year, a title before a name.
_ABBREVIATION = re.compile(
    r"(?<![\w.])(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|dr|prof|mr|mrs|ms|st|no|vs|e\.g|i\.e)$",
    re.IGNORECASE,
)
# The meaning is the rest of the line; its trailing period is cut in legend(), as '.+?\s*\.?\s*$' would backtrack
# for ever on a long run of spaces.
_LEGEND = re.compile(r"""^\s*["“']?(?P<mark>[^\w\s"“”']{1,3})["”']?\s+(?:denotes|denote|means|marks|indicates)\s+""")
# A status in parentheses at the end: 'FlashInfer (graduated)'. '(?<!\s)' enters a run of whitespace at its first
# character only, so a long run is scanned once (linear time).
_STATUS = re.compile(r"^(?P<name>.*?)(?:(?<!\s)\s+)?\((?P<status>[^()]*)\)\s*$")


@dataclass(slots=True)
class Entry:
    """One item of a comma-separated list: a link or a plain name, with the marks that followed it."""

    name: str
    line: int
    link: Piece | None = None
    marks: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # written beside the name: '(UC Berkeley)', a table's role


@dataclass(slots=True)
class Split:
    """A text line read as a list: its entries, and the fragments of text that are not names."""

    entries: list[Entry]
    prose: list[str]

    @property
    def is_list(self) -> bool:
        return bool(self.entries) and not self.prose


def legend(text: str) -> tuple[str, str] | None:
    """``('*', 'initiators')`` for a legend line such as '"*" denotes initiators'."""
    # Most lines: no need to run the pattern (the words of _LEGEND, tested one by one without a generator).
    if not ("denote" in text or "means" in text or "marks" in text or "indicates" in text):
        return None
    match = _LEGEND.match(text)
    if match is None:
        return None
    meaning = text[match.end() :].rstrip()
    meaning = meaning.removesuffix(".").rstrip() or meaning
    return (match["mark"], meaning) if meaning and "\n" not in meaning else None


# Characters that re.IGNORECASE takes for an ASCII letter although str.lower() does not give just that letter:
# the long s and the dotless i (kept as they are), and the dotted capital I (lowered to 'i' and a combining dot).
_ODD_FOLDS = "\u017f\u0131\u0130"


def may_contain(text: str, words: tuple[str, ...]) -> bool:
    """False only when none of ``words`` (lowercase ASCII) can occur in ``text`` for a re.IGNORECASE pattern.

    A quick test before a pattern that the regex engine would try at every position of the text.
    """
    if not text.isascii() and any(odd in text for odd in _ODD_FOLDS):
        return True
    lowered = text.lower()
    return any(word in lowered for word in words)


def looks_like_name(text: str) -> bool:
    """A short run of capitalised words (particles such as 'van' allowed), as names and institutions are."""
    words = text.split()
    if not 1 <= len(words) <= 6:
        return False
    # A word in a script without case ('郑怜悯') is as capitalised as it can be.
    return all(not w[0].islower() or w.lower() in _PARTICLES for w in words)


@dataclass(frozen=True, slots=True)
class Marks:
    """The page's marks: their meanings from its legend, and the default marks."""

    meanings: Mapping[str, str]
    known: frozenset[str]  # every mark: the legend's and the default ones
    edges: frozenset[str]  # characters a mark can start or end with, for a quick 'no mark here'

    @classmethod
    def of(cls, meanings: Mapping[str, str]) -> Marks:
        known = frozenset(meanings) | DEFAULT_MARKS
        return cls(dict(meanings), known, frozenset(m[0] for m in known) | frozenset(m[-1] for m in known))

    def notes(self, found: Iterable[str]) -> list[str]:
        """The legend's meaning of each mark ``found``, or the mark itself where the page gives none."""
        return [self.meanings.get(mark, mark) for mark in found]


NO_MARKS = Marks.of({})


def _mark_at(text: str, start: int, end: int, marks: Marks, *, at_end: bool, keep: int = 1) -> str:
    """The longest mark that ends (or starts) ``text[start:end]`` and leaves ``keep`` characters of it, or ''."""
    for size in range(MAX_MARK_LENGTH, 0, -1):
        if end - start >= size + keep:
            candidate = text[end - size : end] if at_end else text[start : start + size]
            if candidate in marks.known:
                return candidate
    return ""


def strip_marks(name: str, marks: Marks) -> tuple[str, list[str]]:
    """Remove marks after (or before) a name; return the clean name and the marks, in order.

    The longest mark at the end goes first, then the longest at the start, until none is left. Marks are
    looked up by the few characters that could hold one, so the time is linear in the name's length.
    """
    text = name.strip()
    if not text or (text[0] not in marks.edges and text[-1] not in marks.edges):
        return text, []
    start, end = 0, len(text)
    after: list[str] = []
    before: list[str] = []
    while True:
        if mark := _mark_at(text, start, end, marks, at_end=True):
            after.append(mark)
            end -= len(mark)
        elif mark := _mark_at(text, start, end, marks, at_end=False):
            before.append(mark)
            start += len(mark)
        else:
            return text[start:end], after[::-1] + before
        while text[start].isspace():
            start += 1
        while text[end - 1].isspace():
            end -= 1


def _only_marks(text: str, marks: Marks) -> list[str] | None:
    """The marks ``text`` consists of ('* †' gives both), or None when it holds anything else."""
    if text.lstrip()[:1] not in marks.edges:
        return None
    found: list[str] = []
    position, end = 0, len(text)
    while position < end:
        if text[position].isspace():
            position += 1
        elif mark := _mark_at(text, position, end, marks, at_end=False, keep=0):
            found.append(mark)
            position += len(mark)
        else:
            return None
    return found or None


def _fragments(text: str) -> list[str]:
    """``text`` cut at its separators, but not inside parentheses ('Ada (UCB, EECS), Grace')."""
    # Every separator holds ',', ';', 'and', '·', '•' or '|': without them the text is one fragment (a quick test).
    if not ("," in text or ";" in text or "and" in text or "\u00b7" in text or "\u2022" in text or "|" in text):
        return [text]
    if "(" not in text:
        return _SEPARATORS.split(text)
    fragments: list[str] = []
    start = scanned = depth = 0
    for match in _SEPARATORS.finditer(text):
        depth += text.count("(", scanned, match.start()) - text.count(")", scanned, match.start())
        scanned = match.start()
        if depth <= 0:
            fragments.append(text[start : match.start()])
            start = match.end()
    fragments.append(text[start:])
    return fragments


def split_entries(line: TextLine, marks: Marks) -> Split:
    """Read a line as a list of links and plain names separated by commas (or by nothing at all)."""
    entries: list[Entry] = []
    prose: list[str] = []
    after_link = False
    title = ""  # 'Prof.' before the next name: said of it
    for piece in line.pieces:
        if piece.kind in ("link", "image"):
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
        if piece.kind == "html" or not piece.text.strip(_PUNCTUATION):  # ', ' between two links: the common case
            after_link = False
            continue
        text, dash_note = piece.text, ""
        dash = _DASH.search(text) if "-" in text or "\u2013" in text or "\u2014" in text else None
        if dash is not None:  # 'Ion Stoica — Co-founder and President': the rest is a note, not more names
            # Its end is the line's, or a separator before the next link; a final period ends the sentence.
            text, dash_note = text[: dash.start()], " ".join(text[dash.end() :].split()).rstrip(" ,;")
            dash_note = dash_note[:-1].rstrip() if dash_note.endswith(".") else dash_note
        count = len(entries)
        fragments = _fragments(text) if text.strip(_PUNCTUATION) else []
        for position, raw in enumerate(fragments):
            fragment = _CONJUNCTION.sub("", raw.strip())
            if fragment.endswith(".") and position == len(fragments) - 1:
                fragment = fragment[:-1].rstrip()
            if not fragment:
                continue
            follows = bool(entries) and (position > 0 or after_link)  # what stands right after an entry
            folded = fragment.replace(".", "").casefold()
            if follows and folded in _SUFFIXES:
                entries[-1].notes.append(_CONJUNCTION.sub("", raw.strip()))  # as written, 'Jr.' with its period
                continue
            if folded in _FILLERS:  # '..., et al.', ', and more': the list goes on elsewhere
                continue
            if folded in _HONORIFICS and position == len(fragments) - 1:  # 'Prof. [Ion Stoica](url)'
                title = raw.strip()
                continue
            only_marks = _only_marks(fragment, marks)
            if only_marks is not None:
                if follows:  # marks belong to the entry before them
                    entries[-1].marks.extend(only_marks)
                continue
            note = None
            if fragment.endswith(")") and "(" in fragment:  # 'Ada Lovelace (UC Berkeley)': a note, not a name
                opening = fragment.rfind("(")
                fragment, note = fragment[:opening].rstrip(), " ".join(fragment[opening + 1 : -1].split())
                only_marks = _only_marks(fragment, marks) if fragment else []
                if only_marks is not None and follows and note:  # '[Ada](url) (UC Berkeley)', '[Ada](url)* (MIT)'
                    entries[-1].marks.extend(only_marks)
                    entries[-1].notes.append(note)
                    continue
            name, found = strip_marks(fragment, marks)
            if name and looks_like_name(name) and piece.kind == "text":
                entries.append(Entry(name, piece.line, None, found, [note] if note else []))
            else:
                prose.append(raw.strip())
        if dash_note:
            if entries and (after_link or len(entries) > count) and not prose:
                entries[-1].notes.append(dash_note)
            else:
                prose.append(dash_note)
        after_link = False
    return Split(entries, prose)


def split_lead(line: TextLine) -> tuple[str, TextLine] | None:
    """'We thank these companies: [A](url), [B](url)' -> ('We thank these companies:', the line after the colon);
    None unless plain text that ends at a colon, with something after it, comes before the line's first link."""
    if ":" not in line.text:  # most lines: a quick test first
        return None
    for index, piece in enumerate(line.pieces):
        if piece.kind in ("link", "image", "html"):
            return None
        if piece.kind in ("text", "strong") and ":" in piece.text:  # 'Thanks to:' or '**Compute:**'
            before, _, after = piece.text.partition(":")
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


@dataclass(slots=True)
class Sentence:
    text: str
    line: int


def sentences(block: Block) -> Iterator[Sentence]:
    """The block's plain text cut into sentences, each with the line it starts on."""
    starts: list[int] = []
    parts: list[str] = []
    offset = 0
    for text_line in block.lines:
        text = text_line.text.strip()
        starts.append(offset)
        parts.append(text)
        offset += len(text) + 1
    joined = " ".join(parts)
    begin = 0
    for match in [*_SENTENCE_END.finditer(joined), None]:
        # 'in Sept. 2024', 'Dr. Ada': no end. The longest such word is four characters: look at six, not all.
        if match and _ABBREVIATION.search(joined, max(match.start(1) - 6, 0), match.start(1)):
            continue
        end = match.end(1) if match else len(joined)
        text = joined[begin:end].strip()
        if text:
            line = block.lines[max(bisect_right(starts, begin) - 1, 0)].line
            yield Sentence(text, line)
        if match:
            begin = match.end()


_LEADING_AND_OR = re.compile(r"^\s*(?:and|or)\s+")
_SERIES_MARKS = re.compile(r"[,()\[\]]")


def series(text: str) -> list[str]:
    """'cash, compute devices (e.g., GPUs) and cloud credits' -> its three items (commas in brackets kept)."""
    items: list[str] = []
    depth = start = 0
    for found in _SERIES_MARKS.finditer(text):
        char = found[0]
        if char == ",":
            if depth == 0:
                items.append(text[start : found.start()])
                start = found.end()
        else:
            depth += 1 if char in "([" else -1
    items.append(text[start:])
    cleaned = [_LEADING_AND_OR.sub("", item).strip().rstrip(".").strip() for item in items]
    oxford = _LEADING_AND_OR.match(items[-1]) is not None
    if not oxford and " and " in cleaned[-1]:  # 'A, B and C': the last comma is an 'and'
        head, _, tail = cleaned[-1].rpartition(" and ")
        cleaned[-1:] = [head.strip(), tail.strip()]
    return [c for c in cleaned if c and c.lower() not in ("more", "others", "etc", "so on")]


def split_status(text: str) -> tuple[str, str | None]:
    """'FlashInfer (graduated)' -> ('FlashInfer', 'graduated'); text without a status, or with '()', keeps it None."""
    match = _STATUS.match(text)
    if match is None:
        return text, None
    return match["name"], match["status"].strip() or None
