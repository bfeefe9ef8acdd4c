"""``lmsys-about history`` on a git repository built in ``tmp_path``: several versions, a broken one, a deletion."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from lmsys_about import FrontMatterError, HistoryError
from lmsys_about._cli.main import main
from lmsys_about._git.walk import walk

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

PAGE = "content/about.md"
V1 = '---\ntitle: "About"\n---\n\nOWS Labs (OWS) is a lab.\n\n## Team\n[Ada Ng](https://ada.example.org/), [Bob Li](https://bob.example.org/)\n'
V2 = V1.replace(
    "[Bob Li](https://bob.example.org/)", "[Bob Li](https://bob.example.org/), [Cy Wu](https://cy.example.org/)"
)
BROKEN = V2.replace('title: "About"', 'title: "About')
V3 = (
    V2
    + "\n## Sponsors\nOWS is supported by donations from the following institutions:\n\n[Acme](https://acme.example.com/)\n"
)
V3_REFLOWED = V3.replace(", [Bob", ",\n[Bob").replace(", [Cy", ",\n[Cy")
V4 = V3.replace("[Ada Ng](https://ada.example.org/), ", "")


class Repo:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.day = 1
        root.mkdir()
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str) -> str:
        date = f"2024-01-{self.day:02d}T12:00:00+00:00"  # commit number n is dated 2024-01-0n
        env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
        config = ["-c", "user.name=Maintainer", "-c", "user.email=maint@example.org", "-c", "commit.gpgsign=false"]
        done = subprocess.run(["git", *config, *args], cwd=self.root, env=env, check=True, capture_output=True)
        return done.stdout.decode()

    def commit(self, message: str, files: dict[str, str | None]) -> str:
        for name, text in files.items():
            path = self.root / name
            if text is None:
                path.unlink()
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
        self.day += 1
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message)
        return self.git("rev-parse", "HEAD").strip()


@pytest.fixture
def repo(tmp_path: Path) -> tuple[Path, list[str]]:
    repo = Repo(tmp_path / "site")
    commits = [
        repo.commit("Add the about page", {PAGE: V1}),
        repo.commit("Add Cy", {PAGE: V2}),
        repo.commit("Unrelated change", {"README.md": "site\n"}),
        repo.commit("Break the front matter", {PAGE: BROKEN}),
        repo.commit("Fix the front matter, add sponsors", {PAGE: V3}),
        repo.commit("One link per line", {PAGE: V3_REFLOWED}),
        repo.commit("Remove the page", {PAGE: None}),
        repo.commit("Restore the page without Ada", {PAGE: V4}),
    ]
    return repo.root, commits


def test_walk_gives_each_version_that_touched_the_page(repo: tuple[Path, list[str]]) -> None:
    root, commits = repo
    versions = list(walk(str(root), PAGE))
    assert [v.commit for v in versions] == [c for i, c in enumerate(commits) if i != 2]
    assert [v.subject for v in versions][:2] == ["Add the about page", "Add Cy"]
    assert [v.date for v in versions][:2] == ["2024-01-02T12:00:00+00:00", "2024-01-03T12:00:00+00:00"]

    first, added, broken, fixed, reflowed, deleted, restored = versions
    assert [(c.kind.value, c.name) for c in first.changes if c.subject == "person"] == [
        ("person-added", "Ada Ng"),
        ("person-added", "Bob Li"),
    ]
    assert {c.kind.value for c in first.changes} >= {"organization-name-changed", "group-added"}
    assert [str(c) for c in added.changes] == ["+ Cy Wu joined Team (line 8)"]
    assert isinstance(broken.error, FrontMatterError)
    assert broken.changes == []
    assert str(broken.error).startswith(f"{commits[3][:12]}:{PAGE}:")
    # After the broken version, the walk compares with the last good one.
    assert [str(c) for c in fixed.changes] == ["+ new sponsor Acme (donor) (line 13)"]
    assert reflowed.changes == []
    assert isinstance(deleted.error, HistoryError)
    assert "does not exist" in str(deleted.error)
    assert [str(c) for c in restored.changes] == ["- Ada Ng left Team (old line 8)"]


def test_history_text(repo: tuple[Path, list[str]], capsys: pytest.CaptureFixture[str]) -> None:
    root, commits = repo
    assert main(["history", str(root)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(
        f"2024-01-02 {commits[0][:12]} Add the about page\n  ~ front matter title changed from (none) to About\n"
    )
    assert f"2024-01-03 {commits[1][:12]} Add Cy\n  + Cy Wu joined Team (line 8)\n" in out
    assert f"{commits[3][:12]} Break the front matter\n  ! does not parse: {commits[3][:12]}:{PAGE}:" in out
    assert f"{commits[5][:12]} One link per line\n  (no changes)\n" in out
    assert "Unrelated change" not in out


def test_history_ndjson(repo: tuple[Path, list[str]], capsys: pytest.CaptureFixture[str]) -> None:
    root, commits = repo
    assert main(["history", str(root), "--path", PAGE, "--format", "ndjson"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["commit"] for r in records] == [c for i, c in enumerate(commits) if i != 2]
    assert records[1]["changes"] == [
        {
            "kind": "person-added",
            "subject": "person",
            "name": "Cy Wu",
            "old": None,
            "new": "Team",
            "old_line": None,
            "new_line": 8,
        }
    ]
    assert records[1]["error"] is None
    assert records[2]["error"]["type"] == "FrontMatterError"
    assert records[2]["changes"] == []


def test_a_subdirectory_and_an_absolute_path_work(repo: tuple[Path, list[str]]) -> None:
    root, _ = repo
    inside = [v.commit for v in walk(str(root / "content"), "about.md")]
    absolute = [v.commit for v in walk(str(root), str(root / PAGE))]
    assert inside == absolute == [v.commit for v in walk(str(root), PAGE)]


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        pytest.param("plain-directory", "not a git repository", id="not-a-repo"),
        pytest.param("missing-directory", "not a directory", id="missing"),
        pytest.param("other-path", "no commit touches", id="untouched-path"),
    ],
)
def test_history_errors_are_exit_2(
    setup: str, message: str, tmp_path: Path, repo: tuple[Path, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    root, _ = repo
    args = {
        "plain-directory": ["history", str(tmp_path)],
        "missing-directory": ["history", str(tmp_path / "nope")],
        "other-path": ["history", str(root), "--path", "content/nope.md"],
    }[setup]
    assert main(args) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert message in captured.err


def test_missing_git_is_a_history_error(
    repo: tuple[Path, list[str]], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root, _ = repo
    monkeypatch.setenv("PATH", str(root / "no-bin"))
    assert main(["history", str(root)]) == 2
    assert "git is not installed" in capsys.readouterr().err
