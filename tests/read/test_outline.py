"""The outline read line by line against the block parser: the same blocks wherever it reads a text, and no reading
at all of a text where a rule of markdown-it might read a line otherwise."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lmsys_about._api import read_bytes
from lmsys_about._read.outline import simple_outline
from lmsys_about._read.source import read_source
from lmsys_about._read.tuning import TUNED

from ..paths import CORPUS_PAGES, PARSEABLE, case_id
from ..test_properties import EXAMPLES
from .test_differential import SPEC, UNTUNED, _blocks

WITHOUT_OUTLINE = dataclasses.replace(TUNED, simple_outline=False)


def assert_outlined_as_parsed(text: str) -> None:
    assert _blocks(text) == _blocks(text, WITHOUT_OUTLINE) == _blocks(text, UNTUNED)


_WORDS = st.sampled_from(
    ["Ada", "Lovelace", "[Ada](https://x.org/)", "[Bo B](https://y.org/a_b)", "*e*", "**s**", "`c`", "x", "é", "2024"]
)
_SEPARATORS = st.sampled_from([" ", ", ", "  ", " - ", " # ", " | ", "\t", ": ", "\\", " <b> ", " ]: ", "&amp;"])
_INLINE = st.builds(
    lambda first, rest: first + "".join(rest), _WORDS, st.lists(st.tuples(_SEPARATORS, _WORDS).map("".join), max_size=4)
)
# The lines the outline reads, and lines that are nearly those: another marker, a blank or another character at
# either end, a construct of another rule.
_PLAIN_LINES = st.one_of(
    st.just(""),
    _INLINE,
    st.builds(lambda level, text: "#" * level + " " + text, st.integers(1, 6), _INLINE),
    _INLINE.map(lambda text: "- " + text),
)
_NEAR_PREFIXES = [
    " ", "  ", "    ", "\t", "-", "#", "# ", "#  ", "-  ", "* ", "+ ", "1. ", "2) ", "> ", "- - ", "- # ", "- 1. ",
    "- > ",
    "\x0c", "\u3000", "\xa0", "- \u3000", "[", "<", "=", "~", "_", "`", "*", "**", "__", "_ ", "*\t", "*\x0c", "- **",
]  # fmt: skip
_NEAR_SUFFIXES = [" ", "  ", "\t", " #", " ##", "#", "\u3000", "\xa0", "\x0c", "\\"]
_NEAR_WHOLE = [
    "---", "===", "***", "___", "- ", "-", "#", "# ", " ", "  ", "\t", "```", "~~~", "<div>", "a | b", "|-|-|",
    "[r]: https://x.org/", "[r]", "- [ ] task", "2024: year", "1.", "-- x", "> q", ":-|-:", "a|b", ":--",
    "*", "**", "* * *", "_ _ _", "***", "**\t", "_", " \t", "\t ", "    ", "**Team**  ", "_x_",
]  # fmt: skip
_NUMBERS = st.one_of(st.integers(0, 12), st.integers(0, 10**10))  # a list's number has at most nine digits
_NEAR_LINES = st.one_of(
    st.builds(lambda level, text: "#" * level + " " + text, st.integers(7, 8), _INLINE),
    st.builds(lambda prefix, text: prefix + text, st.sampled_from(_NEAR_PREFIXES), _INLINE),
    st.builds(lambda number, mark, text: f"{number}{mark} {text}", _NUMBERS, st.sampled_from(".)"), _INLINE),
    st.builds(lambda text, suffix: text + suffix, _PLAIN_LINES.filter(bool), st.sampled_from(_NEAR_SUFFIXES)),
    st.sampled_from(_NEAR_WHOLE),
    st.sampled_from(["Ada | Role\n:-|-:", "a|b\n:--", "Ada | Role\n:-|-:\nx | y"]),  # a table under any text
)
_LINES = st.one_of(_PLAIN_LINES, _PLAIN_LINES, _NEAR_LINES)


@settings(max_examples=EXAMPLES * 8, deadline=None)
@given(st.lists(_LINES, min_size=1, max_size=10).map("\n".join))
def test_generated_text_gives_the_parser_s_blocks(text: str) -> None:
    assert_outlined_as_parsed(text)


@settings(max_examples=EXAMPLES * 4, deadline=None)
@given(st.lists(_PLAIN_LINES, min_size=1, max_size=10).map("\n".join))
def test_plain_text_gives_the_parser_s_blocks(text: str) -> None:
    assert_outlined_as_parsed(text)


@pytest.mark.parametrize(
    "text",
    [
        "# Title\n\nIntro line one\nline two\n\n## Team\n[Ada](https://x.org/), [Bo](https://y.org/)\n",
        "### Contact\n- Email [us](mailto:a@b.org).\n- Chat on [discord](https://discord.com/x).\n",
        "Text\n\n- one\n- two\n\nMore text\n\n#### Advisors\nAda, Grace",
        "Hard break  \nnext line",
        "Text\n- an item that interrupts it\n# and a heading that interrupts the list",
        "- one\n\n- two, of a loose list",
        "Text\n# a heading that interrupts it",
        "",
        "\n\n",
        "   \n\t\n",
        "**Student Team**  \n[Ada](https://x.org/), Grace\n\n_Emeriti_: Cy",
    ],
)
def test_plain_texts_are_outlined(text: str) -> None:
    assert simple_outline(text) is not None
    assert_outlined_as_parsed(text)


@pytest.mark.parametrize(
    "text",
    [
        "- one\nlazy continuation",
        "  indented",
        "Title\n===",
        "Title\n---",
        "* star",
        "1. one",
        "a | b\n--|--",
        "[r]: https://x.org/\n\n[r]",
        "# closed #",
        "#  two spaces",
        "Text ends in a blank\u3000",
        "-x",
        "***",
        "* a list's item",
        "*",
    ],
)
def test_texts_another_rule_may_read_are_left_to_the_parser(text: str) -> None:
    assert simple_outline(text) is None
    assert_outlined_as_parsed(text)


def test_the_spec_examples_the_outline_reads_give_the_parser_s_blocks() -> None:
    outlined = [example["markdown"] for example in SPEC if simple_outline(str(example["markdown"])) is not None]
    assert len(outlined) > 20  # the test reads something
    for text in outlined:
        assert_outlined_as_parsed(str(text))


def test_the_bundled_page_is_outlined() -> None:
    data, _ = read_bytes(None)
    assert simple_outline(read_source(data, path=None, max_bytes=None).body) is not None


@pytest.mark.parametrize(
    "path", PARSEABLE + CORPUS_PAGES, ids=[*map(case_id, PARSEABLE), *(p.stem for p in CORPUS_PAGES)]
)
def test_every_page_gives_the_parser_s_blocks(path: Path) -> None:
    assert_outlined_as_parsed(read_source(path.read_bytes(), path=None, max_bytes=None).body)
