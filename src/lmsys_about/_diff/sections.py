"""Changes to everything but people: organisation, front matter, sponsors, history, contact and links.

Identities: a sponsor by name (the same kind first), else by URL; a donation form by name; an institution
by name, else by a close spelling (a similarity of at least 0.85, as 'UC Bekreley' and 'UC Berkeley'); an
event by its sentence, else by its month, else by its year; a project by name, else by URL; a contact link
by URL, else by platform; a link in running text by URL, else by its text. The texts of contact links
and of links in running text are not compared: the target is what counts.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from typing import Protocol, TypeVar

from pydantic import JsonValue

from ..models import About, Event, Organization
from .changes import Change, ChangeKind
from .matching import Matching, match, notes, pair_similar, prose, text_key, url_key

Anchors = list[tuple[int, int]]
T = TypeVar("T")


def _added_and_removed(
    matching: Matching,
    old_items: Sequence[T],
    new_items: Sequence[T],
    kinds: tuple[ChangeKind, ChangeKind],
    describe: Callable[[T], tuple[str, str | None, int | None]],
) -> Iterator[Change]:
    """The things only in the new version, then those only in the old; ``describe`` gives name, value, line."""
    added, removed = kinds
    for j in matching.added:
        name, value, line = describe(new_items[j])
        yield Change(kind=added, name=name, new=value, new_line=line)
    for i in matching.removed:
        name, value, line = describe(old_items[i])
        yield Change(kind=removed, name=name, old=value, old_line=line)


class _Named(Protocol):
    """A person, sponsor or project: a name and a URL on a line."""

    @property
    def name(self) -> str: ...
    @property
    def url(self) -> str | None: ...
    @property
    def line(self) -> int: ...


def name_and_url_changes(before: _Named, after: _Named, kinds: tuple[ChangeKind, ChangeKind]) -> Iterator[Change]:
    """A matched thing's new name (compared as prose), then its new URL; ``kinds``: renamed, URL changed."""
    renamed, url_changed = kinds
    lines = {"old_line": before.line, "new_line": after.line}
    if prose(before.name) != prose(after.name):
        yield Change(kind=renamed, name=after.name, old=before.name, new=after.name, **lines)
    if before.url != after.url:
        yield Change(kind=url_changed, name=after.name, old=before.url, new=after.url, **lines)


def diff_front_matter(old: About, new: About, anchors: Anchors) -> Iterator[Change]:
    keys = list(old.front_matter) + [key for key in new.front_matter if key not in old.front_matter]
    for key in keys:
        before, after = old.front_matter.get(key), new.front_matter.get(key)
        if before != after:
            yield Change(kind=ChangeKind.FRONT_MATTER_CHANGED, name=key, old=_shown(before), new=_shown(after))


def _shown(value: JsonValue) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _rest_of_introduction(org: Organization) -> str | None:
    """The introduction without the name, short name and mission, which have changes of their own."""
    text = " ".join(org.description.split())
    for part in (org.mission, org.name, org.short_name):
        if part:
            text = text.replace(" ".join(part.split()), " ")
    return prose(text)


def diff_organization(old: About, new: About, anchors: Anchors) -> Iterator[Change]:
    before, after = old.organization, new.organization
    lines = {"old_line": before.line, "new_line": after.line}
    if before.line is not None and after.line is not None:
        anchors.append((before.line, after.line))
    fields = (
        (ChangeKind.ORGANIZATION_NAME_CHANGED, "name", before.name, after.name),
        (ChangeKind.ORGANIZATION_SHORT_NAME_CHANGED, "short_name", before.short_name, after.short_name),
        (ChangeKind.ORGANIZATION_MISSION_CHANGED, "mission", before.mission, after.mission),
    )
    for kind, name, old_value, new_value in fields:
        if prose(old_value) != prose(new_value):
            yield Change(kind=kind, name=name, old=old_value, new=new_value, **lines)
    if _rest_of_introduction(before) != _rest_of_introduction(after):
        yield Change(kind=ChangeKind.ORGANIZATION_DESCRIPTION_CHANGED, name="description",
                     old=before.description or None, new=after.description or None, **lines)  # fmt: skip


def diff_sponsors(old: About, new: About, anchors: Anchors) -> Iterator[Change]:
    matching = match(
        old.sponsors,
        new.sponsors,
        lambda s: (text_key(s.name), s.kind),
        lambda s: text_key(s.name),
        lambda s: url_key(s.url),
    )
    for i, j in sorted(matching.pairs, key=lambda pair: pair[1]):
        before, after = old.sponsors[i], new.sponsors[j]
        anchors.append((before.line, after.line))
        yield from name_and_url_changes(before, after, (ChangeKind.SPONSOR_RENAMED, ChangeKind.SPONSOR_URL_CHANGED))
        if before.kind != after.kind:
            yield Change(kind=ChangeKind.SPONSOR_KIND_CHANGED, name=after.name, old=before.kind, new=after.kind,
                         old_line=before.line, new_line=after.line)  # fmt: skip
        if notes(before.notes) != notes(after.notes):  # a tier, '(GPUs)', a mark's meaning
            yield Change(kind=ChangeKind.SPONSOR_NOTES_CHANGED, name=after.name, old=notes(before.notes),
                         new=notes(after.notes), old_line=before.line, new_line=after.line)  # fmt: skip
    kinds = (ChangeKind.SPONSOR_ADDED, ChangeKind.SPONSOR_REMOVED)
    yield from _added_and_removed(matching, old.sponsors, new.sponsors, kinds, lambda s: (s.name, s.kind, s.line))


def diff_donation_forms(old: About, new: About, anchors: Anchors) -> Iterator[Change]:
    matching = match(old.donation_forms, new.donation_forms, text_key)
    kinds = (ChangeKind.DONATION_FORM_ADDED, ChangeKind.DONATION_FORM_REMOVED)
    yield from _added_and_removed(matching, old.donation_forms, new.donation_forms, kinds, lambda f: (f, f, None))


def _date(event: Event) -> str:
    """'2024', '2024-09' or '2024-09-01': as much of the date as the sentence gives."""
    if event.month is None:
        return str(event.year)
    return f"{event.year}-{event.month:02d}" + (f"-{event.day:02d}" if event.day is not None else "")


def diff_events(old: About, new: About, anchors: Anchors) -> Iterator[Change]:
    old_events, new_events = old.history.events, new.history.events
    matching = match(old_events, new_events, lambda e: text_key(e.text), lambda e: (e.year, e.month), lambda e: e.year)
    for i, j in sorted(matching.pairs, key=lambda pair: pair[1]):
        before, after = old_events[i], new_events[j]
        anchors.append((before.line, after.line))
        if prose(before.text) != prose(after.text):
            yield Change(kind=ChangeKind.EVENT_CHANGED, name=_date(after), old=before.text, new=after.text,
                         old_line=before.line, new_line=after.line)  # fmt: skip
    kinds = (ChangeKind.EVENT_ADDED, ChangeKind.EVENT_REMOVED)
    yield from _added_and_removed(matching, old_events, new_events, kinds, lambda e: (_date(e), e.text, e.line))


def diff_institutions(old: About, new: About, anchors: Anchors) -> Iterator[Change]:
    old_items, new_items = old.history.institutions, new.history.institutions
    matching = match(old_items, new_items, lambda i: text_key(i.name))
    pair_similar(matching, [i.name for i in old_items], [i.name for i in new_items])
    for i, j in sorted(matching.pairs, key=lambda pair: pair[1]):
        before, after = old_items[i], new_items[j]
        anchors.append((before.line, after.line))
        lines = {"old_line": before.line, "new_line": after.line}
        if prose(before.name) != prose(after.name):
            yield Change(kind=ChangeKind.INSTITUTION_RENAMED, name=after.name, old=before.name, new=after.name, **lines)
        if notes(before.notes) != notes(after.notes):
            yield Change(kind=ChangeKind.INSTITUTION_NOTES_CHANGED, name=after.name, old=notes(before.notes),
                         new=notes(after.notes), **lines)  # fmt: skip
    kinds = (ChangeKind.INSTITUTION_ADDED, ChangeKind.INSTITUTION_REMOVED)
    yield from _added_and_removed(matching, old_items, new_items, kinds, lambda i: (i.name, i.name, i.line))


def diff_projects(old: About, new: About, anchors: Anchors) -> Iterator[Change]:
    old_items, new_items = old.history.projects, new.history.projects
    matching = match(old_items, new_items, lambda p: text_key(p.name), lambda p: url_key(p.url))
    for i, j in sorted(matching.pairs, key=lambda pair: pair[1]):
        before, after = old_items[i], new_items[j]
        anchors.append((before.line, after.line))
        yield from name_and_url_changes(before, after, (ChangeKind.PROJECT_RENAMED, ChangeKind.PROJECT_URL_CHANGED))
        if prose(before.status) != prose(after.status):
            yield Change(kind=ChangeKind.PROJECT_STATUS_CHANGED, name=after.name, old=before.status,
                         new=after.status, old_line=before.line, new_line=after.line)  # fmt: skip
    kinds = (ChangeKind.PROJECT_ADDED, ChangeKind.PROJECT_REMOVED)
    yield from _added_and_removed(matching, old_items, new_items, kinds, lambda p: (p.name, p.url, p.line))


def diff_contact(old: About, new: About, anchors: Anchors) -> Iterator[Change]:
    old_links, new_links = old.contact.links, new.contact.links
    matching = match(old_links, new_links, lambda c: url_key(c.url), lambda c: c.platform)
    changed_email = False
    for i, j in sorted(matching.pairs, key=lambda pair: pair[1]):
        before, after = old_links[i], new_links[j]
        anchors.append((before.line, after.line))
        if before.url != after.url:
            changed_email = changed_email or after.platform == "email"
            yield Change(kind=ChangeKind.CONTACT_CHANGED, name=after.platform, old=before.url, new=after.url,
                         old_line=before.line, new_line=after.line)  # fmt: skip
    for j in matching.added:
        link = new_links[j]
        changed_email = changed_email or link.platform == "email"
        yield Change(kind=ChangeKind.CONTACT_ADDED, name=link.platform, new=link.url, new_line=link.line)
    for i in matching.removed:
        link = old_links[i]
        changed_email = changed_email or link.platform == "email"
        yield Change(kind=ChangeKind.CONTACT_REMOVED, name=link.platform, old=link.url, old_line=link.line)
    # The address is derived from the first mailto link, or a mailto link elsewhere on the page: report it
    # only when no change of an email link already says so.
    if old.contact.email != new.contact.email and not changed_email:
        yield Change(kind=ChangeKind.CONTACT_CHANGED, name="email address", old=old.contact.email,
                     new=new.contact.email)  # fmt: skip


def diff_links(old: About, new: About, anchors: Anchors) -> Iterator[Change]:
    matching = match(old.links, new.links, lambda link: url_key(link.url), lambda link: text_key(link.label))
    for i, j in sorted(matching.pairs, key=lambda pair: pair[1]):
        before, after = old.links[i], new.links[j]
        anchors.append((before.line, after.line))
        if before.url != after.url:
            yield Change(kind=ChangeKind.LINK_CHANGED, name=after.label, old=before.url, new=after.url,
                         old_line=before.line, new_line=after.line)  # fmt: skip
    kinds = (ChangeKind.LINK_ADDED, ChangeKind.LINK_REMOVED)
    yield from _added_and_removed(matching, old.links, new.links, kinds, lambda k: (k.label, k.url, k.line))
