"""Front matter: the direct reading of simple entries gives exactly what PyYAML's composition gives, or leaves the
text to it. Generated front matter goes through the whole page path twice, with the direct reading and without:
equal mappings, or the same refusal."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lmsys_about import AboutError, loads
from lmsys_about._read.source import _load_yaml, _simple_front_matter, read_source
from lmsys_about._read.tuning import TUNED, Tuning

from ..test_properties import EXAMPLES

KEYS = st.from_regex(r"[A-Za-z_][A-Za-z0-9_-]{0,8}", fullmatch=True)
VALUES = st.text(alphabet=st.sampled_from(list("aZ09 -_:#'\"!&*[]{},.?%@`|>~\\\t\x07\x85\u2028\ufeffé")), max_size=12)
QUOTES = st.sampled_from(["", "'", '"'])
WITHOUT_SHORTCUT = Tuning(simple_front_matter=False)


def _yaml_only(text: str) -> object:
    """What the YAML path gives, or the error it raises."""
    try:
        return _load_yaml(text, None, simple=False)
    except AboutError as error:  # the YAML path's verdict on this text
        return type(error).__name__


@settings(max_examples=300, deadline=None, derandomize=True)  # the same examples every run
@given(st.lists(st.tuples(KEYS, QUOTES, VALUES), max_size=4))
def test_simple_entries_read_as_yaml_reads_them(entries: list[tuple[str, str, str]]) -> None:
    text = "\n" + "".join(f"{key}: {quote}{value}{quote}\n" for key, quote, value in entries)
    simple = _simple_front_matter(text)
    if simple is not None:
        assert simple == _yaml_only(text)


def _front_matter(page: str, tuning: Tuning) -> object:
    """The page's front matter, or its refusal as the user sees it (type, line and message)."""
    try:
        return read_source(page, path="page.md", max_bytes=None, tuning=tuning).front_matter
    except AboutError as error:
        return type(error).__name__, str(error)


def assert_read_as_yaml(front_matter: str) -> None:
    page = f"---\n{front_matter}\n---\nBody.\n"
    assert _front_matter(page, TUNED) == _front_matter(page, WITHOUT_SHORTCUT)


# Keys and values that YAML reads otherwise than a letter or a word: every indicator, the plain scalars that its
# implicit resolution tags ('=' value, '<<' merge, null, booleans, numbers, dates), keys around PyYAML's limit of
# 1,024 characters for a simple key, and the characters it reads as line breaks (NEL, LS, PS) or refuses.
_INDICATORS = list("-?:,[]{}#&*!|>'\"%@`")
_TAG_LIKE = ["=", "<<", "~", "null", "Null", "NULL", "yes", "No", "on", "OFF", "y", "1", "-1", "0x1F", "0o7", "1_000",
             "1.5e3", ".inf", "-.Inf", ".NaN", "2024-01-01", "2001-12-14t21:59:43.10-05:00", "!!str x", "!!int 3",
             "!x y", "!!binary aGk=", "&a b", "*a", "|", ">", "[a, b]", "{a: b}", "- a", "? a", "a: b", "a:b", "a #c",
             "a#b", "'it''s'", '"a\\"b"', '"\\u00e9"', "'unclosed", "<a>", "=a", "<<a"]  # fmt: skip
_STRANGE = ["\t", "\x85", "\u2028", "\u2029", "\ufeff", "\xa0", "\u3000", "\x07", "\x1f", "\x7f", "\x9f", "\ue000"]
_PLAIN_KEYS = st.one_of(
    KEYS,
    st.integers(1_020, 1_030).map(lambda n: "k" * n),
    st.sampled_from(["<<", "=", "~", "null", "yes", "é", "a b", "'q'", '"d"', "? k", "- k", "k\u3000", "2024-01-01"]),
)
_SCALARS = st.one_of(
    st.sampled_from(_TAG_LIKE),
    st.text(alphabet=st.sampled_from(["a", "Z", "0", " ", *_INDICATORS, *_STRANGE]), max_size=10),
)
_SEPARATORS = st.sampled_from([": ", ": ", ":", ":  ", ":\t", " : ", ":\u3000"])
_ENTRIES = st.builds(lambda key, separator, value: key + separator + value, _PLAIN_KEYS, _SEPARATORS, _SCALARS)
_BLANK_LOOKING = st.sampled_from(["", " ", "  ", "\t", " \t", "\xa0", "\u3000", " \u3000", "\u2028", "\x85", "\ufeff"])
_OTHER_LINES = st.sampled_from(["# comment", "  more", "  - item", "- item", "...", "%YAML 1.1", "k:", "k: |", " k: v"])


@settings(max_examples=EXAMPLES * 4, deadline=None)
@given(st.lists(st.one_of(_ENTRIES, _ENTRIES, _BLANK_LOOKING, _OTHER_LINES), max_size=5).map("\n".join))
def test_generated_front_matter_reads_as_yaml_reads_it(front_matter: str) -> None:
    assert_read_as_yaml(front_matter)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('\ntitle: "About"\n', {"title": "About"}),
        ("\ntitle: About us\nweight: 3\ndraft: no\ndate: 2024-09-01\n", None),
        ("\nempty:\n", {"empty": ""}),
    ],
)
def test_known_front_matter(text: str, expected: dict[str, str] | None) -> None:
    got = _load_yaml(text, None)
    assert got == (expected or _yaml_only(text))
    assert got == _yaml_only(text)


def test_scalars_that_yaml_tags_as_value_or_merge_stay_the_strings_written() -> None:
    front_matter = "title: =\nmerge: <<\n<<: key\nnull: ~\n"
    assert_read_as_yaml(front_matter)
    about = loads(f"---\n{front_matter}---\nACME Labs (ACME) is a lab.\n")
    assert about.front_matter == {"title": "=", "merge": "<<", "<<": "key", "null": "~"}
    assert about.title == "="


@pytest.mark.parametrize("line", [" \u3000", "\u3000", "\xa0", "\t", " \t", "\u2003 "])
def test_a_line_of_tabs_or_unicode_spaces_is_no_blank_line(line: str) -> None:
    front_matter = f"title: T\n{line}\nweight: 3"
    assert_read_as_yaml(front_matter)
    if line.startswith(" ") and "\t" not in line:  # indented: it continues the title, as YAML folds lines
        read = read_source(f"---\n{front_matter}\n---\nBody.\n", path=None, max_bytes=None)
        assert read.front_matter == {"title": f"T {line.strip(' ')}", "weight": "3"}


@pytest.mark.parametrize("length", [1_023, 1_024, 1_025, 2_000])
def test_keys_longer_than_yamls_limit_are_refused_on_both_paths(length: int) -> None:
    front_matter = f"title: T\n{'k' * length}: v"
    assert_read_as_yaml(front_matter)
    page = f"---\n{front_matter}\n---\nBody.\n"
    if length <= 1_024:
        assert read_source(page, path=None, max_bytes=None).front_matter == {"title": "T", "k" * length: "v"}
    else:
        with pytest.raises(AboutError, match=r"YAML does not parse"):
            read_source(page, path=None, max_bytes=None)
