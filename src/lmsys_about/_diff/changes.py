"""The kinds of change between two versions of the page, and the typed record of one change.

Each kind says what ``name``, ``old`` and ``new`` hold; ``old_line`` and ``new_line`` are the lines in the
old and the new file (null where the thing is absent from that file, or has no line, like front matter).
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, computed_field

from .._printable import printable

Subject = Literal[
    "organization",
    "front-matter",
    "group",
    "person",
    "sponsor",
    "donation-form",
    "event",
    "institution",
    "project",
    "contact",
    "link",
]


class ChangeKind(str, Enum):
    """What changed. The comment on each kind says what ``name`` / ``old`` / ``new`` hold."""

    ORGANIZATION_NAME_CHANGED = "organization-name-changed"  # 'name' / old name / new name
    ORGANIZATION_SHORT_NAME_CHANGED = "organization-short-name-changed"  # 'short_name' / old / new
    ORGANIZATION_MISSION_CHANGED = "organization-mission-changed"  # 'mission' / old sentence / new sentence
    # The introduction changed beyond its name, short name and mission: 'description' / old text / new text.
    ORGANIZATION_DESCRIPTION_CHANGED = "organization-description-changed"
    FRONT_MATTER_CHANGED = "front-matter-changed"  # key / old value / new value (null when absent)
    GROUP_ADDED = "group-added"  # group / null / group
    GROUP_REMOVED = "group-removed"  # group / group / null
    GROUP_RENAMED = "group-renamed"  # new label / old label / new label
    GROUP_LINK_ADDED = "group-link-added"  # group / null / URL
    GROUP_LINK_REMOVED = "group-link-removed"  # group / URL / null
    PERSON_ADDED = "person-added"  # person / null / their groups, comma-separated
    PERSON_REMOVED = "person-removed"  # person / their groups, comma-separated / null
    PERSON_RENAMED = "person-renamed"  # new name / old name / new name
    PERSON_URL_CHANGED = "person-url-changed"  # person / old URL / new URL
    PERSON_MOVED = "person-moved"  # person / group left / group joined
    PERSON_JOINED_GROUP = "person-joined-group"  # person / null / group joined
    PERSON_LEFT_GROUP = "person-left-group"  # person / group left / null
    PERSON_NOTES_CHANGED = "person-notes-changed"  # person / old notes / new notes, comma-separated
    SPONSOR_ADDED = "sponsor-added"  # sponsor / null / kind
    SPONSOR_REMOVED = "sponsor-removed"  # sponsor / kind / null
    SPONSOR_RENAMED = "sponsor-renamed"  # new name / old name / new name
    SPONSOR_URL_CHANGED = "sponsor-url-changed"  # sponsor / old URL / new URL
    SPONSOR_KIND_CHANGED = "sponsor-kind-changed"  # sponsor / old kind / new kind
    SPONSOR_NOTES_CHANGED = "sponsor-notes-changed"  # sponsor / old notes / new notes, comma-separated
    DONATION_FORM_ADDED = "donation-form-added"  # form / null / form
    DONATION_FORM_REMOVED = "donation-form-removed"  # form / form / null
    EVENT_ADDED = "event-added"  # date ('2024', '2024-09' or '2024-09-01') / null / sentence
    EVENT_REMOVED = "event-removed"  # date / sentence / null
    EVENT_CHANGED = "event-changed"  # new date / old sentence / new sentence
    INSTITUTION_ADDED = "institution-added"  # institution / null / institution
    INSTITUTION_REMOVED = "institution-removed"  # institution / institution / null
    INSTITUTION_RENAMED = "institution-renamed"  # new name / old name / new name
    INSTITUTION_NOTES_CHANGED = "institution-notes-changed"  # institution / old notes / new notes
    PROJECT_ADDED = "project-added"  # project / null / URL
    PROJECT_REMOVED = "project-removed"  # project / URL / null
    PROJECT_RENAMED = "project-renamed"  # new name / old name / new name
    PROJECT_URL_CHANGED = "project-url-changed"  # project / old URL / new URL
    PROJECT_STATUS_CHANGED = "project-status-changed"  # project / old status / new status
    CONTACT_ADDED = "contact-added"  # platform / null / URL
    CONTACT_REMOVED = "contact-removed"  # platform / URL / null
    CONTACT_CHANGED = "contact-changed"  # platform, or 'email address' / old / new
    LINK_ADDED = "link-added"  # link text / null / URL
    LINK_REMOVED = "link-removed"  # link text / URL / null
    LINK_CHANGED = "link-changed"  # link text / old URL / new URL (the same text now points elsewhere)

    @property
    def subject(self) -> Subject:
        """What the change is about: 'person', 'sponsor', 'group', ..."""
        return _SUBJECTS[self]


def _subject_of(kind: ChangeKind) -> Subject:
    prefixes: tuple[Subject, ...] = (
        "organization", "front-matter", "group", "person", "sponsor", "donation-form", "event", "institution",
        "project", "contact", "link",
    )  # fmt: skip
    return next(prefix for prefix in prefixes if kind.value.startswith(prefix + "-"))


_SUBJECTS: dict[ChangeKind, Subject] = {kind: _subject_of(kind) for kind in ChangeKind}


class Change(BaseModel):
    """One change between two versions of the page; ``str(change)`` reads like a changelog line.

    >>> change = Change(kind=ChangeKind.PERSON_ADDED, name="Jun Qian", new="Advisors", new_line=42)
    >>> change.subject, str(change)
    ('person', '+ Jun Qian joined Advisors (line 42)')
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: ChangeKind = Field(description="What changed.")
    name: str = Field(description="Who or what changed: the person, sponsor, group, front matter key, ...")
    old: str | None = Field(default=None, description="The value before, as the kind defines it; null for additions.")
    new: str | None = Field(default=None, description="The value after, as the kind defines it; null for removals.")
    old_line: int | None = Field(default=None, description="1-based line in the old file, or null.")
    new_line: int | None = Field(default=None, description="1-based line in the new file, or null.")

    @computed_field  # type: ignore[prop-decorator]
    @property
    def subject(self) -> Subject:
        """What the change is about: 'person', 'sponsor', 'group', ..."""
        return self.kind.subject

    @property
    def sign(self) -> Literal["+", "-", "~"]:
        """'+' for something added or joined, '-' for something removed or left, '~' for a change."""
        return _SENTENCES[self.kind][0]

    def describe(self, value: Callable[[str], str] = str) -> str:
        """The change as a sentence, each value passed through ``value`` (e.g. to escape Markdown)."""
        template = _SENTENCES[self.kind][1]
        fields = {"name": self.name, "old": self.old, "new": self.new}
        return template.format(**{key: value(_one_line(text)) for key, text in fields.items()})

    @property
    def where(self) -> str:
        """'line 42' in the new file, 'old line 12' for removals, '' when the change has no line."""
        if self.sign != "-" and self.new_line is not None:
            return f"line {self.new_line}"
        return f"old line {self.old_line}" if self.old_line is not None else ""

    def __str__(self) -> str:
        """The changelog line, for a person: the page's control characters in it are made visible."""
        where = self.where
        return f"{self.sign} {self.describe(printable)}" + (f" ({where})" if where else "")


def _one_line(text: str | None) -> str:
    return "(none)" if text is None else " ".join(text.split())


# Sign and sentence of each kind: a table, so that a new kind without a sentence fails at import.
_SENTENCES: dict[ChangeKind, tuple[Literal["+", "-", "~"], str]] = {
    ChangeKind.ORGANIZATION_NAME_CHANGED: ("~", "organisation name changed from {old} to {new}"),
    ChangeKind.ORGANIZATION_SHORT_NAME_CHANGED: ("~", "short name changed from {old} to {new}"),
    ChangeKind.ORGANIZATION_MISSION_CHANGED: ("~", "mission now reads: {new}"),
    ChangeKind.ORGANIZATION_DESCRIPTION_CHANGED: ("~", "introduction now reads: {new}"),
    ChangeKind.FRONT_MATTER_CHANGED: ("~", "front matter {name} changed from {old} to {new}"),
    ChangeKind.GROUP_ADDED: ("+", "new group {name}"),
    ChangeKind.GROUP_REMOVED: ("-", "group {name} removed"),
    ChangeKind.GROUP_RENAMED: ("~", "group {old} renamed to {new}"),
    ChangeKind.GROUP_LINK_ADDED: ("+", "{name} links to {new}"),
    ChangeKind.GROUP_LINK_REMOVED: ("-", "{name} no longer links to {old}"),
    ChangeKind.PERSON_ADDED: ("+", "{name} joined {new}"),
    ChangeKind.PERSON_REMOVED: ("-", "{name} left {old}"),
    ChangeKind.PERSON_RENAMED: ("~", "{old} is now written {new}"),
    ChangeKind.PERSON_URL_CHANGED: ("~", "{name}'s link changed from {old} to {new}"),
    ChangeKind.PERSON_MOVED: ("~", "{name} moved from {old} to {new}"),
    ChangeKind.PERSON_JOINED_GROUP: ("+", "{name} also joined {new}"),
    ChangeKind.PERSON_LEFT_GROUP: ("-", "{name} is no longer in {old}"),
    ChangeKind.PERSON_NOTES_CHANGED: ("~", "{name}'s notes changed from {old} to {new}"),
    ChangeKind.SPONSOR_ADDED: ("+", "new sponsor {name} ({new})"),
    ChangeKind.SPONSOR_REMOVED: ("-", "sponsor {name} removed ({old})"),
    ChangeKind.SPONSOR_RENAMED: ("~", "sponsor {old} renamed to {new}"),
    ChangeKind.SPONSOR_URL_CHANGED: ("~", "sponsor {name}'s link changed from {old} to {new}"),
    ChangeKind.SPONSOR_KIND_CHANGED: ("~", "sponsor {name} changed from {old} to {new}"),
    ChangeKind.SPONSOR_NOTES_CHANGED: ("~", "sponsor {name}'s notes changed from {old} to {new}"),
    ChangeKind.DONATION_FORM_ADDED: ("+", "donations welcome: {new}"),
    ChangeKind.DONATION_FORM_REMOVED: ("-", "donations no longer listed: {old}"),
    ChangeKind.EVENT_ADDED: ("+", "new event ({name}): {new}"),
    ChangeKind.EVENT_REMOVED: ("-", "event removed ({name}): {old}"),
    ChangeKind.EVENT_CHANGED: ("~", "event ({name}) now reads: {new}"),
    ChangeKind.INSTITUTION_ADDED: ("+", "new institution {name}"),
    ChangeKind.INSTITUTION_REMOVED: ("-", "institution {name} removed"),
    ChangeKind.INSTITUTION_RENAMED: ("~", "institution {old} renamed to {new}"),
    ChangeKind.INSTITUTION_NOTES_CHANGED: ("~", "institution {name}'s notes changed from {old} to {new}"),
    ChangeKind.PROJECT_ADDED: ("+", "new project {name}: {new}"),
    ChangeKind.PROJECT_REMOVED: ("-", "project {name} removed"),
    ChangeKind.PROJECT_RENAMED: ("~", "project {old} renamed to {new}"),
    ChangeKind.PROJECT_URL_CHANGED: ("~", "project {name}'s link changed from {old} to {new}"),
    ChangeKind.PROJECT_STATUS_CHANGED: ("~", "project {name}'s status changed from {old} to {new}"),
    ChangeKind.CONTACT_ADDED: ("+", "new contact {name}: {new}"),
    ChangeKind.CONTACT_REMOVED: ("-", "contact {name} removed: {old}"),
    ChangeKind.CONTACT_CHANGED: ("~", "contact {name} changed from {old} to {new}"),
    ChangeKind.LINK_ADDED: ("+", "new link {name}: {new}"),
    ChangeKind.LINK_REMOVED: ("-", "link {name} removed: {old}"),
    ChangeKind.LINK_CHANGED: ("~", "link {name} now points to {new} instead of {old}"),
}
if set(_SENTENCES) != set(ChangeKind):  # pragma: no cover - a developer's mistake, caught at import
    raise RuntimeError(f"kinds without a sentence: {sorted(set(ChangeKind) - set(_SENTENCES))}")
