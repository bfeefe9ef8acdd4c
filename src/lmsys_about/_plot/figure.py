"""The timeline picture: one horizontal bar per person, grouped and coloured by group, sponsors below.

Each lane (people, then sponsors) has one row per person or sponsor, so the figure grows with the number of
rows and labels never share a line. Rows are ordered by group (groups in order of first appearance), then
by the date they first appear. A grey vertical line marks each version that changed something. The figure
is built with the object-oriented API on an Agg canvas, never through pyplot, so drawing neither needs a
display nor changes the backend or state of a notebook.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from .._git.timeline import Row, Span, Timeline, timeline
from .._git.walk import walk
from .._read.source import DEFAULT_MAX_BYTES
from ..errors import HistoryError

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["timeline_figure"]

INSTALL = "pip install 'lmsys-about[plot]'"
FORMATS = ("png", "svg")
DEFAULT_PATH = "content/about.md"

WIDTH = 11.0  # inches
ROW = 0.2  # inches per row: a label of FONT_SIZE points is about 0.12 inch tall
FRAME = 1.3  # inches for the title, the date axis and its caption
LANE_FRAME = 0.25  # inches around each lane
FONT_SIZE = 8
LABEL_CHARS = 28  # longer names end with an ellipsis
MIN_BAR = 0.004  # of the time range: a person listed by a single version still shows
SPONSOR_COLOURS = ("0.35", "0.65")


def require_matplotlib() -> None:
    """Raise ImportError, naming the extra to install, when matplotlib cannot be imported."""
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        raise ImportError(f"drawing needs matplotlib: {INSTALL}") from None


def short(text: str, limit: int = LABEL_CHARS) -> str:
    """``text`` on one line, cut to at most ``limit`` characters with an ellipsis when longer; the cut falls
    between words when one ends in the last third."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space >= limit * 2 // 3:
        cut = cut[:space]
    return cut.rstrip(" ,;-") + "…"


def ordered(rows: Sequence[Row]) -> list[Row]:
    """Rows by group (in order of first appearance), then by first date; otherwise in page order."""
    rank: dict[str, int] = {}
    for row in rows:
        rank.setdefault(row.group, len(rank))
    return sorted(rows, key=lambda row: (rank[row.group], row.spans[0].start))


def segments(span: Span) -> list[tuple[datetime, datetime, str]]:
    """(start, end, group) of each phase of ``span``: one bar, coloured piece by piece."""
    ends = [date for date, _ in span.phases[1:]] + [span.end]
    return [(start, max(start, end), group) for (start, group), end in zip(span.phases, ends, strict=True)]


def _colours(rows: Sequence[Row], palette: Sequence[str]) -> dict[str, str]:
    """A colour for each group or kind, in order of first appearance."""
    colour_of: dict[str, str] = {}
    for row in rows:
        for span in row.spans:
            for _, group in span.phases:
                colour_of.setdefault(group, palette[len(colour_of) % len(palette)])
    return colour_of


def _lane(axes: Axes, rows: Sequence[Row], colour_of: dict[str, str], minimum: float) -> None:
    from matplotlib import dates

    for y, row in enumerate(rows):
        for span in row.spans:
            for start, end, group in segments(span):
                left, right = dates.date2num(start), dates.date2num(end)
                axes.barh(y, max(right - left, minimum), left=left, height=0.62, color=colour_of[group], zorder=2)
    for y in range(1, len(rows)):  # a thin rule where one group ends and the next begins
        if rows[y].group != rows[y - 1].group:
            axes.axhline(y - 0.5, color="0.55", linewidth=0.6, zorder=1)
    axes.set_yticks(range(len(rows)), [short(row.name) for row in rows], fontsize=FONT_SIZE)
    axes.set_ylim(len(rows) - 0.5, -0.5)  # the first row on top
    axes.tick_params(axis="y", length=0)
    for side in ("top", "right", "left"):
        axes.spines[side].set_visible(False)


def draw(history: Timeline, *, title: str = "") -> Figure:
    """The picture of ``history``; it has at least one version."""
    from matplotlib import colormaps, dates
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.colors import to_hex
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

    people, sponsors = ordered(history.people), ordered(history.sponsors)
    lanes = [(rows, label) for rows, label in ((people, "People"), (sponsors, "Sponsors")) if rows]
    rows_total = sum(len(rows) for rows, _ in lanes)
    height = FRAME + LANE_FRAME * max(len(lanes), 1) + ROW * max(rows_total, 2)
    figure = Figure(figsize=(WIDTH, height), layout="constrained")
    FigureCanvasAgg(figure)

    # tab10 keeps ten groups apart; more take tab20, whose pairs are lighter and darker shades of one hue.
    groups = {group for row in people for span in row.spans for _, group in span.phases}
    palette = colormaps["tab20" if len(groups) > 10 else "tab10"]
    colour_of = _colours(people, [to_hex(palette(i)) for i in range(palette.N)])
    kinds = _colours(sponsors, SPONSOR_COLOURS)

    first, last = dates.date2num(min(history.versions)), dates.date2num(max(history.versions))
    pad = max((last - first) * 0.02, 1.0)  # days
    ratios = [max(len(rows), 1) for rows, _ in lanes] or [1]
    grid = figure.subplots(len(ratios), 1, sharex=True, squeeze=False, gridspec_kw={"height_ratios": ratios})
    axes_list = [row[0] for row in grid]
    for axes, (rows, label) in zip(axes_list, lanes, strict=False):
        _lane(axes, rows, colour_of if label == "People" else kinds, (last - first) * MIN_BAR)
        axes.set_ylabel(label, fontsize=FONT_SIZE + 1)
    for axes in axes_list:
        for date in history.changed:
            axes.axvline(dates.date2num(date), color="0.85", linewidth=0.7, zorder=0)
    bottom = axes_list[-1]
    bottom.set_xlim(first - pad, last + pad)
    locator = dates.AutoDateLocator()
    bottom.xaxis.set_major_locator(locator)
    bottom.xaxis.set_major_formatter(dates.ConciseDateFormatter(locator))
    bottom.tick_params(axis="x", labelsize=FONT_SIZE)
    bottom.set_xlabel(
        f"{len(history.versions)} versions; a grey line marks each of the {len(history.changed)} that changed "
        "something",
        fontsize=FONT_SIZE,
    )
    handles = [Patch(color=colour, label=short(group or "(no group)")) for group, colour in colour_of.items()]
    handles += [Patch(color=colour, label=f"sponsor: {kind}") for kind, colour in kinds.items()]
    if handles:
        figure.legend(handles=handles, loc="outside right upper", fontsize=FONT_SIZE, frameon=False)
    if title:
        figure.suptitle(title, fontsize=FONT_SIZE + 3)
    return figure


def timeline_figure(
    repo: str | os.PathLike[str],
    *,
    path: str = DEFAULT_PATH,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> Figure:
    """Who was on the page when, from its git history: a matplotlib Figure (needs the ``plot`` extra).

    One bar per person from the first to the last version that lists them (two bars for someone who left
    and came back), grouped and coloured by group; sponsors in a lane of their own; a grey line at each
    version that changed something. Save it with ``figure.savefig("timeline.svg")``.
    """
    require_matplotlib()
    repo = os.fspath(repo)
    history = timeline(walk(repo, path, max_bytes=max_bytes))
    if not history.versions:
        raise HistoryError(f"no version of {path} parses", path=repo)
    title = f"{path}: {len(history.people)} people, {len(history.sponsors)} sponsors"
    return draw(history, title=title)


def save(figure: Figure, file: str) -> None:
    """Write ``figure`` to ``file`` as PNG or SVG (by its suffix); SVG text stays text, so names can be found."""
    from matplotlib import rc_context

    suffix = os.path.splitext(file)[1].lower().lstrip(".")
    if suffix not in FORMATS:
        raise ValueError(f"cannot draw into {file!r}: the name must end with .png or .svg")
    with rc_context({"svg.fonttype": "none", "svg.hashsalt": "lmsys-about"}):
        # No date in the metadata: the same history gives the same file.
        figure.savefig(file, format=suffix, dpi=100, metadata={"Date": None} if suffix == "svg" else None)
