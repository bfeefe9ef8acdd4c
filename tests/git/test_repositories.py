"""The walk on repositories as people have them: any git configuration, signed commits, renames, bare
repositories and worktrees, shallow and partial clones, symlinks and directories, odd paths, huge blobs."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

from lmsys_about import HistoryError, SourceError
from lmsys_about._git.walk import Version, walk

from .test_walk import BROKEN, PAGE, V1, V2, V3, V4, Repo

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

HOSTILE = {
    "log.showSignature": "true",
    "log.follow": "true",
    "log.showRoot": "false",
    "log.abbrevCommit": "true",
    "log.date": "relative",
    "log.decorate": "full",
    "log.mailmap": "true",
    "i18n.logOutputEncoding": "UTF-16",
    "format.pretty": "format:%h %s",
    "color.ui": "always",
    "color.diff": "always",
    "core.quotePath": "true",
    "core.abbrev": "7",
    "core.pager": "sed s/a/b/",
    "pager.log": "true",
    "diff.renames": "false",
    "diff.relative": "true",
    "diff.noprefix": "true",
    "diff.external": "false",
    "protocol.allow": "always",
    "alias.log": "log --oneline",
    "alias.cat-file": "cat-file -p",
}
# Variables that reshape or redirect git, set to what would break a walk that kept them.
HOSTILE_ENVIRONMENT = {
    "GIT_CONFIG_PARAMETERS": "'log.showsignature'='true' 'i18n.logoutputencoding'='UTF-16'",
    "GIT_CONFIG_COUNT": "1",
    "GIT_CONFIG_KEY_0": "format.pretty",
    "GIT_CONFIG_VALUE_0": "%h",
    "GIT_GLOB_PATHSPECS": "1",
    "GIT_ICASE_PATHSPECS": "1",
    "GIT_PAGER": "sed s/a/b/",
    "GIT_DIR": "/nonexistent",
    "GIT_INDEX_FILE": "/nonexistent/index",
}


def summary(versions: list[Version]) -> list[tuple[Any, ...]]:
    """Everything a version says, as text, to compare two walks."""
    return [
        (v.commit, v.date, v.author, v.subject, v.path, [str(c) for c in v.changes], str(v.error), v.note)
        for v in versions
    ]


def git(cwd: Path, *args: str, env: dict[str, str] | None = None) -> str:
    config = ["-c", "user.name=Maintainer", "-c", "user.email=maint@example.org", "-c", "commit.gpgsign=false"]
    done = subprocess.run(["git", *config, *args], cwd=cwd, check=True, capture_output=True, env=env)
    return done.stdout.decode()


@pytest.fixture
def history(tmp_path: Path) -> Repo:
    """Five versions, one broken, one with non-ASCII subject and author, then a rename of the page."""
    repo = Repo(tmp_path / "site")
    repo.commit("Add the about page", {PAGE: V1})
    (repo.root / PAGE).write_text(V2, encoding="utf-8")
    repo.day += 1
    repo.git("commit", "-q", "-a", "--author", "Zoë Ångström <zoe@example.org>", "-m", "Café: add Cy")
    repo.commit("Break it", {PAGE: BROKEN})
    repo.commit("Sponsors", {PAGE: V3})
    repo.git("mv", PAGE, "content/index.md")
    repo.commit("Move the page", {})
    repo.commit("Ada leaves", {"content/index.md": V4})
    return repo


@pytest.fixture
def clean(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No global or system configuration of the machine the tests run on."""
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")


@pytest.mark.usefixtures("clean")
@pytest.mark.parametrize("where", ["global", "repository", "environment"])
def test_the_users_git_setup_changes_nothing(
    where: str, history: Repo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = summary(list(walk(str(history.root), "content/index.md")))
    assert [v[4] for v in expected] == [PAGE] * 4 + ["content/index.md"] * 2
    assert expected[1][2] == "Zoë Ångström"
    assert expected[1][3] == "Café: add Cy"
    if where == "global":
        config = tmp_path / "hostile.gitconfig"
        for key, value in HOSTILE.items():
            git(tmp_path, "config", "--file", str(config), key, value)
        monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    elif where == "repository":
        for key, value in HOSTILE.items():
            history.git("config", key, value)
    else:
        for key, value in HOSTILE_ENVIRONMENT.items():
            monkeypatch.setenv(key, value)
    assert summary(list(walk(str(history.root), "content/index.md"))) == expected


@pytest.mark.skipif(shutil.which("gpg") is None, reason="gpg is not installed")
@pytest.mark.usefixtures("clean")
def test_signed_commits_with_signatures_shown(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "gnupg"
    home.mkdir(mode=0o700)
    monkeypatch.setenv("GNUPGHOME", str(home))
    gpg = ["gpg", "--batch", "--pinentry-mode", "loopback", "--passphrase", ""]
    subprocess.run([*gpg, "--quick-gen-key", "Maintainer <maint@example.org>", "ed25519", "sign", "never"],
                   check=True, capture_output=True)  # fmt: skip
    try:
        repo = Repo(tmp_path / "site")
        repo.git("config", "user.signingkey", "maint@example.org")
        for message, text in (("Add", V1), ("Add Cy", V2), ("Sponsors", V3)):
            (repo.root / "content").mkdir(exist_ok=True)
            (repo.root / PAGE).write_text(text, encoding="utf-8")
            repo.day += 1
            repo.git("add", "-A")
            repo.git("commit", "-q", "-S", "-m", message)
        assert "gpgsig" in repo.git("cat-file", "commit", "HEAD")
        plain = summary(list(walk(str(repo.root), PAGE)))
        repo.git("config", "log.showSignature", "true")
        assert "Good signature" in repo.git("log", "-1")  # what broke the walk before
        assert summary(list(walk(str(repo.root), PAGE))) == plain
        assert [v[5] for v in plain][1:] == [["+ Cy Wu joined Team (line 8)"], ["+ new sponsor Acme (donor) (line 13)"]]
    finally:
        subprocess.run(["gpgconf", "--kill", "gpg-agent"], check=False, capture_output=True)


def test_renames_are_followed_unless_asked_not_to(history: Repo) -> None:
    followed = list(walk(str(history.root), "content/index.md"))
    assert [v.subject for v in followed] == ["Add the about page", "Café: add Cy", "Break it", "Sponsors",
                                             "Move the page", "Ada leaves"]  # fmt: skip
    moved = followed[4]
    assert moved.changes == []  # a rename changes no content
    assert moved.error is None
    assert [str(c) for c in followed[5].changes] == ["- Ada Ng left Team (old line 8)"]
    alone = list(walk(str(history.root), "content/index.md", follow=False))
    assert [v.subject for v in alone] == ["Move the page", "Ada leaves"]
    # Without following, the page appears whole at the move: everyone joins there.
    assert sum(c.kind.value == "person-added" for c in alone[0].changes) == 3


def test_bare_repositories_and_worktrees_read_like_their_clone(history: Repo, tmp_path: Path) -> None:
    expected = summary(list(walk(str(history.root), "content/index.md")))
    bare = tmp_path / "bare.git"
    git(tmp_path, "clone", "-q", "--bare", str(history.root), str(bare))
    assert summary(list(walk(str(bare), "content/index.md"))) == expected
    worktree = tmp_path / "worktree"
    history.git("worktree", "add", "-q", "--detach", str(worktree))
    assert summary(list(walk(str(worktree), "content/index.md"))) == expected
    assert summary(list(walk(str(worktree / "content"), "index.md"))) == expected


def test_a_shallow_clone_says_where_its_history_starts(history: Repo, tmp_path: Path) -> None:
    full = list(walk(str(history.root), "content/index.md"))
    shallow = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "2", f"file://{history.root}", str(shallow))
    versions = list(walk(str(shallow), "content/index.md"))
    assert [v.commit for v in versions] == [v.commit for v in full[-2:]]
    first, last = versions
    assert first.note is not None
    assert "not in this clone (a shallow clone)" in first.note
    assert first.changes == []  # not 'everyone joined'
    assert first.about is not None
    assert summary([last]) == summary([full[-1]])


def missing_blobs(repo: Path) -> set[str]:
    out = git(repo, "rev-list", "--objects", "--all", "--missing=print")
    return {line[1:] for line in out.splitlines() if line.startswith("?")}


def test_a_partial_clone_never_fetches(history: Repo, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    history.git("config", "uploadpack.allowFilter", "true")
    partial = tmp_path / "partial"
    git(tmp_path, "clone", "-q", "--filter=blob:none", "--no-checkout", f"file://{history.root}", str(partial))
    before = missing_blobs(partial)
    assert before  # the clone lacks blobs, which its remote (reachable here) would give
    versions = list(walk(str(partial), "content/index.md"))
    assert missing_blobs(partial) == before  # nothing fetched
    assert len(versions) == 6
    for version in versions:
        assert isinstance(version.error, HistoryError)
        assert "not available in this clone" in str(version.error)
        assert "does not exist" not in str(version.error)
    # Not one version read: the command says so and exits 1, after the versions and their errors.
    from lmsys_about._cli.main import main

    for table in ([], ["--table", "changes"]):
        assert main(["history", str(partial), "--path", "content/index.md", *table]) == 1
        out, err = capsys.readouterr()
        assert out.count("not available in this clone") == 6
        assert err == "lmsys-about: no version of content/index.md could be read\n"
    # A blob the clone has is read: check out the last version only.
    git(partial, "-c", "protocol.allow=always", "checkout", "-q", "HEAD")
    versions = list(walk(str(partial), "content/index.md"))
    assert isinstance(versions[-2].error, HistoryError)
    last = versions[-1]
    assert last.about is not None
    assert last.changes == []  # not 'everyone joined': what came before is unknown
    assert last.note == "the versions before this one are not available in this clone: nothing to compare it with"


def test_symlinks_and_directories_are_not_pages(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "site")
    repo.commit("Page", {PAGE: V1, "other.md": V2})
    (repo.root / PAGE).unlink()
    (repo.root / PAGE).symlink_to("../other.md")
    repo.commit("Link", {})
    (repo.root / PAGE).unlink()
    repo.commit("Directory", {f"{PAGE}/index.md": "Not the page.\n"})
    shutil.rmtree(repo.root / PAGE)
    repo.commit("Page again", {PAGE: V2})
    for follow in (True, False):
        versions = list(walk(str(repo.root), PAGE, follow=follow))
        assert [v.subject for v in versions] == ["Page", "Link", "Directory", "Page again"]
        assert "a symbolic link, not a page" in str(versions[1].error)
        assert "a directory, not a page" in str(versions[2].error)
        assert [str(c) for c in versions[3].changes] == ["+ Cy Wu joined Team (line 8)"]


def test_the_path_is_literal(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "site")
    repo.commit("a", {"a.md": "Not the page.\n"})  # unlike the page, so that it is not taken for its copy
    repo.commit("pattern", {"[ab].md": V1})
    repo.commit("A", {"A.md": "Nor this.\n"})
    assert [v.subject for v in walk(str(repo.root), "[ab].md")] == ["pattern"]
    with pytest.raises(HistoryError, match=r"no commit touches \*\.md"):
        list(walk(str(repo.root), "*.md"))


def test_a_huge_blob_is_refused_from_its_header(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "site")
    repo.commit("Add", {PAGE: V1})
    huge = V2 + "\n" + "x" * 40 + "\n"
    repo.commit("Huge", {PAGE: huge * (8_000_000 // len(huge))})
    repo.commit("Back", {PAGE: V3})
    tracemalloc.start()
    try:
        versions = list(walk(str(repo.root), PAGE))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert isinstance(versions[1].error, SourceError)
    assert "above the limit of 32,768" in str(versions[1].error)
    assert peak < 2_000_000  # the 8 MB blob was never read
    assert [str(c) for c in versions[2].changes] == [
        "+ Cy Wu joined Team (line 8)",
        "+ new sponsor Acme (donor) (line 13)",
    ]


def test_a_range_and_dates(history: Repo) -> None:
    commits = [v.commit for v in walk(str(history.root), "content/index.md")]
    # The path as the range's last commit has it: the page moved after it.
    ranged = list(walk(str(history.root), PAGE, revisions=[f"{commits[1]}..{commits[3]}"]))
    assert [v.commit for v in ranged] == commits[2:4]
    # The first version of a range is compared with the page just before it, not with an empty page.
    assert [str(c) for c in ranged[1].changes] == ["+ new sponsor Acme (donor) (line 13)"]
    since = list(walk(str(history.root), "content/index.md", since="2024-01-04T00:00:00+00:00"))
    assert [v.commit for v in since] == commits[2:]
    until = list(walk(str(history.root), "content/index.md", until="2024-01-03T23:00:00+00:00"))
    assert [v.commit for v in until] == commits[:2]
    with pytest.raises(HistoryError, match="in the range given"):
        list(walk(str(history.root), "content/index.md", since="2030-01-01"))
    with pytest.raises(HistoryError, match="not a revision"):
        list(walk(str(history.root), "content/index.md", revisions=["--all"]))


def test_one_git_process_reads_every_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = Repo(tmp_path / "site")
    text = V1
    for i in range(12):
        text = text.replace("## Team\n", f"## Team\n[P{i} Q](https://p{i}.example.org/), ")
        repo.commit(f"Version {i}", {PAGE: text})
    started: list[list[str]] = []
    original = subprocess.Popen

    class Counting(original):  # type: ignore[misc,valid-type]
        def __init__(self, args: list[str], *rest: Any, **options: Any) -> None:
            started.append(list(args))
            super().__init__(args, *rest, **options)

    monkeypatch.setattr(subprocess, "Popen", Counting)
    versions = list(walk(str(repo.root), PAGE))
    assert len(versions) == 12
    # Three processes whatever the number of versions: where the page is, the log, and one cat-file.
    assert [[name for name in ("rev-parse", "log", "cat-file") if name in args] for args in started] == [
        ["rev-parse"],
        ["log"],
        ["cat-file"],
    ]
    assert "--batch" in started[2]


def test_the_command_line_options(history: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    from lmsys_about._cli.main import main

    def subjects(*args: str) -> list[str]:
        assert main(["history", str(history.root), *args, "--format", "ndjson"]) == 0
        return [json.loads(line)["subject"] for line in capsys.readouterr().out.splitlines()]

    every = ["Add the about page", "Café: add Cy", "Break it", "Sponsors", "Move the page", "Ada leaves"]
    assert subjects("--path", "content/index.md") == every
    assert subjects("--path", "content/index.md", "--no-follow") == every[4:]
    assert subjects("--path", "content/index.md", "--since", "2024-01-05T00:00:00+00:00") == every[3:]
    assert subjects("--path", "content/index.md", "--until", "2024-01-03T23:00:00+00:00") == every[:2]
    assert subjects("HEAD~3", "--path", PAGE) == every[:3]
    assert main(["history", str(history.root), "--path", "content/index.md"]) == 0
    assert "Move the page\n  > the page moved from content/about.md to content/index.md\n  (no changes)\n" in (
        capsys.readouterr().out
    )
    assert main(["history", str(history.root), "HEAD~3", "--path", "content/index.md", "--no-follow"]) == 2
    assert "no commit touches content/index.md in the range given" in capsys.readouterr().err


@pytest.mark.usefixtures("clean")
def test_a_merge_is_one_step_whatever_the_configuration(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "site")
    repo.commit("Add", {PAGE: V1})
    repo.git("switch", "-q", "-c", "side")
    repo.commit("Add Cy on a branch", {PAGE: V2})
    repo.git("switch", "-q", "main")
    repo.commit("Unrelated", {"README.md": "site\n"})
    repo.day += 1
    repo.git("merge", "-q", "--no-ff", "-m", "Merge the branch", "side")
    expected = summary(list(walk(str(repo.root), PAGE)))
    assert [v[3] for v in expected] == ["Add", "Merge the branch"]  # the branch's commit is not on the main line
    assert expected[1][5] == ["+ Cy Wu joined Team (line 8)"]
    for key, value in {**HOSTILE, "log.diffMerges": "combined", "diff.renameLimit": "1"}.items():
        repo.git("config", key, value)
    assert summary(list(walk(str(repo.root), PAGE))) == expected
