"""extract_organization: the text before the first heading gives the name, description and mission."""

from __future__ import annotations

import pytest

from lmsys_about._extract.organization import extract_organization

from .helpers import codes, run


def test_a_name_and_short_name_come_from_a_defining_sentence() -> None:
    ctx = run(extract_organization, "Large Model Systems Organization (LMSYS Corp) is a non-profit.\n")
    org = ctx.organization
    assert (org["name"], org["short_name"], org["line"]) == ("Large Model Systems Organization", "LMSYS Corp", 1)


@pytest.mark.parametrize(
    "text",
    [
        "We are Large Model Systems Organization (LMSYS).",  # no verb after the parentheses
        "Large Model Systems Organization (LMSYS) builds models.",  # not 'is', 'was' or 'are'
        "Large Model Systems Organization is a non-profit.",  # no short name
    ],
)
def test_without_a_defining_sentence_there_is_no_name(text: str) -> None:
    org = run(extract_organization, f"{text}\n").organization
    assert (org["name"], org["short_name"]) == (None, None)
    assert org["description"] == text


def test_the_first_defining_sentence_names_the_organisation() -> None:
    org = run(extract_organization, "Alpha (A) is a lab. Beta (B) was a lab.\n").organization
    assert (org["name"], org["short_name"]) == ("Alpha", "A")


@pytest.mark.parametrize("opening", ["Our mission is", "We aim to", "OUR AIM IS"])
def test_the_first_sentence_of_purpose_is_the_mission(opening: str) -> None:
    org = run(
        extract_organization, f"LMSYS is a lab. {opening} open models for all.\nWe aim to do more.\n"
    ).organization
    assert org["mission"] == f"{opening} open models for all."


def test_the_description_is_every_paragraph_as_plain_text() -> None:
    org = run(extract_organization, "First [paragraph](https://x.org)\nwraps here.\n\nSecond one.\n").organization
    assert org["description"] == "First paragraph wraps here.\n\nSecond one."


def test_an_empty_introduction_has_an_empty_description_and_no_line() -> None:
    org = run(extract_organization, "").organization
    assert org == {"name": None, "short_name": None, "mission": None, "line": None, "description": ""}


def test_a_list_item_is_reported_not_described() -> None:
    ctx = run(extract_organization, "LMSYS is a lab.\n\n- an item of a list\n")
    assert ctx.organization["description"] == "LMSYS is a lab."
    assert codes(ctx) == [("unplaced-item", 3)]


def test_links_are_page_links_and_a_mailto_link_an_email() -> None:
    ctx = run(extract_organization, "See [site](https://x.org) and [mail us](mailto:a@b.org).\n")
    assert [(link["label"], link["url"]) for link in ctx.links] == [
        ("site", "https://x.org"),
        ("mail us", "mailto:a@b.org"),
    ]
    assert ctx.emails == ["a@b.org"]


def test_dated_sentences_and_a_founding_sentence_count_for_the_history() -> None:
    ctx = run(
        extract_organization,
        "We build things. LMSYS originated from a collaboration involving UC Berkeley and CMU in 2023.\n",
    )
    assert [(e["year"], e["line"]) for e in ctx.events] == [(2023, 1)]
    assert [i["name"] for i in ctx.founding_institutions] == ["UC Berkeley", "CMU"]


def test_the_first_paragraph_that_names_founding_institutions_gives_them() -> None:
    ctx = run(extract_organization, "It was founded by people from Alpha.\n\nIt was founded by people from Beta.\n")
    assert [i["name"] for i in ctx.founding_institutions] == ["Alpha"]


def test_lines_count_from_the_original_file() -> None:
    ctx = run(extract_organization, "Alpha (A) is a lab.\n\nIt began in 2020.\n", line_offset=4)
    assert ctx.organization["line"] == 5
    assert ctx.events[0]["line"] == 7


def test_the_article_before_the_name_is_not_part_of_it() -> None:
    ctx = run(extract_organization, "The Open Widget Organization (OWO) is a lab.\n")
    assert (ctx.organization["name"], ctx.organization["short_name"]) == ("Open Widget Organization", "OWO")
