"""A summary of a page for a person to read: aligned tables, rendered with rich.

On a terminal the summary fits the terminal's width, with colour unless asked not to; elsewhere it is plain
text, without colour codes or box characters, whose table cells never wrap (a URL stays on one line), with prose
wrapped at :data:`PLAIN_WIDTH` columns. Every value from the page goes through
:func:`~lmsys_about._printable.printable`: its control characters are shown, never sent to the terminal.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from .._printable import printable
from ..models import About, Event, Group

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.table import Table

__all__ = ["render_summary"]

PLAIN_WIDTH = 100
_UNBOUNDED = 10_000  # a console width no table reaches, so that plain cells never wrap
_FLEXIBLE = frozenset({"What", "Link"})  # the columns that give way when the terminal is narrow
_KIND_TITLES = {"donor": "Sponsors: donors", "api_credits": "Sponsors: API credits"}


def _heading(text: str) -> RenderableType:
    from rich.text import Text

    return Text(f"\n{text}", style="bold cyan")


def _paragraph(text: str, plain: bool) -> RenderableType:
    """Prose: paragraphs apart by a blank line, each made printable (so a value printable already is one)."""
    from rich.text import Text

    parts = [printable(part) for part in text.split("\n\n")]  # paragraphs keep their blank line
    if plain:
        parts = [textwrap.fill(part, PLAIN_WIDTH) for part in parts]
    return Text("\n\n".join(parts))


def _table(plain: bool, *columns: str) -> Table:
    from rich import box
    from rich.table import Table

    # Plain text: a dashed rule under the header, columns apart by two spaces, nothing else.
    style = box.Box("    \n    \n -  \n    \n    \n    \n    \n    \n", ascii=True) if plain else box.SIMPLE_HEAD
    table = Table(box=style, show_edge=False, pad_edge=False, header_style="bold", padding=(0, 1))
    for column in columns:
        # On a terminal only long text and links wrap; names, statuses and lines stay whole.
        table.add_column(
            column,
            justify="right" if column == "Line" else "left",
            no_wrap=plain or column not in _FLEXIBLE,
            overflow="fold",
        )
    return table


def _cell(value: str | int | None) -> str:
    return "" if value is None else printable(str(value))


def _organisation(about: About, plain: bool) -> Iterator[RenderableType]:
    from rich.text import Text

    organization = about.organization
    name = organization.name or about.title or "(no organisation named)"
    short = f" ({organization.short_name})" if organization.short_name else ""
    yield Text(printable(name + short), style="bold")
    if organization.description:
        yield _paragraph(organization.description, plain)
    yield Text(printable(f"source: {about.source or '<string>'}  sha256: {about.source_sha256}"), style="dim")


def _group(group: Group, plain: bool) -> Iterator[RenderableType]:
    count = len(group.members)
    people = f"{count} {'person' if count == 1 else 'people'}"
    project = f", project {group.project}" if group.project and group.project not in group.name else ""
    yield _heading(printable(f"{group.name} ({people}{project}, line {group.line})"))
    with_notes = any(member.notes for member in group.members)
    table = _table(plain, "Name", "Link", *(["Notes"] if with_notes else []), "Line")
    for member in group.members:
        notes = [_cell("; ".join(member.notes))] if with_notes else []
        table.add_row(_cell(member.name), _cell(member.url), *notes, _cell(member.line))
    if group.members:
        yield table
    for link in group.links:
        yield _paragraph(printable(f"{link.label}: {link.url} (line {link.line})"), plain)


def _groups(about: About, plain: bool) -> Iterator[RenderableType]:
    for group in about.groups:
        yield from _group(group, plain)


def _sponsors(about: About, plain: bool) -> Iterator[RenderableType]:
    for kind, title in _KIND_TITLES.items():
        sponsors = [sponsor for sponsor in about.sponsors if sponsor.kind == kind]
        if not sponsors:
            continue
        yield _heading(f"{title} ({len(sponsors)})")
        table = _table(plain, "Name", "Link", "Line")
        for sponsor in sponsors:
            table.add_row(_cell(sponsor.name), _cell(sponsor.url), _cell(sponsor.line))
        yield table
    if about.donation_forms:
        yield _paragraph(printable(f"Donations welcome: {', '.join(about.donation_forms)}"), plain)


def _when(event: Event) -> str:
    return f"{event.year}-{event.month:02d}" if event.month is not None else str(event.year)


def _history(about: About, plain: bool) -> Iterator[RenderableType]:
    history = about.history
    if history.events:
        yield _heading("History")
        table = _table(plain, "When", "What", "Line")
        for event in history.events:
            table.add_row(_when(event), _cell(event.text), _cell(event.line))
        yield table
    if history.institutions:
        yield _paragraph(printable(f"Institutions: {', '.join(i.name for i in history.institutions)}"), plain)
    if history.projects:
        yield _heading("Projects")
        table = _table(plain, "Name", "Status", "Link", "Line")
        for project in history.projects:
            table.add_row(_cell(project.name), _cell(project.status), _cell(project.url), _cell(project.line))
        yield table


def _contact(about: About, plain: bool) -> Iterator[RenderableType]:
    contact = about.contact
    if contact.email is None and not contact.links:
        return
    yield _heading(printable(f"Contact{f' ({contact.email})' if contact.email else ''}"))
    if contact.links:
        table = _table(plain, "Platform", "Label", "Link", "Line")
        for link in contact.links:
            table.add_row(_cell(link.platform), _cell(link.label), _cell(link.url), _cell(link.line))
        yield table


def _count(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 or noun == 'info' else 's'}"


def _diagnostics(about: About, plain: bool) -> Iterator[RenderableType]:
    from rich.text import Text

    counts = dict.fromkeys(("error", "warning", "info"), 0)
    for diagnostic in about.diagnostics:
        counts[diagnostic.severity] += 1
    if about.diagnostics:
        summary = ", ".join(_count(count, severity) for severity, count in counts.items() if count)
        yield Text(f"\nDiagnostics: {summary} (see `lmsys-about check`)", style="yellow")


# The summary's sections, in order; each yields what it prints.
_SECTIONS: tuple[Callable[[About, bool], Iterator[RenderableType]], ...] = (
    _organisation,
    _groups,
    _sponsors,
    _history,
    _contact,
    _diagnostics,
)


def render_summary(about: About, *, terminal: bool, colour: bool | None = None, width: int | None = None) -> str:
    """The summary of ``about`` as text: for a terminal ``width`` wide, with colour codes unless ``colour`` is
    False (it follows ``terminal`` by default), else plain."""
    from rich.console import Console

    plain = not terminal
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        force_terminal=terminal,
        color_system="standard" if terminal and colour is not False else None,  # None: no escape codes at all
        no_color=plain,
        width=_UNBOUNDED if plain else width,
        markup=False,
        emoji=False,
        highlight=False,
        safe_box=True,
    )
    for section in _SECTIONS:
        for renderable in section(about, plain):
            console.print(renderable)
    text = buffer.getvalue()
    return "\n".join(line.rstrip() for line in text.splitlines()) + "\n" if plain else text
