"""The speed tricks of reading, each one switchable, so that a benchmark can measure what it earns.

Every trick gives exactly what the stock libraries give (tests compare both ways); ``TUNED``, all of them on, is
what ``load`` and ``loads`` use. A :class:`Tuning` is passed down the pipeline as a value, never set globally:
``benchmarks/run.py --tricks`` parses with one trick off beside a parse with all on, in the same process.
"""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True, slots=True)
class Tuning:
    """Which speed tricks are on."""

    plain_text_lines: bool = True  # plain inline content read into text lines without the inline parser
    simple_outline: bool = True  # a text of plain headings, paragraphs and items read without the block parser
    simple_front_matter: bool = True  # 'key: value' front matter read without PyYAML

    @classmethod
    def names(cls) -> tuple[str, ...]:
        """The tricks' names, in the order above."""
        return tuple(field.name for field in fields(cls))


TUNED = Tuning()
