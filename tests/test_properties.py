"""Property tests: whatever the input, ``loads`` returns an About or raises an AboutError, and loses nothing.

Random edits of real pages (the fixtures, and the corpus when it is present) must keep every diagnostic and
every value inside the file, and every link and list item accounted for (tests/accounting.py).
"""

from __future__ import annotations

import itertools
import os
import re
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lmsys_about import About, AboutError, loads

from .accounting import unaccounted
from .paths import PARSEABLE
from .test_corpus import PAGES as CORPUS_PAGES

REAL_PAGES = [path.read_text(encoding="utf-8") for path in PARSEABLE + CORPUS_PAGES]
# Pieces of Markdown, YAML, URLs and page wording that the extractors react to, and Unicode that trips them.
JUNK = [
    "[", "]", "(", ")", "[x](", "](", "![", "*", "**", "_", "`", "```", "~~~", ">", "> ", "- ", "* ", "1. ", "#",
    "## ", "###### ", "\n", "\n\n", " ", "    ", "\t", "<", "<https://a.example/>", "<b>", "&amp;", "&#115;",
    "&#x6A;", "\\", "|", "---", ":", ",", ";", " and ", "(x)", "'", '"', "@", "?", "%20", "javascript:",
    "JaVaScRiPt:", "data:", "file:", "mailto:", "mailto:a@b.example", "https://", "https://[", "http://a.example/",
    "[r]: https://r.example/", "[x][r]", '"*" denotes ', "denotes", "In 2020", "in March 2021", "founded",
    "involving", "including", "Team", "Members", "Advisors", "Sponsors", "History", "Contact", "Projects",
    "Institutions", "Ada Lovelace", "UC Berkeley", "†", "‡", "§", "\u017f", "\u0130", "\u212a", "\u00a0",
    "\u2028", "\u0085", "\r", "\r\n", "\ufeff", "\x0b", "\x0c", "\u0300", "\U0001f600", "é",
]  # fmt: skip
# LMSYS_ABOUT_EXAMPLES=5000 for a longer hunt than the suite's default.
EXAMPLES = int(os.environ.get("LMSYS_ABOUT_EXAMPLES", "150"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def line_count(text: str) -> int:
    """Lines of ``text`` as the library numbers them: CRLF, CR and LF each end one."""
    return text.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1


def lines_of(value: Any) -> list[int]:
    """Every ``line`` in a dumped model."""
    if isinstance(value, dict):
        found = [item if key == "line" else lines_of(item) for key, item in value.items()]
        return [n for item in found for n in (item if isinstance(item, list) else [item]) if n is not None]
    if isinstance(value, list):
        return [n for item in value for n in lines_of(item)]
    return []


def parse(data: str | bytes) -> About | AboutError:
    """``loads(data)``, or the AboutError it raised; any other exception fails the test."""
    try:
        return loads(data)
    except AboutError as error:
        return error


def check_lines(text: str, outcome: About | AboutError) -> None:
    last = line_count(text)
    if isinstance(outcome, AboutError):
        assert outcome.line is None or 1 <= outcome.line <= last, outcome
        return
    lines = lines_of(outcome.model_dump(mode="json"))
    assert all(1 <= line <= last for line in lines), (last, sorted(set(lines))[-3:])


@SETTINGS
@given(st.text())
def test_any_text_gives_an_about_or_an_about_error(text: str) -> None:
    check_lines(text, parse(text))


@SETTINGS
@given(st.binary())
def test_any_bytes_give_an_about_or_an_about_error(data: bytes) -> None:
    outcome = parse(data)
    if isinstance(outcome, About):
        check_lines(data.decode("utf-8-sig"), outcome)


@SETTINGS
@given(st.lists(st.sampled_from(JUNK), max_size=80).map("".join))
def test_markdown_soup_parses_or_fails_cleanly_and_loses_nothing(text: str) -> None:
    outcome = parse(text)
    check_lines(text, outcome)
    if isinstance(outcome, About):
        assert unaccounted(text.encode(), outcome) == []


def _delete(draw: st.DrawFn, lines: list[str]) -> list[str]:
    index = draw(st.integers(0, len(lines) - 1))
    return lines[:index] + lines[index + 1 :]


def _duplicate(draw: st.DrawFn, lines: list[str]) -> list[str]:
    index = draw(st.integers(0, len(lines) - 1))
    return lines[: index + 1] + lines[index:]


def _swap(draw: st.DrawFn, lines: list[str]) -> list[str]:
    first, second = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
    lines = list(lines)
    lines[first], lines[second] = lines[second], lines[first]
    return lines


def _swap_sections(draw: st.DrawFn, lines: list[str]) -> list[str]:
    starts = [0] + [i for i, line in enumerate(lines) if line.startswith("#")] + [len(lines)]
    sections = [lines[a:b] for a, b in itertools.pairwise(starts)]
    first, second = draw(st.integers(0, len(sections) - 1)), draw(st.integers(0, len(sections) - 1))
    sections[first], sections[second] = sections[second], sections[first]
    return [line for section in sections for line in section]


def _heading_level(draw: st.DrawFn, lines: list[str]) -> list[str]:
    index = draw(st.integers(0, len(lines) - 1))
    level = draw(st.integers(0, 7))
    text = lines[index].lstrip("#").lstrip()
    return [*lines[:index], ("#" * level + " " if level else "") + text, *lines[index + 1 :]]


def _drop_urls(draw: st.DrawFn, lines: list[str]) -> list[str]:
    index = draw(st.integers(0, len(lines) - 1))
    return [*lines[:index], re.sub(r"\]\([^)]*\)", "]()", lines[index]), *lines[index + 1 :]]


def _insert_junk(draw: st.DrawFn, lines: list[str]) -> list[str]:
    index = draw(st.integers(0, len(lines) - 1))
    junk = "".join(draw(st.lists(st.sampled_from(JUNK), min_size=1, max_size=8)))
    line = lines[index]
    at = draw(st.integers(0, len(line)))
    return [*lines[:index], line[:at] + junk + line[at:], *lines[index + 1 :]]


EDITS = [_delete, _duplicate, _swap, _swap_sections, _heading_level, _drop_urls, _insert_junk]


@st.composite
def edited_pages(draw: st.DrawFn) -> str:
    lines = draw(st.sampled_from(REAL_PAGES)).split("\n")
    for edit in draw(st.lists(st.sampled_from(EDITS), min_size=1, max_size=6)):
        if lines:
            lines = edit(draw, lines)
    return "\n".join(lines)


@SETTINGS
@given(edited_pages())
def test_edited_real_pages_never_crash_and_lose_nothing(text: str) -> None:
    outcome = parse(text)
    check_lines(text, outcome)
    if isinstance(outcome, About):
        assert unaccounted(text.encode(), outcome) == []


def test_the_line_check_notices_a_line_outside_the_file() -> None:
    text = "Kestrel Research Group (KRG) is a lab.\n\n## Team\n[Ada](https://ada.example.org/)\n"
    about = loads(text)
    moved = about.model_copy(update={"diagnostics": [about.diagnostics[0].model_copy(update={"line": 99})]})
    check_lines(text, about)
    try:
        check_lines(text, moved)
    except AssertionError:
        return
    raise AssertionError("a diagnostic on line 99 of a 4-line file went unnoticed")
