"""Running git whatever the user's set-up: every option the walk relies on is pinned, nothing is fetched.

A user's configuration (global, system or the repository's own) and ``GIT_*`` variables can change what git
prints: signatures shown inside ``git log`` output, another log encoding, colour, a pager, pathspecs read as
patterns, a partial clone fetching each missing blob from its remote. Each call here runs with ``-c`` options
that turn those off, ``--no-pager``, and an environment without the ``GIT_*`` variables that would redirect or
reshape a command, and with every transport refused, so that a blob a partial clone lacks is reported
missing instead of fetched. Blobs are read by one ``git cat-file --batch`` process for the whole walk, each
one's size taken from its header before its body is read.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import tempfile
from typing import IO

from ..errors import HistoryError

# Options that outrank any configuration file; command-line options of each call pin the rest.
PINNED = (
    *("-c", "log.showSignature=false"),
    *("-c", "i18n.logOutputEncoding=UTF-8"),
    *("-c", "color.ui=never"),
    *("-c", "core.quotePath=false"),
    *("-c", "log.follow=false"),
    *("-c", "log.showRoot=true"),
    *("-c", "diff.relative=false"),
    *("-c", "core.fsmonitor=false"),
    *("-c", "protocol.allow=never"),
)
# Variables that point git at another repository, index or object store, change how pathspecs or
# configuration are read, or run other programs; the walk sets its own values of some below.
_DROPPED_PREFIXES = ("GIT_CONFIG_KEY_", "GIT_CONFIG_VALUE_", "GIT_TRACE")
_DROPPED = frozenset(
    """GIT_DIR GIT_WORK_TREE GIT_COMMON_DIR GIT_INDEX_FILE GIT_OBJECT_DIRECTORY GIT_ALTERNATE_OBJECT_DIRECTORIES
    GIT_NAMESPACE GIT_SHALLOW_FILE GIT_GRAFT_FILE GIT_REPLACE_REF_BASE GIT_NO_REPLACE_OBJECTS GIT_QUARANTINE_PATH
    GIT_CONFIG GIT_CONFIG_PARAMETERS GIT_CONFIG_COUNT GIT_GLOB_PATHSPECS GIT_NOGLOB_PATHSPECS GIT_ICASE_PATHSPECS
    GIT_LITERAL_PATHSPECS GIT_PAGER GIT_EXTERNAL_DIFF GIT_DIFF_OPTS GIT_DIFF_PATH_COUNTER GIT_DIFF_PATH_TOTAL
    GIT_EDITOR GIT_SEQUENCE_EDITOR GIT_ASKPASS GIT_SSH GIT_SSH_COMMAND GIT_PROXY_COMMAND GIT_ALLOW_PROTOCOL
    GIT_PROTOCOL_FROM_USER GIT_NO_LAZY_FETCH GIT_TERMINAL_PROMPT GIT_OPTIONAL_LOCKS GIT_DEFAULT_HASH
    GIT_REFLOG_ACTION GIT_PREFIX""".split()
)
_SET = {
    "GIT_LITERAL_PATHSPECS": "1",  # a path is a path, never a pattern
    "GIT_NO_LAZY_FETCH": "1",  # git 2.44 and later: a partial clone never fetches what it lacks
    "GIT_ALLOW_PROTOCOL": "",  # earlier versions: every transport refused, so the fetch cannot happen
    "GIT_TERMINAL_PROMPT": "0",
    "GIT_OPTIONAL_LOCKS": "0",  # reading takes no lock a running git would wait on
    "GIT_PAGER": "cat",
}
CHUNK = 1 << 16


def environment() -> dict[str, str]:
    """The environment of every git call: the process's, less what would change git's behaviour."""
    env = {
        key: value for key, value in os.environ.items() if key not in _DROPPED and not key.startswith(_DROPPED_PREFIXES)
    }
    env.update(_SET)
    return env


def argv(repo: str, *args: str) -> list[str]:
    return ["git", "--no-pager", "-C", repo, *PINNED, *args]


def _spawn_error(repo: str, exc: OSError) -> HistoryError:
    if isinstance(exc, FileNotFoundError):
        return HistoryError("git is not installed (no 'git' command found)", path=repo)
    return HistoryError(f"cannot run git: {exc.strerror or exc}", path=repo)


def _last_line(stderr: bytes, fallback: str) -> str:
    lines = stderr.decode("utf-8", "replace").strip().splitlines()
    return lines[-1] if lines else fallback


def run(repo: str, *args: str) -> bytes:
    """The standard output of ``git args`` in ``repo``; a HistoryError with git's own message when it fails."""
    try:
        done = subprocess.run(argv(repo, *args), capture_output=True, check=False, env=environment())
    except OSError as exc:
        raise _spawn_error(repo, exc) from None
    if done.returncode != 0:
        raise GitFailed(f"git {args[0]} failed: {_last_line(done.stderr, str(done.returncode))}", path=repo)
    return done.stdout


class GitFailed(HistoryError):
    """Git itself failed: the walk cannot go on."""


def partial_clone(repo: str) -> bool:
    """Whether ``repo`` is a partial clone: a remote promises the objects it lacks."""
    pattern = r"^(extensions\.partialclone|remote\..*\.promisor)$"
    try:
        done = subprocess.run(argv(repo, "config", "--get-regexp", pattern), capture_output=True, env=environment())
    except OSError:
        return False
    values = [line.partition(" ")[2].strip().lower() for line in done.stdout.decode("utf-8", "replace").splitlines()]
    return any(value not in ("false", "no", "off", "0") for value in values)


class Missing(Exception):
    """The object is not in the repository (a partial clone that never fetched it)."""


class NotBlob(Exception):
    """The object is a tree (a directory) or a commit (a submodule), not a file's content."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


class TooLarge(Exception):
    """The blob is above the size cap; ``size`` is its size in bytes."""

    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


class Blobs:
    """One ``git cat-file --batch`` process that reads blobs by object id; close it (or use ``with``).

    Each answer starts with a header line that gives the object's size. A blob above the cap is never read:
    the process is stopped before its body and a new one takes over, so memory and time stay bounded
    whatever the repository holds.
    """

    def __init__(self, repo: str) -> None:
        self.repo = repo
        self._stderr: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115  # closed by close()
        self._process = self._start()

    def _start(self) -> subprocess.Popen[bytes]:
        try:
            return subprocess.Popen(
                argv(self.repo, "cat-file", "--batch"),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=self._stderr,
                env=environment(),
            )
        except OSError as exc:
            self._stderr.close()
            raise _spawn_error(self.repo, exc) from None

    def __enter__(self) -> Blobs:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def read(self, oid: str, max_bytes: int | None) -> bytes:
        """The blob ``oid``; Missing when the repository lacks it, NotBlob when it is not a blob, TooLarge when
        above ``max_bytes``."""
        process = self._process
        assert process.stdin is not None
        assert process.stdout is not None
        try:
            process.stdin.write(oid.encode("ascii") + b"\n")
            process.stdin.flush()
            header = process.stdout.readline()
        except OSError:
            header = b""
        fields = header.split()
        if len(fields) == 2 and fields[1] == b"missing":
            raise Missing(oid)
        if not header and partial_clone(self.repo):
            # Before git 2.44 (GIT_NO_LAZY_FETCH), cat-file tries to fetch a blob a partial clone lacks, and
            # stops when the transport is refused: the blob is not in the clone.
            self._stop(kill=True)
            self._process = self._start()
            raise Missing(oid)
        if len(fields) != 3 or not fields[2].isdigit():
            raise self._failure()
        size = int(fields[2])
        if fields[1] != b"blob" or (max_bytes is not None and size > max_bytes):
            self._stop(kill=True)
            self._process = self._start()
            if fields[1] != b"blob":
                raise NotBlob(fields[1].decode("ascii", "replace"))
            raise TooLarge(size)
        data = process.stdout.read(size + 1)  # the body and the newline after it
        if len(data) != size + 1:
            raise self._failure()
        return data[:-1]

    def _failure(self) -> GitFailed:
        self._stop(kill=False)
        self._stderr.seek(0)
        message = _last_line(self._stderr.read(), "no answer")
        self.close()
        return GitFailed(f"git cat-file failed: {message}", path=self.repo)

    def _stop(self, *, kill: bool) -> None:
        process = self._process
        if kill and process.poll() is None:
            process.kill()
        for stream in (process.stdin, process.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):  # a closed pipe: the process has gone
                    stream.close()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def close(self) -> None:
        """End the process; reading after this fails."""
        self._stop(kill=False)
        self._stderr.close()
