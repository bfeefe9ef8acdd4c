"""extract: legends read from the whole page first, each section run by its kind, and what no extractor reads."""

from __future__ import annotations

import pytest

from lmsys_about import loads
from lmsys_about._extract.dispatch import extract

from .helpers import codes, sections


def test_a_legend_anywhere_on_the_page_explains_marks_before_it() -> None:
    ctx = extract(
        sections('Intro.\n\n## Team\n\nAda Lovelace\\*, Alan Turing\n\n## Notes\n\n\\"\\*" denotes initiators.\n')
    )
    assert ctx.marks.meanings == {"*": "initiators"}
    assert [(m["name"], m["notes"]) for m in ctx.groups[0]["members"]] == [
        ("Ada Lovelace", ("initiators",)),
        ("Alan Turing", ()),
    ]


def test_the_first_legend_of_a_mark_holds() -> None:
    ctx = extract(sections('Intro.\n\n## Team\n\n\\"\\*" denotes initiators.\n\\"\\*" denotes founders.\n'))
    assert ctx.marks.meanings == {"*": "initiators"}


def test_each_section_goes_to_the_extractor_of_its_kind() -> None:
    ctx = extract(
        sections(
            "Alpha (A) is a lab.\n\n## Team\n\nAda Lovelace, Alan Turing\n\n## Sponsors\n\n[Beta](https://beta.org)\n\n"
            "## History\n\nIt began in 2020.\n\n## Contact\n\n[mail](mailto:a@b.org)\n"
        )
    )
    assert ctx.organization["name"] == "Alpha"
    assert [g["name"] for g in ctx.groups] == ["Team"]
    assert [s["name"] for s in ctx.sponsors] == ["Beta"]
    assert [e["year"] for e in ctx.events] == [2020]
    assert [link["platform"] for link in ctx.contact_links] == ["email"]
    assert ctx.diagnostics == []


def test_an_unknown_section_is_reported_with_its_items_and_links() -> None:
    ctx = extract(
        sections(
            "Intro.\n\n## Misc\n\n- an item\n- [a](https://a.org) text\n- [b](javascript:x) text\n- [c]() text\n\n"
            "Some text.\n"
        )
    )
    assert codes(ctx) == [
        ("unknown-section", 3),
        ("unplaced-item", 5),
        ("unplaced-item", 6),
        ("unplaced-link", 6),
        ("unplaced-item", 7),
        ("unsafe-url", 7),  # reported once, as unsafe
        ("unplaced-item", 8),
        ("unplaced-link", 8),
        ("unplaced-text", 10),  # a paragraph that gave no value: said, not dropped
    ]
    assert ctx.links == []


def test_code_raw_html_and_empty_items_are_reported_and_not_read() -> None:
    ctx = extract(
        sections("Intro.\n\n```\nAda Lovelace, Alan Turing\n```\n\n<div>hi</div>\n\n## Team\n\n-\n- Ada Lovelace\n")
    )
    assert codes(ctx) == [("unplaced-block", 3), ("unplaced-block", 7), ("unplaced-item", 11)]
    assert [[m["name"] for m in g["members"]] for g in ctx.groups] == [["Ada Lovelace"]]
    assert ctx.organization["description"] == "Intro."


@pytest.mark.parametrize("item", ["- \xa0", "- \u3000", "-    \xa0"])
def test_an_item_whose_text_markdown_it_trims_away_is_reported_as_an_empty_one(item: str) -> None:
    ctx = extract(
        sections(f"Intro.\n\n## Team\n\n[Ada Lovelace](https://x.org/),\n[Alan Turing](https://y.org/)\n{item}\n")
    )
    assert codes(ctx) == [("unplaced-item", 7)]
    assert [[m["name"] for m in g["members"]] for g in ctx.groups] == [["Ada Lovelace", "Alan Turing"]]


def test_a_legend_whose_mark_stands_after_no_name_is_reported_at_its_line() -> None:
    ctx = extract(
        sections(
            "Intro.\n\n## Team\n\nAda Lovelace*, Alan Turing[^1]\n\n"
            '"*" denotes initiators\n\u2020 Co-founders.\n\n[^1]: On leave.\n[^2]: Emeritus.\n'
        )
    )
    assert [m["notes"] for g in ctx.groups for m in g["members"]] == [("initiators",), ("On leave",)]
    assert [(d["code"], d["line"], d["message"]) for d in ctx.diagnostics] == [
        ("unplaced-legend", 8, "legend '\u2020 Co-founders' is not part of any extracted value"),
        ("unplaced-legend", 11, "legend '[^2] Emeritus' is not part of any extracted value"),
    ]


def test_a_link_in_a_heading_is_a_page_link() -> None:
    ctx = extract(sections("Intro.\n\n## Team [page](https://t.org)\n\nAda Lovelace, Alan Turing\n"))
    assert ctx.links == [{"label": "page", "url": "https://t.org", "line": 3}]
    assert [g["name"] for g in ctx.groups] == ["Team page"]


def test_lines_count_from_the_original_file() -> None:
    ctx = extract(sections("Intro.\n\n## Misc\n\n- an item\n", line_offset=6))
    assert codes(ctx) == [("unknown-section", 9), ("unplaced-item", 11)]


def test_a_linked_logo_in_a_heading_keeps_its_link_and_reports_its_image() -> None:
    ctx = extract(
        sections("ACME Labs (ACME) is a lab.\n\n## [![Umbrella](umbrella.png)](https://umbrella.example.com/)\n")
    )
    assert [(link["label"], link["url"]) for link in ctx.links] == [("Umbrella", "https://umbrella.example.com/")]
    assert ("unplaced-image", 3) in codes(ctx)


def test_a_sub_heading_of_the_sponsors_is_sponsors_and_may_name_their_kind() -> None:
    ctx = extract(
        sections(
            "ACME Labs (ACME) is a lab.\n\n## Sponsors\n\n### Gold\n[NVIDIA](https://nvidia.example.com/), "
            "[RunPod](https://runpod.example.com/)\n\n### API credits\n[OpenAI](https://openai.example.com/), "
            "[Mistral](https://mistral.example.com/)\n\n## Team\n\n### Gold medallists\nAda Lovelace, Alan Turing\n"
        )
    )
    assert [(s["name"], s["kind"]) for s in ctx.sponsors] == [
        ("NVIDIA", "donor"), ("RunPod", "donor"), ("OpenAI", "api_credits"), ("Mistral", "api_credits")
    ]  # fmt: skip
    assert [(g["name"], [m["name"] for m in g["members"]]) for g in ctx.groups] == [
        ("Gold medallists", ["Ada Lovelace", "Alan Turing"])  # under '## Team', not under the sponsors
    ]


def test_a_first_heading_that_titles_the_page_is_over_the_introduction() -> None:
    ctx = extract(sections("# About\n\nACME Labs (ACME) is a lab.\n\n## Team\nAda Lovelace, Alan Turing\n"))
    assert (ctx.organization["name"], ctx.organization["short_name"]) == ("ACME Labs", "ACME")
    assert codes(ctx) == []
    ctx = extract(sections("## News\n\nACME Labs (ACME) is a lab.\n"))  # a part of the page, not its title
    assert ("unknown-section", 1) in codes(ctx)


def test_a_sub_heading_of_a_people_section_with_one_name_is_a_group() -> None:
    ctx = extract(
        sections("ACME Labs (ACME) is a lab.\n\n## Team\n\n#### FastChat (archived)\n[Ada Lovelace](https://a.org/)\n")
    )
    assert [(g["name"], [m["name"] for m in g["members"]]) for g in ctx.groups] == [
        ("FastChat (archived)", ["Ada Lovelace"])
    ]
    assert codes(ctx) == []


def test_only_a_tier_of_support_under_the_sponsors_is_sponsors() -> None:
    # Pages put other sections at any level: '## Sponsors and Supporters' then '### History' on the bundled page.
    ctx = extract(
        sections(
            "ACME Labs (ACME) is a lab.\n\n## Sponsors\n\n### Open models\n- [Vicuna](https://hf.example/v)\n"
            "- [LongChat](https://hf.example/l)\n\n### Gold\n[RunPod](https://runpod.example/), "
            "[Lambda](https://lambda.example/)\n"
        )
    )
    assert [s["name"] for s in ctx.sponsors] == ["RunPod", "Lambda"]
    assert ("unknown-section", 5) in codes(ctx)


def test_a_heading_s_closing_colon_is_not_part_of_its_title() -> None:
    ctx = extract(sections("ACME Labs (ACME) is a lab.\n\n### Advisors:\nAda Lovelace, Alan Turing\n"))
    assert [g["name"] for g in ctx.groups] == ["Advisors"]


_BOLD_SECTIONS = """---
title: About
---

Open Widget Systems Organization (OWS Corp) is a non-profit.

{first}

[Ada Lovelace](https://ada.org/), [Bob Smith](https://bob.org/)

{sponsors}

[Acme](https://acme.example.com/), [Globex](https://globex.example.com/)

{history}

OWS was established as a non-profit corporation in September 2024.

{contact}

- Join us on [Discord](https://discord.com/invite/xyz).
"""


@pytest.mark.parametrize(
    "labels",
    [
        ("## Directors and officers", "## Sponsors", "## History", "## Contact us"),
        ("**Directors and officers**", "**Sponsors**", "**History**", "**Contact us**"),
        ("**Directors and officers:**", "**Sponsors:**", "**History**:", "**Contact us:**"),
        ("## Directors and officers", "**Sponsors**", "**History**", "**Contact us**"),
    ],
)
def test_a_bold_line_that_names_a_kind_of_section_opens_that_section(labels: tuple[str, str, str, str]) -> None:
    from lmsys_about import loads

    first, sponsors, history, contact = labels
    about = loads(_BOLD_SECTIONS.format(first=first, sponsors=sponsors, history=history, contact=contact))
    assert [(g.name, [m.name for m in g.members]) for g in about.groups] == [
        ("Directors and officers", ["Ada Lovelace", "Bob Smith"])
    ]
    assert [s.name for s in about.sponsors] == ["Acme", "Globex"]
    assert [(e.year, e.month) for e in about.history.events] == [(2024, 9)]
    assert [link.platform for link in about.contact.links] == ["discord"]
    assert [d.code for d in about.diagnostics if d.severity != "info"] == []


def test_a_bold_label_of_people_in_a_people_section_opens_a_group_not_a_section() -> None:
    from lmsys_about import loads

    about = loads("## Team\n\n**Advisors**\n\n[Ada Lovelace](https://ada.org/)\n\n**Students**\n\nBob Smith\n")
    assert [(g.name, [m.name for m in g.members]) for g in about.groups] == [
        ("Advisors", ["Ada Lovelace"]),
        ("Students", ["Bob Smith"]),
    ]


def _page(body: str) -> str:
    return (
        '---\ntitle: "About"\n---\n\nLarge Model Systems (LMSYS Corp.) is a non-profit focused on incubating '
        f"open-source projects and research.\n\n## Members\n\n[Ada Lovelace](https://ada.example)\n\n{body}"
    )


def test_a_year_heading_under_the_history_dates_its_sentences() -> None:
    about = loads(_page("## History\n\nLMSYS began in 2023.\n\n### 2025\n\nSGLang joined the PyTorch ecosystem.\n"))
    assert [(e.year, e.month, e.text) for e in about.history.events] == [
        (2023, None, "LMSYS began in 2023."), (2025, None, "SGLang joined the PyTorch ecosystem.")
    ]  # fmt: skip
    assert [d.code for d in about.diagnostics] == []


@pytest.mark.parametrize(
    "body",
    [
        "## Members of flagship projects\n\n**FlashInfer** (graduated): See [https://flashinfer.ai](https://flashinfer.ai)\n",
        "## Members of flagship projects\n\n### FlashInfer (graduated)\n\nSee [https://flashinfer.ai](https://flashinfer.ai)\n",
        "## Projects\n\n- [FlashInfer](https://flashinfer.ai) (graduated)\n",
        "## Projects\n\n### FlashInfer (graduated)\n\n[FlashInfer](https://flashinfer.ai) is a kernel library.\n",
    ],
)
def test_a_project_label_with_no_people_is_the_project_in_every_form(body: str) -> None:
    about = loads(_page(body))
    assert [(p.name, p.url, p.status) for p in about.history.projects] == [
        ("FlashInfer", "https://flashinfer.ai", "graduated")
    ]
    assert [g.name for g in about.groups] == ["Members"]
    assert [d.code for d in about.diagnostics if d.severity == "warning"] == []


@pytest.mark.parametrize(
    "body",
    [
        "## Projects\n\n- [SGLang](https://sglang.example/) (active)\n- [Vicuna](https://vicuna.example/)\n",
        "## Projects\n\n| Project | Status |\n|---|---|\n| [SGLang](https://sglang.example/) | active |\n"
        "| [Vicuna](https://vicuna.example/) | |\n",
        "## Projects\n\n| Name | Status | Link |\n|---|---|---|\n"
        "| SGLang | active | [GitHub](https://sglang.example/) |\n| Vicuna | | [site](https://vicuna.example/) |\n",
        "## Projects\n\n### SGLang (active)\n\n[SGLang](https://sglang.example/) is a serving framework.\n\n"
        "### Vicuna\n\nSee [https://vicuna.example/](https://vicuna.example/)\n",
    ],
)
def test_projects_are_the_same_as_a_list_a_table_or_headings(body: str) -> None:
    about = loads(_page(body))
    assert [(p.name, p.url, p.status) for p in about.history.projects] == [
        ("SGLang", "https://sglang.example/", "active"), ("Vicuna", "https://vicuna.example/", None)
    ]  # fmt: skip
    assert [d.code for d in about.diagnostics if d.severity == "warning"] == []


def test_a_projects_table_row_that_says_more_is_reported_whole() -> None:
    about = loads(_page("## Projects\n\n| Project | Status |\n|---|---|\n| SGLang | now under a foundation |\n"))
    assert about.history.projects == []
    assert [(d.code, d.line) for d in about.diagnostics] == [("unplaced-row", 15)]


@pytest.mark.parametrize("where", ["intro", "sponsors"])
def test_the_forms_of_donation_are_read_in_the_introduction_as_in_a_sponsors_section(where: str) -> None:
    sentence = "We welcome donations and sponsorships, including cash, GPUs and cloud credits."
    intro = "Large Model Systems (LMSYS Corp.) is a non-profit focused on open-source projects."
    if where == "intro":
        page = f"{intro} {sentence}\n\n## Members\n\n[Ada Lovelace](https://ada.example)\n"
    else:
        page = f"{intro}\n\n## Members\n\n[Ada Lovelace](https://ada.example)\n\n## Sponsors\n\n{sentence}\n"
    assert loads(page).donation_forms == ["cash", "GPUs", "cloud credits"]
