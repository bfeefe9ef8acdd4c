"""The date axis of the timeline: cut at whole years with every year labelled, or at whole months below a year.

matplotlib's automatic locators choose ticks by density, so a history that starts in March shows its first
year nowhere, and a long one skips years. Here the axis starts on the first of January of the first version's
year and ends just after the last version, with a labelled tick on each first of January (a lighter tick each
quarter); a history shorter than a year gets months instead, each January and the first month carrying their
year.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.axes import Axes

YEAR = 365  # days: below this, months


def _months(first: datetime, last: datetime) -> list[datetime]:
    """The first day of each month from the one holding ``first`` to the one after ``last``."""
    marks = [first.replace(day=1, hour=0, minute=0, second=0, microsecond=0)]
    while marks[-1] <= last:
        month = marks[-1]
        marks.append(month.replace(year=month.year + month.month // 12, month=month.month % 12 + 1))
    return marks


def date_axis(axes: Axes, first: datetime, last: datetime, *, fontsize: float) -> None:
    """Limits, ticks and labels of ``axes``' date axis from ``first`` to ``last``."""
    from matplotlib import dates

    months = _months(first, last)
    if (last - first).days >= YEAR:
        start = months[0].replace(month=1)
        years = [start, *(m for m in months if m.month == 1 and start < m <= last)]
        axes.set_xlim(dates.date2num(years[0]), dates.date2num(last))
        axes.set_xticks([dates.date2num(y) for y in years], [str(y.year) for y in years], fontsize=fontsize)
        quarters = [m for m in _months(start, last) if m.month in (4, 7, 10) and m <= last]
        axes.set_xticks([dates.date2num(q) for q in quarters], minor=True)
    else:
        labels = [m.strftime("%b") + (f"\n{m.year}" if i == 0 or m.month == 1 else "") for i, m in enumerate(months)]
        months = [m for m in months if m <= last]
        labels = labels[: len(months)]
        axes.set_xlim(dates.date2num(months[0]), dates.date2num(last))
        axes.set_xticks([dates.date2num(m) for m in months], labels, fontsize=fontsize)
    axes.tick_params(axis="x", which="minor", length=2)
