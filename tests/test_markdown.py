"""The configured parser: its fast path for plain links gives exactly the stock rule's tokens."""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from lmsys_about._markdown import parser_for

from .paths import CASES, CORPUS_PAGES

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
]


def _stock() -> MarkdownIt:
    md = MarkdownIt("commonmark")
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    md.normalizeLink = lambda url: url  # type: ignore[method-assign]
    return md


def _shape(tokens: list[Token]) -> list[object]:
    return [(t.type, t.map, t.content, t.attrs, t.markup, _shape(t.children or [])) for t in tokens]


@pytest.mark.parametrize("text", TRICKY)
def test_fast_links_match_the_stock_rule_on_tricky_input(text: str) -> None:
    assert _shape(parser_for(text).parse(text)) == _shape(_stock().parse(text))


@pytest.mark.parametrize("path", CASES + CORPUS_PAGES, ids=[p.stem for p in CASES + CORPUS_PAGES])
def test_fast_links_match_the_stock_rule_on_pages(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert _shape(parser_for(text).parse(text)) == _shape(_stock().parse(text))
