"""Who was on the page when: the versions of a page turned into stints, one per person (or sponsor) and group.

A stint is an unbroken run of versions that list someone in one group (a sponsor under one kind): it starts
with the first of them and ends with the version that no longer lists them there, the one that dropped
them, or is still going at the last version. Someone in two groups at once has two stints side by side;
someone who moves has one that ends where the next begins; someone who leaves and comes back has two in the
same group. A version that cannot be read or does not parse tells nothing about who was listed, so it
neither ends nor starts a stint. People are the same person when their casefolded names are equal, as the
parser merges members, or when the diff reports a rename (same link, new name); sponsors likewise. A group
renamed (as the diff reports it) stays one group, its names and the versions that renamed it kept in order.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from .._diff.changes import ChangeKind
from ..models import About
from .walk import Version


@dataclass(frozen=True, slots=True)
class Mark:
    """A version: its commit and author date."""

    commit: str
    date: datetime


@dataclass(frozen=True, slots=True)
class Stint:
    """An unbroken run of versions that list someone in one group."""

    group: int  # index into Timeline.groups (people) or Timeline.kinds (sponsors)
    group_name: str  # the group's name in the last version of the stint
    first: Mark  # the first version that lists them there
    last: Mark  # the last one
    dropped: Mark | None  # the next good version, which no longer lists them there; None while they are listed


@dataclass(frozen=True, slots=True)
class Row:
    """One person or sponsor across the history."""

    name: str  # as the last version that lists them writes it
    stints: tuple[Stint, ...]  # by the version that started them, oldest first

    @property
    def group(self) -> int:
        """The group the row is drawn under: the first one that listed them."""
        return self.stints[0].group


@dataclass(frozen=True, slots=True)
class Group:
    """A group (or a sponsors' kind) across renames."""

    names: tuple[str, ...]  # every name it had, oldest first
    renamed: tuple[Mark, ...]  # the version that gave each later name, one per names[1:]

    @property
    def name(self) -> str:
        return self.names[-1]


@dataclass(frozen=True, slots=True)
class Timeline:
    """The rows of a page's history, its groups and the versions they come from."""

    people: tuple[Row, ...]  # in order of first appearance
    sponsors: tuple[Row, ...]
    groups: tuple[Group, ...]  # the people's groups, in order of first appearance
    kinds: tuple[Group, ...]  # the sponsors' kinds
    versions: tuple[Mark, ...]  # every version that parses, oldest first
    changed: tuple[Mark, ...]  # the versions among them that changed something


@dataclass(slots=True)
class _Groups:
    """Group identities while the versions go by: a casefolded name to its group, renames followed."""

    rename: ChangeKind | None
    names: list[list[str]] = field(default_factory=list)
    renamed: list[list[Mark]] = field(default_factory=list)
    by_name: dict[str, int] = field(default_factory=dict)

    def follow(self, mark: Mark, version: Version) -> None:
        for change in version.changes:
            old = change.old.casefold() if change.old is not None else None
            if change.kind is self.rename and old in self.by_name and change.new is not None:
                group = self.by_name.pop(old)
                self.by_name[change.new.casefold()] = group
                self.names[group].append(change.new)
                self.renamed[group].append(mark)

    def id(self, name: str) -> int:
        group = self.by_name.setdefault(name.casefold(), len(self.names))
        if group == len(self.names):
            self.names.append([name])
            self.renamed.append([])
        return group

    def frozen(self) -> tuple[Group, ...]:
        return tuple(Group(tuple(n), tuple(r)) for n, r in zip(self.names, self.renamed, strict=True))


@dataclass(slots=True)
class _Open:
    group: int
    group_name: str
    first: Mark
    last: Mark


@dataclass(slots=True)
class _Rows:
    """The rows of one kind (people or sponsors) while the versions go by."""

    rename: ChangeKind  # the change that carries a row over to a new name
    groups: _Groups
    names: list[str] = field(default_factory=list)
    stints: list[list[Stint | _Open]] = field(default_factory=list)
    row_of: dict[str, int] = field(default_factory=dict)  # casefolded name -> row
    open: dict[tuple[int, int], int] = field(default_factory=dict)  # (row, group) -> index in stints[row]

    def step(self, mark: Mark, version: Version, listed: Iterable[tuple[str, Sequence[str]]]) -> None:
        """Extend or start the stints of those ``listed`` by the version; it drops the others."""
        for change in version.changes:
            if change.kind is self.rename and change.old is not None and change.old.casefold() in self.row_of:
                self.row_of[change.name.casefold()] = self.row_of.pop(change.old.casefold())
        now: dict[tuple[int, int], int] = {}
        for name, group_names in listed:
            row = self.row_of.setdefault(name.casefold(), len(self.names))
            if row == len(self.names):
                self.names.append(name)
                self.stints.append([])
            self.names[row] = name
            for group_name in group_names:
                key = (row, self.groups.id(group_name))
                if key in now:
                    continue
                index = self.open.get(key)
                if index is None:
                    index = len(self.stints[row])
                    self.stints[row].append(_Open(key[1], group_name, mark, mark))
                stint = self.stints[row][index]
                assert isinstance(stint, _Open)
                stint.last, stint.group_name = mark, group_name
                now[key] = index
        for (row, _), index in self.open.items() - now.items():
            stint = self.stints[row][index]
            assert isinstance(stint, _Open)
            self.stints[row][index] = Stint(stint.group, stint.group_name, stint.first, stint.last, mark)
        self.open = now

    def rows(self) -> tuple[Row, ...]:
        def frozen(stint: Stint | _Open) -> Stint:
            if isinstance(stint, Stint):
                return stint
            return Stint(stint.group, stint.group_name, stint.first, stint.last, None)

        return tuple(
            Row(name, tuple(frozen(stint) for stint in stints))
            for name, stints in zip(self.names, self.stints, strict=True)
        )


def _people(about: About) -> list[tuple[str, Sequence[str]]]:
    # A person listed without a group (a page with no headings) is drawn under an unnamed one.
    return [(person.name, person.groups or ("",)) for person in about.people]


def _sponsors(about: About) -> list[tuple[str, Sequence[str]]]:
    return [(sponsor.name, [sponsor.kind]) for sponsor in about.sponsors]


def timeline(versions: Iterable[Version]) -> Timeline:
    """The rows, groups and versions of ``versions`` (as ``walk`` yields them, oldest first)."""
    groups, kinds = _Groups(ChangeKind.GROUP_RENAMED), _Groups(None)
    people = _Rows(ChangeKind.PERSON_RENAMED, groups)
    sponsors = _Rows(ChangeKind.SPONSOR_RENAMED, kinds)
    marks: list[Mark] = []
    changed: list[Mark] = []
    for version in versions:
        if version.about is None:
            continue
        mark = Mark(version.commit, datetime.fromisoformat(version.date))
        marks.append(mark)
        if version.changes:
            changed.append(mark)
        groups.follow(mark, version)
        people.step(mark, version, _people(version.about))
        sponsors.step(mark, version, _sponsors(version.about))
    return Timeline(people.rows(), sponsors.rows(), groups.frozen(), kinds.frozen(), tuple(marks), tuple(changed))
