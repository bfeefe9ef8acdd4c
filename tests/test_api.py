"""load / loads: inputs, encodings, line numbers, strict mode, errors, and the public surface."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

import lmsys_about
import lmsys_about._api
from lmsys_about import AboutError, AboutValidationError, FrontMatterError, SourceError, load, loads
from lmsys_about._api import parse_data

from .paths import CORPUS_PAGES, PARSEABLE

PAGES = PARSEABLE + CORPUS_PAGES

PAGE = (
    "---\ntitle: About\nyear: 2024\nflag: no\n---\n\n"
    "ACME Labs (ACME) is a lab. We aim to build tools.\n\n"
    "## Team\n[Ada Lovelace](https://github.com/ada), Bob Smith\n"
)


def test_bundled_page_is_the_current_one() -> None:
    about = load()
    assert about.source == "about.md"
    assert about.organization.short_name == "LMSYS Corp"
    assert [g.name for g in about.groups] == ["Directors and officers", "Project members", "Advisors"]
    assert {s.kind for s in about.sponsors} == {"donor", "api_credits"}
    assert about.history.projects[0].status == "graduated"


def test_loads_str_and_bytes_agree() -> None:
    assert loads(PAGE) == loads(PAGE.encode())


def test_front_matter_scalars_stay_as_written() -> None:
    about = loads(PAGE)
    assert about.front_matter == {"title": "About", "year": "2024", "flag": "no"}


def test_lines_count_the_front_matter() -> None:
    about = loads(PAGE)
    assert [(p.name, p.line, p.github) for p in about.people] == [("Ada Lovelace", 10, "ada"), ("Bob Smith", 10, None)]
    assert about.groups[0].line == 9


@pytest.mark.parametrize(
    "variant",
    [
        pytest.param(lambda text: "\ufeff" + text, id="bom"),
        pytest.param(lambda text: text.replace("\n", "\r\n"), id="crlf"),
        pytest.param(lambda text: text.replace("\n", "\r"), id="cr"),
    ],
)
def test_bom_and_line_endings_keep_line_numbers(variant: object) -> None:
    assert callable(variant)
    text = variant(PAGE)
    assert loads(text.encode()).model_dump(exclude={"source_sha256"}) == loads(PAGE).model_dump(
        exclude={"source_sha256"}
    )


def test_json_is_deterministic_and_keeps_page_order() -> None:
    first = json.dumps(load().model_dump(mode="json"))
    second = json.dumps(load().model_dump(mode="json"))
    assert first == second
    assert [p["name"] for p in json.loads(first)["people"]][:2] == ["Lianmin Zheng", "Ying Sheng"]


def test_strict_lists_every_warning() -> None:
    with pytest.raises(AboutValidationError) as info:
        load(strict=True)
    assert [d.code for d in info.value.diagnostics] == ["email-mismatch", "email-mismatch"]
    assert "about.md:40: email-mismatch" in str(info.value)
    assert loads(PAGE, strict=True).title == "About"


def test_page_without_front_matter_parses_with_a_warning() -> None:
    about = loads(PAGE.split("---\n", 2)[2])
    assert about.title is None
    assert about.diagnostics[0].code == "no-front-matter"


@pytest.mark.parametrize(
    ("data", "error", "line", "text"),
    [
        (b"---\ntitle: x\n---\n\xff\xfe", SourceError, 4, "not valid UTF-8"),
        (b"", SourceError, 1, "empty document"),
        (b"  \n\n", SourceError, 1, "empty document"),
        (b"body\n\nmore\x00", SourceError, 3, "NUL byte"),
        (b"---\ntitle: x\n", FrontMatterError, 1, "never closed"),
        (b"---\ntitle: [x\n---\n", FrontMatterError, 3, "YAML does not parse"),
        (b"---\njust a string\n---\n", FrontMatterError, 2, "not a mapping"),
        (
            b"---\n" + b"a:\n" + b"".join(b" " * i + b"- \n" for i in range(1, 60)) + b"---\n",
            FrontMatterError,
            None,
            "deeper",
        ),
    ],
)
def test_bad_input_raises_one_family_with_path_and_line(
    data: bytes, error: type[AboutError], line: int | None, text: str
) -> None:
    with pytest.raises(error) as info:
        loads(data, source="page.md")
    assert isinstance(info.value, AboutError)
    assert info.value.path == "page.md"
    if line is not None:
        assert info.value.line == line
        assert str(info.value).startswith(f"page.md:{line}: ")
    assert text in str(info.value)


def test_size_limit() -> None:
    with pytest.raises(SourceError, match="above the limit"):
        loads(PAGE, max_bytes=10)
    assert loads(PAGE, max_bytes=None).title == "About"


def test_missing_file_is_a_source_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="cannot read file") as info:
        load(tmp_path / "missing.md")
    assert info.value.path == str(tmp_path / "missing.md")


def test_all_is_complete() -> None:
    exported = set(lmsys_about.__all__)
    for name in dir(lmsys_about):
        value = getattr(lmsys_about, name)
        if name.startswith("_") or isinstance(value, ModuleType):
            continue
        if getattr(value, "__module__", "").startswith("lmsys_about"):
            assert name in exported, f"{name} is public but missing from __all__"
    from lmsys_about import errors, models
    from lmsys_about._diff import compare
    from lmsys_about._export import records

    assert set(models.__all__) | set(errors.__all__) | set(compare.__all__) | set(records.__all__) <= exported
    for name in exported:
        assert getattr(lmsys_about, name) is not None


def test_import_builds_no_model_and_reads_no_file() -> None:
    code = (
        "import sys, builtins\n"
        "opened = []\n"
        "real_open = builtins.open\n"
        "builtins.open = lambda *a, **k: (opened.append(a[0]), real_open(*a, **k))[1]\n"
        "import lmsys_about\n"
        "assert 'lmsys_about.models' not in sys.modules, 'models imported'\n"
        "assert not [f for f in opened if str(f).endswith('.md')], opened\n"
        "assert lmsys_about.About.__name__ == 'About'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize("path", PAGES, ids=[p.stem for p in PAGES])
def test_plain_data_is_what_the_models_dump(path: Path) -> None:
    data = path.read_bytes()
    plain = parse_data(data, source=path.name)
    assert json.dumps(plain) == json.dumps(loads(data, source=path.name).model_dump(mode="json"))


@pytest.mark.parametrize("path", PAGES, ids=[p.stem for p in PAGES])
def test_what_loads_skips_checking_passes_the_models_own_url_check(path: Path) -> None:
    # loads() tells the models that the extractors checked every URL; checking them all again changes nothing.
    from lmsys_about.models import About

    about = loads(path.read_bytes(), source=path.name)
    assert About.model_validate(about.model_dump()) == about


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://x.example/", "relative/path", "https://"])
def test_models_built_by_hand_still_check_urls(url: str) -> None:
    from pydantic import ValidationError

    from lmsys_about.models import Link, Person

    with pytest.raises(ValidationError, match="url"):
        Link(label="x", url=url, line=1)
    with pytest.raises(ValidationError, match="url"):
        Person.model_validate({"name": "Ada", "url": url, "github": None, "groups": [], "line": 1})
    with pytest.raises(ValidationError, match="url"):  # no validation context switches the check off
        Link.model_validate({"label": "x", "url": url, "line": 1}, context={"lmsys_about.urls_checked": True})


def test_several_marks_after_a_link_each_keep_their_meaning() -> None:
    page = (
        'OWS Labs (OWS) is a lab.\n\n"\\*" denotes initiators\n\n"†" denotes founders\n\n'
        "## Team\n[Ada](https://ada.example.org/)\\* †, Bob\\*\n"
    )
    about = loads(page)
    assert [(p.name, p.notes) for p in about.people] == [("Ada", ("initiators", "founders")), ("Bob", ("initiators",))]
    assert not [d for d in about.diagnostics if d.code == "unexplained-mark"]


def test_members_people_and_institutions_are_hashable_values() -> None:
    about = load()
    for models in (about.people, [m for g in about.groups for m in g.members], about.history.institutions):
        assert models
        assert len(set(models)) == len(models)  # each is hashable, and distinct ones stay distinct
        assert all(hash(model) == hash(model.model_copy()) for model in models)
    assert all(isinstance(p.groups, tuple) and isinstance(p.notes, tuple) for p in about.people)
