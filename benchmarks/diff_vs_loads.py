"""How long diff() takes next to one loads() of the larger version, measured side by side in one run.

    python benchmarks/diff_vs_loads.py [OLD NEW]

Without arguments it compares the bundled page with a copy that is edited throughout (people added and
removed, a group renamed, sponsors changed), both made 20 times larger by repeating their groups with
distinct people. The target is a ratio of at most 2.5.
"""

from __future__ import annotations

import re
import sys
import timeit
from importlib import resources

from lmsys_about import diff, loads


def _pages() -> tuple[str, str]:
    if len(sys.argv) == 3:
        with open(sys.argv[1], encoding="utf-8") as old, open(sys.argv[2], encoding="utf-8") as new:
            return old.read(), new.read()
    page = resources.files("lmsys_about").joinpath("about.md").read_text(encoding="utf-8")
    edited = (
        page.replace("[Ke Bao](https://github.com/ispobock),\n", "")
        .replace("### Project members", "### Members")
        .replace(
            "[Zi Lin](https://zi-lin.com/),", "[Zi Lin](https://zi-lin.com/),\n[Jun Qian](https://jq.example.org/),"
        )
        .replace("[Kaggle](https://www.kaggle.com/), ", "")
        .replace("[Reka](https://www.reka.ai/)", "[Reka AI](https://www.reka.ai/)")
    )
    head, _, tail = page.partition("## Sponsors")
    new_head, _, new_tail = edited.partition("## Sponsors")
    people = head.split("### Directors", 1)[1]
    new_people = new_head.split("### Directors", 1)[1]
    return head + _copies(people) + "## Sponsors" + tail, new_head + _copies(new_people) + "## Sponsors" + new_tail


def _copies(people: str, count: int = 20) -> str:
    """``count`` copies of the groups, each with its own group names, people and URLs."""
    copies = []
    for i in range(count):
        text = re.sub(r"\[([^\]]+)\]\(https?://", rf"[\1 {i}](https://copy{i}.", people)
        copies.append("\n### Directors" + text.replace("###", f"### Copy {i}"))
    return "".join(copies)


def main() -> None:
    old_text, new_text = _pages()
    old, new = loads(old_text, max_bytes=None), loads(new_text, max_bytes=None)  # ~32 KB: about the size cap
    larger = max(old_text, new_text, key=len)
    changes = diff(old, new)
    number = 20
    load_time = min(timeit.repeat(lambda: loads(larger, max_bytes=None), number=number, repeat=5)) / number
    diff_time = min(timeit.repeat(lambda: diff(old, new), number=number, repeat=5)) / number
    print(f"pages: {len(old_text)} and {len(new_text)} characters, {len(new.people)} people, {len(changes)} changes")
    print(f"loads(larger): {load_time * 1000:.2f} ms   diff: {diff_time * 1000:.2f} ms")
    print(f"ratio diff / loads: {diff_time / load_time:.2f} (target <= 2.5)")


if __name__ == "__main__":
    main()
