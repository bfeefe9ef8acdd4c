"""How long and how much memory each hostile input of tests/hostile_inputs.py takes, next to a normal page.

    python benchmarks/hostile.py              # the README's sizes: 1 MiB floods, 100,000 headings, a 5 MB line
    python benchmarks/hostile.py --scale 0.1  # a quicker look
    python benchmarks/hostile.py --only open-brackets headings

Each input runs in its own process (so a hang costs only its --timeout, and memory is measured without
tracing slowing the parse): the time of one ``loads``, and the growth of the peak resident memory during
it. The bundled page, parsed in the same run, gives the ratios: "x page" is the time against one parse of
the page, "x page/byte" the time per byte against the page's time per byte. Nothing is asserted: the
figures depend on the machine; the ratios are what to compare between runs.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # for tests.hostile_inputs, the catalogue shared with the tests

from tests.hostile_inputs import BY_NAME, CATALOGUE  # noqa: E402

PAGE_RUNS = 50


def _rss_now() -> int:
    """Resident memory of this process now, in bytes (Linux)."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize()


def _peak_rss() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def worker(name: str, scale: float) -> dict[str, object]:
    """Build one input, parse it once, and say what happened (runs in a child process)."""
    from lmsys_about import AboutError, loads

    if name == "page":
        from importlib import resources

        data = resources.files("lmsys_about").joinpath("about.md").read_bytes()
        loads(data)  # warm up: imports, the parser, pydantic's validators
        start = time.perf_counter()
        for _ in range(PAGE_RUNS):
            loads(data)
        return {"bytes": len(data), "seconds": (time.perf_counter() - start) / PAGE_RUNS, "outcome": "parsed"}
    hostile = BY_NAME[name]
    data = hostile.build(max(int(hostile.full_size * scale), 1))
    loads(b"Warm (W) is a page.\n\n## Team\nAda Lovelace\n")
    before = _rss_now()
    start = time.perf_counter()
    try:
        about = loads(data, max_bytes=hostile.max_bytes)
        outcome = f"parsed, {len(about.diagnostics):,} diagnostics"
    except AboutError as error:
        outcome = f"{type(error).__name__}"
    seconds = time.perf_counter() - start
    return {"bytes": len(data), "seconds": seconds, "outcome": outcome, "memory": max(_peak_rss() - before, 0)}


def measure(name: str, scale: float, timeout: float) -> dict[str, object] | None:
    command = [sys.executable, __file__, "--worker", name, "--scale", str(scale)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return None
    result: dict[str, object] = json.loads(done.stdout)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every input's size (default 1)")
    parser.add_argument("--only", nargs="+", choices=sorted(BY_NAME), help="run only these inputs")
    parser.add_argument("--timeout", type=float, default=600, help="seconds before an input counts as hung")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.scale)))
        return 0

    page = measure("page", 1.0, args.timeout)
    assert page is not None
    page_seconds, page_bytes = float(page["seconds"]), int(page["bytes"])  # type: ignore[call-overload]
    per_byte = page_seconds / page_bytes
    print(f"bundled page: {page_bytes:,} bytes, {page_seconds * 1000:.2f} ms a parse (mean of {PAGE_RUNS})\n")
    print(f"{'input':<22} {'bytes':>11}  {'seconds':>8} {'x page':>8} {'x page/byte':>11} {'peak MiB':>9}"
          f" {'peak/byte':>9}  outcome")  # fmt: skip
    for hostile in CATALOGUE:
        if args.only and hostile.name not in args.only:
            continue
        result = measure(hostile.name, args.scale, args.timeout)
        if result is None:
            print(f"{hostile.name:<22} {'':>11}  did not finish within {args.timeout:.0f} s")
            continue
        size, seconds, memory = int(result["bytes"]), float(result["seconds"]), int(result["memory"])  # type: ignore[call-overload]
        print(
            f"{hostile.name:<22} {size:>11,}  {seconds:>8.3f} {seconds / page_seconds:>8.0f}"
            f" {seconds / size / per_byte:>11.1f} {memory / 2**20:>9.1f} {memory / size:>9.1f}  {result['outcome']}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
