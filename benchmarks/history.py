"""How long the history walk takes next to the least any walk must do, measured side by side in one run.

    python benchmarks/history.py [--versions 400] [--rounds 5]

Builds a throw-away repository (with ``git fast-import``) where each of the versions of the bundled page adds
a person and drops an older one, then times, interleaved, the best of several rounds of CPU time, this
process's and its git processes' (a busy machine adds less noise to CPU time than to wall time):

- the walk: ``walk(repo, "content/about.md")`` from finding the repository to the last diff, each version
  counted and let go as the command-line tool does (keeping 400 parsed pages alive would time the garbage
  collector going over them);
- the floor: the same blobs read by one ``git cat-file --batch`` process (their ids known beforehand), and
  ``loads`` and ``diff`` of each in this process.

The target is a ratio of at most 1.3. Exits 1 when it is missed.
"""

from __future__ import annotations

import argparse
import gc
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from lmsys_about import diff, loads
from lmsys_about._git.walk import EMPTY, walk

PAGE = "content/about.md"
TARGET = 1.3
ANCHOR = "### Project members\n"


def versions(count: int) -> list[bytes]:
    """``count`` versions of the bundled page: the i-th lists twelve people of its own, one new each time."""
    page = resources.files("lmsys_about").joinpath("about.md").read_text(encoding="utf-8")
    head, anchor, tail = page.partition(ANCHOR)
    assert anchor, "the bundled page has no Project members heading"
    texts = []
    for i in range(count):
        people = ",\n".join(f"[Person {n} Example](https://p{n}.example.org/)" for n in range(max(0, i - 11), i + 1))
        texts.append(f"{head}{anchor}{people},\n{tail}".encode())
    return texts


def build(root: Path, texts: list[bytes]) -> None:
    """A repository with one commit per text, a day apart, made by one ``git fast-import``."""
    subprocess.run(["git", "init", "-q", "-b", "main", str(root)], check=True)
    stream = bytearray()
    for i, text in enumerate(texts):
        message = f"Version {i}\n".encode()
        stream += b"commit refs/heads/main\n"
        stream += f"committer Bench <bench@example.org> {1_600_000_000 + 86_400 * i} +0000\n".encode()
        stream += b"data %d\n%s" % (len(message), message)
        stream += b"M 100644 inline %s\ndata %d\n%s\n" % (PAGE.encode(), len(text), text)
    subprocess.run(["git", "-C", str(root), "fast-import", "--quiet"], input=bytes(stream), check=True)


def blob_ids(root: Path) -> list[str]:
    out = subprocess.run(
        ["git", "-C", str(root), "log", "--reverse", "--format=", "--raw", "--no-abbrev", "--", PAGE],
        check=True,
        capture_output=True,
    ).stdout.decode()
    return [line.split()[3] for line in out.splitlines() if line.startswith(":")]


def floor(root: Path, ids: list[str]) -> int:
    """Read every blob with one cat-file process, parse each and diff it with the one before."""
    process = subprocess.Popen(
        ["git", "-C", str(root), "cat-file", "--batch"], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    assert process.stdin is not None
    assert process.stdout is not None
    previous, changes = EMPTY, 0
    for oid in ids:
        process.stdin.write(oid.encode() + b"\n")
        process.stdin.flush()
        size = int(process.stdout.readline().split()[2])
        about = loads(process.stdout.read(size + 1)[:-1], source=oid)
        changes += len(diff(previous, about))
        previous = about
    process.stdin.close()
    process.wait()
    return changes


def walked(root: Path) -> int:
    """Walk the history, counting the changes as the versions go by."""
    return sum(len(version.changes) for version in walk(str(root), PAGE))


def cpu() -> float:
    """CPU time of this process and of its children that have ended (each side waits for its git processes)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def best_of(functions: list[Callable[[], object]], rounds: int) -> list[float]:
    best = [float("inf")] * len(functions)
    for _ in range(rounds):
        for index, function in enumerate(functions):
            gc.collect()
            start = cpu()
            function()
            best[index] = min(best[index], cpu() - start)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--versions", type=int, default=400, help="versions of the page (default: 400)")
    parser.add_argument("--rounds", type=int, default=5, help="rounds, the best of which counts (default: 5)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        root = Path(directory) / "site"
        build(root, versions(args.versions))
        ids = blob_ids(root)
        count = sum(1 for _ in walk(str(root), PAGE))
        assert count == len(ids) == args.versions, "the walk and the floor read different versions"
        assert walked(root) == floor(root, ids), "the walk and the floor found different changes"
        walk_time, floor_time = best_of([lambda: walked(root), lambda: floor(root, ids)], args.rounds)
    ratio = walk_time / floor_time
    ok = ratio <= TARGET
    print(
        f"history walk of {args.versions} versions: {walk_time:.3f} s CPU; one cat-file --batch + loads + diff: "
        f"{floor_time:.3f} s CPU; ratio {ratio:.2f} (target <= {TARGET}) {'ok' if ok else 'MISSED'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
