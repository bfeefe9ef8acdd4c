"""The timeline's data from a git history built in ``tmp_path``: spans per person and sponsor, no drawing."""

from __future__ import annotations

import shutil
from datetime import datetime, timezone
from pathlib import Path

import pytest

from lmsys_about._git.timeline import Row, Span, timeline
from lmsys_about._git.walk import walk

from .test_walk import PAGE, Repo

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

HEAD = '---\ntitle: "About"\n---\n\nOWS Labs (OWS) is a lab.\n'
LINKS = {
    "Ada Ng": "https://ada.example.org/",
    "Bob Li": "https://bob.example.org/",
    "Bob Lee": "https://bob.example.org/",  # the same link: a rename
    "Cy Wu": "https://cy.example.org/",
    "Acme": "https://acme.example.com/",
}


def page(groups: dict[str, list[str]], sponsors: tuple[str, ...] = (), sep: str = ", ") -> str:
    text = HEAD
    for group, names in groups.items():
        text += f"\n## {group}\n" + sep.join(f"[{name}]({LINKS[name]})" for name in names) + "\n"
    if sponsors:
        text += "\n## Sponsors\nOWS is supported by donations from the following institutions:\n\n"
        text += ", ".join(f"[{name}]({LINKS[name]})" for name in sponsors) + "\n"
    return text


def day(n: int) -> datetime:
    """The date of commit number n - 1 of Repo (the first commit is dated 2024-01-02)."""
    return datetime(2024, 1, n, 12, tzinfo=timezone.utc)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    repo = Repo(tmp_path / "site")
    team = ["Ada Ng", "Bob Li"]
    repo.commit("Start", {PAGE: page({"Team": team})})  # day 2
    repo.commit("Add Cy", {PAGE: page({"Team": [*team, "Cy Wu"]})})  # day 3
    repo.commit("Break it", {PAGE: page({"Team": team}).replace('"About"', '"About')})  # day 4: no information
    repo.commit("Sponsor", {PAGE: page({"Team": [*team, "Cy Wu"]}, ("Acme",))})  # day 5
    repo.commit("Reflow", {PAGE: page({"Team": [*team, "Cy Wu"]}, ("Acme",), sep=",\n")})  # day 6: no change
    repo.commit("Ada leaves, Cy an alumnus", {PAGE: page({"Team": ["Bob Li"], "Alumni": ["Cy Wu"]}, ("Acme",))})  # 7
    repo.commit("Bob renamed", {PAGE: page({"Team": ["Bob Lee"], "Alumni": ["Cy Wu"]})})  # day 8: Acme gone
    repo.commit("Ada is back", {PAGE: page({"Team": ["Bob Lee", "Ada Ng"], "Alumni": ["Cy Wu"]})})  # day 9
    return repo.root


def test_walk_gives_the_parsed_page_of_each_good_version(root: Path) -> None:
    versions = list(walk(str(root), PAGE))
    assert [v.about is None for v in versions] == [v.error is not None for v in versions]
    assert [v.about is None for v in versions] == [False, False, True, False, False, False, False, False]
    assert [p.name for p in versions[1].about.people] == ["Ada Ng", "Bob Li", "Cy Wu"]  # type: ignore[union-attr]


def test_spans_per_person(root: Path) -> None:
    people = {row.name: row for row in timeline(walk(str(root), PAGE)).people}
    assert list(people) == ["Ada Ng", "Bob Lee", "Cy Wu"]  # order of first appearance, names as last written
    # Ada leaves on day 7 and comes back on day 9: two spans on one row. The broken version of day 4 does
    # not interrupt the first one.
    assert people["Ada Ng"] == Row(
        "Ada Ng",
        (
            Span(day(2), day(6), ("Team",), ((day(2), "Team"),)),
            Span(day(9), day(9), ("Team",), ((day(9), "Team"),)),
        ),
    )
    # Renamed on day 8, with the same link: still one row, one span.
    assert people["Bob Lee"].spans == (Span(day(2), day(9), ("Team",), ((day(2), "Team"),)),)
    # Moved to Alumni on day 7: one span in two phases, drawn under the group that listed them first.
    cy = people["Cy Wu"]
    assert cy.spans == (Span(day(3), day(9), ("Team", "Alumni"), ((day(3), "Team"), (day(7), "Alumni"))),)
    assert cy.group == "Team"


def test_sponsors_and_dates(root: Path) -> None:
    history = timeline(walk(str(root), PAGE))
    assert history.sponsors == (Row("Acme", (Span(day(5), day(7), ("donor",), ((day(5), "donor"),)),)),)
    assert history.versions == tuple(day(n) for n in (2, 3, 5, 6, 7, 8, 9))  # not day 4, which does not parse
    assert history.changed == tuple(day(n) for n in (2, 3, 5, 7, 8, 9))  # not day 6, a reflow


def test_no_version_no_row() -> None:
    history = timeline([])
    assert (history.people, history.sponsors, history.versions, history.changed) == ((), (), (), ())
