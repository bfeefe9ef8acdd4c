"""Front matter: the direct reading of simple entries gives exactly what the YAML path gives."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lmsys_about._read.source import _load_yaml, _simple_front_matter

KEYS = st.from_regex(r"[A-Za-z_][A-Za-z0-9_-]{0,8}", fullmatch=True)
VALUES = st.text(alphabet=st.sampled_from(list("aZ09 -_:#'\"!&*[]{},.?%@`|>~\\\t\x07\x85\u2028\ufeffé")), max_size=12)
QUOTES = st.sampled_from(["", "'", '"'])


def _yaml_only(text: str) -> object:
    """What the YAML path gives, or the error it raises."""
    import lmsys_about._read.source as source

    simple = source._simple_front_matter
    source._simple_front_matter = lambda text: None  # type: ignore[assignment]
    try:
        return source._load_yaml(text, None)
    except Exception as error:  # the YAML path's verdict on this text
        return type(error).__name__
    finally:
        source._simple_front_matter = simple  # type: ignore[assignment]


@settings(
    max_examples=300, deadline=None, derandomize=True
)  # the same examples every run; widen locally with more examples
@given(st.lists(st.tuples(KEYS, QUOTES, VALUES), max_size=4))
def test_simple_entries_read_as_yaml_reads_them(entries: list[tuple[str, str, str]]) -> None:
    text = "\n" + "".join(f"{key}: {quote}{value}{quote}\n" for key, quote, value in entries)
    simple = _simple_front_matter(text)
    if simple is not None:
        assert simple == _yaml_only(text)


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
