"""A filled :class:`Context` to the plain data of an About: people merged across groups, what is missing reported."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .._urls import github_handle
from ._context import Context, Record


def merge_people(groups: Sequence[Record]) -> list[Record]:
    """Each person once, in order of first appearance, with every group they are in.

    A person's groups and notes are tuples, as in :class:`~lmsys_about.models.Person`: the people of a group who
    are in no other share one tuple of its name, and those without notes the one empty tuple.
    """
    by_name: dict[str, Record] = {}  # records in the field order of Person: the json command prints them as they are
    # For people met again: their groups and notes as dicts used as ordered sets (adding to tuples would make a page
    # that lists one name in many groups quadratic), made tuples again at the end. Most people are met once.
    seen: dict[str, tuple[dict[str, None], dict[str, None]]] = {}
    for group in groups:
        group_name = group["name"]
        only_this_group = (group_name,)
        for member in group["members"]:
            key = member["name"].casefold()
            person = by_name.get(key)
            if person is None:
                url, notes = member["url"], member["notes"]
                by_name[key] = {
                    "name": member["name"], "url": url, "github": github_handle(url), "groups": only_this_group,
                    "notes": tuple(dict.fromkeys(notes)) if len(notes) > 1 else notes, "line": member["line"],
                }  # fmt: skip
                continue
            if person["url"] is None and member["url"] is not None:
                person["url"], person["github"] = member["url"], github_handle(member["url"])
            if key not in seen:
                seen[key] = (dict.fromkeys(person["groups"]), dict.fromkeys(person["notes"]))
            known_groups, known_notes = seen[key]
            known_groups[group_name] = None
            known_notes.update(dict.fromkeys(member["notes"]))
    for key, (known_groups, known_notes) in seen.items():
        by_name[key]["groups"], by_name[key]["notes"] = tuple(known_groups), tuple(known_notes)
    return list(by_name.values())


def drop_repeated_sponsors(ctx: Context) -> None:
    """A sponsor listed again with the same kind is a ``duplicate-sponsor`` warning at the repeat, which is
    dropped, as a member listed twice in one group is."""
    first_lines: dict[tuple[str, str], int] = {}
    kept = []
    for sponsor in ctx.sponsors:
        key = (sponsor["name"].casefold(), sponsor["kind"])
        if key in first_lines:
            msg = f"{sponsor['name']!r} is listed twice among the sponsors (first on line {first_lines[key]})"
            ctx.report("warning", "duplicate-sponsor", msg, sponsor["line"])
        else:
            first_lines[key] = sponsor["line"]
            kept.append(sponsor)
    ctx.sponsors = kept


def assemble(ctx: Context) -> dict[str, Any]:
    """The extracted parts of an About, as plain data, with the diagnostics of what is missing."""
    if ctx.organization.get("name") is None:
        ctx.report("warning", "no-organization", "no sentence names the organisation ('Name (Short) is ...')", None)
    if not ctx.groups:
        ctx.report("warning", "no-people", "no group of people was found", None)
    drop_repeated_sponsors(ctx)
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
