"""Each speed trick changes the work, never the result: with any one of them off, or all, every page gives the same
data or the same error as with all of them on."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from lmsys_about import AboutError
from lmsys_about._api import _parse
from lmsys_about._read.tuning import TUNED, Tuning

from ..paths import CASES, CORPUS_PAGES, case_id

TUNINGS = [
    *(dataclasses.replace(TUNED, **{name: False}) for name in Tuning.names()),
    Tuning(**dict.fromkeys(Tuning.names(), False)),
]


def _outcome(data: bytes, tuning: Tuning) -> object:
    try:
        return _parse(data, source="page.md", max_bytes=None, tuning=tuning)
    except AboutError as error:
        return type(error).__name__, str(error)


@pytest.mark.parametrize("path", CASES + CORPUS_PAGES, ids=[*map(case_id, CASES), *(p.stem for p in CORPUS_PAGES)])
def test_every_trick_off_gives_the_same_data(path: Path) -> None:
    data = path.read_bytes()
    expected = _outcome(data, TUNED)
    for tuning in TUNINGS:
        assert _outcome(data, tuning) == expected, tuning


def test_tunings_are_values_not_switches() -> None:
    assert Tuning() == TUNED
    assert all(getattr(TUNED, name) for name in Tuning.names())
    with pytest.raises(dataclasses.FrozenInstanceError):
        TUNED.plain_text_lines = False  # type: ignore[misc]
