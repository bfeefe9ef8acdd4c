"""``lmsys-about diff``: formats and exit codes, through ``main([...])``."""

from __future__ import annotations

import hashlib
import io
import json
import sys
from pathlib import Path

import pytest

from lmsys_about._cli.main import main

from ..paths import DIFF, ERROR, PARSE

CASES = DIFF


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def paths(case: str) -> list[str]:
    return [str(CASES / case / "old.md"), str(CASES / case / "new.md")]


def test_text_is_a_changelog_and_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["diff", *paths("person-added-removed")], capsys)
    assert (code, err) == (1, "")
    assert out == "+ Donald Knuth joined Members (line 12)\n- Edsger Dijkstra left Members (old line 12)\n"


def test_no_change_is_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["diff", *paths("format-one-link-per-line")], capsys)
    assert (code, out) == (0, "No changes.\n")
    code, out, _ = run(["diff", *paths("format-heading-level"), "--format", "json"], capsys)
    assert (code, json.loads(out)["changes"]) == (0, [])


def test_json_names_both_versions_and_lists_the_changes(capsys: pytest.CaptureFixture[str]) -> None:
    old, new = paths("group-added-removed")
    code, out, _ = run(["diff", old, new, "--format", "json"], capsys)
    assert code == 1
    data = json.loads(out)
    assert list(data) == ["format_version", "old", "new", "changes"]
    assert data["format_version"] == "1.0"
    assert data["old"] == {"source": old, "sha256": hashlib.sha256(Path(old).read_bytes()).hexdigest()}
    assert data["new"] == {"source": new, "sha256": hashlib.sha256(Path(new).read_bytes()).hexdigest()}
    expected = json.loads((CASES / "group-added-removed" / "expected.json").read_text())
    assert [{key: change[key] for key in expected[0]} for change in data["changes"]] == expected
    assert data["changes"][2] == {
        "kind": "person-moved",
        "subject": "person",
        "sign": "~",
        "name": "John von Neumann",
        "old": "Advisors",
        "new": "Alumni",
        "old_line": 15,
        "new_line": 15,
        "text": "John von Neumann moved from Advisors to Alumni",
    }


def test_every_change_has_the_same_keys_whatever_its_kind(capsys: pytest.CaptureFixture[str]) -> None:
    keys: set[tuple[str, ...]] = set()
    kinds: set[str] = set()
    for case in sorted(path.name for path in CASES.iterdir() if path.is_dir()):
        _, out, _ = run(["diff", *paths(case), "--format", "json"], capsys)
        for change in json.loads(out)["changes"]:
            keys.add(tuple(change))
            kinds.add(change["kind"])
    assert keys == {("kind", "subject", "sign", "name", "old", "new", "old_line", "new_line", "text")}
    assert len(kinds) >= 20


def test_json_names_standard_input(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = paths("person-moved")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(Path(new).read_bytes())))
    code, out, _ = run(["diff", old, "-", "--format", "json"], capsys)
    assert code == 1
    assert json.loads(out)["new"] == {"source": "<stdin>", "sha256": hashlib.sha256(Path(new).read_bytes()).hexdigest()}


def test_markdown_groups_changes_by_subject(capsys: pytest.CaptureFixture[str]) -> None:
    old, new = paths("group-renamed")
    code, out, _ = run(["diff", old, new, "--format", "markdown"], capsys)
    assert code == 1
    assert out.splitlines() == [
        f"**About page**: 3 changes from `{old}` to `{new}`",
        "",
        "#### Groups",
        "",
        "- **~** group Members renamed to Project members (line 11)",
        "- **~** group Advisors renamed to Board (line 14)",
        "",
        "#### People",
        "",
        "- **+** Kurt Gödel joined Board (line 15)",
    ]


def test_markdown_escapes_names_and_wraps_urls(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = tmp_path / "old.md"
    new = tmp_path / "new.md"
    old.write_text("OWS Labs (OWS) is a lab.\n\n## Team\n[Ada_King](https://ada.example.org/a_b)\n")
    new.write_text("OWS Labs (OWS) is a lab.\n\n## Team\n[Ada_King](https://ada.example.org/c_d)\n")
    code, out, _ = run(["diff", str(old), str(new), "--format", "markdown"], capsys)
    assert code == 1
    assert (
        "- **~** Ada\\_King's link changed from <https://ada.example.org/a_b> to <https://ada.example.org/c_d> (line 4)"
        in out
    )


def test_one_side_from_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = paths("sponsor-kind-changed")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(Path(new).read_bytes())))
    code, out, _ = run(["diff", old, "-"], capsys)
    assert (code, out) == (1, "~ sponsor Globex changed from donor to api_credits (line 23)\n")


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["diff", str(PARSE / "full-page.md"), str(PARSE / "nope.md")], id="missing-file"),
        pytest.param(["diff", str(ERROR / "yaml.md"), str(PARSE / "full-page.md")], id="bad-yaml"),
        pytest.param(["diff", "-", "-"], id="stdin-twice"),
        pytest.param(["diff", str(PARSE / "full-page.md")], id="one-path"),
        pytest.param(["diff", "a.md", "b.md", "--format", "yaml"], id="unknown-format"),
    ],
)
def test_bad_input_is_exit_2(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(args, capsys)
    assert (code, out) == (2, "")
    assert err


def test_bad_input_names_the_file_and_line(capsys: pytest.CaptureFixture[str]) -> None:
    bad = ERROR / "yaml.md"
    code, _, err = run(["diff", str(PARSE / "full-page.md"), str(bad)], capsys)
    assert code == 2
    assert err.startswith(f"lmsys-about: {bad}:")
    assert "YAML does not parse" in err
