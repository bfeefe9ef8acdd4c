"""The ``check`` subcommand: a linter of pages, for pre-commit and CI.

Findings are the output, on stdout (``path:line: severity code message``, JSON, or GitHub annotations); the
verdict of each page is a message, on stderr. Exit 1 when a page fails, 2 when one cannot be read (its error
line on stderr; the JSON and GitHub formats carry it as a finding too).
"""

from __future__ import annotations

import argparse
import sys

from .._printable import printable
from ..errors import AboutError
from .common import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, Subparsers, add_max_bytes, display_path, error, read_about


def _selectors(values: list[str] | None) -> list[str]:
    """'--select a,b --select c' as ['a', 'b', 'c']."""
    return [part.strip() for value in values or () for part in value.split(",") if part.strip()]


def _check(args: argparse.Namespace) -> int:
    from .._export.check import FORMATS, report_of, report_of_error, selection, summary

    if args.paths.count("-") > 1:
        error("standard input ('-') can be checked once")
        return EXIT_ERROR
    try:
        keep = selection(_selectors(args.select), _selectors(args.ignore))
    except ValueError as exc:
        error(str(exc))
        return EXIT_ERROR
    reports, unread = [], 0
    for path in args.paths or [None]:
        shown = display_path(path)
        try:
            about = read_about(path, max_bytes=args.max_bytes)
        except AboutError as exc:
            error(printable(str(exc)))
            unread += 1
            if args.format != "text":  # machines get the failure in their format too
                reports.append(report_of_error(exc, path=shown, strict=args.strict))
            continue
        reports.append(report_of(about, path=shown, strict=args.strict, keep=keep))
    sys.stdout.write(FORMATS[args.format](reports))
    if args.format == "text":
        sys.stdout.flush()  # the findings before the verdicts, where both streams go to one place
        sys.stderr.write(summary(reports, unread=unread))
    if unread:
        return EXIT_ERROR
    return EXIT_OK if all(report.passed for report in reports) else EXIT_FINDINGS


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "check",
        help="lint pages; exit 1 on errors (and warnings with --strict)",
        description="Exit status: 0 every page passed, 1 a page failed, 2 a page cannot be read. The codes, and "
        "how to fix what each one reports, are in docs/diagnostics.md.",
    )
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", help="pages to check ('-' for stdin; default: the bundled page)"
    )
    add_max_bytes(parser)
    parser.add_argument("--strict", action="store_true", help="fail on warnings too")
    parser.add_argument(
        "--select",
        action="append",
        metavar="CODES",
        help="report only these codes or prefixes, comma-separated (e.g. 'unplaced-,doubtful-name')",
    )
    parser.add_argument(
        "--ignore", action="append", metavar="CODES", help="never report these codes or prefixes, comma-separated"
    )
    parser.add_argument(
        "--format",
        choices=("text", "json", "github"),
        default="text",
        help="text: 'path:line: severity code message' lines, a verdict per page on stderr; json: one object; "
        "github: GitHub Actions annotations (default: text)",
    )
    parser.set_defaults(handler=_check)
