"""The changes of a page through the git history of a local repository, read without network or side effect.

The walk follows the first parent (the history as the main branch saw it, merges included as one step),
oldest commit first, and the page across renames unless asked not to. Each version is compared with the one
before it: the first with the page as it was just before the first commit listed (an empty page when that
commit added it). A version that cannot be read or does not parse is reported with its error, and the next
good version is compared with the last good one. Git is run as ``command`` says: two processes for the
whole walk, ``git log`` and ``git cat-file --batch``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from .._api import loads
from .._diff.changes import Change
from .._diff.compare import diff
from .._read.source import DEFAULT_MAX_BYTES
from ..errors import AboutError, HistoryError, SourceError
from ..models import About, Contact, History, Organization
from .command import Blobs, GitFailed, Missing, NotBlob, TooLarge
from .log import SUBMODULE, SYMLINK, ZERO, Commit, Entry, commits, inspect, window

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
ABSENT = "the page does not exist in this commit"
UNAVAILABLE = "the page is not available in this clone (a partial clone without it)"
SHALLOW = "the history before this commit is not in this clone (a shallow clone): nothing to compare it with"
GAP = "the versions before this one are not available in this clone: nothing to compare it with"
NO_BASE = "the page before this commit cannot be read ({error}): nothing to compare it with"
_NOT_A_PAGE = {
    SYMLINK: "a symbolic link, not a page",
    SUBMODULE: "a submodule, not a page",
    "tree": "a directory, not a page",
    "commit": "a submodule, not a page",
}


@dataclass(frozen=True, slots=True)
class Version:
    """One commit that touched the page: the page as parsed and what changed since the previous good
    version, or why it cannot be read (then ``about`` is None)."""

    commit: str
    date: str  # author date, strict ISO 8601
    subject: str
    changes: list[Change] = field(default_factory=list)
    error: AboutError | None = None
    about: About | None = None
    author: str = ""
    path: str = ""  # the page's path in this commit, from the top of the repository
    note: str | None = None  # why ``changes`` is empty although the page parses, when it is not a lack of change


def _names(listed: Sequence[Commit], path: str) -> list[str]:
    """The page's path in each commit (oldest first): walking back, a rename (or a copy, which ``--follow``
    follows too) hands over the old name."""
    names = []
    name = path
    for commit in reversed(listed):
        names.append(name)
        for entry in commit.entries:
            if entry.path == name and entry.status in ("R", "C"):
                name = entry.old_path
    return names[::-1]


def _entry(commit: Commit, name: str) -> Entry | None:
    """The raw diff line of the page; an HistoryError when the path is a directory in this commit."""
    entry = next((e for e in commit.entries if e.path == name), None)
    inside = any(e.path.startswith(name + "/") and e.status != "D" for e in commit.entries)
    if inside and (entry is None or entry.status == "D"):
        raise HistoryError("a directory, not a page")
    return entry


def _read(
    blobs: Blobs, blob: str, mode: str, *, source: str, max_bytes: int | None, missing: str = UNAVAILABLE
) -> About:
    """The page in ``blob``; ``missing`` says what it means when the repository lacks it."""
    if mode in _NOT_A_PAGE:
        raise HistoryError(_NOT_A_PAGE[mode], path=source)
    try:
        data = blobs.read(blob, max_bytes)
    except Missing:
        raise HistoryError(missing, path=source) from None
    except NotBlob as other:
        raise HistoryError(_NOT_A_PAGE.get(other.kind, f"a {other.kind}, not a page"), path=source) from None
    except TooLarge as large:
        limit = f"{max_bytes:,}" if max_bytes is not None else "none"
        raise SourceError(f"input is {large.size:,} bytes, above the limit of {limit}", path=source) from None
    return loads(data, source=source, max_bytes=max_bytes)


def _page(blobs: Blobs, commit: Commit, name: str, max_bytes: int | None) -> About:
    source = f"{commit.commit[:12]}:{name}"
    try:
        entry = _entry(commit, name)
    except HistoryError as error:
        raise HistoryError(error.message, path=source) from None
    if entry is None:  # no diff line: read the path in the commit's tree, where it may be absent
        return _read(blobs, f"{commit.commit}:{name}", "", source=source, max_bytes=max_bytes, missing=ABSENT)
    if entry.status == "D":
        raise HistoryError(ABSENT, path=source)
    return _read(blobs, entry.new_blob, entry.new_mode, source=source, max_bytes=max_bytes)


def _baseline(blobs: Blobs, first: Commit, name: str, shallow: frozenset[str], max_bytes: int | None) -> About | str:
    """The page just before ``first``, or why there is nothing to compare ``first`` with."""
    entry = next((e for e in first.entries if e.path == name), None)
    if entry is None or entry.old_blob == ZERO:
        return SHALLOW if first.commit in shallow else EMPTY
    source = f"{first.commit[:12]}^:{entry.old_path}"
    try:
        return _read(blobs, entry.old_blob, entry.old_mode, source=source, max_bytes=max_bytes)
    except AboutError as error:
        return NO_BASE.format(error=error)


def walk(
    repo: str,
    path: str,
    *,
    follow: bool = True,
    revisions: Sequence[str] = (),
    since: str | None = None,
    until: str | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> Iterator[Version]:
    """Each first-parent commit that touched the page, oldest first, with its changes or its error.

    ``revisions`` are what ``git log`` takes (``v1..main``, a branch; HEAD when empty); ``since`` and
    ``until`` are dates as git reads them. A HistoryError when ``repo`` is not a repository or no commit
    touched the page.
    """
    where = inspect(repo, path)
    low, high = window(where.top, since, until)
    every = commits(where.top, where.path, follow=follow, revisions=revisions)
    # Dates are compared here, not by git: a rename after --until must still be seen to follow the page.
    dated = [(commit, name) for commit, name in zip(every, _names(every, where.path), strict=True)
             if low <= commit.time <= high]  # fmt: skip
    if not dated:
        raise HistoryError(
            f"no commit touches {path}" + (" in the range given" if revisions or since or until else ""), path=repo
        )
    with Blobs(where.top) as blobs:
        previous = _baseline(blobs, *dated[0], where.shallow, max_bytes)
        for commit, name in dated:
            try:
                about = _page(blobs, commit, name, max_bytes)
            except GitFailed:
                raise
            except AboutError as error:
                yield _version(commit, name, error=error)
                if previous is EMPTY and error.message == UNAVAILABLE:
                    previous = GAP  # what came before is unknown, not empty
                continue
            if isinstance(previous, str):
                yield _version(commit, name, about=about, note=previous)
            else:
                yield _version(commit, name, about=about, changes=diff(previous, about))
            previous = about


def _version(
    commit: Commit,
    name: str,
    *,
    about: About | None = None,
    error: AboutError | None = None,
    changes: list[Change] | None = None,
    note: str | None = None,
) -> Version:
    return Version(commit.commit, commit.date, commit.subject, changes or [], error, about, commit.author, name, note)
