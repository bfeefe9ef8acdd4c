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
BLOCK = re.compile(r"^```console\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def examples() -> list[tuple[str, str]]:
    """(command, expected output) for every ``$ `` line of the documentation's console blocks."""
    found = []
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    for block in (block for page in pages for block in BLOCK.findall(page.read_text(encoding="utf-8"))):
        for example in re.split(r"^\$ ", block, flags=re.MULTILINE)[1:]:
            command, _, output = example.partition("\n")
            found.append((command, output))
    return found


def test_there_are_examples() -> None:
    assert len(examples()) >= 10


@pytest.mark.parametrize(("command", "expected"), examples(), ids=[command for command, _ in examples()])
def test_example(command: str, expected: str) -> None:
    # The installed lmsys-about script sits beside this interpreter; stderr shows in place, as on a terminal.
    # Examples run from the checkout, so that they can name its fixtures; none of them writes a file.
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    env.pop("COLUMNS", None)
    result = subprocess.run(
        ["bash", "-c", command], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, check=False
    )
    assert result.stdout.decode("utf-8") == expected
