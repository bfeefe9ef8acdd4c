"""The precision audit: every person's and sponsor's name stands on its line as a link's label, a bold text, a table
cell, a list item, or a whole entry of a list of names ('Ada Lovelace, Grace Hopper', 'Advisors: Ada, Grace') --
never as part of a sentence.

The audit reads each line with markdown-it on its own, independently of the library: what a line shows as link
labels, bold texts and cells, and its plain text cut at the separators of a list. Over every fixture, every real
page when the corpus is present, and every rewrite the rewriter makes of the fixtures.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from lmsys_about import About, loads
from lmsys_about._read.source import read_source

from .paths import CORPUS_PAGES, PARSE
from .rewrite import FAMILIES
from .test_rewrites import checked

_MARKS = "*\u2020\u2021\u00a7\u00b9\u00b2\u00b3\u2070\u2074\u2075\u2076\u2077\u2078\u2079"
# Where a list's plain text is cut: commas, semicolons, middle dots, bullets, bars, 'and', '&', spaced dashes,
# a colon after a label ('Advisors: Ada'), and the footnote references that stand for marks.
_CUTS = re.compile(r"[,;\u00b7\u2022|]|\s+(?:and|&)\s+|\s+[-\u2013\u2014]\s+|:\s|\[\^[^\]]+\]")
_NOTES = re.compile(r"\s*\([^()]*\)\s*$")  # '(UC Berkeley)' after a name
_HONORIFIC = re.compile(r"^(?:prof\.?|professor|dr\.?)\s+", re.IGNORECASE)


def _md() -> MarkdownIt:
    md = MarkdownIt("commonmark").enable("table")
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    return md


MD = _md()


def clean(text: str) -> str:
    """A candidate as a name would be: without marks, notes in parentheses, an honorific, 'and', final punctuation."""
    text = " ".join(text.split())
    previous = None
    while previous != text:
        previous = text
        text = _NOTES.sub("", text).strip().strip(_MARKS).strip().rstrip(".,;:(").strip().lstrip(")").strip()
        text = re.sub(r"^(?:and|&)\s+", "", text)
        text = _HONORIFIC.sub("", text)
    return text.casefold()


def _spans(children: list[Token]) -> tuple[list[str], list[str]]:
    """An inline token's link labels and bold texts (each as its text), and its plain text runs, line by line
    (a run of plain text is cut at each link, bold text or line break)."""
    whole: list[str] = []
    runs: list[str] = [""]
    depth = 0
    current: list[str] = []
    for child in children:
        if child.type in ("link_open", "strong_open", "em_open"):
            if depth == 0:
                current = []
                runs.append("")
            depth += 1
        elif child.type in ("link_close", "strong_close", "em_close"):
            depth -= 1
            if depth == 0:
                whole.append("".join(current))
        elif child.type in ("softbreak", "hardbreak") or (child.type == "html_inline" and not depth):
            runs.append("")  # a tag ('<sup>1</sup>') cuts a run as a line break does
        elif child.type in ("text", "code_inline", "image"):
            text = child.content
            if depth:
                current.append(text)
            else:
                runs[-1] += text
    return whole, runs


@cache
def positions(text: str) -> dict[int, set[str]]:
    """For each line of the page, the texts that stand on it as names may: link labels (a linked logo's 'Acme logo'
    as 'Acme'), bold texts, table cells, list items, and the entries of its plain text cut at a list's separators."""
    source = read_source(text.encode("utf-8"), path=None, max_bytes=None)
    found: dict[int, set[str]] = {}
    tokens = MD.parse(source.body)
    in_cell = False
    for index, token in enumerate(tokens):
        if token.type in ("th_open", "td_open"):
            in_cell = True
        elif token.type in ("th_close", "td_close"):
            in_cell = False
        if token.type != "inline" or not token.map:
            continue
        first = token.map[0] + source.line_offset + 1
        whole, runs = _spans(token.children or [])
        lines = range(first, token.map[1] + source.line_offset + 1)
        item = index >= 2 and tokens[index - 2].type == "list_item_open"
        texts = {clean(t) for t in whole}
        texts |= {t.removesuffix(" logo") for t in texts if t.endswith(" logo")}  # a logo's alt text names its owner
        if in_cell or item:
            texts.add(clean(token.content if in_cell else token.content.split("\n")[0]))
        for run in runs:
            texts.add(clean(run))
            texts.update(clean(part) for part in _CUTS.split(run))
        for line in lines:
            found.setdefault(line, set()).update(texts)
        if in_cell:  # a row's cells: one token each, all on the row's line
            found.setdefault(first, set()).update(clean(part) for part in _CUTS.split(token.content))
    return found


def misplaced(text: str, about: About) -> list[str]:
    """The people and sponsors whose name stands nowhere on its line as a name may."""
    where = positions(text)
    named = [(m.name, m.line) for g in about.groups for m in g.members] + [(s.name, s.line) for s in about.sponsors]
    return [f"{name!r} on line {line}" for name, line in named if clean(name) not in where.get(line, set())]


PAGES = sorted(PARSE.glob("*.md")) + CORPUS_PAGES  # the corpus when it is present


@pytest.mark.parametrize("path", PAGES, ids=[p.stem for p in PAGES])
def test_every_name_stands_on_its_line_as_a_name(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert misplaced(text, loads(text)) == []


@pytest.mark.parametrize("family", sorted(FAMILIES))
@pytest.mark.parametrize("path", PAGES, ids=[p.stem for p in PAGES])
def test_every_name_of_a_rewrite_stands_on_its_line_as_a_name(path: Path, family: str) -> None:
    failures = []
    for rewrite in checked(path, family)[1]:  # parsed once, for both tests
        assert rewrite.about is not None
        failures += [f"{rewrite.form}: {entry}" for entry in misplaced(rewrite.text, rewrite.about)]
    assert failures == []


def test_the_audit_finds_a_name_inside_a_sentence() -> None:
    text = "OWS Labs (OWS) is a lab.\n\n## Members\n[Ada Lovelace](https://a.org/), Grace Hopper (UCB)\n"
    about = loads(text)
    assert misplaced(text, about) == []
    sentence = text.replace(", Grace Hopper (UCB)", " thanks Grace Hopper for her help.")
    assert misplaced(sentence, about) == ["'Grace Hopper' on line 4"]
