"""``render``: About JSON (as ``json`` prints it, edited or not) back to the Markdown of its page."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .._api import load
from ..errors import SourceError
from .common import EXIT_OK, Subparsers

if TYPE_CHECKING:
    from ..models import About

_DECODER = json.JSONDecoder()


def _skip(text: str, position: int) -> int:
    """The position of the first character at or after ``position`` that is not JSON whitespace."""
    while text[position : position + 1] in (" ", "\t", "\n", "\r"):
        position += 1
    return position


def _line(text: str, position: int) -> int:
    return text.count("\n", 0, position) + 1


def _position_of(text: str, loc: Sequence[int | str]) -> int:
    """Where the value at ``loc`` (a pydantic error's location) starts in the JSON ``text``, as far as it goes.

    A location that leaves the text (a missing key, a union's branch name) stops at the last value found.
    """
    position = _skip(text, 0)
    for step in loc:
        opening = text[position : position + 1]
        if opening not in ("{", "[") or isinstance(step, str) != (opening == "{"):
            break
        cursor, index = _skip(text, position + 1), 0
        found = None
        while text[cursor : cursor + 1] not in ("}", "]", ""):
            if opening == "{":
                key, cursor = _DECODER.raw_decode(text, cursor)
                cursor = _skip(text, _skip(text, cursor) + 1)  # past the ':'

                hit = key == step
            else:
                hit = index == step
            if hit:
                found = cursor
                break
            _, cursor = _DECODER.raw_decode(text, cursor)
            cursor = _skip(text, cursor)
            if text[cursor : cursor + 1] == ",":
                cursor = _skip(text, cursor + 1)
            index += 1
        if found is None:
            break
        position = found
    return position


def about_from_json(text: str, *, path: str) -> About:
    """The About that ``text`` holds; SourceError at the line of the problem when it is not JSON or not an About."""
    from pydantic import ValidationError

    from ..models import About

    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SourceError(f"not JSON: {exc.msg}", path=path, line=exc.lineno) from None
    try:
        return About.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(step) for step in first["loc"]) or "the document"
        message = f"not About JSON: {where}: {first['msg']}"
        raise SourceError(message, path=path, line=_line(text, _position_of(text, first["loc"]))) from None


def _read_text(path: str) -> tuple[str, str]:
    try:
        if path == "-":
            return sys.stdin.buffer.read().decode("utf-8"), "<stdin>"
        with open(path, encoding="utf-8") as handle:
            return handle.read(), path
    except UnicodeDecodeError as exc:
        raise SourceError(f"not UTF-8: {exc.reason}", path="<stdin>" if path == "-" else path, line=1) from None
    except OSError as exc:
        raise SourceError(f"cannot read file: {exc.strerror or exc}", path=path) from None


def _render(args: argparse.Namespace) -> int:
    from .._render import render  # builds the models, which only this command needs in full

    if args.path is None:
        about = load()
    else:
        text, name = _read_text(args.path)
        about = about_from_json(text, path=name)
    sys.stdout.write(render(about))
    return EXIT_OK


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser("render", help="write About JSON back as the Markdown page")
    parser.add_argument(
        "path", nargs="?", help="About JSON as 'json' prints it ('-' for stdin; default: the bundled page itself)"
    )
    parser.set_defaults(handler=_render)
