"""What the picture says is what the history says: bars measured on the drawn figure against the versions."""

from __future__ import annotations

import shutil
from datetime import datetime, timezone
from pathlib import Path

import pytest

from lmsys_about._git.timeline import Group, Mark, Row, Stint, Timeline, timeline
from lmsys_about._git.walk import walk
from lmsys_about._plot.figure import draw

from ..git.test_timeline import page
from ..git.test_walk import PAGE, Repo

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
matplotlib = pytest.importorskip("matplotlib")
from matplotlib import dates  # noqa: E402  # after the skip: matplotlib is optional


def history_of(tmp_path: Path, versions: list[dict[str, list[str]]]) -> Timeline:
    repo = Repo(tmp_path / "site")
    for i, groups in enumerate(versions):
        repo.commit(f"Version {i}", {PAGE: page(groups)})
    return timeline(walk(str(repo.root), PAGE))


def row_bars(history: Timeline, name: str) -> list[tuple[float, float, float, tuple[float, ...]]]:
    """(left, right, height, colour) of each bar on the row of ``name`` in the people lane."""
    figure = draw(history)
    axes = figure.axes[0]
    labels = [label.get_text() for label in axes.get_yticklabels()]
    y = labels.index(name)
    return sorted(
        (bar.get_x(), bar.get_x() + bar.get_width(), bar.get_height(), tuple(bar.get_facecolor()))
        for bar in axes.patches
        if y - 0.5 < bar.get_y() + bar.get_height() / 2 < y + 0.5
    )


def day(history: Timeline, n: int) -> float:
    return float(dates.date2num(history.versions[n].date))


def test_a_person_in_two_groups_shows_both(tmp_path: Path) -> None:
    history = history_of(
        tmp_path,
        [
            {"Team": ["Ada Ng"], "Advisors": ["Cy Wu"]},
            {"Team": ["Ada Ng", "Cy Wu"], "Advisors": ["Cy Wu"]},
            {"Team": ["Ada Ng", "Cy Wu", "Dee Ray"], "Advisors": ["Cy Wu"]},
        ],
    )
    advisor, member = sorted(row_bars(history, "Cy Wu"), key=lambda bar: bar[0])
    assert advisor[3] != member[3]  # two colours
    assert advisor[0] == day(history, 0)  # the advisor's stint is not ended by joining the team
    assert advisor[1] == member[1] > day(history, 2)  # both still listed: to the right edge
    assert member[0] == day(history, 1)
    assert advisor[2] == member[2] < row_bars(history, "Ada Ng")[0][2]  # the row split in two


def test_a_stint_lasts_until_the_version_that_dropped_it(tmp_path: Path) -> None:
    history = history_of(
        tmp_path,
        [
            {"Team": ["Ada Ng"]},
            {"Team": ["Ada Ng", "Bob Li"]},  # Bob is listed by this version only
            {"Team": ["Ada Ng"], "Alumni": ["Cy Wu"]},
            {"Team": ["Ada Ng"]},  # Cy, listed once as an alumnus, leaves
        ],
    )
    ((left, right, _, _),) = row_bars(history, "Bob Li")
    assert (left, right) == (day(history, 1), day(history, 2))
    ((left, right, _, _),) = row_bars(history, "Cy Wu")
    assert (left, right) == (day(history, 2), day(history, 3))


def test_a_renamed_group_keeps_one_colour_and_the_rename_is_marked(tmp_path: Path) -> None:
    history = history_of(
        tmp_path,
        [
            {"Student Team": ["Ada Ng", "Bob Li"]},
            {"Members": ["Ada Ng", "Bob Li"]},
            {"Project members": ["Ada Ng", "Bob Li", "Cy Wu"]},
        ],
    )
    figure = draw(history)
    axes = figure.axes[0]
    assert len({tuple(bar.get_facecolor()) for bar in axes.patches}) == 1
    assert [text.get_text() for text in axes.texts] == ["Student Team → Members → Project members"]
    legend = figure.legends[0]
    assert [text.get_text() for text in legend.get_texts()] == ["Student Team → Members → Project members"]
    dashed = [c for c in axes.collections if c.get_linestyle()[0][1] is not None]
    xs = sorted(segment[0][0] for collection in dashed for segment in collection.get_segments())
    assert xs == [day(history, 1), day(history, 2)]
    ((left, _, _, _),) = row_bars(history, "Ada Ng")  # one bar through both renames
    assert left == day(history, 0)


def synthetic(first: datetime, last: datetime) -> Timeline:
    marks = (Mark("a" * 40, first), Mark("b" * 40, last))
    row = Row("Ada Ng", (Stint(0, "Team", marks[0], marks[1], None),))
    return Timeline((row,), (), (Group(("Team",), ()),), (), marks, marks)


def tick_labels(history: Timeline) -> list[str]:
    axes = draw(history).axes[-1]
    return [label.get_text() for label in axes.get_xticklabels()]


def test_every_year_is_on_the_axis() -> None:
    history = synthetic(datetime(2021, 6, 20, tzinfo=timezone.utc), datetime(2024, 3, 1, tzinfo=timezone.utc))
    assert tick_labels(history) == ["2021", "2022", "2023", "2024"]


def test_a_short_history_has_months_with_their_year() -> None:
    history = synthetic(datetime(2023, 11, 20, tzinfo=timezone.utc), datetime(2024, 2, 3, tzinfo=timezone.utc))
    assert tick_labels(history) == ["Nov\n2023", "Dec", "Jan\n2024", "Feb"]
