"""The command through ``main([...])``: every subcommand and format, stdin, exit codes, and errors."""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from lmsys_about import RECORD_KINDS, json_schema, load, loads, to_jsonld, to_records
from lmsys_about._cli import common
from lmsys_about._cli import main as cli
from lmsys_about._cli.main import main
from lmsys_about._export.check import Finding, Report, github_report, report_of
from lmsys_about._read.source import DEFAULT_MAX_BYTES

from ..pages import EXPORTS, WARNINGS

ROOT = Path(__file__).resolve().parents[2]
PAGE_COMMANDS = ["json", "show", *RECORD_KINDS, "jsonld", "check"]  # the subcommands that read a page
ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture
def exports(tmp_path: Path) -> Path:
    path = tmp_path / "exports.md"
    path.write_text(EXPORTS, encoding="utf-8")
    return path


@pytest.fixture
def warnings_page(tmp_path: Path) -> Path:
    path = tmp_path / "warnings.md"
    path.write_text(WARNINGS, encoding="utf-8")
    return path


def feed_stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))


def csv_cells(record: dict[str, object]) -> dict[str, str]:
    return {key: "" if value is None else str(value) for key, value in record.items()}


# json


def test_json_of_bundled_page(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["json"]) == 0
    assert json.loads(capsys.readouterr().out) == load().model_dump(mode="json")


def test_json_indent(exports: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["json", str(exports), "--indent", "4"]) == 0
    out = capsys.readouterr().out
    assert out.startswith('{\n    "format_version": "1.0",\n    "source": ')
    assert json.loads(out)["source_sha256"] == load(exports).source_sha256


def test_bare_path_means_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "about.md"
    page.write_text("OWS Labs (OWS) is a lab.\n\n## Team\n[Ada](https://ada.example.org/)\n")
    assert main([str(page), "--compact"]) == 0
    out = capsys.readouterr().out
    assert "\n" not in out.strip()
    assert json.loads(out)["people"][0]["name"] == "Ada"


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    feed_stdin(monkeypatch, "OWS Labs (OWS) is a lab.\n")
    assert main(["json", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["source"] == "<stdin>"


# show


def test_show_is_plain_aligned_text_when_not_a_terminal(exports: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(exports)]) == 0
    out = capsys.readouterr().out
    assert not ANSI.search(out)
    assert out.isascii() is False  # the names keep their accents
    lines = out.splitlines()
    assert lines[0] == "Open Widget Systems Organization (OWS Corp)"
    for heading in [
        "Directors and officers (2 people, line 7)",
        "Project members (2 people, line 12)",
        "Sponsors: donors (2)",
        "Sponsors: API credits (1)",
        "History",
        "Projects",
        "Contact (ows@example.org)",
    ]:
        assert heading in lines
    # A table: header, dashes, rows whose columns start where the header's do.
    start = lines.index("Directors and officers (2 people, line 7)") + 1
    header, rule, *rows = lines[start : start + 4]
    assert header.split() == ["Name", "Link", "Notes", "Line"]
    assert set(rule) == {"-", " "}
    link_column = header.index("Link")
    assert [row[link_column:].split()[0] for row in rows] == ["https://github.com/ada", "https://hopper.example.org/"]
    assert rows[0].startswith('Ada "Countess" Lovelace')
    assert rows[0].split()[-2:] == ["initiators", "10"]
    assert any(line.startswith("2023-03 ") and "It was established" in line for line in lines)
    assert any(line.split() == ["Widget", "Arena", "graduated", "https://arena.example.org/", "28"] for line in lines)


def test_show_has_colour_on_a_terminal(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main(["show"]) == 0
    out = capsys.readouterr().out
    assert ANSI.search(out)
    assert "Large Model Systems Organization (LMSYS Corp)" in ANSI.sub("", out)


def test_show_mentions_diagnostics(warnings_page: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(warnings_page)]) == 0
    assert "Diagnostics: 2 warnings, 1 info (see `lmsys-about check`)" in capsys.readouterr().out


# people, sponsors, events


@pytest.mark.parametrize("kind", RECORD_KINDS)
def test_tables_as_csv(kind: str, exports: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([kind, str(exports)]) == 0  # CSV by default
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out, newline="")))
    assert rows == [csv_cells(record) for record in to_records(load(exports), kind)]
    assert rows


@pytest.mark.parametrize("kind", RECORD_KINDS)
def test_tables_as_ndjson(kind: str, exports: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([kind, str(exports), "--format", "ndjson"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line) for line in lines] == to_records(load(exports), kind)
    assert lines


@pytest.mark.parametrize("kind", RECORD_KINDS)
def test_tables_as_json(kind: str, exports: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([kind, str(exports), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == to_records(load(exports), kind)


@pytest.mark.parametrize("kind", RECORD_KINDS)
def test_tables_from_stdin(kind: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    feed_stdin(monkeypatch, EXPORTS)
    assert main([kind, "-", "--format", "ndjson"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows == to_records(loads(EXPORTS, source="<stdin>"), kind)
    assert {row["source"] for row in rows} == {"<stdin>"}


# Text a spreadsheet would run as formulas: the meaning of a person's mark (a person's name cannot start with
# '=': the parser doubts it) and two sponsors' names.
FORMULAS = EXPORTS.replace("denotes initiators", "denotes =HYPERLINK(1)").replace("[Acme, Inc.]", "[@Acme]")
FORMULAS = FORMULAS.replace("[Globex]", "[-Globex]")


@pytest.mark.parametrize(
    ("kind", "column", "names"), [("people", "notes", ["'=HYPERLINK(1)"]), ("sponsors", "name", ["'@Acme", "'-Globex"])]
)
def test_csv_tables_quote_formulas_unless_raw(
    kind: str, column: str, names: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "formulas.md"
    path.write_text(FORMULAS, encoding="utf-8")
    assert main([kind, str(path)]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out, newline="")))
    assert [row[column] for row in rows[: len(names)]] == names
    assert main([kind, str(path), "--raw-csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out, newline="")))
    assert rows == [csv_cells(record) for record in to_records(load(path), kind)]
    assert [row[column] for row in rows[: len(names)]] == [name[1:] for name in names]
    assert main([kind, str(path), "--format", "ndjson", "--raw-csv"]) == 0  # NDJSON is exact either way
    assert [json.loads(line) for line in capsys.readouterr().out.splitlines()] == to_records(load(path), kind)


def test_people_of_the_bundled_page(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["people"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 24
    assert rows[0]["name"] == "Lianmin Zheng"
    assert rows[0]["line"] == "9"
    assert rows[0]["source"] == "about.md"


# schema and jsonld


def test_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "--compact"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1
    assert json.loads(out) == json_schema()


def test_jsonld(exports: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["jsonld", str(exports)]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document == to_jsonld(load(exports))
    assert document["@context"] == "https://schema.org"
    assert document["subjectOf"]["identifier"]["value"] == load(exports).source_sha256


def test_jsonld_from_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    feed_stdin(monkeypatch, EXPORTS)
    assert main(["jsonld", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["alternateName"] == "OWS Corp"


# check


def test_check_prints_each_diagnostic_and_passes_on_warnings(
    warnings_page: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(warnings_page)]) == 0
    captured = capsys.readouterr()
    path = str(warnings_page)
    assert captured.out.splitlines() == [
        f"{path}:8: warning unsafe-url link 'Grace Hopper' dropped: unsupported URL scheme 'javascript'"
        " (only http, https and mailto are accepted)",
        f"{path}:10: warning unknown-section section 'Gallery' is not recognised",
        f"{path}:11: info unplaced-item item 'a picture of the office' is not part of any extracted value",
    ]
    assert captured.err == f"{path}: passed: 0 errors, 2 warnings, 1 info\n"


def test_check_strict_fails_on_warnings(warnings_page: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(warnings_page), "--strict"]) == 1
    assert capsys.readouterr().err == f"{warnings_page}: failed (strict): 0 errors, 2 warnings, 1 info\n"


def test_check_of_a_clean_page(exports: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(exports), "--strict"]) == 0
    assert capsys.readouterr() == ("", f"{exports}: passed (strict): 0 errors, 0 warnings, 0 info\n")


def test_check_of_the_bundled_page(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == 0
    assert capsys.readouterr().out.startswith("about.md:40: warning email-mismatch link text 'lmsys.org@gmail.com'")
    assert main(["check", "--strict"]) == 1


def test_info_never_fails_a_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "info.md"
    page.write_text(EXPORTS + "\n- an item nobody can place\n", encoding="utf-8")
    assert [d.severity for d in load(page).diagnostics] == ["info"]
    assert main(["check", str(page), "--strict"]) == 0
    assert " info unplaced-item " in capsys.readouterr().out


def test_check_takes_several_pages_and_fails_when_one_fails(
    exports: Path, warnings_page: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(exports), str(warnings_page)]) == 0
    capsys.readouterr()
    assert main(["check", "--strict", str(exports), str(warnings_page)]) == 1
    captured = capsys.readouterr()
    assert [line.split(": ")[0] for line in captured.out.splitlines()] == [f"{warnings_page}:{n}" for n in (8, 10, 11)]
    assert captured.err.splitlines() == [
        f"{exports}: passed (strict): 0 errors, 0 warnings, 0 info",
        f"{warnings_page}: failed (strict): 0 errors, 2 warnings, 1 info",
        "2 pages: 1 passed, 1 failed",
    ]


def test_a_page_that_cannot_be_read_is_exit_2_and_the_others_are_checked(
    exports: Path, warnings_page: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nope.md"
    assert main(["check", str(warnings_page), str(missing), str(exports)]) == 2
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 3  # the findings of warnings.md
    assert captured.err.splitlines() == [
        f"lmsys-about: {missing}: cannot read file: No such file or directory",
        f"{warnings_page}: passed: 0 errors, 2 warnings, 1 info",
        f"{exports}: passed: 0 errors, 0 warnings, 0 info",
        "3 pages: 2 passed, 0 failed, 1 could not be read",
    ]


@pytest.mark.parametrize(
    ("options", "codes"),
    [
        ([], ["unsafe-url", "unknown-section", "unplaced-item"]),
        (["--select", "unplaced-"], ["unplaced-item"]),
        (["--select", "unplaced"], ["unplaced-item"]),
        (["--select", "unsafe-url,unknown-section"], ["unsafe-url", "unknown-section"]),
        (["--select", "unsafe-url", "--select", "unplaced-"], ["unsafe-url", "unplaced-item"]),
        (["--ignore", "unplaced-,unknown-section"], ["unsafe-url"]),
        (["--select", "unplaced-,unknown-section", "--ignore", "unplaced-item"], ["unknown-section"]),
    ],
)
def test_select_and_ignore_take_codes_and_prefixes(
    options: list[str], codes: list[str], warnings_page: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["check", str(warnings_page), *options])
    assert [line.split()[2] for line in capsys.readouterr().out.splitlines()] == codes


def test_ignoring_a_warning_lets_a_strict_check_pass(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "about.md"
    page.write_text(EXPORTS.split("---\n", 2)[2], encoding="utf-8")  # no front matter, as the newest pages
    assert main(["check", "--strict", str(page)]) == 1
    assert main(["check", "--strict", "--ignore", "no-front-matter", str(page)]) == 0
    assert capsys.readouterr().err.splitlines()[-1] == f"{page}: passed (strict): 0 errors, 0 warnings, 0 info"


@pytest.mark.parametrize("selector", ["unplaced_", "nonsense", "unplaced-x", "-"])
def test_an_unknown_selector_is_a_usage_error(
    selector: str, warnings_page: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(warnings_page), "--ignore", selector]) == 2
    assert capsys.readouterr() == (
        "",
        f"lmsys-about: unknown code or prefix {selector!r} (docs/diagnostics.md lists the codes)\n",
    )


def test_check_escapes_the_page_s_control_characters(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "new\x1b[2Jpage\u202e.md"
    page.write_text(EXPORTS + "\n## Gallery\x1b[2J\u202e\n", encoding="utf-8")
    assert main(["check", str(page)]) == 0
    shown = f"{tmp_path}/new\\x1b[2Jpage\\u202e.md"
    message = "section 'Gallery\\x1b[2J\\u202e' is not recognised"
    assert capsys.readouterr() == (
        f"{shown}:34: warning unknown-section {message}\n",
        f"{shown}: passed: 0 errors, 1 warning, 0 info\n",
    )


def test_errors_fail_a_check_without_strict() -> None:
    about = loads(EXPORTS)
    error = [loads(WARNINGS).diagnostics[0].model_copy(update={"severity": "error"})]
    assert report_of(about, path="p.md", strict=False).passed
    assert not report_of(about.model_copy(update={"diagnostics": error}), path="p.md", strict=False).passed


def test_check_as_json(warnings_page: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(warnings_page), "--format", "json", "--strict"]) == 1
    output = json.loads(capsys.readouterr().out)
    assert output["format_version"] == "1.0"
    assert (output["passed"], output["strict"]) == (False, True)
    assert output["counts"] == {"error": 0, "warning": 2, "info": 1}
    (report,) = output["pages"]
    assert report["path"] == str(warnings_page)
    assert report["passed"] is False
    assert report["counts"] == {"error": 0, "warning": 2, "info": 1}
    assert report["source_sha256"] == load(warnings_page).source_sha256
    assert report["diagnostics"][1] == {
        "path": str(warnings_page),
        "line": 10,
        "severity": "warning",
        "code": "unknown-section",
        "message": "section 'Gallery' is not recognised",
    }


def test_check_as_github_annotations(warnings_page: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(warnings_page), "--format", "github"]) == 0
    lines = capsys.readouterr().out.splitlines()
    path = str(warnings_page).replace(":", "%3A").replace(",", "%2C")
    assert lines[1] == f"::warning file={path},line=10::unknown-section section 'Gallery' is not recognised"
    assert lines[2].startswith(f"::notice file={path},line=11::unplaced-item ")
    assert len(lines) == 3


def test_github_annotations_escape_what_would_end_them() -> None:
    finding = Finding("dir,a:b/p%.md", None, "error", "some-code", "two\nlines, 100%: done")
    out = github_report([Report(path="p.md", source_sha256=None, strict=False, findings=(finding,))])
    assert out == "::error file=dir%2Ca%3Ab/p%25.md::some-code two%0Alines, 100%25: done\n"


def test_check_reports_a_page_that_does_not_parse(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "broken.md"
    page.write_text("---\ntitle: [unclosed\n---\n")
    assert main(["check", str(page), "--format", "github"]) == 2
    captured = capsys.readouterr()
    assert captured.out.startswith(f"::error file={str(page).replace(':', '%3A')},line=3::front-matter-error YAML")
    assert captured.err.count("\n") == 1
    assert captured.err.startswith(f"lmsys-about: {page}:3: YAML does not parse")


# stdin and errors, for every subcommand that reads a page


@pytest.mark.parametrize("command", PAGE_COMMANDS)
def test_every_page_command_reads_stdin(
    command: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    feed_stdin(monkeypatch, EXPORTS)
    assert main([command, "-"]) == 0
    captured = capsys.readouterr()
    if command == "check":  # its text goes to stderr, and names the input
        assert captured.err == "<stdin>: passed: 0 errors, 0 warnings, 0 info\n"
    else:  # every output carries the hash of the input bytes
        assert hashlib.sha256(EXPORTS.encode()).hexdigest() in captured.out


@pytest.mark.parametrize("command", PAGE_COMMANDS)
def test_missing_file_is_one_line_and_exit_2(command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([command, str(tmp_path / "nope.md")]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"lmsys-about: {tmp_path / 'nope.md'}: cannot read file: No such file or directory\n"


@pytest.mark.parametrize("command", PAGE_COMMANDS)
def test_every_page_command_keeps_the_default_size_cap(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "big.md"
    path.write_bytes(EXPORTS.encode() + b"x" * DEFAULT_MAX_BYTES)
    assert main([command, str(path)]) == 2
    limit = f"above the limit of {DEFAULT_MAX_BYTES:,}"
    size = path.stat().st_size  # the file's real size, though no more than one byte past the cap is read
    assert capsys.readouterr().err == f"lmsys-about: {path}: input is {size:,} bytes, {limit}\n"


@pytest.mark.parametrize("command", PAGE_COMMANDS)
@pytest.mark.parametrize("limit", [str(4 * DEFAULT_MAX_BYTES), "none"])
def test_max_bytes_raises_the_cap_on_purpose(
    command: str, limit: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "big.md"
    path.write_bytes(EXPORTS.encode() + b"\n" + b"x" * DEFAULT_MAX_BYTES + b"\n")
    assert main([command, str(path), "--max-bytes", limit]) in (0, 1)  # check may find warnings
    assert "above the limit" not in capsys.readouterr().err


@pytest.mark.parametrize("command", PAGE_COMMANDS)
def test_a_lower_cap_refuses_a_page_and_stdin_is_read_no_further(
    command: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stdin = io.BytesIO(EXPORTS.encode())
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(stdin))
    assert main([command, "-", "--max-bytes", "100"]) == 2
    # A pipe does not say how much more it holds; a file does (test_every_page_command_keeps_the_default_size_cap).
    assert capsys.readouterr().err == "lmsys-about: <stdin>: input is more than 100 bytes, above the limit of 100\n"
    assert stdin.tell() == 101  # one byte past the cap, not the whole input


def test_diff_and_history_take_max_bytes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = tmp_path / "old.md", tmp_path / "new.md"
    old.write_text(EXPORTS, encoding="utf-8")
    new.write_text(EXPORTS.replace("Ada", "Adele"), encoding="utf-8")
    assert main(["diff", str(old), str(new), "--max-bytes", "100"]) == 2
    assert capsys.readouterr().err.endswith("above the limit of 100\n")
    assert main(["diff", str(old), str(new), "--max-bytes", "none"]) == 1
    assert main(["history", str(tmp_path), "--max-bytes", "0"]) == 2  # a usage error, before git runs
    assert "must be a number of bytes ('none': no limit) from 1 to " in capsys.readouterr().err


@pytest.mark.parametrize("command", PAGE_COMMANDS)
def test_bad_stdin_is_one_line_and_exit_2(
    command: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"---\ntitle: x\n\xff\n---\n")))
    assert main([command, "-"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("lmsys-about: <stdin>:3: ")
    assert captured.err.count("\n") == 1


@pytest.mark.parametrize(
    "argv",
    [["json", "--no-such-option"], ["people", "--format", "xml"], ["check", "--format", "sarif"], ["schema", "x.md"]],
)
def test_usage_error_is_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("lmsys-about: ")
    assert err.endswith(f" (see 'lmsys-about {argv[0]} --help')\n") or err.endswith(" (see 'lmsys-about --help')\n")
    assert err.count("\n") == 1


def test_help_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for command in [*PAGE_COMMANDS, "schema"]:
        assert command in out
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == "lmsys-about 0.1.0"


# the registry of subcommands


def test_a_registrar_adds_a_subcommand(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def count(args: argparse.Namespace) -> int:
        print(len(common.read_about(args.path).people))
        return common.EXIT_FINDINGS

    def register(subparsers: common.Subparsers) -> None:
        parser = subparsers.add_parser("count", help="count the people")
        common.add_path(parser)
        parser.set_defaults(handler=count)

    monkeypatch.setattr(cli, "_REGISTRARS", (*cli._REGISTRARS, register))
    assert main(["count"]) == 1
    assert capsys.readouterr().out == "24\n"
    assert main(["--compact"]) == 0  # anything else still means json
    assert json.loads(capsys.readouterr().out)["source"] == "about.md"


# as a process


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], input=stdin, capture_output=True, text=True, encoding="utf-8", cwd=ROOT, check=False
    )


def test_python_m_lmsys_about() -> None:
    result = run("-m", "lmsys_about", "sponsors", "-", "--format", "ndjson", stdin=EXPORTS)
    assert result.returncode == 0, result.stderr
    assert [json.loads(line)["name"] for line in result.stdout.splitlines()] == ["Acme, Inc.", "Globex", "Umbrella"]
    result = run("-m", "lmsys_about", "check", "--strict")
    assert result.returncode == 1
    assert result.stdout.startswith("about.md:40: warning email-mismatch ")
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_failed_write_is_one_line_and_exit_2() -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "lmsys_about", "json"], stdout=full, stderr=subprocess.PIPE, text=True, check=False
        )
    assert result.returncode == 2
    assert result.stderr == "lmsys-about: I/O error: No space left on device\n"


def test_importing_the_command_does_not_import_what_only_some_commands_need() -> None:
    """Every command builds the parser: rich, pyld, matplotlib and the models' validators load on first use."""
    heavy = "('rich', 'pyld', 'matplotlib', 'lmsys_about.models')"
    code = f"import sys, lmsys_about._cli.main; print(sorted(m for m in {heavy} if m in sys.modules))"
    result = run("-c", code)
    assert result.stdout == "[]\n", result.stderr


def test_the_documentation_has_every_subcommand() -> None:
    """Each subcommand is in the README's table of commands and has its section in docs/cli.md."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    reference = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    headings = [line for line in reference.splitlines() if line.startswith("## `lmsys-about ")]
    commands = cli.build_parser()[1]
    assert commands >= {*PAGE_COMMANDS, "schema"}
    for command in commands:
        assert f"| `{command}" in readme or f", `{command}" in readme, command
        assert any(re.search(rf"[ |]{command}[ |`]", heading) for heading in headings), command


def test_check_prints_each_doubtful_name_with_its_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "projects.md"
    page.write_text(
        "---\ntitle: About\n---\n\nOpen Widget Systems Organization (OWS Corp) is a non-profit.\n\n"
        "### Members\n[Ada Lovelace](https://ada.example.org/), [https://x.example.org/](https://x.example.org/)\n",
        encoding="utf-8",
    )
    assert main(["check", str(page)]) == 0
    message = "'https://x.example.org/' is not taken as a person: it is a web address (url)"
    assert capsys.readouterr() == (
        f"{page}:8: warning doubtful-name {message}\n",
        f"{page}: passed: 0 errors, 1 warning, 0 info\n",
    )
    assert main(["check", str(page), "--strict"]) == 1
    assert capsys.readouterr().err.splitlines()[-1] == f"{page}: failed (strict): 0 errors, 1 warning, 0 info"
