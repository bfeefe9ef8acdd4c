"""lmsys_about.testing.assert_unchanged: first run, unchanged, changed, and the update switch."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lmsys_about import load
from lmsys_about.testing import UPDATE_VARIABLE, assert_unchanged

from .paths import DIFF

CASES = DIFF


@pytest.fixture(autouse=True)
def no_update_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(UPDATE_VARIABLE, raising=False)


def test_first_run_writes_the_snapshot(tmp_path: Path) -> None:
    about = load(CASES / "person-added-removed" / "old.md")
    snapshot = tmp_path / "snapshots" / "about.json"
    assert_unchanged(about, snapshot)
    data = json.loads(snapshot.read_text(encoding="utf-8"))
    assert "source" not in data
    assert data["people"][2]["name"] == "Alan Turing"
    assert data == about.model_dump(mode="json", exclude={"source"})


def test_unchanged_content_passes_despite_formatting(tmp_path: Path) -> None:
    snapshot = tmp_path / "about.json"
    assert_unchanged(load(CASES / "format-one-link-per-line" / "old.md"), snapshot)
    before = snapshot.read_bytes()
    assert_unchanged(load(CASES / "format-one-link-per-line" / "new.md"), snapshot)
    assert snapshot.read_bytes() == before


def test_changed_content_fails_with_the_semantic_diff(tmp_path: Path) -> None:
    snapshot = tmp_path / "about.json"
    assert_unchanged(load(CASES / "person-added-removed" / "old.md"), snapshot)
    before = snapshot.read_bytes()
    with pytest.raises(AssertionError) as info:
        assert_unchanged(load(CASES / "person-added-removed" / "new.md"), snapshot)
    message = str(info.value)
    assert f"the page differs from snapshot {snapshot} (2 changes;" in message
    assert "\n  + Donald Knuth joined Members (line 12)\n  - Edsger Dijkstra left Members (old line 12)\n" in message
    assert f"{UPDATE_VARIABLE}=1" in message
    assert '"name":' not in message  # the changes, not a JSON diff
    assert snapshot.read_bytes() == before


@pytest.mark.parametrize("switch", ["argument", "environment"])
def test_update_rewrites_the_snapshot(switch: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    snapshot = tmp_path / "about.json"
    old, new = load(CASES / "person-added-removed" / "old.md"), load(CASES / "person-added-removed" / "new.md")
    assert_unchanged(old, snapshot)
    if switch == "environment":
        monkeypatch.setenv(UPDATE_VARIABLE, "1")
        assert_unchanged(new, snapshot)
    else:
        assert_unchanged(new, snapshot, update=True)
    monkeypatch.delenv(UPDATE_VARIABLE, raising=False)
    assert_unchanged(new, snapshot)
    with pytest.raises(AssertionError):
        assert_unchanged(old, snapshot)


def test_update_false_wins_over_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    snapshot = tmp_path / "about.json"
    assert_unchanged(load(CASES / "person-moved" / "old.md"), snapshot)
    monkeypatch.setenv(UPDATE_VARIABLE, "1")
    with pytest.raises(AssertionError, match="Alan Turing moved from Members to Advisors"):
        assert_unchanged(load(CASES / "person-moved" / "new.md"), snapshot, update=False)


def test_unreadable_snapshot_fails_unless_updating(tmp_path: Path) -> None:
    snapshot = tmp_path / "about.json"
    snapshot.write_text('{"not": "an About"}', encoding="utf-8")
    about = load(CASES / "person-moved" / "old.md")
    with pytest.raises(AssertionError, match="cannot be read as About JSON"):
        assert_unchanged(about, snapshot)
    assert_unchanged(about, snapshot, update=True)
    assert json.loads(snapshot.read_text(encoding="utf-8"))["people"][0]["name"] == "Ada Lovelace"
