"""The ``diff`` subcommand: the changes between two versions of the page, exit 1 when there are any.

The diff machinery is imported when the command runs, so that building the parser (every command does)
stays cheap.
"""

from __future__ import annotations

import argparse
import sys

from .common import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, Subparsers, add_max_bytes, display_path, error, read_about

_DIFF_RENDERERS = ("text", "json", "markdown")


def _diff(args: argparse.Namespace) -> int:
    from .._diff.compare import diff
    from .._diff.render import render_json, render_markdown, render_text

    if args.old == "-" and args.new == "-":
        error("only one of OLD and NEW can be '-' (standard input)")
        return EXIT_ERROR
    old, new = read_about(args.old, max_bytes=args.max_bytes), read_about(args.new, max_bytes=args.max_bytes)
    changes = diff(old, new)
    if args.format == "json":
        text = render_json(changes, old=(display_path(args.old), old), new=(display_path(args.new), new))
    elif args.format == "markdown":
        text = render_markdown(changes, old=args.old, new=args.new)
    else:
        text = render_text(changes)
    # One write: a reader that stops after the first line still leaves the outcome known (see main).
    sys.stdout.write(text + "\n")
    return EXIT_FINDINGS if changes else EXIT_OK


def register(subparsers: Subparsers) -> None:
    """Add ``diff``."""
    parser = subparsers.add_parser(
        "diff",
        help="what changed between two versions of the page",
        description="Exit status: 0 no changes, 1 changes, 2 bad input.",
    )
    parser.add_argument("old", metavar="OLD", help="the old version ('-' for stdin)")
    parser.add_argument("new", metavar="NEW", help="the new version ('-' for stdin)")
    parser.add_argument("--format", choices=_DIFF_RENDERERS, default="text", help="output format (default: text)")
    add_max_bytes(parser)
    parser.set_defaults(handler=_diff)
