"""The documentation's command-line examples: each ``$ command`` in a ``console`` block of the README or of
``docs/*.md`` prints what follows it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", ROOT / "CONTRIBUTING.md", *sorted((ROOT / "docs").glob("*.md"))]
BLOCK = re.compile(r"^```console\n(.*?)^```$", re.MULTILINE | re.DOTALL)
FENCE = re.compile(r"^```(\w*)\n(.*?)^```$", re.MULTILINE | re.DOTALL)
# What the documentation may show without running it, each for a reason: output of a repository that is not
# here (history), and a failing test's message (snapshots). Anything else that shows a command or its output
# is a console block, run below, so that it cannot drift from what the command prints.
SHOWN_NOT_RUN = {
    "$ lmsys-about history ~/src/site": "the history of a repository that is not part of the checkout",
    "$ lmsys-about history ~/src/site --table spans | cut -d, -f2,3,5,9": "the same repository's spans",
    '>       assert load("content/about.md") == about_snapshot': "what a failing test prints, shown by docs/diff.md",
    "------------------------------- About snapshots --------------------------------": "pytest's summary, the same",
    "trick switched off              bundled page (3,719 B)     32 KiB of people (32,733 B)": "timings of one run",
    "trick switched off              bundled page (3,719 B)     32 KiB of people (32,733 B)    import  repaid after": (
        "timings of one run, with import costs"
    ),
    "repos:": "a site's .pre-commit-config.yaml, read by pre-commit (tests/test_precommit.py runs the hook)",
    "      - uses: actions/setup-python@v5": "a GitHub Actions step, which runs only on GitHub",
}
RUN_ELSEWHERE = {"console", "python", "sh"}  # console: below; python: doctests; sh: set-up commands, run by CI


def examples() -> list[tuple[str, str]]:
    """(command, expected output) for every ``$ `` line of the documentation's console blocks."""
    found = []
    for block in (block for page in PAGES for block in BLOCK.findall(page.read_text(encoding="utf-8"))):
        for example in re.split(r"^\$ ", block, flags=re.MULTILINE)[1:]:
            command, _, output = example.partition("\n")
            found.append((command, output))
    return found


def test_there_are_examples() -> None:
    assert len(examples()) >= 10


def test_every_example_of_the_command_is_run() -> None:
    """Output shown in another kind of block (a ``markdown`` block after 'prints:') would never be checked: such
    a block once showed '### Groups' where the command prints '#### Groups'."""
    shown = {}
    for page in PAGES:
        for language, body in FENCE.findall(page.read_text(encoding="utf-8")):
            if language not in RUN_ELSEWHERE:
                shown[body.partition("\n")[0]] = f"{page.name}: a {language or 'plain'} block"
    assert shown.keys() == SHOWN_NOT_RUN.keys(), shown


@pytest.mark.parametrize(("command", "expected"), examples(), ids=[command for command, _ in examples()])
def test_example(command: str, expected: str) -> None:
    # The installed lmsys-about script sits beside this interpreter; stderr shows in place, as on a terminal.
    # Examples run from the checkout, so that they can name its fixtures; none of them writes a file.
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    for variable in ("COLUMNS", "NO_COLOR", "FORCE_COLOR", "PYTHONIOENCODING"):  # what the examples assume
        env.pop(variable, None)
    result = subprocess.run(
        ["bash", "-c", command], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, check=False
    )
    assert result.stdout.decode("utf-8") == expected
