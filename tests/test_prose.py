"""Prose invariance: a sentence put into any section of any page, as a paragraph of its own, changes no person and
no sponsor, and it is accounted for.

The sentences are made by Hypothesis from plain words, bare web addresses, autolinks, e-mail addresses, colons,
questions and asides in parentheses: what a maintainer writes between the lists ('Questions? Write to us or visit
https://...'). Accounted for means: a value of the page holds its line (its address kept as a link, a dated
sentence as an event), the introduction's description holds its text, or a finding is reported at its line.
Short lines are put in the same way: a lead about something else than the list it stands in ('Interested in joining:
[Open Day](url)') makes no person and, in a sponsors section, no sponsor of its link.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from lmsys_about import About, loads
from lmsys_about._read.source import read_source

from .accounting import unaccounted
from .paths import PARSE
from .test_corpus import PAGES as CORPUS_PAGES
from .test_properties import SETTINGS, lines_of


def _places(text: str) -> list[int]:
    """Where a paragraph may be put (0-based indexes of lines to insert before): after each heading, before each
    heading (at the end of the section above it), and at the end of the page."""
    source = read_source(text.encode(), path=None, max_bytes=None)
    places = {len(text.split("\n"))}
    for token in MarkdownIt("commonmark").parse(source.body):
        if token.type == "heading_open" and token.map:
            line = token.map[0] + source.line_offset  # 0-based index of the heading's line in the file
            places.update((line, line + 1))
    return sorted(places)


PAGES = [
    (text, loads(text), _places(text))
    for text in (path.read_text(encoding="utf-8") for path in [*sorted(PARSE.glob("*.md")), *CORPUS_PAGES])
]

_WORDS = (
    "we welcome questions about our work please write to us or visit the page for more details thanks everyone "
    "who helped this list is kept in no particular order you can reach them any time donations support sponsor "
    "team members join news updates are posted here regularly"
).split()
_HOSTS = st.sampled_from(["lmsys", "ows", "example", "donate", "news"])
_URLS = st.builds("https://{}.example.org/{}".format, _HOSTS, st.sampled_from(["", "donations/", "a/b", "c?d=1"]))
_PIECES = st.one_of(
    st.sampled_from(_WORDS),
    st.sampled_from(_WORDS),
    _URLS,
    _URLS.map("<{}>".format),  # an autolink
    st.builds("{}@{}.example.org".format, st.sampled_from(["team", "press", "ada"]), _HOSTS),
    st.builds("({})".format, st.sampled_from(["see below", "in no order", "thanks", "as of now"])),
    st.builds("({} {})".format, st.sampled_from(["see", "at", "via"]), _URLS),
    st.just("to:"),
    st.just("or:"),
    # links about giving, never sponsors: '[Donate](url)', '[Donation FAQ](url)', '[the team](mailto:...)'
    st.builds("[{}]({})".format, st.sampled_from(["Donate", "Sponsorship tiers", "Donation FAQ", "Sponsor us"]), _URLS),
    st.builds("[{}](mailto:{}@example.org)".format, st.sampled_from(["sponsorship team", "Acme"]), _HOSTS),
)
_OPENINGS = st.sampled_from(["", "Note:", "Questions?", "Please note:", "Reminder!", "Also,", "PS:", "Thanks!"])


@st.composite
def sentences(draw: st.DrawFn) -> str:
    opening = draw(_OPENINGS)
    first = draw(st.sampled_from(_WORDS)).capitalize()
    words = draw(st.lists(_PIECES, min_size=2, max_size=12))
    # A sentence ends as one, or with a bare address as on the page of today. (A line that ends at a colon or at a
    # word is a lead: it introduces the list after it, which is what it is written for.)
    address = "://" in words[-1] or "@" in words[-1]
    end = draw(st.sampled_from([".", "?", "!", ""] if address else [".", "?", "!"]))
    return " ".join(part for part in (opening, first, *words) if part) + end


def _inserted(data: st.DataObject, paragraph: str) -> tuple[About, str, About, int]:
    """A page, with ``paragraph`` put at a drawn place as a paragraph of its own: the page's About, the edited text,
    its About, and the paragraph's line (1-based)."""
    text, about, places = data.draw(st.sampled_from(PAGES))
    place = data.draw(st.sampled_from(places))
    lines = text.split("\n")
    edited = "\n".join([*lines[:place], "", paragraph, "", *lines[place:]])
    return about, edited, loads(edited), place + 2


def _people(about: About) -> list[tuple[str, str | None, tuple[str, ...], tuple[str, ...]]]:
    return [(p.name, p.url, p.groups, p.notes) for p in about.people]


def _sponsors(about: About) -> list[tuple[str, str | None, str, tuple[str, ...]]]:
    return [(s.name, s.url, s.kind, s.notes) for s in about.sponsors]


@SETTINGS
@given(st.data(), sentences())
def test_a_sentence_in_any_section_changes_no_person_or_sponsor_and_is_accounted_for(
    data: st.DataObject, sentence: str
) -> None:
    about, edited, after, line = _inserted(data, sentence)
    assert _people(after) == _people(about)
    assert _sponsors(after) == _sponsors(about)
    dumped = after.model_dump(mode="json")
    held = line in lines_of(dumped) or " ".join(sentence.split()) in after.organization.description
    assert held, f"{sentence!r} on line {line} is in no value and no finding"
    assert unaccounted(edited.encode(), after) == []


def test_the_sentence_of_the_page_of_today_is_a_link_not_a_sponsor() -> None:
    sentence = (
        "We welcome diverse forms of donations and sponsorships, including but not limited to cash, compute "
        "devices (e.g., GPUs) and cloud credits. Please refer to to https://lmsys.org/donations/."
    )
    for text, about, _ in PAGES:
        if not about.sponsors:
            continue
        lines = text.split("\n")
        last = max(s.line for s in about.sponsors)
        after = loads("\n".join([*lines[:last], "", sentence, *lines[last:]]))
        assert _sponsors(after) == _sponsors(about)
        assert "https://lmsys.org/donations/" in [link.url for link in after.links]


# Short lines a maintainer writes between the lists, capitalised as names are but no names: each holds what no name
# holds (a word such as 'To' first, a date, the word of a role or a group, a lead with words of a sentence).
_TITLES = st.sampled_from(["Be", "Announced", "Memoriam", "Open", "Full", "Coming", "Soon", "Our", "Past", "New"])
_ROLES = st.sampled_from(["Team", "Alumni", "Chair", "Vice Chair", "Directory", "Members", "Board", "Staff"])
_MONTHS = st.sampled_from(["January", "September", "Sept.", "May"])
# A lead that speaks of something else than the list it may stand in: its link is no person and no sponsor.
_OTHER_LEADS = st.builds(
    "{}: [{} {}]({})".format,
    st.sampled_from(["Interested in joining", "Want to help", "Read about us", "Last updated"]),
    _TITLES,
    _TITLES,
    _URLS,
)
_SHORT_LINES = st.one_of(
    st.builds("{} {} {}".format, st.sampled_from(["To", "In", "For", "Of", "On"]), _TITLES, _TITLES),
    st.builds("{}: {} {}".format, st.sampled_from(["Last updated", "Updated", "Page revised"]), _MONTHS,
              st.integers(2020, 2030)),
    _OTHER_LEADS,
    st.builds("[{} {}]({}) \u00b7 [{} {}]({})".format, _TITLES, _ROLES, _URLS, _ROLES, _TITLES, _URLS),
    st.builds("{} and {}".format, _ROLES, _ROLES),
)  # fmt: skip


@SETTINGS
@given(st.data(), _SHORT_LINES)
def test_a_short_capitalised_line_in_any_section_changes_no_person(data: st.DataObject, line: str) -> None:
    about, edited, after, number = _inserted(data, line)
    assert _people(after) == _people(about)
    held = number in lines_of(after.model_dump(mode="json")) or line in (after.organization.description or "")
    assert held, f"{line!r} is in no value and no finding"
    assert unaccounted(edited.encode(), after) == []


@SETTINGS
@given(st.data(), _OTHER_LEADS)
def test_a_lead_about_something_else_in_any_section_changes_no_sponsor(data: st.DataObject, line: str) -> None:
    about, edited, after, _ = _inserted(data, line)
    assert _sponsors(after) == _sponsors(about)
    assert unaccounted(edited.encode(), after) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Become a sponsor: [Donate](https://lmsys.example.org/donations/)",
        "[Sponsorship tiers](https://lmsys.example.org/tiers) · [Donation FAQ](https://lmsys.example.org/faq)",
        "Contact [sponsorship team](mailto:sponsor@lmsys.example.org), [Sponsorship FAQ](https://lmsys.example.org/f)",
        "- [Donate](https://lmsys.example.org/donations/)\n- [Sponsor us](https://lmsys.example.org/sponsor)",
        # a lead about something else than sponsors: its links are no sponsors, whatever they are named
        "Interested in joining: [Sponsorship program](https://lmsys.example.org/join)",
        "Interested in joining: [Jane Doe](https://jane.example.org/)",
        "Questions: [Jane Doe](https://jane.example.org/), [John Roe](https://john.example.org/)",
        "Interested in joining:\n\n- [Jane Doe](https://jane.example.org/)\n- [John Roe](https://john.example.org/)",
    ],
)
def test_links_after_the_sponsors_of_any_page_are_links_not_sponsors(sentence: str) -> None:
    for text, about, _ in PAGES:
        if not about.sponsors:
            continue
        lines = text.split("\n")
        last = max(s.line for s in about.sponsors)
        after = loads("\n".join([*lines[:last], "", sentence, "", *lines[last:]]))
        assert _sponsors(after) == _sponsors(about)
        assert unaccounted("\n".join([*lines[:last], "", sentence, "", *lines[last:]]).encode(), after) == []
