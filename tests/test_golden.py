"""Golden files: each ``fixtures/{parse,error,crash}/<case>.md`` beside the ``<case>.json`` it must give.

Set ``LMSYS_ABOUT_UPDATE_SNAPSHOTS=1`` (the variable of :mod:`lmsys_about.testing`, whose snapshots these are
too) to rewrite the expected files after a deliberate change, then review the diff.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from lmsys_about import AboutError, load
from lmsys_about._version import FORMAT_VERSION
from lmsys_about.testing import update_requested

from .paths import CASES, case_id

UPDATE = update_requested()


def outcome(path: Path) -> dict[str, Any]:
    """What parsing ``path`` gives: the About JSON (without the machine-specific source, and the format version,
    the same for all) or the error."""
    try:
        about = load(path)
    except AboutError as error:
        message = str(error).replace(str(path), path.name)
        return {"error": {"type": type(error).__name__, "line": error.line, "message": message}}
    assert about.source == str(path)
    data = about.model_dump(mode="json")
    del data["source"]
    assert data.pop("format_version") == FORMAT_VERSION
    return data


def test_there_are_cases() -> None:
    assert len(CASES) >= 10


@pytest.mark.parametrize("path", CASES, ids=case_id)
def test_golden(path: Path) -> None:
    expected_path = path.with_suffix(".json")
    got = outcome(path)
    if UPDATE:
        expected_path.write_text(json.dumps(got, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    assert got == expected
