"""People: groups introduced by a heading or a bold label, their members, and 'Institutions' lists."""

from __future__ import annotations

from dataclasses import dataclass

from .._read.blocks import Block, Piece, Section, TextLine
from .._urls import github_handle
from ._context import Context, Record
from ._text import legends, split_status
from .entries import Entry, Split, is_link_label, split_entries, split_lead, unbolded
from .labels import (
    INSTITUTION_WORDS,
    ROLE_WORDS,
    before_reference,
    clean_label,
    has_word,
    is_plain_label,
    is_remark,
    label_of,
    project_of,
)
from .names import doubt, doubtful_message, split_reference


class _Groups:
    """The groups of one section: a bold label opens a group; entries before any label go to the heading's."""

    def __init__(self, default: tuple[str, int | None], ctx: Context) -> None:
        self.ctx = ctx
        self.default = default
        self.current: Record | None = None
        self.names: set[str] = set()  # the current group's members, casefolded: a set keeps long lists linear
        self.institutions = False
        self.nested: int | None = None  # the level of the list item that opened the current group, if one did
        self.of_projects = has_word(default[0], ("project",))  # '## Members of flagship projects'

    def open(self, name: str, project: str | None, line: int, *, marked: bool = False) -> None:
        """Open the group ``name``. Its label names ``project`` when it gives the project a status ('**X**
        (graduated)'), sets it apart from a role ('**X** major developers', ``marked``), or stands in a section of
        projects; else only once the page lists that project (see finish_people): '## Engineering' is no project."""
        name = clean_label(name)  # '### 🎓 Advisors' is the group 'Advisors'
        self.institutions = has_word(name, INSTITUTION_WORDS) and not has_word(name, ROLE_WORDS)
        self.nested = None
        if self.institutions:
            self.current = None
            return
        status = split_status(name)[1]
        named = project is not None and (status is not None or marked or self.of_projects)
        self.current = {"name": name, "project": project if named else None, "members": [], "links": [], "line": line}
        self.names = set()
        self.ctx.groups.append(self.current)
        if project is not None and not named:
            self.ctx.project_candidates.append((self.current, project))
        elif project is not None and status is not None:  # a project, unless people follow
            self.ctx.project_labels.append((self.current, status))

    def group(self, line: int) -> Record:
        if self.current is None:
            name, heading_line = self.default
            self.open(name, project_of(name), heading_line or line)
            assert self.current is not None
        return self.current

    def _notes(self, entry: Entry) -> tuple[str, ...]:
        """The entry's notes: its marks' meanings (a mark without a legend is reported), then its own."""
        if not entry.marks:  # most entries: no mark, and their own notes only
            return tuple(entry.notes)  # most have none: the one empty tuple
        ctx = self.ctx
        for mark in dict.fromkeys(entry.marks):  # once per mark, however often it is repeated
            if mark not in ctx.marks.meanings:
                ctx.report(
                    "warning", "unexplained-mark", f"mark {mark!r} after {entry.name!r} has no legend", entry.line
                )
        return (*ctx.notes_of(entry.marks), *entry.notes)

    def add(self, entry: Entry) -> None:
        ctx = self.ctx
        if self.current is None and not self.institutions:  # back to the heading's group, which may list institutions
            name = self.default[0]
            self.institutions = has_word(name, INSTITUTION_WORDS) and not has_word(name, ROLE_WORDS)
        if self.institutions:
            url = ctx.url(entry.link) if entry.link is not None else None
            if url is not None:  # an Institution has no URL: say so rather than drop it
                msg = f"link of institution {entry.name!r} ({url}) is not extracted"
                ctx.report("info", "unplaced-link", msg, entry.line)
            ctx.labelled_institutions.append({"name": entry.name, "notes": self._notes(entry), "line": entry.line})
            return
        found = self._doubt(entry)
        if found is not None:  # not a person (its marks with it): its link stays a link, and the maintainer is told
            ctx.report("warning", "doubtful-name", doubtful_message(entry.name, "person", *found), entry.line)
            for piece in (entry.link, *entry.more) if entry.link is not None else entry.more:
                self.add_link(piece)
            return
        reported = len(ctx.diagnostics)
        notes = self._notes(entry) if entry.marks else tuple(entry.notes)  # most entries: no mark, and no note
        unexplained = ctx.diagnostics[reported:]  # its marks without a legend
        url = ctx.url(entry.link) if entry.link is not None else None
        group = self.current if self.current is not None else self.group(entry.line)
        key = entry.name.casefold()
        if key in self.names:
            ctx.report(
                "warning", "duplicate-member", f"{entry.name!r} is listed twice in {group['name']!r}", entry.line
            )
            return
        self.names.add(key)
        member = {"name": entry.name, "url": url, "notes": notes, "line": entry.line}
        group["members"].append(member)
        if unexplained:
            ctx.mark_findings.append((member, unexplained))
        for piece in entry.more:  # '[GitHub](url) · [Scholar](url)' after the first: the group's links
            self.add_link(piece)
            handle = github_handle(piece.url)
            if handle is not None and "github" not in member:  # and a GitHub profile, the person's handle
                member["github"] = handle

    def _doubt(self, entry: Entry) -> tuple[str, str] | None:
        """The name rule the entry fails as a person of the current group (named like its project, say)."""
        project = self.current["project"] if self.current is not None else None
        return doubt(entry.name, "person", (project.casefold(),) if project else ())

    def plausible(self, entry: Entry) -> bool:
        return self._doubt(entry) is None

    def add_link(self, piece: Piece) -> None:
        if self.current is None:
            self.ctx.link(piece)
            return
        url = self.ctx.url(piece)
        if url is None:
            self.ctx.unplaced("link", piece.text, piece.line)
        else:
            self.current["links"].append({"label": piece.text, "url": url, "line": piece.line})

    def read(self, text_line: TextLine, block: Block) -> None:
        """One line of a group: a label, entries, a reference sentence, or text that is none of these."""
        ctx = self.ctx
        if legends(text_line.text):
            for piece in text_line.links():  # the legend is read before extraction; its links are not
                ctx.link(piece)
            return
        rest = text_line
        project_label = False
        if [piece.kind for piece in rest.pieces].count("strong") > 1 and not split_lead(rest):
            # '**Lianmin Zheng**, **Ying Sheng**': names in bold, not a label
            rest = TextLine(
                text_line.line, [Piece("text", p.text, p.line) if p.kind == "strong" else p for p in rest.pieces]
            )
        elif rest.pieces and rest.pieces[0].kind == "strong" and self._bold_name(rest, block):
            # '- **Ada Lovelace** — [homepage](url)', '- **Ada Lovelace**': a name in bold, not a group's label
            rest = unbolded(rest)
        elif rest.pieces and rest.pieces[0].kind == "strong":
            name, project, pieces, marked = label_of(text_line)
            after = TextLine(text_line.line, pieces)
            if is_remark(name, after, ctx):  # '**Note:** listed in alphabetical order.': no group
                ctx.unplaced("text", text_line.text, text_line.line)
                return
            if (lead := split_lead(after)) is not None and is_plain_label(lead[0].strip()):
                # '**Note:** Emeritus advisors: [Cy](url).': the bold word is a remark on the label that follows it
                ctx.unplaced("text", rest.pieces[0].text, text_line.line)
                self.read(after, block)
                return
            self.open(name, project, text_line.line, marked=marked)
            rest = after
            project_label = bool(ctx.project_labels) and ctx.project_labels[-1][0] is self.current
        elif (
            (lead := split_lead(rest)) is not None
            and is_plain_label(lead[0])
            and not _only_labelled_links(lead[1].pieces)  # 'Ada Lovelace: [GitHub](url)' is no group
            and _names(split_entries(before_reference(lead[1]), ctx.marks))
        ):  # 'Advisors: [Ada](url), [Grace](url)'
            name = " ".join(lead[0].rstrip(":").split())
            self.open(name, project_of(name), text_line.line)
            rest = lead[1]
        elif len(rest.pieces) == 1 and rest.pieces[0].kind == "text" and _label_alone(rest.text):
            name = " ".join(rest.text.split()).rstrip(":").rstrip()  # 'Advisors:' on its own line, names below
            self.open(name, project_of(name), text_line.line)
            return
        reference = split_reference(rest)
        if reference is not None:  # 'See [site](url)': its links are the group's links, never members
            rest, cited = reference
            for piece in cited:
                if piece.kind in ("link", "image"):
                    self.add_link(piece)
            if not any(piece.kind in ("link", "image") for piece in cited):
                ctx.unplaced("text", "".join(p.text for p in cited), text_line.line)
        if not rest.text.strip():  # a label on a line of its own
            return
        split = split_entries(rest, ctx.marks)
        if split.is_list:  # links and names only, even a single name on its own line
            if project_label and not any(self.plausible(entry) for entry in split.entries):
                for entry in split.entries:  # '**Chatbot Arena** (graduated): [lmarena.ai](url)': the project's
                    if entry.link is not None:
                        self.add_link(entry.link)
                    else:
                        ctx.unplaced("text", entry.name, entry.line)
                return
            entries = split.entries
            if _one_word_alone(entries) and (entries[0].notes or rest.text.rstrip().endswith((".", "!", "?"))):
                # 'Questions (see below).', 'We (thanks).': one word alone on its line, said of or ending as a sentence,
                # may be any word, not a name ('Ada' alone, or 'Ada*', is a name)
                reason = "one word alone on its line may be a word, not a name"
                ctx.report(
                    "warning",
                    "doubtful-name",
                    doubtful_message(entries[0].name, "person", "alone", reason),
                    entries[0].line,
                )
                return
            if block.kind == "item" and len(entries) > 1 and entries[0].link and not any(e.link for e in entries[1:]):
                # '- [Ada](url), UC Berkeley': an item lists one person, and the text after the link says more of them
                entries[0].notes.extend(entry.name for entry in entries[1:])
                entries = entries[:1]
            elif block.kind == "item" and len(entries) == 2 and not self.plausible(entries[1]):
                entries[0].notes.append(entries[1].name)  # '- Eric P. Xing, MBZUAI': where he is, not a second person
                entries[0].notes.extend(entries[1].notes)
                if entries[0].link is None and entries[1].link is not None and is_link_label(entries[1].link):
                    entries[0].link = entries[1].link  # '- Ada, UC Berkeley — [homepage](url)': her homepage
                    entries[0].more.extend(entries[1].more)
                entries = entries[:1]
            for entry in entries:
                self.add(entry)
            return
        for piece in rest.pieces:  # 'Our team includes [Ada](url) and others.': the group's links, not members
            if piece.kind in ("link", "image"):
                self.add_link(piece)
        ctx.unplaced("item" if block.kind == "item" else "text", rest.text, text_line.line)

    def _bold_name(self, line: TextLine, block: Block) -> bool:
        """A bold text that is a person's name, not a label: followed by labelled links ('**Ada** — [homepage](url)',
        with notes before them: '**Ada** (President) — [GitHub](url)'), or in a list item alone or with its notes (an
        item that has none under it labels nothing: its siblings are not its members); and a name by the rules, with
        no word of a role or an institution."""
        bold = " ".join(line.pieces[0].text.split())
        line = before_reference(line)  # '**Ada** — [homepage](url). See [site](url)'
        rest = line.pieces[1:]
        if not rest and block.kind != "item":
            return False
        if rest and not _only_labelled_links(rest):
            labelled = any(is_link_label(p) for p in rest)
            if not (labelled or block.kind == "item") or any(p.kind == "link" and not is_link_label(p) for p in rest):
                return False
            split = split_entries(unbolded(line), self.ctx.marks)
            names = [entry.name for entry in split.entries]
            # its notes and link only; in an item, also where it is ('- **Ada**, UC Berkeley — [homepage](url)')
            said = block.kind == "item" and len(names) == 2 and not self.plausible(split.entries[1])
            if not split.is_list or names[:1] != [bold] or (len(names) > 1 and not said):
                return False
        if bold.endswith(":") or has_word(bold, ROLE_WORDS) or has_word(bold, INSTITUTION_WORDS):
            return False
        return split_status(bold)[1] is None and doubt(bold, "person") is None

    def open_item(self, block: Block) -> None:
        """A list item with items under it: it names their group ('- SGLang' over its team)."""
        first = block.lines[0]
        marked = False
        if first.pieces and first.pieces[0].kind == "strong":
            name, project, _, marked = label_of(first)
        else:
            name = " ".join(first.text.split()).rstrip(":").strip()
            project = project_of(name)
        self.open(name, project, block.line, marked=marked)
        self.nested = block.level
        for piece in first.links():
            self.add_link(piece)
        for text_line in block.lines[1:]:  # the item's other lines: a reference, or names after all
            self.read(text_line, block)

    def read_row(self, block: Block, columns: Columns | None) -> None:
        """A table row: one person from its name cell, their link and notes from the other cells."""
        ctx = self.ctx
        row_text = " | ".join(cell.text.strip() for cell in block.lines)
        name_cell = block.lines[columns.name] if columns is not None and columns.name < len(block.lines) else None
        split = split_entries(name_cell, ctx.marks) if name_cell is not None else None
        if columns is None or split is None or not split.is_list or len(split.entries) != 1:
            ctx.unplaced("row", row_text, block.line)  # the whole row, never a half-read person
            return
        entry = split.entries[0]
        for index, cell in enumerate(block.lines):
            if index == columns.name:
                continue
            links = list(cell.links())
            if index in columns.links and links and entry.link is None:
                entry.link, links = links[0], links[1:]
            if index in columns.links:  # '[homepage](url), [GitHub](url)': the person's other links
                entry.more.extend(links)
                links = []
            elif index not in columns.links and not links and any(char.isalnum() for char in cell.text):
                entry.notes.append(" ".join(cell.text.split()))  # a cell of '—' or '-' says nothing
            for piece in links:
                self.add_link(piece)
        self.add(entry)


def _one_word_alone(entries: list[Entry]) -> bool:
    """One plain word, no link: 'Thanks (see below).' as much as 'Ada'; too little to tell a name from a word."""
    return len(entries) == 1 and entries[0].link is None and len(entries[0].name.split()) == 1


def _names(split: Split) -> bool:
    """A list after a lead that holds a name: 'Note: We (see below).' opens no group."""
    return split.is_list and not _one_word_alone(split.entries) and any(doubt(e.name) is None for e in split.entries)


def _label_alone(text: str) -> bool:
    """'Advisors:' on a line of its own: a label, as a bold line is, for the names on the lines after it."""
    text = text.strip()
    return text.endswith(":") and is_plain_label(text) and not text[:-1].rstrip().endswith(":")


def _only_labelled_links(pieces: list[Piece]) -> bool:
    """Labelled links ('[homepage](url)', '[GitHub](url)') and the separators between them, and nothing else."""
    found = False
    for piece in pieces:
        if is_link_label(piece):
            found = True
        elif piece.kind != "text" or piece.text.strip(" \t-\u2013\u2014:|\u00b7\u2022(),;/"):
            return False
    return found


@dataclass(frozen=True, slots=True)
class Columns:
    """Which cells of a table's rows hold the name, and which hold links; the others hold notes."""

    name: int
    links: frozenset[int]


_NAME_HEADERS = ("name", "member", "person", "people", "who")
_LINK_HEADERS = ("link", "url", "homepage", "home page", "website", "web", "page", "site", "profile")


def columns_of(head: Block) -> Columns | None:
    """The columns of a people table from its header row; None when no column holds names."""
    titles = [cell.text.strip().lower() for cell in head.lines]
    names = [i for i, title in enumerate(titles) if title.startswith(_NAME_HEADERS)]
    if not names:
        return None
    links = frozenset(i for i, title in enumerate(titles) if title.startswith(_LINK_HEADERS))
    return Columns(names[0], links)


def _said_under(blocks: list[Block], index: int, ctx: Context) -> list[Block]:
    """The items right under the item at ``index`` when they say what the one person it names is ('- Director, UC
    Berkeley', '- Advisor'): no links and no name among them; else none (they are a team: '- SGLang' over its
    people)."""
    parent = blocks[index]
    split = split_entries(parent.lines[0], ctx.marks) if parent.lines else None
    if split is None or not split.is_list or len(split.entries) != 1 or doubt(split.entries[0].name) is not None:
        return []
    found = []
    for block in blocks[index + 1 :]:
        if block.kind != "item" or block.level <= parent.level:
            break
        if block.level > parent.level + 1 or any(True for line in block.lines for _ in line.links()):
            return []
        for line in block.lines:
            if any(doubt(entry.name) is None for entry in split_entries(line, ctx.marks).entries):
                return []
        found.append(block)
    return found


def _is_parent(blocks: list[Block], index: int) -> bool:
    block = blocks[index]
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    return block.kind == "item" and following is not None and following.kind == "item" and following.level > block.level


def extract_people(section: Section, ctx: Context) -> None:
    heading = section.heading
    groups = _Groups((section.title or "Members", heading.line if heading else None), ctx)
    if has_word(section.title, INSTITUTION_WORDS) and not has_word(section.title, ROLE_WORDS):
        groups.institutions = True
    columns: Columns | None = None
    blocks = section.blocks
    said: list[Block] = []  # the items under a person's item that say what the person is
    for index, block in enumerate(blocks):
        if block.kind == "head":
            columns = columns_of(block)
            if columns is None or any(True for cell in block.lines for _ in cell.links()):
                # no header of a people table ('| Ada\\* | Director | [homepage](url) |' first): its cells, whole
                ctx.unplaced("row", " | ".join(cell.text.strip() for cell in block.lines), block.line)
            continue
        if block.kind == "row":
            groups.read_row(block, columns)
            continue
        if said and block is said[0]:
            said.pop(0)
            continue
        if _is_parent(blocks, index):
            said = _said_under(blocks, index, ctx)
            if not said:
                groups.open_item(block)
                continue
            count = len(groups.current["members"]) if groups.current is not None else 0
            for text_line in block.lines:
                groups.read(text_line, block)
            members = groups.current["members"] if groups.current is not None else []
            if len(members) == count + 1:  # '1. [Ada](url)' over '- Director, UC Berkeley': her notes
                note = tuple(" ".join(item.text.split()) for item in said)
                members[-1]["notes"] = (*members[-1]["notes"], *note)
                ctx.read_lines.update(item.line for item in said)
            else:  # no one person above them: each is read as it would be on its own
                said = []
            continue
        if groups.nested is not None and (block.kind != "item" or block.level <= groups.nested):
            groups.current, groups.nested = None, None  # the nested list is over: back to the heading's group
        # The block is read once, here: each line is let go as soon as it is read, so that the lines of a long list
        # and the records made of them are not all alive at once (they were most of a large page's peak memory).
        lines, block.lines = block.lines, []
        lines.reverse()
        while lines:
            groups.read(lines.pop(), block)


def extract_team(project: Record, blocks: list[Block], ctx: Context) -> None:
    """The team listed under a project's list item: a group named after the project."""
    groups = _Groups((project["name"], project["line"]), ctx)
    groups.open(project["name"], project["name"], project["line"], marked=True)
    for block in blocks:
        for text_line in block.lines:
            groups.read(text_line, block)


def finish_people(ctx: Context) -> None:
    """Once the whole page is read: no member named as one of its projects or sponsors; a project label
    ('**Chatbot Arena** (graduated): See ...') with no people under it is one of the page's projects."""
    listed = {p["name"].casefold() for p in ctx.projects}
    for group, project in ctx.project_candidates:  # '**Vicuna**' over its team, where the page lists Vicuna
        if project.casefold() in listed:
            group["project"] = project
    known = listed | {s["name"].casefold() for s in ctx.sponsors}
    known |= {g["project"].casefold() for g in ctx.groups if g["project"]}
    # The page's institutions are no people either: '- Eric P. Xing, MBZUAI' lists where he is, not a second person.
    known |= {i["name"].casefold() for i in (*ctx.founding_institutions, *ctx.labelled_institutions)}
    dropped: list[Record] = []
    for group in ctx.groups:
        if not any(m["name"].casefold() in known for m in group["members"]):
            continue
        kept = []
        for member in group["members"]:
            found = doubt(member["name"], "person", known)
            if found is None:
                kept.append(member)
                continue
            dropped.append(member)
            message = doubtful_message(member["name"], "person", *found)
            ctx.report("warning", "doubtful-name", message, member["line"])
            if member["url"] is not None:
                group["links"].append({"label": member["name"], "url": member["url"], "line": member["line"]})
        group["members"] = kept
    # A name that is no person takes its marks with it, as when add() finds it so: their findings go.
    gone = {id(member) for member in dropped}
    unsaid = {id(finding) for member, found in ctx.mark_findings if id(member) in gone for finding in found}
    if unsaid:
        ctx.diagnostics = [d for d in ctx.diagnostics if id(d) not in unsaid]
    listed = {p["name"].casefold() for p in ctx.projects}
    emptied = []  # a project label with no people under it is no group: the project it names
    for group, status in ctx.project_labels:
        if group["members"]:
            continue
        emptied.append(group)
        links = group["links"]
        if group["project"].casefold() not in listed:
            # its link, if on its line: a link on a line below ('  - See [blog](url)') stays a link of that line
            own = bool(links) and links[0]["line"] == group["line"]
            url = links[0]["url"] if own else None
            ctx.projects.append({"name": group["project"], "url": url, "status": status, "line": group["line"]})
            listed.add(group["project"].casefold())
            links = links[1:] if own else links
        ctx.links.extend(links)
    if emptied:
        ctx.groups = [group for group in ctx.groups if not any(group is empty for empty in emptied)]
    ctx.projects.sort(key=lambda project: project["line"])
