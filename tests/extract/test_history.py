"""extract_history: dated sentences as events, a founding sentence's institutions, and list items as projects."""

from __future__ import annotations

import pytest

from lmsys_about._extract.history import extract_history

from .helpers import codes, run


@pytest.mark.parametrize(
    ("sentence", "year", "month"),
    [
        ("It was established in September 2024.", 2024, 9),
        ("It opened on march 2023.", 2023, 3),  # month names in any case
        ("It grew during 2021 and again in 2022.", 2021, None),  # the first date of a sentence
    ],
)
def test_a_dated_sentence_is_an_event(sentence: str, year: int, month: int | None) -> None:
    ctx = run(extract_history, f"## History\n\n{sentence}\n")
    assert ctx.events == [{"year": year, "month": month, "day": None, "text": sentence, "line": 3}]


@pytest.mark.parametrize(
    ("sentence", "year", "month"),
    [
        ("2024-09: Incorporated as a non-profit.", 2024, 9),
        ("March 2023: Vicuna was released.", 2023, 3),
        ("2021 \u2014 It was formed.", 2021, None),
    ],
)
def test_a_sentence_that_opens_with_a_date_is_an_event(sentence: str, year: int, month: int | None) -> None:
    ctx = run(extract_history, f"## History\n\nIt grew. {sentence}\n")
    assert ctx.events == [{"year": year, "month": month, "day": None, "text": sentence, "line": 3}]


@pytest.mark.parametrize(
    "sentence",
    [
        "It has 2024 members.",
        "It began in 1850.",
        "It began in 20245.",
        "2000 GPUs were given.",  # a year alone, with no colon, comma or dash after it, may be a count
        "2024-13: No such month.",
        "2024-09:",  # a date with nothing that happened
    ],
)
def test_a_sentence_without_a_date_is_no_event(sentence: str) -> None:
    assert run(extract_history, f"## History\n\n{sentence}\n").events == []


def test_each_sentence_is_its_own_event_on_the_line_it_starts() -> None:
    ctx = run(extract_history, "## History\n\nIt began in 2023. It was established as a\ncorporation in May 2024.\n")
    assert [(e["year"], e["line"]) for e in ctx.events] == [(2023, 3), (2024, 3)]
    ctx = run(extract_history, "## History\n\nIt began in 2023.\nIt grew in 2024.\n")
    assert [(e["year"], e["line"]) for e in ctx.events] == [(2023, 3), (2024, 4)]


def test_an_event_text_is_plain_and_its_links_are_page_links() -> None:
    ctx = run(extract_history, "## History\n\nWe wrote a [blog](https://b.org) in 2023.\n")
    assert ctx.events[0]["text"] == "We wrote a blog in 2023."
    assert ctx.links == [{"label": "blog", "url": "https://b.org", "line": 3}]


def test_a_founding_sentence_names_its_institutions() -> None:
    ctx = run(
        extract_history,
        "## History\n\nLMSYS originated from a multi-university collaboration involving UC Berkeley, Stanford,\n"
        "UCSD\\*, CMU, and MBZUAI in 2023.\n",
        legend={"*": "hosts"},
    )
    assert ctx.founding_institutions == [
        {"name": "UC Berkeley", "notes": (), "line": 3},
        {"name": "Stanford", "notes": (), "line": 3},
        {"name": "UCSD", "notes": ("hosts",), "line": 3},
        {"name": "CMU", "notes": (), "line": 3},
        {"name": "MBZUAI", "notes": (), "line": 3},
    ]


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("It was founded by faculty from UC Berkeley and Stanford.", ["UC Berkeley", "Stanford"]),
        (
            "It was founded in 2020 by people from UC Berkeley in collaboration with Stanford.",
            ["UC Berkeley", "Stanford"],
        ),
        ("It was created by students from UCSD, the best of them.", ["UCSD"]),  # what is no name is left out
    ],
)
def test_the_institutions_follow_from_or_involving(sentence: str, names: list[str]) -> None:
    ctx = run(extract_history, f"## History\n\n{sentence}\n")
    assert [i["name"] for i in ctx.founding_institutions] == names


@pytest.mark.parametrize(
    "sentence",
    [
        "It was founded by the faculty of several schools.",  # no list of names
        "We hired people from UC Berkeley and Stanford.",  # no founding word
        "It was refounded by people from UC Berkeley.",  # founding words count as whole words only
    ],
)
def test_a_sentence_that_names_no_founding_institutions_gives_none(sentence: str) -> None:
    assert run(extract_history, f"## History\n\n{sentence}\n").founding_institutions == []


def test_the_last_paragraph_that_names_founding_institutions_gives_them() -> None:
    ctx = run(
        extract_history,
        "## History\n\nIt was founded by people from Alpha.\n\nIt was founded by people from Beta.\n\nNothing here.\n",
    )
    assert ctx.founding_institutions == [{"name": "Beta", "notes": (), "line": 5}]


def test_a_linked_item_is_a_project() -> None:
    ctx = run(extract_history, "## Projects\n\n- [Chatbot Arena](https://lmarena.ai), [Vicuna](https://x.org/v)\n")
    assert ctx.projects == [
        {"name": "Chatbot Arena", "url": "https://lmarena.ai", "status": None, "line": 3},
        {"name": "Vicuna", "url": "https://x.org/v", "status": None, "line": 3},
    ]


@pytest.mark.parametrize(
    ("item", "name", "status"),
    [
        ("[Chatbot Arena (graduated)](https://lmarena.ai)", "Chatbot Arena", "graduated"),
        ("Vicuna (graduated).", "Vicuna", "graduated"),
        ("FastChat  ( active )", "FastChat", "active"),
        ("SGLang", "SGLang", None),
    ],
)
def test_a_project_status_in_parentheses(item: str, name: str, status: str | None) -> None:
    ctx = run(extract_history, f"## Projects\n\n- {item}\n")
    assert [(p["name"], p["status"]) for p in ctx.projects] == [(name, status)]


def test_an_unsafe_project_url_is_reported_and_the_project_kept_without_it() -> None:
    ctx = run(extract_history, "## Projects\n\n- [Vicuna](javascript:x)\n")
    assert [(p["name"], p["url"]) for p in ctx.projects] == [("Vicuna", None)]
    assert codes(ctx) == [("unsafe-url", 3)]


def test_an_item_that_names_no_project_is_reported() -> None:
    ctx = run(extract_history, "## Projects\n\n- SGLang\n- a fast serving engine for all of us\n")
    assert [p["name"] for p in ctx.projects] == ["SGLang"]
    assert codes(ctx) == [("unplaced-item", 4)]


def test_lines_count_from_the_original_file() -> None:
    ctx = run(extract_history, "## History\n\nIt began in 2023.\n\n- Vicuna\n", line_offset=20)
    assert (ctx.events[0]["line"], ctx.projects[0]["line"]) == (23, 25)


@pytest.mark.parametrize(
    ("item", "projects"),
    [
        ("SGLang, FastChat", [("SGLang", None), ("FastChat", None)]),
        ("Vicuna (graduated), SGLang and FastChat.", [("Vicuna", "graduated"), ("SGLang", None), ("FastChat", None)]),
        ("Chatbot Arena, and Vicuna", [("Chatbot Arena", None), ("Vicuna", None)]),  # an Oxford comma
    ],
)
def test_a_plain_item_naming_several_projects_gives_each(item: str, projects: list[tuple[str, str | None]]) -> None:
    ctx = run(extract_history, f"## Projects\n\n- {item}\n")
    assert [(p["name"], p["status"], p["line"]) for p in ctx.projects] == [(n, s, 3) for n, s in projects]
    assert ctx.diagnostics == []


@pytest.mark.parametrize(
    "item",
    [
        "SGLang, a fast serving engine",  # one part is no name: none is taken
        "SGLang; FastChat",  # a separator that a project's name never holds
        "2023",  # a year alone names nothing
    ],
)
def test_a_plain_item_with_a_part_that_is_no_name_is_reported_whole(item: str) -> None:
    ctx = run(extract_history, f"## Projects\n\n- {item}\n")
    assert (ctx.projects, ctx.events) == ([], [])
    assert codes(ctx) == [("unplaced-item", 3)]


def test_a_line_beside_the_projects_of_its_item_that_names_none_is_reported() -> None:
    ctx = run(extract_history, "## Projects\n\n- a fast engine\n  SGLang\n")
    assert [p["name"] for p in ctx.projects] == ["SGLang"]
    assert codes(ctx) == [("unplaced-text", 3)]


@pytest.mark.parametrize(
    ("after", "status"),
    [
        (" — incubating", "incubating"),
        (": archived", "archived"),
        (" - no longer maintained.", "no longer maintained"),
        (" \u2013 work-in-progress", "work-in-progress"),
        (" (graduated)", "graduated"),  # the form in parentheses still reads
    ],
)
def test_a_short_status_after_a_dash_or_colon(after: str, status: str) -> None:
    ctx = run(extract_history, f"## Projects\n\n- [SGLang](https://github.com/sgl-project/sglang){after}\n")
    assert [(p["name"], p["url"], p["status"]) for p in ctx.projects] == [
        ("SGLang", "https://github.com/sgl-project/sglang", status)
    ]
    assert ctx.diagnostics == []


@pytest.mark.parametrize(
    "after",
    [
        " — a fast serving engine for large models",  # more than three words
        ": fast, small",  # a comma: a description, not a status
        " - a serving engine",  # an article opens a description
        ": archived. Use SGLang instead.",  # a second sentence
        " is our serving engine",  # no dash nor colon
    ],
)
def test_a_longer_text_after_a_link_is_no_status_and_is_reported(after: str) -> None:
    ctx = run(extract_history, f"## Projects\n\n- [SGLang](https://s.org){after}\n")
    assert [(p["name"], p["status"]) for p in ctx.projects] == [("SGLang", None)]
    assert codes(ctx) == [("unplaced-text", 3)]
    assert after.strip() in ctx.diagnostics[0]["message"]


def test_the_statuses_of_several_links_on_one_line_are_reported_not_read() -> None:
    ctx = run(
        extract_history, "## Projects\n\n- [A](https://a.org) (graduated), [B](https://b.org) and [C](https://c.org)\n"
    )
    assert [(p["name"], p["status"]) for p in ctx.projects] == [("A", None), ("B", None), ("C", None)]
    assert codes(ctx) == [("unplaced-text", 3)]


@pytest.mark.parametrize(
    "sentence",
    [
        "It was incorporated on September 23, 2024.",
        "It was incorporated on 23 September 2024.",
        "It was incorporated on Sept. 23rd, 2024.",
        "It was incorporated on 2024-09-23.",
        "2024-09-23: Incorporated.",
        "September 23, 2024: Incorporated.",
    ],
)
def test_a_day_is_kept_where_the_page_gives_one(sentence: str) -> None:
    ctx = run(extract_history, f"## History\n\n{sentence}\n")
    assert [(e["year"], e["month"], e["day"]) for e in ctx.events] == [(2024, 9, 23)]


@pytest.mark.parametrize("sentence", ["It was incorporated in Sept. 2024.", "It was incorporated in 2024-09."])
def test_a_month_is_the_same_in_any_spelling(sentence: str) -> None:
    ctx = run(extract_history, f"## History\n\n{sentence}\n")
    assert [(e["year"], e["month"], e["day"]) for e in ctx.events] == [(2024, 9, None)]


@pytest.mark.parametrize(
    ("item", "year", "month", "text"),
    [
        (
            "**2023** — LMSYS was formed by researchers from UC Berkeley.",
            2023,
            None,
            "2023 — LMSYS was formed by researchers from UC Berkeley.",
        ),
        ("2024-09: Incorporated as a non-profit.", 2024, 9, "2024-09: Incorporated as a non-profit."),
        ("2024-09: Incorporated.", 2024, 9, "2024-09: Incorporated."),
        ("March 2023: Vicuna released.", 2023, 3, "March 2023: Vicuna released."),
        ("march 2023, Vicuna", 2023, 3, "march 2023, Vicuna"),  # no project 'march 2023, Vicuna'
        ("Vicuna was released in March 2023.", 2023, 3, "Vicuna was released in March 2023."),
    ],
)
def test_a_dated_item_is_an_event(item: str, year: int, month: int | None, text: str) -> None:
    ctx = run(extract_history, f"## History\n\n- {item}\n")
    assert ctx.events == [{"year": year, "month": month, "day": None, "text": text, "line": 3}]
    assert ctx.projects == []
    assert ctx.diagnostics == []


def test_a_link_in_a_dated_item_is_still_a_project() -> None:
    ctx = run(
        extract_history, "## History\n\n- In March 2023, [Vicuna](https://lmsys.org/blog/vicuna/) was released.\n"
    )
    assert ctx.events == [
        {"year": 2023, "month": 3, "day": None, "text": "In March 2023, Vicuna was released.", "line": 3}
    ]
    assert ctx.projects == [{"name": "Vicuna", "url": "https://lmsys.org/blog/vicuna/", "status": None, "line": 3}]
    assert ctx.diagnostics == []  # the text around the link is the event's


def test_a_project_item_that_names_a_date_gives_both() -> None:
    ctx = run(extract_history, "## Projects\n\n- Vicuna (since 2023)\n")
    assert [(p["name"], p["status"]) for p in ctx.projects] == [("Vicuna", None)]  # more than a word is no status
    assert [(e["year"], e["text"]) for e in ctx.events] == [(2023, "Vicuna (since 2023)")]


@pytest.mark.parametrize(
    "item",
    [
        "2024-13: a thirteenth month",  # no such month
        "20245: too many digits",
        "2023",  # a date with nothing that happened
        "It grew a lot that year.",
    ],
)
def test_an_item_that_is_neither_project_nor_event_is_reported(item: str) -> None:
    ctx = run(extract_history, f"## History\n\n- {item}\n")
    assert (ctx.projects, ctx.events) == ([], [])
    assert codes(ctx) == [("unplaced-item", 3)]


def test_dated_items_and_project_items_keep_their_own_kind() -> None:
    ctx = run(
        extract_history,
        "## History\n\nIt began in 2023.\n\n- 2024-09: Incorporated.\n- [SGLang](https://s.org)\n- FastChat\n",
    )
    assert [(e["year"], e["line"]) for e in ctx.events] == [(2023, 3), (2024, 5)]
    assert [(p["name"], p["line"]) for p in ctx.projects] == [("SGLang", 6), ("FastChat", 7)]
    assert ctx.diagnostics == []


@pytest.mark.parametrize(
    ("text", "year", "month"),
    [("Sep 2024: moved to SF.", 2024, 9), ("Incorporated in Sept. 2024.", 2024, 9), ("Released on Jun 2023.", 2023, 6)],
)
def test_a_shortened_month_is_a_month(text: str, year: int, month: int) -> None:
    ctx = run(extract_history, f"## History\n\n{text}\n")
    assert [(e["year"], e["month"]) for e in ctx.events] == [(year, month)]


def test_a_status_with_a_description_after_it_keeps_the_status_and_reports_the_description() -> None:
    ctx = run(extract_history, "## Projects\n\n- [Arena](https://a.example/) (graduated): crowdsourced evaluation\n")
    assert [(p["name"], p["status"]) for p in ctx.projects] == [("Arena", "graduated")]
    assert codes(ctx) == [("unplaced-text", 3)]


def test_projects_named_in_a_sentence_about_projects_are_projects() -> None:
    ctx = run(
        extract_history,
        "## History\n\nIts flagship projects include [SGLang](https://s.example/) and [Vicuna](https://v.example/) "
        "(archived).\nSee [the blog](https://b.example/) and [the paper](https://p.example/).\n",
    )
    assert [(p["name"], p["status"], p["line"]) for p in ctx.projects] == [
        ("SGLang", None, 3),
        ("Vicuna", "archived", 3),
    ]
    assert [link["label"] for link in ctx.links] == ["the blog", "the paper"]


@pytest.mark.parametrize(
    "item",
    [
        "- [Chatbot Arena](https://lmarena.ai/) (graduated)",
        "- **Chatbot Arena** (graduated): [lmarena.ai](https://lmarena.ai/)",
        "- **Chatbot Arena** (graduated): [website](https://lmarena.ai/)",
        "- Chatbot Arena (graduated) — <https://lmarena.ai/>",
        "- Chatbot Arena (graduated): [https://lmarena.ai/](https://lmarena.ai/)",
    ],
)
def test_a_project_named_before_a_link_that_names_nothing_is_named_as_written(item: str) -> None:
    ctx = run(extract_history, f"## Projects\n\n{item}\n")
    assert [(p["name"], p["url"], p["status"]) for p in ctx.projects] == [
        ("Chatbot Arena", "https://lmarena.ai/", "graduated")
    ]
    assert ctx.diagnostics == []


@pytest.mark.parametrize(
    ("item", "status", "said"),
    [
        ("- [SGLang](https://x.example/s) (active)", "active", None),
        ("- [SGLang](https://x.example/s) [archived]", "archived", None),
        ("- [SGLang](https://x.example/s) (now under the Linux Foundation)", None, "unplaced-text"),
        ("- [SGLang](https://x.example/s) (deprecated, 2024)", None, "unplaced-text"),
        ("- SGLang (deprecated, 2024)", None, "unplaced-text"),
        ("- [SGLang](https://x.example/s) (archived 2024)", None, "unplaced-text"),  # a year alone is no date
    ],
)
def test_a_status_is_one_word_in_brackets_and_more_words_are_reported(
    item: str, status: str | None, said: str | None
) -> None:
    ctx = run(extract_history, f"## Projects\n\n{item}\n")
    assert [(p["name"], p["status"]) for p in ctx.projects] == [("SGLang", status)]
    assert [code for code, _ in codes(ctx)] == ([said] if said else [])


@pytest.mark.parametrize(
    ("item", "url", "date"),
    [
        ("- [Chatbot Arena](https://lmarena.ai/) (graduated in 2025)", "https://lmarena.ai/", (2025, None, None)),
        ("- [Chatbot Arena](https://lmarena.ai/) [graduated in March 2025]", "https://lmarena.ai/", (2025, 3, None)),
        ("- [Chatbot Arena (graduated on 2025-03-01)](https://lmarena.ai/)", "https://lmarena.ai/", (2025, 3, 1)),
        ("- **Chatbot Arena** (graduated in 2025): [GitHub](https://a.ai/)", "https://a.ai/", (2025, None, None)),
        ("- Chatbot Arena (graduated September 2025) \u2014 <https://a.ai/>", "https://a.ai/", (2025, 9, None)),
        ("- Chatbot Arena (graduated in 2025)", None, (2025, None, None)),
        ("- [Chatbot Arena](https://lmarena.ai/) \u2014 graduated in 2025", "https://lmarena.ai/", (2025, None, None)),
        ("- [Chatbot Arena](https://lmarena.ai/): graduated in March 2025.", "https://lmarena.ai/", (2025, 3, None)),
    ],
)
def test_a_status_and_the_date_it_was_taken_give_the_status_and_an_event(
    item: str, url: str | None, date: tuple[int, int | None, int | None]
) -> None:
    ctx = run(extract_history, f"## Projects\n\n{item}\n")
    assert [(p["name"], p["url"], p["status"], p["line"]) for p in ctx.projects] == [
        ("Chatbot Arena", url, "graduated", 3)
    ]
    assert [(e["year"], e["month"], e["day"], e["line"]) for e in ctx.events] == [(*date, 3)]
    assert ctx.diagnostics == []


@pytest.mark.parametrize("aside", ["(in March 2025)", "(on 1 September 2025)", "[since 2023]", "\u2014 in March 2025"])
def test_a_date_alone_in_brackets_is_an_event_and_no_status(aside: str) -> None:
    ctx = run(extract_history, f"## Projects\n\n- [Vicuna](https://x.example/v) {aside}\n")
    assert [(p["name"], p["status"]) for p in ctx.projects] == [("Vicuna", None)]
    assert len(ctx.events) == 1
    assert ctx.diagnostics == []


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        ("LMSYS was founded in September 2024.", (2024, 9, None)),
        ("LMSYS was founded September 2024.", (2024, 9, None)),
        ("Vicuna was released 30 March 2023.", (2023, 3, 30)),
        ("Vicuna was released March 30, 2023.", (2023, 3, 30)),
    ],
)
def test_a_date_that_names_its_month_needs_no_word_before_it(sentence: str, date: tuple[int, int, int]) -> None:
    ctx = run(extract_history, f"## History\n\n{sentence}\n")
    assert [(e["year"], e["month"], e["day"]) for e in ctx.events] == [date]


def test_a_year_alone_still_needs_a_word_before_it() -> None:
    assert run(extract_history, "## History\n\nWe trained with 2000 GPUs.\n").events == []


@pytest.mark.parametrize(
    "sentence",
    [
        "In January 2024 Vicuna was retired, and in September 2024 it became a non-profit.",
        "Vicuna was retired in January 2024; it became a non-profit in September 2024.",
    ],
)
def test_each_clause_of_a_sentence_that_names_its_own_date_is_an_event(sentence: str) -> None:
    ctx = run(extract_history, f"## History\n\n{sentence}\n")
    assert [(e["year"], e["month"]) for e in ctx.events] == [(2024, 1), (2024, 9)]
    assert "".join(e["text"] for e in ctx.events).count("2024") == 2


def test_two_dates_in_one_clause_are_one_event() -> None:
    ctx = run(extract_history, "## History\n\nIt ran from 2023 to 2024.\n")
    assert [(e["year"], e["text"]) for e in ctx.events] == [(2023, "It ran from 2023 to 2024.")]


@pytest.mark.parametrize(
    "listing",
    [
        "- [Chatbot Arena](https://lmarena.ai/) (graduated)\n- [SGLang](https://sglang.example/)\n- Vicuna",
        "[Chatbot Arena (graduated)](https://lmarena.ai/), [SGLang](https://sglang.example/), Vicuna",
        "[Chatbot Arena](https://lmarena.ai/) (graduated), [SGLang](https://sglang.example/) and Vicuna",
        "[Chatbot Arena](https://lmarena.ai/) (graduated)\n[SGLang](https://sglang.example/)\nVicuna",
    ],
)
def test_projects_after_a_lead_that_speaks_of_projects_are_the_same_in_every_form(listing: str) -> None:
    ctx = run(extract_history, f"## History\n\nIt is known for its flagship projects, including:\n\n{listing}\n")
    assert [(p["name"], p["url"], p["status"]) for p in ctx.projects] == [
        ("Chatbot Arena", "https://lmarena.ai/", "graduated"),
        ("SGLang", "https://sglang.example/", None),
        ("Vicuna", None, None),
    ]
    assert ctx.diagnostics == []


def test_a_sentence_after_a_lead_of_projects_is_no_project() -> None:
    ctx = run(
        extract_history, "## History\n\nOur projects, including:\n\nSee [the blog](https://x.example/) for more.\n"
    )
    assert ctx.projects == []
    assert [link["label"] for link in ctx.links] == ["the blog"]
