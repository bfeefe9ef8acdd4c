"""What every subcommand shares: exit codes, reading the page, the PATH and JSON options, the error line."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .._api import BUNDLED_NAME, load, loads
from ..errors import SourceError

if TYPE_CHECKING:
    from ..models import About

PROG = "lmsys-about"
EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

Handler = Callable[[argparse.Namespace], int]
Subparsers = Any  # argparse's _SubParsersAction is private


def read_about(path: str | None, *, strict: bool = False) -> About:
    """The page at ``path``: '-' reads standard input, None the bundled page."""
    if path == "-":
        try:
            data = sys.stdin.buffer.read()
        except OSError as exc:
            raise SourceError(f"cannot read standard input: {exc.strerror or exc}", path="<stdin>") from None
        return loads(data, strict=strict, source="<stdin>")
    return load(path, strict=strict)


def error(message: str) -> None:
    """Print one error line on stderr, prefixed with the program's name."""
    print(f"{PROG}: {message}", file=sys.stderr)


def add_path(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", nargs="?", help="the page to read ('-' for stdin; default: the bundled page)")


def display_path(path: str | None) -> str:
    """How findings name the input: the path as given, ``<stdin>`` for '-', the bundled file's name for None."""
    return "<stdin>" if path == "-" else BUNDLED_NAME if path is None else path


def add_json_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--indent", type=int, default=2, help="spaces of indentation (default: 2)")
    parser.add_argument("--compact", action="store_true", help="one line, no spaces")


def dump_json(data: object, args: argparse.Namespace) -> str:
    """``data`` as JSON laid out as ``--indent`` / ``--compact`` ask, with a final newline."""
    indent = None if args.compact else args.indent
    separators = (",", ":") if args.compact else None
    return json.dumps(data, indent=indent, separators=separators, ensure_ascii=False) + "\n"
