"""The ``lmsys-about`` command: ``main(argv) -> int``, data on stdout, diagnostics and errors on stderr.

Exit codes: 0 fine, 1 findings (a failed check, differences), 2 usage, input or I/O error, 130 interrupted
(Ctrl-C), 141 stopped by its reader (a closed pipe) before its outcome was known.
Each subcommand is a small handler ``(args) -> int`` that reads, calls the library and prints; the work
itself lives in library modules. The subcommands are added to the parser by the functions in ``_REGISTRARS``,
the one registry: a module that brings new subcommands exposes ``register(subparsers)``, which calls
``subparsers.add_parser(...)`` and ``parser.set_defaults(handler=...)``, and is listed there. Registering
imports nothing of the parser, so that ``--help`` and ``--version`` cost little more than Python's start.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from .._version import __version__
from ..errors import AboutError
from . import check, diff, history, page, render
from .common import EXIT_ERROR, PROG, Handler, Subparsers, data_output, error
from .streams import ClosedOutput, closed_error, prepare_streams, silence

EXIT_INTERRUPTED = 130  # 128 + SIGINT, what a shell reports for a command that Ctrl-C stopped
EXIT_CLOSED_PIPE = 141  # 128 + SIGPIPE, what a shell reports for a command that a closed pipe stopped

# What is data, written as UTF-8 whatever the locale (text for a person gets escapes instead): the output of
# these commands, and of any command in these formats.
DATA_COMMANDS = frozenset({"json", "schema", "jsonld", "render"})
DATA_FORMATS = frozenset({"json", "ndjson", "csv", "github", "markdown"})

# Each registrar adds its subcommands to the parser, in the order ``--help`` lists them.
_REGISTRARS: tuple[Callable[[Subparsers], None], ...] = (
    page.register,
    check.register,
    diff.register,
    history.register,
    render.register,
)


class _Parser(argparse.ArgumentParser):
    """argparse, with a usage error on one line (the full usage is one ``--help`` away)."""

    def error(self, message: str) -> NoReturn:
        error(f"{message} (see '{self.prog} --help')")
        raise SystemExit(EXIT_ERROR)


def build_parser() -> tuple[argparse.ArgumentParser, frozenset[str]]:
    """The parser, and the names of its subcommands."""
    parser = _Parser(prog=PROG, description="Read the LMSYS About page into structured data.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for register in _REGISTRARS:
        register(subparsers)
    return parser, frozenset(subparsers.choices)


def _is_data(args: argparse.Namespace) -> bool:
    """Whether the command prints data: a data command, a data format, or a table (history's --table)."""
    format_ = getattr(args, "format", None)
    return args.command in DATA_COMMANDS or format_ in DATA_FORMATS or getattr(args, "table", None) is not None


def _run(args_list: list[str]) -> int:
    """Parse ``args_list`` and run its subcommand; an error of the input or of the output is one line."""
    parser, commands = build_parser()
    # 'lmsys-about [PATH] [OPTIONS]' means 'lmsys-about json [PATH] [OPTIONS]'.
    if not args_list or args_list[0] not in commands | {"-h", "--help", "--version"}:
        args_list.insert(0, "json")
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exit_:  # argparse exits on --help, --version and usage errors
        return exit_.code if isinstance(exit_.code, int) else EXIT_ERROR
    if _is_data(args):
        data_output()
    handler: Handler = args.handler
    return handler(args)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command with ``argv`` (default: ``sys.argv[1:]``) and return its exit code.

    A reader that goes away (``| head -1``) stops the command quietly: it exits with the status it had
    reached when its output was all written, else with 141, never with 0 when it had findings or failed.
    Every other way a run can end is one line on stderr and an exit status, never a traceback.
    """
    prepare_streams()
    status: int | None = None
    try:
        status = _run(list(sys.argv[1:] if argv is None else argv))
        if isinstance(sys.stdout, ClosedOutput) and sys.stdout.failed:
            raise closed_error()
        sys.stdout.flush()  # so that a closed pipe shows here, not at interpreter exit
        return status
    except BrokenPipeError:  # the reader has what it wanted: nothing more can be said
        silence(sys.stdout, sys.stderr)
        return EXIT_CLOSED_PIPE if status is None else status
    except KeyboardInterrupt:
        error("interrupted")
        return EXIT_INTERRUPTED
    except AboutError as exc:
        error(str(exc))
    except MemoryError:
        error("out of memory")
    except RecursionError:
        error("input nested too deeply to read")
    except OSError as exc:
        error(f"I/O error: {exc.strerror or exc}")
    return EXIT_ERROR
