"""The URL helpers shared by the models and the extractors."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lmsys_about._urls import github_handle

from .test_properties import EXAMPLES


def _by_urlsplit(url: str) -> str | None:
    if "github.com" not in url.lower():
        return None
    parts = urlsplit(url)
    if parts.hostname not in ("github.com", "www.github.com"):
        return None
    segments = [s for s in parts.path.split("/") if s]
    return segments[0] if len(segments) == 1 else None


@pytest.mark.parametrize(
    ("url", "handle"),
    [
        ("https://github.com/ispobock", "ispobock"),
        ("https://github.com/ispobock/", "ispobock"),
        ("http://www.github.com//a-b", "a-b"),
        ("https://GitHub.com/ada", "ada"),
        ("https://github.com/sgl-project/sglang", None),
        ("https://github.com/", None),
        ("https://gist.github.com/ada", None),
        ("https://github.com.evil.example/ada", None),
        ("https://user@github.com/ada?tab=repositories", "ada"),
    ],
)
def test_a_github_profile_gives_its_handle(url: str, handle: str | None) -> None:
    assert github_handle(url) == handle == _by_urlsplit(url)


_PARTS = ["https://", "http://", "HTTPS://", "www.", "github.com", "GitHub.com", "/", "//", "ada", "a-b", "_", "?x=1",
          "#top", ":443", "user@", ".", "\t", " ", "é"]  # fmt: skip


@settings(max_examples=EXAMPLES * 4, deadline=None)
@given(st.lists(st.sampled_from(_PARTS), max_size=8).map("".join))
def test_the_quick_reading_of_a_profile_is_urlsplit_s(url: str) -> None:
    assert github_handle(url) == _by_urlsplit(url)
