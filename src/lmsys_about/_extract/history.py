"""History: dated sentences, the founding sentence's institutions, and the flagship projects."""

from __future__ import annotations

import re
from typing import Literal

from .._read.blocks import Block, Piece, Section, TextLine
from ._context import Context, Record
from ._text import Sentence, looks_like_name, may_contain, sentences, series, split_status, strip_marks
from .entries import linked_run, named_link, names_nothing, split_entries
from .labels import has_word
from .names import DETERMINERS, split_reference
from .people import extract_team

# Each month written out or shortened ('Sep', 'Sept.'), in calendar order.
_MONTHS = (
    "jan(?:uary)?", "feb(?:ruary)?", "mar(?:ch)?", "apr(?:il)?", "may", "june?", "july?", "aug(?:ust)?",
    "sep(?:t(?:ember)?)?", "oct(?:ober)?", "nov(?:ember)?", "dec(?:ember)?",
)  # fmt: skip
_MONTH = r"(?:" + "|".join(_MONTHS) + r")\b\.?"
_MONTH_HEADS = frozenset(month[:3] for month in _MONTHS)  # each month's pattern starts with these three letters
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
# 'in September 2024', 'on September 1, 2024', 'on 1 September 2024', 'in 2024-09', 'on 2024-09-01', 'in 2024'; a
# date that names its month needs no word before it ('founded September 2024', 'released 30 March 2023'), a year
# alone does ('2000 GPUs' is a count).
_DATE_BODY = (
    r"(?:(?:in|since|on|from|by|during)\s+|(?=(?:" + _DAY + r")?\s*" + _MONTH + r"\s))"
    r"(?:(?P<month>" + _MONTH + r")\s+(?:(?P<day>" + _DAY + r"),?\s+)?"
    r"|(?P<day_first>" + _DAY + r")\s+(?P<month_after>" + _MONTH + r"),?\s+)?(?P<year>(?:19|20)\d{2})"
    r"(?:-(?P<iso_month>0[1-9]|1[0-2])(?:-(?P<iso_day>0[1-9]|[12]\d|3[01]))?)?\b(?!-)"
)
# A date starts with its first word ('in', 'since', 'on', 'from', 'by', 'during'), its month or a digit: the lookahead
# lets the regex engine pass over every other position at once, where it would try each month's spelling (half the
# time of a search). It changes no match (tests/extract/test_text.py compares it with the pattern without it).
_DATE = re.compile(r"\b(?=[abdfijmnos0-9])" + _DATE_BODY, re.IGNORECASE)
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
# '[SGLang](url) — incubating', '[FastChat](url): archived': a dash or colon, then one to three words and no more
# (a longer text, or one with a comma or a second sentence, describes the project: it is no status).
_WORD = r"[^\W\d_]+(?:-[^\W\d_]+)*"
# '[SGLang](url) (incubating)', '[FastChat](url) [archived]': one word in brackets after the link is its status; more
# words ('(now under the Linux Foundation)', '(deprecated, 2024)') say more of it and are reported, never a status.
_STATUS_AFTER = re.compile(r"\s*(?:\(\s*(?P<round>" + _WORD + r")\s*\)|\[\s*(?P<square>" + _WORD + r")\s*\])[.:]?")
_STATUS_DESCRIBED = re.compile(
    r"\s*\(\s*(?P<status>" + _WORD + r")\s*\)\s*(?:[:,]|\s[-\u2013\u2014])\s*(?P<rest>\S.*)", re.DOTALL
)
_STATUS_DASHED = re.compile(r"[-\u2013\u2014:]\s*(?P<status>" + _WORD + r"(?:[ \t]+" + _WORD + r"){0,2})\s*\.?")
_STATUS_LAST = re.compile(r"(?P<rest>.*?\S)\s*\((?P<status>" + _WORD + r")\)[.]?", re.DOTALL)
# '[Chatbot Arena](url) (graduated in 2025)', '[Chatbot Arena (graduated in 2025)](url)', '[Chatbot Arena](url) —
# graduated in 2025': one word and a date in brackets or after a dash are the status and when it was taken, the date
# kept by the item's event ('(graduated 2025)' holds no date by _DATE's rules, and is reported).
_DATED_STATUS_AFTER = re.compile(
    r"\s*(?:\(\s*(?P<round>" + _WORD + r")\s+(?P<round_date>[^()]+?)\s*\)"
    r"|\[\s*(?P<square>" + _WORD + r")\s+(?P<square_date>[^\[\]]+?)\s*\])[.:]?"
)
_DATED_STATUS_DASHED = re.compile(r"[-\u2013\u2014:]\s*(?P<status>" + _WORD + r")\s+(?P<date>[^()\[\]]+?)\s*\.?")
_DATED_STATUS_LAST = re.compile(r"(?P<name>.*?\S)\s*\(\s*(?P<status>" + _WORD + r")\s+(?P<date>[^()]+?)\s*\)\s*")
# A date that opens a sentence or a list item: 'March 2023', '2024-09' (a day after it is allowed), or a year
# before a colon, comma or spaced dash ('**2023** — ...': a bare year and nothing else may be a count, '2000 GPUs').
_LEADING_DATE = re.compile(
    r"(?:(?P<month>" + _MONTH + r")\s+(?:(?P<day>" + _DAY + r"),?\s+)?(?P<year>(?:19|20)\d{2})"
    r"|(?P<iso_year>(?:19|20)\d{2})-(?P<iso_month>0[1-9]|1[0-2])(?:-(?P<iso_day>0[1-9]|[12]\d|3[01]))?"
    r"|(?P<bare_year>(?:19|20)\d{2})(?=\s*[:,]|\s+[-\u2013\u2014]|[\u2013\u2014]))(?![\w-])",
    re.IGNORECASE,
)
# A name may hold none of these: 'SGLang; FastChat' is not one project, and the item is reported, not guessed at.
_NOT_IN_NAME = re.compile(r"[;:|!?\u00b7\u2022]")
_IN_COLLABORATION = re.compile(r"(?<!\s)\s+in collaboration with\s+", re.IGNORECASE)
_LIST_SEPARATOR = re.compile(r",\s*(?:and\s+)?|(?<!\s)\s+and\s+")


_MONTH_PATTERNS = tuple(re.compile(name, re.IGNORECASE) for name in _MONTHS)


def _month_number(month: str) -> int:
    """1-12 for a month as _DATE matched it, which may hold a long s (U+017F) or a dotted capital I (U+0130)."""
    return next(n for n, pattern in enumerate(_MONTH_PATTERNS, 1) if pattern.fullmatch(month.rstrip(".")))


def find_date(text: str, start: int = 0) -> re.Match[str] | None:
    """The first date in ``text`` ('in September 2024') from ``start`` on, or None."""
    # Every date holds a year: without one after ``start`` (a quick test) there is no date to search for.
    return _DATE.search(text, start) if _YEAR.search(text, start) else None


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
                found.append({"name": name, "notes": tuple(ctx.notes_of(marks)), "line": sentence.line})
        if found:
            return found
    return []


Date = tuple[int, int | None, int | None]  # year, month, day


def _day(text: str | None) -> int | None:
    return int(text.rstrip("stndrh")) if text else None


def date_of(match: re.Match[str]) -> Date:
    """The year, month and day a match of _DATE names."""
    if match["iso_month"]:
        return int(match["year"]), int(match["iso_month"]), _day(match["iso_day"])
    month = match["month"] or match["month_after"]
    return int(match["year"]), _month_number(month) if month else None, _day(match["day"] or match["day_first"])


def leading_date(text: str) -> tuple[int, int | None] | None:
    """The year and month of the date that opens ``text`` ('2024-09: Incorporated.'), or None; some words must
    follow it, saying what happened then."""
    found = leading_day(text)
    return found[:2] if found is not None else None


def leading_day(text: str) -> Date | None:
    """The year, month and day of the date that opens ``text``, as :func:`leading_date` reads it."""
    head = text[:3].lower().replace("\u017f", "s")  # the long s, which re.IGNORECASE takes for an 's'
    if head not in _MONTH_HEADS and not _YEAR.match(text):  # most sentences: no date first
        return None
    match = _LEADING_DATE.match(text)
    if match is None or not any(c.isalpha() for c in text[match.end() :]):
        return None
    if match["month"]:
        return int(match["year"]), _month_number(match["month"]), _day(match["day"])
    if match["iso_year"]:
        return int(match["iso_year"]), int(match["iso_month"]), _day(match["iso_day"])
    return int(match["bare_year"]), None, None


def events(block_sentences: list[Sentence], ctx: Context) -> None:
    """Each sentence that opens with a date ('2024-09: ...') or names one ('in September 2024') is an event; a
    sentence whose clauses each name a date ('In January 2024 X, and in September 2024 Y.') is one per clause."""
    for sentence in block_sentences:
        date = leading_day(sentence.text)
        if date is not None:
            _event(date, sentence.text, sentence.line, ctx)
            continue
        match = find_date(sentence.text)
        if match is None:
            continue
        for start, end, found in _clauses(sentence.text, match):
            _event(date_of(found), sentence.text[start:end], sentence.line, ctx)


def _event(date: Date, text: str, line: int, ctx: Context) -> None:
    ctx.events.append({"year": date[0], "month": date[1], "day": date[2], "text": text, "line": line})


_CLAUSE = re.compile(r"[,;]\s+(?:and\s+|but\s+|then\s+)?")


def _clauses(text: str, first: re.Match[str]) -> list[tuple[int, int, re.Match[str]]]:
    """The sentence cut before each clause (after ', and', ';', or a comma right before its date) that names a further
    date: each part's span and date. A date in the clause of the one before ('from 2023 to 2024') cuts nothing."""
    parts = [(0, first)]
    found = find_date(text, first.end())
    while found is not None:
        cut = None
        for clause in _CLAUSE.finditer(text, parts[-1][1].end(), found.start()):
            cut = clause
        # the date opens the clause, or the clause opens with 'and', 'but', 'then' or after a semicolon
        if cut is not None and (not text[cut.end() : found.start()].strip(" \t") or cut[0].strip(", \t")):
            parts.append((cut.start(), found))
        found = find_date(text, found.end())
    if len(parts) == 1:
        return [(0, len(text), first)]
    spans = []
    for index, (start, match) in enumerate(parts):
        end = parts[index + 1][0] if index + 1 < len(parts) else len(text)
        opening = _CLAUSE.match(text, start) if index else None
        spans.append((opening.end() if opening is not None else 0, end, match))
    return spans


def projects(block: Block, ctx: Context) -> Record | None:
    """A list item names projects ('[Chatbot Arena (graduated)](url)', '[SGLang](url) (incubating)',
    '[FastChat](url): archived', 'Vicuna (graduated), SGLang'), tells what happened when ('2024-09: Incorporated
    as a non-profit.', 'In March 2023, [Vicuna](url) was released.'), or both; the first project is returned."""
    first = len(ctx.projects)
    dated = _item_events(block, ctx)
    unread: list[TextLine] = []  # lines of plain text that name no project
    for text_line in block.lines:
        reference = split_reference(text_line)
        if reference is not None:  # 'See [the blog](url)': a link of the page, never a project
            ctx.cite(reference[1])
            text_line = reference[0]
        links = list(text_line.links())
        named = named_link(text_line) if links and dated != "leading" else None
        if named is not None and _named_project(named[0], named[1], ctx, bool(dated)):
            continue  # '- **SGLang** (active): [GitHub](url)', '- FastChat — <https://...>': the name is the project's
        if links:
            after = "".join(p.text for p in text_line.pieces if p.kind not in ("link", "image")).strip()
            status, after = _status_after(after, bool(dated)) if len(links) == 1 else (None, after)
            for piece in links:
                _add_project(piece.text, ctx.url(piece), piece.line, ctx, status, dated=bool(dated))
            if not dated and _has_words(after):  # a description, or the statuses of several links
                ctx.unplaced("text", after, text_line.line)
        elif dated != "leading" and not _plain_projects(text_line.text, text_line.line, ctx, bool(dated)):
            unread.append(text_line)  # '2024-09: Incorporated' is no project, whatever its words
    if len(ctx.projects) == first:
        if not dated:
            ctx.unplaced("item", block.text, block.line)
        return None
    if not dated:
        for text_line in unread:  # beside the projects of the item's other lines
            ctx.unplaced("text", text_line.text, text_line.line)
    return ctx.projects[first]


def _item_events(block: Block, ctx: Context) -> Literal["leading", "sentence", None]:
    """The item's events, one for each sentence that opens with a date ('**2023** — ...', '2024-09: ...', 'March
    2023: ...') or names one, as a paragraph's; 'leading' when the item opens with one, None when it has none."""
    if _YEAR.search(block.text) is None:  # every date holds a year: an item without one (most) has no event
        return None
    block_sentences = list(sentences(block))
    found = len(ctx.events)
    events(block_sentences, ctx)
    if len(ctx.events) == found:
        return None
    return "leading" if leading_date(block_sentences[0].text) is not None else "sentence"


_STATUS_OPENING = re.compile(r"\s*\((?P<status>[^()]+)\)")


def _status_following(line: TextLine, link: Piece) -> str | None:
    """The status in parentheses right after ``link`` in ``line`` ('[Vicuna](url) (archived)'), if any."""
    index = line.pieces.index(link)
    following = line.pieces[index + 1] if index + 1 < len(line.pieces) else None
    match = _STATUS_OPENING.match(following.text) if following is not None and following.kind == "text" else None
    return match["status"].strip() if match else None


def _status_after(after: str, dated: bool = False) -> tuple[str | None, str]:
    """The status written after a project's link ('(incubating)', '— incubating', ': archived', in an item with
    events '(graduated in 2025)' or '— graduated in 2025'), and the text after it that is no status ('(graduated):
    crowdsourced evaluation' describes the project too); no status: (None, after).
    """
    if not after:  # a link alone (most): each pattern needs a bracket, a dash or a colon
        return None, after
    match = _STATUS_AFTER.fullmatch(after)
    if match is not None:
        return match["round"] or match["square"], ""
    match = _DATED_STATUS_AFTER.fullmatch(after) if dated else None
    if match is not None:
        word, date = (
            (match["round"], match["round_date"]) if match["round"] else (match["square"], match["square_date"])
        )
        if _dated_word(word, date):
            return word, ""
    match = _DATED_STATUS_DASHED.fullmatch(after) if dated else None
    if match is not None and _dated_word(match["status"], match["date"]):
        return match["status"], ""
    match = _STATUS_DESCRIBED.fullmatch(after)
    if match is not None:
        return match["status"].strip(), match["rest"]
    match = _STATUS_LAST.fullmatch(after)
    if match is not None:  # '— a serving framework (active)': one word in parentheses at the end is the status
        return match["status"], match["rest"]
    match = _STATUS_DASHED.fullmatch(after)
    if match is None or match["status"].split()[0].lower() in DETERMINERS:  # 'a serving engine' describes it
        return None, after
    return " ".join(match["status"].split()), ""


def _status_of(text: str, dated: bool) -> tuple[str, str | None]:
    """split_status, and in an item with events also 'Chatbot Arena (graduated in 2025)' -> ('Chatbot Arena',
    'graduated'): the date is the event's, the word before it the status."""
    name, status = split_status(text)
    if status is None and dated and text.rstrip().endswith(")"):
        match = _DATED_STATUS_LAST.fullmatch(text)
        if match is not None and _dated_word(match["status"], match["date"]):
            return match["name"], match["status"]
    return name, status


def _dated_word(word: str, date: str) -> bool:
    """A word before a date, not the date's own first word ('graduated in 2025', not 'in March 2025')."""
    return _DATE.fullmatch(date) is not None and _DATE.fullmatch(f"{word} {date}") is None


def _named_project(written: str, link: Piece, ctx: Context, dated: bool = False) -> bool:
    """A project named before its link, whose text names nothing ('GitHub', 'lmarena.ai', a web address): the name
    written, with its status ('Chatbot Arena (graduated)'); False, with nothing kept, when that is no name."""
    name, status = _status_of(written, dated)
    if not _is_project_name(name.strip()):
        return False
    ctx.projects.append({"name": name.strip(), "url": ctx.url(link), "status": status, "line": link.line})
    return True


def _has_words(text: str) -> bool:
    """True when ``text`` holds a word other than the 'and' or 'or' between links."""
    return any(word.strip(".,;:()").lower() not in ("and", "or", "&", "") for word in text.split())


def _is_project_name(text: str) -> bool:
    """A name as looks_like_name sees one, with a letter ('2023' alone is a date) and no list separator."""
    return looks_like_name(text) and any(c.isalpha() for c in text) and _NOT_IN_NAME.search(text) is None


def _plain_projects(text: str, line: int, ctx: Context, dated: bool) -> bool:
    """'Vicuna (graduated), SGLang and FastChat': a project for each part, if every part is a name; else none. More
    than a word in parentheses ('Vicuna (deprecated, 2024)') is said of the project: reported, unless it is dated."""
    parts = [_aside(*_status_of(part, dated)) for part in series(text.strip().rstrip(".:"))]
    if not parts or not all(_is_project_name(name) for name, _, _ in parts):
        return False
    for name, status, aside in parts:
        ctx.projects.append({"name": name.strip(), "url": None, "status": status, "line": line})
        if aside and not dated:
            ctx.unplaced("text", aside, line)
    return True


def _aside(name: str, status: str | None) -> tuple[str, str | None, str]:
    """A name that still ends in parentheses after its status was looked for: the words in them are no status."""
    if status is None and name.rstrip().endswith(")") and "(" in name:
        opening = name.rfind("(")
        return name[:opening].rstrip(), None, name[opening:].strip()
    return name, status, ""


def _add_project(
    text: str, url: str | None, line: int, ctx: Context, status: str | None = None, *, dated: bool = False
) -> None:
    name, written = _status_of(text, dated)
    name, status = (name, written) if written is not None else (name.strip(), status)
    ctx.projects.append({"name": name, "url": url, "status": status, "line": line})


def extract_history(section: Section, ctx: Context) -> None:
    blocks = section.blocks
    index = 0
    introduced = False  # the line before said that projects follow
    columns: tuple[int, int | None, int | None] | None = None  # a projects table's name, status and link columns
    while index < len(blocks):
        block = blocks[index]
        index += 1
        if block.kind == "head":
            columns = _project_columns(block)
        elif block.kind == "row":
            _project_row(block, columns, ctx)
        elif block.kind == "item":
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
                if introduced and _listed_projects(text_line, ctx):
                    continue
                says = has_word(text_line.text, ("project",))
                introduced = says and text_line.text.rstrip().endswith(":")  # '... flagship projects, including:'
                run = linked_run(text_line, minimum=1) if says else None
                for piece in run or ():  # 'Its flagship projects include [SGLang](url) and [Vicuna](url).'
                    _add_project(piece.text, ctx.url(piece), piece.line, ctx, _status_following(text_line, piece))
                for piece in () if run else text_line.links():
                    ctx.link(piece)
            continue
        introduced = False


def _project_columns(head: Block) -> tuple[int, int | None, int | None] | None:
    """'| Project | Status | Link |': which cells name the project, give its status and its link; None unless one
    names projects."""
    titles = [" ".join(cell.text.split()).casefold() for cell in head.lines]
    names = [i for i, title in enumerate(titles) if title.startswith(("project", "name"))]
    status = next((i for i, title in enumerate(titles) if title.startswith(("status", "stage", "state"))), None)
    link = next((i for i, t in enumerate(titles) if t.startswith(("link", "url", "website", "homepage", "repo"))), None)
    return (names[0], status, link) if names else None


def _project_row(block: Block, columns: tuple[int, int | None, int | None] | None, ctx: Context) -> None:
    """'| [Chatbot Arena](url) | graduated |': the project of a table's row, its status one word; a row read in
    part or not at all is reported whole."""
    cells = block.lines
    whole = " | ".join(cell.text.strip() for cell in cells)
    if columns is None or columns[0] >= len(cells):
        ctx.unplaced("row", whole, block.line)
        return
    names, status_at, link_at = columns
    split = split_entries(cells[names], ctx.marks, labelled=False)
    status = " ".join(cells[status_at].text.split()) if status_at is not None and status_at < len(cells) else ""
    links = list(cells[link_at].links()) if link_at is not None and link_at < len(cells) else []
    others = [cell.text.strip() for i, cell in enumerate(cells) if i not in columns and cell.text.strip()]
    if len(split.entries) != 1 or not split.is_list or len(status.split()) > 1 or len(links) > 1 or others:
        ctx.unplaced("row", whole, block.line)
        return
    entry = split.entries[0]
    link = entry.link or (links[0] if links else None)
    name, written = split_status(entry.name)
    if not _is_project_name(name.strip()):
        ctx.unplaced("row", whole, block.line)
        return
    url = ctx.url(link) if link is not None else None
    ctx.projects.append({"name": name.strip(), "url": url, "status": written or status or None, "line": block.line})


def _listed_projects(text_line: TextLine, ctx: Context) -> bool:
    """A line after a lead that speaks of projects ('... flagship projects, including:') that is a list of names
    and links, each with at most a one-word status: a project each ('[Chatbot Arena](url) (graduated), [SGLang](url)',
    'Vicuna, SGLang and FastChat'); False, with nothing kept, for any other line."""
    split = split_entries(text_line, ctx.marks, labelled=False)
    if not split.is_list or any(entry.marks or len(entry.notes) > 1 for entry in split.entries):
        return False
    found = []
    for entry in split.entries:
        name, status = split_status(entry.name)
        status = status or (entry.notes[0] if entry.notes else None)
        if not _is_project_name(name.strip()) or (status is not None and len(status.split()) > 1):
            return False
        found.append((name.strip(), entry.link, status))
    for name, link, status in found:
        url = ctx.url(link) if link is not None else None
        ctx.projects.append({"name": name, "url": url, "status": status, "line": text_line.line})
    return True


_TITLE_DATE = re.compile(r"(?:(?P<month>" + _MONTH + r")\s+)?(?P<year>(?:19|20)\d{2})", re.IGNORECASE)


def heading_date(title: str) -> Date | None:
    """The year (and month) a heading is ('2025', 'September 2024'), or None for any other heading."""
    match = _TITLE_DATE.fullmatch(" ".join(title.split()))
    if match is None:
        return None
    return int(match["year"]), _month_number(match["month"]) if match["month"] else None, None


def extract_dated(section: Section, ctx: Context) -> None:
    """'### 2025' under the history: each sentence of the section is an event, of its own date if it names one,
    else of the heading's; links are links of the page."""
    date = heading_date(section.title)
    assert date is not None
    for block in section.blocks:
        for sentence in sentences(block):
            found = len(ctx.events)
            events([sentence], ctx)
            if len(ctx.events) == found:
                _event(date, sentence.text, sentence.line, ctx)
        for text_line in block.lines:
            for piece in text_line.links():
                ctx.link(piece)


def names_project(title: str, parent: str | None) -> bool:
    """A heading that names a project: 'FlashInfer (graduated)' (a name and its status) under any section,
    'SGLang' (a name alone) under the projects."""
    name, status = split_status(" ".join(title.split()))
    return _is_project_name(name.strip()) and (status is not None or parent == "projects")


def extract_project_heading(section: Section, ctx: Context) -> None:
    """'### FlashInfer (graduated)' over 'See [https://flashinfer.ai](https://flashinfer.ai)', '### SGLang' over
    '[SGLang](url) is a fast serving framework.': the project the heading names, with its status, its link the
    section's first one named like it or naming nothing ('GitHub', a web address); the rest read as a history."""
    assert section.heading is not None
    name, status = split_status(" ".join(section.title.split()))
    name = name.strip()
    project: Record = {"name": name, "url": None, "status": status, "line": section.heading.line}
    ctx.projects.append(project)
    first = next(
        (p for b in section.blocks for t in b.lines for p in t.links() if p.text.casefold() == name.casefold()),
        None,
    ) or next((p for b in section.blocks for t in b.lines for p in t.links() if names_nothing(p)), None)
    kept = len(ctx.links)
    extract_history(section, ctx)
    if first is None:
        return
    url = ctx.url(first)
    for index in range(kept, len(ctx.links)):
        link = ctx.links[index]
        if link["line"] == first.line and link["url"] == url and link["label"] == first.text:
            del ctx.links[index]
            project["url"] = url
            ctx.read_lines.add(first.line)
            return
