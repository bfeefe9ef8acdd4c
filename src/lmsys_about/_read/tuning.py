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
    fast_link_rule: bool = True  # plain '[label](url)' links matched by one regex, in the inline parser
    skip_rules: bool = True  # rules the text cannot trigger left out of the parser (parser_for)
    simple_front_matter: bool = True  # 'key: value' front matter read without PyYAML
    block_token: bool = True  # block tokens made in one call (_BlockToken)
    url_check_context: bool = True  # models take the extractors' URLs as checked (a context variable)
    after_first_character: bool = True  # block rules tried only on lines starting with their character
    terminator_re: bool = True  # the text rule stops only where a CommonMark rule can start
    model_construct: bool = True  # long lists of people and sponsors made into models without a second validation

    @classmethod
    def names(cls) -> tuple[str, ...]:
        """The tricks' names, in the order above."""
        return tuple(field.name for field in fields(cls))


TUNED = Tuning()
