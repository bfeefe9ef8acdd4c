"""Nothing is silently lost: every link and list item ends up in the model or in a diagnostic."""

from __future__ import annotations

from pathlib import Path

import pytest

from lmsys_about import loads

from .accounting import unaccounted
from .paths import PARSEABLE, case_id

# Inputs that are refused (fixtures/error/) have nothing to account for.


@pytest.mark.parametrize("path", PARSEABLE, ids=case_id)
def test_every_link_and_item_is_accounted_for(path: Path) -> None:
    data = path.read_bytes()
    about = loads(data)
    assert unaccounted(data, about) == []


def test_the_check_notices_a_lost_link() -> None:
    data = b"OWS Labs (OWS) is a lab.\n\n## Members\n[Ada](https://ada.example.org/)\n"
    about = loads(data)
    lost = about.model_copy(update={"groups": [], "people": []})
    assert unaccounted(data, lost) == ["link 'https://ada.example.org/' on line 4"]


def test_a_legend_written_as_an_item_is_accounted_for_by_the_notes_it_gives() -> None:
    data = b'OWS Labs (OWS) is a lab.\n\n## Members\nAda Lovelace\\*, Alan Turing\n\n- "\\*" denotes initiators\n'
    about = loads(data)
    assert about.people[0].notes == ("initiators",)
    assert unaccounted(data, about) == []
    unused = about.model_copy(update={"groups": [], "people": []})
    assert unaccounted(data, unused) == ["list item on lines 6-6"]
