"""render(): pages written from an About read back as the same About, and values that cannot are refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lmsys_about import About, Member, RenderError, load, loads, render
from lmsys_about._api import BUNDLED_NAME
from lmsys_about._cli.main import main

from ..cli.test_cli import feed_stdin
from ..paths import CORPUS, CORPUS_PAGES, PARSEABLE, case_id
from .roundtrip import modulo

BUNDLED = Path(__file__).parents[2] / "src" / "lmsys_about" / BUNDLED_NAME
RENDERABLE = [path for path in PARSEABLE if not any(d.severity == "error" for d in load(path).diagnostics)]


def test_the_helper_sees_what_differs() -> None:
    about = load()
    assert modulo(about) == modulo(loads(BUNDLED.read_text(encoding="utf-8").replace("\n", "\n\n", 1)))
    renamed = about.model_copy(update={"title": "Other"})
    assert modulo(renamed) != modulo(about)


def test_the_bundled_page_is_written_back_exactly() -> None:
    assert render(load()) == BUNDLED.read_text(encoding="utf-8")


def test_golden_cases_without_errors_are_the_renderable_ones() -> None:
    assert len(RENDERABLE) == len(PARSEABLE) > 10  # every parseable golden case, crash cases included


@pytest.mark.parametrize("path", RENDERABLE, ids=case_id)
def test_golden_pages_round_trip(path: Path) -> None:
    about = load(path)
    assert modulo(loads(render(about))) == modulo(about)


@pytest.mark.skipif(not CORPUS_PAGES, reason=f"no corpus at {CORPUS}")
@pytest.mark.parametrize("path", CORPUS_PAGES, ids=[p.stem for p in CORPUS_PAGES])
def test_corpus_pages_round_trip(path: Path) -> None:
    about = load(path)
    assert modulo(loads(render(about))) == modulo(about)


def test_an_edit_reads_back() -> None:
    about = load()
    advisors = about.groups[2]
    ada = Member(name="Ada Lovelace (Analyst), Jr.", url="https://ada.example.org/", line=1)
    groups = [*about.groups[:2], advisors.model_copy(update={"members": [*advisors.members, ada]})]
    page = render(about.model_copy(update={"groups": groups}))
    back = loads(page)
    assert [m.name for m in back.groups[2].members][-2:] == ["Hao Zhang", "Ada Lovelace (Analyst), Jr."]
    assert back.people[-1].name == "Ada Lovelace (Analyst), Jr."
    assert back.people[-1].groups == ("Advisors",)


def _refused(about: About) -> RenderError:
    with pytest.raises(RenderError) as caught:
        render(about)
    return caught.value


def _member(about: About, group: int, index: int, **update: object) -> About:
    members = list(about.groups[group].members)
    members[index] = members[index].model_copy(update=update)
    groups = list(about.groups)
    groups[group] = groups[group].model_copy(update={"members": members})
    return about.model_copy(update={"groups": groups})


@pytest.mark.parametrize(
    ("name", "field"),
    [
        ("Ying Sheng*", "groups[0].members[1].name"),  # a trailing '*' reads as a mark
        ("Ying Sheng,", "groups[0].members[1].name"),  # a trailing comma ends the entry
        (" Ying  Sheng", "groups[0].members[1].name"),  # link text has its spaces collapsed
        ("Ying\nSheng", "groups[0].members[1].name"),
    ],
)
def test_a_name_that_would_read_back_differently_is_refused(name: str, field: str) -> None:
    error = _refused(_member(load(), 0, 1, name=name))
    assert error.field == field
    assert error.path == "about.md"
    assert error.line == 9  # where the member stood on the page
    assert str(error).startswith(f"about.md:9: {field}: ")


def test_values_that_do_not_follow_from_the_page_are_refused() -> None:
    about = load()
    organization = about.organization.model_copy(update={"name": "Someone Else"})
    assert _refused(about.model_copy(update={"organization": organization})).field == "organization.name"
    events = [about.history.events[0].model_copy(update={"year": 1999}), *about.history.events[1:]]
    history = about.history.model_copy(update={"events": events})
    assert _refused(about.model_copy(update={"history": history})).field == "history.events[0].year"
    assert _refused(about.model_copy(update={"title": "Other"})).field == "title"
    institutions = about.groups[0].model_copy(update={"name": "Institutions"})
    assert _refused(about.model_copy(update={"groups": [institutions]})).field == "groups[0].name"
    repeated = [*about.sponsors, about.sponsors[0]]  # read back, the repeat is a duplicate-sponsor and is dropped
    assert _refused(about.model_copy(update={"sponsors": repeated})).field == f"sponsors[{len(about.sponsors)}]"


def test_institutions_named_nowhere_else_get_a_list_of_their_own() -> None:
    about = load()
    institutions = [i.model_copy(update={"name": f"{i.name} [campus]"}) for i in about.history.institutions]
    edited = about.model_copy(update={"history": about.history.model_copy(update={"institutions": institutions})})
    page = render(edited)
    assert "#### Institutions\n" in page
    assert modulo(loads(page)) == modulo(edited)


def test_notes_get_marks_and_a_legend() -> None:
    about = _member(load(), 0, 0, notes=("initiators", "founders"))
    about = _member(about, 1, 2, notes=("founders",))
    page = render(about)
    assert '"\\*" denotes initiators\n"†" denotes founders' in page
    back = loads(page)
    assert back.people[0].notes == ("initiators", "founders")
    assert back.people[6].name == "Christopher Chou"
    assert back.people[6].notes == ("founders",)
    assert modulo(back)["groups"] == modulo(about)["groups"]  # 'people' of an edited About is not updated


@pytest.mark.parametrize("mark", ["\u00b9", "\u00b2", "\u2020"])
def test_a_mark_the_page_left_unexplained_is_written_as_itself_with_no_legend(mark: str) -> None:
    about = loads(f"Acme Labs (ACME) is a lab.\n\n## Team\n[Ada Lovelace](https://ada.example/){mark}, Alan Turing\n")
    assert [d.code for d in about.diagnostics] == ["no-front-matter", "unexplained-mark"]
    page = render(about)
    assert f"[Ada Lovelace](https://ada.example/){mark}" in page
    assert "denotes" not in page
    assert modulo(loads(page)) == modulo(about)


# The command line.


def test_cli_renders_json_from_a_file_and_from_stdin(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["json", str(BUNDLED)]) == 0
    document = capsys.readouterr().out
    edited = json.loads(document)
    edited["sponsors"][0]["name"] = "NVIDIA [Corp], *Inc* Ltd"
    path = tmp_path / "about.json"
    path.write_text(json.dumps(edited), encoding="utf-8")
    assert main(["render", str(path)]) == 0
    page = capsys.readouterr().out
    assert "[NVIDIA \\[Corp\\], \\*Inc\\* Ltd](https://www.nvidia.com/)" in page
    assert loads(page).sponsors[0].name == "NVIDIA [Corp], *Inc* Ltd"
    feed_stdin(monkeypatch, document)
    assert main(["render", "-"]) == 0
    assert capsys.readouterr().out == BUNDLED.read_text(encoding="utf-8")


def test_cli_without_a_path_renders_the_bundled_page(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render"]) == 0
    assert capsys.readouterr().out == BUNDLED.read_text(encoding="utf-8")


BUNDLED_JSON = json.dumps(load().model_dump(mode="json"), indent=2)


def _line_of(text: str, position: int) -> int:
    return text.count("\n", 0, position) + 1


def _edited(old: str, new: str) -> tuple[str, int]:
    """The bundled page's JSON with ``old`` replaced by ``new``, and the line of the value it leaves wrong."""
    position = BUNDLED_JSON.index(old)
    text = BUNDLED_JSON.replace(old, new, 1)
    if not new:  # a key removed: the error stands at the object that lacks it
        position = text.rindex("{", 0, position)
    return text, _line_of(text, position)


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (('"sponsors": [', '"sponsors": [1,,'), "not JSON: Expecting value"),
        (('"url": "https://lmzheng.net/"', '"url": "javascript:alert(1)"'), "not About JSON: groups.0.members.0.url: "),
        (('"name": "Ke Bao",', ""), "not About JSON: groups.1.members.0.name: Field required"),
        (('"kind": "donor"', '"kind": "friend"'), "not About JSON: sponsors.0.kind: Input should be"),
        (('"year": 2023', '"year": "soon"'), "not About JSON: history.events.0.year: Input should be"),
    ],
)
def test_cli_refuses_what_is_not_about_json_with_one_line(
    edit: tuple[str, str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text, line = _edited(*edit)
    if edit[1].endswith(",,"):
        line = _line_of(text, text.index(",,") + 1)
    path = tmp_path / "about.json"
    path.write_text(text, encoding="utf-8")
    assert main(["render", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"lmsys-about: {path}:{line}: {message}")
    assert captured.err.count("\n") == 1


def test_cli_refuses_json_that_is_not_an_object(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "about.json"
    path.write_text("\n[1]\n", encoding="utf-8")
    assert main(["render", str(path)]) == 2
    assert capsys.readouterr().err.startswith(f"lmsys-about: {path}:2: not About JSON: the document: Input should be")


def test_cli_reports_a_value_that_cannot_be_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = load().model_dump(mode="json")
    data["groups"][0]["members"][1]["name"] = "Ying Sheng*"
    path = tmp_path / "about.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["render", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("lmsys-about: about.md:9: groups[0].members[1].name: cannot be written losslessly")
    assert err.count("\n") == 1


# Guards: render reads About JSON as guardedly as loads reads a page.


def _run_render(
    text: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *options: str
) -> tuple[int, str, str]:
    feed_stdin(monkeypatch, text)
    status = main(["render", "-", *options])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[" * 100_000 + "]" * 100_000, "<stdin>:1: JSON nested deeper than 40 levels"),
        ('{"title":\n' + "[" * 41 + "]" * 41 + "}", "<stdin>:2: JSON nested deeper than 40 levels"),
        ('{"title":\n\n' + "9" * 5000 + "}", "<stdin>:3: a number of more than 4,300 digits"),
    ],
)
def test_cli_refuses_json_past_a_limit_with_one_line(
    text: str, message: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    status, out, err = _run_render(text, capsys, monkeypatch)
    assert (status, out) == (2, "")
    assert err.startswith(f"lmsys-about: {message}")
    assert err.count("\n") == 1


def test_cli_names_a_hostile_key_escaped_on_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = load().model_dump(mode="json")
    data["front_matter"]["x\n::error file=x.md,line=1::forged\x1b[2J"] = 1
    status, _, err = _run_render(json.dumps(data), capsys, monkeypatch)
    assert status == 2
    assert err.count("\n") == 1
    assert "front_matter.x\\x0a::error file=x.md,line=1::forged\\x1b[2J" in err


def test_cli_caps_its_json_at_32_times_the_page_cap(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    document = BUNDLED_JSON + " " * 32 * 1024 * 32  # spaces are JSON, and the cap comes before reading them
    status, _, err = _run_render(document, capsys, monkeypatch)
    assert status == 2
    assert err == f"lmsys-about: <stdin>: input is more than {32 * 1024 * 32:,} bytes, above the limit of 1,048,576\n"
    assert _run_render(document, capsys, monkeypatch, "--max-bytes", "none")[0] == 0
    status, _, err = _run_render(BUNDLED_JSON, capsys, monkeypatch, "--max-bytes", "400")
    assert status == 2
    assert err == "lmsys-about: <stdin>: input is more than 12,800 bytes, above the limit of 12,800\n"


def _large_about(people: int) -> About:
    members = ", ".join(f"[Person Number{i}](https://p{i}.example.org/)" for i in range(people))
    return loads(f"---\ntitle: About\n---\nOWS Labs (OWS) is a lab.\n\n## Team\n{members}\n", max_bytes=None)


def test_a_page_above_the_cap_renders_when_the_cap_allows_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    about = _large_about(1000)
    with pytest.raises(RenderError, match=r"the page would be [0-9,]+ bytes, above the limit of 32,768") as caught:
        render(about)
    assert caught.value.field == "about"
    page = render(about, max_bytes=None)
    assert len(page.encode()) > 32 * 1024
    assert modulo(loads(page, max_bytes=None)) == modulo(about)
    path = tmp_path / "about.json"
    path.write_text(json.dumps(about.model_dump(mode="json")), encoding="utf-8")
    assert main(["render", str(path)]) == 2
    assert "above the limit of 32,768" in capsys.readouterr().err
    assert main(["render", str(path), "--max-bytes", "none"]) == 0
    assert capsys.readouterr().out == page


def test_front_matter_nested_deeper_than_yaml_takes_is_a_render_error() -> None:
    nested: list[object] = []
    for _ in range(300):
        nested = [nested]
    about = load().model_copy(update={"front_matter": {"title": "About", "deep": nested}})
    with pytest.raises(RenderError, match="nested deeper than 32 levels") as caught:
        render(about)
    assert caught.value.field == "front_matter.deep" + "[0]" * 31
    shallow: list[object] = []
    for _ in range(30):
        shallow = [shallow]
    assert (
        loads(render(about.model_copy(update={"front_matter": {"title": "About", "x": shallow}}))).front_matter["x"]
        == shallow
    )


def test_a_render_error_names_a_hostile_key_on_one_line() -> None:
    key = "x\n::error file=x.md,line=1::forged"
    nested: list[object] = []
    for _ in range(40):
        nested = [nested]
    about = load().model_copy(update={"front_matter": {"title": "About", key: nested}})
    with pytest.raises(RenderError) as caught:
        render(about)
    assert caught.value.field.startswith(f"front_matter.{key}[0]")  # the data, exact
    assert "\n" not in str(caught.value)
    assert str(caught.value).startswith("about.md: front_matter.x\\x0a::error file=x.md,line=1::forged[0]")
