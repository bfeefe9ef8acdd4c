"""Regression tests on the page's content: compare a parsed page with a snapshot, semantically.

>>> from lmsys_about import load
>>> from lmsys_about.testing import assert_unchanged
>>> def test_about_page_content():
...     assert_unchanged(load("content/about.md"), "tests/snapshots/about.json")

The first run writes the snapshot (commit it). Later runs fail when the page's content differs from it,
with the changes as the message, e.g. ``+ Jun Qian joined Advisors (line 42)``; formatting-only edits
pass. To accept the changes, run again with ``LMSYS_ABOUT_UPDATE_SNAPSHOTS=1`` (or pass ``update=True``),
which rewrites the snapshot.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from pydantic import ValidationError

from ._diff.compare import diff
from .models import About

__all__ = ["UPDATE_VARIABLE", "assert_unchanged"]

UPDATE_VARIABLE = "LMSYS_ABOUT_UPDATE_SNAPSHOTS"


def _write(about: About, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = about.model_dump(mode="json", exclude={"source"})  # the source path differs between machines
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def assert_unchanged(about: About, snapshot_path: str | os.PathLike[str], *, update: bool | None = None) -> None:
    """Fail with the semantic diff when ``about`` differs in content from the snapshot at ``snapshot_path``.

    A missing snapshot is written and the check passes. With ``update=True``, or with ``update=None`` and
    the environment variable ``LMSYS_ABOUT_UPDATE_SNAPSHOTS=1``, a differing snapshot is rewritten instead.
    The snapshot is the page's About JSON without ``source``; an unreadable one fails, or is rewritten.
    """
    __tracebackhide__ = True  # pytest shows the failure at the caller
    path = Path(snapshot_path)
    if update is None:
        update = os.environ.get(UPDATE_VARIABLE) == "1"
    if not path.exists():
        _write(about, path)
        return
    try:
        snapshot = About.model_validate_json(path.read_bytes())
    except (OSError, ValidationError) as exc:
        if update:
            _write(about, path)
            return
        raise AssertionError(
            f"snapshot {path} cannot be read as About JSON ({exc}); rerun with {UPDATE_VARIABLE}=1 to rewrite it"
        ) from None
    changes = diff(snapshot, about)
    if not changes:
        return
    if update:
        _write(about, path)
        return
    count = len(changes)
    lines = "\n".join(f"  {change}" for change in changes)
    raise AssertionError(
        f"the page differs from snapshot {path} ({count} change{'s' if count != 1 else ''}; old lines are the"
        f" snapshot's):\n{lines}\nIf these changes are expected, rerun with {UPDATE_VARIABLE}=1 to accept them."
    )
