"""Sections to results: recognise each section by what it says and contains, then run its extractor."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from .._read.blocks import Section
from .._urls import github_handle, platform_of
from ._context import Context, Record
from ._text import Marks, legend, split_entries
from .contact import extract_contact
from .history import extract_history, find_date
from .organization import extract_organization
from .people import INSTITUTION_WORDS, ROLE_WORDS, extract_people, has_word
from .sponsors import extract_sponsors

Extractor = Callable[[Section, Context], None]

# The first row whose words a heading has decides the section's kind ("Project members" is people).
_KINDS_BY_TITLE: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("contact", ("contact", "reach")),
    ("sponsors", ("sponsor", "supporter", "donor", "donation", "funding", "funder")),
    ("history", ("history", "timeline", "milestone")),
    ("people", INSTITUTION_WORDS),
    ("people", ROLE_WORDS),
    ("projects", ("project",)),
)

EXTRACTORS: dict[str, Extractor] = {
    "contact": extract_contact,
    "sponsors": extract_sponsors,
    "history": extract_history,
    "people": extract_people,
    "projects": extract_history,  # a projects section reads like the history: items are projects
}


def kind_of(section: Section, marks: Marks) -> str | None:
    """The section's kind from its heading, else from its content; None when neither says."""
    for kind, stems in _KINDS_BY_TITLE:
        if has_word(section.title, stems):
            return kind
    lines = [t for block in section.blocks for t in block.lines]
    urls = [p.url or "" for t in lines for p in t.links()]
    if urls and all(u.startswith("mailto:") or platform_of(u) != "web" for u in urls if u):
        return "contact"
    text = " ".join(t.text for t in lines).lower()
    if "api credit" in text or "sponsor" in text or "donat" in text:
        return "sponsors"
    if any(block.kind == "paragraph" and find_date(block.text) for block in section.blocks):
        return "history"
    if any(split.is_list and len(split.entries) >= 2 for split in (split_entries(t, marks) for t in lines)):
        return "people"
    return None


def _unknown(section: Section, ctx: Context) -> None:
    heading = section.heading
    assert heading is not None
    ctx.report("warning", "unknown-section", f"section {section.title!r} is not recognised", heading.line)
    for block in section.blocks:
        if block.kind == "item":
            ctx.unplaced("item", block.text, block.line)
        for text_line in block.lines:
            for piece in text_line.links():
                if ctx.url(piece) is not None or not (piece.url or "").strip():  # else reported as unsafe-url
                    ctx.unplaced("link", f"{piece.text} ({piece.url})", piece.line)


def _keep_text_blocks(section: Section, ctx: Context) -> None:
    """Report code, raw HTML and empty list items once, here, so that every extractor reads text only."""
    kept = []
    for block in section.blocks:
        if block.kind == "raw":
            ctx.unplaced("block", block.raw, block.line)
        elif not block.lines:
            ctx.unplaced("item", "(empty)", block.line)
        else:
            kept.append(block)
    section.blocks = kept


def extract(sections: Sequence[Section]) -> Context:
    ctx = Context()
    legends: dict[str, str] = {}
    for section in sections:
        for block in section.blocks:
            for text_line in block.lines:
                found = legend(text_line.text)
                if found:
                    legends.setdefault(*found)
    ctx.marks = Marks.of(legends)
    for section in sections:
        _keep_text_blocks(section, ctx)
    extract_organization(sections[0], ctx)
    for section in sections[1:]:
        assert section.heading is not None
        for text_line in section.heading.lines:  # a link in a heading is none of the section's values
            for piece in text_line.links():
                ctx.link(piece)
        kind = kind_of(section, ctx.marks)
        (EXTRACTORS[kind] if kind is not None else _unknown)(section, ctx)
    return ctx


def people(groups: Sequence[Record]) -> list[Record]:
    """Each person once, in order of first appearance, with every group they are in."""
    by_name: dict[str, Record] = {}  # records in the field order of Person: the json command prints them as they are
    # For people met again: their groups and notes as dicts used as ordered sets (lists would make a page that
    # lists one name in many groups quadratic). Most people are met once and never need them.
    seen: dict[str, tuple[dict[str, None], dict[str, None]]] = {}
    for group in groups:
        group_name = group["name"]
        for member in group["members"]:
            key = member["name"].casefold()
            person = by_name.get(key)
            if person is None:
                url, notes = member["url"], member["notes"]
                by_name[key] = {
                    "name": member["name"], "url": url, "github": github_handle(url), "groups": [group_name],
                    "notes": list(dict.fromkeys(notes)) if notes else [], "line": member["line"],
                }  # fmt: skip
                continue
            if person["url"] is None and member["url"] is not None:
                person["url"], person["github"] = member["url"], github_handle(member["url"])
            if key not in seen:
                seen[key] = (dict.fromkeys(person["groups"]), dict.fromkeys(person["notes"]))
            known_groups, known_notes = seen[key]
            if group_name not in known_groups:
                known_groups[group_name] = None
                person["groups"].append(group_name)
            for note in member["notes"]:
                if note not in known_notes:
                    known_notes[note] = None
                    person["notes"].append(note)
    return list(by_name.values())


def assemble(ctx: Context) -> dict[str, Any]:
    """The extracted parts of an About, as plain data, with the diagnostics of what is missing."""
    if ctx.organization.get("name") is None:
        ctx.report("warning", "no-organization", "no sentence names the organisation ('Name (Short) is ...')", None)
    if not ctx.groups:
        ctx.report("warning", "no-people", "no group of people was found", None)
    emails = [link["url"] for link in ctx.contact_links if link["platform"] == "email"]
    email = emails[0].partition(":")[2].partition("?")[0] if emails else (ctx.emails[0] if ctx.emails else None)
    institutions = ctx.labelled_institutions or ctx.founding_institutions
    ctx.diagnostics.sort(key=lambda d: d["line"] or 0)
    org = ctx.organization
    return {
        "organization": {key: org.get(key) for key in ("name", "short_name", "description", "mission", "line")},
        "groups": ctx.groups,
        "people": people(ctx.groups),
        "sponsors": ctx.sponsors,
        "donation_forms": ctx.donation_forms,
        "history": {"events": ctx.events, "institutions": institutions, "projects": ctx.projects},
        "contact": {"email": email, "links": ctx.contact_links},
        "links": ctx.links,
        "diagnostics": ctx.diagnostics,
    }


__all__ = ["EXTRACTORS", "assemble", "extract", "kind_of"]
