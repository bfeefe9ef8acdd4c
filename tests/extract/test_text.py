"""Quick tests that guard slow patterns: they may only skip a pattern where it could not have matched."""

from __future__ import annotations

import re
import string

from hypothesis import given, settings
from hypothesis import strategies as st

from lmsys_about._extract._text import _ODD_FOLDS, _SENTENCE_END, _STATUS, _sentence_ends, may_contain, split_status
from lmsys_about._extract.history import (
    _DATE,
    _DATE_BODY,
    _FOUNDING,
    _FOUNDING_WORDS,
    _LEADING_DATE,
    find_date,
    is_founding,
    leading_date,
)

from ..test_properties import EXAMPLES

# Words and the characters that re.IGNORECASE confuses with their letters, among ordinary text.
_WORDS = [*_FOUNDING_WORDS, "September", "in", "since", " ", ".", "19", "20", "24", "\u0662", "e", "s", "i", "I",
          "Sept.", "may", "\u00a0", "_", "2024", "x", "On", "from", "BY", "during", "jan", "Feb", "MARCH", "apr",
          "June", "jul", "Aug", "oct", "Nov", "december", "1st", "30", "3", "0", ",", "-", "09",
          "2024-09-01"]  # fmt: skip
_ALPHABET = st.sampled_from([*_WORDS, *_ODD_FOLDS, "S", "K", "\u212a", "É", "é"])
_TEXTS = st.lists(_ALPHABET, max_size=12).map("".join)


def test_every_character_that_ignorecase_takes_for_an_ascii_letter_is_known() -> None:
    letter = re.compile("[a-z]", re.IGNORECASE)
    characters = (chr(code) for code in range(0x110000))
    odd = {
        c for c in characters if letter.fullmatch(c) and not (len(c.lower()) == 1 and c.lower() in string.ascii_letters)
    }
    assert odd == set(_ODD_FOLDS)


@settings(max_examples=EXAMPLES * 4, deadline=None)
@given(_TEXTS)
def test_may_contain_never_hides_a_match(text: str) -> None:
    if _FOUNDING.search(text):
        assert may_contain(text, _FOUNDING_WORDS)
    assert is_founding(text) == (_FOUNDING.search(text) is not None)


@settings(max_examples=EXAMPLES * 4, deadline=None)
@given(_TEXTS)
def test_find_date_is_the_date_pattern(text: str) -> None:
    found, expected = find_date(text), _DATE.search(text)
    assert (found and found.span()) == (expected and expected.span())


_DATE_AS_WRITTEN = re.compile(r"\b" + _DATE_BODY, re.IGNORECASE)


@settings(max_examples=EXAMPLES * 4, deadline=None)
@given(_TEXTS)
def test_the_date_pattern_s_lookahead_changes_no_match(text: str) -> None:
    assert [m.span() for m in _DATE.finditer(text)] == [m.span() for m in _DATE_AS_WRITTEN.finditer(text)]
    assert _DATE.sub("", text) == _DATE_AS_WRITTEN.sub("", text)


def test_the_date_pattern_s_lookahead_passes_every_first_letter_a_date_may_have() -> None:
    # Each word a date may open with, its first letter written as any character re.IGNORECASE may take for it.
    for word in ("in", "since", "on", "from", "by", "during", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
                 "sept", "oct", "nov", "dec"):  # fmt: skip
        for first in (*string.ascii_letters, *_ODD_FOLDS, "\u212a"):
            written = first + word[1:]
            for text in (f"x {written} 2024", f"x 09 {written} 2024", f"x {written} 1st, 2024", f"{written} 2024-09"):
                assert [m.span() for m in _DATE.finditer(text)] == [m.span() for m in _DATE_AS_WRITTEN.finditer(text)]


def test_odd_spellings_of_founding_words_still_count() -> None:
    assert is_founding("It was \u017ftarted in 2020.")  # long s
    assert is_founding("It was or\u0131ginated by them.")  # dotless i
    assert is_founding("It was OR\u0130GINATED by them.")  # dotted capital I
    assert not is_founding("It was refounded and restarted.")  # whole words only


_PROSE = st.lists(
    st.sampled_from([".", "!", "?", " ", "  ", "\n", "\t", "a", "A", "1", '"', "(", "[", "e.g.", "\u00a0"]), max_size=16
)


@settings(max_examples=EXAMPLES * 4, deadline=None)
@given(_PROSE.map("".join))
def test_sentence_ends_are_the_pattern_s_matches(text: str) -> None:
    assert [m.span(1) for m in _sentence_ends(text)] == [m.span(1) for m in _SENTENCE_END.finditer(text)]


@settings(max_examples=EXAMPLES * 4, deadline=None)
@given(st.lists(st.sampled_from(["a", " ", "(", ")", "b c", "\n", "\u2003", "()"]), max_size=10).map("".join))
def test_split_status_is_the_status_pattern(text: str) -> None:
    match = _STATUS.match(text)
    expected = (text, None) if match is None else (match["name"], match["status"] or None)
    assert split_status(text) == expected


_OPENINGS = st.lists(
    st.sampled_from(
        ["Sept.", "SEPTEMBER", "\u017fep", "may", "Ma", "2024", "1999", "-09", ":", " ", "\u2014", "a", "x", "12"]
    ),
    max_size=6,
).map("".join)


@settings(max_examples=EXAMPLES * 4, deadline=None)
@given(_OPENINGS)
def test_leading_date_tries_the_pattern_wherever_it_can_match(text: str) -> None:
    match = _LEADING_DATE.match(text)
    if match is not None and any(c.isalpha() for c in text[match.end() :]):
        assert leading_date(text) is not None
    else:
        assert leading_date(text) is None


def test_a_leading_month_is_read_in_any_spelling_the_pattern_takes() -> None:
    assert leading_date("\u017fept. 2024: it began") == (2024, 9)  # long s
    assert leading_date("MAY 2023 - Vicuna") == (2023, 5)
    assert leading_date("Mayday 2023: nothing") is None
