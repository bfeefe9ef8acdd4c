"""The pytest plugin, registered by the package's ``pytest11`` entry point: the ``about_snapshot`` fixture.

::

    def test_about_page(about_snapshot):
        assert load("content/about.md") == about_snapshot

compares the page with ``__snapshots__/<test file>/<test name>.json`` beside the test file, by content, as
:func:`lmsys_about.testing.compare_snapshot` does: formatting-only edits pass; a change fails with the changes
as ``diff`` words them; a missing snapshot fails. ``pytest --update-about-snapshots`` (or
``LMSYS_ABOUT_UPDATE_SNAPSHOTS=1``) writes missing snapshots and rewrites changed or stale ones; the terminal
summary counts those written, updated, and left unused by the tests that ran.

This module is imported by every pytest run where the package is installed: it imports nothing of the
parser until a test uses the fixture.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from .testing import SnapshotComparison

__all__ = ["OPTION", "AboutSnapshot", "about_snapshot", "snapshot_path"]

OPTION = "--update-about-snapshots"
FOLDER = "__snapshots__"
_UNSAFE = re.compile(r"[^A-Za-z0-9_.,=+@\[\]-]")  # what may stand in a file name on every system
_LONGEST = 150  # characters of a test's name kept in its file name, well within the usual 255 bytes


def _file_name(test_name: str) -> str:
    """The snapshot file of a test: its name, classes included, with a short hash when it had to be changed.

    >>> _file_name("test_page[old]"), _file_name("TestPages::test_page")
    ('test_page[old].json', 'TestPages.test_page.json')
    >>> _file_name("test_page[a/b]")
    'test_page[a_b]-986bb0a0.json'
    """
    name = test_name.replace("::", ".")
    safe = _UNSAFE.sub("_", name)[:_LONGEST]
    if safe != name:  # two names made the same by the substitution keep their own files
        safe += "-" + hashlib.sha256(test_name.encode("utf-8")).hexdigest()[:8]
    return safe + ".json"


def snapshot_path(item: pytest.Item) -> Path:
    """Where the snapshot of ``item`` lives: ``__snapshots__/<test file's stem>/<test name>.json`` beside it."""
    test_name = item.nodeid.split("::", 1)[1] if "::" in item.nodeid else item.name
    return item.path.parent / FOLDER / item.path.stem / _file_name(test_name)


@dataclass
class _Tally:
    """What this run did with the snapshots, and which ones the collected tests own."""

    written: set[Path] = field(default_factory=set)
    updated: set[Path] = field(default_factory=set)
    stale: set[Path] = field(default_factory=set)
    owned: dict[Path, set[str]] = field(default_factory=dict)  # test file: snapshot names of its collected tests
    partial: set[Path] = field(default_factory=set)  # test files not collected whole: unused is unknown there

    def record(self, comparison: SnapshotComparison) -> None:
        if comparison.outcome in ("written", "updated", "stale"):
            getattr(self, comparison.outcome).add(comparison.path)

    def unused(self) -> list[Path]:
        found = []
        for test_file, names in self.owned.items():
            folder = test_file.parent / FOLDER / test_file.stem
            if test_file in self.partial or not folder.is_dir():
                continue
            found += [path for path in sorted(folder.glob("*.json")) if path.name not in names]
        return found


_TALLY = pytest.StashKey[_Tally]()


class AboutSnapshot:
    """The snapshot of one test, compared with an ``About`` by ``==`` (see the module's docstring)."""

    __hash__ = None  # type: ignore[assignment]  # equal to Abouts, so not hashable

    def __init__(self, path: Path, *, update: bool, tally: _Tally, root: Path) -> None:
        self.path = path
        self._update = update
        self._tally = tally
        self._root = root
        self.comparison: SnapshotComparison | None = None
        self._problem = ""

    def __eq__(self, other: object) -> bool:
        from .models import About
        from .testing import compare_snapshot

        if not isinstance(other, About):
            self.comparison, self._problem = None, f"an About is compared with a snapshot, not {type(other).__name__}"
            return False
        self.comparison = compare_snapshot(other, self.path, update=self._update)
        self._tally.record(self.comparison)
        return self.comparison.passed

    def shown_path(self) -> str:
        return os.path.relpath(self.path, self._root) if self.path.is_relative_to(self._root) else str(self.path)

    def explain(self) -> list[str]:
        """Why the last comparison failed, for pytest's assertion message."""
        if self.comparison is None:
            return [self._problem]
        return self.comparison.explain(f"pytest {OPTION}", shown_path=self.shown_path())

    def __repr__(self) -> str:
        return f"AboutSnapshot({self.shown_path()!r})"


@pytest.fixture
def about_snapshot(request: pytest.FixtureRequest) -> AboutSnapshot:
    """The test's About snapshot: ``assert about == about_snapshot``."""
    from .testing import update_requested

    config = request.config
    update = bool(config.getoption(OPTION)) or update_requested()
    return AboutSnapshot(snapshot_path(request.node), update=update, tally=config.stash[_TALLY], root=config.rootpath)


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("lmsys-about", "About page snapshots")
    group.addoption(
        OPTION,
        action="store_true",
        default=False,
        help="write missing About snapshots, rewrite changed or stale ones (content unchanged, lines differ)",
    )


def pytest_configure(config: pytest.Config) -> None:
    tally = _Tally()
    config.stash[_TALLY] = tally
    for arg in config.args:  # 'file.py::test' collects part of a file: its other snapshots are not unused
        if "::" in arg:
            tally.partial.add(Path(config.invocation_params.dir, arg.split("::", 1)[0]).resolve())


def pytest_deselected(items: list[pytest.Item]) -> None:
    for item in items:
        item.config.stash[_TALLY].partial.add(item.path.resolve())


def pytest_collection_finish(session: pytest.Session) -> None:
    tally = session.config.stash[_TALLY]
    for item in session.items:
        tally.owned.setdefault(item.path.resolve(), set()).add(snapshot_path(item).name)
    tally.partial = {path.resolve() for path in tally.partial}


def pytest_assertrepr_compare(config: pytest.Config, op: str, left: object, right: object) -> list[str] | None:
    snapshot = right if isinstance(right, AboutSnapshot) else left if isinstance(left, AboutSnapshot) else None
    if op != "==" or snapshot is None:
        return None
    return snapshot.explain() or None


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    tally = config.stash.get(_TALLY, None)
    if tally is None:
        return
    unused = tally.unused()
    if not (tally.written or tally.updated or tally.stale or unused):
        return
    counts = f"{len(tally.written)} written, {len(tally.updated)} updated, {len(unused)} unused"
    terminalreporter.write_sep("-", "About snapshots")
    terminalreporter.write_line(counts)
    if tally.stale:
        terminalreporter.write_line(
            f"{len(tally.stale)} stale (same content, other lines or sha256): rerun with {OPTION} to refresh"
        )
    for path in unused:
        terminalreporter.write_line(f"unused: {os.path.relpath(path, config.rootpath)}")
