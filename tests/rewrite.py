"""A rewriter of pages: the same content in other Markdown forms a maintainer may write.

Each family takes a page (its text and the About it gives) and yields rewrites, each a new text with the shape its
About must have: the page's own shape, or that shape changed the way the rewrite says (a date with a day gains the
day). A shape is the About without lines and layout findings (:func:`shape`). The parts a family rewrites are found
from the About itself (a group's members, the sponsors of a line), and a part is rewritten only where writing it in
the plainest form (a comma-separated line) gives the page's own shape: that part holds nothing else.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from lmsys_about import About, Group, Member, Sponsor, loads
from lmsys_about._extract.classify import kind_by_title
from lmsys_about._extract.names import doubt

from .render.roundtrip import without_lines

# Findings that say how a value is written, not what it is: a linked logo's image is not extracted.
LAYOUT_CODES = frozenset({"unplaced-image"})
_SPECIAL = re.compile(r"[\[\]*_`<>|\\#!]")  # names a rewrite would have to escape: left as they are
_HEADING = re.compile(r"^(?P<hashes>#{1,6})[ \t]+(?P<title>.*?)[ \t#]*$")
_BOLD_LINE = re.compile(r"^\*\*(?P<label>[^*]+?)(?P<colon>:?)\*\*(?P<after>:?)[ \t]*$")
_LABEL_LINE = re.compile(r"^(?P<label>[A-Z][^:*\[\]]{0,40}):[ \t]*$")
EMOJI = "\U0001f393"  # a graduation cap


def shape(about: About) -> dict[str, Any]:
    """The About as plain data without the source, its lines and its layout findings (findings by code only)."""
    data = about.model_dump(mode="json")
    for key in ("source", "source_sha256"):
        data.pop(key)
    diagnostics = sorted((d["severity"], d["code"]) for d in data.pop("diagnostics") if d["code"] not in LAYOUT_CODES)
    data = {key: without_lines(value) for key, value in data.items()}
    data["diagnostics"] = diagnostics
    return data


@dataclass(frozen=True)
class Page:
    """A page's text as lines (LF, no BOM) and the About it gives."""

    name: str
    lines: list[str]
    about: About

    @classmethod
    def of(cls, name: str, text: str) -> Page:
        text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
        return cls(name, text.split("\n"), loads(text))

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def replace(self, first: int, last: int, new: list[str]) -> list[str]:
        """The page's lines with lines ``first``..``last`` (1-based, inclusive) replaced by ``new``."""
        return [*self.lines[: first - 1], *new, *self.lines[last:]]


@dataclass
class Rewrite:
    """A rewritten text, what it is (family and form), and the shape its About must have."""

    family: str
    form: str
    text: str
    expected: dict[str, Any]
    where: str = ""  # the part rewritten, for a failure's message
    about: About | None = None  # what the text gives, once checked


@dataclass
class Tally:
    """How many parts a family found, and how many it left as they are (they hold more than it can rewrite)."""

    parts: int = 0
    skipped: list[str] = field(default_factory=list)


# --- members of a group -------------------------------------------------------------------------------------------


def _entry(member: Member | Sponsor, notes: bool = True) -> str:
    text = f"[{member.name}]({member.url})" if member.url else member.name
    return text + "".join(f" ({note})" for note in member.notes) if notes else text


def _notes(member: Member | Sponsor) -> str:
    return "".join(f" ({note})" for note in member.notes)


def _writable(members: list[Member] | list[Sponsor]) -> bool:
    """Members every form can write as they are: no character to escape, no parenthesis in a note, no comma in a
    plain name ('José Núñez, Jr.' without a link reads as a name and a suffix)."""
    for member in members:
        if _SPECIAL.search(member.name) or any("(" in n or ")" in n or "|" in n for n in member.notes):
            return False
        if member.url is None and ("," in member.name or " and " in member.name):
            return False
        if member.url is not None and (" " in member.url or "(" in member.url or ")" in member.url):
            return False
    return True


def _blank(lines: list[str]) -> list[str]:
    return ["", *lines, ""]


PEOPLE_FORMS: dict[str, Callable[[list[Member]], list[str] | None]] = {
    "comma": lambda ms: [", ".join(_entry(m) for m in ms)],
    "one-per-line": lambda ms: [_entry(m) for m in ms],
    "one-per-line-commas": lambda ms: [_entry(m) + ("," if i < len(ms) - 1 else "") for i, m in enumerate(ms)],
    "bullets": lambda ms: _blank([f"- {_entry(m)}" for m in ms]),
    "star-bullets": lambda ms: _blank([f"* {_entry(m)}" for m in ms]),
    "numbered": lambda ms: _blank([f"{i}. {_entry(m)}" for i, m in enumerate(ms, 1)]),
    "table": lambda ms: (
        None
        if any(len(m.notes) > 1 for m in ms)  # a cell is one note
        else _blank(
            ["| Name | Notes |", "|---|---|", *(f"| {_entry(m, notes=False)} | {', '.join(m.notes)} |" for m in ms)]
        )
    ),
    "table-link-column": lambda ms: (
        None
        if any(len(m.notes) > 1 for m in ms)
        else _blank(
            [
                "| Name | Homepage | Role |",
                "| --- | --- | --- |",
                *(f"| {m.name} | {f'[link]({m.url})' if m.url else ''} | {', '.join(m.notes)} |" for m in ms),
            ]
        )
    ),
    "bold-name-labelled-link": lambda ms: (
        None
        if any(m.notes for m in ms)
        else _blank([f"- **{m.name}**" + (f" \u2014 [homepage]({m.url})" if m.url else "") for m in ms])
    ),
    "bold-name-notes-labelled-link": lambda ms: (
        None
        if any(m.url is None for m in ms)
        else _blank([f"- **{m.name}**{_notes(m)} \u2014 [GitHub]({m.url})" for m in ms])
    ),
    "plain-name-labelled-link": lambda ms: (
        None
        if any(m.notes for m in ms)
        else _blank([f"- {m.name}" + (f": [GitHub]({m.url})" if m.url else "") for m in ms])
    ),
    "nested-note": lambda ms: (
        None
        # a name under a person's item may be of a team ('- SGLang' over its people): only notes no name is read in
        if not any(m.notes for m in ms)
        or any(doubt(n) is None or re.search("[,;]| and ", n) for m in ms for n in m.notes)
        else _blank(
            [
                line
                for i, m in enumerate(ms, 1)
                for line in (f"{i}. {_entry(m, notes=False)}", *(f"   - {n}" for n in m.notes))
            ]
        )
    ),
    "name-website-in-parentheses": lambda ms: (
        None
        if any(m.notes for m in ms)
        else [", ".join(m.name + (f" ([website]({m.url}))" if m.url else "") for m in ms)]
    ),
}


def _references(members: list[Member], where: str) -> tuple[list[str], list[str]]:
    """'[Ada][rw-1], Bob' and the definitions of its references."""
    entries, definitions = [], []
    for index, member in enumerate(members, 1):
        entry = member.name
        if member.url:
            entry = f"[{member.name}][rw-{where}-{index}]"
            definitions.append(f"[rw-{where}-{index}]: {member.url}")
        entries.append(entry + "".join(f" ({note})" for note in member.notes))
    return [", ".join(entries)], definitions


@dataclass(frozen=True)
class Part:
    """A group's members: the run of lines that holds them, and the label line to write before them when the
    label was on their first line ('Advisors: [Ada](url), ...')."""

    group: Group
    first: int
    last: int
    label: list[str]

    def replace(self, page: Page, new: list[str]) -> list[str]:
        return page.replace(self.first, self.last, [*self.label, *new])


def _member_parts(page: Page, tally: Tally) -> Iterator[Part]:
    """Each group whose members can be rewritten: their run of lines written as a comma list gives the same page."""
    base = shape(page.about)
    for group in page.about.groups:
        lines = sorted({m.line for m in group.members})
        if not lines or lines != list(range(lines[0], lines[-1] + 1)) or not _writable(group.members):
            tally.skipped.append(f"group {group.name!r}")
            continue
        part = Part(group, lines[0], lines[-1], [f"**{group.name}**"] if group.line in lines else [])
        if shape(loads("\n".join(part.replace(page, PEOPLE_FORMS["comma"](group.members) or [])))) != base:
            tally.skipped.append(f"group {group.name!r} (its lines hold more than its members)")
            continue
        tally.parts += 1
        yield part


def people_forms(page: Page, tally: Tally) -> Iterator[Rewrite]:
    base = shape(page.about)
    for part in _member_parts(page, tally):
        group = part.group
        for form, render in PEOPLE_FORMS.items():
            new = render(group.members)
            if new is not None:
                yield Rewrite("people", form, "\n".join(part.replace(page, new)), base, group.name)
        entries, definitions = _references(group.members, str(part.first))
        if definitions:
            at_end = [*part.replace(page, entries), "", *definitions]
            yield Rewrite("people", "references-at-end", "\n".join(at_end), base, group.name)
            after = part.replace(page, [*entries, "", *definitions, ""])
            yield Rewrite("people", "references-after", "\n".join(after), base, group.name)
            body = _body_start(page)
            before = part.replace(page, entries)
            before[body:body] = ["", *definitions, ""]
            yield Rewrite("people", "references-first", "\n".join(before), base, group.name)


def _body_start(page: Page) -> int:
    """The index of the body's first line: after the front matter, if any."""
    if page.lines and page.lines[0].strip() == "---":
        for index in range(1, len(page.lines)):
            if page.lines[index].strip() in ("---", "..."):
                return index + 1
    return 0


# --- group labels -------------------------------------------------------------------------------------------------


def _heading_levels(page: Page) -> list[tuple[int, int]]:
    """Each heading of the body as (1-based line, level); a heading in a fenced block would count too, rarely."""
    found = []
    for index in range(_body_start(page), len(page.lines)):
        match = _HEADING.match(page.lines[index])
        if match:
            found.append((index + 1, len(match["hashes"])))
    return found


def _in_people_section(page: Page, line: int) -> bool:
    """True when the section the line is in (after the nearest heading above it) holds members of a group."""
    headings = [h for h, _ in _heading_levels(page) if h < line]
    start = headings[-1] if headings else 0
    return any(start < m.line < line for g in page.about.groups for m in g.members) or any(
        start < g.line < line for g in page.about.groups
    )


def label_forms(page: Page, tally: Tally) -> Iterator[Rewrite]:
    base = shape(page.about)
    levels = dict(_heading_levels(page))
    for group in page.about.groups:
        text = page.lines[group.line - 1].rstrip()
        heading, bold, label = _HEADING.match(text), _BOLD_LINE.match(text), _LABEL_LINE.match(text)
        name = (heading and heading["title"]) or (bold and bold["label"]) or (label and label["label"]) or ""
        if not name or " ".join(name.split()) != group.name or not (group.members or heading):
            tally.skipped.append(f"label {group.name!r}")
            continue
        tally.parts += 1
        forms: dict[str, str] = {}
        if heading:
            level = levels[group.line]
            parent = max((lv for ln, lv in levels.items() if ln < group.line and lv < level), default=1)
            below = []  # the levels of the headings after it, up to the next of its parent's level or above
            for line, other in sorted(levels.items()):
                if line > group.line:
                    if other <= parent:
                        break
                    below.append(other)
            for new_level in range(parent + 1, 7):
                # the headings after it stay under it, or beside it, as they were
                if new_level != level and all((other > level) == (other > new_level) for other in below):
                    forms[f"heading-level-{new_level}"] = f"{'#' * new_level} {name}"
            forms["heading-emoji"] = f"{'#' * level} {EMOJI} {name}"
            forms["heading-emoji-after"] = f"{'#' * level} {name} \u2728"
            if _in_people_section(page, group.line) and group.members:  # the label moves into the section above
                forms["bold-line"] = f"**{name}**"
                forms["label-colon"] = f"{name}:"
        else:
            forms["bold-line"] = f"**{name}**"
            forms["bold-colon-inside"] = f"**{name}:**"
            forms["bold-colon-after"] = f"**{name}**:"
            forms["label-colon"] = f"{name}:"
            forms["bold-emoji"] = f"**{EMOJI} {name}**"
            forms["heading-4"] = f"#### {name}"
        for form, written in forms.items():
            if written.rstrip() != text:
                new = page.replace(group.line, group.line, ["", written] if not heading else [written])
                yield Rewrite("labels", form, "\n".join(new), base, group.name)


def section_label_forms(page: Page, tally: Tally) -> Iterator[Rewrite]:
    """The heading of a section of another kind than the one above it ('## Sponsors' after the advisors, '##
    History') written as a bold line of its own, with or without a colon: the same sections."""
    base = shape(page.about)
    headings = _heading_levels(page)
    previous: str | None = None
    for line, _ in headings:
        title = _HEADING.match(page.lines[line - 1])
        assert title is not None
        kind = kind_by_title(title["title"])
        if kind is None or kind == "people" or kind == previous or previous is None or _SPECIAL.search(title["title"]):
            previous = kind if kind is not None else previous
            continue
        previous = kind
        tally.parts += 1
        name = title["title"]
        forms = {
            "bold-line": ["", f"**{name}**", ""],
            "bold-colon": ["", f"**{name}:**", ""],
            "bold-colon-after": ["", f"**{name}**:", ""],
            "bold-emoji": ["", f"**{EMOJI} {name}**", ""],
            "bold-over-its-text": ["", f"**{name}**"],  # no blank line: the paragraph below starts with it
            "bold-colon-over-its-text": ["", f"**{name}:**"],
        }
        for form, written in forms.items():
            yield Rewrite("section-labels", form, "\n".join(page.replace(line, line, written)), base, name)


# --- marks and their meanings -------------------------------------------------------------------------------------

MEANING = "Co-founders of the lab"
# Each mark as written after a name, and its legend (which a footnote may define in one word).
MARKS: dict[str, tuple[str, str, str]] = {
    "star": ("\\*", f'"\\*" denotes {MEANING}', MEANING),
    "dagger": ("\u2020", f"\u2020 {MEANING}.", MEANING),
    "double-dagger": ("\u2021", f"\u2021 denotes {MEANING}", MEANING),
    "section": ("\u00a7", f"\u00a7: {MEANING}", MEANING),
    "superscript": ("\u00b9", f"\u00b9 {MEANING}", MEANING),
    "superscripts": ("\u00b2\u00b3", f"\u00b2\u00b3 {MEANING}", MEANING),
    "footnote": ("[^1]", f"[^1]: {MEANING}.", MEANING),
    "footnote-one-word": ("[^cf]", "[^cf]: Co-founders.", "Co-founders"),
}


def mark_forms(page: Page, tally: Tally) -> Iterator[Rewrite]:
    """Every other member of a group marked, with the legend after the names or at the end of the page; the same
    page with the meaning written in parentheses after those names is what it must give."""
    for part in _member_parts(page, tally):
        group = part.group
        if any(m.notes for m in group.members) or len(group.members) < 2:
            continue
        marked = [i % 2 == 0 for i in range(len(group.members))]
        for form, (mark, legend, meaning) in MARKS.items():
            plain = ", ".join(
                _entry(m, notes=False) + (f" ({meaning})" if hit else "")
                for m, hit in zip(group.members, marked, strict=True)
            )
            expected = shape(loads("\n".join(part.replace(page, [plain]))))
            names = ", ".join(
                _entry(m, notes=False) + (mark if hit else "") for m, hit in zip(group.members, marked, strict=True)
            )
            after = part.replace(page, [names, "", legend, ""])
            yield Rewrite("marks", f"{form}-legend-after", "\n".join(after), expected, group.name)
            at_end = [*part.replace(page, [names]), "", legend]
            yield Rewrite("marks", f"{form}-legend-at-end", "\n".join(at_end), expected, group.name)
        yield from _paired_marks(page, part)


OTHER_MEANING = "Emeriti of the lab"
# Two marks, every member marked with one of them, both explained on one line.
PAIRED_MARKS: dict[str, tuple[str, str, str]] = {
    "daggers-one-line": ("\u2020", "\u2021", f"\u2020{MEANING}; \u2021{OTHER_MEANING}."),
    "superscripts-one-line": ("\u00b9", "\u00b2", f"\u00b9 {MEANING} \u00b2 {OTHER_MEANING}"),
    "html-sup": ("<sup>1</sup>", "<sup>2</sup>", f"<sup>1</sup> {MEANING} <sup>2</sup> {OTHER_MEANING}"),
    "html-sup-after-legend": ("<sup>1</sup>", "<sup>2</sup>", f"\u00b9 {MEANING}; \u00b2 {OTHER_MEANING}"),
}


def _paired_marks(page: Page, part: Part) -> Iterator[Rewrite]:
    members = part.group.members
    meanings = [MEANING if i % 2 == 0 else OTHER_MEANING for i in range(len(members))]
    plain = ", ".join(f"{_entry(m, notes=False)} ({meaning})" for m, meaning in zip(members, meanings, strict=True))
    expected = shape(loads("\n".join(part.replace(page, [plain]))))
    for form, (first, second, legend) in PAIRED_MARKS.items():
        names = ", ".join(_entry(m, notes=False) + (first if i % 2 == 0 else second) for i, m in enumerate(members))
        after = part.replace(page, [names, "", legend, ""])
        yield Rewrite("marks", f"{form}-legend-after", "\n".join(after), expected, part.group.name)


# --- sponsors -----------------------------------------------------------------------------------------------------

LOGO = "https://logos.example.org/{}.png"
SPONSOR_FORMS: dict[str, Callable[[list[Sponsor]], list[str] | None]] = {
    "comma": lambda ss: [", ".join(_entry(s) for s in ss)],
    "one-per-line": lambda ss: [_entry(s) for s in ss],
    "one-per-line-commas": lambda ss: [_entry(s) + ("," if i < len(ss) - 1 else "") for i, s in enumerate(ss)],
    "bullets": lambda ss: _blank([f"- {_entry(s)}" for s in ss]),
    "numbered": lambda ss: _blank([f"{i}. {_entry(s)}" for i, s in enumerate(ss, 1)]),
    "table-one-per-row": lambda ss: _blank(["| Sponsor |", "|---|", *(f"| {_entry(s)} |" for s in ss)]),
    "table-several-per-cell": lambda ss: _blank(
        ["| Sponsors |", "|---|", *(f"| {', '.join(_entry(s) for s in ss[i : i + 2])} |" for i in range(0, len(ss), 2))]
    ),
    "table-name-and-website": lambda ss: (
        None
        if any(len(s.notes) > 1 for s in ss)  # a cell is one note
        else _blank(
            [
                "| Company | Website | Tier |",
                "|---|---|---|",
                *(f"| {s.name} | {f'[site]({s.url})' if s.url else ''} | {''.join(s.notes)} |" for s in ss),
            ]
        )
    ),
    "linked-logos": lambda ss: (
        None
        if any(s.url is None for s in ss)
        else [", ".join(f"[![{s.name}]({LOGO.format(i)})]({s.url}){_notes(s)}" for i, s in enumerate(ss))]
    ),
    "linked-logos-alt-logo": lambda ss: (
        None
        if any(s.url is None for s in ss)
        else [", ".join(f"[![{s.name} logo]({LOGO.format(i)})]({s.url}){_notes(s)}" for i, s in enumerate(ss))]
    ),
    "bold-name-labelled-link": lambda ss: (
        None
        if any(s.url is None or s.notes for s in ss)
        else _blank([f"- **{s.name}** — [website]({s.url})" for s in ss])
    ),
    "name-homepage-in-parentheses": lambda ss: (
        None
        if any(s.url is None or s.notes for s in ss)
        else _blank([f"- **{s.name}** ([homepage]({s.url}))" for s in ss])
    ),
    "tier-lead": lambda ss: (
        None
        if len({s.notes for s in ss}) != 1 or len(ss[0].notes) != 1 or ":" in ss[0].notes[0]
        else [f"{ss[0].notes[0]}: " + ", ".join(_entry(s, notes=False) for s in ss)]
    ),
}


def sponsor_forms(page: Page, tally: Tally) -> Iterator[Rewrite]:
    base = shape(page.about)
    by_line: dict[int, list[Sponsor]] = {}
    for sponsor in page.about.sponsors:
        by_line.setdefault(sponsor.line, []).append(sponsor)
    runs: list[list[int]] = []
    for line in sorted(by_line):
        if runs and line == runs[-1][-1] + 1 and by_line[line][0].kind == by_line[runs[-1][-1]][0].kind:
            runs[-1].append(line)
        else:
            runs.append([line])
    for run in runs:
        sponsors = [s for line in run for s in by_line[line]]
        plain = page.replace(run[0], run[-1], [", ".join(_entry(s) for s in sponsors)])
        if not _writable(sponsors) or shape(loads("\n".join(plain))) != base:
            tally.skipped.append(f"sponsors on lines {run[0]}-{run[-1]}")
            continue
        tally.parts += 1
        for form, render in SPONSOR_FORMS.items():
            new = render(sponsors)
            if new is not None:
                text = "\n".join(page.replace(run[0], run[-1], new))
                yield Rewrite("sponsors", form, text, base, f"lines {run[0]}-{run[-1]}")


# --- dates --------------------------------------------------------------------------------------------------------

_MONTH_NAMES = "January February March April May June July August September October November December".split()
_SHORT = ("Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
_IN_MONTH = re.compile(r"\b(?P<word>[Ii]n) (?P<month>" + "|".join(_MONTH_NAMES) + r") (?P<year>(?:19|20)\d\d)\b")


def date_forms(page: Page, tally: Tally) -> Iterator[Rewrite]:
    """'in September 2024' as 'in Sept. 2024', 'in 2024-09', 'September 2024' (the same month), and 'on September 1,
    2024', 'on 1 September 2024', 'on 2024-09-01', '1 September 2024' (the same month, and the day)."""
    base = shape(page.about)
    for index, event in enumerate(page.about.history.events):
        if event.month is None:
            continue
        found = [(n, m) for n in range(event.line, event.line + 3) for m in _IN_MONTH.finditer(page.lines[n - 1])]
        if not found or len(found) > 1 or f"{found[0][1]['month']} {found[0][1]['year']}" not in event.text:
            tally.skipped.append(f"event on line {event.line}")
            continue
        tally.parts += 1
        line, match = found[0]
        month, year, word = match["month"], match["year"], match["word"]
        number = _MONTH_NAMES.index(month) + 1
        on = "On" if word == "In" else "on"
        forms = {
            "short-month": (f"{word} {_SHORT[number - 1]} {year}", None),
            "iso-month": (f"{word} {year}-{number:02d}", None),
            "month-day-year": (f"{on} {month} 1, {year}", 1),
            "day-month-year": (f"{on} 1 {month} {year}", 1),
            "ordinal-day": (f"{on} {month} 21st, {year}", 21),
            "iso-day": (f"{on} {year}-{number:02d}-09", 9),
            "month-year-no-word": (f"{month} {year}", None),
            "day-month-year-no-word": (f"1 {month} {year}", 1),
        }
        for form, (phrase, day) in forms.items():
            text = page.lines[line - 1]
            lines = [*page.lines]
            lines[line - 1] = text[: match.start()] + phrase + text[match.end() :]
            expected = _with_event(base, index, event.text.replace(match[0], phrase), day)
            yield Rewrite("dates", form, "\n".join(lines), expected, f"line {line}")


def _with_event(base: dict[str, Any], index: int, text: str, day: int | None) -> dict[str, Any]:
    events = [dict(e) for e in base["history"]["events"]]
    events[index].update(text=text, day=day)
    return {**base, "history": {**base["history"], "events": events}}


# --- statuses -----------------------------------------------------------------------------------------------------

STATUSES = ("active", "incubating", "archived", "sunset", "graduated")


def status_forms(page: Page, tally: Tally) -> Iterator[Rewrite]:
    """A project's link in a list item, its status any single word in parentheses after the link or inside it, or in
    square brackets after it; or the project's name, bold or plain, with its status, before a link that names
    nothing ('[GitHub](url)', '<url>')."""
    base = shape(page.about)
    for index, project in enumerate(page.about.history.projects):
        text = page.lines[project.line - 1]
        item = re.fullmatch(r"(?P<bullet>\s*[-*+] )\[(?P<label>[^\]]+)\]\((?P<url>[^)\s]+)\)(?P<rest>.*)", text)
        if item is None or project.url is None or _SPECIAL.search(project.name):
            tally.skipped.append(f"project {project.name!r}")
            continue
        rest = item["rest"].strip()
        if rest and not re.fullmatch(r"\((\w+)\)", rest):
            tally.skipped.append(f"project {project.name!r}")
            continue
        tally.parts += 1
        for status in STATUSES:
            forms = {
                f"after-{status}": f"{item['bullet']}[{project.name}]({item['url']}) ({status})",
                f"inside-{status}": f"{item['bullet']}[{project.name} ({status})]({item['url']})",
                f"square-{status}": f"{item['bullet']}[{project.name}]({item['url']}) [{status}]",
                f"bold-name-{status}": f"{item['bullet']}**{project.name}** ({status}): [GitHub]({item['url']})",
                f"plain-name-{status}": f"{item['bullet']}{project.name} ({status}) \u2014 <{item['url']}>",
            }
            projects = [dict(p) for p in base["history"]["projects"]]
            projects[index]["status"] = status
            expected = {**base, "history": {**base["history"], "projects": projects}}
            for form, line in forms.items():
                lines = [*page.lines]
                lines[project.line - 1] = line
                yield Rewrite("statuses", form, "\n".join(lines), expected, project.name)


# --- whitespace ---------------------------------------------------------------------------------------------------


def whitespace_forms(page: Page, tally: Tally) -> Iterator[Rewrite]:
    """Line endings, a byte order mark, trailing spaces and tabs, a tab after a list's bullet: nothing changes."""
    base = shape(page.about)
    tally.parts += 1
    body = _body_start(page)
    head, rest = page.lines[:body], page.lines[body:]
    text = page.text
    yield Rewrite("whitespace", "crlf", text.replace("\n", "\r\n"), base)
    yield Rewrite("whitespace", "bom", "\ufeff" + text, base)
    yield Rewrite("whitespace", "bom-crlf", "\ufeff" + text.replace("\n", "\r\n"), base)
    yield Rewrite("whitespace", "trailing-spaces", "\n".join([*head, *(line + "   " for line in rest)]), base)
    yield Rewrite("whitespace", "trailing-tabs", "\n".join([*head, *(line + "\t" for line in rest)]), base)
    # A tab after a bullet moves the item's content to the next tab stop: only items with nothing nested under them.
    tabbed = [
        line
        if rest[index + 1 : index + 2] and rest[index + 1][:1].isspace()
        else re.sub(r"^([-*+]) (?=\S)", "\\1\t", line)
        for index, line in enumerate(rest)
    ]
    yield Rewrite("whitespace", "tab-after-bullet", "\n".join([*head, *tabbed]), base)


FAMILIES: dict[str, Callable[[Page, Tally], Iterator[Rewrite]]] = {
    "people": people_forms,
    "labels": label_forms,
    "section-labels": section_label_forms,
    "marks": mark_forms,
    "sponsors": sponsor_forms,
    "dates": date_forms,
    "statuses": status_forms,
    "whitespace": whitespace_forms,
}


def check(page: Page, family: str) -> tuple[Tally, list[Rewrite], list[str]]:
    """Every rewrite of ``family`` on ``page``: the tally, the rewrites, and a message for each that gives another
    shape than it must."""
    tally = Tally()
    rewrites = list(FAMILIES[family](page, tally))
    failures = []
    for rewrite in rewrites:
        rewrite.about = loads(rewrite.text)
        got = shape(rewrite.about)
        if got != rewrite.expected:
            failures.append(
                f"{page.name}: {rewrite.family}/{rewrite.form} of {rewrite.where}: {_difference(got, rewrite.expected)}"
            )
    return tally, rewrites, failures


def _difference(got: dict[str, Any], expected: dict[str, Any]) -> str:
    """The first lines where the two shapes differ, as a unified diff of their JSON."""
    lines = difflib.unified_diff(
        json.dumps(expected, indent=1, ensure_ascii=False).splitlines(),
        json.dumps(got, indent=1, ensure_ascii=False).splitlines(),
        "expected",
        "got",
        n=2,
        lineterm="",
    )
    return "\n".join(list(lines)[:40])
