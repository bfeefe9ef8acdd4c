"""The ``diff`` and ``history`` subcommands.

``_cli`` lists ``register`` among its registrars; the helpers of ``_cli`` and the diff machinery are imported
when a command runs, so that building the parser (every command does) stays cheap.
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .._git.walk import Version

_DIFF_RENDERERS = ("text", "json", "markdown")


def _diff(args: argparse.Namespace) -> int:
    from .._diff.compare import diff
    from .._diff.render import render_json, render_markdown, render_text
    from .main import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, error, read_about

    if args.old == "-" and args.new == "-":
        error("only one of OLD and NEW can be '-' (standard input)")
        return EXIT_ERROR
    changes = diff(read_about(args.old), read_about(args.new))
    if args.format == "json":
        print(render_json(changes))
    elif args.format == "markdown":
        print(render_markdown(changes, old=args.old, new=args.new))
    else:
        print(render_text(changes))
    return EXIT_FINDINGS if changes else EXIT_OK


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


def _history(args: argparse.Namespace) -> int:
    from .._git.walk import walk
    from .main import EXIT_OK

    for version in walk(args.repo, args.path):
        if args.format == "ndjson":
            print(json.dumps(_version_record(version), ensure_ascii=False), flush=True)
        else:
            print(_version_text(version), flush=True)
    return EXIT_OK


def register(subparsers: Any) -> None:
    """Add ``diff`` and ``history`` to the command's subparsers."""
    parser = subparsers.add_parser(
        "diff",
        help="what changed between two versions of the page",
        description="Exit status: 0 no changes, 1 changes, 2 bad input.",
    )
    parser.add_argument("old", metavar="OLD", help="the old version ('-' for stdin)")
    parser.add_argument("new", metavar="NEW", help="the new version ('-' for stdin)")
    parser.add_argument("--format", choices=_DIFF_RENDERERS, default="text", help="output format (default: text)")
    parser.set_defaults(handler=_diff)

    parser = subparsers.add_parser(
        "history",
        help="the changes of the page commit by commit in a local git repository",
        description="Walks 'git log --first-parent' of the page, oldest first; versions that do not parse "
        "are reported and skipped.",
    )
    parser.add_argument("repo", metavar="REPO", help="a directory inside the git repository")
    parser.add_argument(
        "--path", default="content/about.md", help="the page, relative to REPO (default: content/about.md)"
    )
    parser.add_argument("--format", choices=("text", "ndjson"), default="text", help="output format (default: text)")
    parser.set_defaults(handler=_history)
