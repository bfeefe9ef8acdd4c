"""extract_people: groups opened by a heading or a bold label, their members and links, and institutions."""

from __future__ import annotations

import pytest

from lmsys_about._extract._context import Context, Record
from lmsys_about._extract.dispatch import extract
from lmsys_about._extract.labels import project_of
from lmsys_about._extract.people import extract_people

from .helpers import codes, run, sections


def _members(group: Record) -> list[str]:
    return [member["name"] for member in group["members"]]


def test_entries_before_any_label_join_the_headings_group() -> None:
    ctx = run(extract_people, "## Team\n\n[Ada Lovelace](https://ada.org/), Alan Turing\n")
    (group,) = ctx.groups
    assert (group["name"], group["project"], group["line"]) == ("Team", None, 1)
    assert group["members"] == [
        {"name": "Ada Lovelace", "url": "https://ada.org/", "notes": (), "line": 3},
        {"name": "Alan Turing", "url": None, "notes": (), "line": 3},
    ]
    assert ctx.diagnostics == []


def test_a_bold_label_opens_a_group() -> None:
    ctx = run(
        extract_people, "## Team\n\n**Leads**: Ada Lovelace, Alan Turing\n**Students** Grace Hopper, Edsger Dijkstra\n"
    )
    assert [(g["name"], g["line"], _members(g)) for g in ctx.groups] == [
        ("Leads", 3, ["Ada Lovelace", "Alan Turing"]),
        ("Students", 4, ["Grace Hopper", "Edsger Dijkstra"]),
    ]


def test_a_label_on_a_line_of_its_own_takes_the_lines_after_it() -> None:
    ctx = run(extract_people, "## Team\n\n**Emeriti**\nAda Lovelace\nAlan Turing\n")
    (group,) = ctx.groups
    assert (group["name"], group["line"], _members(group)) == ("Emeriti", 3, ["Ada Lovelace", "Alan Turing"])


def test_each_list_item_is_an_entry() -> None:
    ctx = run(extract_people, "## Advisors\n\n- [Ada Lovelace](https://ada.org/)\n- Alan Turing\n")
    assert [(m["name"], m["line"]) for m in ctx.groups[0]["members"]] == [("Ada Lovelace", 3), ("Alan Turing", 4)]


@pytest.mark.parametrize(
    ("label", "name", "project"),
    [
        ("**SGLang** major developers:", "SGLang major developers", "SGLang"),
        ("**FlashInfer**:", "FlashInfer", None),  # 'FlashInfer' or 'Engineering': the page must say it is a project
        ("**SGLang Team** (graduated):", "SGLang Team (graduated)", "SGLang"),
        ("**Student Team**:", "Student Team", None),  # generic words name no project
        ("**Emeriti**", "Emeriti", None),  # a label alone names no project
    ],
)
def test_a_label_may_name_the_groups_project(label: str, name: str, project: str | None) -> None:
    ctx = run(extract_people, f"## Team\n\n{label} Ada Lovelace, Alan Turing\n")
    assert [(g["name"], g["project"]) for g in ctx.groups] == [(name, project)]


@pytest.mark.parametrize(
    ("label", "project"),
    [
        ("SGLang Team", "SGLang"),
        ("FlashInfer (graduated)", "FlashInfer"),
        ("Vicuna developers", "Vicuna"),
        ("Student Team", None),
        ("Project members", None),
        ("SGLang major developers", "SGLang"),
        ("👥 Team", None),
        ("🚀 SGLang team", "SGLang"),
    ],
)
def test_project_of_a_label(label: str, project: str | None) -> None:
    assert project_of(label) == project


def test_a_heading_names_no_project_of_its_own() -> None:
    ctx = run(extract_people, "## SGLang Team\n\nAda Lovelace\n")
    assert [(g["name"], g["project"]) for g in ctx.groups] == [("SGLang Team", None)]


@pytest.mark.parametrize(
    ("page", "projects"),
    [
        ("## Engineering\nAda Lovelace, Bob Smith\n## Governing board\nCy Young, Dee Dee\n", [None, None]),
        ("## Project teams\n**FlashInfer**:\nAda Lovelace, Bob Smith\n", ["FlashInfer"]),
        ("## Team\n**Vicuna**:\nAda Lovelace, Bob Smith\n## Projects\n- [Vicuna](https://v.org)\n", ["Vicuna"]),
        ("## Engineering team\nAda Lovelace, Bob Smith\n## Projects\n- [Vicuna](https://v.org)\n", [None]),
    ],
)
def test_a_label_names_a_project_only_where_the_page_says_it_is_one(page: str, projects: list[str | None]) -> None:
    ctx = extract(sections(page))
    assert [g["project"] for g in ctx.groups] == projects


def test_a_label_taken_for_a_project_knocks_no_person_out() -> None:
    ctx = extract(sections("## Ada Lovelace\nBob Smith, Cy Young\n## Advisors\nAda Lovelace, Dee Dee\n"))
    assert [_members(g) for g in ctx.groups] == [["Bob Smith", "Cy Young"], ["Ada Lovelace", "Dee Dee"]]
    assert "doubtful-name" not in [code for code, _ in codes(ctx)]


@pytest.mark.parametrize(
    "item",
    [
        "- **Joseph E. Gonzalez**, UC Berkeley \u2014 [homepage](https://j.org/)",
        "- **Joseph E. Gonzalez** (UC Berkeley) \u2014 [homepage](https://j.org/)",
        "**Joseph E. Gonzalez** (UC Berkeley) \u2014 [homepage](https://j.org/)",
        "- Joseph E. Gonzalez, UC Berkeley \u2014 [homepage](https://j.org/)",
    ],
)
def test_a_bold_name_with_what_is_said_of_it_is_a_person(item: str) -> None:
    ctx = run(extract_people, f"## Advisors\n\n{item}\n- **Eric P. Xing**\n")
    assert [(g["name"], g["project"]) for g in ctx.groups] == [("Advisors", None)]
    assert [(m["name"], m["url"], m["notes"]) for m in ctx.groups[0]["members"]] == [
        ("Joseph E. Gonzalez", "https://j.org/", ("UC Berkeley",)),
        ("Eric P. Xing", None, ()),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Last updated: September 2025",
        "Interested in joining: [Open Positions](https://x.org/jobs)",
        "[Full Team Page](https://x.org/team) \u00b7 [Alumni Directory](https://x.org/alumni)",
        "To Be Announced",
        "Chair and Vice Chair",
        "In Memoriam",
        "- [LMSYS launches Chatbot Arena](https://x.org/a) \u2014 TechCrunch, May 2023",
    ],
)
def test_a_line_of_words_after_a_list_of_people_makes_no_person_and_is_reported(line: str) -> None:
    ctx = run(extract_people, f"## Advisors\n\n[Ada Lovelace](https://ada.org/), Bob Smith\n\n{line}\n")
    assert [_members(g) for g in ctx.groups] == [["Ada Lovelace", "Bob Smith"]]
    assert {code for code, line_number in codes(ctx) if line_number == 5} & {
        "doubtful-name",
        "unplaced-text",
        "unplaced-item",
    }


def test_a_remark_before_a_label_opens_the_labels_group() -> None:
    ctx = run(
        extract_people,
        "## Team\n\nAda Lovelace, Bob Smith\n\n**Note:** Emeritus advisors: [Cy Young](https://c.org).\n",
    )
    assert [(g["name"], g["project"], _members(g)) for g in ctx.groups] == [
        ("Team", None, ["Ada Lovelace", "Bob Smith"]),
        ("Emeritus advisors", None, ["Cy Young"]),
    ]
    assert ("unplaced-text", 5) in codes(ctx)


@pytest.mark.parametrize(
    "line",
    [
        "- [Ada Lovelace](https://ada.org/) ([GitHub](https://github.com/ada))",
        "- Ada Lovelace \u2014 [homepage](https://ada.org/) \u00b7 [GitHub](https://github.com/ada)",
        "| Name | Links |\n|---|---|\n| Ada Lovelace | [homepage](https://ada.org/), [GitHub](https://github.com/ada)",
    ],
)
def test_a_persons_second_link_to_github_gives_their_handle(line: str) -> None:
    from lmsys_about import loads

    about = loads(f"## Advisors\n\n{line}\n")
    assert [(p.name, p.url, p.github) for p in about.people] == [("Ada Lovelace", "https://ada.org/", "ada")]
    assert [link.url for g in about.groups for link in g.links] == ["https://github.com/ada"]


def test_marks_after_a_name_become_notes_from_the_legend() -> None:
    ctx = run(
        extract_people, "## Team\n\n[Ada Lovelace](https://ada.org/)\\*, Alan Turing \\*\n", legend={"*": "initiators"}
    )
    assert [(m["name"], m["notes"]) for m in ctx.groups[0]["members"]] == [
        ("Ada Lovelace", ("initiators",)),
        ("Alan Turing", ("initiators",)),
    ]
    assert ctx.diagnostics == []


def test_a_mark_without_a_legend_is_kept_as_itself_and_reported_once() -> None:
    ctx = run(extract_people, "## Team\n\nAda Lovelace ††, Alan Turing\n")
    assert ctx.groups[0]["members"][0]["notes"] == ("†", "†")
    assert codes(ctx) == [("unexplained-mark", 3)]
    assert "'†'" in ctx.diagnostics[0]["message"]


def test_a_marked_name_that_is_no_person_after_all_takes_its_mark_with_it() -> None:
    # 'Univ A' is found to be a founding institution only once the page is read: as a name that fails a rule at
    # once, its mark is no finding of its own.
    ctx = extract(
        sections(
            "Acme Labs (ACME) is a lab founded by faculty from Univ A and Univ B.\n\n"
            "## Team\n\nAda Lovelace*, Univ A\u2020, Alan Turing\n\n## People\n\nUniv B*, Grace Hopper\n"
        )
    )
    assert [_members(group) for group in ctx.groups] == [["Ada Lovelace", "Alan Turing"], ["Grace Hopper"]]
    known = "it names a project or sponsor of the page (known-entity)"
    assert [(d["code"], d["line"], d["message"]) for d in ctx.diagnostics if d["code"] != "unplaced-text"] == [
        ("unexplained-mark", 5, "mark '*' after 'Ada Lovelace' has no legend"),
        ("doubtful-name", 5, f"'Univ A' is not taken as a person: {known}"),
        ("doubtful-name", 9, f"'Univ B' is not taken as a person: {known}"),
    ]


@pytest.mark.parametrize("lead", ["Contact", "Questions"])
def test_a_lead_of_where_to_write_opens_no_group(lead: str) -> None:
    ctx = run(extract_people, f"## Team\n\nAda Lovelace, Alan Turing\n{lead}: [Jane Doe](https://jane.example/)\n")
    assert [(g["name"], _members(g)) for g in ctx.groups] == [("Team", ["Ada Lovelace", "Alan Turing"])]
    assert [link["url"] for g in ctx.groups for link in g["links"]] == ["https://jane.example/"]
    assert codes(ctx) == [("unplaced-text", 4)]


def test_a_filler_word_before_a_link_opens_a_sentence_not_a_list() -> None:
    # 'and more' after names says the list goes on; 'More' right before a link is a sentence's first word.
    sentence = "More <https://x.example/> [Donate](https://x.example/d)."
    ctx = run(extract_people, f"## Team\n\n{sentence}\n\nAda, Grace, and more\n")
    assert [_members(g) for g in ctx.groups] == [["Ada", "Grace"]]
    assert codes(ctx) == [("unplaced-text", 3)]


def test_a_name_listed_twice_in_a_group_is_reported_and_kept_once() -> None:
    ctx = run(extract_people, "## Team\n\nAda Lovelace, Alan Turing\nADA LOVELACE\n")
    assert _members(ctx.groups[0]) == ["Ada Lovelace", "Alan Turing"]
    assert codes(ctx) == [("duplicate-member", 4)]


def test_a_name_may_be_in_two_groups() -> None:
    ctx = run(extract_people, "## Team\n\n**Leads**: Ada Lovelace\n\n**Advisors**: Ada Lovelace, Alan Turing\n")
    assert [_members(g) for g in ctx.groups] == [["Ada Lovelace"], ["Ada Lovelace", "Alan Turing"]]
    assert ctx.diagnostics == []


def test_an_unsafe_member_url_is_reported_and_the_member_kept_without_it() -> None:
    ctx = run(extract_people, "## Team\n\n[Ada Lovelace](javascript:alert(1)), Alan Turing\n")
    assert [(m["name"], m["url"]) for m in ctx.groups[0]["members"]] == [("Ada Lovelace", None), ("Alan Turing", None)]
    assert codes(ctx) == [("unsafe-url", 3)]


def test_a_link_in_a_sentence_after_a_label_is_the_groups_link() -> None:
    ctx = run(
        extract_people, "## Team\n\n**SGLang**: see the [SGLang GitHub](https://github.com/sgl-project) for more.\n"
    )
    (group,) = ctx.groups
    assert group["members"] == []
    assert group["links"] == [{"label": "SGLang GitHub", "url": "https://github.com/sgl-project", "line": 3}]
    assert ctx.links == []


def test_a_link_in_a_sentence_before_any_label_is_a_page_link() -> None:
    ctx = run(extract_people, "## Team\n\nSee the [team page](https://x.org/team) for more.\n")
    assert ctx.groups == []
    assert ctx.links == [{"label": "team page", "url": "https://x.org/team", "line": 3}]


@pytest.mark.parametrize("url", ["javascript:x", ""])
def test_a_group_link_that_cannot_be_kept_is_reported(url: str) -> None:
    ctx = run(extract_people, f"## Team\n\n**Leads**: see [the site]({url})\n")
    assert ctx.groups[0]["links"] == []
    assert ("unplaced-link", 3) in codes(ctx)


@pytest.mark.parametrize(
    ("markdown", "code", "line"),
    [
        ("## Team\n\nsome words about the team\n", "unplaced-text", 3),
        ("## Team\n\nAda Lovelace, Alan Turing, and friends of ours\n", "unplaced-text", 3),
        ("## Team\n\n- Ada Lovelace\n- and many more\n", "unplaced-item", 4),
    ],
)
def test_a_line_that_is_not_a_list_of_names_is_reported_not_guessed(markdown: str, code: str, line: int) -> None:
    ctx = run(extract_people, markdown)
    assert all("friends" not in m["name"] and "more" not in m["name"] for g in ctx.groups for m in g["members"])
    assert codes(ctx) == [(code, line)]


def test_a_legend_line_is_no_entry_but_its_links_are_kept() -> None:
    ctx = run(
        extract_people,
        '## Team\n\n\\"\\*" denotes [initiators](https://x.org/i)\nAda Lovelace\\*\n',
        legend={"*": "initiators"},
    )
    assert [(m["name"], m["notes"], m["line"]) for m in ctx.groups[0]["members"]] == [
        ("Ada Lovelace", ("initiators",), 4)
    ]
    assert ctx.links == [{"label": "initiators", "url": "https://x.org/i", "line": 3}]


@pytest.mark.parametrize("heading", ["Institutions", "Affiliations"])
def test_an_institutions_heading_lists_institutions_not_people(heading: str) -> None:
    ctx = run(extract_people, f"## {heading}\n\nUC Berkeley, Stanford\n")
    assert ctx.groups == []
    assert ctx.labelled_institutions == [
        {"name": "UC Berkeley", "notes": (), "line": 3},
        {"name": "Stanford", "notes": (), "line": 3},
    ]


def test_an_institutions_label_lists_institutions_until_the_next_label() -> None:
    ctx = run(extract_people, "## Team\n\n**Institutions**: UC Berkeley, Stanford\n**Members**: Ada Lovelace\n")
    assert [i["name"] for i in ctx.labelled_institutions] == ["UC Berkeley", "Stanford"]
    assert [(g["name"], _members(g)) for g in ctx.groups] == [("Members", ["Ada Lovelace"])]


def test_a_heading_with_institution_and_role_words_is_a_group_of_people() -> None:
    ctx = run(extract_people, "## Institutions and members\n\nAda Lovelace\n")
    assert ctx.labelled_institutions == []
    assert _members(ctx.groups[0]) == ["Ada Lovelace"]


def test_an_institutions_link_is_reported_not_kept() -> None:
    ctx = run(extract_people, "## Institutions\n\n[UCSD](https://ucsd.edu), CMU \\*\n", legend={"*": "hosts"})
    assert ctx.labelled_institutions == [
        {"name": "UCSD", "notes": (), "line": 3},
        {"name": "CMU", "notes": ("hosts",), "line": 3},
    ]
    assert codes(ctx) == [("unplaced-link", 3)]
    assert "https://ucsd.edu" in ctx.diagnostics[0]["message"]


def test_lines_count_from_the_original_file() -> None:
    ctx = run(extract_people, "## Team\n\n**Leads**: Ada Lovelace\nAda Lovelace\n", line_offset=10)
    (group,) = ctx.groups
    assert (group["line"], group["members"][0]["line"]) == (13, 13)
    assert codes(ctx) == [("duplicate-member", 14)]


def test_a_single_name_after_a_label_ending_in_a_colon_is_its_member() -> None:
    ctx = run(extract_people, "## Team\n\n**Advisors:** Ion Stoica\n")
    assert [(g["name"], _members(g)) for g in ctx.groups] == [("Advisors", ["Ion Stoica"])]


def _notes(ctx: Context) -> list[tuple[str, str, list[str]]]:
    return [(g["name"], m["name"], m["notes"]) for g in ctx.groups for m in g["members"]]


ADA, BOB = "[Ada Lovelace](https://a.org/)", "[Bob Smith](https://b.org/)"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (f"- {ADA}, UC Berkeley", ["Ada Lovelace: UC Berkeley"]),
        ("- Eric Xing, MBZUAI", ["Eric Xing: MBZUAI"]),
        (f"- {ADA} \u2014 Co-founder and President", ["Ada Lovelace: Co-founder and President"]),
        ("- Ion Stoica \u2013 UC Berkeley, EECS", ["Ion Stoica: UC Berkeley, EECS"]),
        (f"{ADA} - ETH, {BOB} - CMU", ["Ada Lovelace: ETH", "Bob Smith: CMU"]),
        (f"{ADA}, Ph.D., Eric P. Xing, Jr.", ["Ada Lovelace: Ph.D.", "Eric P. Xing: Jr."]),
        (f"{ADA}, \u90d1\u601c\u60af, and {BOB}", ["Ada Lovelace", "\u90d1\u601c\u60af", "Bob Smith"]),
        ("Alumni: Zhuohan Li, Zi Lin", ["Alumni/Zhuohan Li", "Alumni/Zi Lin"]),
        ("**Lianmin Zheng**, **Ying Sheng**", ["Lianmin Zheng", "Ying Sheng"]),
    ],
)
def test_what_follows_a_name_is_said_of_it_not_another_person(line: str, expected: list[str]) -> None:
    ctx = run(extract_people, f"## Team\n\n{line}\n")
    found = []
    for group, name, notes in _notes(ctx):
        where = "" if group == "Team" else f"{group}/"
        found.append(f"{where}{name}: {'; '.join(notes)}" if notes else f"{where}{name}")
    assert found == expected
    assert ctx.diagnostics == []


def test_a_bold_remark_opens_no_group() -> None:
    ctx = run(extract_people, "## Team\n\n**Note:** listed in alphabetical order.\n[Ada Lovelace](https://ada.org/)\n")
    assert _notes(ctx) == [("Team", "Ada Lovelace", ())]
    assert codes(ctx) == [("unplaced-text", 3)]


def test_a_name_that_is_an_organisation_is_reported_not_a_person() -> None:
    ctx = run(extract_people, "## Team\n\nAda Lovelace, Stanford University, Bell Labs\n")
    assert _notes(ctx) == [("Team", "Ada Lovelace", ())]
    assert [code for code, _ in codes(ctx)] == ["doubtful-name", "doubtful-name"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Prof. [Ion Stoica](https://i.org/), Dr. [Eric Xing](https://e.org/)",
            ["Ion Stoica: Prof.", "Eric Xing: Dr."],
        ),
        ("[Ion Stoica](https://i.org/), [Hao Zhang](https://h.org/), et al.", ["Ion Stoica", "Hao Zhang"]),
        ("[Ion Stoica](https://i.org/), and many others.", ["Ion Stoica"]),
        ("[Lianmin Zheng (President)](https://l.org/)", ["Lianmin Zheng: President"]),
    ],
)
def test_titles_fillers_and_notes_in_a_link_are_no_people(line: str, expected: list[str]) -> None:
    ctx = run(extract_people, f"## Team\n\n{line}\n")
    assert [f"{n}: {'; '.join(notes)}" if notes else n for _, n, notes in _notes(ctx)] == expected
    assert ctx.diagnostics == []


def test_decoration_around_names_is_neither_a_name_nor_a_doubt() -> None:
    ctx = run(extract_people, "## Team\n\n~~[Zi Lin](https://z.org/)~~, [Ada Lovelace](https://a.org/) \u2192\n")
    assert [name for _, name, _ in _notes(ctx)] == ["Zi Lin", "Ada Lovelace"]
    assert ctx.diagnostics == []


@pytest.mark.parametrize(
    "markdown",
    [
        "- **Ada Lovelace** \u2014 [homepage](https://ada.example.org/)\n- **Grace Hopper** - [GitHub](https://github.com/gh)\n",
        "- Ada Lovelace \u2014 [homepage](https://ada.example.org/)\n- Grace Hopper: [GitHub](https://github.com/gh)\n",
        "Ada Lovelace ([website](https://ada.example.org/)), Grace Hopper ([profile](https://github.com/gh))\n",
        "1. **Ada Lovelace**: [Homepage](https://ada.example.org/)\n2. Grace Hopper | [GitHub](https://github.com/gh)\n",
    ],
)
def test_a_name_with_a_labelled_link_is_a_person_with_that_url(markdown: str) -> None:
    ctx = run(extract_people, f"## Members\n\n{markdown}")
    assert [(g["name"], [(m["name"], m["url"]) for m in g["members"]]) for g in ctx.groups] == [
        ("Members", [("Ada Lovelace", "https://ada.example.org/"), ("Grace Hopper", "https://github.com/gh")])
    ]
    assert ctx.diagnostics == []


def test_more_labelled_links_are_the_groups_and_a_bold_name_alone_is_a_person() -> None:
    markdown = (
        "## Members\n\n- **Ada Lovelace** \u2014 [homepage](https://a.org/) \u00b7 [Scholar](https://s.org/a)\n"
        "- **Alan Turing**\n"
    )
    ctx = run(extract_people, markdown)
    (group,) = ctx.groups
    assert [(m["name"], m["url"]) for m in group["members"]] == [
        ("Ada Lovelace", "https://a.org/"),
        ("Alan Turing", None),
    ]
    assert [link["url"] for link in group["links"]] == ["https://s.org/a"]


@pytest.mark.parametrize("mark", ["\u2020", "\u2021", "\u00a7", "\u00b9", "[^1]"])
def test_a_mark_explained_after_the_names_is_a_note_never_a_name(mark: str) -> None:
    markdown = f"## Members\n\n[Ada](https://a.org/){mark}, [Bob Stone](https://b.org/){mark}\n\n{mark} Co-founders.\n"
    ctx = extract(sections(markdown))
    assert [(m["name"], m["notes"]) for m in ctx.groups[0]["members"]] == [
        ("Ada", ("Co-founders",)),
        ("Bob Stone", ("Co-founders",)),
    ]
    assert [d["code"] for d in ctx.diagnostics] == []


@pytest.mark.parametrize(
    "label",
    ["Advisors:", "**Advisors**", "**Advisors:**", "**\U0001f393 Advisors**", "Advisors \u2728:"],
)
def test_a_label_on_its_own_line_opens_its_group_emoji_aside(label: str) -> None:
    ctx = run(extract_people, f"## Members\n\n{label}\n[Ada Lovelace](https://a.org/), Bob Smith\n")
    assert [(g["name"], [m["name"] for m in g["members"]]) for g in ctx.groups] == [
        ("Advisors", ["Ada Lovelace", "Bob Smith"])
    ]


def test_a_heading_with_emoji_names_its_group_without_them() -> None:
    ctx = run(extract_people, "## \U0001f9d1\u200d\U0001f52c Faculty \u2728\n\nGrace Hopper\n")
    assert [g["name"] for g in ctx.groups] == ["Faculty"]


def test_a_bold_name_with_a_note_and_a_labelled_link_is_a_person_not_a_label() -> None:
    ctx = run(
        extract_people, "## Officers\n\n- **Grace Hopper** (President) \u2014 [GitHub](https://github.com/gh)\n- Ada\n"
    )
    assert [(g["name"], [(m["name"], m["url"], m["notes"]) for m in g["members"]]) for g in ctx.groups] == [
        ("Officers", [("Grace Hopper", "https://github.com/gh", ("President",)), ("Ada", None, ())])
    ]


@pytest.mark.parametrize(
    ("names", "legend"),
    [
        (
            "[Ada Lovelace](https://ada.org/)\u2020, [Bob Smith](https://bob.org/)\u2021",
            "\u2020Co-founder; \u2021Emeritus.",
        ),
        (
            "[Ada Lovelace](https://ada.org/)\u00b9, [Bob Smith](https://bob.org/)\u00b2",
            "\u00b9 Co-founder \u00b2 Emeritus",
        ),
        (
            "[Ada Lovelace](https://ada.org/)<sup>1</sup>, [Bob Smith](https://bob.org/)<sup>2</sup>",
            "<sup>1</sup> Co-founder <sup>2</sup> Emeritus",
        ),
        (
            "[Ada Lovelace](https://ada.org/)<sup>\u2020</sup>, Bob Smith<sup>\u2021</sup>",
            "\u2020 Co-founder, \u2021 Emeritus",
        ),
    ],
)
def test_each_mark_of_a_legend_line_gives_its_persons_note(names: str, legend: str) -> None:
    from lmsys_about import loads

    about = loads(f"## Team\n\n{names}\n\n{legend}\n")
    assert [(p.name, p.notes) for p in about.people] == [
        ("Ada Lovelace", ("Co-founder",)),
        ("Bob Smith", ("Emeritus",)),
    ]
    assert [d.code for d in about.diagnostics if d.code in ("doubtful-name", "unexplained-mark")] == []


@pytest.mark.parametrize(
    ("items", "notes"),
    [
        ("1. [Ada Lovelace](https://a.org)\n   - Director, UC Berkeley\n2. [Bob Smith](https://b.org)\n   - Advisor\n",
         [("Director, UC Berkeley",), ("Advisor",)]),
        ("- Ada Lovelace\n  - Stanford University\n  - Emerita\n- Bob Smith\n", [("Stanford University", "Emerita"),
                                                                                 ()]),
    ],
)  # fmt: skip
def test_items_under_a_persons_item_that_name_no_one_are_the_persons_notes(items: str, notes: list[tuple[str]]) -> None:
    from lmsys_about import loads

    from ..accounting import unaccounted

    text = f"## Team\n\n{items}"
    about = loads(text)
    assert [(g.name, [m.name for m in g.members]) for g in about.groups] == [("Team", ["Ada Lovelace", "Bob Smith"])]
    assert [p.notes for p in about.people] == notes
    assert unaccounted(text.encode(), about) == []


def test_items_that_name_people_under_an_item_are_its_team() -> None:
    ctx = run(extract_people, "## Members\n\n- SGLang\n  - Ada Lovelace\n  - Bob Smith\n")
    assert [(g["name"], _members(g)) for g in ctx.groups] == [("SGLang", ["Ada Lovelace", "Bob Smith"])]


def test_a_table_whose_first_row_names_no_column_is_reported_with_its_links() -> None:
    from lmsys_about import loads

    from ..accounting import unaccounted

    text = (
        "## Members\n\n| Ada Lovelace | Director | [homepage](https://ada.org/) |\n|---|---|---|\n"
        "| Name | Role | Link |\n| Bob Smith | Advisor | |\n"
    )
    about = loads(text)
    assert about.people == []
    assert [(d.code, d.line) for d in about.diagnostics if d.code == "unplaced-row"] == [
        ("unplaced-row", 3),
        ("unplaced-row", 5),
        ("unplaced-row", 6),
    ]
    assert unaccounted(text.encode(), about) == []


def test_a_project_label_takes_the_link_of_its_own_line_only() -> None:
    from lmsys_about import loads

    from ..accounting import unaccounted

    text = "## Members\n\n- Widget Arena (graduated)\n  - See [the arena blog](https://blog.arena.example.org/)\n"
    about = loads(text)
    assert [(p.name, p.url, p.status) for p in about.history.projects] == [("Widget Arena", None, "graduated")]
    assert [(link.url, link.line) for link in about.links] == [("https://blog.arena.example.org/", 4)]
    assert unaccounted(text.encode(), about) == []
