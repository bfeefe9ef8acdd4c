"""What one hostile input of tests/hostile_inputs.py costs at the default size cap, next to a normal page.

    python benchmarks/hostile.py                       # every kind at its largest under the default cap
    python benchmarks/hostile.py --max-bytes 1048576   # the same kinds at 1 MiB, under a cap raised to it
    python benchmarks/hostile.py --only open-brackets headings

Each input runs in its own process (so a hang costs only its --timeout): one ``loads`` timed, the growth of
the peak resident memory during it, then one more under tracemalloc for the peak of the memory Python
allocates (tracing slows the run, so that one is not timed). The bundled page, measured the same way in the
same run, gives the ratios: "x page" is the time or traced peak against one load of the page. Nothing is
asserted (tests/test_hostile.py holds the bounds): the figures depend on the machine, the ratios less so.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # for tests.hostile_inputs, the catalogue shared with the tests

from tests.hostile_inputs import BY_NAME, CATALOGUE, Hostile, largest_within  # noqa: E402

from lmsys_about._read.source import DEFAULT_MAX_BYTES  # noqa: E402

PAGE_RUNS = 50


def _rss_now() -> int:
    """Resident memory of this process now, in bytes (Linux)."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize()


def _peak_rss() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _input(hostile: Hostile, cap: int) -> tuple[bytes, int | None]:
    """The input and the cap it meets: the largest of its kind under ``cap``; a kind with a cap of its own at
    its tests' size under that cap; a kind that cannot be so small just above ``cap``, to show it refused."""
    if hostile.max_bytes is not None:
        return hostile.build(hostile.test_size), hostile.max_bytes
    data = largest_within(hostile, cap)
    return (hostile.build(cap) if data is None else data), cap


def _traced_peak(call: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        call()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def worker(name: str, cap: int) -> dict[str, object]:
    """Build one input, load it, and say what happened and what it cost (runs in a child process)."""
    from lmsys_about import AboutError, loads

    if name == "page":
        from importlib import resources

        page = resources.files("lmsys_about").joinpath("about.md").read_bytes()
        loads(page)  # warm up: imports, the parser, pydantic's validators
        start = time.perf_counter()
        for _ in range(PAGE_RUNS):
            loads(page)
        seconds = (time.perf_counter() - start) / PAGE_RUNS
        traced = _traced_peak(lambda: loads(page))
        return {"bytes": len(page), "seconds": seconds, "outcome": "parsed", "traced": traced}
    data, max_bytes = _input(BY_NAME[name], cap)
    loads(b"Warm (W) is a page.\n\n## Team\nAda Lovelace\n")

    def run() -> str:
        try:
            about = loads(data, max_bytes=max_bytes)
        except AboutError as error:
            return type(error).__name__
        return f"parsed, {len(about.diagnostics):,} diagnostics"

    before = _rss_now()
    start = time.perf_counter()
    outcome = run()
    seconds = time.perf_counter() - start
    rss = max(_peak_rss() - before, 0)
    return {"bytes": len(data), "seconds": seconds, "outcome": outcome, "rss": rss, "traced": _traced_peak(run)}


def measure(name: str, cap: int, timeout: float) -> dict[str, object] | None:
    command = [sys.executable, __file__, "--worker", name, "--max-bytes", str(cap)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return None
    result: dict[str, object] = json.loads(done.stdout)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help=f"the cap (default: {DEFAULT_MAX_BYTES:,})"
    )
    parser.add_argument("--only", nargs="+", choices=sorted(BY_NAME), help="run only these inputs")
    parser.add_argument("--timeout", type=float, default=600, help="seconds before an input counts as hung")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.max_bytes)))
        return 0

    page = measure("page", args.max_bytes, args.timeout)
    assert page is not None
    page_seconds, page_traced = float(page["seconds"]), int(page["traced"])  # type: ignore[arg-type, call-overload]
    print(
        f"bundled page: {int(page['bytes']):,} bytes, {page_seconds * 1000:.2f} ms a load (mean of {PAGE_RUNS}),"  # type: ignore[call-overload]
        f" traced peak {page_traced / 2**20:.2f} MiB; inputs at most {args.max_bytes:,} bytes\n"
    )
    print(f"{'input':<20} {'bytes':>9} {'ms':>8} {'x page':>7} {'traced MiB':>10} {'x page':>7} {'RSS MiB':>8}"
          "  outcome")  # fmt: skip
    for hostile in CATALOGUE:
        if args.only and hostile.name not in args.only:
            continue
        result = measure(hostile.name, args.max_bytes, args.timeout)
        if result is None:
            print(f"{hostile.name:<20} did not finish within {args.timeout:.0f} s")
            continue
        size, seconds = int(result["bytes"]), float(result["seconds"])  # type: ignore[call-overload, arg-type]
        traced, rss = int(result["traced"]), int(result["rss"])  # type: ignore[call-overload]
        print(
            f"{hostile.name:<20} {size:>9,} {seconds * 1000:>8.1f} {seconds / page_seconds:>7.0f}"
            f" {traced / 2**20:>10.1f} {traced / page_traced:>7.1f} {rss / 2**20:>8.1f}  {result['outcome']}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
