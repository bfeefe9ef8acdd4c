"""Draw docs/history-corpus.png from the page's real history: the earlier versions of the About page kept beside
the project (``../shared/corpus``, or the folder ``LMSYS_ABOUT_CORPUS`` names), committed in order into a
throw-away git repository, each dated by the month in its file name (``about_04_2023-07_links.md``; a version
named by its year alone halfway between the versions around it). Run from the checkout:
``python docs/make_corpus_timeline.py``.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path

from lmsys_about import timeline_figure

CORPUS = Path(os.environ.get("LMSYS_ABOUT_CORPUS", Path(__file__).resolve().parents[2] / "shared" / "corpus"))
_WHEN = re.compile(r"_(\d{4})(?:-(\d{2}))?(?:_|\.md$)")


def dated_versions(folder: Path) -> list[tuple[str, Path]]:
    """The About pages of ``folder`` with the ISO date each is committed at, oldest first: the 15th of the month
    its name gives, or, for a version named by its year alone, halfway between the versions around it."""
    found = []
    for path in sorted(folder.glob("about_*.md")):
        match = _WHEN.search(path.name)
        if match is None:
            raise SystemExit(f"{path.name}: no year in the file name")
        year, month = int(match.group(1)), match.group(2)
        found.append((datetime(year, int(month), 15, 12, tzinfo=timezone.utc) if month else None, year, path))
    dates = [when for when, _, _ in found]
    for index, (when, year, _) in enumerate(found):
        if when is None:
            before = next((d for d in reversed(dates[:index]) if d), datetime(year, 1, 1, tzinfo=timezone.utc))
            after = next((d for d in dates[index + 1 :] if d), datetime(year, 12, 31, tzinfo=timezone.utc))
            dates[index] = before + (after - before) / 2
    return [(when.isoformat(), path) for when, (_, _, path) in zip(dates, found, strict=True) if when]


def main() -> None:
    if not CORPUS.is_dir():
        sys.exit(f"no corpus at {CORPUS}")
    with tempfile.TemporaryDirectory() as repo:
        git = ["git", "-C", repo, "-c", "user.name=Ex", "-c", "user.email=ex@example.org", "-c", "commit.gpgsign=false"]
        subprocess.run([*git, "init", "-q"], check=True)
        for date, path in dated_versions(CORPUS):
            Path(repo, "about.md").write_bytes(path.read_bytes())
            env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
            subprocess.run([*git, "add", "-A"], check=True)
            subprocess.run([*git, "commit", "-q", "--allow-empty", "-m", path.name], check=True, env=env)
        figure = timeline_figure(repo, path="about.md")
    figure.savefig(Path(__file__).with_name("history-corpus.png"), dpi=72)


if __name__ == "__main__":
    main()
