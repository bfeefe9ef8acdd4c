"""Fuzz ``lmsys_about.loads``: any exception other than an AboutError, or a line outside the file, is a bug.

With atheris (``pip install -e '.[fuzz]'``), a coverage-guided run seeded with the test fixtures::

    python fuzz/fuzz_loads.py -max_total_time=600 -timeout=20

Any libFuzzer option can be given; the corpus grows in fuzz/corpus/ and crashes land in fuzz/crashes/.
Without atheris (it has no wheel for some platforms), the same check runs in a plain loop over random
edits of the fixtures and random bytes, for ``--seconds`` (default 60)::

    python fuzz/fuzz_loads.py --seconds 600

Each crashing input is saved in fuzz/crashes/; make it a small fixture (tests/fixtures/crash/*.md with its
golden .json) before fixing the bug.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import shutil
import signal
import sys
import time
from pathlib import Path
from types import FrameType

HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parent / "tests" / "fixtures"
CORPUS = HERE / "corpus"
CRASHES = HERE / "crashes"
MAX_BYTES = 256 << 10  # small inputs keep the fuzzer fast; the size cap itself is tested elsewhere
HANG_SECONDS = 20
# Pieces of Markdown, YAML and page wording the extractors react to, and Unicode that trips them.
JUNK = [
    "[", "]", "(", ")", "[x](", "](", "![", "*", "**", "_", "`", "```", ">", "- ", "1. ", "## ", "\n", "\n\n",
    "  ", "\t", "<", "<https://a.example/>", "&amp;", "&#115;", "\\", "---", ":", ",", ";", " and ", "(x)",
    "javascript:", "mailto:a@b.example", "https://[", '"*" denotes ', "In March 2020", "founded", "involving",
    "including", "Team", "Sponsors", "History", "Contact", "Projects", "Institutions", "Ada Lovelace", "†",
    "\u017f", "\u0130", "\u00a0", "\u2028", "\r", "\ufeff", "\x0c", "\u0300", "&", "a: &x 1\n", "!!python/name:x",
]  # fmt: skip


def check(data: bytes) -> None:
    """Parse ``data``; raise if the library fails in a way it promises not to."""
    from lmsys_about import AboutError, loads

    try:
        about = loads(data, max_bytes=MAX_BYTES)
    except AboutError as error:
        lines = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n").count(b"\n") + 1
        if error.line is not None and not 1 <= error.line <= lines:
            raise AssertionError(f"error on line {error.line} of a {lines}-line input: {error}") from None
        return
    text = data.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    last = text.count("\n") + 1
    bad = [d for d in about.diagnostics if d.line is not None and not 1 <= d.line <= last]
    if bad:
        raise AssertionError(f"diagnostics outside the {last}-line input: {bad}")


def seed_corpus() -> None:
    """fuzz/corpus/ starts as a copy of the fixtures' pages, so the fuzzer begins from real structure."""
    CORPUS.mkdir(exist_ok=True)
    if not any(CORPUS.iterdir()):
        for page in FIXTURES.glob("*/*.md"):
            shutil.copy(page, CORPUS / page.name)


def run_atheris(argv: list[str]) -> None:
    import atheris  # type: ignore[import-not-found]

    with atheris.instrument_imports():
        import markdown_it  # noqa: F401
        import yaml  # noqa: F401

        import lmsys_about  # noqa: F401  (instrumented for coverage)

    seed_corpus()
    CRASHES.mkdir(exist_ok=True)
    args = [argv[0], f"-artifact_prefix={CRASHES}/", f"-max_len={MAX_BYTES}", *argv[1:]]
    if not any(not a.startswith("-") for a in argv[1:]):
        args.append(str(CORPUS))
    atheris.Setup(args, check)
    atheris.Fuzz()


def _mutate(rng: random.Random, text: str) -> str:
    lines = text.split("\n")
    for _ in range(rng.randint(1, 8)):
        at = rng.randrange(len(lines))
        operation = rng.randrange(6)
        if operation == 0 and len(lines) > 1:
            del lines[at]
        elif operation == 1:
            lines.insert(at, rng.choice(lines))
        elif operation == 2:
            other = rng.randrange(len(lines))
            lines[at], lines[other] = lines[other], lines[at]
        elif operation == 3:
            lines[at] = "#" * rng.randint(0, 7) + " " + lines[at].lstrip("# ")
        else:
            cut = rng.randint(0, len(lines[at]))
            junk = "".join(rng.choice(JUNK) for _ in range(rng.randint(1, 6)))
            lines[at] = lines[at][:cut] + junk + lines[at][cut:]
    return "\n".join(lines)


def _inputs(rng: random.Random, pages: list[str]) -> bytes:
    roll = rng.random()
    if roll < 0.7:
        return _mutate(rng, rng.choice(pages)).encode("utf-8", "surrogatepass")
    if roll < 0.9:
        return "".join(rng.choice(JUNK) for _ in range(rng.randint(1, 80))).encode("utf-8", "surrogatepass")
    return rng.randbytes(rng.randint(0, 512))


def _hang(signum: int, frame: FrameType | None) -> None:
    raise TimeoutError(f"no result after {HANG_SECONDS} s")


def run_loop(seconds: float, seed: int) -> int:
    rng = random.Random(seed)
    pages = [page.read_text(encoding="utf-8") for page in sorted(FIXTURES.glob("*.md"))]
    signal.signal(signal.SIGALRM, _hang)
    deadline, runs, crashes = time.monotonic() + seconds, 0, 0
    while time.monotonic() < deadline:
        data = _inputs(rng, pages)
        runs += 1
        signal.alarm(HANG_SECONDS)
        try:
            check(data)
        except Exception as exc:  # every failure is kept, whatever its kind
            crashes += 1
            CRASHES.mkdir(exist_ok=True)
            path = CRASHES / f"crash-{hashlib.sha1(data).hexdigest()}"
            path.write_bytes(data)
            print(f"{type(exc).__name__}: {exc} -> {path}", file=sys.stderr)
        finally:
            signal.alarm(0)
    print(f"{runs} inputs in {seconds:.0f} s, {crashes} failing (seed {seed})")
    return 1 if crashes else 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], add_help=True)
    parser.add_argument("--seconds", type=float, help="run the plain loop (no atheris) for this long")
    parser.add_argument("--seed", type=int, default=0, help="random seed of the plain loop")
    known, rest = parser.parse_known_args(argv[1:])
    if known.seconds is None:
        try:
            run_atheris([argv[0], *rest])
            return 0
        except ImportError:
            print("atheris is not installed: running the plain loop for 60 s", file=sys.stderr)
            known.seconds = 60.0
    return run_loop(known.seconds, known.seed)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
