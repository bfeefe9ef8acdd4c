"""The ``lmsys-about`` command: ``main(argv) -> int``, data on stdout, diagnostics and errors on stderr.

Exit codes: 0 fine, 1 findings (a failed check, differences), 2 usage, input or I/O error.
Each subcommand is a small handler ``(args) -> int`` that reads, calls the library and prints; the work
itself lives in library modules. Subcommands are added to the parser by the functions in ``_REGISTRARS``:
a module that brings new subcommands exposes ``register(subparsers)``, which calls
``subparsers.add_parser(...)`` and ``parser.set_defaults(handler=...)``, and is listed there.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from .. import __version__
from .._api import BUNDLED_NAME, load, loads, parse_data, read_bytes
from .._export.jsonld import to_jsonld
from .._export.records import RECORD_KINDS, RecordKind, to_csv, to_ndjson, to_records
from ..errors import AboutError, SourceError
from .diff import register as _register_diff

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


def _json(args: argparse.Namespace) -> int:
    # The plain data is what About.model_dump(mode="json") gives; skipping the models keeps start-up short.
    if args.path == "-":
        data = parse_data(sys.stdin.buffer.read(), source="<stdin>")
    else:
        raw, name = read_bytes(args.path)
        data = parse_data(raw, source=name)
    sys.stdout.write(dump_json(data, args))
    return EXIT_OK


def _register_json(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser("json", help="print the page as About JSON")
    add_path(parser)
    add_json_options(parser)
    parser.set_defaults(handler=_json)


def _show(args: argparse.Namespace) -> int:
    from .._export.summary import render_summary  # imports rich, which only this command needs

    about = read_about(args.path)
    terminal = sys.stdout.isatty()
    width = shutil.get_terminal_size().columns if terminal else None
    sys.stdout.write(render_summary(about, terminal=terminal, width=width))
    return EXIT_OK


def _register_show(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser("show", help="print a summary for a person to read")
    add_path(parser)
    parser.set_defaults(handler=_show)


def _records_json(about: About, kind: RecordKind) -> str:
    return json.dumps(to_records(about, kind), indent=2, ensure_ascii=False) + "\n"


TABLE_FORMATS: dict[str, Callable[[About, RecordKind], str]] = {
    "csv": to_csv,
    "ndjson": to_ndjson,
    "json": _records_json,
}


def _table(args: argparse.Namespace) -> int:
    sys.stdout.write(TABLE_FORMATS[args.format](read_about(args.path), args.command))
    return EXIT_OK


def _register_tables(subparsers: Subparsers) -> None:
    rows = {"people": "one row per person and group", "sponsors": "one per sponsor", "events": "one per event"}
    for kind in RECORD_KINDS:
        parser = subparsers.add_parser(kind, help=f"print the {kind} as a flat table ({rows[kind]})")
        add_path(parser)
        parser.add_argument("--format", choices=list(TABLE_FORMATS), default="csv", help="default: csv")
        parser.set_defaults(handler=_table)


def _schema(args: argparse.Namespace) -> int:
    from .._export.schema import json_schema  # builds the models, which only this command needs in full

    sys.stdout.write(dump_json(json_schema(), args))
    return EXIT_OK


def _register_schema(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser("schema", help="print the JSON Schema of the About JSON")
    add_json_options(parser)
    parser.set_defaults(handler=_schema)


def _jsonld(args: argparse.Namespace) -> int:
    sys.stdout.write(dump_json(to_jsonld(read_about(args.path)), args))
    return EXIT_OK


def _register_jsonld(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser("jsonld", help="print the page as a schema.org Organization in JSON-LD")
    add_path(parser)
    add_json_options(parser)
    parser.set_defaults(handler=_jsonld)


def _check(args: argparse.Namespace) -> int:
    from .._export.check import FORMATS, report_of, report_of_error

    path = display_path(args.path)
    render = FORMATS[args.format]
    try:
        report = report_of(read_about(args.path), path=path, strict=args.strict)
    except AboutError as exc:
        if args.format != "text":  # machines get the failure in their format too; main prints the error line
            sys.stdout.write(render(report_of_error(exc, path=path, strict=args.strict)))
        raise
    # Text findings are diagnostics, so they go to stderr; JSON and annotations are the output, on stdout.
    (sys.stderr if args.format == "text" else sys.stdout).write(render(report))
    return EXIT_OK if report.passed else EXIT_FINDINGS


def _register_check(subparsers: Subparsers) -> None:
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


# Each registrar adds its subcommands to the parser; another module's ``register`` is added here the same way.
_REGISTRARS: tuple[Callable[[Subparsers], None], ...] = (
    _register_json,
    _register_show,
    _register_tables,
    _register_schema,
    _register_jsonld,
    _register_check,
    _register_diff,
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
