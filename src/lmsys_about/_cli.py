"""The ``lmsys-about`` command: ``main(argv) -> int``, data on stdout, diagnostics and errors on stderr.

Exit codes: 0 fine, 1 findings (a failed check, differences), 2 usage, input or I/O error.
Each subcommand lives in a small function registered in ``_COMMANDS``; a module that adds subcommands
exposes ``register(subparsers)`` and is listed in ``_REGISTRARS``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from . import __version__
from ._api import load, loads, parse_data, read_bytes
from ._cli_diff import register as _register_diff
from .errors import AboutError

if TYPE_CHECKING:
    from .models import About

PROG = "lmsys-about"
EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

Handler = Callable[[argparse.Namespace], int]
Subparsers = Any  # argparse's _SubParsersAction is private


def read_about(path: str | None, *, strict: bool = False) -> About:
    """The page at ``path``: '-' reads standard input, None the bundled page."""
    if path == "-":
        return loads(sys.stdin.buffer.read(), strict=strict, source="<stdin>")
    return load(path, strict=strict)


def error(message: str) -> None:
    """Print one error line on stderr, prefixed with the program's name."""
    print(f"{PROG}: {message}", file=sys.stderr)


def add_path(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", nargs="?", help="the page to read ('-' for stdin; default: the bundled page)")


def _json(args: argparse.Namespace) -> int:
    # The plain data is what About.model_dump(mode="json") gives; skipping the models keeps start-up short.
    if args.path == "-":
        data = parse_data(sys.stdin.buffer.read(), source="<stdin>")
    else:
        raw, name = read_bytes(args.path)
        data = parse_data(raw, source=name)
    indent = None if args.compact else args.indent
    separators = (",", ":") if args.compact else None
    print(json.dumps(data, indent=indent, separators=separators, ensure_ascii=False))
    return EXIT_OK


def _register_json(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser("json", help="print the page as About JSON")
    add_path(parser)
    parser.add_argument("--indent", type=int, default=2, help="spaces of indentation (default: 2)")
    parser.add_argument("--compact", action="store_true", help="one line, no spaces")
    parser.set_defaults(handler=_json)


_REGISTRARS: tuple[Callable[[Subparsers], None], ...] = (_register_json, _register_diff)


def build_parser() -> tuple[argparse.ArgumentParser, frozenset[str]]:
    """The parser, and the names of its subcommands."""
    parser = argparse.ArgumentParser(prog=PROG, description="Read the LMSYS About page into structured data.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for register in _REGISTRARS:
        register(subparsers)
    return parser, frozenset(subparsers.choices)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command with ``argv`` (default: ``sys.argv[1:]``) and return its exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser, commands = build_parser()
    # 'lmsys-about [PATH] [OPTIONS]' means 'lmsys-about json [PATH] [OPTIONS]'.
    if not args_list or args_list[0] not in commands | {"-h", "--help", "--version"}:
        args_list.insert(0, "json")
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exit_:  # argparse exits on --help, --version and usage errors
        return exit_.code if isinstance(exit_.code, int) else EXIT_ERROR
    handler: Handler = args.handler
    try:
        return handler(args)
    except AboutError as exc:
        error(str(exc))
        return EXIT_ERROR
    except BrokenPipeError:  # e.g. piped into `head`
        return EXIT_OK
