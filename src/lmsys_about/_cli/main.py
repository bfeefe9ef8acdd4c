"""The ``lmsys-about`` command: ``main(argv) -> int``, data on stdout, diagnostics and errors on stderr.

Exit codes: 0 fine, 1 findings (a failed check, differences), 2 usage, input or I/O error.
Each subcommand is a small handler ``(args) -> int`` that reads, calls the library and prints; the work
itself lives in library modules. The subcommands are added to the parser by the functions in ``_REGISTRARS``,
the one registry: a module that brings new subcommands exposes ``register(subparsers)``, which calls
``subparsers.add_parser(...)`` and ``parser.set_defaults(handler=...)``, and is listed there.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from .._version import __version__
from ..errors import AboutError
from . import check, diff, history, page, render
from .common import EXIT_ERROR, EXIT_OK, PROG, Handler, Subparsers, error

# Each registrar adds its subcommands to the parser, in the order ``--help`` lists them.
_REGISTRARS: tuple[Callable[[Subparsers], None], ...] = (
    page.register,
    check.register,
    diff.register,
    history.register,
    render.register,
)


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
        status = handler(args)
        sys.stdout.flush()  # so that a closed pipe shows here, not at interpreter exit
    except AboutError as exc:
        error(str(exc))
        return EXIT_ERROR
    except BrokenPipeError:  # e.g. piped into `head`: the reader has what it wanted
        _silence_stdout()
        return EXIT_OK
    except OSError as exc:
        error(f"I/O error: {exc.strerror or exc}")
        return EXIT_ERROR
    return status


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so that Python's final flush does not fail on the closed pipe again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout without a file descriptor (e.g. captured): nothing to silence
        pass
