"""The changes of a page through the git history of a local repository: ``git log`` and ``git show``, no network.

The walk follows the first parent (the history as the main branch saw it, merges included as one step),
oldest commit first. The first version is compared with an empty page, so that everything on it shows as
added. A version that does not parse (or is absent, as after a deletion) is reported with its error, and
the next good version is compared with the last good one.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field

from .._api import loads
from .._diff.changes import Change
from .._diff.compare import diff
from .._read.source import DEFAULT_MAX_BYTES
from ..errors import AboutError, HistoryError
from ..models import About, Contact, History, Organization

# Commit, author date (strict ISO 8601) and subject, separated by NUL; one commit per line.
_FORMAT = "%H%x00%aI%x00%s"

EMPTY = About(
    source_sha256="",
    title=None,
    front_matter={},
    organization=Organization(name=None, short_name=None, description="", mission=None, line=None),
    groups=[],
    people=[],
    sponsors=[],
    donation_forms=[],
    history=History(),
    contact=Contact(),
    diagnostics=[],
)


@dataclass(frozen=True, slots=True)
class Version:
    """One commit that touched the page: the page as parsed and what changed since the previous good
    version, or why it failed (then ``about`` is None)."""

    commit: str
    date: str
    subject: str
    changes: list[Change] = field(default_factory=list)
    error: AboutError | None = None
    about: About | None = None


def _git(repo: str, *args: str) -> bytes:
    try:
        done = subprocess.run(["git", "-C", repo, *args], capture_output=True, check=False)
    except FileNotFoundError:
        raise HistoryError("git is not installed (no 'git' command found)", path=repo) from None
    except OSError as exc:
        raise HistoryError(f"cannot run git: {exc.strerror or exc}", path=repo) from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise HistoryError(f"git {args[0]} failed: {message[-1] if message else done.returncode}", path=repo)
    return done.stdout


def _relative(repo: str, path: str) -> str:
    """``path`` as git expects after ``-C repo``: relative to the repository directory given."""
    return os.path.relpath(path, repo) if os.path.isabs(path) else path


def commits(repo: str, path: str) -> list[tuple[str, str, str]]:
    """(commit, date, subject) of every first-parent commit that touched ``path``, oldest first."""
    if not os.path.isdir(repo):
        raise HistoryError("not a directory", path=repo)
    _git(repo, "rev-parse", "--git-dir")
    out = _git(repo, "log", "--first-parent", "--reverse", f"--format={_FORMAT}", "--", _relative(repo, path))
    rows = []
    for line in out.decode("utf-8", "replace").split("\n"):  # not splitlines(): a subject may hold U+2028
        if not line:
            continue
        commit, date, subject = line.split("\x00", 2)
        rows.append((commit, date, subject))
    if not rows:
        raise HistoryError(f"no commit touches {path}", path=repo)
    return rows


def page_at(repo: str, commit: str, path: str, *, max_bytes: int | None = DEFAULT_MAX_BYTES) -> About:
    """The page as it was at ``commit``; a HistoryError when it is absent there."""
    source = f"{commit[:12]}:{path}"
    relative = _relative(repo, path)
    try:
        data = _git(repo, "show", f"{commit}:./{relative}")
    except HistoryError:
        raise HistoryError("the page does not exist in this commit", path=source) from None
    return loads(data, source=source, max_bytes=max_bytes)


def walk(repo: str, path: str, *, max_bytes: int | None = DEFAULT_MAX_BYTES) -> Iterator[Version]:
    """Each commit that touched the page, oldest first, with its changes or its error."""
    previous = EMPTY
    for commit, date, subject in commits(repo, path):
        try:
            about = page_at(repo, commit, path, max_bytes=max_bytes)
        except AboutError as error:
            yield Version(commit, date, subject, error=error)
            continue
        yield Version(commit, date, subject, changes=diff(previous, about), about=about)
        previous = about
