"""Flat tables: the rows, their trace columns, and CSV / NDJSON that read back into the same rows."""

from __future__ import annotations

import csv
import hashlib
import io
import json

import pytest

from lmsys_about import RECORD_KINDS, About, load, loads, record_columns, to_csv, to_ndjson, to_records

from ..pages import EXPORTS, WARNINGS
from ..paths import PARSE, PARSEABLE


def pages() -> list[About]:
    return [load(), loads(EXPORTS, source="exports.md"), loads(WARNINGS), *(load(path) for path in PARSEABLE)]


def as_csv_cells(record: dict[str, object]) -> dict[str, str]:
    """What the csv module reads back for a record: every value as text, None as an empty cell."""
    return {key: "" if value is None else str(value) for key, value in record.items()}


def test_people_are_one_row_per_person_and_group() -> None:
    rows = to_records(loads(EXPORTS), "people")
    assert [(r["name"], r["group"], r["line"]) for r in rows] == [
        ('Ada "Countess" Lovelace', "Directors and officers", 10),
        ("Grace Hopper", "Directors and officers", 10),
        ("Grace Hopper", "Project members", 13),
        ("José Núñez, Jr.", "Project members", 13),
    ]
    assert rows[0]["github"] == "ada"
    assert rows[0]["notes"] == "initiators"
    assert rows[1]["notes"] == ""
    assert rows[3]["url"] == "https://jose.example.org/?a=1,b=2"


def test_project_teams_carry_their_project() -> None:
    rows = to_records(load(PARSE / "project-teams.md"), "people")
    assert {(r["name"], r["project"]) for r in rows} == {
        ("Ada Lovelace", "WidgetLang"),
        ("Grace Hopper", "WidgetLang"),
        ("Alan Turing", "GizmoInfer"),
        ("Ada Lovelace", "GizmoInfer"),
    }


def test_sponsor_and_event_rows() -> None:
    about = loads(EXPORTS)
    assert [(r["name"], r["kind"], r["line"]) for r in to_records(about, "sponsors")] == [
        ("Acme, Inc.", "donor", 18),
        ("Globex", "donor", 18),
        ("Umbrella", "api_credits", 21),
    ]
    events = to_records(about, "events")
    assert [(r["year"], r["month"], r["line"]) for r in events] == [(2021, None, 24), (2023, 3, 25)]
    assert events[1]["text"].endswith('in March 2023 to incubate "early-stage" projects.')


@pytest.mark.parametrize("kind", RECORD_KINDS)
def test_every_row_traces_back_to_its_input(kind: str) -> None:
    data = EXPORTS.encode()
    rows = to_records(loads(data, source="exports.md"), kind)
    assert rows
    for row in rows:
        assert row["source"] == "exports.md"
        assert row["source_sha256"] == hashlib.sha256(data).hexdigest()
        assert isinstance(row["line"], int)
        assert EXPORTS.splitlines()[row["line"] - 1].strip()  # the line holds something


@pytest.mark.parametrize("kind", RECORD_KINDS)
def test_rows_are_flat_and_have_the_table_columns(kind: str) -> None:
    for about in pages():
        for row in to_records(about, kind):
            assert tuple(row) == record_columns(kind)
            assert all(value is None or isinstance(value, str | int) for value in row.values())


@pytest.mark.parametrize("kind", RECORD_KINDS)
def test_csv_reads_back_into_the_same_rows(kind: str) -> None:
    for about in pages():
        text = to_csv(about, kind)
        reader = csv.DictReader(io.StringIO(text, newline=""))
        assert reader.fieldnames == list(record_columns(kind))
        assert list(reader) == [as_csv_cells(row) for row in to_records(about, kind)]


# CSV injection: a cell a spreadsheet would run as a formula gets a "'" before it, in text cells only.

FORMULA_STARTS = ["=", "+", "-", "@", "\t", "\r"]


def with_first_member(about: About, name: str, group: str) -> About:
    first = about.groups[0]
    member = first.members[0].model_copy(update={"name": name})
    return about.model_copy(update={"groups": [first.model_copy(update={"name": group, "members": [member]})]})


def first_csv_row(text: str) -> dict[str, str]:
    return next(csv.DictReader(io.StringIO(text, newline="")))


@pytest.mark.parametrize("start", FORMULA_STARTS, ids=["equals", "plus", "minus", "at", "tab", "cr"])
def test_csv_cells_that_would_start_a_formula_get_a_quote(start: str) -> None:
    about = with_first_member(loads(EXPORTS, source=f"{start}exports.md"), f"{start}2+3", f"{start}SUM(A1)")
    row = first_csv_row(to_csv(about, "people"))
    assert (row["name"], row["group"], row["source"]) == (f"'{start}2+3", f"'{start}SUM(A1)", f"'{start}exports.md")
    assert row["url"] == "https://github.com/ada"  # the other cells as they are
    raw = first_csv_row(to_csv(about, "people", raw=True))
    assert (raw["name"], raw["group"], raw["source"]) == (f"{start}2+3", f"{start}SUM(A1)", f"{start}exports.md")
    record = to_records(about, "people")[0]  # records, NDJSON and JSON keep the values exact
    assert (record["name"], record["group"]) == (f"{start}2+3", f"{start}SUM(A1)")
    assert json.loads(to_ndjson(about, "people").splitlines()[0]) == record


def test_csv_quotes_only_text_cells_and_only_a_leading_character() -> None:
    about = with_first_member(loads(EXPORTS), "-1", "Directors - officers")
    row = first_csv_row(to_csv(about, "people"))
    assert row["name"] == "'-1"  # text that looks like a negative number is still text
    assert row["group"] == "Directors - officers"
    assert row["line"] == "10"  # numbers (line, year, month) are never negative and never quoted
    for name in ("Ada=Lovelace", " =1+2", "'=1+2", "Ada @ KRG"):
        assert first_csv_row(to_csv(with_first_member(about, name, "Team"), "people"))["name"] == name


@pytest.mark.parametrize("raw", [False, True])
def test_csv_quotes_a_cell_holding_a_carriage_return(raw: bool) -> None:
    about = with_first_member(loads(EXPORTS), "Fay\rLow", "Team\r\nA")
    text = to_csv(about, "people", raw=raw)
    assert text.splitlines()[1].startswith('"Fay')  # quoted, so readers do not take the '\r' for a row's end
    assert text.count("\n") == 1 + len(to_records(about, "people")) + 1  # rows end in '\n', one inside a cell
    assert (first_csv_row(text)["name"], first_csv_row(text)["group"]) == ("Fay\rLow", "Team\r\nA")


def test_a_page_cannot_put_a_formula_in_a_table() -> None:
    # Sponsors may be named so (people may not: a name must start with a letter, or it is a doubtful name).
    page = (
        "Kestrel Research Group (KRG) is a lab.\n\n## Sponsors\n[=Globex](https://globex.example.com/), "
        "[-Initech](https://initech.example.com/), [@Umbrella](https://umbrella.example.com/), "
        "[+Acme](https://acme.example.com/), [\tTab Co](https://tab.example.com/)\n"
    )
    about = loads(page)
    names = [row["name"] for row in csv.DictReader(io.StringIO(to_csv(about, "sponsors"), newline=""))]
    assert names == ["'=Globex", "'-Initech", "'@Umbrella", "'+Acme", "Tab Co"]  # link text loses its tab
    raw = [row["name"] for row in csv.DictReader(io.StringIO(to_csv(about, "sponsors", raw=True), newline=""))]
    assert raw == [row["name"] for row in to_records(about, "sponsors")] == [*(n[1:] for n in names[:4]), "Tab Co"]


def test_csv_quotes_commas_and_double_quotes() -> None:
    lines = to_csv(loads(EXPORTS), "people").splitlines()
    assert lines[1].startswith('"Ada ""Countess"" Lovelace",Directors and officers,')
    assert '"José Núñez, Jr.",Project members,,"https://jose.example.org/?a=1,b=2"' in lines[4]


def test_an_empty_table_is_its_header() -> None:
    assert to_csv(loads(WARNINGS), "sponsors") == "name,kind,url,notes,line,source,source_sha256\n"
    assert to_ndjson(loads(WARNINGS), "sponsors") == ""


@pytest.mark.parametrize("kind", RECORD_KINDS)
def test_ndjson_reads_back_into_the_same_rows(kind: str) -> None:
    for about in pages():
        text = to_ndjson(about, kind)
        assert text == "" or text.endswith("\n")
        assert [json.loads(line) for line in text.splitlines()] == to_records(about, kind)


def test_notes_are_joined_with_a_semicolon() -> None:
    about = loads(EXPORTS)
    group = about.groups[0]
    member = group.members[0].model_copy(update={"notes": ("initiators", "founders")})
    about = about.model_copy(update={"groups": [group.model_copy(update={"members": [member]})]})
    rows = to_records(about, "people")
    assert rows[0]["notes"] == "initiators; founders"
    assert next(csv.DictReader(io.StringIO(to_csv(about, "people"))))["notes"] == "initiators; founders"


def test_unknown_kind_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="unknown record kind 'groups'"):
        to_records(load(), "groups")


def test_rows_carry_a_handle_from_a_second_link_a_sponsors_notes_and_an_events_day() -> None:
    about = loads(
        "ACME Labs (ACME) is a lab.\n\n## Team\n- [Ada Lovelace](https://ada.dev) ([GitHub](https://github.com/ada))\n"
        "- [Bob Smith](https://github.com/bobs)\n\n## Sponsors\nWe thank our sponsors:\n\n"
        "| Tier | Sponsor |\n|---|---|\n| Gold | [Initech](https://initech.example) |\n\n"
        "## History\nACME was founded on September 1, 2024.\n"
    )
    assert [(row["name"], row["github"]) for row in to_records(about, "people")] == [
        ("Ada Lovelace", "ada"),
        ("Bob Smith", "bobs"),
    ]
    assert [(row["name"], row["notes"]) for row in to_records(about, "sponsors")] == [("Initech", "Gold")]
    assert [(row["year"], row["month"], row["day"]) for row in to_records(about, "events")] == [(2024, 9, 1)]
