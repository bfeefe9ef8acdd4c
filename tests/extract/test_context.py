"""Context: the URL checks every extractor shares, running-text links, and reports of what is not placed."""

from __future__ import annotations

import pytest

from lmsys_about._extract._context import Context
from lmsys_about._read.blocks import Piece

from .helpers import codes


def _link(url: str, text: str = "label", line: int = 7) -> Piece:
    return Piece("link", text, line, url)


@pytest.mark.parametrize("url", ["https://lmsys.org/", "mailto:a@b.org"])
def test_an_acceptable_url_is_kept_as_written(url: str) -> None:
    ctx = Context()
    assert ctx.url(_link(url)) == url
    assert ctx.diagnostics == []


@pytest.mark.parametrize("url", ["", "   "])
def test_an_empty_url_is_dropped_without_a_word(url: str) -> None:
    ctx = Context()
    assert ctx.url(_link(url)) is None
    assert ctx.diagnostics == []


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("javascript:alert(1)", "unsupported URL scheme 'javascript'"),
        ("/about", "relative URL"),
        ("https://", "no host"),
        ("mailto:nobody", "no address"),
    ],
)
def test_an_unsafe_url_is_reported_not_kept(url: str, problem: str) -> None:
    ctx = Context()
    assert ctx.url(_link(url, "bad")) is None
    assert codes(ctx) == [("unsafe-url", 7)]
    assert ctx.diagnostics[0]["severity"] == "warning"
    assert "'bad'" in ctx.diagnostics[0]["message"]
    assert problem in ctx.diagnostics[0]["message"]


def test_a_mailto_link_whose_text_is_another_address_is_reported_but_kept() -> None:
    ctx = Context()
    assert ctx.url(_link("mailto:lmsys@gmail.com", "other@x.org")) == "mailto:lmsys@gmail.com"
    assert codes(ctx) == [("email-mismatch", 7)]
    assert "'lmsys@gmail.com'" in ctx.diagnostics[0]["message"]


@pytest.mark.parametrize(
    ("url", "text"),
    [
        ("mailto:a@b.org?subject=Hi", "a@b.org"),  # the query is not part of the address
        ("mailto:a@b.org", "mailto:a@b.org"),
        ("mailto:a@b.org", "write to us"),  # text that is no address cannot disagree with one
    ],
)
def test_a_mailto_link_whose_text_agrees_is_not_reported(url: str, text: str) -> None:
    ctx = Context()
    assert ctx.url(_link(url, text)) == url
    assert ctx.diagnostics == []


def test_a_running_text_link_is_kept_with_its_label_and_line() -> None:
    ctx = Context()
    ctx.link(_link("https://x.org", "Site", line=4))
    assert ctx.links == [{"label": "Site", "url": "https://x.org", "line": 4}]
    assert ctx.emails == []


def test_a_running_text_mailto_link_also_gives_an_email() -> None:
    ctx = Context()
    ctx.link(_link("mailto:a@b.org?subject=Hi", "mail"))
    assert ctx.emails == ["a@b.org"]
    assert [link["url"] for link in ctx.links] == ["mailto:a@b.org?subject=Hi"]


def test_a_running_text_image_is_reported_not_kept() -> None:
    ctx = Context()
    ctx.link(Piece("image", "logo", 5, "https://x.org/logo.png"))
    assert ctx.links == []
    assert codes(ctx) == [("unplaced-image", 5)]


def test_a_running_text_link_without_target_is_reported() -> None:
    ctx = Context()
    ctx.link(_link("", "nowhere", line=2))
    assert ctx.links == []
    assert codes(ctx) == [("unplaced-link", 2)]


def test_a_running_text_link_with_an_unsafe_target_is_reported_once() -> None:
    ctx = Context()
    ctx.link(_link("javascript:x"))
    assert ctx.links == []
    assert codes(ctx) == [("unsafe-url", 7)]


def test_unplaced_text_is_shortened_on_one_line() -> None:
    ctx = Context()
    ctx.unplaced("text", "word\n  " * 30, 9)
    (diagnostic,) = ctx.diagnostics
    assert (diagnostic["severity"], diagnostic["code"], diagnostic["line"]) == ("info", "unplaced-text", 9)
    quoted = diagnostic["message"].split("'")[1]
    assert len(quoted) == 60
    assert quoted.endswith("…")
    assert "\n" not in quoted
    assert "  " not in quoted


def test_a_relative_image_is_reported_as_not_extracted_not_as_unsafe() -> None:
    from lmsys_about import loads

    about = loads("ACME Labs (ACME) is a lab.\n\n![ACME logo](/images/logo.png)\n[x](/relative/page)\n")
    assert [(d.code, d.severity, d.line) for d in about.diagnostics if d.code != "no-front-matter"] == [
        ("no-people", "warning", None), ("unplaced-image", "info", 3), ("unsafe-url", "warning", 4)
    ]  # fmt: skip
