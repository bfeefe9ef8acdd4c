"""extract_sponsors: lists of sponsors, of the kind the sentence before them says, and the forms of donation."""

from __future__ import annotations

import pytest

from lmsys_about import loads
from lmsys_about._extract.sponsors import extract_sponsors

from .helpers import codes, run


def _sponsors(markdown: str) -> list[tuple[str, str | None, str, int]]:
    ctx = run(extract_sponsors, markdown)
    return [(s["name"], s["url"], s["kind"], s["line"]) for s in ctx.sponsors]


def test_a_line_of_links_lists_donors() -> None:
    assert _sponsors("## Sponsors\n\n[A16Z](https://a16z.com), [Nebius](https://nebius.com)\n") == [
        ("A16Z", "https://a16z.com", "donor", 3),
        ("Nebius", "https://nebius.com", "donor", 3),
    ]


def test_api_credit_sponsors_are_their_own_kind() -> None:
    markdown = (
        "## Sponsors\n\nWe thank these institutions for their support:\n\n[A16Z](https://a16z.com)\n\n"
        "We thank these companies for API credits:\n\n[OpenAI](https://openai.com)\n"
    )
    assert [(name, kind) for name, _, kind, _ in _sponsors(markdown)] == [("A16Z", "donor"), ("OpenAI", "api_credits")]


def test_the_kind_holds_until_a_sentence_changes_it() -> None:
    markdown = (
        "## Sponsors\n\nWe got API credits from\n\n[OpenAI](https://openai.com)\n\nAnd further\n\n"
        "[Anthropic](https://anthropic.com)\n\nWe thank these for gifts:\n[Nebius](https://nebius.com)\n"
    )
    assert [(name, kind) for name, _, kind, _ in _sponsors(markdown)] == [
        ("OpenAI", "api_credits"),
        ("Anthropic", "api_credits"),
        ("Nebius", "donor"),
    ]


@pytest.mark.parametrize(
    ("markdown", "names"),
    [
        ("Alpha Corp, Beta Inc", ["Alpha Corp", "Beta Inc"]),  # a comma makes a list of plain names
        ("- Alpha Corp\n- Beta Inc", ["Alpha Corp", "Beta Inc"]),  # so do list items
        ("[Alpha Corp](https://alpha.org)", ["Alpha Corp"]),  # and a link
    ],
)
def test_plain_names_are_sponsors_in_a_list(markdown: str, names: list[str]) -> None:
    assert [name for name, *_ in _sponsors(f"## Sponsors\n\n{markdown}\n")] == names


def test_the_lines_after_a_list_line_in_one_paragraph_are_sponsors_too() -> None:
    assert _sponsors("## Sponsors\n\n[Alpha](https://alpha.org)\nBeta Inc\n") == [
        ("Alpha", "https://alpha.org", "donor", 3),
        ("Beta Inc", None, "donor", 4),
    ]


def test_an_unsafe_sponsor_url_is_reported_and_the_sponsor_kept_without_it() -> None:
    ctx = run(extract_sponsors, "## Sponsors\n\n[Alpha](ftp://alpha.org), [Beta](https://beta.org)\n")
    assert [(s["name"], s["url"]) for s in ctx.sponsors] == [("Alpha", None), ("Beta", "https://beta.org")]
    assert codes(ctx) == [("unsafe-url", 3)]


def test_a_link_in_a_sentence_is_a_page_link_not_a_sponsor() -> None:
    ctx = run(extract_sponsors, "## Sponsors\n\nThanks to [Alpha](https://alpha.org) for all the help.\n")
    assert ctx.sponsors == []
    assert ctx.links == [{"label": "Alpha", "url": "https://alpha.org", "line": 3}]


def test_an_item_that_is_no_list_of_names_is_reported() -> None:
    ctx = run(extract_sponsors, "## Sponsors\n\n- Gamma Labs\n- and some others too\n")
    assert [s["name"] for s in ctx.sponsors] == ["Gamma Labs"]
    assert codes(ctx) == [("unplaced-item", 4)]


def test_the_forms_of_donation_follow_including() -> None:
    ctx = run(
        extract_sponsors,
        "## Sponsors\n\nWe welcome donations and sponsorship, including but not limited to cash,\n"
        "compute devices (e.g., GPUs, TPUs) and cloud credits.\n",
    )
    assert ctx.donation_forms == ["cash", "compute devices (e.g., GPUs, TPUs)", "cloud credits"]
    assert ctx.sponsors == []


def test_an_including_sentence_that_is_not_about_donations_gives_no_forms() -> None:
    ctx = run(extract_sponsors, "## Sponsors\n\nOur work spans many fields, including systems and models.\n")
    assert ctx.donation_forms == []


def test_a_lone_name_in_a_paragraph_is_reported_not_dropped() -> None:
    ctx = run(extract_sponsors, "## Sponsors\n\nWe thank our sponsor:\n\nAlpha Corp\n")
    placed = [s["name"] for s in ctx.sponsors] == ["Alpha Corp"]
    reported = any(d["line"] == 5 and "Alpha Corp" in d["message"] for d in ctx.diagnostics)
    assert placed or reported


def test_plain_names_after_a_sentence_that_names_sponsors_are_sponsors() -> None:
    ctx = run(
        extract_sponsors,
        "## Sponsors\n\nOWS is supported by donations from the following institutions: Acme, a16z and Globex Corp.\n"
        "Our policy: it should stay simple.\n",
    )
    assert [(s["name"], s["kind"], s["url"], s["line"]) for s in ctx.sponsors] == [
        ("Acme", "donor", None, 3), ("a16z", "donor", None, 3), ("Globex Corp", "donor", None, 3)
    ]  # fmt: skip


def test_a_bold_tier_before_its_list_names_the_kind() -> None:
    ctx = run(
        extract_sponsors,
        "## Sponsors\n\nWe thank our sponsors:\n\n**Compute:** [NVIDIA](https://nvidia.example/), "
        "[RunPod](https://runpod.example/)\n\n**API credits:** [OpenAI](https://openai.example/)\n",
    )
    assert [(s["name"], s["kind"]) for s in ctx.sponsors] == [
        ("NVIDIA", "donor"), ("RunPod", "donor"), ("OpenAI", "api_credits")
    ]  # fmt: skip


def test_a_line_of_one_lowercase_name_is_reported() -> None:
    ctx = run(extract_sponsors, "## Sponsors\n\nWe are grateful to our sponsors:\n\nNVIDIA\na16z\n")
    assert codes(ctx) == [("unplaced-text", 5), ("unplaced-text", 6)]


def test_a_run_of_links_in_a_sentence_of_thanks_is_a_list_of_sponsors() -> None:
    ctx = run(
        extract_sponsors,
        "## Sponsors\n\nThanks to [NVIDIA](https://nvidia.example/), [a16z](https://a16z.example/) and "
        "[RunPod](https://runpod.example/) for compute.\n\nWe like [this](https://x.example/) and also [that](https://y.example/).\n",
    )
    assert [(s["name"], s["kind"]) for s in ctx.sponsors] == [
        ("NVIDIA", "donor"),
        ("a16z", "donor"),
        ("RunPod", "donor"),
    ]
    assert [link["label"] for link in ctx.links] == ["this", "that"]
    assert codes(ctx) == [("unplaced-text", 5)]  # links in prose are kept as links, and the line reported


@pytest.mark.parametrize(
    "sentence",
    [
        "We welcome donations of all kinds. Please refer to to https://x.example.org/donations/.",
        "Questions? Write to us or visit https://x.example.org/contact",
        "Sponsorship questions: see https://x.example.org/ at 10:30 or later.",
    ],
)
def test_a_sentence_with_a_web_address_is_no_sponsor(sentence: str) -> None:
    markdown = f"## Sponsors\n\nWe thank:\n\n[Acme](https://acme.example.com/)\n\n{sentence}\n"
    assert [name for name, *_ in _sponsors(markdown)] == ["Acme"]


def test_a_finished_sentence_does_not_change_the_kind() -> None:
    markdown = (
        "## Sponsors\n\nWe thank these for API credits:\n\n[OpenAI](https://openai.com)\n\n"
        "Thanks for the gifts and donations!\n\n[Anthropic](https://anthropic.com)\n"
    )
    assert [kind for _, _, kind, _ in _sponsors(markdown)] == ["api_credits", "api_credits"]


def test_a_table_of_sponsors_gives_each_name_of_its_cells_with_the_tier_as_a_note() -> None:
    markdown = (
        "## Sponsors\n\n| Tier | Sponsors |\n|---|---|\n"
        "| Gold | [Acme](https://acme.example.com/), [Globex](https://g.org) |\n"
        "| API credits | [Umbrella](https://u.org) |\n\n"
        "| Company | Website |\n|---|---|\n| Hooli | [hooli](https://h.org) |\n"
    )
    ctx = run(extract_sponsors, markdown)
    assert [(s["name"], s["url"], s["kind"], s["notes"], s["line"]) for s in ctx.sponsors] == [
        ("Acme", "https://acme.example.com/", "donor", ("Gold",), 5),
        ("Globex", "https://g.org", "donor", ("Gold",), 5),
        ("Umbrella", "https://u.org", "api_credits", ("API credits",), 6),
        ("Hooli", "https://h.org", "donor", (), 10),
    ]
    assert ctx.diagnostics == []


def test_a_table_without_a_column_of_names_is_reported_row_by_row() -> None:
    ctx = run(extract_sponsors, "## Sponsors\n\n| Tier | Amount |\n|---|---|\n| Gold | 10 |\n")
    assert ctx.sponsors == []
    assert codes(ctx) == [("unplaced-row", 5)]


@pytest.mark.parametrize(
    "line",
    [
        "Become a sponsor: [Donate](https://x.example/donate)",
        "[Sponsorship tiers](https://x.example/tiers) · [Donation FAQ](https://x.example/faq)",
        "Contact [the team](mailto:team@x.example), [Our FAQ](https://x.example/faq2)",
    ],
)
def test_links_about_giving_after_the_list_are_page_links_not_sponsors(line: str) -> None:
    ctx = run(extract_sponsors, f"## Sponsors\n\nWe thank our sponsors:\n[Acme](https://acme.example/)\n\n{line}\n")
    assert [s["name"] for s in ctx.sponsors] == ["Acme"]
    assert [link["line"] for link in ctx.links] == [6] * len(ctx.links)
    assert ctx.links


def test_a_mailto_link_in_a_list_of_sponsors_is_no_sponsor() -> None:
    ctx = run(extract_sponsors, "## Sponsors\n\n[Acme](https://acme.example/), [Globex](mailto:a@globex.example)\n")
    assert [s["name"] for s in ctx.sponsors] == ["Acme"]
    assert [link["url"] for link in ctx.links] == ["mailto:a@globex.example"]
    assert codes(ctx) == [("doubtful-name", 3)]


def test_a_finished_sentence_of_thanks_gives_its_own_sponsors_its_kind() -> None:
    markdown = (
        "## Sponsors\n\nWe are grateful to [OpenAI](https://openai.com) and [Anthropic](https://anthropic.com) "
        "for API credits.\n\nThanks to [NVIDIA](https://nvidia.com) and [Nebius](https://nebius.com) for GPUs.\n"
    )
    assert [(name, kind) for name, _, kind, _ in _sponsors(markdown)] == [
        ("OpenAI", "api_credits"), ("Anthropic", "api_credits"), ("NVIDIA", "donor"), ("Nebius", "donor")
    ]  # fmt: skip


def test_a_lead_of_donors_after_one_of_api_credits_names_donors() -> None:
    markdown = (
        "## Sponsors\n\nWe thank these companies which provide API credits:\n[OpenAI](https://openai.com)\n\n"
        "Individual donors:\n[Jane Doe](https://jane.example), [John Roe](https://john.example)\n"
    )
    assert [kind for _, _, kind, _ in _sponsors(markdown)] == ["api_credits", "donor", "donor"]


@pytest.mark.parametrize(
    "item",
    [
        "- **NVIDIA** — [website](https://nvidia.com)",
        "- **NVIDIA** ([homepage](https://nvidia.com))",
        "- NVIDIA: [website](https://nvidia.com)",
        "- [NVIDIA](https://nvidia.com)",
        "[![NVIDIA logo](https://x.example/nvidia.png)](https://nvidia.com)",
    ],
)
def test_a_sponsor_named_before_its_labelled_link_or_by_its_logo_keeps_its_name(item: str) -> None:
    markdown = f"## Sponsors\n\nLMSYS is supported by donations from the following institutions:\n\n{item}\n"
    assert _sponsors(markdown) == [("NVIDIA", "https://nvidia.com", "donor", 5)]


def test_a_link_to_our_team_under_a_lead_of_sponsoring_is_no_sponsor() -> None:
    ctx = run(
        extract_sponsors,
        "## Sponsors\n\n[Acme](https://acme.example/)\n\nBecome a sponsor: [our team](https://x.example/)\n",
    )
    assert [s["name"] for s in ctx.sponsors] == ["Acme"]
    assert [link["url"] for link in ctx.links] == ["https://x.example/"]
    assert codes(ctx) == [("doubtful-name", 5)]


def test_a_name_that_holds_a_word_of_where_to_write_is_still_a_name() -> None:
    markdown = "## Sponsors\n\nWe thank our sponsors:\n\n- Contact Energy: [website](https://contact.example/)\n"
    assert _sponsors(markdown) == [("Contact Energy", "https://contact.example/", "donor", 5)]


TIERS_TABLE = "| Tier | Sponsor |\n|---|---|\n| Gold | [Acme](https://acme.example) |\n"


@pytest.mark.parametrize(
    "form",
    [
        TIERS_TABLE,
        "### Gold\n\n[Acme](https://acme.example)\n",
        "- Gold: [Acme](https://acme.example)\n",
        "**Gold:** [Acme](https://acme.example)\n",
        "Gold:\n\n- [Acme](https://acme.example)\n",
        "[Acme](https://acme.example)\u2020\n\n\u2020 Gold\n",
        "[Acme](https://acme.example)[^1]\n\n[^1]: Gold.\n",
    ],
)
def test_a_tier_or_a_mark_gives_the_same_note_in_every_form(form: str) -> None:
    about = loads(f"LMSYS Corp. incubates open projects.\n\n## Sponsors\n\n{form}")
    assert [(s.name, s.notes) for s in about.sponsors] == [("Acme", ("Gold",))]
    assert not [d for d in about.diagnostics if d.code.startswith("unplaced")]


@pytest.mark.parametrize(
    "line",
    [
        "Interested in joining: [Sponsorship program](https://x.example/join)",
        "Interested in joining: [Jane Doe](https://jane.example/)",
        "Questions: [Jane Doe](https://jane.example/)",
        "Last updated: [Release Notes](https://x.example/notes)",
        "- Contact: [Jane Doe](https://jane.example/), [John Roe](https://john.example/)",
        "- Contact: [website](https://x.example/contact)",  # a word of where to write before a labelled link
    ],
)
def test_a_lead_about_something_else_lists_no_sponsor_its_links_are_links(line: str) -> None:
    ctx = run(extract_sponsors, f"## Sponsors\n\nWe thank our sponsors:\n[Acme](https://acme.example/)\n\n{line}\n")
    assert [s["name"] for s in ctx.sponsors] == ["Acme"]
    assert [link["line"] for link in ctx.links] == [6] * line.count("](")
    assert codes(ctx) == [("unplaced-text", 6)]


@pytest.mark.parametrize(
    ("line", "kind", "notes"),
    [
        ("We thank these companies for API credits: [Nebius](https://nebius.example/)", "api_credits", ()),
        ("Gold: [Nebius](https://nebius.example/)", "donor", ("Gold",)),
        ("- Silver: [Nebius](https://nebius.example/)", "donor", ("Silver",)),
        ("**Compute:** [Nebius](https://nebius.example/)", "donor", ("Compute",)),
        ("Cloud credits: [Nebius](https://nebius.example/)", "donor", ()),
        ("Our partners: [Nebius](https://nebius.example/)", "donor", ()),
        ("Thanks to: [Nebius](https://nebius.example/)", "donor", ()),
        ("Funded by: [Nebius](https://nebius.example/)", "donor", ()),
        ("We are grateful to: [Nebius](https://nebius.example/)", "donor", ()),
        ("- Friends of LMSYS: [Nebius](https://nebius.example/)", "donor", ()),
    ],
)
def test_a_lead_that_speaks_of_giving_or_names_a_tier_lists_sponsors(line: str, kind: str, notes: tuple[str]) -> None:
    ctx = run(extract_sponsors, f"## Sponsors\n\n[Acme](https://acme.example/)\n\n{line}\n")
    assert [(s["name"], s["kind"], s["notes"], s["line"]) for s in ctx.sponsors] == [
        ("Acme", "donor", (), 3), ("Nebius", kind, notes, 5)
    ]  # fmt: skip
    assert ctx.links == []
    assert ctx.diagnostics == []


@pytest.mark.parametrize("lead", ["We are grateful to the organisations below:", "Gold:", "Backed by:"])
def test_the_list_under_a_lead_of_giving_or_thanks_or_a_tier_lists_sponsors(lead: str) -> None:
    ctx = run(extract_sponsors, f"## Sponsors\n\n{lead}\n\n- [Acme](https://acme.example/)\n")
    assert [(s["name"], s["line"]) for s in ctx.sponsors] == [("Acme", 5)]
    assert ctx.diagnostics == []


def test_the_list_under_a_lead_about_something_else_lists_no_sponsor_until_the_next_lead() -> None:
    markdown = (
        "## Sponsors\n\nWe thank:\n\n[Acme](https://acme.example/)\n\nQuestions:\n\n- [Jane Doe](https://jane.example/)\n"
        "- **Jim Poe** — [website](https://jim.example/)\n\nGold:\n\n- [Globex](https://globex.example/)\n"
    )
    ctx = run(extract_sponsors, markdown)
    assert [(s["name"], s["notes"], s["line"]) for s in ctx.sponsors] == [("Acme", (), 5), ("Globex", ("Gold",), 14)]
    assert [(link["label"], link["line"]) for link in ctx.links] == [("Jane Doe", 9), ("website", 10)]
    assert codes(ctx) == [("unplaced-text", 9), ("unplaced-text", 10)]


def test_a_link_in_a_sponsors_table_s_header_is_a_link_of_the_page() -> None:
    table = "| [Tier](https://x.example/tiers) | Sponsors |\n|---|---|\n| Gold | [Acme](https://acme.example/) |\n"
    ctx = run(extract_sponsors, f"## Sponsors\n\nWe thank:\n\n{table}")
    assert [(s["name"], s["notes"]) for s in ctx.sponsors] == [("Acme", ("Gold",))]
    assert [(link["label"], link["line"]) for link in ctx.links] == [("Tier", 5)]


def test_a_sentence_cut_at_its_reference_is_no_lead_about_something_else() -> None:
    markdown = "## Sponsors\n\nWe wrote to: (see below).\n\n- [Acme](https://acme.example/)\n- Globex Corporation\n"
    ctx = run(extract_sponsors, markdown)
    assert [s["name"] for s in ctx.sponsors] == ["Acme", "Globex Corporation"]
    assert codes(ctx) == [("unplaced-text", 3)]  # '(see below)': said, not read
