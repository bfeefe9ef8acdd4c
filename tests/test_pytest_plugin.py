"""The pytest plugin, driven in a project of its own: the about_snapshot fixture, the update option, the summary."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from lmsys_about import load
from lmsys_about.testing import UPDATE_VARIABLE, snapshot_text

from .paths import DIFF

TEST_FILE = """\
from pathlib import Path

from lmsys_about import load

HERE = Path(__file__).parent


def test_page(about_snapshot):
    assert load(HERE / "about.md") == about_snapshot
"""

PARAMETRISED = """\
from pathlib import Path

import pytest

from lmsys_about import load

HERE = Path(__file__).parent


@pytest.mark.parametrize("page", ["old.md", "new.md", "pages/old.md"], ids=["old", "new", "pages/old"])
def test_page(page, about_snapshot):
    assert load(HERE / page) == about_snapshot
"""


@pytest.fixture(autouse=True)
def no_update_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(UPDATE_VARIABLE, raising=False)


@pytest.fixture
def tests_dir(pytester: pytest.Pytester) -> Path:
    """A project whose tests/ holds test_page.py, which compares tests/about.md with its snapshot."""
    folder = pytester.mkdir("tests")
    (folder / "test_page.py").write_text(TEST_FILE, encoding="utf-8")
    return folder


def put(page: str, target: Path) -> None:
    """Copy the diff fixture ``page`` ('person-added-removed/old') to ``target``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(DIFF / f"{page}.md", target)


def snapshot_of(tests_dir: Path, name: str = "test_page") -> Path:
    return tests_dir / "__snapshots__" / "test_page" / f"{name}.json"


def test_a_missing_snapshot_fails_naming_the_option(pytester: pytest.Pytester, tests_dir: Path) -> None:
    put("person-added-removed/old", tests_dir / "about.md")
    result = pytester.runpytest()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        ["*snapshot tests/__snapshots__/test_page/test_page.json does not exist;"
         " rerun with pytest --update-about-snapshots to write it*"]
    )  # fmt: skip
    assert not (tests_dir / "__snapshots__").exists()


def test_the_option_writes_and_another_directory_finds_it(
    pytester: pytest.Pytester, tests_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    put("person-added-removed/old", tests_dir / "about.md")
    result = pytester.runpytest("--update-about-snapshots")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["*About snapshots*", "1 written, 0 updated, 0 unused"])
    snapshot = snapshot_of(tests_dir)
    assert snapshot.read_text(encoding="utf-8") == snapshot_text(load(tests_dir / "about.md"))
    assert "Alan Turing" in snapshot.read_text(encoding="utf-8")

    monkeypatch.chdir(tests_dir)
    result = pytester.runpytest("test_page.py")
    result.assert_outcomes(passed=1)
    assert "About snapshots" not in result.stdout.str()  # nothing written, updated or unused
    assert not (tests_dir / "tests").exists()
    assert list((tests_dir / "__snapshots__").rglob("*.json")) == [snapshot]


def test_a_content_change_fails_with_the_change_in_words(pytester: pytest.Pytester, tests_dir: Path) -> None:
    put("person-added-removed/old", tests_dir / "about.md")
    pytester.runpytest("--update-about-snapshots").assert_outcomes(passed=1)
    snapshot = snapshot_of(tests_dir)
    before = snapshot.read_bytes()

    put("person-added-removed/new", tests_dir / "about.md")
    result = pytester.runpytest()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "*the page differs from snapshot tests/__snapshots__/test_page/test_page.json (2 changes;*",
            "*+ Donald Knuth joined Members (line 12)",
            "*- Edsger Dijkstra left Members (old line 12)",
            "*rerun with pytest --update-about-snapshots to accept them.",
        ]
    )
    assert '"name":' not in result.stdout.str()  # the changes, not a JSON diff
    assert snapshot.read_bytes() == before

    result = pytester.runpytest("--update-about-snapshots")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["0 written, 1 updated, 0 unused"])
    assert "Donald Knuth" in snapshot.read_text(encoding="utf-8")
    pytester.runpytest().assert_outcomes(passed=1)


def test_a_formatting_only_change_passes_and_the_option_refreshes_it(
    pytester: pytest.Pytester, tests_dir: Path
) -> None:
    put("format-one-link-per-line/old", tests_dir / "about.md")
    pytester.runpytest("--update-about-snapshots").assert_outcomes(passed=1)
    snapshot = snapshot_of(tests_dir)
    before = snapshot.read_bytes()

    put("format-one-link-per-line/new", tests_dir / "about.md")
    result = pytester.runpytest()
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["0 written, 0 updated, 0 unused", "1 stale (same content, other lines or sha256)*"])
    assert snapshot.read_bytes() == before  # stale: its lines and sha256 are the old file's

    result = pytester.runpytest("--update-about-snapshots")
    result.stdout.fnmatch_lines(["0 written, 1 updated, 0 unused"])
    assert snapshot.read_text(encoding="utf-8") == snapshot_text(load(tests_dir / "about.md"))
    assert snapshot.read_bytes() != before


def test_parametrised_tests_get_one_snapshot_each(pytester: pytest.Pytester, tests_dir: Path) -> None:
    (tests_dir / "test_page.py").write_text(PARAMETRISED, encoding="utf-8")
    put("person-added-removed/old", tests_dir / "old.md")
    put("person-added-removed/new", tests_dir / "new.md")
    put("person-moved/old", tests_dir / "pages" / "old.md")
    result = pytester.runpytest("--update-about-snapshots")
    result.assert_outcomes(passed=3)
    result.stdout.fnmatch_lines(["3 written, 0 updated, 0 unused"])
    folder = tests_dir / "__snapshots__" / "test_page"
    names = sorted(path.name for path in folder.iterdir())
    assert names[:2] == ["test_page[new].json", "test_page[old].json"]
    assert len(names) == 3
    assert names[2].startswith("test_page[pages_old]-")  # '/' cannot stand in a file name
    for name, page in [(names[0], "new.md"), (names[1], "old.md"), (names[2], "pages/old.md")]:
        assert (folder / name).read_text(encoding="utf-8") == snapshot_text(load(tests_dir / page))
    pytester.runpytest().assert_outcomes(passed=3)


def test_the_summary_counts_unused_snapshots_of_whole_files_only(pytester: pytest.Pytester, tests_dir: Path) -> None:
    put("person-added-removed/old", tests_dir / "about.md")
    pytester.runpytest("--update-about-snapshots").assert_outcomes(passed=1)
    (tests_dir / "test_page.py").write_text(TEST_FILE.replace("def test_page(", "def test_renamed("))
    result = pytester.runpytest("--update-about-snapshots")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(
        ["1 written, 0 updated, 1 unused", "unused: tests/__snapshots__/test_page/test_page.json"]
    )
    for selection in (["tests/test_page.py::test_renamed"], ["-k", "nothing"]):  # part of the file: unknown
        assert "About snapshots" not in pytester.runpytest(*selection).stdout.str()


def test_a_snapshot_is_compared_with_an_about_only(pytester: pytest.Pytester, tests_dir: Path) -> None:
    (tests_dir / "test_page.py").write_text("def test_page(about_snapshot):\n    assert {} == about_snapshot\n")
    result = pytester.runpytest()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*an About is compared with a snapshot, not dict*"])


def test_the_environment_variable_updates_too(
    pytester: pytest.Pytester, tests_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    put("person-moved/old", tests_dir / "about.md")
    monkeypatch.setenv(UPDATE_VARIABLE, "yes")
    pytester.runpytest().assert_outcomes(passed=1)
    assert snapshot_of(tests_dir).is_file()


def test_loading_the_plugin_imports_nothing_of_the_parser() -> None:
    """Every pytest run where the package is installed loads the plugin: it costs the parser nothing until used."""
    heavy = "('lmsys_about._api', 'lmsys_about.models', 'markdown_it', 'pydantic', 'yaml')"
    code = f"import sys, pytest, lmsys_about.pytest_plugin; print(sorted(m for m in {heavy} if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.stdout == "[]\n", result.stderr
