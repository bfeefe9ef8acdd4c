"""History: dated sentences, the founding sentence's institutions, and the flagship projects."""

from __future__ import annotations

import re

from .._read.blocks import Block, Section
from ._context import Context, Record
from ._text import Sentence, looks_like_name, may_contain, sentences, split_status, strip_marks
from .names import split_reference
from .people import extract_team

_MONTHS = "january february march april may june july august september october november december".split()
_DATE = re.compile(
    r"\b(?:in|since|on|from|by|during)\s+(?:(?P<month>" + "|".join(_MONTHS) + r")\s+)?(?P<year>(?:19|20)\d{2})\b",
    re.IGNORECASE,
)
# A year as _DATE needs it: most sentences have none, and a literal-led pattern is found much faster than _DATE,
# which the regex engine must try at every position.
_YEAR = re.compile(r"(?:19|20)\d{2}")
_FOUNDING_WORDS = ("founded", "originated", "established", "started", "created", "formed", "began")
_FOUNDING = re.compile(r"\b(?:" + "|".join(_FOUNDING_WORDS) + r")\b", re.IGNORECASE)
# 'a collaboration involving A, B and C' names the members after its last such word; 'faculty from A' after 'from'.
_MEMBERS_OF = (
    re.compile(r"^.*\b(?:involving|between|among)\s+(?P<list>.+)$", re.IGNORECASE),
    re.compile(r"\bfrom\s+(?P<list>.+)$", re.IGNORECASE),
)
_STATUS_AFTER = re.compile(r"\(([^()]+)\)[.:]?")  # '[SGLang](url) (incubating)': the status after the link
_IN_COLLABORATION = re.compile(r"(?<!\s)\s+in collaboration with\s+", re.IGNORECASE)
_LIST_SEPARATOR = re.compile(r",\s*(?:and\s+)?|(?<!\s)\s+and\s+")


_MONTH_PATTERNS = tuple(re.compile(name, re.IGNORECASE) for name in _MONTHS)


def _month_number(month: str) -> int:
    """1-12 for a month as _DATE matched it, which may hold a long s (U+017F) or a dotted capital I (U+0130)."""
    return next(n for n, pattern in enumerate(_MONTH_PATTERNS, 1) if pattern.fullmatch(month))


def find_date(text: str) -> re.Match[str] | None:
    """The first date in ``text`` ('in September 2024'), or None."""
    return _DATE.search(text) if _YEAR.search(text) else None


def is_founding(text: str) -> bool:
    """True when ``text`` says something was founded, started, ... (as a word, in any case)."""
    return may_contain(text, _FOUNDING_WORDS) and _FOUNDING.search(text) is not None


def founding_institutions(block_sentences: list[Sentence], ctx: Context) -> list[Record]:
    """Institutions named by a founding sentence ('... involving UC Berkeley, UCSD, and CMU')."""
    for sentence in block_sentences:
        if not is_founding(sentence.text):
            continue
        match = _MEMBERS_OF[0].search(sentence.text) or _MEMBERS_OF[1].search(sentence.text)
        if not match:
            continue
        text = _DATE.sub("", match["list"]).rstrip(" .")
        text = _IN_COLLABORATION.sub(", ", text)
        names = [n.strip() for n in _LIST_SEPARATOR.split(text)]
        found = []
        for raw in names:
            name, marks = strip_marks(raw, ctx.marks)
            if looks_like_name(name):
                found.append({"name": name, "notes": ctx.marks.notes(marks), "line": sentence.line})
        if found:
            return found
    return []


def events(block_sentences: list[Sentence], ctx: Context) -> None:
    """Each sentence that names a year ('in September 2024') is an event."""
    for sentence in block_sentences:
        match = find_date(sentence.text)
        if match:
            month = match["month"]
            number = _month_number(month) if month else None
            ctx.events.append(
                {"year": int(match["year"]), "month": number, "text": sentence.text, "line": sentence.line}
            )


def projects(block: Block, ctx: Context) -> Record | None:
    """A list item names projects: '[Chatbot Arena (graduated)](url)', '[SGLang](url) (incubating)' or
    'Vicuna (graduated)'; the first one it names is returned."""
    first = len(ctx.projects)
    for text_line in block.lines:
        reference = split_reference(text_line)
        if reference is not None:  # 'See [the blog](url)': a link of the page, never a project
            for piece in reference[1]:
                if piece.kind in ("link", "image"):
                    ctx.link(piece)
            text_line = reference[0]
        links = list(text_line.links())
        after = "".join(p.text for p in text_line.pieces if p.kind not in ("link", "image")).strip()
        status = _STATUS_AFTER.fullmatch(after) if len(links) == 1 else None
        for piece in links:
            _add_project(piece.text, ctx.url(piece), piece.line, ctx, status[1].strip() if status else None)
        if not links:
            text = text_line.text.strip().rstrip(".:")
            name = split_status(text)[0]
            if looks_like_name(name):
                _add_project(text, None, text_line.line, ctx)
    if len(ctx.projects) == first:
        ctx.unplaced("item", block.text, block.line)
        return None
    return ctx.projects[first]


def _add_project(text: str, url: str | None, line: int, ctx: Context, status: str | None = None) -> None:
    name, written = split_status(text)
    name, status = (name, written) if written is not None else (name.strip(), status)
    ctx.projects.append({"name": name, "url": url, "status": status, "line": line})


def extract_history(section: Section, ctx: Context) -> None:
    blocks = section.blocks
    index = 0
    while index < len(blocks):
        block = blocks[index]
        index += 1
        if block.kind == "item":
            project = projects(block, ctx)
            team = index
            while index < len(blocks) and blocks[index].kind == "item" and blocks[index].level > block.level:
                index += 1
            if index > team:  # items under a project's item: its team, not more projects
                if project is not None:
                    extract_team(project, blocks[team:index], ctx)
                else:
                    for child in blocks[team:index]:
                        ctx.unplaced("item", child.text, child.line)
        else:
            block_sentences = list(sentences(block))
            events(block_sentences, ctx)
            founding = founding_institutions(block_sentences, ctx)
            if founding:
                ctx.founding_institutions = founding
            for text_line in block.lines:
                for piece in text_line.links():
                    ctx.link(piece)
