"""The ``history`` subcommand: the page's changes commit by commit in a local git repository, as text or
NDJSON, as a table (``--table changes|spans``), or (``--plot``) the picture of who was on it when."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from .._printable import printable
from .common import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, Subparsers, add_max_bytes, error

if TYPE_CHECKING:
    from .._git.walk import Version

PLOT_SUFFIXES = (".png", ".svg", ".pdf")
VERSION_FORMATS = ("text", "ndjson")
TABLE_FORMATS = ("csv", "ndjson", "json")


def _version_record(version: Version) -> dict[str, Any]:
    error = version.error
    return {
        "commit": version.commit,
        "date": version.date,
        "author": version.author,
        "subject": version.subject,
        "path": version.path,
        "changes": [change.model_dump(mode="json") for change in version.changes],
        "error": None if error is None else {"type": type(error).__name__, "message": str(error), "line": error.line},
        "note": version.note,
    }


def _version_text(version: Version, moved_from: str | None = None) -> str:
    """The version for a person to read; ``moved_from`` is the page's path in the version before, when it
    differs."""
    from ..errors import HistoryError

    head = f"{version.date[:10]} {version.commit[:12]} {printable(version.subject)}"
    if moved_from is not None:
        head += f"\n  > the page moved from {printable(moved_from)} to {printable(version.path)}"
    if version.error is not None:
        what = "" if isinstance(version.error, HistoryError) else "does not parse: "
        return f"{head}\n  ! {what}{printable(str(version.error))}"
    lines = [f"  {printable(str(change))}" for change in version.changes]
    if version.note is not None:
        lines.insert(0, f"  ? {printable(version.note)}")
    return "\n".join([head, *(lines or ["  (no changes)"])])


def _plot_file(value: str) -> str:
    """A file name ending with .png, .svg or .pdf: argparse turns the refusal into a usage error (exit 2)."""
    if not value.lower().endswith(PLOT_SUFFIXES):
        raise argparse.ArgumentTypeError(f"{value!r} must end with .png, .svg or .pdf")
    return value


def _unwritable(file: str) -> str | None:
    """Why ``file`` cannot be written, checked before the history is read; None when it can."""
    directory = os.path.dirname(os.path.abspath(file))
    if not os.path.isdir(directory):
        return f"cannot write {file}: no directory {directory}"
    if os.path.isdir(file):
        return f"cannot write {file}: it is a directory"
    if not os.access(directory, os.W_OK | os.X_OK) or (os.path.exists(file) and not os.access(file, os.W_OK)):
        return f"cannot write {file}: permission denied"
    return None


def _walk_options(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "follow": args.follow,
        "revisions": args.revisions,
        "since": args.since,
        "until": args.until,
        "max_bytes": args.max_bytes,
    }


def _plot(args: argparse.Namespace) -> int:
    from .._plot.figure import INSTALL, require_matplotlib, save, timeline_figure

    try:
        require_matplotlib()
    except ImportError:
        error(f"--plot needs matplotlib: {INSTALL}")
        return EXIT_ERROR
    problem = _unwritable(args.plot)
    if problem is not None:
        error(printable(problem))
        return EXIT_ERROR
    save(timeline_figure(args.repo, path=args.path, **_walk_options(args)), args.plot)
    return EXIT_OK


class _Read:
    """The versions of a walk as they go by, counting those that were read."""

    def __init__(self, versions: Iterable[Version]) -> None:
        self.versions = versions
        self.read = 0

    def __iter__(self) -> Iterator[Version]:
        for version in self.versions:
            self.read += version.about is not None
            yield version

    def status(self, path: str) -> int:
        """EXIT_OK when some version was read; otherwise a line that says so, and EXIT_FINDINGS."""
        if self.read:
            return EXIT_OK
        error(f"no version of {printable(path)} could be read")
        return EXIT_FINDINGS


def _table(args: argparse.Namespace) -> int:
    from .._export.records import rows_to_csv, rows_to_ndjson
    from .._git.tables import TABLES, history_columns
    from .._git.walk import walk

    versions = _Read(walk(args.repo, args.path, **_walk_options(args)))
    rows = list(TABLES[args.table][1](versions))
    if args.format == "csv":
        sys.stdout.write(rows_to_csv(history_columns(args.table), rows, raw=args.raw_csv))
    elif args.format == "ndjson":
        sys.stdout.write(rows_to_ndjson(rows))
    else:
        sys.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
    return versions.status(args.path)


def _history(args: argparse.Namespace) -> int:
    from .._git.walk import walk  # the diff machinery, which only this command needs

    if args.plot is not None and args.table is not None:
        error("--plot draws the spans itself: give --plot or --table, not both")
        return EXIT_ERROR
    allowed = TABLE_FORMATS if args.table else VERSION_FORMATS
    args.format = args.format or allowed[0]
    if args.format not in allowed:
        needs = "is for the commits, not --table" if args.table else "needs --table changes or --table spans"
        error(f"--format {args.format} {needs}")
        return EXIT_ERROR
    if args.plot is not None:
        return _plot(args)
    if args.table is not None:
        return _table(args)
    versions = _Read(walk(args.repo, args.path, **_walk_options(args)))
    path = None
    for version in versions:
        if args.format == "ndjson":
            print(json.dumps(_version_record(version), ensure_ascii=False), flush=True)
        else:
            moved_from = path if path is not None and path != version.path else None
            print(_version_text(version, moved_from), flush=True)
        path = version.path
    return versions.status(args.path)


def register(subparsers: Subparsers) -> None:
    """Add ``history``."""
    parser = subparsers.add_parser(
        "history",
        help="the changes of the page commit by commit in a local git repository",
        description="Walks the first-parent history of the page, oldest first, following renames; versions "
        "that cannot be read or do not parse are reported and skipped. Never fetches. --table prints one row "
        "per change or per stint of someone in a group; --plot draws who was on the page when.",
    )
    parser.add_argument("repo", metavar="REPO", help="a directory inside the git repository (or a bare one)")
    parser.add_argument(
        "revisions",
        metavar="REVISION",
        nargs="*",
        help="what to walk, as git log takes it: a branch, a tag, a range such as v1..main (default: HEAD)",
    )
    parser.add_argument(
        "--path", default="content/about.md", help="the page, relative to REPO (default: content/about.md)"
    )
    parser.add_argument(
        "--no-follow", dest="follow", action="store_false", help="stop at a rename instead of following the page"
    )
    parser.add_argument("--since", metavar="DATE", help="only commits after DATE (as git log reads it)")
    parser.add_argument("--until", metavar="DATE", help="only commits before DATE")
    parser.add_argument(
        "--table",
        choices=("changes", "spans"),
        help="print a table: one row per change, or one per stint of someone in a group",
    )
    parser.add_argument(
        "--format",
        choices=(*VERSION_FORMATS, "csv", "json"),
        help="text or ndjson (default: text); with --table, csv, ndjson or json (default: csv)",
    )
    parser.add_argument(
        "--raw-csv",
        action="store_true",
        help="write CSV cells as they are: no ' before a cell that a spreadsheet would run as a formula",
    )
    parser.add_argument(
        "--plot",
        metavar="FILE",
        type=_plot_file,
        help="draw who was on the page when into FILE (.png, .svg or .pdf) instead of printing; needs the 'plot' extra",
    )
    add_max_bytes(parser)
    parser.set_defaults(handler=_history)
