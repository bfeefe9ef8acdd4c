"""The URL helpers shared by the models and the extractors."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lmsys_about import loads
from lmsys_about._urls import github_handle, url_problem

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


@pytest.mark.parametrize(
    "url",
    [
        "https://x.example.org/\x9b2J",  # a C1 CSI: a terminal reads it as ESC [
        "https://x.example.org/\x1b[2J",
        "https://x.example.org/a\x7f",
        "https://x.example.org/\x85",  # NEL
        "mailto:ada@example.org\x07",
        "HTTPS://x.example.org/\x80",
    ],
)
def test_a_url_with_control_characters_is_refused(url: str) -> None:
    assert url_problem(url) == "URL contains control characters"


def test_a_page_s_link_with_a_c1_control_is_an_unsafe_url() -> None:
    about = loads("OWS Labs (OWS) is a lab.\n\n## Team\n[Ada Lovelace](https://ada.example.org/\x9b2J)\n")
    assert about.people[0].url is None
    assert [(d.code, d.line) for d in about.diagnostics if d.code == "unsafe-url"] == [("unsafe-url", 4)]
