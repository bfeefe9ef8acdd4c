"""merge_people and assemble: each person once across groups, the contact email, and what is missing reported."""

from __future__ import annotations

from typing import Any

from lmsys_about import loads
from lmsys_about._extract._context import Context, Record
from lmsys_about._extract.assemble import assemble, merge_people


def _member(name: str, url: str | None = None, notes: tuple[str, ...] = (), line: int = 1) -> Record:
    return {"name": name, "url": url, "notes": list(notes), "line": line}


def _group(name: str, *members: Record) -> Record:
    return {"name": name, "project": None, "members": list(members), "links": [], "line": 1}


def test_a_person_in_two_groups_is_one_person_in_both() -> None:
    people = merge_people(
        [_group("Leads", _member("Ada Lovelace", line=3)), _group("Advisors", _member("Ada Lovelace", line=8))]
    )
    assert [(p["name"], p["groups"], p["line"]) for p in people] == [("Ada Lovelace", ("Leads", "Advisors"), 3)]


def test_people_are_matched_whatever_their_case_and_keep_their_first_spelling() -> None:
    people = merge_people([_group("A", _member("Ada Lovelace")), _group("B", _member("ADA LOVELACE"))])
    assert [(p["name"], p["groups"]) for p in people] == [("Ada Lovelace", ("A", "B"))]


def test_people_come_in_order_of_first_appearance() -> None:
    groups = [_group("A", _member("Zoe Z"), _member("Ada A")), _group("B", _member("Bob B"), _member("Zoe Z"))]
    assert [p["name"] for p in merge_people(groups)] == ["Zoe Z", "Ada A", "Bob B"]


def test_the_first_url_is_kept_and_a_later_one_fills_a_gap() -> None:
    groups = [
        _group("A", _member("Ada Lovelace"), _member("Alan Turing", "https://turing.org/")),
        _group("B", _member("Ada Lovelace", "https://github.com/ada"), _member("Alan Turing", "https://other.org/")),
    ]
    assert [(p["url"], p["github"]) for p in merge_people(groups)] == [
        ("https://github.com/ada", "ada"),
        ("https://turing.org/", None),
    ]


def test_notes_are_gathered_once_each_in_order() -> None:
    groups = [
        _group("A", _member("Ada Lovelace", notes=("initiators", "initiators"))),
        _group("B", _member("Ada Lovelace", notes=("advisors", "initiators"))),
    ]
    assert merge_people(groups)[0]["notes"] == ("initiators", "advisors")


def test_a_group_listed_twice_is_named_once() -> None:
    groups = [_group("A", _member("Ada Lovelace")), _group("A", _member("Ada Lovelace"))]
    assert merge_people(groups)[0]["groups"] == ("A",)


def _assembled(ctx: Context) -> dict[str, Any]:
    ctx.organization.update(name="Alpha", short_name="A", mission=None, line=1, description="Alpha (A) is a lab.")
    return assemble(ctx)


def test_a_page_without_a_name_or_people_is_reported_missing_both() -> None:
    data = assemble(Context())
    assert [(d["code"], d["line"]) for d in data["diagnostics"]] == [("no-organization", None), ("no-people", None)]
    assert data["organization"] == {
        "name": None,
        "short_name": None,
        "description": None,
        "mission": None,
        "line": None,
    }


def test_a_page_with_a_name_and_people_reports_nothing_missing() -> None:
    ctx = Context(groups=[_group("Team", _member("Ada Lovelace"))])
    assert _assembled(ctx)["diagnostics"] == []


def test_the_email_is_the_first_contact_address_without_its_query() -> None:
    ctx = Context(
        contact_links=[
            {"label": "X", "url": "https://x.com/a", "platform": "x", "line": 5},
            {"label": "mail", "url": "mailto:a@b.org?subject=Hi", "platform": "email", "line": 6},
            {"label": "mail", "url": "mailto:c@d.org", "platform": "email", "line": 7},
        ],
        emails=["e@f.org"],
    )
    assert _assembled(ctx)["contact"]["email"] == "a@b.org"


def test_without_a_contact_address_the_email_is_the_first_of_the_page() -> None:
    assert _assembled(Context(emails=["e@f.org", "g@h.org"]))["contact"]["email"] == "e@f.org"
    assert _assembled(Context())["contact"]["email"] is None


def test_labelled_institutions_come_before_those_of_the_founding_sentence() -> None:
    labelled = [{"name": "UCSD", "notes": (), "line": 9}]
    founding = [{"name": "CMU", "notes": (), "line": 2}]
    assert (
        _assembled(Context(labelled_institutions=labelled, founding_institutions=founding))["history"]["institutions"]
        == labelled
    )
    assert _assembled(Context(founding_institutions=founding))["history"]["institutions"] == founding


def test_diagnostics_are_sorted_by_line_those_without_one_first() -> None:
    ctx = Context()
    ctx.report("info", "b", "b", 9)
    ctx.report("info", "a", "a", 2)
    ctx.report("info", "c", "c", 9)
    assert [(d["code"], d["line"]) for d in assemble(ctx)["diagnostics"]] == [
        ("no-organization", None),
        ("no-people", None),
        ("a", 2),
        ("b", 9),
        ("c", 9),
    ]


def test_a_sponsor_listed_twice_with_one_kind_is_reported_and_kept_once() -> None:
    about = loads(
        "Acme Labs (ACME) is a lab.\n\n## Team\n[Ada](https://ada.dev)\n\n## Sponsors\n"
        "ACME is supported by donations from the following institutions:\n\n"
        "[Globex](https://globex.example.com/), [Initech](https://initech.example.com/)\n"
        "[GLOBEX](https://globex.example.com/)\n\n"
        "We also thank the following companies which provide API credits:\n[Globex](https://globex.example.com/)\n"
    )
    assert [(s.name, s.kind, s.line) for s in about.sponsors] == [
        ("Globex", "donor", 9),
        ("Initech", "donor", 9),
        ("Globex", "api_credits", 13),  # another kind of sponsorship: no repeat
    ]
    assert [(d.code, d.line, d.message) for d in about.diagnostics if d.code != "no-front-matter"] == [
        ("duplicate-sponsor", 10, "'GLOBEX' is listed twice among the sponsors (first on line 9)")
    ]
