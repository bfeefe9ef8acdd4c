"""What every subcommand shares: exit codes, reading the page, the PATH and JSON options, the error line.

Nothing of the parser is imported here at module level: building the parser (``--help``, ``--version``) must
stay cheap, so the library is imported by the functions that read a page.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .._printable import printable
from .streams import silence

if TYPE_CHECKING:
    from ..models import About

PROG = "lmsys-about"
EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
# _read.source.DEFAULT_MAX_BYTES, which imports YAML and python-frontmatter; a test checks that they agree.
DEFAULT_MAX_BYTES = 32 * 1024
# The largest number an option takes: the largest size Python can read or allocate.
MAX_NUMBER = sys.maxsize
MAX_INDENT = 32

Handler = Callable[[argparse.Namespace], int]
Subparsers = Any  # argparse's _SubParsersAction is private


def read_input(path: str | None, *, max_bytes: int | None = DEFAULT_MAX_BYTES) -> tuple[bytes, str]:
    """The bytes of the page at ``path`` ('-' reads standard input, None the bundled page) and its name; at most
    one byte past ``max_bytes`` is read, and a larger input is refused with its real size where it has one."""
    from .._api import read_bytes
    from .._read.source import read_capped
    from ..errors import SourceError

    if path != "-":
        return read_bytes(path, max_bytes=max_bytes)
    if sys.stdin is None:  # started with standard input closed ('<&-')
        raise SourceError("cannot read standard input: it is closed", path="<stdin>")
    try:
        return read_capped(sys.stdin.buffer, max_bytes=max_bytes, path="<stdin>"), "<stdin>"
    except OSError as exc:
        raise SourceError(f"cannot read standard input: {exc.strerror or exc}", path="<stdin>") from None


def read_about(path: str | None, *, strict: bool = False, max_bytes: int | None = DEFAULT_MAX_BYTES) -> About:
    """The page at ``path``: '-' reads standard input, None the bundled page."""
    from .._api import loads

    data, name = read_input(path, max_bytes=max_bytes)
    return loads(data, strict=strict, source=name, max_bytes=max_bytes)


def error(message: str) -> None:
    """Print one error line on stderr, prefixed with the program's name; the message's control characters
    (a file name's, a page's) are escaped, so that it stays one line that the terminal shows as written."""
    try:
        print(f"{PROG}: {printable(message)}", file=sys.stderr, flush=True)
    except OSError:  # stderr is a closed pipe: the exit status is all that is left to say it
        silence(sys.stderr)


def add_path(parser: argparse.ArgumentParser) -> None:
    """The optional PATH of a command that reads one page, with ``--max-bytes``."""
    parser.add_argument("path", nargs="?", help="the page to read ('-' for stdin; default: the bundled page)")
    add_max_bytes(parser)


_INTEGER = re.compile(r"[+-]?[0-9]+")


def _number(text: str, *, least: int, most: int, what: str) -> int:
    """``text`` as an int from ``least`` to ``most``; argparse turns the refusal into a usage error (exit 2)."""
    if _INTEGER.fullmatch(text.strip()) is None:
        raise argparse.ArgumentTypeError(f"not a number of {what}: {text!r}")
    # int() of a number longer than the largest allowed would only be refused (or above 4,300 digits, fail).
    value = int(text) if len(text.strip().lstrip("+-").lstrip("0")) <= len(str(most)) else None
    if value is None or not least <= value <= most:
        shown = text if len(text) <= 30 else f"{text[:20]}… ({len(text):,} characters)"
        raise argparse.ArgumentTypeError(f"must be a number of {what} from {least:,} to {most:,}: {shown}")
    return value


def _byte_count(text: str) -> int | None:
    if text.lower() == "none":
        return None
    return _number(text, least=1, most=MAX_NUMBER, what="bytes ('none': no limit)")


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
    from .._api import BUNDLED_NAME

    return "<stdin>" if path == "-" else BUNDLED_NAME if path is None else path


def _indent(text: str) -> int:
    return _number(text, least=0, most=MAX_INDENT, what="spaces")


def add_json_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--indent", type=_indent, default=2, metavar="N", help=f"spaces of indentation, 0 to {MAX_INDENT} (default: 2)"
    )
    parser.add_argument("--compact", action="store_true", help="one line, no spaces")


def dump_json(data: object, args: argparse.Namespace) -> str:
    """``data`` as JSON laid out as ``--indent`` / ``--compact`` ask, with a final newline."""
    indent = None if args.compact else args.indent
    separators = (",", ":") if args.compact else None
    return json.dumps(data, indent=indent, separators=separators, ensure_ascii=False) + "\n"


def data_output() -> None:
    """Write standard output as UTF-8 from now on, whatever the locale: data (JSON, NDJSON, CSV, Markdown) is
    exchanged as UTF-8 and must stay exact, where text for a person gets escapes for what the terminal's
    encoding cannot show."""
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None and (sys.stdout.encoding or "").lower().replace("-", "") != "utf8":
        sys.stdout.flush()
        reconfigure(encoding="utf-8", errors="backslashreplace")  # a file name undecodable as UTF-8 holds a surrogate
