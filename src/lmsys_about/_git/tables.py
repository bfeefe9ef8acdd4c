"""A page's history as flat tables: one row per change, or one row per stint of someone in a group.

``changes`` has a row for each change of each commit, and a row for each version that could not be read
(``kind`` ``error``) or had nothing to be compared with (``kind`` ``note``), so that nothing the walk saw is
left out. ``spans`` has a row for each stint of the timeline, what the picture draws. Rows are the
``Record`` dicts of the page's own tables, written as CSV or NDJSON by the same writers.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Literal, get_args

from .._diff.changes import Change
from .._export.records import Record
from .._read.source import DEFAULT_MAX_BYTES
from .timeline import Mark, Row, timeline
from .walk import Version, walk

__all__ = ["HISTORY_TABLES", "HistoryTable", "history_columns", "history_records"]

HistoryTable = Literal["changes", "spans"]
HISTORY_TABLES: tuple[HistoryTable, ...] = get_args(HistoryTable)

CHANGE_COLUMNS = ("commit", "date", "author", "subject", "kind", "name", "old", "new", "line")
SPAN_COLUMNS = (
    "lane",
    "name",
    "group",
    "first_commit",
    "first_date",
    "last_commit",
    "last_date",
    "dropped_commit",
    "dropped_date",
)


def _line(change: Change) -> int | None:
    """The line in this version's file; for what was removed, the line in the previous one."""
    if change.sign == "-" or change.new_line is None:
        return change.old_line
    return change.new_line


def change_records(versions: Iterable[Version]) -> Iterator[Record]:
    """One row per change of each version, and one per version read with an error or a note."""
    for version in versions:
        head: Record = {
            "commit": version.commit,
            "date": version.date,
            "author": version.author,
            "subject": version.subject,
        }
        if version.error is not None:
            error = version.error
            yield {**head, "kind": "error", "name": type(error).__name__, "old": None, "new": error.message,
                   "line": error.line}  # fmt: skip
        elif version.note is not None:
            yield {**head, "kind": "note", "name": None, "old": None, "new": version.note, "line": None}
        for change in version.changes:
            yield {**head, "kind": change.kind.value, "name": change.name, "old": change.old, "new": change.new,
                   "line": _line(change)}  # fmt: skip


def _mark(mark: Mark | None) -> tuple[str | None, str | None]:
    return (None, None) if mark is None else (mark.commit, mark.date.isoformat())


def _span_rows(lane: str, rows: Iterable[Row]) -> Iterator[tuple[Mark, Record]]:
    for row in rows:
        for stint in row.stints:
            first, last, dropped = _mark(stint.first), _mark(stint.last), _mark(stint.dropped)
            record: Record = {
                "lane": lane,
                "name": row.name,
                "group": stint.group_name,
                "first_commit": first[0],
                "first_date": first[1],
                "last_commit": last[0],
                "last_date": last[1],
                "dropped_commit": dropped[0],
                "dropped_date": dropped[1],
            }
            yield stint.first, record


def span_records(versions: Iterable[Version]) -> list[Record]:
    """One row per stint, people then sponsors, each lane in the order the stints started."""
    history = timeline(versions)
    order = {mark.commit: i for i, mark in enumerate(history.versions)}
    rows = []
    for lane, lane_rows in (("people", history.people), ("sponsors", history.sponsors)):
        stints = list(_span_rows(lane, lane_rows))
        rows += [record for _, record in sorted(stints, key=lambda item: order[item[0].commit])]
    return rows


TABLES: dict[HistoryTable, tuple[tuple[str, ...], Callable[[Iterable[Version]], Iterable[Record]]]] = {
    "changes": (CHANGE_COLUMNS, change_records),
    "spans": (SPAN_COLUMNS, span_records),
}


def _table(table: str) -> tuple[tuple[str, ...], Callable[[Iterable[Version]], Iterable[Record]]]:
    try:
        return TABLES[table]  # type: ignore[index]  # checked here for callers without a type checker
    except KeyError:
        raise ValueError(f"unknown history table {table!r}; expected one of {', '.join(HISTORY_TABLES)}") from None


def history_columns(table: HistoryTable) -> tuple[str, ...]:
    """The columns of a history table, in order.

    >>> history_columns("changes")
    ('commit', 'date', 'author', 'subject', 'kind', 'name', 'old', 'new', 'line')
    """
    return _table(table)[0]


def history_records(
    repo: str | os.PathLike[str],
    table: HistoryTable = "changes",
    *,
    path: str = "content/about.md",
    follow: bool = True,
    revisions: Sequence[str] = (),
    since: str | None = None,
    until: str | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> list[Record]:
    """The page's history in a local git repository as a flat table: ``"changes"`` or ``"spans"``.

    ``changes``: one row per change of each commit (``commit``, ``date``, ``author``, ``subject`` of the
    commit, then the change's ``kind``, ``name``, ``old``, ``new`` and ``line``), with a row of kind
    ``error`` for a version that cannot be read or does not parse and one of kind ``note`` for a version
    with nothing to compare it with (the start of a shallow clone). ``spans``: one row per stint of someone
    in a group (``lane`` ``people`` or ``sponsors``, ``name``, ``group``, the first and last version that
    list them there and the version that dropped them, empty while they are listed).

    The walk follows the first parent and, unless ``follow=False``, the page across renames; ``revisions``
    (``"v1..main"``), ``since`` and ``until`` limit it as ``git log`` does. It never fetches: a version a
    partial clone lacks is an ``error`` row. Raises HistoryError when the history cannot be read at all.
    """
    rows = _table(table)[1]
    versions = walk(os.fspath(repo), path, follow=follow, revisions=revisions, since=since, until=until,
                    max_bytes=max_bytes)  # fmt: skip
    return list(rows(versions))
