"""Changes as text (a changelog), JSON, or Markdown ready to paste into a pull request.

Text and Markdown are for people: every value goes through :func:`~lmsys_about._printable.printable`, so that
the page's control characters are shown, not run. Markdown is posted by bots where anyone may have written the
page, so a value can neither format nor link nor notify: Markdown's and HTML's characters get a backslash, an
``@`` that would mention a user or a team and a ``#26`` or ``GH-26`` that would link an issue get a zero-width
space inside, a URL is an autolink only when nothing in it can end one (else code), and file names are code spans.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence

from .._printable import printable
from .._version import FORMAT_VERSION
from ..models import About
from .changes import Change

NO_CHANGES = "No changes."

_SUBJECT_TITLES = {
    "organization": "Organisation",
    "front-matter": "Front matter",
    "group": "Groups",
    "person": "People",
    "sponsor": "Sponsors",
    "donation-form": "Donations",
    "event": "History",
    "institution": "Institutions",
    "project": "Projects",
    "contact": "Contact",
    "link": "Links",
}
# Inline Markdown and raw HTML: code, emphasis, links, images, autolinks, tags, entities ('&amp;'), tables.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&!])")
# What GitHub acts on: '@name' and '@org/team' notify (an e-mail address, a word character before '@', does not);
# '#26', 'owner/repo#26' and 'GH-26' link to an issue or a pull request. Each gets a zero-width space inside it.
_MENTION_OR_REFERENCE = re.compile(r"(?<!\w)@(?=[\w-])|#(?=\d)|(?<!\w)GH(?=-\d)", re.IGNORECASE)
ZERO_WIDTH_SPACE = "\u200b"
# A URL that an autolink '<...>' holds whole and shows as written: no space, no '<' or '>', no control or
# direction character (such a URL is shown as code, with those characters escaped).
_AUTOLINK_URL = re.compile(
    r"(?:https?://|mailto:)[^\s<>\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]+", re.IGNORECASE
)
_URL = re.compile(r"(?:https?://|mailto:)\S+", re.IGNORECASE)


def render_text(changes: Sequence[Change]) -> str:
    """One changelog line per change, e.g. '+ Jun Qian joined Advisors (line 42)', values made printable."""
    return "\n".join(str(change) for change in changes) if changes else NO_CHANGES


def _change_json(change: Change) -> dict[str, object]:
    """The same keys for every kind: what ``name``, ``old`` and ``new`` hold is the kind's (see ChangeKind);
    ``text`` is the change as the text format words it, whatever the kind."""
    data: dict[str, object] = {"kind": change.kind.value, "subject": change.subject, "sign": change.sign}
    data.update(change.model_dump(mode="json", include={"name", "old", "new", "old_line", "new_line"}))
    data["text"] = change.describe()
    return data


def render_json(changes: Sequence[Change], *, old: tuple[str, About], new: tuple[str, About]) -> str:
    """One JSON object: ``format_version``, ``old`` and ``new`` (each ``source``, as named on the command line,
    and ``sha256`` of its bytes), and ``changes``, each with kind, subject, sign, name, old, new, old_line,
    new_line and text."""
    data = {
        "format_version": FORMAT_VERSION,
        "old": {"source": old[0], "sha256": old[1].source_sha256},
        "new": {"source": new[0], "sha256": new[1].source_sha256},
        "changes": [_change_json(change) for change in changes],
    }
    return json.dumps(data, indent=2, ensure_ascii=False)


def code_span(text: str) -> str:
    """``text`` as a Markdown code span, whatever backticks it holds: nothing in it formats, links or notifies."""
    text = printable(text)
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    pad = " " if text[:1] in ("`", " ", "") or text[-1:] in ("`", " ") else ""  # CommonMark strips one each side
    return f"{fence}{pad}{text}{pad}{fence}"


def markdown_value(text: str) -> str:
    """A value of the page as Markdown that shows it as written and does nothing else."""
    if _AUTOLINK_URL.fullmatch(text):
        return f"<{text}>"
    if _URL.fullmatch(text):
        return code_span(text)
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", printable(text))
    return _MENTION_OR_REFERENCE.sub(lambda found: found[0] + ZERO_WIDTH_SPACE, escaped)


def render_markdown(changes: Sequence[Change], *, old: str, new: str) -> str:
    """A heading and one bullet list per subject, in the order the subjects first appear."""
    count = len(changes)
    title = f"**About page**: {count} change{'s' if count != 1 else ''} from {code_span(old)} to {code_span(new)}"
    if not changes:
        return f"{title}\n\n{NO_CHANGES}"
    by_subject: dict[str, list[Change]] = {}
    for change in changes:
        by_subject.setdefault(change.subject, []).append(change)
    parts = [title]
    for subject, items in by_subject.items():
        parts.append(f"#### {_SUBJECT_TITLES[subject]}\n\n" + "\n".join(_bullet(c, markdown_value) for c in items))
    return "\n\n".join(parts)


def _bullet(change: Change, value: Callable[[str], str]) -> str:
    where = change.where
    return f"- **{change.sign}** {change.describe(value)}" + (f" ({where})" if where else "")
