"""diff(): one case per folder ``fixtures/diff/<case>/`` with ``old.md``, ``new.md`` and ``expected.json``.

Cases named ``format-*`` are formatting-only edits and expect no change. The expectations are written by
hand; there is deliberately no switch that rewrites them from the code's output.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

import lmsys_about
from lmsys_about import Change, ChangeKind, diff, load, loads

from ..paths import DIFF, DIFF_CASES

CASES_DIR = DIFF
CASES = DIFF_CASES
INVERSE = {
    "added": "removed",
    "removed": "added",
    "joined-group": "left-group",
    "left-group": "joined-group",
}


def expected(case: Path) -> list[dict[str, object]]:
    data: list[dict[str, object]] = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    return data


def changes(case: Path) -> list[Change]:
    return diff(load(case / "old.md"), load(case / "new.md"))


@pytest.mark.parametrize("case", CASES, ids=[p.name for p in CASES])
def test_diff_case(case: Path) -> None:
    assert [c.model_dump(mode="json") for c in changes(case)] == expected(case)


def test_cases_cover_every_kind_and_formatting_edits() -> None:
    kinds = {change["kind"] for case in CASES for change in expected(case)}
    assert kinds == {kind.value for kind in ChangeKind}
    formatting = [case.name for case in CASES if case.name.startswith("format-")]
    assert len(formatting) >= 5
    assert all(expected(CASES_DIR / name) == [] for name in formatting)


def _inverse(kind: str) -> str:
    for suffix, other in INVERSE.items():
        if kind.endswith("-" + suffix):
            return kind[: -len(suffix)] + other
    return kind


@pytest.mark.parametrize("case", CASES, ids=[p.name for p in CASES])
def test_diff_backwards_is_the_inverse(case: Path) -> None:
    forwards = changes(case)
    backwards = diff(load(case / "new.md"), load(case / "old.md"))
    assert Counter(c.kind.value for c in backwards) == Counter(_inverse(c.kind.value) for c in forwards)
    assert {(c.old, c.new) for c in backwards} == {(c.new, c.old) for c in forwards}


@pytest.mark.parametrize("case", CASES, ids=[p.name for p in CASES])
def test_a_version_against_itself_has_no_change(case: Path) -> None:
    for name in ("old.md", "new.md"):
        assert diff(load(case / name), load(case / name)) == []


def test_line_source_and_diagnostics_never_make_a_change() -> None:
    about = load()
    shifted = about.model_copy(
        update={
            "source": "elsewhere.md",
            "source_sha256": "0" * 64,
            "diagnostics": [],
            "people": [p.model_copy(update={"line": p.line + 100}) for p in about.people],
            "sponsors": [s.model_copy(update={"line": s.line + 100}) for s in about.sponsors],
        }
    )
    assert diff(about, shifted) == []


def test_a_person_renamed_and_relinked_at_once_is_a_new_person() -> None:
    old = loads("OWS Labs (OWS) is a lab.\n\n## Team\n[Ada King](https://ada.example.org/)\n")
    new = loads("OWS Labs (OWS) is a lab.\n\n## Team\n[Ada Lovelace](https://lovelace.example.org/)\n")
    assert sorted(c.kind for c in diff(old, new)) == [ChangeKind.PERSON_ADDED, ChangeKind.PERSON_REMOVED]


def test_a_url_differing_only_by_scheme_or_slash_still_identifies_a_person() -> None:
    old = loads("OWS Labs (OWS) is a lab.\n\n## Team\n[Ada King](http://www.ada.example.org)\n")
    new = loads("OWS Labs (OWS) is a lab.\n\n## Team\n[Ada Lovelace](https://ada.example.org/)\n")
    assert [(c.kind, c.name) for c in diff(old, new)] == [
        (ChangeKind.PERSON_RENAMED, "Ada Lovelace"),
        (ChangeKind.PERSON_URL_CHANGED, "Ada Lovelace"),
    ]


def test_a_group_below_the_overlap_threshold_is_not_renamed() -> None:
    # {Ada, Bob} and {Ada, Cy, Di}: Jaccard 1/4 -> a new group, and Ada moves into it.
    old = loads("OWS Labs (OWS) is a lab.\n\n## Team\nAda Ng, Bob Li\n")
    new = loads("OWS Labs (OWS) is a lab.\n\n## Staff\nAda Ng, Cy Wu, Di Xu\n")
    kinds = [c.kind for c in diff(old, new)]
    assert ChangeKind.GROUP_RENAMED not in kinds
    assert kinds.count(ChangeKind.PERSON_MOVED) == 1


def test_change_reads_like_a_changelog() -> None:
    added = Change(kind=ChangeKind.PERSON_ADDED, name="Jun Qian", new="Advisors", new_line=42)
    removed = Change(kind=ChangeKind.SPONSOR_REMOVED, name="Kaggle", old="donor", old_line=20)
    renamed = Change(kind=ChangeKind.GROUP_RENAMED, name="Members", old="Student Team", new="Members", old_line=9,
                     new_line=9)  # fmt: skip
    assert str(added) == "+ Jun Qian joined Advisors (line 42)"
    assert str(removed) == "- sponsor Kaggle removed (donor) (old line 20)"
    assert str(renamed) == "~ group Student Team renamed to Members (line 9)"
    assert (added.subject, removed.subject, renamed.subject) == ("person", "sponsor", "group")


def test_every_kind_has_a_sentence_and_a_subject() -> None:
    for kind in ChangeKind:
        change = Change(kind=kind, name="N", old="O", new="P", old_line=1, new_line=2)
        assert str(change)[:2] in ("+ ", "- ", "~ ")
        assert kind.value.startswith(change.subject)


def test_public_surface() -> None:
    assert {"diff", "Change", "ChangeKind", "HistoryError"} <= set(lmsys_about.__all__)
    assert lmsys_about.diff is diff


def test_an_event_is_named_by_as_much_of_its_date_as_the_page_gives() -> None:
    old = loads("ACME Labs (ACME) is a lab.\n\n## History\nACME was founded in September 2024.\n")
    new = loads("ACME Labs (ACME) is a lab.\n\n## History\nACME was founded on September 1, 2024.\n")
    assert [(c.kind, c.name) for c in diff(old, new)] == [(ChangeKind.EVENT_CHANGED, "2024-09-01")]
    assert [(c.kind, c.name) for c in diff(new, old)] == [(ChangeKind.EVENT_CHANGED, "2024-09")]
