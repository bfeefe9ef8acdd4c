"""The plausibility rules of names.py, one by one, and the reference sentences whose links are only links."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lmsys_about import load, loads
from lmsys_about._extract.names import RULES, Kind, doubt, is_reference, split_reference
from lmsys_about._read.blocks import Piece, TextLine

from ..paths import CORPUS_PAGES, PARSEABLE

# rule: (kind, texts it rejects, texts of that kind it lets through). The accepted texts are near misses:
# they share something with the rejected ones but are names.
CASES: dict[str, tuple[Kind, list[str], list[str]]] = {
    "too-long": ("sponsor", ["A" * 121], ["Mohamed bin Zayed University of Artificial Intelligence"]),
    "control": ("sponsor", ["Eve\x1b[2J", "Cy\x9b2J", "Acme\x07", "Ada\u202eecalevoL"], ["Acme\u200f", "محمد"]),
    "no-letters": ("person", ["", "1", "→", "* †"], ["Ada Lovelace", "李飞飞"]),
    "url": ("person", ["https://lmarena.ai/a", "www.example.org", "HTTP://X.ORG", "//x.org/a"], ["Http Smith"]),
    "email": ("sponsor", ["team@example.org"], ["Team Example"]),
    "reference": ("sponsor", ["See all our sponsors", "Visit Acme", "Details at Acme", "Read more"], ["Seeweed"]),
    "function-words": ("person", ["and", "More", "Also", "our website", "here", "Link"], ["Anders", "Moreno"]),
    "sentence": ("person", ["Alan Turing: a life", "Hello!", "Why?", "Read this. then go"], ["Eric P. Xing"]),
    "phrase": ("person", ["One two three four five six seven"], ["Maria de los Angeles Garcia Lopez"]),
    "domain": ("person", ["lmarena.ai", "turing.example.org/about"], ["Joseph E. Gonzalez", "Jr."]),
    "lowercase": ("person", ["our chat", "homepage of ada"], ["danah Boyd", "Ada", "李飞飞", "von Neumann John"]),
    "determiner": ("person", ["The team", "Our mirror", "This Group"], ["Theo Tan", "Ourania Diaz"]),
    "lowercase-word": (
        "person",
        ["LMSYS launches Chatbot Arena", "How Vicuna was trained", "Ada Lovelace writes"],
        ["Maria de los Angeles Garcia", "Ludwig van Beethoven", "Ada Lovelace", "danah Boyd"],
    ),
    "preposition": ("person", ["To Be Announced", "In Memoriam", "For Students"], ["Tobias Ono", "A. Inoue", "De Wit"]),
    "digits": ("person", ["September 2025", "Room 101", "Ada 2"], ["Ada Lovelace", "Zoë Two"]),
    "role": (
        "person",
        ["Chair", "Vice Chair", "Co-founder", "Emeritus", "Director", "Full Team Page", "Alumni Directory"],
        ["Stafford Beer", "Ann Boardman", "Teamus Lee", "Dean Foster"],
    ),
    "punctuation-first": ("person", ["- UC Berkeley", "(MIT) Ada", "& Co Lab"], ["Ådne Berg", "Ángel Ruiz"]),
    "punctuation-last": ("person", ["Ada Lovelace \u2014", "Alan Turing (", "Grace /"], ["Eric P. Xing", "Ada (UCB)"]),
    "organisation": ("person", ["UC Berkeley", "MBZUAI", "Bell Labs", "Stanford University"], ["Ucla Ruiz", "Li"]),
    "known-entity": ("person", ["SGLang", "Sglang", "Acme"], ["SGLang Smith"]),
}
KNOWN = frozenset({"sglang", "acme"})


def test_every_rule_has_cases() -> None:
    assert {rule for rule, *_ in RULES} == set(CASES)


@pytest.mark.parametrize("rule", sorted(CASES))
def test_rule_rejects_its_cases_and_only_them(rule: str) -> None:
    kind, rejected, accepted = CASES[rule]
    for text in rejected:
        found = doubt(text, kind, KNOWN)
        assert found is not None, text
        assert found[0] == rule, (text, found)
    for text in accepted:
        assert doubt(text, kind, KNOWN) is None, text


def test_an_organisation_may_open_with_the_but_not_with_our_or_this() -> None:
    for text in ("our team", "Our Community", "This Company", "Your Company"):
        assert doubt(text, "sponsor") == ("determiner", "it opens with 'our', 'this' or the like"), text
    for text in ("The Carlyle Group", "Ourania Labs", "Thisworks", "a16z"):
        assert doubt(text, "sponsor") is None, text


def test_a_web_address_cut_at_its_colon_is_no_sponsor() -> None:
    assert doubt("//lmsys.org/donations/", "sponsor") == ("url", "it is a web address")


def test_organisations_may_look_unlike_people() -> None:
    for name in ("a16z", "01ai", "Character.AI", "Together.ai"):
        assert doubt(name, "sponsor") is None
        assert doubt(name, "person") is not None


@pytest.mark.parametrize(
    "text",
    ["See [x]", " See also", "More information see", "For more details, see", "Visit", "Details at", "Read more:",
     "Learn more at", "Website: ", "— see", "(see"],
)  # fmt: skip
def test_reference_sentences(text: str) -> None:
    assert is_reference(text)


@pytest.mark.parametrize("text", ["Seema Patel", "Visiting scholars", "Moreno", "Details", "Readers", "Ada, see"])
def test_not_reference_sentences(text: str) -> None:
    assert not is_reference(text)


def test_a_reference_after_the_end_of_a_sentence_takes_the_rest_of_the_line() -> None:
    link = Piece("link", "Ada", 3, "https://ada.example.org/")
    site = Piece("link", "site", 3, "https://x.example.org/")
    line = TextLine(3, [link, Piece("text", ", Grace Hopper. See our ", 3), site])
    split = split_reference(line)
    assert split is not None
    before, cited = split
    assert before.text == "Ada, Grace Hopper. "
    assert [p.text for p in cited] == ["See our ", "site"]
    assert split_reference(TextLine(3, [link, Piece("text", ", Grace Hopper. Seema Patel", 3)])) is None


def test_a_run_of_clause_ends_is_read_once() -> None:
    # Read again from each of its clause ends, this run would take minutes (quadratic time).
    assert split_reference(TextLine(1, [Piece("text", "Ada" + ". " * 200_000 + "Bob", 1)])) is None


PAGES = PARSEABLE + CORPUS_PAGES


@pytest.mark.parametrize("path", PAGES, ids=[p.stem for p in PAGES])
def test_no_person_or_sponsor_fails_a_rule(path: Path) -> None:
    about = load(path)
    known = {p.name.casefold() for p in about.history.projects} | {s.name.casefold() for s in about.sponsors}
    known |= {g.project.casefold() for g in about.groups if g.project}
    assert [(p.name, doubt(p.name, "person", known)) for p in about.people if doubt(p.name, "person", known)] == []
    assert [(s.name, doubt(s.name, "sponsor")) for s in about.sponsors if doubt(s.name, "sponsor")] == []


def test_a_doubtful_link_stays_a_link_and_is_reported() -> None:
    about = loads(
        "Open Widget Systems Organization (OWS Corp) is a non-profit.\n\n## Members\n"
        "[Ada Lovelace](https://ada.example.org/), [https://x.example.org/](https://x.example.org/), Also\n"
    )
    assert [p.name for p in about.people] == ["Ada Lovelace"]
    assert [(link.url, link.line) for link in about.groups[0].links] == [("https://x.example.org/", 4)]
    doubtful = [(d.severity, d.line, d.message) for d in about.diagnostics if d.code == "doubtful-name"]
    assert doubtful == [
        ("warning", 4, "'https://x.example.org/' is not taken as a person: it is a web address (url)"),
        ("warning", 4, "'Also' is not taken as a person: it is made of function words only (function-words)"),
    ]


def _by_the_table(text: str, kind: Kind, known: frozenset[str]) -> tuple[str, str] | None:
    text = text.strip()
    return next(((rule, reason) for rule, fails, reason, kinds in RULES if kind in kinds and fails(text, known)), None)


_PIECES = ["Ada", "LOVELACE", "E.", "Wei-Lin", "See", "The", "More", "And", "sglang", "SGLang", "x", " ", "-", ".",
           ":", "@", "ü", "Ñúñez", "Read", "more", "Visit", "A" * 60, "UC", "Labs", "University", "Inc.", "MIT", "Our",
           "Bell-Labs", "Labsworth", "Team", "Co-founder", "Vice", "In", "To", "2"]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=9).map("".join), st.sampled_from(["person", "sponsor"]))
def test_the_shortcut_for_plain_names_agrees_with_the_table(text: str, kind: Kind) -> None:
    assert doubt(text, kind, KNOWN) == _by_the_table(text, kind, KNOWN)
