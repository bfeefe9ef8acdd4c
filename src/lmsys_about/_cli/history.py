"""The ``history`` subcommand: the page's changes commit by commit in a local git repository, or (``--plot``)
the picture of who was on it when."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from .common import EXIT_ERROR, EXIT_OK, Subparsers, add_max_bytes, error

if TYPE_CHECKING:
    from .._git.walk import Version


def _version_record(version: Version) -> dict[str, Any]:
    error = version.error
    return {
        "commit": version.commit,
        "date": version.date,
        "subject": version.subject,
        "changes": [change.model_dump(mode="json") for change in version.changes],
        "error": None if error is None else {"type": type(error).__name__, "message": str(error), "line": error.line},
    }


def _version_text(version: Version) -> str:
    head = f"{version.date[:10]} {version.commit[:12]} {version.subject}"
    if version.error is not None:
        return f"{head}\n  ! does not parse: {version.error}"
    body = "\n".join(f"  {change}" for change in version.changes) if version.changes else "  (no changes)"
    return f"{head}\n{body}"


def _plot_file(value: str) -> str:
    """A file name ending with .png or .svg: argparse turns the refusal into a usage error (exit 2)."""
    if not value.lower().endswith((".png", ".svg")):
        raise argparse.ArgumentTypeError(f"{value!r} must end with .png or .svg")
    return value


def _plot(args: argparse.Namespace) -> int:
    from .._plot.figure import INSTALL, require_matplotlib, save, timeline_figure

    try:
        require_matplotlib()
    except ImportError:
        error(f"--plot needs matplotlib: {INSTALL}")
        return EXIT_ERROR
    save(timeline_figure(args.repo, path=args.path, max_bytes=args.max_bytes), args.plot)
    return EXIT_OK


def _history(args: argparse.Namespace) -> int:
    from .._git.walk import walk  # the diff machinery, which only this command needs

    if args.plot is not None:
        return _plot(args)
    for version in walk(args.repo, args.path, max_bytes=args.max_bytes):
        if args.format == "ndjson":
            print(json.dumps(_version_record(version), ensure_ascii=False), flush=True)
        else:
            print(_version_text(version), flush=True)
    return EXIT_OK


def register(subparsers: Subparsers) -> None:
    """Add ``history``."""
    parser = subparsers.add_parser(
        "history",
        help="the changes of the page commit by commit in a local git repository",
        description="Walks 'git log --first-parent' of the page, oldest first; versions that do not parse "
        "are reported and skipped. With --plot, draws who was on the page when instead of printing.",
    )
    parser.add_argument("repo", metavar="REPO", help="a directory inside the git repository")
    parser.add_argument(
        "--path", default="content/about.md", help="the page, relative to REPO (default: content/about.md)"
    )
    parser.add_argument("--format", choices=("text", "ndjson"), default="text", help="output format (default: text)")
    parser.add_argument(
        "--plot",
        metavar="FILE",
        type=_plot_file,
        help="draw who was on the page when into FILE (.png or .svg) instead of printing; needs the 'plot' extra",
    )
    add_max_bytes(parser)
    parser.set_defaults(handler=_history)
