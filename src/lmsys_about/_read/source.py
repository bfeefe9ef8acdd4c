"""Bytes to text, and text to front matter plus a body that knows its line offset.

python-frontmatter finds the block; we read its YAML ourselves from the composed node tree so that every
scalar stays the string written (no YAML 1.1 dates or booleans), aliases and deep nesting are refused before
they can blow up, and every error names its line in the original file.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import string
from dataclasses import dataclass
from typing import BinaryIO

import yaml
from frontmatter.default_handlers import YAMLHandler
from yaml.error import Mark
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..errors import FrontMatterError, SourceError
from .tuning import TUNED, Tuning

# The About page is a few kilobytes (3,719 bytes at its largest so far); 32 KiB leaves it nearly nine times
# that. markdown-it reads the worst floods (unclosed '[' or '![') at some 20 to 40 times a normal page's
# cost per byte, so the cap is also what bounds one hostile file: well under a second and tens of megabytes.
# Callers with larger pages raise it with max_bytes=.
DEFAULT_MAX_BYTES = 32 * 1024
MAX_FRONT_MATTER_CHARS = 64 * 1024
MAX_YAML_DEPTH = 32

# Only '---' on a line of its own; python-frontmatter's default '^-{3,}\s*$' lets '\s*' run over blank lines.
_HANDLER = YAMLHandler(fm_boundary=re.compile(r"^---[ \t]*$", re.MULTILINE))
_COLLECTION_TAGS = frozenset({"tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"})
# Tags that implicit resolution gives plain scalars; we keep their text as written whatever the tag: '=' (YAML
# 1.1's value tag) and '<<' (its merge key, which we never merge) are strings like 'yes', '~' and '2024-01-01'.
_IMPLICIT = ("str", "int", "float", "bool", "null", "timestamp", "value", "merge")
_SCALAR_TAGS = frozenset(f"tag:yaml.org,2002:{name}" for name in _IMPLICIT)

FrontMatter = dict[str, object]


@dataclass(frozen=True, slots=True)
class Source:
    """A decoded input: its body, and how many lines stand before the body in the original file."""

    path: str | None
    sha256: str
    front_matter: FrontMatter | None
    body: str
    line_offset: int


_CHUNK = 1 << 16


def read_capped(stream: BinaryIO, *, max_bytes: int | None, path: str | None) -> bytes:
    """All of ``stream``, or SourceError as soon as it holds more than ``max_bytes``, with its real size when
    the stream is a regular file. At most one byte past the cap is read, in chunks: ``read(n)`` allocates ``n``
    bytes before reading, so a large cap must not be asked for at once."""
    if max_bytes is None:
        return stream.read()
    chunks: list[bytes] = []
    total = 0
    while total <= max_bytes:
        chunk = stream.read(min(_CHUNK, max_bytes + 1 - total))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
    try:
        status: os.stat_result | None = os.fstat(stream.fileno())
    except (OSError, ValueError, AttributeError):  # no file descriptor at all
        status = None
    if status is not None and stat.S_ISREG(status.st_mode) and status.st_size > max_bytes:
        amount = f"{status.st_size:,} bytes"
    else:  # a pipe or a socket: how much more is unknown
        amount = f"more than {max_bytes:,} bytes"
    raise SourceError(f"input is {amount}, above the limit of {max_bytes:,}", path=path)


def read_source(data: str | bytes, *, path: str | None, max_bytes: int | None, tuning: Tuning = TUNED) -> Source:
    """Decode ``data`` and split off its front matter; raise SourceError or FrontMatterError."""
    raw = data if isinstance(data, bytes) else _encode(data, path)
    if max_bytes is not None and len(raw) > max_bytes:
        raise SourceError(f"input is {len(raw):,} bytes, above the limit of {max_bytes:,}", path=path)
    text = _decode(raw, path)
    if not text.strip():
        raise SourceError("empty document", path=path, line=1)
    nul = text.find("\0")
    if nul >= 0:
        raise SourceError("NUL byte in text", path=path, line=text.count("\n", 0, nul) + 1)
    sha = hashlib.sha256(raw).hexdigest()
    if not _HANDLER.detect(text):
        return Source(path, sha, None, text, 0)
    try:
        fm_text, body = _HANDLER.split(text)
    except ValueError:
        raise FrontMatterError("front matter opened here is never closed by '---'", path=path, line=1) from None
    if len(fm_text) > MAX_FRONT_MATTER_CHARS:
        raise FrontMatterError(
            f"front matter is {len(fm_text):,} characters, above the limit of {MAX_FRONT_MATTER_CHARS:,}",
            path=path,
            line=1,
        )
    front_matter = _load_yaml(fm_text, path, simple=tuning.simple_front_matter)
    return Source(path, sha, front_matter, body, text.count("\n", 0, len(text) - len(body)))


def _line_at(raw: bytes, offset: int) -> int:
    """The line of ``raw[offset]``: CRLF, lone CR and LF each end one line, as in _decode."""
    return raw.count(b"\n", 0, offset) + raw.count(b"\r", 0, offset) - raw.count(b"\r\n", 0, offset) + 1


def _encode(text: str, path: str | None) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as exc:
        before = text[: exc.start].encode()
        line = _line_at(before, len(before))
        raise SourceError("text contains a lone surrogate and is not valid Unicode", path=path, line=line) from None


def _decode(raw: bytes, path: str | None) -> str:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = _line_at(raw, exc.start)
        bad = raw[exc.start : exc.end].hex(" ")
        raise SourceError(f"not valid UTF-8 (bytes {bad} at offset {exc.start})", path=path, line=line) from None
    # CRLF and lone CR each end one line, so line numbers stay those of the original file.
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def _line_of(fm_text: str, mark: Mark) -> int:
    """The file line of a YAML mark. Not ``mark.line``: YAML also ends lines at NEL, LS and PS, which the file
    does not (fm_text starts with the rest of line 1, the opening '---', so its line n is file line n + 1)."""
    return fm_text.count("\n", 0, mark.index) + 1


class _Composer(yaml.SafeLoader):
    """Compose (never construct) YAML, refusing aliases and deep nesting."""

    def __init__(self, stream: str, path: str | None) -> None:
        super().__init__(stream)
        self._text = stream
        self._path = path
        self._depth = 0

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        if self.check_event(AliasEvent):
            mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
            raise FrontMatterError("YAML aliases are not accepted", path=self._path, line=_line_of(self._text, mark))
        self._depth += 1
        try:
            if self._depth > MAX_YAML_DEPTH:
                mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
                msg = f"YAML nested deeper than {MAX_YAML_DEPTH} levels"
                raise FrontMatterError(msg, path=self._path, line=_line_of(self._text, mark))
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


# Most front matter is only 'key: value' lines with a plain, "double" or 'single' quoted scalar that needs no
# unescaping; reading those directly gives what the YAML path gives, without its cost. They are read with str
# methods: a pattern for them took about as long to compile at import (0.1 ms) as it saved a page.
#
# A key: a letter or '_', then letters, digits, '_' and '-', at most 1,024 characters (PyYAML refuses a longer
# simple key). A plain scalar does not start with a YAML indicator or a blank, and holds no tab, no '#' (a
# comment may start there) and no ':' (a mapping may).
_KEY_CHARACTERS = str.maketrans("", "", string.ascii_letters + string.digits + "_-")
_NOT_FIRST_IN_PLAIN = frozenset("\t \"'#&*!|>%@`,[]{}?:~-")
_NOT_IN_PLAIN = ("\t", "#", ":")


def _double_quoted(value: str) -> str | None:
    inner = value[1:-1]
    closed = len(value) > 1 and value[-1] == '"'
    return inner if closed and not any(c in inner for c in ('"', "\\", "\t")) else None


def _single_quoted(value: str) -> str | None:
    inner = value[1:-1]
    closed = len(value) > 1 and value[-1] == "'"
    return inner if closed and "'" not in inner and "\t" not in inner else None


def _plain_scalar(value: str) -> str | None:
    return None if value[0] in _NOT_FIRST_IN_PLAIN or any(c in value for c in _NOT_IN_PLAIN) else value


_SCALAR_READERS = {'"': _double_quoted, "'": _single_quoted}


def _simple_entry(line: str) -> tuple[str, str] | None:
    """The key and value of a simple 'key: value' line, else None."""
    key, colon, rest = line.partition(":")
    if (
        not colon
        or not 0 < len(key) <= 1024
        or not (key[0].isalpha() or key[0] == "_")
        or key.translate(_KEY_CHARACTERS)
    ):
        return None
    value = rest.rstrip(" ")  # trailing spaces are not part of a scalar
    if not value:
        return key, ""
    if value[0] != " ":  # 'key:value' is a plain scalar of its own to YAML
        return None
    value = value.lstrip(" ")
    scalar = _SCALAR_READERS.get(value[0], _plain_scalar)(value)
    return None if scalar is None else (key, scalar)


# Tab and newline, the two ASCII characters that are not printable but plain to YAML.
_TAB_AND_NEWLINE = str.maketrans("", "", "\t\n")


def _simple_front_matter(fm_text: str) -> FrontMatter | None:
    """The front matter when every line is a simple entry (or blank); None to leave it to YAML."""
    # Printable ASCII, tabs and newlines only: anything else YAML may refuse or read as a line break (NEL, LS,
    # PS), so it is YAML's call. A pattern for exactly what YAML allows takes longer to compile at import (0.2 to
    # 3 ms, as written) than this shortcut saves a page.
    if not (fm_text.isascii() and fm_text.translate(_TAB_AND_NEWLINE).isprintable()):
        return None
    result: dict[str, object] = {}
    for line in fm_text.split("\n"):
        if not line.strip(" "):  # only spaces: YAML's blank line (a tab or a Unicode space is content to it)
            continue
        entry = _simple_entry(line)
        if entry is None or entry[0] in result:
            return None
        result[entry[0]] = entry[1]
    return result


def _load_yaml(fm_text: str, path: str | None, *, simple: bool = True) -> FrontMatter:
    if simple:
        entries = _simple_front_matter(fm_text)
        if entries is not None:
            return entries
    return _composed_yaml(fm_text, path)


def _composed_yaml(fm_text: str, path: str | None) -> FrontMatter:
    """The front matter as PyYAML composes it, every scalar the string written."""
    try:
        loader = _Composer(fm_text, path)  # its reader refuses control characters at once
    except yaml.reader.ReaderError as exc:
        line = fm_text.count("\n", 0, exc.position) + 1
        msg = f"YAML does not parse: character #x{exc.character:04x} is not allowed ({exc.reason})"
        raise FrontMatterError(msg, path=path, line=line) from None
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = _line_of(fm_text, mark) if mark is not None else 1
        problem = exc.problem or "invalid YAML"
        if exc.context and exc.context_mark is not None:
            problem = f"{problem} ({exc.context} that starts on line {_line_of(fm_text, exc.context_mark)})"
        raise FrontMatterError(f"YAML does not parse: {problem}", path=path, line=line) from None
    except yaml.YAMLError as exc:
        raise FrontMatterError(f"YAML does not parse: {exc}", path=path, line=1) from None
    finally:
        loader.dispose()
    if node is None:
        return {}
    if not isinstance(node, MappingNode):
        raise FrontMatterError(
            "front matter is not a mapping of keys to values", path=path, line=_line_of(fm_text, node.start_mark)
        )
    value = _plain(node, fm_text, path)
    assert isinstance(value, dict)
    return value


def _plain(node: Node, fm_text: str, path: str | None) -> object:
    """The node as str / list / dict, scalars exactly as written."""
    if node.tag not in (_SCALAR_TAGS if isinstance(node, ScalarNode) else _COLLECTION_TAGS):
        msg = f"YAML tag {node.tag!r} is not accepted"
        raise FrontMatterError(msg, path=path, line=_line_of(fm_text, node.start_mark))
    if isinstance(node, ScalarNode):
        return str(node.value)
    if isinstance(node, SequenceNode):
        return [_plain(item, fm_text, path) for item in node.value]
    assert isinstance(node, MappingNode)
    result: dict[str, object] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, ScalarNode):
            msg = "front matter keys must be plain strings"
            raise FrontMatterError(msg, path=path, line=_line_of(fm_text, key_node.start_mark))
        key = str(key_node.value)
        if key in result:
            msg = f"duplicate front matter key {key!r}"
            raise FrontMatterError(msg, path=path, line=_line_of(fm_text, key_node.start_mark))
        result[key] = _plain(value_node, fm_text, path)
    return result
