"""The history as tables (``history_records``, ``history --table``): one row per change, one per stint."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

import lmsys_about
from lmsys_about import history_columns, history_records
from lmsys_about._cli.main import main
from lmsys_about._git.walk import walk

from .test_timeline import page, root  # noqa: F401  # the fixture of the timeline's history
from .test_walk import PAGE, Repo, repo  # noqa: F401  # the fixture of the walk's history

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def test_one_row_per_change_and_per_unreadable_version(repo: tuple[Path, list[str]]) -> None:  # noqa: F811
    path, commits = repo
    rows = history_records(path)
    assert all(tuple(row) == history_columns("changes") for row in rows)
    versions = list(walk(str(path), PAGE))
    assert len(rows) == sum(len(v.changes) for v in versions) + sum(v.error is not None for v in versions)
    assert [row for row in rows if row["commit"] == commits[1]] == [
        {
            "commit": commits[1],
            "date": "2024-01-03T12:00:00+00:00",
            "author": "Maintainer",
            "subject": "Add Cy",
            "kind": "person-added",
            "name": "Cy Wu",
            "old": None,
            "new": "Team",
            "line": 8,
        }
    ]
    broken = next(row for row in rows if row["commit"] == commits[3])
    assert (broken["kind"], broken["name"], broken["line"]) == ("error", "FrontMatterError", 3)
    deleted = next(row for row in rows if row["commit"] == commits[6])
    assert (deleted["kind"], deleted["name"], deleted["new"]) == (
        "error",
        "HistoryError",
        "the page does not exist in this commit",
    )
    left = next(row for row in rows if row["commit"] == commits[7])
    assert (left["kind"], left["name"], left["old"], left["line"]) == ("person-removed", "Ada Ng", "Team", 8)


def test_one_row_per_stint(root: Path) -> None:  # noqa: F811
    versions = list(walk(str(root), PAGE))
    commit = {v.subject: v.commit for v in versions}
    rows = history_records(root, "spans")
    assert all(tuple(row) == history_columns("spans") for row in rows)

    def stint(name: str, group: str, first: str, last: str, dropped: str | None, lane: str = "people") -> dict:
        days = {v.commit: v.date for v in versions}
        gone = commit[dropped] if dropped else None
        return {"lane": lane, "name": name, "group": group,
                "first_commit": commit[first], "first_date": days[commit[first]],
                "last_commit": commit[last], "last_date": days[commit[last]],
                "dropped_commit": gone, "dropped_date": days[gone] if gone else None}  # fmt: skip

    assert rows == [
        stint("Ada Ng", "Team", "Start", "Reflow", "Ada leaves, Cy an alumnus"),
        stint("Bob Lee", "Team", "Start", "Ada is back", None),
        stint("Cy Wu", "Team", "Add Cy", "Reflow", "Ada leaves, Cy an alumnus"),
        stint("Cy Wu", "Alumni", "Ada leaves, Cy an alumnus", "Ada is back", None),
        stint("Ada Ng", "Team", "Ada is back", "Ada is back", None),
        stint("Acme", "donor", "Sponsor", "Ada leaves, Cy an alumnus", "Bob renamed", lane="sponsors"),
    ]


def test_unknown_table() -> None:
    with pytest.raises(ValueError, match="unknown history table 'people'"):
        history_columns("people")  # type: ignore[arg-type]


def test_history_table_formats(root: Path, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: F811
    expected = history_records(root, "spans")
    assert main(["history", str(root), "--table", "spans"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == ",".join(history_columns("spans"))
    assert list(csv.DictReader(io.StringIO(out))) == [
        {key: "" if value is None else str(value) for key, value in row.items()} for row in expected
    ]
    assert main(["history", str(root), "--table", "spans", "--format", "ndjson"]) == 0
    assert [json.loads(line) for line in capsys.readouterr().out.splitlines()] == expected
    assert main(["history", str(root), "--table", "changes", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == history_records(root, "changes")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--table", "spans", "--format", "text"], "--format text is for the commits, not --table"),
        (["--format", "csv"], "--format csv needs --table changes or --table spans"),
        (["--table", "spans", "--plot", "t.png"], "--plot draws the spans itself: give --plot or --table, not both"),
    ],
)
def test_formats_that_do_not_fit(
    root: Path,  # noqa: F811
    args: list[str],
    message: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["history", str(root), *args]) == 2
    assert capsys.readouterr() == ("", f"lmsys-about: {message}\n")


def test_csv_escapes_formulas_and_text_escapes_controls(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = Repo(tmp_path / "site")
    site.commit("=HYPERLINK(1) \x1b[2J", {PAGE: page({"Team": ["Ada Ng"]})})
    assert main(["history", str(site.root), "--table", "changes"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {row["subject"] for row in rows} == {"'=HYPERLINK(1) \x1b[2J"}
    assert main(["history", str(site.root), "--table", "changes", "--raw-csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {row["subject"] for row in rows} == {"=HYPERLINK(1) \x1b[2J"}
    assert main(["history", str(site.root)]) == 0
    assert " =HYPERLINK(1) \\x1b[2J\n" in capsys.readouterr().out


def test_the_tables_are_public() -> None:
    assert {"history_records", "history_columns", "HISTORY_TABLES", "HistoryTable"} <= set(lmsys_about.__all__)
    assert lmsys_about.HISTORY_TABLES == ("changes", "spans")
