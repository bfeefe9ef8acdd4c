"""Text a terminal shows as written: controls and direction overrides made visible, never executed.

Text meant for a person (``show``, ``check`` and ``diff`` in text and Markdown, ``history``, error messages) goes
through :func:`printable`. Data formats (JSON, NDJSON, CSV) keep the exact value and never use it.
"""

from __future__ import annotations

import re

# C0 controls (newline and tab included: a value is one field of one line), DEL, C1 controls, and the
# characters that change the direction text is shown in (LRM, RLM, ALM, the embeddings, overrides and isolates).
_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """Return ``text`` with every control and direction character written as a visible escape.

    >>> printable("Ada\\x1b[2J Lovelace\\u202e")
    'Ada\\\\x1b[2J Lovelace\\\\u202e'
    >>> printable("Kurt Gödel")
    'Kurt Gödel'
    """
    return _INVISIBLE.sub(_escape, text) if _INVISIBLE.search(text) else text
