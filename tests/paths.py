"""Where the tests' pages are: the fixtures written for them, and the real corpus beside the project."""

from __future__ import annotations

import os
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
CASES = sorted(FIXTURES.glob("*.md"))  # every golden case, refused inputs (error-*.md) included
PARSEABLE = [path for path in CASES if not path.stem.startswith("error-")]

# Real versions of the page, read-only beside the project (../shared/corpus); absent on a user's machine.
CORPUS = Path(os.environ.get("LMSYS_ABOUT_CORPUS", Path(__file__).resolve().parents[2] / "shared" / "corpus"))
CORPUS_PAGES = sorted(CORPUS.glob("[ad][bo]*_*.md")) if CORPUS.is_dir() else []  # about_* and donations_*
ABOUT_PAGES = [path for path in CORPUS_PAGES if path.name.startswith("about_")]
