"""lmsys_about.testing.assert_unchanged: first run, unchanged, changed, the update switch, concurrent writers."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from lmsys_about import load
from lmsys_about.testing import UPDATE_VARIABLE, assert_unchanged, snapshot_text, update_requested

from .paths import DIFF

CASES = DIFF


@pytest.fixture(autouse=True)
def no_update_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(UPDATE_VARIABLE, raising=False)


def test_a_missing_snapshot_fails(tmp_path: Path) -> None:
    snapshot = tmp_path / "snapshots" / "about.json"
    with pytest.raises(AssertionError, match=f"does not exist; rerun with {UPDATE_VARIABLE}=1 to write it"):
        assert_unchanged(load(CASES / "person-added-removed" / "old.md"), snapshot)
    assert not snapshot.parent.exists()


def test_updating_writes_a_missing_snapshot(tmp_path: Path) -> None:
    about = load(CASES / "person-added-removed" / "old.md")
    snapshot = tmp_path / "snapshots" / "about.json"
    assert_unchanged(about, snapshot, update=True)
    data = json.loads(snapshot.read_text(encoding="utf-8"))
    assert "source" not in data
    assert data["people"][2]["name"] == "Alan Turing"
    assert data == about.model_dump(mode="json", exclude={"source"})


def test_unchanged_content_passes_despite_formatting(tmp_path: Path) -> None:
    snapshot = tmp_path / "about.json"
    assert_unchanged(load(CASES / "format-one-link-per-line" / "old.md"), snapshot, update=True)
    before = snapshot.read_bytes()
    assert_unchanged(load(CASES / "format-one-link-per-line" / "new.md"), snapshot)
    assert snapshot.read_bytes() == before


def test_changed_content_fails_with_the_semantic_diff(tmp_path: Path) -> None:
    snapshot = tmp_path / "about.json"
    assert_unchanged(load(CASES / "person-added-removed" / "old.md"), snapshot, update=True)
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
    assert_unchanged(old, snapshot, update=True)
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
    assert_unchanged(load(CASES / "person-moved" / "old.md"), snapshot, update=True)
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


def test_a_stale_snapshot_passes_and_updating_refreshes_it(tmp_path: Path) -> None:
    snapshot = tmp_path / "about.json"
    old, new = (load(CASES / "format-one-link-per-line" / f"{name}.md") for name in ("old", "new"))
    assert_unchanged(old, snapshot, update=True)
    assert_unchanged(new, snapshot)
    assert snapshot.read_text(encoding="utf-8") == snapshot_text(old)
    assert_unchanged(new, snapshot, update=True)
    assert snapshot.read_text(encoding="utf-8") == snapshot_text(new)
    assert list(tmp_path.iterdir()) == [snapshot]  # no temporary file left beside it


@pytest.mark.parametrize(("value", "expected"), [
    ("1", True), ("true", True), ("TRUE", True), ("Yes", True), ("on", True), (" on ", True),
    ("0", False), ("false", False), ("no", False), ("off", False), ("", False), ("2", False),
])  # fmt: skip
def test_the_variable_takes_the_usual_true_values(value: str, expected: bool) -> None:
    assert update_requested({UPDATE_VARIABLE: value}) is expected


WRITER_AND_READER = """\
import sys
from pathlib import Path

from lmsys_about import load
from lmsys_about.models import About
from lmsys_about.testing import assert_unchanged

snapshot, first, second, rounds = Path(sys.argv[1]), load(sys.argv[2]), load(sys.argv[3]), int(sys.argv[4])
torn = 0
for round in range(rounds):
    assert_unchanged(first if round % 2 else second, snapshot, update=True)
    try:
        About.model_validate_json(snapshot.read_bytes())
    except ValueError:
        torn += 1
print(torn)
"""


def test_concurrent_writers_and_readers_never_see_a_torn_snapshot(tmp_path: Path) -> None:
    """Eight processes each rewrite one snapshot, alternating two pages, and read it back after each write."""
    snapshot = tmp_path / "about.json"
    pages = [str(CASES / "person-added-removed" / f"{name}.md") for name in ("old", "new")]
    script = tmp_path / "write_and_read.py"
    script.write_text(textwrap.dedent(WRITER_AND_READER), encoding="utf-8")
    processes = [
        subprocess.Popen([sys.executable, str(script), str(snapshot), *pages[:: 1 if n % 2 else -1], "40"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for n in range(8)
    ]  # fmt: skip
    results = [process.communicate(timeout=300) for process in processes]
    assert [process.returncode for process in processes] == [0] * 8, [err for _, err in results]
    assert [out.strip() for out, _ in results] == ["0"] * 8
    assert sorted(path.name for path in tmp_path.iterdir()) == ["about.json", "write_and_read.py"]
