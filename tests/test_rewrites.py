"""Form invariance: the same content in any Markdown form a maintainer may choose gives the same About.

The rewriter (tests/rewrite.py) turns each fixture, and each real version of the page when the corpus is present,
into equivalent forms: people as a comma list, one per line, bullets, a numbered list, a table, bold or plain names
with a labelled link, reference-style links with their definitions anywhere; a group's label as a heading of
another level, a bold line, 'Label:', with emoji; marks and their legends or footnotes; sponsors as lists, tables
and linked logos; dates and statuses in other words; other line endings, a BOM, trailing spaces and tabs. Each
rewrite must give the page's About up to its lines and layout findings (or the change the rewrite says).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from .paths import CORPUS, CORPUS_PAGES, PARSE
from .rewrite import FAMILIES, Page, Rewrite, Tally, check

FIXTURES = sorted(PARSE.glob("*.md"))


@cache
def checked(path: Path, family: str) -> tuple[Tally, list[Rewrite], list[str]]:
    """The rewrites of ``family`` on the page at ``path``, each checked once for the whole run."""
    return check(Page.of(path.name, path.read_text(encoding="utf-8")), family)


@pytest.mark.parametrize("family", sorted(FAMILIES))
@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_every_rewrite_of_a_fixture_gives_its_about(path: Path, family: str) -> None:
    _, _, failures = checked(path, family)
    assert failures == []


@pytest.mark.skipif(not CORPUS_PAGES, reason=f"no corpus at {CORPUS}")
@pytest.mark.parametrize("family", sorted(FAMILIES))
@pytest.mark.parametrize("path", CORPUS_PAGES, ids=[p.stem for p in CORPUS_PAGES])
def test_every_rewrite_of_a_real_page_gives_its_about(path: Path, family: str) -> None:
    _, _, failures = checked(path, family)
    assert failures == []


# The fewest rewrites the fixtures give per family: the rewriter must find what it rewrites, or it checks nothing.
MINIMUM = {"people": 200, "labels": 100, "marks": 150, "sponsors": 50, "dates": 12, "statuses": 50, "whitespace": 100}


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_the_fixtures_give_each_family_many_rewrites_in_every_form(family: str) -> None:
    rewrites = [r for path in FIXTURES for r in checked(path, family)[1]]
    assert len(rewrites) >= MINIMUM[family]
    forms = {r.form for r in rewrites}
    assert len({path for path in FIXTURES if checked(path, family)[1]}) >= 3
    assert len(forms) >= 6
