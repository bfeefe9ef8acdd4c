"""The subcommands that print one page in some form: ``json``, ``show``, the tables, ``schema`` and ``jsonld``."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from .._export.jsonld import to_jsonld
from .._export.records import RECORD_KINDS, RecordKind, to_csv, to_ndjson, to_records
from .common import EXIT_OK, Subparsers, add_json_options, add_path, dump_json, read_about, read_input

if TYPE_CHECKING:
    from ..models import About


def _json(args: argparse.Namespace) -> int:
    from .._api import parse_data

    # The plain data is what About.model_dump(mode="json") gives; skipping the models keeps start-up short.
    raw, name = read_input(args.path, max_bytes=args.max_bytes)
    sys.stdout.write(dump_json(parse_data(raw, source=name, max_bytes=args.max_bytes), args))
    return EXIT_OK


def _register_json(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser("json", help="print the page as About JSON")
    add_path(parser)
    add_json_options(parser)
    parser.set_defaults(handler=_json)


def _show(args: argparse.Namespace) -> int:
    from .._export.summary import render_summary  # imports rich, which only this command needs

    about = read_about(args.path, max_bytes=args.max_bytes)
    colour = _colour(os.environ, sys.stdout.isatty())
    terminal = sys.stdout.isatty() or colour
    width = shutil.get_terminal_size().columns if terminal else None
    sys.stdout.write(render_summary(about, terminal=terminal, colour=colour, width=width))
    return EXIT_OK


def _colour(environ: Mapping[str, str], terminal: bool) -> bool:
    """Colour as the ecosystem has it: NO_COLOR (any value but empty) turns it off, FORCE_COLOR turns it on
    even when piped, and otherwise a terminal gets it and a pipe or a file does not."""
    if environ.get("NO_COLOR"):
        return False
    return bool(environ.get("FORCE_COLOR")) or terminal


def _register_show(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser("show", help="print a summary for a person to read")
    add_path(parser)
    parser.set_defaults(handler=_show)


def _records_json(about: About, kind: RecordKind) -> str:
    return json.dumps(to_records(about, kind), indent=2, ensure_ascii=False) + "\n"


def _raw_csv(about: About, kind: RecordKind) -> str:
    return to_csv(about, kind, raw=True)


TABLE_FORMATS: dict[str, Callable[[About, RecordKind], str]] = {
    "csv": to_csv,
    "ndjson": to_ndjson,
    "json": _records_json,
}


def _table(args: argparse.Namespace) -> int:
    write = _raw_csv if args.raw_csv and args.format == "csv" else TABLE_FORMATS[args.format]
    about = read_about(args.path, max_bytes=args.max_bytes)
    sys.stdout.write(write(about, args.command))
    return EXIT_OK


def _register_tables(subparsers: Subparsers) -> None:
    rows = {"people": "one row per person and group", "sponsors": "one per sponsor", "events": "one per event"}
    for kind in RECORD_KINDS:
        parser = subparsers.add_parser(kind, help=f"print the {kind} as a flat table ({rows[kind]})")
        add_path(parser)
        parser.add_argument("--format", choices=list(TABLE_FORMATS), default="csv", help="default: csv")
        parser.add_argument(
            "--raw-csv",
            action="store_true",
            help="write CSV cells as they are: no ' before a cell that a spreadsheet would run as a formula",
        )
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
    about = read_about(args.path, max_bytes=args.max_bytes)
    sys.stdout.write(dump_json(to_jsonld(about), args))
    return EXIT_OK


def _register_jsonld(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser("jsonld", help="print the page as a schema.org Organization in JSON-LD")
    add_path(parser)
    add_json_options(parser)
    parser.set_defaults(handler=_jsonld)


def register(subparsers: Subparsers) -> None:
    """Add ``json``, ``show``, ``people``, ``sponsors``, ``events``, ``schema`` and ``jsonld``."""
    for add in (_register_json, _register_show, _register_tables, _register_schema, _register_jsonld):
        add(subparsers)
