"""Text for a person: every control and direction character is escaped, everything else is kept."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from lmsys_about._printable import printable

_DIRECTION = {"\u061c", "\u200e", "\u200f", *map(chr, range(0x202A, 0x202F)), *map(chr, range(0x2066, 0x206A))}


def _dangerous(character: str) -> bool:
    return unicodedata.category(character) == "Cc" or character in _DIRECTION


@given(st.text())
def test_no_control_or_direction_character_survives(text: str) -> None:
    assert not any(_dangerous(c) for c in printable(text))


@given(st.text(st.characters(blacklist_characters="\\")))
def test_escapes_read_back_to_the_text(text: str) -> None:
    escaped = printable(text)
    back = re.sub(r"\\x([0-9a-f]{2})|\\u([0-9a-f]{4})", lambda m: chr(int(m.group(1) or m.group(2), 16)), escaped)
    assert back == text
    assert (escaped == text) == (not any(_dangerous(c) for c in text))


def test_escapes_name_the_character() -> None:
    assert printable("a\x1b[2Jb\x9b\u202ec\r\n\t\x7f") == "a\\x1b[2Jb\\x9b\\u202ec\\x0d\\x0a\\x09\\x7f"
    assert printable("Kurt Gödel, 李飞飞, עברית") == "Kurt Gödel, 李飞飞, עברית"
