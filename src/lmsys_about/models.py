"""The public, frozen models that an About page is parsed into.

Every value that comes from the page carries ``line``: the 1-based line of the original file, front matter
included, where it stands. URLs are kept exactly as written on the page (after Markdown's own unescaping):
they are validated, never rewritten.

A person's groups and the notes of a member, person or institution are tuples, so that those models, like the
others made of single values, are hashable and immutable through and through; lists of models stay lists.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from ._urls import check_url
from ._version import FORMAT_VERSION

__all__ = [
    "About",
    "Contact",
    "ContactLink",
    "Diagnostic",
    "Event",
    "Group",
    "History",
    "Institution",
    "Link",
    "Member",
    "Organization",
    "Person",
    "Project",
    "Sponsor",
]


Url = Annotated[str, AfterValidator(check_url)]
Line = Annotated[int, Field(ge=1, description="1-based line in the original file, front matter included.")]


class _Model(BaseModel):
    # Built once, for About, on first use: building every nested model at import costs start-up time.
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class Diagnostic(_Model):
    """Something the parser noticed: content it could not place, a doubtful value, a missing part."""

    severity: Literal["error", "warning", "info"] = Field(
        description="'warning' is what strict mode rejects; 'info' records content kept aside."
    )
    code: str = Field(description="Stable, kebab-case identifier of the kind of finding.")
    message: str = Field(description="What was found, for a person to read.")
    line: int | None = Field(description="1-based line of the finding, or null for the whole page.")


class Link(_Model):
    """A link in running text that is not a person, sponsor, project or contact."""

    label: str = Field(description="The link text, without Markdown.")
    url: Url = Field(description="The link target as written.")
    line: Line


class Member(_Model):
    """One entry of a group's list of people."""

    name: str = Field(description="The name as written, without Markdown and without marks such as '*'.")
    url: Url | None = Field(description="The person's link, or null when the page gives none or an empty one.")
    notes: tuple[str, ...] = Field(
        default=(), description="Meanings of marks next to the name, from the page's legend."
    )
    line: Line


class Group(_Model):
    """A group of people, introduced by a heading or by a bold label."""

    name: str = Field(description="The label as written, without Markdown and trailing colon.")
    project: str | None = Field(default=None, description="The project when the group is one project's team.")
    members: list[Member] = Field(description="The people in page order, each listed once.")
    links: list[Link] = Field(default=[], description="Other links given for the group, e.g. its repository.")
    line: Line


class Person(_Model):
    """One person across all groups."""

    name: str = Field(description="The name at the person's first appearance.")
    url: Url | None = Field(description="The first link given for the person, or null.")
    github: str | None = Field(
        description="GitHub handle: from the URL when it is a github.com profile, else from a second link beside "
        "the name that is one ('[Ada](url) ([GitHub](https://github.com/ada))'); null when neither."
    )
    groups: tuple[str, ...] = Field(description="Names of the groups the person is in, in page order.")
    notes: tuple[str, ...] = Field(
        default=(), description="Meanings of marks next to the name, from the page's legend."
    )
    line: Line = Field(description="Line of the first appearance: the line that holds the name.")


class Sponsor(_Model):
    """An institution or company that supports the organisation."""

    name: str = Field(description="The sponsor's name as written.")
    url: Url | None = Field(description="The sponsor's link, or null.")
    kind: Literal["donor", "api_credits"] = Field(
        description="'donor' for institutions that donate, 'api_credits' for companies giving API credits."
    )
    notes: tuple[str, ...] = Field(default=(), description="What the page says beside it, e.g. a table's tier.")
    line: Line


class Event(_Model):
    """A dated sentence of the page's history."""

    year: int = Field(description="The year the sentence names.")
    month: int | None = Field(description="The month (1-12) when the sentence names one, else null.")
    day: int | None = Field(default=None, description="The day of the month when the sentence names one, else null.")
    text: str = Field(description="The whole sentence as plain text.")
    line: Line


class Institution(_Model):
    """A founding or member institution."""

    name: str = Field(description="The name as written, typos included, without marks.")
    notes: tuple[str, ...] = Field(
        default=(), description="Meanings of marks next to the name, from the page's legend."
    )
    line: Line


class Project(_Model):
    """A flagship project."""

    name: str = Field(description="The project name without its status.")
    url: Url | None = Field(description="The project's link, or null.")
    status: str | None = Field(description="The status written beside it, e.g. 'graduated', or null.")
    line: Line


class History(_Model):
    """The organisation's history: dated events, founding institutions and flagship projects."""

    events: list[Event] = Field(default=[], description="Dated sentences in page order.")
    institutions: list[Institution] = Field(
        default=[], description="From an 'Institutions' label, else from the founding sentence."
    )
    projects: list[Project] = Field(default=[], description="Flagship projects in page order.")


class ContactLink(_Model):
    """A way to reach the organisation."""

    label: str = Field(description="The link text as written.")
    url: Url = Field(description="The link target as written.")
    platform: str = Field(description="email, discord, slack, x (also for twitter.com), github, ... or web.")
    line: Line


class Contact(_Model):
    """How to reach the organisation."""

    email: str | None = Field(default=None, description="The address the first mailto link really sends to.")
    links: list[ContactLink] = Field(default=[], description="Contact links in page order.")


class Organization(_Model):
    """Who the page is about."""

    name: str | None = Field(description="Full name, e.g. 'Large Model Systems Organization'.")
    short_name: str | None = Field(description="The name in parentheses after it, e.g. 'LMSYS Corp'.")
    description: str = Field(description="The introduction as plain text, paragraphs separated by blank lines.")
    mission: str | None = Field(description="The sentence stating the mission ('Our mission is ...', 'We aim to ...').")
    line: int | None = Field(description="Line of the introduction's first paragraph, or null when there is none.")


class About(_Model):
    """One version of the About page."""

    format_version: str = Field(
        default=FORMAT_VERSION,
        pattern=r"^1\.[0-9]+$",
        description="Version of the About JSON: a minor version may add fields, a major one changes them.",
    )
    source: str | None = Field(default=None, description="Path or name of the input, when known.")
    source_sha256: str = Field(description="SHA-256 of the input bytes (UTF-8 for text input), hex.")
    title: str | None = Field(description="The front matter's title, or null.")
    front_matter: dict[str, str | list[Any] | dict[str, Any]] = Field(
        description="Every front matter key; scalars are the strings written, lists and mappings kept."
    )
    organization: Organization
    groups: list[Group] = Field(description="Groups of people in page order.")
    people: list[Person] = Field(description="Each person once, in order of first appearance.")
    sponsors: list[Sponsor] = Field(description="Sponsors in page order.")
    donation_forms: list[str] = Field(description="Forms of donation the page welcomes, e.g. 'cash'.")
    history: History
    contact: Contact
    links: list[Link] = Field(default=[], description="Links in running text that are none of the above.")
    diagnostics: list[Diagnostic] = Field(description="Findings in line order.")
