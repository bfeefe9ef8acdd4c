"""Flat tables of a page: one row per person and group, per sponsor, per event; as records, CSV or NDJSON.

Every row carries the ``line`` it came from and the page's ``source`` and ``source_sha256``, so rows of
several versions can be concatenated and still traced back. Lists (``notes``) are joined with ``"; "``;
a missing value is ``None`` in records and NDJSON, an empty cell in CSV.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Literal, get_args

from .._urls import github_handle

if TYPE_CHECKING:
    from ..models import About  # annotations only: models build on first use

__all__ = ["RECORD_KINDS", "Record", "RecordKind", "record_columns", "to_csv", "to_ndjson", "to_records"]

RecordKind = Literal["people", "sponsors", "events"]
Record = dict[str, str | int | None]

RECORD_KINDS: tuple[RecordKind, ...] = get_args(RecordKind)
NOTES_SEPARATOR = "; "
_TRACE = ("source", "source_sha256")


def _people(about: About) -> Iterator[Record]:
    for group in about.groups:
        for member in group.members:
            yield {
                "name": member.name,
                "group": group.name,
                "project": group.project,
                "url": member.url,
                "github": github_handle(member.url),
                "notes": NOTES_SEPARATOR.join(member.notes),
                "line": member.line,
            }


def _sponsors(about: About) -> Iterator[Record]:
    for sponsor in about.sponsors:
        yield {"name": sponsor.name, "kind": sponsor.kind, "url": sponsor.url, "line": sponsor.line}


def _events(about: About) -> Iterator[Record]:
    for event in about.history.events:
        yield {"year": event.year, "month": event.month, "text": event.text, "line": event.line}


# kind -> (columns before the trace columns, the rows' generator)
_TABLES: dict[RecordKind, tuple[tuple[str, ...], Callable[[About], Iterator[Record]]]] = {
    "people": (("name", "group", "project", "url", "github", "notes", "line"), _people),
    "sponsors": (("name", "kind", "url", "line"), _sponsors),
    "events": (("year", "month", "text", "line"), _events),
}


def _table(kind: str) -> tuple[tuple[str, ...], Callable[[About], Iterator[Record]]]:
    try:
        return _TABLES[kind]  # type: ignore[index]  # checked here for callers without a type checker
    except KeyError:
        raise ValueError(f"unknown record kind {kind!r}; expected one of {', '.join(RECORD_KINDS)}") from None


def record_columns(kind: RecordKind) -> tuple[str, ...]:
    """The columns of a ``kind`` table, in order, the trace columns ``source`` and ``source_sha256`` last.

    >>> record_columns("sponsors")
    ('name', 'kind', 'url', 'line', 'source', 'source_sha256')
    """
    return _table(kind)[0] + _TRACE


def to_records(about: About, kind: RecordKind) -> list[Record]:
    """The rows of one flat table of ``about``: ``"people"`` (one per person and group), ``"sponsors"``, ``"events"``.

    Each row is a dict with the columns of :func:`record_columns`, ready for ``pandas.DataFrame(rows)``.

    >>> from lmsys_about import load
    >>> to_records(load(), "events")[1]["month"]
    9
    """
    rows = _table(kind)[1]
    trace: Record = {"source": about.source, "source_sha256": about.source_sha256}
    return [{**row, **trace} for row in rows(about)]


def to_csv(about: About, kind: RecordKind) -> str:
    """One table as CSV with a header row (``\\n`` line ends); None becomes an empty cell."""
    import csv  # only the exports need it

    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=record_columns(kind), lineterminator="\n")
    writer.writeheader()
    for record in to_records(about, kind):
        writer.writerow({key: "" if value is None else value for key, value in record.items()})
    return buffer.getvalue()


def to_ndjson(about: About, kind: RecordKind) -> str:
    """One table as newline-delimited JSON: one object per row, each on its own line."""
    return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in to_records(about, kind))
