"""What every subcommand shares: exit codes, reading the page, the PATH and JSON options, the error line."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .._api import BUNDLED_NAME, loads, read_bytes
from .._read.source import DEFAULT_MAX_BYTES
from ..errors import SourceError

if TYPE_CHECKING:
    from ..models import About

PROG = "lmsys-about"
EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

Handler = Callable[[argparse.Namespace], int]
Subparsers = Any  # argparse's _SubParsersAction is private


def read_input(path: str | None, *, max_bytes: int | None = DEFAULT_MAX_BYTES) -> tuple[bytes, str]:
    """The bytes of the page at ``path`` ('-' reads standard input, None the bundled page) and its name; at most
    one byte past ``max_bytes`` is read, enough for the parser to refuse an oversized page."""
    if path != "-":
        return read_bytes(path, max_bytes=max_bytes)
    try:
        return (sys.stdin.buffer.read() if max_bytes is None else sys.stdin.buffer.read(max_bytes + 1)), "<stdin>"
    except OSError as exc:
        raise SourceError(f"cannot read standard input: {exc.strerror or exc}", path="<stdin>") from None


def read_about(path: str | None, *, strict: bool = False, max_bytes: int | None = DEFAULT_MAX_BYTES) -> About:
    """The page at ``path``: '-' reads standard input, None the bundled page."""
    data, name = read_input(path, max_bytes=max_bytes)
    return loads(data, strict=strict, source=name, max_bytes=max_bytes)


def error(message: str) -> None:
    """Print one error line on stderr, prefixed with the program's name."""
    print(f"{PROG}: {message}", file=sys.stderr)


def add_path(parser: argparse.ArgumentParser) -> None:
    """The optional PATH of a command that reads one page, with ``--max-bytes``."""
    parser.add_argument("path", nargs="?", help="the page to read ('-' for stdin; default: the bundled page)")
    add_max_bytes(parser)


def _byte_count(text: str) -> int | None:
    if text.lower() == "none":
        return None
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of bytes: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1 byte: {value}")
    return value


def add_max_bytes(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--max-bytes",
        type=_byte_count,
        default=DEFAULT_MAX_BYTES,
        metavar="N",
        help=f"refuse a page above N bytes ('none': no limit; default: {DEFAULT_MAX_BYTES}, about nine times the "
        "largest About page so far)",
    )


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
