"""Who was on the page when: the versions of a page turned into spans of time, one row per person or sponsor.

A row is one person (or sponsor) across the history. Its spans run from the first to the last version that
lists them without a break: someone who leaves and comes back has two spans on one row. A version that
does not parse (or is absent, as after a deletion) tells nothing about who was listed, so it neither ends
nor starts a span. People are the same person when their casefolded names are equal, as the parser merges
members, or when the diff reports a rename (same link, new name); sponsors likewise.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from .._diff.changes import ChangeKind
from ..models import About
from .walk import Version


@dataclass(frozen=True, slots=True)
class Span:
    """An unbroken run of versions that list someone."""

    start: datetime  # date of the first version of the run
    end: datetime  # date of the last version of the run (the same as start for a single version)
    groups: tuple[str, ...]  # groups listing a person during the run, first seen first; a sponsor's kinds
    # (date, group) at the start and at each version whose first group listing them differs from the last
    # one's: a member who becomes an alumnus stays on one run, in two phases.
    phases: tuple[tuple[datetime, str], ...]


@dataclass(frozen=True, slots=True)
class Row:
    """One person or sponsor across the history."""

    name: str  # as the last version that lists them writes it
    spans: tuple[Span, ...]  # oldest first, never overlapping

    @property
    def group(self) -> str:
        """The group the row is drawn under: the first one that listed them."""
        return self.spans[0].phases[0][1]


@dataclass(frozen=True, slots=True)
class Timeline:
    """The rows of a page's history and the dates of its versions."""

    people: tuple[Row, ...]  # in order of first appearance
    sponsors: tuple[Row, ...]
    versions: tuple[datetime, ...]  # every version that parses, oldest first
    changed: tuple[datetime, ...]  # the versions among them that changed something


@dataclass(slots=True)
class _Run:
    start: datetime
    end: datetime
    groups: list[str]
    phases: list[tuple[datetime, str]]


@dataclass(slots=True)
class _Rows:
    """The rows of one kind (people or sponsors) while the versions go by."""

    rename: ChangeKind  # the change that carries a row over to a new name
    names: list[str] = field(default_factory=list)
    runs: list[list[_Run]] = field(default_factory=list)
    row_of: dict[str, int] = field(default_factory=dict)  # casefolded name -> row
    listed: set[int] = field(default_factory=set)  # rows listed by the previous good version

    def step(self, date: datetime, version: Version, listed: Iterable[tuple[str, Sequence[str]]]) -> None:
        """Extend or start the runs of those ``listed`` by the version; the others' runs end."""
        for change in version.changes:
            if change.kind is self.rename and change.old is not None and change.old.casefold() in self.row_of:
                self.row_of[change.name.casefold()] = self.row_of.pop(change.old.casefold())
        now: set[int] = set()
        for name, groups in listed:
            lead = groups[0] if groups else ""
            row = self.row_of.setdefault(name.casefold(), len(self.names))
            if row == len(self.names):
                self.names.append(name)
                self.runs.append([])
            self.names[row] = name
            if row in self.listed or row in now:
                run = self.runs[row][-1]
                # Author dates may go backwards along the history (a rebase): a run covers them all.
                run.start, run.end = min(run.start, date), max(run.end, date)
                run.groups.extend(g for g in groups if g not in run.groups)
                if run.phases[-1][1] != lead:
                    run.phases.append((date, lead))
            else:
                self.runs[row].append(_Run(date, date, list(dict.fromkeys(groups)), [(date, lead)]))
            now.add(row)
        self.listed = now

    def rows(self) -> tuple[Row, ...]:
        return tuple(
            Row(name, tuple(Span(run.start, run.end, tuple(run.groups), tuple(run.phases)) for run in runs))
            for name, runs in zip(self.names, self.runs, strict=True)
        )


def _people(about: About) -> list[tuple[str, Sequence[str]]]:
    return [(person.name, person.groups) for person in about.people]


def _sponsors(about: About) -> list[tuple[str, Sequence[str]]]:
    return [(sponsor.name, [sponsor.kind.replace("_", " ")]) for sponsor in about.sponsors]


def timeline(versions: Iterable[Version]) -> Timeline:
    """The rows and dates of ``versions`` (as ``walk`` yields them, oldest first)."""
    people = _Rows(ChangeKind.PERSON_RENAMED)
    sponsors = _Rows(ChangeKind.SPONSOR_RENAMED)
    dates: list[datetime] = []
    changed: list[datetime] = []
    for version in versions:
        if version.about is None:
            continue
        date = datetime.fromisoformat(version.date)
        dates.append(date)
        if version.changes:
            changed.append(date)
        people.step(date, version, _people(version.about))
        sponsors.step(date, version, _sponsors(version.about))
    return Timeline(people.rows(), sponsors.rows(), tuple(dates), tuple(changed))
