"""kind_of: a section's kind from the words of its heading, else from what it contains."""

from __future__ import annotations

import pytest

from lmsys_about._extract._text import NO_MARKS
from lmsys_about._extract.classify import kind_of

from .helpers import sections


def _kind(markdown: str) -> str | None:
    return kind_of(sections(markdown)[-1], NO_MARKS)


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Contact us", "contact"),
        ("Get in touch", "contact"),
        ("Connect with us", "contact"),
        ("Our Sponsors", "sponsors"),
        ("Timeline", "history"),
        ("Institutions", "people"),
        ("Advisors", "people"),
        ("Projects", "projects"),
    ],
)
def test_a_heading_word_names_the_kind(heading: str, kind: str) -> None:
    assert _kind(f"## {heading}\n\nsome words\n") == kind


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Project members", "people"),  # people words come before 'project'
        ("Sponsored projects", "sponsors"),
    ],
)
def test_the_first_kind_whose_words_a_heading_has_wins(heading: str, kind: str) -> None:
    assert _kind(f"## {heading}") == kind


def test_the_heading_decides_over_the_content() -> None:
    assert _kind("## Sponsors\n\nA B, C D\n\nIt began in 2020.\n") == "sponsors"


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        ("[X](https://x.com/lmsys), [mail](mailto:a@b.org)", "contact"),
        ("We received API credits from [Acme](https://acme.example.com/).", "sponsors"),
        ("We thank our donors:\n\nAcme, Globex", "sponsors"),
        ("Please donate to us.", None),  # a sentence about donations lists no sponsor
        ("We welcome donations: see https://x.example.org/donations/.", None),
        ("It began in 2020.", "history"),
        ("Ada Lovelace, Alan Turing", "people"),
    ],
)
def test_without_a_telling_heading_the_content_names_the_kind(content: str, kind: str) -> None:
    assert _kind(f"## Misc\n\n{content}\n") == kind


@pytest.mark.parametrize(
    "content",
    [
        "some words",
        "Ada Lovelace",  # one name is no list
        "[Home](https://lmsys.org)",  # a web link alone is no contact
        "- in 2020 it began",  # a date counts in a paragraph, not in a list item
    ],
)
def test_a_section_that_says_nothing_of_its_kind_has_none(content: str) -> None:
    assert _kind(f"## Misc\n\n{content}\n") is None


def test_a_sentence_about_donations_that_ends_in_an_address_is_no_lead() -> None:
    # Its words without the address end at 'to:', but the line ends as a sentence: it introduces no sponsors.
    gallery = "## Gallery\n\n[Photos](https://photos.example.org/)\n\n"
    assert _kind(gallery + "Donations to: https://x.example.org/.\n") is None
    assert _kind("## Gallery\n\nWe thank our donors:\n[Acme](https://acme.example.org/)\n") == "sponsors"


def test_a_link_without_a_target_does_not_make_a_contact_section() -> None:
    assert _kind("## Misc\n\n[somewhere]()\n") is None


def test_a_sentence_about_donations_with_a_mail_link_does_not_make_people_sponsors() -> None:
    assert (
        _kind(
            "## WidgetLang\n[Ada Lovelace](https://ada.dev), [Bob Smith](https://bob.dev)\n\n"
            "We donations [Acme](mailto:lmsys@example.org).\n"
        )
        == "people"
    )


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        ("Last updated: January 2020\n\n| Name | Role |\n|---|---|\n| Edsger Dijkstra | Lead |", "people"),
        ("Last updated: January 2020\n\n[Ada Lovelace](https://ada.dev), [Bob Smith](https://bob.dev)", "people"),
        ("It began in 2020.", "history"),  # a dated paragraph and no names: a history still
    ],
)
def test_under_people_a_dated_paragraph_makes_no_history_of_a_list_of_people(content: str, kind: str) -> None:
    assert kind_of(sections(f"## Project members\n\n### WidgetLang\n\n{content}\n")[-1], NO_MARKS, "people") == kind
