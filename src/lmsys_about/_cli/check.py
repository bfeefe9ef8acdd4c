"""The ``check`` subcommand: every diagnostic of a page, and an exit code for CI."""

from __future__ import annotations

import argparse
import sys

from ..errors import AboutError
from .common import EXIT_FINDINGS, EXIT_OK, Subparsers, add_path, display_path, read_about


def _check(args: argparse.Namespace) -> int:
    from .._export.check import FORMATS, report_of, report_of_error

    path = display_path(args.path)
    render = FORMATS[args.format]
    try:
        report = report_of(read_about(args.path, max_bytes=args.max_bytes), path=path, strict=args.strict)
    except AboutError as exc:
        if args.format != "text":  # machines get the failure in their format too; main prints the error line
            sys.stdout.write(render(report_of_error(exc, path=path, strict=args.strict)))
        raise
    # Text findings are diagnostics, so they go to stderr; JSON and annotations are the output, on stdout.
    (sys.stderr if args.format == "text" else sys.stdout).write(render(report))
    return EXIT_OK if report.passed else EXIT_FINDINGS


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser("check", help="validate the page; exit 1 on errors (and warnings with --strict)")
    add_path(parser)
    parser.add_argument("--strict", action="store_true", help="fail on warnings too")
    parser.add_argument(
        "--format",
        choices=("text", "json", "github"),
        default="text",
        help="text: 'path:line: code message' lines on stderr; json: one object on stdout; "
        "github: GitHub Actions annotations on stdout (default: text)",
    )
    parser.set_defaults(handler=_check)
