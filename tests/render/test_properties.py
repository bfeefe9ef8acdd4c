"""Property tests of render(): generated Abouts, and real pages edited at random, read back as themselves.

The generated Abouts are consistent, as a page gives them: ``people`` merges the groups, a group's project
follows from its name, the organisation's name and mission stand in its description, each event's date in
its sentence, each contact link's platform in its URL. Names carry what Markdown would read as syntax.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lmsys_about import About, RenderError, loads, render
from lmsys_about._extract.assemble import merge_people
from lmsys_about._extract.labels import project_of
from lmsys_about._extract.names import doubt
from lmsys_about._urls import mailto_address, platform_of

from ..test_properties import SETTINGS, edited_pages, parse
from .roundtrip import modulo

# Inside a name: Markdown's syntax, separators, brackets and backslashes, and letters beyond ASCII.
SPECIAL = [",", "[", "]", "*", "(", ")", "\\", "_", "`", "<", ">", "&amp;", "&", "#", "!", "|", "~", "-", "'", '"']
LETTERS = ["a", "e", "o", "é", "ß", "ø", "ł", "中", "ñ", "ü", "Ω", "я"]
CAPITALS = ["A", "B", "K", "Ł", "Ö", "Ž", "Я"]
URLS = [
    "https://example.org/",
    "https://example.org/a_(b)",
    "https://example.org/x?y=1&amp;z=2",
    "https://example.org/with space",
    "http://example.org/<tag>",
    "https://github.com/someone",
    "https://example.org/back\\slash",
]
CONTACT_URLS = [
    "mailto:team@example.org",
    "mailto:team@example.org?subject=Hi",
    "https://discord.gg/abc",
    "https://x.com/lab",
    "https://example.org/contact",
]
MONTHS = [None, "January", "May", "September", "December"]
NOTES = ["initiators", "founding members", "on leave (2024)"]
ROLES = ["members", "team", "advisors", "students", "alumni", "faculty"]
FORMS = ["cash", "compute devices (e.g., GPUs)", "cloud credits", "gifts in kind"]


def _word(draw: st.DrawFn, special: bool) -> str:
    inner = st.sampled_from(LETTERS + SPECIAL if special else LETTERS)
    return (
        draw(st.sampled_from(CAPITALS))
        + "".join(draw(st.lists(inner, min_size=1, max_size=6)))
        + draw(st.sampled_from(LETTERS))
    )


@st.composite
def names(draw: st.DrawFn, special: bool = True) -> str:
    """One to four words, each starting with a capital and ending with a letter, syntax in between."""
    return " ".join(_word(draw, special) for _ in range(draw(st.integers(1, 4))))


def _line() -> dict[str, int]:
    return {"line": 1}


@st.composite
def groups(draw: st.DrawFn) -> list[dict[str, Any]]:
    result = []
    for index in range(draw(st.integers(1, 3))):
        label = draw(names(special=False)) if draw(st.booleans()) else "Core"
        name = f"{label} {ROLES[index % len(ROLES)]}"
        members: list[dict[str, Any]] = []
        seen: set[str] = set()
        for member in draw(st.lists(names(), min_size=0 if index else 1, max_size=12)):
            if member.casefold() not in seen:
                seen.add(member.casefold())
                url = draw(st.none() | st.sampled_from(URLS))
                notes = draw(st.lists(st.sampled_from(NOTES), max_size=2, unique=True))
                members.append({"name": member, "url": url, "notes": notes, **_line()})
        links = [
            {"label": draw(names()), "url": draw(st.sampled_from(URLS)), **_line()}
            for _ in range(draw(st.integers(0, 1)))
        ]
        result.append({"name": name, "project": project_of(name), "members": members, "links": links, **_line()})
    return result


@st.composite
def sponsors(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Up to five sponsors, none listed twice with the same kind (a page that does is read without the repeat)."""
    result: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for _ in range(draw(st.integers(0, 5))):
        name, kind = draw(names()), draw(st.sampled_from(["donor", "api_credits"]))
        if (name.casefold(), kind) not in seen:
            seen.add((name.casefold(), kind))
            result.append({"name": name, "url": draw(st.none() | st.sampled_from(URLS)), "kind": kind, **_line()})
    return result


@st.composite
def abouts(draw: st.DrawFn) -> About:
    organization, short = draw(names()), draw(names(special=False))
    mission = f"Our mission is to help {draw(names())} everywhere."
    description = f"{organization.replace('(', '[').replace(')', ']')} ({short}) is a lab. {mission}"
    organization = organization.replace("(", "[").replace(")", "]")
    found_groups = draw(groups())
    events = []
    for _ in range(draw(st.integers(0, 3))):
        year, month = draw(st.integers(1990, 2030)), draw(st.sampled_from(MONTHS))
        who = draw(names()).replace(".", "")
        when = f"{month} {year}" if month else str(year)
        number = MONTHS.index(month) if month else None
        number = [0, 1, 5, 9, 12][number] if number is not None else None
        events.append({"year": year, "month": number, "text": f"{who} joined the lab in {when}.", **_line()})
    contact_links = [
        {"label": draw(names()), "url": url, "platform": platform_of(url), **_line()}
        for url in draw(st.lists(st.sampled_from(CONTACT_URLS), max_size=3))
    ]
    links = [
        {"label": draw(names()), "url": draw(st.sampled_from(URLS + CONTACT_URLS[:2])), **_line()}
        for _ in range(draw(st.integers(0, 2)))
    ]
    emails = [c["url"] for c in contact_links if c["platform"] == "email"]
    emails += [x["url"] for x in links if x["url"].startswith("mailto:")]
    data = {
        "source": None,
        "source_sha256": "0" * 64,
        "title": (title := draw(names())),
        "front_matter": {"title": title, **draw(st.dictionaries(st.sampled_from(["tags", "x-y"]), st.lists(names())))},
        "organization": {
            "name": organization, "short_name": short, "description": description, "mission": mission, "line": 1
        },
        "groups": found_groups,
        "people": merge_people(found_groups),
        "sponsors": draw(sponsors()),
        "donation_forms": draw(st.lists(st.sampled_from(FORMS), unique=True, max_size=4)),
        "history": {
            "events": events,
            "institutions": [
                {"name": draw(names()), "notes": draw(st.lists(st.sampled_from(NOTES), max_size=1)), **_line()}
                for _ in range(draw(st.integers(0, 3)))
            ],
            "projects": [
                {"name": draw(names()), "url": draw(st.none() | st.sampled_from(URLS)),
                 "status": draw(st.sampled_from([None, "graduated", "incubating"])), **_line()}
                for _ in range(draw(st.integers(0, 3)))
            ],
        },
        "contact": {"email": mailto_address(emails[0]) if emails else None, "links": contact_links},
        "links": links,
        "diagnostics": [],
    }  # fmt: skip
    return About.model_validate(data)


@settings(SETTINGS, max_examples=max(SETTINGS.max_examples // 2, 1))  # drawing an About is most of the time
@given(abouts())
def test_generated_abouts_round_trip(about: About) -> None:
    # A name the parser's rules doubt (a person named like one of the page's projects, sponsors or institutions,
    # 'A, a' made of function words, ...) is no entity to the parser, so no page can state it: render refuses it.
    taken = {p.name.casefold() for p in about.history.projects} | {s.name.casefold() for s in about.sponsors}
    taken |= {g.project.casefold() for g in about.groups if g.project}
    taken |= {i.name.casefold() for i in about.history.institutions}
    doubted = [m.name for g in about.groups for m in g.members if doubt(m.name, "person", taken)]
    doubted += [s.name for s in about.sponsors if doubt(s.name, "sponsor")]
    if doubted:
        with pytest.raises(RenderError, match=r"^\S+: (groups|sponsors)\[\d+\]"):
            render(about)
        return
    page = render(about)
    assert modulo(loads(page)) == modulo(about)


@SETTINGS
@given(edited_pages())
def test_edited_real_pages_round_trip_or_are_refused_by_field(text: str) -> None:
    about = parse(text)
    if not isinstance(about, About) or any(d.severity == "error" for d in about.diagnostics):
        return
    try:
        page = render(about)
    except RenderError as error:
        refused: RenderError | None = error
    else:
        refused = None
        assert modulo(loads(page)) == modulo(about)
    assert refused is None or refused.field  # a refusal names the value it cannot write
