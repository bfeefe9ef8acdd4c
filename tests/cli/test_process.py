"""The command as a process in pipes, terminals and CI: closed pipes and streams, encodings, signals, colour,
the page's control characters, and numbers out of range. Each runs ``python -m lmsys_about`` for real where the
behaviour is the process's own."""

from __future__ import annotations

import os
import pty
import re
import shlex
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lmsys_about import diff, loads
from lmsys_about._cli import common
from lmsys_about._cli import main as cli
from lmsys_about._cli.main import main
from lmsys_about._diff.render import render_markdown, render_text
from lmsys_about._export.summary import render_summary
from lmsys_about._read.source import DEFAULT_MAX_BYTES

from ..pages import EXPORTS, WARNINGS
from ..test_properties import EXAMPLES

ROOT = Path(__file__).resolve().parents[2]
COMMAND = [sys.executable, "-m", "lmsys_about"]
SHELL_COMMAND = shlex.join(COMMAND)
DIFF_CASE = ROOT / "tests" / "fixtures" / "diff" / "group-added-removed"
ESCAPE = re.compile(r"\x1b\[")
# What a terminal would act on: C0 controls but the newline, DEL, C1 controls, and the direction characters.
RAW_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")

# A page whose prose, group heading, link and event hold what a terminal runs: ESC sequences, BEL, a C1 CSI,
# a right-to-left override, and a mention.
HOSTILE = (
    "---\ntitle: About\n---\n\n"
    "Open Widget Systems Organization (OWS Corp) is a non-profit\x1b[2J that rings\x07 bells.\n\n"
    "### Directors\x9b2J\n[Ada Lovelace](https://ada.example.org/), [Grace Hopper](https://hopper.example.org/\u202e)\n\n"
    "### History\nOWS was founded\u202e in 2021 by @octocat.\n"
)


def environment(**changes: str | None) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS")}
    env.pop("PYTHONIOENCODING", None)
    for key, value in changes.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def shell(script: str, **env: str | None) -> subprocess.CompletedProcess[bytes]:
    """``script`` run by bash, with ``$LMSYS_ABOUT`` the command; pipefail on, as a careful CI step has it."""
    return subprocess.run(
        ["bash", "-c", f"set -o pipefail; LMSYS_ABOUT={shlex.quote(SHELL_COMMAND)}; {script}"],
        capture_output=True,
        cwd=ROOT,
        env=environment(**env),
        check=False,
    )


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.md"
    path.write_text(HOSTILE, encoding="utf-8")
    return path


# A closed pipe


def closed_reader(*args: str) -> tuple[int, bytes]:
    """Run the command with a stdout whose reader has already gone: its first write fails with EPIPE."""
    read, write = os.pipe()
    os.close(read)
    try:
        result = subprocess.run([*COMMAND, *args], stdout=write, stderr=subprocess.PIPE, cwd=ROOT, check=False)
    finally:
        os.close(write)
    return result.returncode, result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["check", "--strict", "--format", "github"],  # fails on the bundled page's two warnings
        ["diff", str(DIFF_CASE / "old.md"), str(DIFF_CASE / "new.md")],  # finds changes
        ["diff", str(DIFF_CASE / "old.md"), str(DIFF_CASE / "new.md"), "--format", "markdown"],
    ],
)
def test_a_closed_pipe_never_turns_findings_into_success(args: list[str]) -> None:
    status, stderr = closed_reader(*args)
    assert status in (1, 141), stderr  # its own status when its output was all written, else 128 + SIGPIPE
    assert stderr == b""


@pytest.mark.parametrize("args", [["json"], ["people"], ["schema"], ["show"], ["--help"], ["--version"]])
def test_a_closed_pipe_ends_a_successful_command_quietly(args: list[str]) -> None:
    status, stderr = closed_reader(*args)
    assert status in (0, 141)
    assert stderr == b""


def test_a_failing_check_piped_into_head_fails_the_pipeline() -> None:
    for _ in range(3):
        result = shell('$LMSYS_ABOUT check --strict --format github | head -1; echo "${PIPESTATUS[0]}"')
        first, status = result.stdout.decode().splitlines()
        assert first.startswith("::warning file=about.md,line=40::")
        assert status in ("1", "141"), result.stderr  # 1 when head took its one write whole
    result = shell(f"$LMSYS_ABOUT diff {DIFF_CASE}/old.md {DIFF_CASE}/new.md | head -1")
    assert result.returncode in (1, 141)
    assert result.stderr == b""


def test_a_long_output_into_head_stops_early_and_quietly(tmp_path: Path) -> None:
    people = ",\n".join(f"Person {i}" for i in range(2000))  # 25 KB in, under the size cap; 200 KB out
    page = tmp_path / "big.md"
    page.write_text(f"OWS Labs (OWS) is a lab.\n\n## Team\n{people}\n")
    result = shell(f"$LMSYS_ABOUT people {page} | head -1")
    assert result.stdout.startswith(b"name,group,")
    # 0 when its output was all handed over before the reader left, else 141 (128 + SIGPIPE, as a shell has it)
    assert result.returncode in (0, 141)
    assert result.stderr == b""


# Closed streams


@pytest.mark.parametrize("command", ["json", "people", "show", "jsonld", "schema", "--help"])
def test_a_closed_stdout_is_one_line_and_exit_2(command: str) -> None:
    result = shell(f"$LMSYS_ABOUT {command} >&-")
    assert (result.returncode, result.stderr) == (2, b"lmsys-about: I/O error: standard output is closed\n")


def test_a_closed_stdin_is_one_line_and_exit_2() -> None:
    for command in ("json -", "render -", f"diff - {DIFF_CASE}/new.md"):
        result = shell(f"$LMSYS_ABOUT {command} <&-")
        assert result.returncode == 2
        assert result.stderr == b"lmsys-about: <stdin>: cannot read standard input: it is closed\n"


def test_a_closed_stderr_changes_no_status(tmp_path: Path) -> None:
    clean = tmp_path / "clean.md"
    clean.write_text(EXPORTS, encoding="utf-8")
    warned = tmp_path / "warned.md"
    warned.write_text(WARNINGS, encoding="utf-8")
    assert shell(f"$LMSYS_ABOUT check {clean} 2>&-").returncode == 0
    assert shell(f"$LMSYS_ABOUT check --strict {warned} 2>&-").returncode == 1
    assert shell(f"$LMSYS_ABOUT json {tmp_path}/missing.md 2>&-").returncode == 2
    result = shell(f"$LMSYS_ABOUT json {clean} 2>&-")
    assert (result.returncode, result.stdout[:1]) == (0, b"{")


def test_a_file_opened_later_never_takes_a_closed_stdout_s_place(tmp_path: Path) -> None:
    """With descriptor 1 closed, the page opened next would get it; writing 'stdout' must not write the page."""
    page = tmp_path / "page.md"
    page.write_text(EXPORTS, encoding="utf-8")
    assert shell(f"$LMSYS_ABOUT json {page} >&-").returncode == 2
    assert page.read_text(encoding="utf-8") == EXPORTS


# Encodings


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_a_terminal_that_cannot_show_a_character_gets_an_escape(encoding: str, tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(EXPORTS.replace("Grace Hopper", "李飞飞").replace("Globex", "Kurt Gödel"), encoding="utf-8")
    show = shell(f"$LMSYS_ABOUT show {page}", PYTHONIOENCODING=encoding)
    assert show.returncode == 0, show.stderr
    assert b"\\u674e\\u98de\\u98de" in show.stdout  # 李飞飞, escaped
    assert ("Kurt Gödel".encode(encoding, "backslashreplace")) in show.stdout
    diff = shell(f"$LMSYS_ABOUT diff {DIFF_CASE}/old.md {DIFF_CASE}/new.md", PYTHONIOENCODING=encoding)
    assert diff.returncode == 1, diff.stderr
    assert "+ Kurt Gödel joined Alumni (line 15)".encode(encoding, "backslashreplace") in diff.stdout
    missing = shell(f"$LMSYS_ABOUT json {tmp_path}/李.md", PYTHONIOENCODING=encoding)
    assert missing.returncode == 2
    assert b"lmsys-about: " + str(tmp_path).encode() + b"/\\u674e.md: cannot read file" in missing.stderr


@pytest.mark.parametrize("command", ["json", "people --format csv", "people --format ndjson", "jsonld", "render"])
def test_data_stays_exact_utf_8_whatever_the_terminal(command: str, tmp_path: Path) -> None:
    """JSON, NDJSON, CSV and Markdown are data: exchanged as UTF-8 (RFC 8259 asks it of JSON), never escaped."""
    page = tmp_path / "page.md"
    page.write_text(EXPORTS.replace("Grace Hopper", "Kurt Gödel"), encoding="utf-8")
    source = f"{page}" if command != "render" else "-"
    stdin = "" if command != "render" else f" < <($LMSYS_ABOUT json {page})"
    expected = shell(f"$LMSYS_ABOUT {command} {source}{stdin}")
    assert "Kurt Gödel".encode() in expected.stdout
    for encoding in ("ascii", "latin-1"):
        result = shell(f"$LMSYS_ABOUT {command} {source}{stdin}", PYTHONIOENCODING=encoding)
        assert (result.returncode, result.stdout, result.stderr) == (0, expected.stdout, b"")


def test_a_file_name_that_is_not_utf_8_never_crashes_an_output(tmp_path: Path) -> None:
    """Python reads the byte 0xff of a file name as a lone surrogate, which no UTF-8 output can encode."""
    Path(os.fsdecode(os.fsencode(tmp_path) + b"/\xff.md")).write_text(EXPORTS, encoding="utf-8")
    for command in ("json", "show", "people"):
        for encoding in ("utf-8", "ascii"):
            result = shell(f"$LMSYS_ABOUT {command} {tmp_path}/$'\\xff.md'", PYTHONIOENCODING=encoding)
            assert result.returncode == 0, result.stderr
            assert b"\\udcff.md" in result.stdout


@pytest.mark.parametrize("form", ["json", "markdown"])
def test_diff_data_stays_exact_utf_8_whatever_the_terminal(form: str) -> None:
    script = f"$LMSYS_ABOUT diff {DIFF_CASE}/old.md {DIFF_CASE}/new.md --format {form}"
    expected = shell(script)
    assert "Kurt Gödel".encode() in expected.stdout
    result = shell(script, PYTHONIOENCODING="ascii")
    assert (result.returncode, result.stdout, result.stderr) == (1, expected.stdout, b"")


# Signals, memory, numbers


def _sleeping_in_a_read(pid: int) -> bool:
    stat = Path(f"/proc/{pid}/stat").read_text()
    return stat.rpartition(")")[2].split()[0] == "S"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to see the command wait")
def test_ctrl_c_is_one_line_and_exit_130() -> None:
    with subprocess.Popen(
        [*COMMAND, "json", "-"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT
    ) as process:
        deadline = time.monotonic() + 60
        while not _sleeping_in_a_read(process.pid):  # started, and waiting for standard input
            assert time.monotonic() < deadline
            time.sleep(0.05)
        time.sleep(0.2)
        process.send_signal(signal.SIGINT)
        stdout, stderr = process.communicate(timeout=60)
    assert (process.returncode, stdout, stderr) == (130, b"", b"lmsys-about: interrupted\n")


@pytest.mark.parametrize(
    ("failure", "message"),
    [(KeyboardInterrupt, "interrupted"), (MemoryError, "out of memory"), (RecursionError, "input nested too deeply")],
)
def test_every_way_a_run_ends_is_one_line(
    failure: type[BaseException], message: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def fail(args: object) -> int:
        raise failure

    def register(subparsers: common.Subparsers) -> None:
        subparsers.add_parser("fail").set_defaults(handler=fail)

    monkeypatch.setattr(cli, "_REGISTRARS", (*cli._REGISTRARS, register))
    assert main(["fail"]) == (130 if failure is KeyboardInterrupt else 2)
    assert capsys.readouterr().err.startswith(f"lmsys-about: {message}")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["json", "--max-bytes", "99999999999999999999"], "argument --max-bytes: must be a number of bytes"),
        (["json", "--max-bytes", "9" * 5000], "argument --max-bytes: must be a number of bytes"),
        (["json", "--max-bytes", "0"], "argument --max-bytes: must be a number of bytes"),
        (["json", "--max-bytes", "lots"], "argument --max-bytes: not a number of bytes"),
        (["json", "--indent", "100000000"], "argument --indent: must be a number of spaces from 0 to 32"),
        (["schema", "--indent", "-1"], "argument --indent: must be a number of spaces from 0 to 32"),
    ],
)
def test_a_number_out_of_range_is_a_usage_error(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith(f"lmsys-about: {message}")
    assert captured.err.count("\n") == 1
    assert captured.out == ""


def test_a_large_cap_reads_no_more_than_the_input(tmp_path: Path) -> None:
    """A cap of any size allocates nothing up front: read(n) would ask for n bytes before reading one."""
    page = tmp_path / "page.md"
    page.write_text(EXPORTS, encoding="utf-8")
    largest = str(sys.maxsize)
    assert shell(f"$LMSYS_ABOUT json {page} --max-bytes {largest} > /dev/null").returncode == 0
    assert shell(f"$LMSYS_ABOUT json - --max-bytes {largest} < {page} > /dev/null").returncode == 0


def test_the_size_message_gives_the_real_size(tmp_path: Path) -> None:
    page = tmp_path / "big.md"
    page.write_bytes(EXPORTS.encode() + b"x" * 50_000)
    size = page.stat().st_size
    limit = f"above the limit of {DEFAULT_MAX_BYTES:,}"
    for redirect in (str(page), f"- < {page}"):
        result = shell(f"$LMSYS_ABOUT json {redirect}")
        name = page if redirect == str(page) else "<stdin>"
        assert result.stderr.decode() == f"lmsys-about: {name}: input is {size:,} bytes, {limit}\n"
    piped = shell(f"cat {page} | $LMSYS_ABOUT json -")
    assert piped.stderr.decode() == f"lmsys-about: <stdin>: input is more than {DEFAULT_MAX_BYTES:,} bytes, {limit}\n"


# Start-up


PARSER_MODULES = ("lmsys_about._api", "lmsys_about._read", "lmsys_about._extract", "lmsys_about.models", "markdown_it")
PARSER_MODULES += ("yaml", "frontmatter", "pydantic", "rich")


@pytest.mark.parametrize("argv", [["--version"], ["--help"], ["json", "--help"], ["render", "--help"]])
def test_version_and_help_import_nothing_of_the_parser(argv: list[str]) -> None:
    code = (
        "import contextlib, io, sys\n"
        "from lmsys_about._cli.main import main\n"
        f"with contextlib.redirect_stdout(io.StringIO()): status = main({argv!r})\n"
        f"print(status, sorted(m for m in sys.modules if m.startswith({PARSER_MODULES!r})))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False)
    assert result.stdout == "0 []\n", result.stderr


def test_the_command_s_cap_is_the_library_s() -> None:
    assert common.DEFAULT_MAX_BYTES == DEFAULT_MAX_BYTES


# Colour


def on_a_terminal(*args: str, **env: str | None) -> bytes:
    """What the command writes to a pseudo-terminal."""
    leader, follower = pty.openpty()
    try:
        process = subprocess.Popen(
            [*COMMAND, *args], stdout=follower, stderr=subprocess.PIPE, cwd=ROOT, env=environment(**env)
        )
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the command has closed its end
                break
            if not chunk:
                break
            chunks.append(chunk)
        assert process.wait(timeout=60) == 0
    finally:
        os.close(leader)
    return b"".join(chunks)


def test_show_has_colour_on_a_terminal_and_none_with_no_color() -> None:
    assert ESCAPE.search(on_a_terminal("show").decode())
    plain = on_a_terminal("show", NO_COLOR="1").decode()
    assert not ESCAPE.search(plain)
    assert "Lianmin Zheng" in plain
    assert not ESCAPE.search(on_a_terminal("show", NO_COLOR="1", FORCE_COLOR="1").decode())
    assert ESCAPE.search(on_a_terminal("show", NO_COLOR="").decode())  # empty: not set, as no-color.org says


def test_force_color_colours_a_pipe_and_a_pipe_is_plain_otherwise() -> None:
    assert ESCAPE.search(shell("$LMSYS_ABOUT show | cat", FORCE_COLOR="1").stdout.decode())
    assert not ESCAPE.search(shell("$LMSYS_ABOUT show | cat").stdout.decode())


# The page's control characters


def test_show_escapes_the_page_s_control_characters(hostile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(hostile)]) == 0
    out = capsys.readouterr().out
    assert not RAW_CONTROL.search(out)
    for shown in ("non-profit\\x1b[2J that rings\\x07 bells", "Directors\\x9b2J", "founded\\u202e in 2021"):
        assert shown in out


def test_show_on_a_terminal_escapes_them_too(hostile: Path) -> None:
    out = on_a_terminal("show", str(hostile)).decode()
    assert "\x1b[2J" not in out
    assert not re.search("[\x07\x9b\u202e]", out)
    assert "\\x1b[2J" in out


def test_diff_text_and_markdown_escape_them(hostile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = tmp_path / "old.md"
    old.write_text(HOSTILE.replace("\x1b[2J", "").replace("Ada Lovelace", "Ada King"), encoding="utf-8")
    for form in ("text", "markdown"):
        assert main(["diff", str(old), str(hostile), "--format", form]) == 1
        out = capsys.readouterr().out
        assert not RAW_CONTROL.search(out)
        assert "\\x1b[2J" in out or "\\\\x1b\\[2J" in out


def test_an_error_message_never_carries_control_characters(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name = tmp_path / "page\x1b[2J\n::error file=x.md,line=1::forged.md"
    assert main(["json", str(name)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "page\\x1b[2J\\x0a::error" in err


# Whatever the page holds, text for a person holds none of its control characters.

_HOSTILE_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0, max_codepoint=0x9F, exclude_characters="\x00\r\n[]()*_`\\<>!&#"),
        st.sampled_from("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069 éß李"),
    ),
    min_size=1,
    max_size=12,
)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(intro=_HOSTILE_TEXT, group=_HOSTILE_TEXT, label=_HOSTILE_TEXT, event=_HOSTILE_TEXT)
def test_text_for_a_person_never_carries_a_control_character(intro: str, group: str, label: str, event: str) -> None:
    page = (
        f"---\ntitle: About\n---\n\nOWS Labs (OWS) is a lab {intro}.\n\n### Directors {group}\n"
        f"[Ada Lovelace](https://ada.example.org/), [{label}](https://x.example.org/)\n\n"
        f"### History\nOWS was founded in 2021 {event}.\n"
    )
    about = loads(page)
    empty = loads("OWS Labs (OWS) is a lab.\n")
    for terminal in (False, True):
        summary = render_summary(about, terminal=terminal, width=80)
        assert not RAW_CONTROL.search(re.sub(r"\x1b\[[0-9;]*m", "", summary))  # but for the summary's own colours
    changes = diff(empty, about)
    assert not RAW_CONTROL.search(render_text(changes))
    assert not RAW_CONTROL.search(render_markdown(changes, old="old\x1b.md", new="new\u202e.md"))


@pytest.mark.parametrize(
    ("argv", "data"),
    [
        (["json"], True),
        (["people"], True),
        (["schema"], True),
        (["render"], True),
        (["check", "--format", "github"], True),
        (["diff", "a", "b", "--format", "markdown"], True),
        (["history", ".", "--table", "spans"], True),
        (["history", ".", "--format", "ndjson"], True),
        (["show"], False),
        (["check"], False),
        (["diff", "a", "b"], False),
        (["history", "."], False),
    ],
)
def test_data_is_told_from_text_for_a_person(argv: list[str], data: bool) -> None:
    parser, _ = cli.build_parser()
    assert cli._is_data(parser.parse_args(argv)) is data
