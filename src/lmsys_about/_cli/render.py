"""``render``: About JSON (as ``json`` prints it, edited or not) back to the Markdown of its page.

The JSON is read as guardedly as a page: a size cap, a depth limit and Python's limit on the digits of an
integer are each one line naming where the input goes wrong, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .._printable import printable
from ..errors import SourceError
from .common import EXIT_OK, Subparsers, add_max_bytes

if TYPE_CHECKING:
    from ..models import About

# About JSON is some 4 times the size of its page (the bundled page), up to some 30 times for a page of short
# names; the JSON that 'render' reads may be this many times the page cap of --max-bytes.
JSON_PER_PAGE = 32
# The About's own structure is 5 levels deep; a front matter value may be 31 more (YAML's limit is 32, its
# mapping included).
MAX_DEPTH = 40
# Python refuses to read an integer of more digits than this by default (sys.get_int_max_str_digits()).
MAX_DIGITS = 4300
_BRACKETS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')
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


class _LongNumber(ValueError):
    def __init__(self, digits: str) -> None:
        self.digits = digits


def _integer(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_DIGITS:
        raise _LongNumber(digits)
    return int(digits)


def _too_deep(text: str) -> int | None:
    """Where the JSON ``text`` first opens more than MAX_DEPTH arrays and objects, or None."""
    depth = 0
    for match in _BRACKETS.finditer(text):
        bracket = match.group()
        if bracket in ("[", "{"):
            depth += 1
            if depth > MAX_DEPTH:
                return match.start()
        elif bracket in ("]", "}"):
            depth -= 1
    return None


def _short(text: str, limit: int = 100) -> str:
    text = printable(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _data(text: str, path: str) -> Any:
    """The JSON value of ``text``; SourceError at the line of what does not parse or goes past a limit."""
    try:
        data = json.loads(text, parse_int=_integer)
    except json.JSONDecodeError as exc:
        raise SourceError(f"not JSON: {exc.msg}", path=path, line=exc.lineno) from None
    except _LongNumber as exc:
        line = _line(text, text.find(exc.digits))
        raise SourceError(f"a number of more than {MAX_DIGITS:,} digits", path=path, line=line) from None
    except RecursionError:
        data = None  # deeper than the decoder goes: _too_deep finds where
    position = _too_deep(text)
    if position is not None:
        message = f"JSON nested deeper than {MAX_DEPTH} levels, more than any About holds"
        raise SourceError(message, path=path, line=_line(text, position))
    return data


def about_from_json(text: str, *, path: str) -> About:
    """The About that ``text`` holds; SourceError at the line of the problem when it is not JSON or not an About.
    The message names the field, its keys made printable: they are the input's, and end up on a terminal."""
    from pydantic import ValidationError

    from ..models import About

    data = _data(text, path)
    try:
        return About.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = _short(".".join(str(step) for step in first["loc"])) or "the document"
        message = f"not About JSON: {where}: {_short(first['msg'], 200)}"
        raise SourceError(message, path=path, line=_line(text, _position_of(text, first["loc"]))) from None


def _read_text(path: str, max_bytes: int | None) -> tuple[str, str]:
    from .common import read_input

    raw, name = read_input(path, max_bytes=max_bytes)
    try:
        return raw.decode("utf-8"), name
    except UnicodeDecodeError as exc:
        raise SourceError(f"not UTF-8: {exc.reason}", path=name, line=_line_of_bytes(raw, exc.start)) from None


def _line_of_bytes(raw: bytes, offset: int) -> int:
    return raw.count(b"\n", 0, offset) + 1


def _render(args: argparse.Namespace) -> int:
    from .._api import load
    from .._render import render  # builds the models, which only this command needs in full

    if args.path is None:
        about = load()
    else:
        json_cap = None if args.max_bytes is None else args.max_bytes * JSON_PER_PAGE
        text, name = _read_text(args.path, json_cap)
        about = about_from_json(text, path=name)
    page = render(about, max_bytes=args.max_bytes)
    sys.stdout.write(page)
    return EXIT_OK


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "render",
        help="write About JSON back as the Markdown page",
        description=f"The page must read back under --max-bytes; the JSON may be {JSON_PER_PAGE} times that "
        f"(About JSON is some 4 to 30 times its page), nested at most {MAX_DEPTH} deep.",
    )
    parser.add_argument(
        "path", nargs="?", help="About JSON as 'json' prints it ('-' for stdin; default: the bundled page itself)"
    )
    add_max_bytes(parser)
    parser.set_defaults(handler=_render)
