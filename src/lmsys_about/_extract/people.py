"""People: groups introduced by a heading or a bold label, their members, and 'Institutions' lists."""

from __future__ import annotations

import re
from functools import lru_cache

from .._read.blocks import Piece, Section, TextLine
from ._context import Context, Record
from ._text import Entry, legend, meanings, split_entries

ROLE_WORDS = (
    "member", "team", "director", "officer", "advisor", "adviser", "people", "faculty", "student",
    "contributor", "staff", "founder", "developer", "maintainer", "lead", "alumni", "fellow", "intern",
    "researcher", "organizer", "committee", "board", "emerit", "postdoc", "visitor", "collaborator",
)  # fmt: skip
INSTITUTION_WORDS = ("institution", "affiliation", "universit")
# Words that qualify a role without naming a project ("Student Team", "Project members").
_GENERIC_WORDS = frozenset(
    "student students faculty project projects core research founding current former past senior junior "
    "the our lmsys key main major other previous active and of".split()
)
# '(?<!\s)' enters a run of whitespace at its first character only, so a long run is scanned once (linear time).
_STATUS = re.compile(r"(?:(?<!\s)\s+)?\(([^()]*)\)\s*$")


_WORD = re.compile(r"[a-z]+")


@lru_cache(maxsize=1024)
def has_word(text: str, stems: tuple[str, ...]) -> bool:
    """True when a word of ``text`` starts with one of ``stems`` ('Advisors' has 'advisor')."""
    return any(word.startswith(stems) for word in _WORD.findall(text.lower()))


def project_of(label: str) -> str | None:
    """'SGLang' for 'SGLang', 'SGLang Team' or 'FlashInfer (graduated)'; None for 'Student Team'."""
    words = _STATUS.sub("", label).split()
    lead: list[str] = []
    for word in words:
        if has_word(word, ROLE_WORDS) or has_word(word, INSTITUTION_WORDS):
            break
        lead.append(word)
    if not lead or all(w.lower() in _GENERIC_WORDS for w in lead):
        return None
    return " ".join(lead)


class _Groups:
    """The groups of one section: a bold label opens a group; entries before any label go to the heading's."""

    def __init__(self, section: Section, ctx: Context) -> None:
        self.ctx = ctx
        heading = section.heading
        self.default = (section.title or "Members", heading.line if heading else None)
        self.current: Record | None = None
        self.names: set[str] = set()  # the current group's members, casefolded: a set keeps long lists linear
        self.institutions = False

    def open(self, name: str, project: str | None, line: int) -> None:
        self.institutions = has_word(name, INSTITUTION_WORDS) and not has_word(name, ROLE_WORDS)
        if self.institutions:
            self.current = None
            return
        self.current = {"name": name, "project": project, "members": [], "links": [], "line": line}
        self.names = set()
        self.ctx.groups.append(self.current)

    def group(self, line: int) -> Record:
        if self.current is None:
            name, heading_line = self.default
            self.open(name, project_of(name), heading_line or line)
            assert self.current is not None
        return self.current

    def add(self, entry: Entry) -> None:
        ctx = self.ctx
        notes = meanings(entry.marks, ctx.marks) if entry.marks else []
        for mark in dict.fromkeys(entry.marks):  # once per mark, however often it is repeated
            if mark not in ctx.marks.meanings:
                ctx.report(
                    "warning", "unexplained-mark", f"mark {mark!r} after {entry.name!r} has no legend", entry.line
                )
        if self.institutions:
            url = ctx.url(entry.link) if entry.link is not None else None
            if url is not None:  # an Institution has no URL: say so rather than drop it
                msg = f"link of institution {entry.name!r} ({url}) is not extracted"
                ctx.report("info", "unplaced-link", msg, entry.line)
            ctx.labelled_institutions.append({"name": entry.name, "notes": notes, "line": entry.line})
            return
        url = ctx.url(entry.link) if entry.link is not None else None
        group = self.group(entry.line)
        key = entry.name.casefold()
        if key in self.names:
            ctx.report(
                "warning", "duplicate-member", f"{entry.name!r} is listed twice in {group['name']!r}", entry.line
            )
            return
        self.names.add(key)
        group["members"].append({"name": entry.name, "url": url, "notes": notes, "line": entry.line})

    def add_link(self, piece: Piece) -> None:
        if self.current is None:
            self.ctx.link(piece)
            return
        url = self.ctx.url(piece)
        if url is None:
            self.ctx.unplaced("link", piece.text, piece.line)
        else:
            self.current["links"].append({"label": piece.text, "url": url, "line": piece.line})


def _label(text_line: TextLine) -> tuple[str, str | None, list[Piece]]:
    """A bold label at the start of a line: its name, its project, and the pieces after it."""
    first, rest = text_line.pieces[0], list(text_line.pieces[1:])
    strong = first.text.strip()
    colon = strong.endswith(":")
    strong = strong.rstrip(":").strip()
    suffix = ""
    if rest and rest[0].kind == "text":
        head = rest[0].text
        if ":" in head:
            suffix, _, after = head.partition(":")
            rest[0] = Piece("text", after, rest[0].line)
            colon = True
        elif len(rest) == 1 and "," not in head:
            suffix, rest = head, []
    name = " ".join(f"{strong} {suffix}".split()).rstrip(":").strip()
    # '**SGLang** major developers:' and '**FlashInfer**:' name a project; '**Emeriti**' alone does not.
    project = project_of(strong) if colon or suffix.strip() else None
    return name, project, rest


def extract_people(section: Section, ctx: Context) -> None:
    groups = _Groups(section, ctx)
    if has_word(section.title, INSTITUTION_WORDS) and not has_word(section.title, ROLE_WORDS):
        groups.institutions = True
    for block in section.blocks:
        for text_line in block.lines:
            if legend(text_line.text):
                for piece in text_line.links():  # the legend is read before extraction; its links are not
                    ctx.link(piece)
                continue
            rest, pieces = text_line, text_line.pieces
            if pieces and pieces[0].kind == "strong":
                name, project, pieces = _label(text_line)
                groups.open(name, project, text_line.line)
                rest = TextLine(text_line.line, pieces)
            if not rest.text.strip():  # a label on a line of its own
                continue
            split = split_entries(rest, ctx.marks)
            if split.is_list:  # links and names only, even a single name on its own line
                for entry in split.entries:
                    groups.add(entry)
                continue
            links = [p for p in pieces if p.kind in ("link", "image")]
            for piece in links:  # 'More information see [X GitHub](url)': the group's links
                groups.add_link(piece)
            if not links:
                what = "item" if block.kind == "item" else "text"
                ctx.unplaced(what, rest.text, text_line.line)
