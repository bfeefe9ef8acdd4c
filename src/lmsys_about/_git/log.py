"""The commits that touched a page, with the blob the page had in each: one ``git log --raw -z`` call.

``git log`` is the only command that follows a file across renames (``--follow``); its raw diff gives, for
each commit, the page's path, mode and blob there and before, so no commit needs a command of its own. Every
option whose default a configuration could change is given on the command line, and records are read from
NUL-separated fields, so neither a subject nor a path can break the parse.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..errors import HistoryError
from .command import run

# A commit's fields, after a marker byte that no field of a raw diff starts with.
_FORMAT = "--format=%x01%H%x00%ct%x00%aI%x00%an%x00%s"
_LOG = (
    "log",
    "--first-parent",
    "--diff-merges=first-parent",  # a merge is one step: what it brought to the first parent
    "--root",  # the first commit's diff too
    "--raw",
    "-z",
    "--no-abbrev",
    "--no-relative",
    "--no-ext-diff",
    "--no-textconv",
    "--no-color",
    "--no-mailmap",
    "--no-show-signature",
    "--no-notes",
    "--encoding=UTF-8",
    _FORMAT,
)
ZERO = "0" * 40
SYMLINK, SUBMODULE = "120000", "160000"


@dataclass(frozen=True, slots=True)
class Entry:
    """One line of a commit's raw diff: a path, its mode and blob before and after, and the status letter."""

    status: str  # A, M, D, T, R (renamed) or C (copied)
    path: str  # after the commit (for D, the path removed)
    old_path: str
    old_mode: str
    new_mode: str
    old_blob: str
    new_blob: str


@dataclass(frozen=True, slots=True)
class Commit:
    """A commit that touched the page, with the raw diff lines of the page's path (or of what is under it)."""

    commit: str
    time: int  # committer date, seconds since the epoch: what git's --since and --until compare
    date: str  # author date, strict ISO 8601
    author: str
    subject: str
    entries: tuple[Entry, ...]


@dataclass(frozen=True, slots=True)
class Repository:
    """What the walk needs to know of a repository before reading it."""

    top: str  # the directory to run git in: the top of the work tree, or the repository itself when bare
    path: str  # the page, relative to ``top``
    shallow: frozenset[str]  # the commits a shallow clone has without their parents


def inspect(repo: str, path: str) -> Repository:
    """Where to run git, the page's path from there, and the shallow commits.

    A HistoryError when ``repo`` is not a repository or the path is outside it.
    """
    if not os.path.isdir(repo):
        raise HistoryError("not a directory", path=repo)
    out = run(repo, "rev-parse", "--is-inside-work-tree", "--git-path", "shallow", "--show-prefix", "--show-cdup")
    lines = out.decode("utf-8", "surrogateescape").split("\n")
    # Outside a work tree (a bare repository) there is no prefix, and git prints no line for the way up.
    work_tree, shallow_file = lines[0] == "true", lines[1]
    prefix, cdup = (lines[2], lines[3]) if work_tree else ("", "")
    relative = os.path.relpath(os.path.realpath(path), os.path.realpath(repo)) if os.path.isabs(path) else path
    full = os.path.normpath(os.path.join(prefix, relative)).replace(os.sep, "/")
    if full == "." or full.startswith("../"):
        raise HistoryError(f"{path} is not a file inside the repository", path=repo)
    try:
        with open(os.path.join(repo, shallow_file), encoding="ascii") as file:
            shallow = frozenset(file.read().split())
    except OSError:  # no such file: a complete history
        shallow = frozenset()
    return Repository(os.path.normpath(os.path.join(repo, cdup)), full, shallow)


def window(repo: str, since: str | None, until: str | None) -> tuple[float, float]:
    """The committer times ``--since`` and ``--until`` mean, as git reads dates ('2 weeks ago' included)."""
    low, high = float("-inf"), float("inf")
    for name, value in (("since", since), ("until", until)):
        if value is None:
            continue
        if not value or "\n" in value:
            raise HistoryError(f"--{name} needs a date, not {value!r}")
        out = run(repo, "rev-parse", f"--{name}={value}").decode("ascii", "replace").strip()
        stamp = float(out.partition("=")[2])
        low, high = (stamp, high) if name == "since" else (low, stamp)
    return low, high


def _revisions(revisions: Sequence[str]) -> list[str]:
    for revision in revisions:
        if not revision or revision.startswith("-"):
            raise HistoryError(f"not a revision: {revision!r}")
    return list(revisions)


def commits(
    repo: str,
    path: str,
    *,
    follow: bool = True,
    revisions: Sequence[str] = (),
) -> list[Commit]:
    """Every first-parent commit that touched ``path`` (from the top of the repository), oldest first."""
    # -M: renames found whatever diff.renames says; without following, a rename is a deletion and an addition.
    args = [*_LOG, "-M" if follow else "--no-renames", "--follow" if follow else "--no-follow"]
    args += ["--end-of-options", *_revisions(revisions), "--", path]
    out = run(repo, *args)
    # git follows renames walking back from the newest commit only, so the order is reversed here.
    return list(parse(out))[::-1]


def parse(out: bytes) -> Iterator[Commit]:
    """The commits of ``git log --raw -z`` output in the format above, in the order git printed them."""
    fields = out.decode("utf-8", "surrogateescape").split("\0")
    i, count = 0, len(fields)
    while i < count:
        field = fields[i].lstrip("\n")
        i += 1
        if not field.startswith("\x01"):
            continue
        commit, time, date, author, subject = field[1:], *fields[i : i + 4]
        i += 4
        entries = []
        while i < count and fields[i].lstrip("\n").startswith(":"):
            meta = fields[i].lstrip("\n")[1:].split()
            old_mode, new_mode, old_blob, new_blob, status = meta[:5]
            paired = status[0] in "RC"
            old_path = fields[i + 1]
            new_path = fields[i + 2] if paired else old_path
            i += 3 if paired else 2
            entries.append(Entry(status[0], new_path, old_path, old_mode, new_mode, old_blob, new_blob))
        yield Commit(commit, int(time), date, author, subject, tuple(entries))
