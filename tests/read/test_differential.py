"""The reader against the stock parser, on the libraries' own test data and on generated Markdown.

Each text goes through the tuned path (``block_tokens``, then each block's inline content read directly where it
is plain, else by the tuned parser) and through a stock ``MarkdownIt("commonmark").enable("table")`` with URLs kept
as written. Both must give the same block tokens, the same inline tokens wherever the tuned parser reads, and the
same pieces; and ``parse_blocks`` must give the same blocks with every speed trick on as with every one off.
The CommonMark spec's examples and markdown-it's table fixtures are copied into ``data/`` with their source and
licence (``data/SOURCES.md``), so these tests never skip.
"""

from __future__ import annotations

import json
from functools import cache, partial
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from lmsys_about._read.blocks import Block, _text_lines, inline_lines, parse_blocks
from lmsys_about._read.markdown import block_tokens, max_nesting, parsed_inline_tokens
from lmsys_about._read.pieces import TextLine
from lmsys_about._read.tuning import TUNED, Tuning
from lmsys_about.errors import MarkdownError

from ..test_properties import EXAMPLES

DATA = Path(__file__).parent / "data"
UNTUNED = Tuning(**dict.fromkeys(Tuning.names(), False))


def _spec_examples() -> list[dict[str, object]]:
    examples: list[dict[str, object]] = json.loads((DATA / "commonmark-spec-0.31.2.json").read_text(encoding="utf-8"))
    return examples


def _table_fixtures(path: Path) -> list[tuple[str, str]]:
    """markdown-it's fixture format: a title line, then the input and the expected HTML, each closed by '.'."""
    lines = path.read_text(encoding="utf-8").split("\n")
    cases = []
    index = 0
    while index + 1 < len(lines):
        if lines[index].strip() and lines[index + 1] == ".":
            title, index = lines[index], index + 2
            end = lines.index(".", index)
            cases.append((title, "\n".join(lines[index:end]) + "\n"))
            index = lines.index(".", end + 1) + 1  # past the expected HTML
        else:
            index += 1
    return cases


SPEC = _spec_examples()
TABLES = _table_fixtures(DATA / "markdown-it-tables.md")


@cache
def stock() -> MarkdownIt:
    md = MarkdownIt("commonmark").enable("table")
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    md.normalizeLink = lambda url: url  # type: ignore[method-assign]
    return md


def _without_children(tokens: list[Token]) -> list[object]:
    return [t.as_dict(filter=lambda key, value: key != "children") for t in tokens]


def _pieces(lines: list[TextLine]) -> list[object]:
    return [(t.line, [(p.kind, p.text, p.line, p.url, p.image) for p in t.pieces]) for t in lines]


def _blocks(text: str, tuning: Tuning | None = None) -> object:
    try:
        blocks = parse_blocks(text, 3) if tuning is None else parse_blocks(text, 3, tuning)
    except MarkdownError as error:
        return ("MarkdownError", error.line, error.message)
    return [(b.kind, b.line, b.level, b.raw, _pieces(b.lines)) for b in blocks if isinstance(b, Block)]


def assert_read_as_stock(text: str) -> None:
    """Equal block tokens, inline tokens and pieces on both paths, and equal blocks with the tricks on and off."""
    theirs = stock().parse(text)
    md, env, ours = block_tokens(text)
    assert _without_children(ours) == _without_children(theirs)
    for mine, their in zip(ours, theirs, strict=True):
        if mine.type != "inline":
            continue
        assert [t.as_dict() for t in parsed_inline_tokens(md, mine.content, env)] == [
            t.as_dict() for t in their.children or []
        ]
        inline = partial(parsed_inline_tokens, md, env=env)
        assert _pieces(_text_lines(mine.content, 5, TUNED, inline)) == _pieces(inline_lines(their.children or [], 5))
    assert _blocks(text) == _blocks(text, UNTUNED)


@pytest.mark.parametrize("example", SPEC, ids=[f"example-{e['example']}" for e in SPEC])
def test_commonmark_spec_examples_read_as_the_stock_parser_reads_them(example: dict[str, str]) -> None:
    assert_read_as_stock(example["markdown"])


@pytest.mark.parametrize(("title", "text"), TABLES, ids=[title for title, _ in TABLES])
def test_markdown_it_table_fixtures_read_as_the_stock_parser_reads_them(title: str, text: str) -> None:
    assert_read_as_stock(text)


def test_the_copied_test_data_is_whole() -> None:
    assert len(SPEC) == 652
    assert [e["example"] for e in SPEC] == list(range(1, 653))
    assert len(TABLES) == 42


# ASCII controls (CommonMark ends a link destination at each), and what Python or YAML count as blanks or breaks.
CONTROLS = [*map(chr, [*range(1, 9), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F]), "\x85", "\xa0", "\u2028", "\u3000"]
_DESTINATIONS = [
    "https://x.org/", "https://x.org/a_b*c!", "", "<https://x.org/a b>", "https://x.org/(p)", "https://x.org/\\)",
    "https://x.org/ 'title'", 'https://x.org/ "t"', "javascript:alert(1)", "https://x.org/&amp;", "https://例え.jp/",
    *(f"https://x.org/{c}" for c in CONTROLS), *(f"https://x.org/a{c}b" for c in ("\x01", "\x1f", "\x7f", "\x0b")),
]  # fmt: skip
_LABELS = ["Ada", "Ada Lovelace", "", " a  b ", "*a*", "**b**", "`c`", "a\\]", "[a]", "é", "![i](u)"]
_LABELS += [f"a{c}b" for c in ("\x01", "\x0b", "\x1c", "\x7f", "\x85", "\xa0", "\u3000")]
_LINKS = st.builds(lambda label, url: f"[{label}]({url})", st.sampled_from(_LABELS), st.sampled_from(_DESTINATIONS))
_SNIPPETS = [
    "Ada", "Foo bar", " ", "  ", "\t", "*e*", "**s**", "_u_", "__v__", "***", "`c`", "``", "\\*", "\\", "&amp;",
    "&#35;", "&nbsp", "<b>", "</a>", "<a href='x'>", "<https://x.org/>", "<a@b.c>", "![i](https://x.org/i.png)",
    "[a]", "[r]", "[", "]", "(", ")", "!", "|", "\\|", ":", "-", "~", "=", "#",
]  # fmt: skip
_INLINE = st.one_of(
    _LINKS,
    st.sampled_from(_SNIPPETS),
    st.sampled_from(CONTROLS),
    st.integers(16, 24).map(lambda n: "[" * n),  # markdown-it's inline nesting limit is 20
    st.integers(16, 24).map(lambda n: "[" * n + "[a](https://x.org/)"),
)
_PREFIXES = st.one_of(
    st.sampled_from(["", "", " ", "  ", "    ", "\t", "> ", ">", "- ", "* ", "+ ", "1. ", "2) ", "# ", "## ", "> - "]),
    st.integers(8, 11).map(lambda n: "- " * n),  # block nesting near the limit: a list counts as two levels
    st.integers(17, 21).map(lambda n: "> " * n),
)
_TABLE_LINES = st.sampled_from(
    ["| a | b |", "|---|---|", "| - | :-: |", "a | b", "--- | ---", "| [a](https://x.org/) |"]
)
_LINES = st.one_of(
    st.builds(lambda prefix, parts: prefix + "".join(parts), _PREFIXES, st.lists(_INLINE, max_size=6)),
    st.builds(lambda prefix, row: prefix + row, _PREFIXES, _TABLE_LINES),
    st.sampled_from(["", "---", "===", "***", "```", "~~~", "[r]: https://x.org/ref", "<div>", "</div>"]),
)


@settings(max_examples=EXAMPLES * 2, deadline=None)
@given(st.lists(_LINES, min_size=1, max_size=8).map("\n".join))
def test_generated_markdown_reads_as_the_stock_parser_reads_it(text: str) -> None:
    assert_read_as_stock(text)


@pytest.mark.parametrize("control", CONTROLS, ids=[f"U+{ord(c):04X}" for c in CONTROLS])
def test_a_control_character_in_a_link_destination_makes_no_link(control: str) -> None:
    text = f"[Ada Lovelace](https://x.org/{control})\n"
    assert_read_as_stock(text)
    (block,) = parse_blocks(text, 0)
    if control < " " or control == "\x7f":  # CommonMark: an ASCII control ends the destination, so no link
        assert [p.kind for line in block.lines for p in line.pieces] == ["text"]
        assert block.lines[0].pieces[0].text == text.strip()


@pytest.mark.parametrize("brackets", range(max_nesting() - 2, max_nesting() + 3))
def test_unclosed_brackets_up_to_the_nesting_limit_before_a_link_read_as_the_stock_parser_reads_them(
    brackets: int,
) -> None:
    text = "[" * brackets + "[Ada](https://x.org/)"
    assert_read_as_stock(text)
    assert_read_as_stock(f"Team: {text}, [Bob](https://y.org/)\n")
    links = [p for block in parse_blocks(text, 0) for line in block.lines for p in line.links()]
    assert len(links) == (0 if brackets == max_nesting() else 1)  # markdown-it finds none at exactly the limit


@pytest.mark.parametrize("blank", ["\xa0", "\u3000", "\x0b", "\x0c", "\xa0 \u3000"])
@pytest.mark.parametrize(("before", "after"), [("", ""), ("- ", "  "), ("> ", "> ")])
def test_a_line_markdown_it_trims_off_a_paragraph_gives_no_line_to_its_text(
    blank: str, before: str, after: str
) -> None:
    # Such a line is no blank to markdown-it: it opens the paragraph, and trimming takes it off the content.
    (block,) = parse_blocks(f"{before}{blank}\n{after}[Ada](https://x.org/), Grace\n", 10)
    assert block.line == 12
    assert [(line.line, [p.text for p in line.pieces]) for line in block.lines] == [(12, ["Ada", ", Grace"])]
