"""The pre-commit hook: its entry, run on the files its pattern picks, passes a clean page and fails a bad one;
and the same through ``pre-commit try-repo`` where pre-commit is installed."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from .pages import EXPORTS, WARNINGS

ROOT = Path(__file__).resolve().parents[1]
HOOKS: list[dict[str, Any]] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
(HOOK,) = HOOKS
PATH = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"  # the installed lmsys-about first


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A site with a clean About page, a page that fails a strict check, and Markdown the hook leaves alone."""
    (tmp_path / "content" / "team").mkdir(parents=True)
    (tmp_path / "content" / "about.md").write_text(EXPORTS, encoding="utf-8")
    (tmp_path / "content" / "team" / "about.md").write_text(WARNINGS, encoding="utf-8")
    (tmp_path / "README.md").write_text("# A site\n\nNot an [About](javascript:alert(1)) page.\n", encoding="utf-8")
    return tmp_path


def test_the_hook_runs_a_strict_check_on_about_pages() -> None:
    assert HOOK["id"] == "lmsys-about-check"
    assert HOOK["entry"] == "lmsys-about check --strict"
    assert HOOK["language"] == "python"
    files = re.compile(HOOK["files"])
    picked = ["about.md", "content/about.md", "site/en/about.md"]
    assert [
        name for name in [*picked, "README.md", "about.md.bak", "content/not-about.md"] if files.search(name)
    ] == picked


def run_entry(site: Path, *names: str) -> subprocess.CompletedProcess[str]:
    """The hook's entry on ``names``, as pre-commit runs it: the files its pattern picks, appended to the entry."""
    files = [name for name in names if re.search(HOOK["files"], name)]
    return subprocess.run(
        [*shlex.split(HOOK["entry"]), *files],
        cwd=site, env={**os.environ, "PATH": PATH}, capture_output=True, text=True, check=False,
    )  # fmt: skip


def test_the_entry_passes_a_clean_page_and_fails_a_bad_one(site: Path) -> None:
    clean = run_entry(site, "README.md", "content/about.md")
    assert (clean.returncode, clean.stdout) == (0, "")
    assert clean.stderr == "content/about.md: passed (strict): 0 errors, 0 warnings, 0 info\n"
    bad = run_entry(site, "README.md", "content/about.md", "content/team/about.md")
    assert bad.returncode == 1
    assert bad.stdout.splitlines()[0].startswith("content/team/about.md:8: warning unsafe-url ")
    assert bad.stderr.splitlines()[-1] == "2 pages: 1 passed, 1 failed"


@pytest.mark.skipif(shutil.which("pre-commit", path=PATH) is None, reason="pre-commit is not installed")
def test_pre_commit_try_repo(site: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    """pre-commit installs this checkout's hook into an environment of its own and runs it on a git repository."""
    env = {**os.environ, "PATH": PATH, "PRE_COMMIT_HOME": str(tmp_path_factory.mktemp("pre-commit-home"))}
    git = ["git", "-c", "user.name=Site", "-c", "user.email=site@example.org"]
    subprocess.run([*git, "init", "-q"], cwd=site, check=True)

    def try_repo() -> subprocess.CompletedProcess[str]:
        subprocess.run([*git, "add", "-A"], cwd=site, check=True)
        command = ["pre-commit", "try-repo", str(ROOT), HOOK["id"], "--all-files", "--color", "never"]
        return subprocess.run(command, cwd=site, env=env, capture_output=True, text=True, check=False)

    (site / "content" / "team" / "about.md").unlink()
    clean = try_repo()
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert re.search(r"lmsys-about check\.+Passed", clean.stdout)

    (site / "content" / "team" / "about.md").write_text(WARNINGS, encoding="utf-8")
    bad = try_repo()
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert re.search(r"lmsys-about check\.+Failed", bad.stdout)
    assert "content/team/about.md:10: warning unknown-section section 'Gallery' is not recognised" in bad.stdout
