"""Changes as text (a changelog), JSON, or Markdown ready to paste into a pull request."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence

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
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_URL = re.compile(r"^(?:https?://|mailto:)\S+$", re.IGNORECASE)


def render_text(changes: Sequence[Change]) -> str:
    """One changelog line per change, e.g. '+ Jun Qian joined Advisors (line 42)'."""
    return "\n".join(str(change) for change in changes) if changes else NO_CHANGES


def render_json(changes: Sequence[Change]) -> str:
    """A JSON array of the changes, each with kind, subject, name, old, new, old_line and new_line."""
    return json.dumps([change.model_dump(mode="json") for change in changes], indent=2, ensure_ascii=False)


def _markdown_value(text: str) -> str:
    if _URL.match(text):
        return f"<{text}>"
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def render_markdown(changes: Sequence[Change], *, old: str, new: str) -> str:
    """A heading and one bullet list per subject, in the order the subjects first appear."""
    count = len(changes)
    title = f"**About page**: {count} change{'s' if count != 1 else ''} from `{old}` to `{new}`"
    if not changes:
        return f"{title}\n\n{NO_CHANGES}"
    by_subject: dict[str, list[Change]] = {}
    for change in changes:
        by_subject.setdefault(change.subject, []).append(change)
    parts = [title]
    for subject, items in by_subject.items():
        parts.append(f"#### {_SUBJECT_TITLES[subject]}\n\n" + "\n".join(_bullet(c, _markdown_value) for c in items))
    return "\n\n".join(parts)


def _bullet(change: Change, value: Callable[[str], str]) -> str:
    where = change.where
    return f"- **{change.sign}** {change.describe(value)}" + (f" ({where})" if where else "")
