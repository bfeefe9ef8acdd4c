"""The timeline's data from a git history built in ``tmp_path``: spans per person and sponsor, no drawing."""

from __future__ import annotations

import shutil
from datetime import datetime, timezone
from pathlib import Path

import pytest

from lmsys_about._git.timeline import Group, Mark, Row, Stint, timeline
from lmsys_about._git.walk import Version, walk

from .test_walk import PAGE, Repo

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

HEAD = '---\ntitle: "About"\n---\n\nOWS Labs (OWS) is a lab.\n'
LINKS = {
    "Ada Ng": "https://ada.example.org/",
    "Bob Li": "https://bob.example.org/",
    "Bob Lee": "https://bob.example.org/",  # the same link: a rename
    "Cy Wu": "https://cy.example.org/",
    "Dee Ray": "https://dee.example.org/",
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


def mark(versions: list[Version], n: int) -> Mark:
    """The version of day n (the first commit is dated day 2)."""
    version = next(v for v in versions if v.date.startswith(f"2024-01-{n:02d}"))
    return Mark(version.commit, day(n))


def test_stints_per_person_and_group(root: Path) -> None:
    versions = list(walk(str(root), PAGE))
    history = timeline(versions)
    people = {row.name: row for row in history.people}
    assert list(people) == ["Ada Ng", "Bob Lee", "Cy Wu"]  # order of first appearance, names as last written
    assert [group.names for group in history.groups] == [("Team",), ("Alumni",)]
    team, alumni = 0, 1
    # Ada leaves on day 7 and comes back on day 9: two stints in Team. The broken version of day 4 does not
    # interrupt the first one, which lasts until the version that dropped her.
    assert people["Ada Ng"].stints == (
        Stint(team, "Team", mark(versions, 2), mark(versions, 6), mark(versions, 7)),
        Stint(team, "Team", mark(versions, 9), mark(versions, 9), None),
    )
    # Renamed on day 8, with the same link: still one row, one stint.
    assert people["Bob Lee"].stints == (Stint(team, "Team", mark(versions, 2), mark(versions, 9), None),)
    # Moved to Alumni on day 7: the Team stint ends where the Alumni one starts; the row stays under Team.
    cy = people["Cy Wu"]
    assert cy.stints == (
        Stint(team, "Team", mark(versions, 3), mark(versions, 6), mark(versions, 7)),
        Stint(alumni, "Alumni", mark(versions, 7), mark(versions, 9), None),
    )
    assert cy.group == team


def test_sponsors_and_dates(root: Path) -> None:
    versions = list(walk(str(root), PAGE))
    history = timeline(versions)
    acme = Stint(0, "donor", mark(versions, 5), mark(versions, 7), mark(versions, 8))
    assert history.sponsors == (Row("Acme", (acme,)),)
    assert [group.names for group in history.kinds] == [("donor",)]
    assert [m.date for m in history.versions] == [day(n) for n in (2, 3, 5, 6, 7, 8, 9)]  # not day 4: no parse
    assert [m.date for m in history.changed] == [day(n) for n in (2, 3, 5, 7, 8, 9)]  # not day 6, a reflow


def test_two_groups_at_once_and_a_renamed_group(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "site")
    repo.commit("Start", {PAGE: page({"Student Team": ["Ada Ng", "Bob Li"], "Advisors": ["Cy Wu"]})})
    repo.commit("Rename", {PAGE: page({"Members": ["Ada Ng", "Bob Li"], "Advisors": ["Cy Wu"]})})
    repo.commit("Cy joins", {PAGE: page({"Members": ["Ada Ng", "Bob Li", "Cy Wu"], "Advisors": ["Cy Wu"]})})
    repo.commit("Rename, Bob leaves", {PAGE: page({"Project members": ["Ada Ng", "Cy Wu"], "Advisors": ["Cy Wu"]})})
    versions = list(walk(str(repo.root), PAGE))
    history = timeline(versions)
    marks = [Mark(v.commit, datetime.fromisoformat(v.date)) for v in versions]
    members, advisors = history.groups
    assert members == Group(("Student Team", "Members", "Project members"), (marks[1], marks[3]))
    assert advisors == Group(("Advisors",), ())
    people = {row.name: row for row in history.people}
    # One group across its renames: Ada has one stint, named as its last version names the group.
    assert people["Ada Ng"].stints == (Stint(0, "Project members", marks[0], marks[3], None),)
    assert people["Bob Li"].stints == (Stint(0, "Members", marks[0], marks[2], marks[3]),)
    # In two groups at once: two stints side by side, the advisor's not ended by joining the members.
    assert people["Cy Wu"].stints == (
        Stint(1, "Advisors", marks[0], marks[3], None),
        Stint(0, "Project members", marks[2], marks[3], None),
    )


def test_no_version_no_row() -> None:
    history = timeline([])
    assert (history.people, history.sponsors, history.versions, history.changed) == ((), (), (), ())
