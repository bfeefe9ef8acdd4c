"""Changes as text (a changelog), JSON, or Markdown ready to paste into a pull request."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence

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
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_URL = re.compile(r"^(?:https?://|mailto:)\S+$", re.IGNORECASE)


def render_text(changes: Sequence[Change]) -> str:
    """One changelog line per change, e.g. '+ Jun Qian joined Advisors (line 42)'."""
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
