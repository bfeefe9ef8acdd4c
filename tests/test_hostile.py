"""Hostile input, held to the README's "What bad input gets": every case finishes, parses or raises its error.

Each kind runs at the default size cap with a guard on its CPU time and on how far it raises peak memory:
generous bounds that only a real regression exceeds on a loaded machine (benchmarks/hostile.py measures
the figures). Kinds cheap enough per byte run again far beyond the cap (``max_bytes=None``): anything
quadratic shows there. Every run is in a worker thread or child joined with a timeout only a hang exceeds.
"""

from __future__ import annotations

import os
import resource
import signal
import sys
import threading
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest

from lmsys_about import About, AboutError, FrontMatterError, SourceError, load, loads
from lmsys_about._read.source import DEFAULT_MAX_BYTES

from .accounting import links_and_items, unaccounted
from .hostile_inputs import CATALOGUE, Hostile, largest_within
from .paths import CRASH

HANG_SECONDS = 60
CPU_SECONDS = 3.0  # the bound is 1.5 s (the README's figures are under half): twice it for a loaded machine
PEAK_BYTES = 300 << 20  # the bound at the default cap: the densest inputs take a twentieth of it
MEMORY_ALLOWANCE = 1 << 20

T = TypeVar("T")


def finishing(call: Callable[[], T]) -> tuple[T, float]:
    """``call()`` and the CPU seconds it took, run in a thread that must finish within HANG_SECONDS; its
    exception is re-raised here."""
    result: list[tuple[T, float]] = []
    failure: list[BaseException] = []

    def target() -> None:
        try:
            start = time.thread_time()
            value = call()
            result.append((value, time.thread_time() - start))
        except BaseException as exc:  # handed to the test thread
            failure.append(exc)

    worker = threading.Thread(target=target, daemon=True)
    worker.start()
    worker.join(HANG_SECONDS)
    if worker.is_alive():
        pytest.fail(f"still running after {HANG_SECONDS} s: a hang")
    if failure:
        raise failure[0]
    return result[0]


def outcome(data: bytes, max_bytes: int | None) -> About | AboutError:
    try:
        return loads(data, source="hostile.md", max_bytes=max_bytes)
    except AboutError as error:
        return error


def line_count(data: bytes) -> int:
    return data.replace(b"\r\n", b"\n").replace(b"\r", b"\n").count(b"\n") + 1


def check_outcome(hostile: Hostile, data: bytes, result: About | AboutError) -> None:
    """The outcome the catalogue expects, with every line inside the file and nothing silently lost."""
    if hostile.error is None:
        assert isinstance(result, About), result
        assert all(d.line is None or 1 <= d.line <= line_count(data) for d in result.diagnostics)
        assert unaccounted(data, result) == []
    else:
        assert type(result) is hostile.error, result
        assert str(result).startswith("hostile.md:")
        assert result.line is None or 1 <= result.line <= line_count(data)


def at_default_cap() -> list[Any]:
    """Every kind at its largest under the default cap, but those with a cap of their own or none so small."""
    inputs = [(hostile, largest_within(hostile, DEFAULT_MAX_BYTES)) for hostile in CATALOGUE]
    return [pytest.param(h, data, id=h.name) for h, data in inputs if h.max_bytes is None and data is not None]


def peak_growth(call: Callable[[], object]) -> int:
    """How far peak resident memory rises while ``call()`` runs, in a forked child (Linux, where the child's
    peak starts at its size at the fork): untraced, so the run costs what it costs a caller."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: run, report, and leave without any of pytest's clean-up
        try:
            signal.alarm(HANG_SECONDS)
            start = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            call()
            os.write(write, b"%d" % (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - start))
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        report = pipe.read()
    _, status = os.waitpid(pid, 0)
    if not report:
        pytest.fail(f"the child ended without a report (wait status {status})")
    return int(report) * 1024  # ru_maxrss is in KiB


AT_DEFAULT_CAP = at_default_cap()


@pytest.mark.parametrize(("hostile", "data"), AT_DEFAULT_CAP)
def test_hostile_input_at_the_default_cap_finishes_fast(hostile: Hostile, data: bytes) -> None:
    result, seconds = finishing(lambda: outcome(data, DEFAULT_MAX_BYTES))
    check_outcome(hostile, data, result)
    assert seconds <= CPU_SECONDS, f"{seconds:.2f} s of CPU for {len(data):,} bytes"


@pytest.mark.skipif(sys.platform != "linux", reason="reads the peak resident memory of a forked child")
@pytest.mark.parametrize(("hostile", "data"), AT_DEFAULT_CAP)
def test_hostile_input_at_the_default_cap_stays_small(hostile: Hostile, data: bytes) -> None:
    growth = peak_growth(lambda: outcome(data, DEFAULT_MAX_BYTES))
    assert growth <= PEAK_BYTES, f"peak memory rose {growth:,} bytes for {len(data):,}"


BEYOND_THE_CAP = [hostile for hostile in CATALOGUE if hostile.test_size > DEFAULT_MAX_BYTES]


@pytest.mark.parametrize("hostile", BEYOND_THE_CAP, ids=[h.name for h in BEYOND_THE_CAP])
def test_hostile_input_beyond_the_cap_finishes_with_its_outcome(hostile: Hostile) -> None:
    data = hostile.build(hostile.test_size)
    result, _ = finishing(lambda: outcome(data, hostile.max_bytes))
    check_outcome(hostile, data, result)


def test_alias_bomb_is_refused_before_it_expands() -> None:
    data = next(h for h in CATALOGUE if h.name == "yaml-alias-bomb").build(0)
    tracemalloc.start()
    try:
        with pytest.raises(FrontMatterError, match="aliases") as info:
            loads(data)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert info.value.line == 3  # the first '*a0'
    assert peak < MEMORY_ALLOWANCE  # nine to the ninth 'lol's would take gigabytes


@pytest.mark.parametrize(
    ("front_matter", "line", "message"),
    [
        ("a: &x 1\nb: *x\n", 3, "aliases"),
        ("a: !!python/name:os.system x\n", 2, "tag"),
        ("a: !custom x\n", 2, "tag"),
        ("a: !!binary aGVsbG8=\n", 2, "tag"),
        ("a: " + "[" * 1000 + "]" * 1000 + "\n", 2, "deeper than 32"),
        ("a:\n" + "".join(" " * i + "- \n" for i in range(1, 50)), None, "deeper than 32"),
        ("a: b\na: c\n", 3, "duplicate"),
        ("[1, 2]: x\n", 2, "plain strings"),
        ("- a\n- b\n", 2, "not a mapping"),
        ("a: 'unclosed\n", None, "YAML does not parse"),
        ("a: \x07\n", 2, "#x0007"),
        # YAML also ends lines at LS, PS and NEL; the file does not, and lines are the file's.
        ('a: "x\u2028y"\nb: c\nb: d\n', 4, "duplicate"),
        ('a: "x\u2029y\x85z"\n[1]: x\n', 3, "plain strings"),
        ('a: "x\u2028y"\nb: &x 1\nc: *x\n', 4, "aliases"),
        ('a: "x\u2028"\nb: !custom x\n', 3, "tag"),
        ('a: "x\u2028y"\nb: c\nIn April\n', 5, "starts on line 4"),
    ],
)
def test_hostile_front_matter_is_refused_with_its_line(front_matter: str, line: int | None, message: str) -> None:
    with pytest.raises(FrontMatterError, match=message) as info:
        loads(f"---\n{front_matter}---\n\nBody.\n", source="page.md")
    if line is not None:
        assert info.value.line == line
    assert str(info.value).startswith(f"page.md:{info.value.line}: ")


def test_multi_megabyte_front_matter_is_refused_at_line_one() -> None:
    data = b"---\n" + b"k: v\n" * 600_000 + b"---\n\nBody.\n"
    with pytest.raises(FrontMatterError, match="above the limit") as info:
        finishing(lambda: loads(data, max_bytes=None))  # above the size cap too: lifted, to reach this limit
    assert info.value.line == 1


def test_size_cap_is_configurable_and_load_reads_no_more_than_it(tmp_path: Path) -> None:
    data = b"---\ntitle: x\n---\n\nKestrel Research Group (KRG) is a lab.\n" + b"x" * 100_000 + b"\n"
    with pytest.raises(SourceError, match="above the limit of 50,000"):
        loads(data, max_bytes=50_000)
    assert loads(data, max_bytes=len(data)).title == "x"
    path = tmp_path / "big.md"
    path.write_bytes(b"---\ntitle: x\n---\n" + b"y" * (1 << 20))
    with pytest.raises(SourceError, match=rf"input is {path.stat().st_size:,} bytes, above the limit of 32,768"):
        load(path)  # the default cap; reading stops one byte past it, and the message gives the file's size
    assert load(path, max_bytes=None).title == "x"


# Encodings: clear errors with the line of the bad byte, or the right line numbers; never mangled text.


@pytest.mark.parametrize(
    ("data", "line", "message"),
    [
        (b"---\ntitle: x\n---\n\nCaf\xe9 Lovelace\n", 5, "not valid UTF-8 (bytes e9"),  # Latin-1
        (b"ok\r\nok\r\n\xc3\x28\r\n", 3, "not valid UTF-8 (bytes c3"),  # a truncated sequence after CRLFs
        (b"ok\rok\r\xed\xa0\x80\r", 3, "not valid UTF-8"),  # an encoded surrogate after lone CRs
        (b"\xff\xfe-\x00-\x00-\x00", 1, "not valid UTF-8"),  # UTF-16
        (b"a\n\nb\x00c\n", 3, "NUL byte"),
        (b"\xef\xbb\xbf", 1, "empty document"),  # nothing but a BOM
    ],
)
def test_undecodable_bytes_are_a_source_error_with_their_line(data: bytes, line: int, message: str) -> None:
    with pytest.raises(SourceError, match=message.replace("(", r"\(")) as info:
        loads(data, source="page.md")
    assert info.value.line == line


def test_lone_surrogate_in_text_is_a_source_error() -> None:
    with pytest.raises(SourceError, match="surrogate") as info:
        loads("---\ntitle: x\n---\n\nAda \ud800 Lovelace\n")
    assert info.value.line == 5


MIXED = (
    "---\ntitle: Caf\u00e9\n---\n\nKestrel Research Group (KRG) is a lab.\n\n"
    "## Team\n[Zo\u00eb \u00c5str\u00f6m](https://zoe.example.org/), Bj\u00f6rk \u0141ukasz\n\n## Elsewhere\n"
    "[Mirror](javascript:x)\n"
)


@pytest.mark.parametrize(
    "encode",
    [
        pytest.param(lambda text: text.encode(), id="lf"),
        pytest.param(lambda text: b"\xef\xbb\xbf" + text.encode(), id="bom"),
        pytest.param(lambda text: text.replace("\n", "\r\n").encode(), id="crlf"),
        pytest.param(lambda text: text.replace("\n", "\r").encode(), id="cr"),
        pytest.param(
            lambda text: "".join(
                line + ("\r\n", "\n", "\r")[i % 3] for i, line in enumerate(text.split("\n")[:-1])
            ).encode(),
            id="mixed",
        ),
    ],
)
def test_line_endings_and_bom_keep_text_and_lines(encode: Callable[[str], bytes]) -> None:
    about = loads(encode(MIXED))
    assert about.title == "Caf\u00e9"
    assert [(p.name, p.line) for p in about.people] == [("Zo\u00eb \u00c5str\u00f6m", 8), ("Bj\u00f6rk \u0141ukasz", 8)]
    assert [(d.code, d.line) for d in about.diagnostics if d.code == "unsafe-url"] == [("unsafe-url", 11)]


# Unsafe links: whatever their spelling, they never reach a url field, and each becomes a diagnostic.

UNSAFE_TARGETS = [
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "JAVASCRIPT:alert(1)",
    " javascript:alert(1)",
    "<javascript:alert(1)>",
    "java&#115;cript:alert(1)",
    "&#x6A;avascript:alert(1)",
    "&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;:alert(1)",
    "java%73cript:alert(1)",
    "vbscript:msgbox(1)",
    "VBScript:msgbox(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "DATA:text/html,<b>x</b>",
    "file:///etc/passwd",
    "FILE://c:/windows/win.ini",
    "java\tscript:alert(1)",
    "<java\tscript:alert(1)>",
    "javascript&colon;alert(1)",
    "&#x20;javascript:alert(1)",
    "\u00a0javascript:alert(1)",
    "//evil.example/x",
    "https:javascript:alert(1)",
    "http\u017f://evil.example/",  # LATIN SMALL LETTER LONG S: a case-insensitive regex takes it for 's'
    "HTTP\u017f://evil.example/",
]
PLACES = {
    "intro": "{link}\n\n## Team\nAda Lovelace, Grace Hopper\n",
    "team": "## Team\n{link}, Grace Hopper\n",
    "team-label": "## Members\n**Team**: {link}, Grace Hopper\n",
    "institutions": "## Members\n**Institutions**: {link}, Southgate Institute\n",
    "sponsors": "## Sponsors\nWe thank our sponsors:\n{link}, [Nadir](https://nadir.example.org/)\n",
    "history": "## History\nIt was founded in 2020.\n\n- {link}\n",
    "contact": "## Contact\n- Write to us: {link}\n",
    "unknown": "## Gallery\n{link}\n",
    "heading": "## The {link} team\nAda Lovelace, Grace Hopper\n",
}
INTRO = "---\ntitle: About\n---\n\nKestrel Research Group (KRG) is a lab.\n\n"
SAFE_NEIGHBOUR = "https://nadir.example.org/"


def urls(value: Any) -> Iterator[str]:
    """Every value of a ``url`` field anywhere in a dumped model."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "url" and item is not None:
                yield item
            yield from urls(item)
    elif isinstance(value, list):
        for item in value:
            yield from urls(item)


def _link(target: str, style: str) -> tuple[str, str]:
    """The link in ``style`` and, for reference links, the definition to append to the page."""
    if style == "inline":
        return f"[Eve Mallory]({target})", ""
    if style == "reference":
        return "[Eve Mallory][evil]", f"\n[evil]: {target}\n"
    return target if target.startswith("<") else f"<{target}>", ""


@pytest.mark.parametrize("style", ["inline", "reference", "autolink"])
@pytest.mark.parametrize("place", sorted(PLACES))
@pytest.mark.parametrize("target", UNSAFE_TARGETS)
def test_unsafe_urls_never_reach_a_url_field(target: str, place: str, style: str) -> None:
    link, definition = _link(target, style)
    text = INTRO + PLACES[place].format(link=link) + definition
    about = loads(text)
    found = list(urls(about.model_dump(mode="json")))
    assert all(u.lower().startswith(("http://", "https://", "mailto:")) for u in found), found
    assert not any("script" in u.lower() or u.lower().startswith(("data:", "file:")) for u in found), found
    link_line = 1 + text[: text.index(link)].count("\n")
    if any(line == link_line and url != SAFE_NEIGHBOUR for line, url in _links(text)):
        # markdown-it read it as a link (else it is plain text): it must be reported where it stands
        assert "unsafe-url" in {d.code for d in about.diagnostics if d.line == link_line}, about.diagnostics


def _links(text: str) -> list[tuple[int, str]]:
    """(line, URL as written) of every link markdown-it reads in ``text``."""
    return links_and_items(text.encode())[0]


@pytest.mark.parametrize("place", sorted(PLACES))
def test_safe_urls_in_the_same_places_are_kept(place: str) -> None:
    text = INTRO + PLACES[place].format(link="[Eve Mallory](https://eve.example.org/)")
    about = loads(text)
    kept = set(urls(about.model_dump(mode="json")))
    if place in ("institutions", "unknown"):  # no value takes the URL there: it is reported, not kept
        assert any("https://eve.example.org/" in d.message for d in about.diagnostics if d.severity == "info")
    else:
        assert "https://eve.example.org/" in kept


def test_most_unsafe_variants_are_read_as_links() -> None:
    # The unsafe-URL test checks reports only where markdown-it reads a link: make sure that is most cases.
    read = [t for t in UNSAFE_TARGETS if _links(INTRO + f"[Eve]({t})\n")]
    assert len(read) >= len(UNSAFE_TARGETS) - 4, sorted(set(UNSAFE_TARGETS) - set(read))


# Inputs the fuzzers and property tests found crashing, kept as fixtures (golden files) and checked here too.


def test_month_names_matched_case_insensitively() -> None:
    about = load(CRASH / "unicode-month.md")
    # the second clause names its own date: its own event
    assert [(e.year, e.month) for e in about.history.events] == [(2021, 9), (2022, 4), (2023, 3)]


def test_url_that_does_not_parse_is_reported() -> None:
    about = load(CRASH / "url-does-not-parse.md")
    assert ("unsafe-url", 8) in [(d.code, d.line) for d in about.diagnostics]
    # the other link of the line is kept: a section of no names ('our chat') is unknown, and its links reported
    kept = set(urls(about.model_dump(mode="json"))) | {d.message for d in about.diagnostics if d.line == 8}
    assert any("https://discord.gg/kestrel" in text for text in kept)
