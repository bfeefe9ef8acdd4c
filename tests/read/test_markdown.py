"""The configured parser gives exactly the stock parser's tokens, and plain inline text, read without the parser,
gives the lines that the stock parser's tokens give.
(``test_differential.py`` holds the same comparisons on the libraries' own test data and on wider generated text.)"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

import lmsys_about
from lmsys_about._read.blocks import TextLine, inline_lines
from lmsys_about._read.markdown import NotPlain, block_tokens, parsed_inline_tokens, plain_text_lines

from ..paths import CASES, CORPUS_PAGES, case_id
from ..test_properties import EXAMPLES

TRICKY = [
    "[a](https://x.org/)",
    "[a](https://x.org/ 'title') and [b](<https://x.org/a b>)",
    "[a [b](https://x.org/)](https://y.org/)",
    "[a\\](https://x.org/) [c](https://x.org/\\))",
    "[a &amp; b](https://x.org/?a=1&amp;b=2)",
    "[*a*](https://x.org/) [**b**](https://x.org/) [`c`](https://x.org/)",
    "![img](https://x.org/i.png) [a]() []() [a](b)c",
    "[ref][r] [r]\n\n[r]: https://x.org/ref",
    "[a](https://x.org/(paren)) [a](javascript:alert(1)) [a](JAVASCRIPT:x)",
    "[a](https://x.org/\n) [b\nc](https://x.org/) [d](\nhttps://x.org/)",
    "\\[a](https://x.org/) `[a](https://x.org/)` <https://x.org/auto>",
    "[a](https://x.org/_x_*y*) [é](https://例え.jp/パス) [a](mailto:a@b.c?subject=Hi%20there)",
    "Title\n=====\n\nSub\n---\n\n- - -\n\n* * *\n\n    code [a](https://x.org/)\n\n> quote [a](https://x.org/)",
    "```\n[a](https://x.org/)\n```\n\n~~~\nx\n~~~\n\n<div>\n[a](https://x.org/)\n</div>\n\nA &amp; B \\* <b>x</b>",
    "- item\n\n      indented code in a list\n\n1) one\n2) two\n\n\tTabbed code",
    # Rules inside containers: a setext underline or indented code after '>', code opening a list item.
    "> Foo\n> ---\n\n> Bar\n> ===\n\n>Baz\n>---",
    "> - Foo\n>   ---\n\n>     code in a quote\n\n-     code in an item\n\n1.     code in an item",
    "a:b ~c~ d+e=f {g} ^h$ %i# @j -k- [l]: m\n* * *\n_ _ _\n- - -\n-- -",
    # Line breaks around plain links: trailing spaces dropped (two make a hard break), leading blanks skipped.
    "[a](https://x.org/) \n  [b](https://y.org/)  \n\t[c](https://z.org/)   \nend ] ( ) [](https://e.org/)",
    "a \n b  \n c\t\n[d](https://x.org/)\t \n[ e ](https://x.org/)x",
    # Tables: a people table, one inside a list, pipes that make no table.
    "| Name | Role |\n|---|:-:|\n| [Ada](https://x.org/) | Lead \\| chair |\n| Bob |\n\n",
    "- | a |\n  | - |\n  | b |\n\na | b\nc",
]


@cache
def _stock() -> MarkdownIt:
    md = MarkdownIt("commonmark").enable("table")  # the rules our parser reads: CommonMark and its tables
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    md.normalizeLink = lambda url: url  # type: ignore[method-assign]
    return md


def _shape(tokens: list[Token]) -> list[object]:
    """Everything a token holds, its children's too."""
    return [t.as_dict() for t in tokens]


def _ours(text: str) -> list[Token]:
    """The tokens parse_blocks reads where content is not plain: block tokens, then each inline token's children."""
    md, env, tokens = block_tokens(text)
    for token in tokens:
        if token.type == "inline":
            token.children = parsed_inline_tokens(md, token.content, env)
    return tokens


@pytest.mark.parametrize("text", TRICKY)
def test_tokens_match_the_stock_parser_on_tricky_input(text: str) -> None:
    assert _shape(_ours(text)) == _shape(_stock().parse(text))


@pytest.mark.parametrize("path", CASES + CORPUS_PAGES, ids=[*map(case_id, CASES), *(p.stem for p in CORPUS_PAGES)])
def test_tokens_match_the_stock_parser_on_pages(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert _shape(_ours(text)) == _shape(_stock().parse(text))


# Lines built from what opens, closes or interrupts blocks and inline rules, in containers and out.
_LINE_STARTS = ["", " ", "  ", "   ", "    ", "\t", "> ", ">", "- ", "* ", "+ ", "1. ", "2) ", "# ", "## ", "> - "]
_SNIPPETS = [
    "a", "Foo bar", "[a](https://x.org/)", "[a]", "[b]: https://y.org/", "![i](https://x.org/i.png)", "*e*",
    "**s**", "_u_", "__v__", "`c`", "```", "~~~", "---", "===", "***", "___", "- - -", "<b>", "<https://x.org/>",
    "&amp;", "&#35;", "\\*", "\\", "  ", "\t", ":", "~", "=", "-", "+", "(", ")", "]", "[", "!", "<", ">", "|",
]  # fmt: skip
_LINES = st.builds(
    lambda start, parts: start + "".join(parts),
    st.sampled_from(_LINE_STARTS),
    st.lists(st.sampled_from(_SNIPPETS), max_size=5),
)


@settings(max_examples=EXAMPLES * 4, deadline=None)
@given(st.lists(_LINES, min_size=1, max_size=8))
def test_tokens_match_the_stock_parser_on_generated_markdown(lines: list[str]) -> None:
    text = "\n".join(lines)
    assert _shape(_ours(text)) == _shape(_stock().parse(text))


@settings(max_examples=EXAMPLES * 4, deadline=None)
@given(st.text(alphabet="a [](<>)!*_`~=-+#&;:\\/.1\t\n", max_size=80))
def test_tokens_match_the_stock_parser_on_any_text(text: str) -> None:
    assert _shape(_ours(text)) == _shape(_stock().parse(text))


# Plain text, plain links, line breaks and blanks: what the parser's inline rules are bypassed for.
_PLAIN = ["a", "Foo bar", "[a](https://x.org/)", "[](https://y.org/)", "[ b c ](https://z.org/p?q=1#f)", " ", "  ",
          "\t", "\n", "]", "(", ")", ":", "-", ",", ".", "1", "\u00a0", "é", "[x](https://x.org/a_b*c!)"]  # fmt: skip


def _inline_tokens(content: str) -> list[Token]:
    tokens: list[Token] = []
    md = _stock()
    md.inline.parse(content, md, {}, tokens)
    return tokens


def _lines(lines: list[TextLine]) -> list[object]:
    return [(t.line, [(p.kind, p.text, p.line, p.url) for p in t.pieces]) for t in lines]


def _plain_matches_stock(content: str) -> None:
    assert _lines(plain_text_lines(content, 7)) == _lines(inline_lines(_inline_tokens(content), 7))


@settings(max_examples=EXAMPLES * 4, deadline=None)
@given(st.lists(st.sampled_from(_PLAIN), max_size=14).map("".join))
def test_plain_inline_text_gives_the_lines_of_the_inline_parsers_tokens(content: str) -> None:
    _plain_matches_stock(content)  # nothing here needs the inline parser's other rules: plain_text_lines never gives up


def _contents(text: str) -> list[str]:
    return [t.content for t in _stock().parse(text) if t.type == "inline"]


@pytest.mark.parametrize("path", CASES + CORPUS_PAGES, ids=[*map(case_id, CASES), *(p.stem for p in CORPUS_PAGES)])
def test_plain_content_of_pages_gives_the_lines_of_the_inline_parsers_tokens(path: Path) -> None:
    for content in _contents(path.read_text(encoding="utf-8")):
        if _is_plain(content):
            _plain_matches_stock(content)


@pytest.mark.parametrize("text", TRICKY)
def test_plain_content_of_tricky_input_gives_the_lines_of_the_inline_parsers_tokens(text: str) -> None:
    for content in _contents(text):
        if _is_plain(content):
            _plain_matches_stock(content)


@settings(max_examples=EXAMPLES * 4, deadline=None)
@given(st.text(alphabet="a [](<>)!*_`~=-+#&;:\\/.1\t\n", max_size=80))
def test_plain_reading_of_any_text_gives_the_lines_of_the_inline_parsers_tokens_or_gives_up(text: str) -> None:
    for content in _contents(text):
        if _is_plain(content):
            _plain_matches_stock(content)


@pytest.mark.parametrize(
    "content", ["[a", "a[b[c](https://x.org/)", "*a*", "a_b", "<b>", "&amp;", "\\[", "`c`", "![i](u)"]
)
def test_anything_but_plain_text_goes_to_the_inline_parser(content: str) -> None:
    with pytest.raises(NotPlain):
        plain_text_lines("[a](https://x.org/) plain first, then " + content, 1)


def test_the_bundled_page_is_mostly_plain_inline_text() -> None:
    body = (Path(lmsys_about.__file__).parent / "about.md").read_text(encoding="utf-8")
    contents = _contents(body)
    plain = [c for c in contents if _is_plain(c)]
    assert len(plain) >= 0.8 * len(contents)


def _is_plain(content: str) -> bool:
    try:
        plain_text_lines(content, 1)
    except NotPlain:
        return False
    return True
