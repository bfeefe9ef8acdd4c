"""diff() on consecutive real versions in ../shared/corpus; skipped where the corpus is absent.

Each expectation was read off the two files by eye.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lmsys_about import Change, diff, load

from ..paths import ABOUT_PAGES, CORPUS

PAGES = ABOUT_PAGES
pytestmark = pytest.mark.skipif(not PAGES, reason=f"no corpus at {CORPUS}")


def page(prefix: str) -> Path:
    return next(p for p in PAGES if p.name.startswith(prefix))


def between(old: str, new: str) -> list[Change]:
    return diff(load(page(old)), load(page(new)))


def summary(changes: list[Change]) -> list[tuple[str, str, str | None, str | None]]:
    return [(c.kind.value, c.name, c.old, c.new) for c in changes]


def test_dropping_a_duplicate_name_changes_nothing() -> None:
    # 08 lists Lisa Dunlap twice (a duplicate-member diagnostic); 09 once: diagnostics are not changes.
    assert [d.code for d in load(page("about_08")).diagnostics] != [d.code for d in load(page("about_09")).diagnostics]
    assert between("about_08", "about_09") == []


def test_stanford_appears() -> None:
    changes = between("about_12", "about_13")
    assert [(c.kind.value, c.name, c.new_line) for c in changes] == [
        ("organization-description-changed", "description", 5),
        ("person-url-changed", "Evan Frick", 10),
        ("institution-added", "Stanford", 16),
    ]
    assert changes[1].new == "https://efrick2002.github.io/"


def test_sub_groups_become_one_flat_list() -> None:
    assert summary(between("about_11", "about_12")) == [
        ("group-renamed", "Members", "Student Team", "Members"),
        ("person-added", "Evan Frick", None, "Members"),
        ("person-added", "Yineng Zhang", None, "Members"),
        ("group-renamed", "Advisors", "Faculty Team", "Advisors"),
    ]


def test_typo_fixed_and_initiator_marks_dropped() -> None:
    changes = summary(between("about_01", "about_02"))
    assert ("institution-renamed", "UC Berkeley", "UC Bekreley", "UC Berkeley") in changes
    assert ("person-notes-changed", "Lianmin Zheng", "initiators", None) in changes
    assert [c[1] for c in changes if c[0] == "contact-added"] == ["email", "discord", "x"]


def test_one_person_joins() -> None:
    assert summary(between("about_09", "about_10")) == [("person-added", "Trevor Darrell", None, "Faculty Team")]
    assert summary(between("about_02", "about_03")) == [("person-added", "Shuo Yang", None, "Student Team")]


def test_the_corporation_version() -> None:
    changes = between("about_13", "about_14")
    kinds = [c.kind.value for c in changes]
    assert ("organization-short-name-changed", "short_name", "LMSYS Org", "LMSYS Corp") in summary(changes)
    assert ("group-renamed", "Project members", "Members", "Project members") in summary(changes)
    moved = [(c.name, c.old, c.new) for c in changes if c.kind.value == "person-moved"]
    assert moved == [
        (name, "Members", "Directors and officers") for name in ("Lianmin Zheng", "Ying Sheng", "Wei-Lin Chiang")
    ]
    assert ("person-removed", "Trevor Darrell", "Advisors", None) in summary(changes)
    assert kinds.count("sponsor-added") == 19
    assert kinds.count("project-added") == 4
    # Institutions move from a labelled list to the founding sentence: the same five, so no change.
    assert not [k for k in kinds if k.startswith("institution-")]


@pytest.mark.parametrize("index", range(len(PAGES) - 1), ids=[p.stem[:8] for p in PAGES[1:]])
def test_changes_are_in_page_order_and_lines_exist(index: int) -> None:
    old_path, new_path = PAGES[index], PAGES[index + 1]
    changes = diff(load(old_path), load(new_path))
    old_lines = old_path.read_text().count("\n") + 1
    new_lines = new_path.read_text().count("\n") + 1
    assert all(c.old_line is None or 1 <= c.old_line <= old_lines for c in changes)
    assert all(c.new_line is None or 1 <= c.new_line <= new_lines for c in changes)
    placed = [c.new_line for c in changes if c.new_line is not None]
    assert placed == sorted(placed)
