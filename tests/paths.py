"""Where the tests' pages are: the fixtures written for them, and the real corpus beside the project."""

from __future__ import annotations

import os
from pathlib import Path

# Golden cases by outcome, each page beside the .json it must give: parse/ for pages that parse, error/ for
# pages refused with an AboutError, crash/ for inputs that once crashed the parser (found by fuzzing); diff/
# holds the diff cases, one folder each with old.md, new.md and expected.json.
FIXTURES = Path(__file__).parent / "fixtures"
PARSE, ERROR, CRASH, DIFF = (FIXTURES / name for name in ("parse", "error", "crash", "diff"))
PARSEABLE = sorted(PARSE.glob("*.md")) + sorted(CRASH.glob("*.md"))
CASES = PARSEABLE + sorted(ERROR.glob("*.md"))  # every golden case, refused inputs included
DIFF_CASES = sorted(path for path in DIFF.iterdir() if path.is_dir())


def case_id(path: Path) -> str:
    """A golden case's test id: its folder and name, as 'parse/full-page'."""
    return f"{path.parent.name}/{path.stem}"


# Real versions of the page, read-only beside the project (../shared/corpus); absent on a user's machine.
CORPUS = Path(os.environ.get("LMSYS_ABOUT_CORPUS", Path(__file__).resolve().parents[2] / "shared" / "corpus"))
CORPUS_PAGES = sorted(CORPUS.glob("[ad][bo]*_*.md")) if CORPUS.is_dir() else []  # about_* and donations_*
ABOUT_PAGES = [path for path in CORPUS_PAGES if path.name.startswith("about_")]
