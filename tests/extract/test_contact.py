"""extract_contact: every link of the section is a way to reach the organisation, on a named platform."""

from __future__ import annotations

import pytest

from lmsys_about import loads
from lmsys_about._extract._context import Context
from lmsys_about._extract.contact import extract_contact

from .helpers import codes, run, sections


def test_a_mailto_link_gives_the_email() -> None:
    ctx = run(extract_contact, "## Contact\n\nWrite to [lmsys@gmail.com](mailto:lmsys@gmail.com?subject=Hi).\n")
    assert ctx.contact_links == [
        {"label": "lmsys@gmail.com", "url": "mailto:lmsys@gmail.com?subject=Hi", "platform": "email", "line": 3}
    ]
    assert ctx.diagnostics == []
    assert ctx.emails == []  # the contact section's addresses are read from its links, not from running text


@pytest.mark.parametrize(
    ("url", "platform"),
    [
        ("https://discord.gg/abc", "discord"),
        ("https://twitter.com/lmsysorg", "x"),
        ("https://github.com/lm-sys", "github"),
        ("https://lmsys.org/", "web"),
    ],
)
def test_a_link_names_its_platform(url: str, platform: str) -> None:
    ctx = run(extract_contact, f"## Contact\n\n- [us]({url})\n")
    assert [(link["url"], link["platform"]) for link in ctx.contact_links] == [(url, platform)]


def test_links_keep_their_order_and_lines() -> None:
    ctx = run(
        extract_contact, "## Contact\n\n[Discord](https://discord.gg/x), [X](https://x.com/l)\n[Site](https://l.org)\n"
    )
    assert [(link["label"], link["line"]) for link in ctx.contact_links] == [("Discord", 3), ("X", 3), ("Site", 4)]


def test_an_address_that_is_not_the_link_target_is_reported() -> None:
    ctx = run(extract_contact, "## Contact\n\n[other@x.org](mailto:lmsys@gmail.com)\n")
    assert [link["url"] for link in ctx.contact_links] == ["mailto:lmsys@gmail.com"]
    assert codes(ctx) == [("email-mismatch", 3)]


def test_an_unsafe_link_is_reported_twice_unsafe_and_unplaced() -> None:
    ctx = run(extract_contact, "## Contact\n\n[mail](mailto:nobody)\n")
    assert ctx.contact_links == []
    assert codes(ctx) == [("unsafe-url", 3), ("unplaced-link", 3)]


def test_a_link_without_a_target_is_reported() -> None:
    ctx = run(extract_contact, "## Contact\n\n- [Discord]()\n")
    assert ctx.contact_links == []
    assert codes(ctx) == [("unplaced-link", 3)]


def test_an_item_without_a_link_is_reported_and_plain_text_is_not() -> None:
    ctx = run(extract_contact, "## Contact\n\nWe would love to hear from you.\n\n- by carrier pigeon\n")
    assert ctx.contact_links == []
    assert codes(ctx) == [("unplaced-item", 5)]


def test_an_image_is_not_a_way_to_reach_the_organisation() -> None:
    ctx = run(extract_contact, "## Contact\n\n[![Discord](https://img.shields.io/badge/d.svg)](https://discord.gg/x)\n")
    assert [link["url"] for link in ctx.contact_links] == ["https://discord.gg/x"]


@pytest.mark.parametrize(
    ("text", "emails", "links", "reported"),
    [
        (
            "Email us at lmsys.org@gmail.com or join our [Discord](https://discord.gg/abc).",
            ["lmsys.org@gmail.com"],
            ["https://discord.gg/abc"],
            [],
        ),
        ("Press: press@lmsys.org", ["press@lmsys.org"], [], []),
        # Only the first address can be the page's e-mail, and none when a mailto link gives it: the rest are reported.
        ("Two: a@x.org,\nb+c@mail.x.co.uk.", ["a@x.org", "b+c@mail.x.co.uk"], [], [("b+c@mail.x.co.uk", 4)]),
        (
            "Write to **team@lmsys.org** (or <ops@lmsys.org>).",
            ["team@lmsys.org"],
            ["mailto:ops@lmsys.org"],
            [("team@lmsys.org", 3)],
        ),
    ],
)
def test_an_address_written_in_the_text_is_kept(
    text: str, emails: list[str], links: list[str], reported: list[tuple[str, int]]
) -> None:
    ctx = run(extract_contact, f"## Contact\n\n{text}\n")
    assert ctx.emails == emails
    assert [link["url"] for link in ctx.contact_links] == links
    assert codes(ctx) == [("unplaced-text", line) for _, line in reported]
    assert all(address in d["message"] for (address, _), d in zip(reported, ctx.diagnostics, strict=True))


def test_a_written_address_is_reported_when_a_mailto_link_came_before_it() -> None:
    ctx = Context(emails=["team@lmsys.org"])  # from a mailto link of an earlier section
    extract_contact(sections("## Contact\n\nPress: press@lmsys.org\n")[-1], ctx)
    assert ctx.emails == ["team@lmsys.org", "press@lmsys.org"]
    assert codes(ctx) == [("unplaced-text", 3)]


@pytest.mark.parametrize(
    "text",
    [
        "Not an address: a..b@x.org, .c@x.org, d@x, e@-x.org, f@x.org-g, h@i@j.org, k@x.o",
        "Find us @lmsysorg or at lmsys dot org",
        "[lmsys.org@gmail.com](https://lmsys.org/)",  # a link's text: its target says where it goes
    ],
)
def test_no_address_is_read_from_what_only_looks_like_one(text: str) -> None:
    assert run(extract_contact, f"## Contact\n\n{text}\n").emails == []


def test_an_item_with_an_address_and_no_link_is_placed_and_one_with_neither_is_reported() -> None:
    ctx = run(extract_contact, "## Contact\n\n- Press: press@lmsys.org\n- by carrier pigeon\n")
    assert ctx.emails == ["press@lmsys.org"]
    assert codes(ctx) == [("unplaced-item", 4)]


@pytest.mark.parametrize(
    ("contact", "email"),
    [
        ("Email us at lmsys.org@gmail.com or press@lmsys.org.", "lmsys.org@gmail.com"),  # the first address
        ("Press: press@lmsys.org\n\n- [Mail](mailto:team@lmsys.org)", "team@lmsys.org"),  # a mailto link first
    ],
)
def test_the_page_email_is_a_written_address_when_no_mailto_link_gives_one(contact: str, email: str) -> None:
    about = loads(f"LMSYS Org (LMSYS) is a group.\n\n## Contact\n\n{contact}\n")
    assert about.contact.email == email


def test_a_web_address_written_out_is_a_contact_link_labelled_by_the_words_before_it() -> None:
    ctx = run(extract_contact, "## Contact\n\n- X/Twitter: https://x.com/ows\n- Our site: https://ows.example.org/.\n")
    assert [(c["label"], c["url"], c["platform"], c["line"]) for c in ctx.contact_links] == [
        ("X/Twitter", "https://x.com/ows", "x", 3), ("Our site", "https://ows.example.org/", "web", 4)
    ]  # fmt: skip
    assert codes(ctx) == []
