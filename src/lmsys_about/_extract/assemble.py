"""A filled :class:`Context` to the plain data of an About: people merged across groups, what is missing reported."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .._urls import github_handle
from ._context import Context, Record


def merge_people(groups: Sequence[Record]) -> list[Record]:
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
        "people": merge_people(ctx.groups),
        "sponsors": ctx.sponsors,
        "donation_forms": ctx.donation_forms,
        "history": {"events": ctx.events, "institutions": institutions, "projects": ctx.projects},
        "contact": {"email": email, "links": ctx.contact_links},
        "links": ctx.links,
        "diagnostics": ctx.diagnostics,
    }
