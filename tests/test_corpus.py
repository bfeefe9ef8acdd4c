"""Every real version of the page in ../shared/corpus parses; skipped where the corpus is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from lmsys_about import load

from .accounting import unaccounted
from .paths import ABOUT_PAGES, CORPUS, CORPUS_PAGES

PAGES = CORPUS_PAGES
pytestmark = pytest.mark.skipif(not PAGES, reason=f"no corpus at {CORPUS}")


@pytest.mark.parametrize("path", PAGES, ids=[p.stem for p in PAGES])
def test_parses_and_loses_nothing(path: Path) -> None:
    about = load(path)
    assert unaccounted(path.read_bytes(), about) == []
    assert all(d.line is None or 1 <= d.line <= path.read_text().count("\n") + 1 for d in about.diagnostics)


@pytest.mark.parametrize("path", ABOUT_PAGES, ids=[p.stem for p in ABOUT_PAGES])
def test_about_pages_have_people_organisation_and_institutions(path: Path) -> None:
    about = load(path)
    assert about.organization.name == "Large Model Systems Organization"
    assert about.organization.short_name in ("LMSYS Org", "LMSYS Corp")
    assert about.organization.mission
    assert len(about.people) >= 10
    assert all(p.name and "*" not in p.name and "[" not in p.name for p in about.people)
    names = [i.name for i in about.history.institutions]
    assert names[:1] in (["UC Berkeley"], ["UC Bekreley"])
    assert "CMU" in names
    assert not [d for d in about.diagnostics if d.code in ("unknown-section", "no-people", "no-organization")]


def test_corpus_specifics() -> None:
    if not ABOUT_PAGES:
        pytest.skip("no corpus")
    first = load(CORPUS / "about_01_2023-03_initiators.md")
    assert [g.name for g in first.groups] == ["Student Team", "Faculty Team"]
    assert first.people[0].notes == ("initiators",)
    assert first.history.institutions[0].model_dump() == {"name": "UC Bekreley", "notes": ("initiators",), "line": 19}
    duplicate = load(CORPUS / "about_08_2024-05_duplicate-name.md")
    assert [d.code for d in duplicate.diagnostics].count("duplicate-member") == 1
    assert [p.name for p in duplicate.people].count("Lisa Dunlap") == 1
    flat = load(CORPUS / "about_12_2024_flat-members.md")
    assert [g.name for g in flat.groups] == ["Members", "Advisors"]
    for page in PAGES:
        if page.name.startswith("donations_"):
            donation = load(page)
            assert {d.code for d in donation.diagnostics} >= {"no-people", "no-organization"}
