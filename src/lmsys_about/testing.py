"""Regression tests on the page's content: compare a parsed page with a snapshot, semantically.

With pytest, the ``about_snapshot`` fixture (installed with the package) does it all::

    def test_about_page(about_snapshot):
        assert load("content/about.md") == about_snapshot

and ``pytest --update-about-snapshots`` writes or refreshes the snapshots. Outside that fixture:

>>> from lmsys_about import load
>>> from lmsys_about.testing import assert_unchanged
>>> def test_about_page_content():
...     assert_unchanged(load("content/about.md"), "tests/snapshots/about.json")

A check fails when the snapshot is missing, and when the page's content differs from it, with the changes as
the message, e.g. ``+ Jun Qian joined Advisors (line 42)``; formatting-only edits pass. To write the snapshot
or accept the changes, run again with ``LMSYS_ABOUT_UPDATE_SNAPSHOTS=1`` (or ``true``, ``yes``, ``on``; or pass
``update=True``). A snapshot is written to a temporary file beside it, then renamed over it, so that
concurrent readers (``pytest -n``) see the old snapshot or the new one, never half of one.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from ._printable import printable

if TYPE_CHECKING:
    from ._diff.changes import Change
    from .models import About

__all__ = [
    "UPDATE_VARIABLE",
    "SnapshotComparison",
    "assert_unchanged",
    "compare_snapshot",
    "snapshot_text",
    "update_requested",
    "write_atomically",
]

UPDATE_VARIABLE = "LMSYS_ABOUT_UPDATE_SNAPSHOTS"
_TRUE = frozenset({"1", "true", "yes", "on"})

Outcome = Literal["matched", "stale", "written", "updated", "missing", "unreadable", "changed"]
_PASSING: frozenset[Outcome] = frozenset({"matched", "stale", "written", "updated"})


def update_requested(environ: Mapping[str, str] | None = None) -> bool:
    """Whether ``LMSYS_ABOUT_UPDATE_SNAPSHOTS`` asks to write snapshots: ``1``, ``true``, ``yes`` or ``on``, in
    any case.

    >>> update_requested({"LMSYS_ABOUT_UPDATE_SNAPSHOTS": "True"}), update_requested({})
    (True, False)
    """
    value = (os.environ if environ is None else environ).get(UPDATE_VARIABLE, "")
    return value.strip().lower() in _TRUE


def snapshot_text(about: About) -> str:
    """The snapshot of ``about``: its About JSON without ``source`` (which differs between machines)."""
    data = about.model_dump(mode="json", exclude={"source"})
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder and ``os.replace``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below, before the rename
        "w", encoding="utf-8", dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False
    )
    try:
        with handle:
            handle.write(text)
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


@dataclass(frozen=True)
class SnapshotComparison:
    """What comparing a page with its snapshot found, and did.

    ``outcome`` is ``matched`` (same content, same file), ``stale`` (same content; lines or sha256 differ),
    ``written`` or ``updated`` (when updating), or a failure: ``missing``, ``unreadable`` or ``changed``.
    """

    path: Path
    outcome: Outcome
    changes: tuple[Change, ...] = ()
    problem: str = ""  # why an unreadable snapshot cannot be read

    @property
    def passed(self) -> bool:
        return self.outcome in _PASSING

    def explain(self, how_to_update: str, *, shown_path: str | None = None) -> list[str]:
        """The failure as lines for a person (empty when it passed); ``how_to_update`` says how to accept it."""
        where = str(self.path) if shown_path is None else shown_path
        if self.outcome == "missing":
            return [f"snapshot {where} does not exist; rerun with {how_to_update} to write it"]
        if self.outcome == "unreadable":
            return [
                f"snapshot {where} cannot be read as About JSON ({printable(self.problem)});"
                f" rerun with {how_to_update} to rewrite it"
            ]
        if self.outcome != "changed":
            return []
        count = len(self.changes)
        return [
            f"the page differs from snapshot {where} ({count} change{'s' if count != 1 else ''};"
            " old lines are the snapshot's):",
            *(f"  {printable(str(change))}" for change in self.changes),
            f"If these changes are expected, rerun with {how_to_update} to accept them.",
        ]


def compare_snapshot(about: About, path: str | os.PathLike[str], *, update: bool) -> SnapshotComparison:
    """Compare ``about`` with the snapshot at ``path`` by content; with ``update``, write it where it is missing,
    unreadable, different or stale."""
    from pydantic import ValidationError

    from ._diff.compare import diff
    from .models import About

    path = Path(path)
    text = snapshot_text(about)
    try:
        stored = path.read_bytes()  # once: a concurrent writer replaces the file whole, between two reads
    except FileNotFoundError:
        if update:
            write_atomically(path, text)
            return SnapshotComparison(path, "written")
        return SnapshotComparison(path, "missing")
    except OSError as exc:
        stored, problem = b"", exc.strerror or str(exc)
    else:
        problem = ""
    if not problem:
        try:
            snapshot = About.model_validate_json(stored)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(part) for part in first["loc"])
            problem = f"{where}: {first['msg']}" if where else first["msg"]
    if problem:
        if update:
            write_atomically(path, text)
            return SnapshotComparison(path, "updated")
        return SnapshotComparison(path, "unreadable", problem=problem)
    changes = tuple(diff(snapshot, about))
    if changes and not update:
        return SnapshotComparison(path, "changed", changes)
    if stored == text.encode("utf-8"):
        return SnapshotComparison(path, "matched")
    if update:
        write_atomically(path, text)
        return SnapshotComparison(path, "updated", changes)
    return SnapshotComparison(path, "stale")


def assert_unchanged(about: About, snapshot_path: str | os.PathLike[str], *, update: bool | None = None) -> None:
    """Fail with the semantic diff when ``about`` differs in content from the snapshot at ``snapshot_path``.

    A missing or unreadable snapshot fails too. With ``update=True``, or with ``update=None`` and
    ``LMSYS_ABOUT_UPDATE_SNAPSHOTS`` set to a true value (:func:`update_requested`), the snapshot is written
    instead, where it is missing, unreadable, different, or stale (same content, other lines or sha256).
    """
    __tracebackhide__ = True  # pytest shows the failure at the caller
    comparison = compare_snapshot(about, snapshot_path, update=update_requested() if update is None else update)
    if not comparison.passed:
        raise AssertionError("\n".join(comparison.explain(f"{UPDATE_VARIABLE}=1")))
