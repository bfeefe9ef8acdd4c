"""The timeline picture, drawn from the stints: one row per person, a bar for each stint in a group, sponsors below.

Each lane (people, then sponsors) has one block per group (a sponsors' kind), headed by the group's name,
and one row per person in the block of the group that listed them first. A bar runs from the version that
first listed someone in a group to the version that dropped them, or to the right edge while they are still
listed, so a stint seen in one version shows as wide as the time until the next. A person in two groups at
once has the row split in two, one bar per group. A group keeps one colour across renames; a dashed line
marks each rename, and the legend gives its names in order. A grey vertical line marks each version that
changed something. The date axis is cut at whole years, each labelled (months, for less than a year).

The figure is built with the object-oriented API on an Agg canvas, never through pyplot, so drawing neither
needs a display nor changes the backend or state of a notebook.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from .._git.timeline import Group, Row, Stint, Timeline, timeline
from .._git.walk import walk
from .._read.source import DEFAULT_MAX_BYTES
from ..errors import HistoryError
from .axis import date_axis

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["timeline_figure"]

INSTALL = "pip install 'lmsys-about[plot]'"
FORMATS = ("png", "svg", "pdf")
DEFAULT_PATH = "content/about.md"

WIDTH = 11.0  # inches
ROW = 0.2  # inches per row: a label of FONT_SIZE points is about 0.12 inch tall
FRAME = 1.3  # inches for the title, the date axis and its caption
LANE_FRAME = 0.25  # inches around each lane
FONT_SIZE = 8
LABEL_CHARS = 28  # longer names end with an ellipsis
MIN_BAR = 0.004  # of the time range: a stint whose dates go backwards (a rebase) still shows
BAR = 0.66  # of a row's height
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


def group_label(group: Group) -> str:
    """A group's names in order, joined by arrows: 'Student Team → Members'."""
    return " → ".join(short(name or "(no group)") for name in group.names)


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a lane: a group's heading (``row`` None) or a person's row."""

    group: int
    row: Row | None


def lines(rows: Sequence[Row], groups: int) -> list[Line]:
    """Each group that has rows, its heading then its rows by first date (ties in page order)."""
    by_group: list[list[Row]] = [[] for _ in range(groups)]
    for row in sorted(rows, key=lambda row: row.stints[0].first.date):
        by_group[row.group].append(row)
    return [
        line
        for g, members in enumerate(by_group)
        if members
        for line in (Line(g, None), *(Line(g, r) for r in members))
    ]


def bars(row: Row, right: datetime) -> list[tuple[datetime, datetime, int, int, int]]:
    """(start, end, group, track, tracks) of each stint: a row whose stints overlap in time has one track
    per group, in the order the groups first listed the person; otherwise one."""
    groups = list(dict.fromkeys(stint.group for stint in row.stints))
    spans = [(stint.first.date, _end(stint, right), stint.group) for stint in row.stints]
    overlap = any(a[0] < b[1] and b[0] < a[1] for i, a in enumerate(spans) for b in spans[i + 1 :] if a[2] != b[2])
    tracks = len(groups) if overlap else 1
    return [(start, end, group, groups.index(group) if overlap else 0, tracks) for start, end, group in spans]


def _end(stint: Stint, right: datetime) -> datetime:
    return stint.dropped.date if stint.dropped is not None else right


def _colours(groups: Sequence[Group], palette: Sequence[str]) -> list[str]:
    return [palette[i % len(palette)] for i in range(len(groups))]


def _lane(axes: Axes, lane: list[Line], groups: Sequence[Group], colours: Sequence[str], right: datetime,
          minimum: float) -> None:  # fmt: skip
    from matplotlib import dates

    labels = []
    for y, line in enumerate(lane):
        if line.row is None:
            labels.append("")
            axes.text(0.0, y, group_label(groups[line.group]), transform=axes.get_yaxis_transform(),
                      fontsize=FONT_SIZE, fontweight="bold", color=colours[line.group], va="center", ha="left",
                      clip_on=False)  # fmt: skip
            if y:
                axes.axhline(y - 0.5, color="0.55", linewidth=0.6, zorder=1)
            continue
        labels.append(short(line.row.name))
        for start, end, group, track, tracks in bars(line.row, right):
            left, width = dates.date2num(start), dates.date2num(end) - dates.date2num(start)
            height = BAR / tracks
            axes.barh(y - BAR / 2 + height * (track + 0.5), max(width, minimum), left=left, height=height,
                      color=colours[group], zorder=2)  # fmt: skip
    _mark_renames(axes, lane, groups, colours)
    axes.set_yticks(range(len(lane)), labels, fontsize=FONT_SIZE)
    axes.set_ylim(len(lane) - 0.5, -0.5)  # the first line on top
    axes.tick_params(axis="y", length=0)
    for side in ("top", "right", "left"):
        axes.spines[side].set_visible(False)


def _mark_renames(axes: Axes, lane: list[Line], groups: Sequence[Group], colours: Sequence[str]) -> None:
    """A dashed line across a group's block at each version that renamed it."""
    from matplotlib import dates

    for g, group in enumerate(groups):
        ys = [y for y, line in enumerate(lane) if line.group == g]
        if not ys or not group.renamed:
            continue
        for mark in group.renamed:
            axes.vlines(dates.date2num(mark.date), min(ys) - 0.5, max(ys) + 0.5, colors=colours[g],
                        linestyles="dashed", linewidth=1.0, zorder=3)  # fmt: skip


def draw(history: Timeline, *, title: str = "") -> Figure:
    """The picture of ``history``; it has at least one version."""
    from matplotlib import colormaps, dates
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.colors import to_hex
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

    people, sponsors = lines(history.people, len(history.groups)), lines(history.sponsors, len(history.kinds))
    lanes = [(lane, label) for lane, label in ((people, "People"), (sponsors, "Sponsors")) if lane]
    lines_total = sum(len(lane) for lane, _ in lanes)
    height = FRAME + LANE_FRAME * max(len(lanes), 1) + ROW * max(lines_total, 2)
    figure = Figure(figsize=(WIDTH, height), layout="constrained")
    FigureCanvasAgg(figure)

    # tab10 keeps ten groups apart; more take tab20, whose pairs are lighter and darker shades of one hue.
    palette = colormaps["tab20" if len(history.groups) > 10 else "tab10"]
    colours = _colours(history.groups, [to_hex(palette(i)) for i in range(palette.N)])
    kinds = _colours(history.kinds, SPONSOR_COLOURS)
    kind_names = tuple(Group(tuple(n.replace("_", " ") for n in kind.names), kind.renamed) for kind in history.kinds)

    first, last = min(m.date for m in history.versions), max(m.date for m in history.versions)
    right = last + max((last - first) * 0.03, timedelta(days=3))  # where stints still listed end
    ratios = [len(lane) for lane, _ in lanes] or [1]
    grid = figure.subplots(len(ratios), 1, sharex=True, squeeze=False, gridspec_kw={"height_ratios": ratios})
    axes_list = [row[0] for row in grid]
    minimum = max((last - first).days, 1) * MIN_BAR
    for axes, (lane, label) in zip(axes_list, lanes, strict=False):
        lane_groups, lane_colours = (history.groups, colours) if label == "People" else (kind_names, kinds)
        _lane(axes, lane, lane_groups, lane_colours, right, minimum)
        axes.set_ylabel(label, fontsize=FONT_SIZE + 1)
    for axes in axes_list:
        for mark in history.changed:
            axes.axvline(dates.date2num(mark.date), color="0.85", linewidth=0.7, zorder=0)
    bottom = axes_list[-1]
    date_axis(bottom, first, right, fontsize=FONT_SIZE)
    bottom.set_xlabel(
        f"{len(history.versions)} versions; a grey line marks each of the {len(history.changed)} that changed "
        "something, a dashed one each renaming of a group",
        fontsize=FONT_SIZE,
    )
    handles = [
        Patch(color=colour, label=group_label(group)) for group, colour in zip(history.groups, colours, strict=True)
    ]
    handles += [
        Patch(color=colour, label=f"sponsor: {group.name}") for group, colour in zip(kind_names, kinds, strict=True)
    ]
    if handles:
        figure.legend(handles=handles, loc="outside right upper", fontsize=FONT_SIZE, frameon=False)
    if title:
        figure.suptitle(title, fontsize=FONT_SIZE + 3)
    return figure


def timeline_figure(
    repo: str | os.PathLike[str],
    *,
    path: str = DEFAULT_PATH,
    follow: bool = True,
    revisions: Sequence[str] = (),
    since: str | None = None,
    until: str | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> Figure:
    """Who was on the page when, from its git history: a matplotlib Figure (needs the ``plot`` extra).

    One row per person, a bar for each stint in a group from the version that listed them there to the one
    that dropped them (two bars side by side for someone in two groups at once), in blocks by group, each
    group one colour across its renames; sponsors in a lane of their own; a grey line at each version that
    changed something. The walk is that of ``history_records``. Save it with ``figure.savefig("t.svg")``.
    """
    require_matplotlib()
    repo = os.fspath(repo)
    history = timeline(walk(repo, path, follow=follow, revisions=revisions, since=since, until=until,
                            max_bytes=max_bytes))  # fmt: skip
    if not history.versions:
        raise HistoryError(f"no version of {path} parses", path=repo)
    title = f"{path}: {len(history.people)} people, {len(history.sponsors)} sponsors"
    return draw(history, title=title)


def save(figure: Figure, file: str) -> None:
    """Write ``figure`` to ``file`` as PNG, SVG or PDF (by its suffix), whole or not at all; SVG text stays
    text, so names can be found."""
    from matplotlib import rc_context

    suffix = os.path.splitext(file)[1].lower().lstrip(".")
    if suffix not in FORMATS:
        raise ValueError(f"cannot draw into {file!r}: the name must end with .png, .svg or .pdf")
    directory = os.path.dirname(os.path.abspath(file))
    temporary = os.path.join(directory, f".{os.path.basename(file)}.{secrets.token_hex(4)}.tmp")
    # Created as open() would (0666 less the umask), beside the file, then renamed over it.
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(handle, "wb") as out, rc_context({"svg.fonttype": "none", "svg.hashsalt": "lmsys-about"}):
            # No date in the metadata: the same history gives the same file.
            metadata = {"Date": None} if suffix == "svg" else {"CreationDate": None} if suffix == "pdf" else None
            figure.savefig(out, format=suffix, dpi=100, metadata=metadata)
        os.replace(temporary, file)
    except BaseException:
        os.unlink(temporary)
        raise
