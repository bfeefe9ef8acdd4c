"""The one ``git cat-file --batch`` process and the environment every git call runs in."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from lmsys_about._git.command import Blobs, Missing, NotBlob, TooLarge, argv, environment

from .test_walk import PAGE, V1, V2, Repo

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def test_blobs_by_id_and_by_path(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "site")
    repo.commit("One", {PAGE: V1, "big.md": V2 * 100})
    oid = repo.git("rev-parse", f"HEAD:{PAGE}").strip()
    with Blobs(str(repo.root)) as blobs:
        assert blobs.read(oid, 32_768) == V1.encode()
        with pytest.raises(Missing):
            blobs.read("0" * 39 + "1", 32_768)
        with pytest.raises(NotBlob, match="tree"):
            blobs.read("HEAD:content", 32_768)
        with pytest.raises(TooLarge) as large:
            blobs.read("HEAD:big.md", 1_000)
        assert large.value.size == len(V2) * 100
        # After a refusal the next answer is still the right one: the body was never left in the pipe.
        assert blobs.read(f"HEAD:{PAGE}", None) == V1.encode()
        process = blobs._process
    assert process.poll() is not None  # ended with the block


def test_the_environment_drops_what_reshapes_git(monkeypatch: pytest.MonkeyPatch) -> None:
    for key in ("GIT_DIR", "GIT_CONFIG_PARAMETERS", "GIT_CONFIG_KEY_0", "GIT_TRACE2_EVENT", "GIT_NO_LAZY_FETCH"):
        monkeypatch.setenv(key, "0")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", "/some/where")
    env = environment()
    assert not {"GIT_DIR", "GIT_CONFIG_PARAMETERS", "GIT_CONFIG_KEY_0", "GIT_TRACE2_EVENT"} & set(env)
    assert env["GIT_CONFIG_GLOBAL"] == "/some/where"  # where the user's settings are: safe.directory, say
    assert (env["GIT_NO_LAZY_FETCH"], env["GIT_LITERAL_PATHSPECS"], env["GIT_ALLOW_PROTOCOL"]) == ("1", "1", "")
    command = argv("repo", "log")
    assert command[:4] == ["git", "--no-pager", "-C", "repo"]
    assert "log.showSignature=false" in command
    assert command[-1] == "log"


def test_a_walk_stopped_early_ends_its_git_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from lmsys_about._git.walk import walk

    repo = Repo(tmp_path / "site")
    repo.commit("One", {PAGE: V1})
    repo.commit("Two", {PAGE: V2})
    started: list[subprocess.Popen[bytes]] = []
    original = subprocess.Popen

    class Recording(original):  # type: ignore[misc,valid-type]
        def __init__(self, *args: Any, **options: Any) -> None:
            super().__init__(*args, **options)
            started.append(self)

    monkeypatch.setattr(subprocess, "Popen", Recording)
    versions = walk(str(repo.root), PAGE)
    next(versions)
    cat_file = started[-1]
    assert cat_file.poll() is None  # reading
    versions.close()  # as when the reader of the output goes away
    assert cat_file.poll() is not None
