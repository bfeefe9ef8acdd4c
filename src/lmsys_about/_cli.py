"""The ``lmsys-about`` command: ``main(argv) -> int``; data on stdout, diagnostics on stderr."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from . import __version__
from ._api import load, loads
from .errors import AboutError
from .models import About


def _read(path: str | None) -> About:
    if path == "-":
        return loads(sys.stdin.buffer.read(), source="<stdin>")
    return load(path)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command with ``argv`` (default: ``sys.argv[1:]``) and return its exit code."""
    parser = argparse.ArgumentParser(prog="lmsys-about", description="Print an About page as JSON.")
    parser.add_argument("path", nargs="?", help="the page to read ('-' for stdin; default: the bundled page)")
    parser.add_argument("--indent", type=int, default=2, help="JSON indentation (default: 2)")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    args = parser.parse_args(argv)
    try:
        about = _read(args.path)
    except AboutError as exc:
        print(f"lmsys-about: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(about.model_dump(mode="json"), indent=args.indent, ensure_ascii=False))
    return 0
