"""Changes to groups and people.

A person keeps their identity when their name (casefolded) stays, else when their URL stays: the first
gives 'URL changed', the second 'renamed'. People are matched first, across all groups; groups are then
matched by name, and what is left by membership: an old and a new group whose members overlap with a
Jaccard index of at least 0.5 are the same group, renamed (the highest overlap first). Membership is
compared through that matching, so a renamed group moves nobody. A person who left exactly one group and
joined exactly one other in the same diff 'moved'; any other combination is reported as joins and leaves.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterator, Sequence
from dataclasses import dataclass

from ..models import About, Group, Person
from .changes import Change, ChangeKind
from .matching import Matching, match, notes, prose, text_key, url_key
from .sections import name_and_url_changes

JACCARD_RENAMED = 0.5

Anchors = list[tuple[int, int]]  # (old line, new line) of matched things, to place removals in page order
GroupId = tuple[str, int]  # ('new', index) for a group of the new version, ('old', index) for a removed one


def _tokens(people: Sequence[Person], shared: dict[int, int], side: str) -> dict[str, Hashable]:
    """Each person's identity across both versions (the pair's index when matched), keyed the way the
    parser merges members: by casefolded name."""
    return {p.name.casefold(): shared.get(i, (side, i)) for i, p in enumerate(people)}


def _members(groups: Sequence[Group], tokens: dict[str, Hashable]) -> list[dict[Hashable, int]]:
    """For each group, its members' identities and the line where each stands."""
    return [{tokens[m.name.casefold()]: m.line for m in reversed(g.members)} for g in groups]


def _renamed(old: list[dict[Hashable, int]], new: list[dict[Hashable, int]], old_left: list[int],
             new_left: list[int]) -> list[tuple[int, int]]:  # fmt: skip
    """Pairs of unmatched groups whose members overlap enough, best overlap first."""
    where: dict[Hashable, list[int]] = {}
    for j in new_left:
        for token in new[j]:
            where.setdefault(token, []).append(j)
    scored = []
    for i in old_left:
        shared = Counter(j for token in old[i] for j in where.get(token, ()))
        for j, count in shared.items():
            jaccard = count / (len(old[i]) + len(new[j]) - count)
            if jaccard >= JACCARD_RENAMED:
                scored.append((-jaccard, i, j))
    pairs: list[tuple[int, int]] = []
    done_old: set[int] = set()
    done_new: set[int] = set()
    for _, i, j in sorted(scored):
        if i not in done_old and j not in done_new:
            done_old.add(i)
            done_new.add(j)
            pairs.append((i, j))
    return pairs


@dataclass(slots=True)
class _MatchedGroups:
    """Both versions' groups, matched, with their members' identities."""

    old: Sequence[Group]
    new: Sequence[Group]
    old_members: list[dict[Hashable, int]]
    new_members: list[dict[Hashable, int]]
    matching: Matching
    new_of: dict[int, int]  # old group index -> new group index, for matched groups
    old_of: dict[int, int]  # the reverse

    @classmethod
    def build(
        cls, old: About, new: About, old_tokens: dict[str, Hashable], new_tokens: dict[str, Hashable]
    ) -> _MatchedGroups:
        old_members = _members(old.groups, old_tokens)
        new_members = _members(new.groups, new_tokens)
        matching = match(old.groups, new.groups, lambda g: text_key(g.name))
        renamed = _renamed(old_members, new_members, matching.removed, matching.added)
        matching.pairs = sorted(matching.pairs + renamed, key=lambda pair: pair[1])
        new_of = dict(matching.pairs)
        old_of = {j: i for i, j in matching.pairs}
        matching.removed = [i for i in matching.removed if i not in new_of]
        matching.added = [j for j in matching.added if j not in old_of]
        return cls(old.groups, new.groups, old_members, new_members, matching, new_of, old_of)

    def memberships(self) -> tuple[dict[Hashable, list[GroupId]], dict[Hashable, list[GroupId]]]:
        """Each person's groups in both versions, named alike: a matched group by its new index."""
        before: dict[Hashable, list[GroupId]] = {}
        for i, members in enumerate(self.old_members):
            group: GroupId = ("new", self.new_of[i]) if i in self.new_of else ("old", i)
            for token in members:
                before.setdefault(token, []).append(group)
        after: dict[Hashable, list[GroupId]] = {}
        for j, members in enumerate(self.new_members):
            for token in members:
                after.setdefault(token, []).append(("new", j))
        return before, after

    def old_group(self, group: GroupId) -> tuple[Group, dict[Hashable, int]]:
        """The old version's group, and its members, behind an identity."""
        side, index = group
        i = index if side == "old" else self.old_of[index]
        return self.old[i], self.old_members[i]

    def new_group(self, group: GroupId) -> tuple[Group, dict[Hashable, int]]:
        """The new version's group, and its members, behind an identity of a group someone joined."""
        return self.new[group[1]], self.new_members[group[1]]


def diff_people(old: About, new: About, anchors: Anchors) -> Iterator[Change]:
    """Group changes, then person changes; in each, matched pairs in new page order, additions, removals."""
    people = match(old.people, new.people, lambda p: text_key(p.name), lambda p: url_key(p.url))
    old_tokens = _tokens(old.people, {i: k for k, (i, _) in enumerate(people.pairs)}, "old")
    new_tokens = _tokens(new.people, {j: k for k, (_, j) in enumerate(people.pairs)}, "new")
    groups = _MatchedGroups.build(old, new, old_tokens, new_tokens)
    yield from _group_changes(groups, anchors)
    before_groups, after_groups = groups.memberships()
    for k, (i, j) in sorted(enumerate(people.pairs), key=lambda item: item[1][1]):
        before, after = old.people[i], new.people[j]
        anchors.append((before.line, after.line))
        yield from _person_changes(before, after)
        left = [g for g in before_groups.get(k, []) if g not in after_groups.get(k, [])]
        joined = [g for g in after_groups.get(k, []) if g not in before_groups.get(k, [])]
        yield from _membership(k, before, after, left, joined, groups)
    for j in people.added:
        person = new.people[j]
        yield Change(kind=ChangeKind.PERSON_ADDED, name=person.name, new=", ".join(person.groups), new_line=person.line)
    for i in people.removed:
        person = old.people[i]
        groups_text = ", ".join(person.groups)
        yield Change(kind=ChangeKind.PERSON_REMOVED, name=person.name, old=groups_text, old_line=person.line)


def _membership(token: Hashable, before: Person, after: Person, left: list[GroupId], joined: list[GroupId],
                groups: _MatchedGroups) -> Iterator[Change]:  # fmt: skip
    if len(left) == 1 and len(joined) == 1:
        (old_group, old_members), (new_group, new_members) = groups.old_group(left[0]), groups.new_group(joined[0])
        yield Change(kind=ChangeKind.PERSON_MOVED, name=after.name, old=old_group.name, new=new_group.name,
                     old_line=old_members[token], new_line=new_members[token])  # fmt: skip
        return
    for group_id in joined:
        group, members = groups.new_group(group_id)
        yield Change(kind=ChangeKind.PERSON_JOINED_GROUP, name=after.name, new=group.name, new_line=members[token])
    for group_id in left:
        group, members = groups.old_group(group_id)
        yield Change(kind=ChangeKind.PERSON_LEFT_GROUP, name=after.name, old=group.name, old_line=members[token])


def _group_changes(groups: _MatchedGroups, anchors: Anchors) -> Iterator[Change]:
    for i, j in groups.matching.pairs:
        yield from _matched_group(groups.old[i], groups.new[j], anchors)
    for j in groups.matching.added:
        yield from _group_added(groups.new[j])
    for i in groups.matching.removed:
        yield from _group_removed(groups.old[i])


def _matched_group(before: Group, after: Group, anchors: Anchors) -> Iterator[Change]:
    anchors.append((before.line, after.line))
    if prose(before.name) != prose(after.name):
        yield Change(kind=ChangeKind.GROUP_RENAMED, name=after.name, old=before.name, new=after.name,
                     old_line=before.line, new_line=after.line)  # fmt: skip
    links = match(before.links, after.links, lambda link: url_key(link.url))
    for k in links.added:
        link = after.links[k]
        yield Change(kind=ChangeKind.GROUP_LINK_ADDED, name=after.name, new=link.url, new_line=link.line)
    for k in links.removed:
        link = before.links[k]
        yield Change(kind=ChangeKind.GROUP_LINK_REMOVED, name=after.name, old=link.url, old_line=link.line)


def _group_added(group: Group) -> Iterator[Change]:
    yield Change(kind=ChangeKind.GROUP_ADDED, name=group.name, new=group.name, new_line=group.line)
    for link in group.links:
        yield Change(kind=ChangeKind.GROUP_LINK_ADDED, name=group.name, new=link.url, new_line=link.line)


def _group_removed(group: Group) -> Iterator[Change]:
    yield Change(kind=ChangeKind.GROUP_REMOVED, name=group.name, old=group.name, old_line=group.line)
    for link in group.links:
        yield Change(kind=ChangeKind.GROUP_LINK_REMOVED, name=group.name, old=link.url, old_line=link.line)


def _person_changes(before: Person, after: Person) -> Iterator[Change]:
    yield from name_and_url_changes(before, after, (ChangeKind.PERSON_RENAMED, ChangeKind.PERSON_URL_CHANGED))
    if notes(before.notes) != notes(after.notes):
        yield Change(kind=ChangeKind.PERSON_NOTES_CHANGED, name=after.name, old=notes(before.notes),
                     new=notes(after.notes), old_line=before.line, new_line=after.line)  # fmt: skip
