"""A catalogue of hostile inputs, shared by tests/test_hostile.py and benchmarks/hostile.py.

Each input is built at a given scale (about ``size`` bytes, or a count the name says). The tests and the
benchmark take each at the default size cap (:func:`largest_within`: what one file can cost a caller who
keeps the default), and the tests also at ``test_size`` under a lifted cap, large enough that anything
quadratic would hang.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from lmsys_about import AboutError, FrontMatterError, MarkdownError, SourceError

FRONT = b'---\ntitle: "About"\n---\n\n'
INTRO = b"Kestrel Research Group (KRG) is a research lab.\n\n"


@dataclass(frozen=True)
class Hostile:
    """One hostile input: how to build it, and what ``loads`` must do with it (None: parse)."""

    name: str
    build: Callable[[int], bytes]
    error: type[AboutError] | None = None
    test_size: int = 256 << 10  # the scale under a lifted cap: smaller where markdown-it itself is slow per byte
    max_bytes: int | None = None  # the cap at test_size; None: no size cap, so the parser itself meets the input


def _fill(unit: bytes, size: int) -> bytes:
    return unit * max(size // len(unit), 1)


def _yaml_bomb(size: int) -> bytes:
    # "Billion laughs": each level refers nine times to the one before.
    levels = [b'a0: &a0 ["lol"]']
    levels += [b"a%d: &a%d [%s]" % (i, i, b", ".join([b"*a%d" % (i - 1)] * 9)) for i in range(1, 10)]
    return b"---\n" + b"\n".join(levels) + b"\n---\n\nBody.\n"


def _yaml_flow_nesting(size: int) -> bytes:
    return b"---\nkey: " + b"[" * 1000 + b"]" * 1000 + b"\n---\n\nBody.\n"


def _yaml_block_nesting(size: int) -> bytes:
    return b"---\nkey:\n  " + b"- " * 1000 + b"x\n---\n\nBody.\n"


def _yaml_python_tag(size: int) -> bytes:
    return b'---\ntitle: !!python/object/apply:os.system ["true"]\n---\n\nBody.\n'


def _yaml_huge(size: int) -> bytes:
    keys = max(size, 80_000) // 16  # always above the front matter's limit of 64 KiB
    return b"---\n" + b"".join(b"key%d: value\n" % i for i in range(keys)) + b"---\n\nBody.\n"


def _headings(count: int) -> bytes:
    return FRONT + INTRO + b"".join(b"## Section %d\n" % i for i in range(count))


def _links_on_one_line(count: int) -> bytes:
    links = b", ".join(b"[Person %d](https://example.org/p/%d)" % (i, i) for i in range(count))
    return FRONT + INTRO + b"## Team\n\n" + links + b"\n"


def _names_in_one_group(count: int) -> bytes:
    return FRONT + INTRO + b"## Team\n\n" + b", ".join(b"Ada Person%d" % i for i in range(count)) + b"\n"


def _one_long_line(size: int) -> bytes:
    return FRONT + INTRO + _fill(b"word ", size) + b"\n"


def _spaces(prefix: bytes, end: bytes = b"x.") -> Callable[[int], bytes]:
    # A long run of spaces inside one line: the classic trap for backtracking regular expressions.
    return lambda size: FRONT + prefix + b" " * size + end + b"\n"


def _nested_lists(size: int) -> bytes:
    depth = max(int((size / 2) ** 0.5), 12)
    return FRONT + INTRO + b"".join(b"  " * i + b"- x\n" for i in range(depth))


CATALOGUE: tuple[Hostile, ...] = (
    Hostile("yaml-alias-bomb", _yaml_bomb, FrontMatterError),
    Hostile("yaml-flow-nesting", _yaml_flow_nesting, FrontMatterError),
    Hostile("yaml-block-nesting", _yaml_block_nesting, FrontMatterError),
    Hostile("yaml-python-tag", _yaml_python_tag, FrontMatterError),
    Hostile("yaml-huge", _yaml_huge, FrontMatterError, test_size=3 << 20),
    Hostile("open-brackets", lambda size: FRONT + _fill(b"[", size), test_size=32 << 10),
    Hostile("open-images", lambda size: FRONT + _fill(b"![", size), test_size=32 << 10),
    Hostile("open-links", lambda size: FRONT + _fill(b"[a](", size), test_size=32 << 10),
    Hostile("stars", lambda size: FRONT + _fill(b"*", size)),
    Hostile("emphasis", lambda size: FRONT + _fill(b"*a _b ", size), test_size=64 << 10),
    Hostile("angle-brackets", lambda size: FRONT + _fill(b"<", size), test_size=64 << 10),
    Hostile("backticks", lambda size: FRONT + _fill(b"`", size)),
    Hostile("entities", lambda size: FRONT + _fill(b"&#x6A;&amp;", size)),
    Hostile("quote-markers", lambda size: FRONT + _fill(b">", size), MarkdownError),
    Hostile("list-markers", lambda size: FRONT + _fill(b"- ", size) + b"x\n", MarkdownError),
    Hostile("nested-lists", _nested_lists, MarkdownError),
    Hostile("lazy-quotes", lambda size: FRONT + _fill(b"> a\nb\n", size), test_size=64 << 10),
    Hostile("headings", lambda size: _headings(size // 16), test_size=64 << 10),
    Hostile("setext-headings", lambda size: FRONT + _fill(b"a\n=\n", size), test_size=32 << 10),
    Hostile("blank-lines", lambda size: FRONT + b"x" + b"\n" * size + b"y\n"),
    Hostile("long-line", _one_long_line, test_size=1 << 20),
    Hostile("long-line-capped", _one_long_line, SourceError, test_size=5 << 20, max_bytes=4 << 20),
    Hostile("links-on-one-line", lambda size: _links_on_one_line(size // 48)),
    Hostile("names-in-one-group", lambda size: _names_in_one_group(size // 16)),
    Hostile(
        "marks-after-a-name",
        lambda size: FRONT + b"## Team\n\nAda Lovelace, Bob Smith" + _fill(b"*", size),
        test_size=128 << 10,
    ),
    Hostile("spaces-in-legend", _spaces(b'"*" denotes a'), test_size=1 << 20),
    Hostile("spaces-in-name", _spaces(b"Kestrel"), test_size=1 << 20),
    Hostile("spaces-in-list", _spaces(b"## Team\n\nAda Lovelace,"), test_size=1 << 20),
    Hostile("spaces-in-project", _spaces(b"## Projects\n\n- Kestrel"), test_size=1 << 20),
    Hostile("spaces-in-founding", _spaces(b"It was founded in 2020 involving Kestrel"), test_size=1 << 20),
    Hostile("spaces-before-a-dash", _spaces(b"## Team\n\n[Ada](https://ada.example/)", b"-x"), test_size=1 << 20),
)

BY_NAME = {hostile.name: hostile for hostile in CATALOGUE}


def largest_within(hostile: Hostile, cap: int) -> bytes | None:
    """The input of ``hostile``'s kind at most ``cap`` bytes long, as near the cap as a few tries get (sizes
    are only about right); None for a kind that cannot be that small (its size fixed above the cap)."""
    best: bytes | None = None
    size = cap
    for _ in range(8):
        data = hostile.build(size)
        if len(data) <= cap and (best is None or len(data) > len(best)):
            best = data
        if len(data) == cap:
            break
        size = size * cap // len(data) if len(data) < cap else min(size * cap // len(data), size - 1)
    return best
