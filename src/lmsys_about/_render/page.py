"""An About to the Markdown of its page, part by part, in the layout of the bundled page.

Each part of the page has a writer (front matter, organisation, groups, sponsors, history, contact) that
returns its sections as text; ``WRITERS`` lists them in page order. What several parts share is decided
first, in a :class:`Plan`: the marks that stand for notes and their legend, which links of running text go
into which sentence, and which events the introduction already states.

The connecting sentences (what the sponsors give, the lead-in and close of the projects, how to reach each
contact) are the bundled page's own wording: the model keeps what the page lists, not how it introduces it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .._extract._text import DEFAULT_MARKS, NO_MARKS, SUPERSCRIPTS
from .._extract.classify import kind_of
from .._extract.labels import INSTITUTION_WORDS, ROLE_WORDS, has_word, project_of
from .._read.blocks import Block, Piece, Section, TextLine
from ..errors import RenderError
from ..models import About, Group, Link
from .markdown import escape_heading, escape_inline, escape_line, link

# Groups longer than this are written one member a line, as the bundled page writes its long group; sponsors
# stand on one line whatever their number, as there.
LONG_GROUP = 8
# A name written without a link needs nothing escaped and reads as a name: capitalised words, no separator.
_PLAIN_NAME = re.compile(r"[A-Z][A-Za-z'\u2019-]*\.?(?: [A-Z][A-Za-z'\u2019-]*\.?){0,5}")
# Marks for notes beyond the default ones, single characters that CommonMark and the legend read as marks.
_MORE_MARKS = "¶#+^~%@$=|"
# Where a sentence ends, as the extractors cut sentences, when one space follows it.
_SENTENCE_END = re.compile(r"[.!?] (?=[A-Z0-9\"“'(\[])")
_ENDS_SENTENCE = re.compile(r"[.!?]$")
_STARTS_SENTENCE = re.compile(r"^[A-Z0-9\"“'(\[]")

DONORS = "LMSYS is supported by donations from the following institutions:"
API_CREDITS = (
    "We also thank the following companies which provide API credits to serve their models on Chatbot Arena "
    "(graduated):"
)
DONATIONS = "We welcome diverse forms of donations and sponsorships, including but not limited to {forms}."
DONATION_CONTACT = "Please contact us at {link}."
PROJECTS_LEAD = "It became well-known for its impactful flagship projects, including:"
PROJECTS_CLOSE = (
    "These projects feature open models with millions of downloads, crowdsourced platforms with millions of "
    "users, and efficient systems that are orders of magnitude faster."
)
MORE_LINKS = "More information see {links}"
CONTACT_PHRASES = {"email": "Email us at", "discord": "Join us on", "slack": "Join us on", "x": "Follow us on"}
CONTACT_PHRASE = "Find us at"

Segment = tuple[str, Link | None]  # plain text, or a link whose label is the text


@dataclass
class Plan:
    """What the writers share, decided before any of them runs."""

    marks: dict[str, str] = field(default_factory=dict)  # note -> the mark that stands for it
    legend: list[str] = field(default_factory=list)  # legend lines, for the first people section
    intro: list[list[list[Segment]]] = field(default_factory=list)  # paragraphs of lines of segments
    forms_stated: bool = False  # the introduction says the forms of donation itself
    donation_link: Link | None = None
    history_events: list[list[Segment]] = field(default_factory=list)  # events the introduction does not state
    more_links: list[Link] = field(default_factory=list)  # running links that fit in no sentence
    institutions: bool = False  # write the institutions as a labelled list
    legend_written: bool = False


def _marks(about: About, plan: Plan) -> None:
    """A mark for each note: a mark the page left unexplained (a default mark or a superscript digit, which need no
    legend to be read as marks) stands for itself; other notes get a free mark and a legend line."""
    notes = [note for group in about.groups for member in group.members for note in member.notes]
    notes += [note for institution in about.history.institutions for note in institution.notes]
    names = [m.name for g in about.groups for m in g.members] + [s.name for s in about.sponsors]
    names += [i.name for i in about.history.institutions]
    edges = {name[:1] for name in names} | {name[-1:] for name in names}
    distinct = list(dict.fromkeys(notes))
    bare = {note for note in distinct if note in DEFAULT_MARKS or note in SUPERSCRIPTS}
    free = [m for m in (*sorted(DEFAULT_MARKS - bare, key="*†‡§".index), *_MORE_MARKS) if m not in edges]
    for note in distinct:
        if note in bare:
            plan.marks[note] = note
            continue
        if not free:
            raise RenderError(f"no mark is left for the note {note!r}", field="groups.members.notes")
        mark = free.pop(0)
        plan.marks[note] = mark
        meaning = note + "." if note.endswith(".") else note  # the legend's reader drops one final period
        plan.legend.append(f'"{escape_inline(mark)}" denotes {escape_inline(meaning)}')


def _with_marks(text: str, notes: Sequence[str], plan: Plan) -> str:
    return text + "".join(escape_inline(plan.marks[note]) for note in notes)


def _place(texts: Sequence[str], links: Sequence[Link], start: int) -> tuple[list[list[Segment]], int]:
    """Put ``links[start:]``, in order, where their labels stand in ``texts``; return the segments and the next link."""
    placed: list[list[Segment]] = []
    index = start
    for text in texts:
        segments: list[Segment] = []
        cursor = 0
        while index < len(links) and links[index].label:
            found = text.find(links[index].label, cursor)
            if found < 0:
                break
            if found > cursor:
                segments.append((text[cursor:found], None))
            segments.append((links[index].label, links[index]))
            cursor = found + len(links[index].label)
            index += 1
        if cursor < len(text) or not segments:
            segments.append((text[cursor:], None))
        placed.append(segments)
    return placed, index


def _lines_of(paragraph: str) -> list[str]:
    """The paragraph's first sentence on a line of its own, the rest on the next, as the bundled page has it."""
    end = _SENTENCE_END.search(paragraph)
    return [paragraph] if end is None else [paragraph[: end.start() + 1], paragraph[end.end() :]]


def _states_forms(description: str | None, forms: Sequence[str]) -> bool:
    """True when the introduction says the forms of donation itself ('..., including cash, GPUs and cloud
    credits.'): they are read from it again, and the sponsors section does not say them twice."""
    return bool(description and forms and "includ" in description and all(form in description for form in forms))


def _writes_forms(about: About, plan: Plan) -> bool:
    return bool(about.donation_forms) and not plan.forms_stated


def plan(about: About, *, institutions: bool) -> Plan:
    result = Plan(institutions=institutions)
    _marks(about, result)
    links = about.links
    description = about.organization.description
    paragraphs = description.split("\n\n") if description else []
    index = 0
    for paragraph in paragraphs:
        lines, index = _place(_lines_of(paragraph), links, index)
        result.intro.append(lines)
    result.forms_stated = _states_forms(description, about.donation_forms)
    if _writes_forms(about, result) and index < len(links) and links[index].url.lower().startswith("mailto:"):
        result.donation_link = links[index]
        index += 1
    events = about.history.events
    stated = 0  # the events the introduction states come first, and stay there
    while stated < len(events) and events[stated].text in description:
        stated += 1
    result.history_events, index = _place([e.text for e in events[stated:]], links, index)
    result.more_links = list(links[index:])
    return result


def _line(segments: Sequence[Segment]) -> str:
    parts = []
    for position, (text, target) in enumerate(segments):
        if target is not None:
            parts.append(link(target.label, target.url))
        else:
            parts.append(escape_line(text) if position == 0 else escape_inline(text))
    return "".join(parts)


def _section(level: int, title: str, blocks: Sequence[str]) -> str:
    """A heading and its blocks: the first block right under the heading, blank lines between the others."""
    heading = f"{'#' * level} {escape_heading(title)}"
    return "\n".join([heading, "\n\n".join(blocks)]) if blocks else heading


def _front_matter(about: About, plan: Plan) -> list[str]:
    if not about.front_matter and any(d.code == "no-front-matter" for d in about.diagnostics):
        return []
    # JSON is YAML: a double-quoted scalar reads back as the string written, whatever it holds.
    lines = [f"{_key(key)}: {json.dumps(value, ensure_ascii=False)}" for key, value in about.front_matter.items()]
    return ["\n".join(["---", *lines, "---"])]


def _key(key: str) -> str:
    """A key unquoted where YAML reads it as itself ('title', as the bundled page writes it), else quoted."""
    return key if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_-]*", key) else json.dumps(key, ensure_ascii=False)


def _organization(about: About, plan: Plan) -> list[str]:
    return ["\n".join(_line(line) for line in paragraph) for paragraph in plan.intro]


def _entry(name: str, url: str | None, notes: Sequence[str], plan: Plan, *, bare: bool = True) -> str:
    text = name if bare and url is None and _PLAIN_NAME.fullmatch(name) else link(name, url)
    return _with_marks(text, notes, plan)


def _listing(entries: Sequence[str], *, wrap: bool = True) -> str:
    """Entries separated by commas: on one line, or one a line when the list is long and may wrap."""
    return (",\n" if wrap and len(entries) > LONG_GROUP else ", ").join(entries)


def _title_kind(title: str) -> str | None:
    """The kind the extractors give a section with this heading, from its words alone."""
    return kind_of(Section(Block("heading", 1, [TextLine(1, [Piece("text", title, 1)])])), NO_MARKS)


def _as_heading(group: Group) -> bool:
    """A group the page can introduce with a heading of its name: one the extractors read as people, with members."""
    return (
        bool(group.members)
        and _title_kind(group.name) == "people"
        and has_word(group.name, ROLE_WORDS)
        and group.project is None  # a heading alone names no project: a project's team goes under a bold label
    )


def _group_blocks(group: Group, plan: Plan) -> list[str]:
    blocks = []
    if group.members:
        blocks.append(_listing([_entry(m.name, m.url, m.notes, plan) for m in group.members]))
    if group.links:
        blocks.append(MORE_LINKS.format(links=", ".join(link(x.label, x.url) for x in group.links)))
    return ["\n".join(blocks)] if blocks else []


def _label(group: Group, index: int) -> str:
    """A bold label that opens ``group`` inside a section of people."""
    if has_word(group.name, INSTITUTION_WORDS) and not has_word(group.name, ROLE_WORDS):
        msg = f"a group named {group.name!r} reads as a list of institutions"
        raise RenderError(msg, field=f"groups[{index}].name")
    label = f"**{escape_inline(group.name)}**"
    if group.project is None:
        return label
    if project_of(group.name) == group.project:
        return label + ":"
    rest = group.name.removeprefix(group.project + " ")
    if rest != group.name and project_of(group.project) == group.project:  # '**SGLang** major developers:'
        return f"**{escape_inline(group.project)}** {escape_inline(rest)}:"
    msg = f"the project {group.project!r} does not follow from the group's name {group.name!r}"
    raise RenderError(msg, field=f"groups[{index}].project")


def _legend_first(blocks: list[str], plan: Plan) -> list[str]:
    if plan.legend and not plan.legend_written:
        plan.legend_written = True
        return ["\n".join(plan.legend), *blocks]
    return blocks


def _groups(about: About, plan: Plan) -> list[str]:
    sections: list[str] = []
    labelled: list[str] = []  # groups under bold labels, waiting for their heading
    title = "Members"  # 'Project members' over the labels of projects' teams, which name their projects there
    for index, group in enumerate(about.groups):
        wanted = "Members" if group.project is None else "Project members"
        if labelled and (_as_heading(group) or wanted != title):
            sections.append(_section(3, title, _legend_first(labelled, plan)))
            labelled = []
        if _as_heading(group):
            level = 4 if has_word(group.name, ("advisor", "adviser")) else 3
            sections.append(_section(level, group.name, _legend_first(_group_blocks(group, plan), plan)))
        else:
            title = wanted
            labelled.append("\n".join([_label(group, index), *_group_blocks(group, plan)]))
    if labelled:
        sections.append(_section(3, title, _legend_first(labelled, plan)))
    institutions = about.history.institutions
    if plan.institutions and institutions:
        names = [_entry(i.name, None, i.notes, plan) for i in institutions]
        sections.append(_section(4, "Institutions", _legend_first([_listing(names)], plan)))
    return sections


def _forms(forms: Sequence[str]) -> str:
    """'a', 'a and b', 'a, b and c': the series the sponsors' reader splits back into its items."""
    items = [escape_inline(form) for form in forms]
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _sponsors(about: About, plan: Plan) -> list[str]:
    blocks: list[str] = []
    runs: list[tuple[str, list[str]]] = []
    for sponsor in about.sponsors:
        entry = link(sponsor.name, sponsor.url) + "".join(f" ({escape_inline(note)})" for note in sponsor.notes)
        if runs and runs[-1][0] == sponsor.kind:
            runs[-1][1].append(entry)
        else:
            runs.append((sponsor.kind, [entry]))
    for kind, entries in runs:
        if kind == "donor":
            blocks += [DONORS, _listing(entries, wrap=False)]
        else:
            blocks.append(f"{API_CREDITS}\n{_listing(entries, wrap=False)}")
    if _writes_forms(about, plan):
        sentence = DONATIONS.format(forms=_forms(about.donation_forms))
        if plan.donation_link is not None:
            target = plan.donation_link
            sentence += " " + DONATION_CONTACT.format(link=link(target.label, target.url))
        blocks.append(sentence)
    return [_section(2, "Sponsors and Supporters", blocks)] if blocks else []


def _history(about: About, plan: Plan) -> list[str]:
    paragraphs: list[list[str]] = [[]]
    previous = ""
    lines = [("".join(text for text, _ in line), _line(line)) for line in plan.history_events]
    projects = about.history.projects
    if projects:
        lines.append((PROJECTS_LEAD, PROJECTS_LEAD))
    for plain, written in lines:
        # A sentence on the next line must be cut from the one before where the reader cuts sentences.
        if previous and not (_ENDS_SENTENCE.search(previous) and _STARTS_SENTENCE.match(plain)):
            paragraphs.append([])
        paragraphs[-1].append(written)
        previous = plain
    blocks = ["\n".join(p) for p in paragraphs if p]
    if projects:
        items = []
        for project in projects:
            text = project.name if project.status is None else f"{project.name} ({project.status})"
            items.append(f"- {link(text, project.url)}")
        blocks += ["\n".join(items), PROJECTS_CLOSE]
    if plan.more_links:
        blocks.append(MORE_LINKS.format(links=", ".join(link(x.label, x.url) for x in plan.more_links)))
    return [_section(3, "History", blocks)] if blocks else []


def _contact(about: About, plan: Plan) -> list[str]:
    items = [
        f"- {CONTACT_PHRASES.get(c.platform, CONTACT_PHRASE)} {link(c.label, c.url)}." for c in about.contact.links
    ]
    return [_section(3, "Contact us", ["\n".join(items)])] if items else []


Writer = Callable[[About, Plan], list[str]]

# The parts of the page in the order the bundled page has them.
WRITERS: tuple[tuple[str, Writer], ...] = (
    ("front_matter", _front_matter),
    ("organization", _organization),
    ("groups", _groups),
    ("sponsors", _sponsors),
    ("history", _history),
    ("contact", _contact),
)


def write(about: About, *, institutions: bool) -> str:
    """The page of ``about``; ``institutions`` writes the institutions as a labelled list of their own."""
    shared = plan(about, institutions=institutions)
    sections = [section for _, writer in WRITERS for section in writer(about, shared)]
    return "\n\n".join(sections) + "\n"
