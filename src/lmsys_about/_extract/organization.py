"""The introduction before the first heading: the organisation's name, description and mission."""

from __future__ import annotations

import re

from .._read.blocks import Section
from ._context import Context
from ._text import sentences
from .history import events, founding_institutions

# The name keeps the spaces before '(' (the caller strips them): '[^()]+?\s*\(' is quadratic on a long run of spaces.
_NAMED = re.compile(r"^(?P<name>[^()]+)\((?P<short>[^()]+)\)\s+(?:is|was|are)\b")
_MISSION = re.compile(r"^(?:our\s+mission\s+is|we\s+aim\s+to|our\s+goal\s+is|our\s+aim\s+is)\b", re.IGNORECASE)


def extract_organization(section: Section, ctx: Context) -> None:
    paragraphs: list[str] = []
    org = ctx.organization
    org.update(name=None, short_name=None, mission=None, line=None)
    for block in section.blocks:
        if block.kind == "item":
            ctx.unplaced("item", block.text, block.line)
        else:
            paragraphs.append(block.text)
            if org["line"] is None:
                org["line"] = block.line
        block_sentences = list(sentences(block))
        for sentence in block_sentences:
            named = _NAMED.match(sentence.text) if "(" in sentence.text else None  # no need to scan it all
            if named and org["name"] is None:
                name = named["name"].strip()  # 'The Large Model Systems Organization (LMSYS) is': not 'The ...'
                name = name[4:].lstrip() if name[:4].lower() == "the " and name[4:5].isupper() else name
                org.update(name=name, short_name=named["short"].strip())
            if _MISSION.match(sentence.text) and org["mission"] is None:
                org["mission"] = sentence.text
        events(block_sentences, ctx)
        if not ctx.founding_institutions:
            ctx.founding_institutions = founding_institutions(block_sentences, ctx)
        for text_line in block.lines:
            for piece in text_line.links():
                ctx.link(piece)
    org["description"] = "\n\n".join(p for p in paragraphs if p)
