"""Flat tables of a page: one row per person and group, per sponsor, per event; as records, CSV or NDJSON.

Every row carries the ``line`` it came from and the page's ``source`` and ``source_sha256``, so rows of
several versions can be concatenated and still traced back. Lists (``notes``) are joined with ``"; "``;
a missing value is ``None`` in records and NDJSON, an empty cell in CSV. Records and NDJSON keep every value
exactly; CSV puts a ``'`` before a text cell a spreadsheet would run as a formula, unless asked not to.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Literal, get_args

from .._urls import github_handle

if TYPE_CHECKING:
    from ..models import About  # annotations only: models build on first use

__all__ = ["RECORD_KINDS", "Record", "RecordKind", "record_columns", "to_csv", "to_ndjson", "to_records"]

RecordKind = Literal["people", "sponsors", "events"]
Record = dict[str, str | int | None]

RECORD_KINDS: tuple[RecordKind, ...] = get_args(RecordKind)
NOTES_SEPARATOR = "; "
# What a spreadsheet takes for the start of a formula in a CSV cell (OWASP, "CSV Injection").
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_TRACE = ("source", "source_sha256")


def _people(about: About) -> Iterator[Record]:
    # A person's handle may come from a second link beside the name ('[Ada](url) ([GitHub](url))'), which a member
    # has no field for: the person, matched by name as the parser merges them, has it.
    handles = {person.name.casefold(): person.github for person in about.people}
    for group in about.groups:
        for member in group.members:
            yield {
                "name": member.name,
                "group": group.name,
                "project": group.project,
                "url": member.url,
                "github": github_handle(member.url) or handles.get(member.name.casefold()),
                "notes": NOTES_SEPARATOR.join(member.notes),
                "line": member.line,
            }


def _sponsors(about: About) -> Iterator[Record]:
    for sponsor in about.sponsors:
        notes = NOTES_SEPARATOR.join(sponsor.notes)
        yield {"name": sponsor.name, "kind": sponsor.kind, "url": sponsor.url, "notes": notes, "line": sponsor.line}


def _events(about: About) -> Iterator[Record]:
    for event in about.history.events:
        yield {"year": event.year, "month": event.month, "day": event.day, "text": event.text, "line": event.line}


# kind -> (columns before the trace columns, the rows' generator)
_TABLES: dict[RecordKind, tuple[tuple[str, ...], Callable[[About], Iterator[Record]]]] = {
    "people": (("name", "group", "project", "url", "github", "notes", "line"), _people),
    "sponsors": (("name", "kind", "url", "notes", "line"), _sponsors),
    "events": (("year", "month", "day", "text", "line"), _events),
}


def _table(kind: str) -> tuple[tuple[str, ...], Callable[[About], Iterator[Record]]]:
    try:
        return _TABLES[kind]  # type: ignore[index]  # checked here for callers without a type checker
    except KeyError:
        raise ValueError(f"unknown record kind {kind!r}; expected one of {', '.join(RECORD_KINDS)}") from None


def record_columns(kind: RecordKind) -> tuple[str, ...]:
    """The columns of a ``kind`` table, in order, the trace columns ``source`` and ``source_sha256`` last.

    >>> record_columns("sponsors")
    ('name', 'kind', 'url', 'notes', 'line', 'source', 'source_sha256')
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


def to_csv(about: About, kind: RecordKind, *, raw: bool = False) -> str:
    """One table as CSV with a header row (``\\n`` line ends); None becomes an empty cell.

    A spreadsheet runs a cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return as a
    formula, and a page that someone else edited can put one in a name (CSV injection). Such a text cell gets
    a ``'`` before it, as OWASP recommends, which spreadsheets read as "this is text" and do not show. Only
    text cells: the numbers (``line``, ``year``, ``month``) are never negative and are written as they are.
    ``raw=True`` writes every cell as it is, for a pipeline that reads the CSV as data.

    >>> from lmsys_about import loads
    >>> about = loads("KRG Labs (KRG) is a lab.\\n\\n## Sponsors\\n[-Globex](https://g.example/), [Acme](https://a.example/)\\n")
    >>> [row.split(",")[0] for row in to_csv(about, "sponsors").splitlines()]
    ['name', "'-Globex", 'Acme']
    >>> to_csv(about, "sponsors", raw=True).splitlines()[1].split(",")[0]
    '-Globex'
    """
    return rows_to_csv(record_columns(kind), to_records(about, kind), raw=raw)


def rows_to_csv(columns: Sequence[str], rows: Iterable[Record], *, raw: bool = False) -> str:
    """Rows of any table as CSV, written as :func:`to_csv` writes a page's tables (the same escaping)."""
    import csv  # only the exports need it

    buffer = io.StringIO()
    # Rows end in '\r\n', turned into '\n' as each is written: before Python 3.11.9 and 3.12.3, the writer
    # quotes a cell holding a carriage return only when the line terminator holds one too.
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    _end_row_with_newline(buffer)
    for record in rows:
        writer.writerow({key: _cell(value, raw=raw) for key, value in record.items()})
        _end_row_with_newline(buffer)
    return buffer.getvalue()


def _end_row_with_newline(buffer: io.StringIO) -> None:
    buffer.seek(buffer.tell() - 2)
    buffer.write("\n")
    buffer.truncate()


def _cell(value: str | int | None, *, raw: bool) -> str | int:
    if value is None:
        return ""
    if not raw and isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def to_ndjson(about: About, kind: RecordKind) -> str:
    """One table as newline-delimited JSON: one object per row, each on its own line."""
    return rows_to_ndjson(to_records(about, kind))


def rows_to_ndjson(rows: Iterable[Record]) -> str:
    """Rows of any table as newline-delimited JSON, one object per line."""
    return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in rows)
