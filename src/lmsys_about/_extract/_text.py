"""Reading plain text that the tokens leave us: marks and their legend, names, sentences, series, statuses."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from .._read.blocks import Block

# Marks that stand after a name and mean something the page explains in a legend ("\*" denotes initiators).
DEFAULT_MARKS = frozenset("*†‡§")
# Superscript digits are marks too ('[Ada](url)¹'), each on its own ('¹²' is two marks), legend or not.
SUPERSCRIPTS = frozenset("\u00b9\u00b2\u00b3\u2070\u2074\u2075\u2076\u2077\u2078\u2079")
MAX_MARK_LENGTH = 6  # a legend's mark is one to three characters (see _LEGEND), a footnote's up to six ('[^12]')
_PARTICLES = frozenset("al bin da das de del della der di dos du el ibn la le st st. ten ter van von y zu".split())
# A sentence ends at its punctuation (group 1); the spaces after it start the next search. Starting with a
# character class, not a lookbehind, lets the regex engine skip to the next '.', '!' or '?'.
_SENTENCE_END = re.compile(r"([.!?])\s+(?=[A-Z0-9\"“'(\[])")
# Words whose period does not end a sentence: a shortened month before its year, a title before a name.
_ABBREVIATION = re.compile(
    r"(?<![\w.])(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|dr|prof|mr|mrs|ms|st|vs|e\.g|i\.e)$",
    re.IGNORECASE,
)
# The meaning is the rest of the line; its trailing period is cut in legend(), as '.+?\s*\.?\s*$' would backtrack
# for ever on a long run of spaces.
_LEGEND = re.compile(r"""^\s*["“']?(?P<mark>[^\w\s"“”']{1,3})["”']?\s+(?:denotes|denote|means|marks|indicates)\s+""")
# A status in parentheses at the end: 'FlashInfer (graduated)', one word ('(now under the Linux Foundation)' is
# none). '(?<!\s)' enters a run of whitespace at its first character only, so a long run is scanned once.
_STATUS = re.compile(r"^(?P<name>.*?)(?:(?<!\s)\s+)?\(\s*(?P<status>[^\W\d_]+(?:-[^\W\d_]+)*)?\s*\)\s*$")


# A legend that puts its mark first, then the meaning: '† Co-founders.', '¹ On leave', '[^1]: Co-founders.', '‡: ...'.
# Only marks no list or emphasis can start with ('*' at a line's start is a bullet), and footnote labels.
_MARK_FIRST = re.compile(
    r"^\s*(?P<mark>[†‡§¶‖\u00b9\u00b2\u00b3\u2070\u2074-\u2079]{1,3}|\[\^[^\]\s]{1,3}\])(?::|\s*[-\u2013\u2014=])?\s+(?=\w)"
)
_MARK_FIRST_HEADS = frozenset("†‡§¶‖[") | SUPERSCRIPTS


def legend(text: str) -> tuple[str, str] | None:
    """``('*', 'initiators')`` for a legend line such as '"*" denotes initiators' or '† Co-founders.'."""
    head = text[:1]
    if head in _MARK_FIRST_HEADS or head.isspace():  # '† Co-founders.', or '†' denotes ...' after spaces
        match = _LEGEND.match(text) or _MARK_FIRST.match(text)
    # Most lines: no need to run the pattern (the words of _LEGEND, tested one by one without a generator).
    elif not ("denote" in text or "means" in text or "marks" in text or "indicates" in text):
        return None
    else:
        match = _LEGEND.match(text)
    if match is None:
        return None
    meaning = text[match.end() :].rstrip()
    meaning = meaning.removesuffix(".").rstrip() or meaning
    return (match["mark"], meaning) if meaning and "\n" not in meaning else None


# Each 'mark meaning' of a legend that lists several marks: '†Co-founder; ‡Emeritus.', '¹ UC Berkeley ² Stanford'. A
# mark opens the line or follows a space, ';' or ','; its meaning runs to the next such mark.
_MARK_IN_LEGEND = re.compile(
    r"(?:^|(?<=[\s;,]))(?P<mark>[†‡§¶‖\u00b9\u00b2\u00b3\u2070\u2074-\u2079]{1,3})(?::|\s*[-\u2013\u2014=])?\s*(?=\w)"
)


def legends(text: str) -> list[tuple[str, str]]:
    """Every (mark, meaning) of a legend line: several for '†Co-founder; ‡Emeritus.', one for '"*" denotes
    initiators' or '[^1]: Co-founders.'; none for any other line."""
    head = text.lstrip()[:1]
    if head in _MARK_FIRST_HEADS and head != "[" and _LEGEND.match(text) is None:  # not '† denotes founders
        found = list(_MARK_IN_LEGEND.finditer(text))
        if found and not text[: found[0].start()].strip():
            pairs = []
            for match, following in zip(found, [*found[1:], None], strict=True):
                meaning = text[match.end() : following.start() if following else len(text)].strip(" \t;,")
                meaning = meaning.removesuffix(".").rstrip() or meaning
                if not meaning or "\n" in meaning:
                    return []
                pairs.append((match["mark"], meaning))
            return pairs
    one = legend(text)
    return [one] if one is not None else []


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
        known = frozenset(meanings) | DEFAULT_MARKS | SUPERSCRIPTS
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


def marks_only(text: str, marks: Marks) -> list[str] | None:
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


@dataclass(slots=True)
class Sentence:
    text: str
    line: int


def _sentence_ends(text: str) -> list[re.Match[str]]:
    """What ``_SENTENCE_END.finditer(text)`` gives, quicker: the pattern is tried only where its first character is,
    found by str.find (the regex engine would try every position of the text)."""
    ends = []
    for mark in ".!?":
        position = text.find(mark)
        while position != -1:
            match = _SENTENCE_END.match(text, position)
            if match is not None:
                ends.append(match)
            position = text.find(mark, position + 1)
    # Matches cannot overlap: one covers a mark and the blanks after it, and the next starts at another mark.
    return sorted(ends, key=lambda match: match.start())


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
    for match in [*_sentence_ends(joined), None]:
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
    """'FlashInfer (graduated)' -> ('FlashInfer', 'graduated'); text without a status, or with '()', keeps it None, and
    so does more than one word in the parentheses ('Vicuna (deprecated, 2024)' is said of it, no status)."""
    if not text.rstrip().endswith(")"):  # most text: the pattern need not look for a status
        return text, None
    match = _STATUS.match(text)
    if match is None:
        return text, None
    return match["name"], match["status"] or None
