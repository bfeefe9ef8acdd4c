"""The page as a schema.org ``Organization`` in JSON-LD.

People become ``member`` roles (``OrganizationRole`` with ``roleName`` = the group, around the ``Person``;
a person in several groups is one node, with the same blank-node ``@id`` in each role). Donors are
each a ``funder``, companies giving API credits each a ``sponsor``, institutions ``member`` organisations,
contact links other than email ``sameAs``. Projects are works the organisation created (``@reverse`` ``creator``):
``SoftwareSourceCode`` when the link is a code repository, else ``CreativeWork``. The page itself is the
organisation's ``subjectOf``, an ``AboutPage`` whose ``identifier`` is the SHA-256 of its bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from ..models import About, Event, Project, Sponsor  # annotations only: models build on first use

__all__ = ["to_jsonld"]

SCHEMA_ORG = "https://schema.org"
Node = dict[str, Any]

_CODE_HOSTS = frozenset({"github.com", "gitlab.com", "bitbucket.org", "codeberg.org"})
# Words of the history sentence that dates the organisation as it is now, e.g. "established as a non-profit".
_FOUNDING_WORDS = ("established", "founded", "incorporated")
_SPONSOR_PROPERTY: dict[str, str] = {"donor": "funder", "api_credits": "sponsor"}


def _node(type_: str, **values: Any) -> Node:
    """A node of ``type_`` with the values that are present (None and empty lists left out)."""
    return {"@type": type_, **{key: value for key, value in values.items() if value not in (None, [], "")}}


def _date(event: Event) -> str:
    return f"{event.year:04d}-{event.month:02d}" if event.month is not None else f"{event.year:04d}"


def _founding_date(about: About) -> str | None:
    """The date of the first event that says the organisation was established, else of the earliest event."""
    events = about.history.events
    for event in events:
        if any(word in event.text.lower() for word in _FOUNDING_WORDS):
            return _date(event)
    if not events:
        return None
    return _date(min(events, key=lambda event: (event.year, event.month or 0)))


def _roles(about: About) -> list[Node]:
    """One role per person and group; the person inside is the same node (``@id``) in each of their roles."""
    people = {
        person.name.casefold(): {"@id": f"_:person-{index}", **_node("Person", name=person.name, url=person.url)}
        for index, person in enumerate(about.people, start=1)
    }
    return [
        _node("OrganizationRole", roleName=group.name, member=people[member.name.casefold()])
        for group in about.groups
        for member in group.members
    ]


def _organisation(sponsor: Sponsor) -> Node:
    return _node("Organization", name=sponsor.name, url=sponsor.url)


def _work(project: Project) -> Node:
    host = (urlsplit(project.url).hostname or "").removeprefix("www.") if project.url else ""
    if host in _CODE_HOSTS:
        return _node("SoftwareSourceCode", name=project.name, url=project.url, codeRepository=project.url,
                     creativeWorkStatus=project.status)  # fmt: skip
    return _node("CreativeWork", name=project.name, url=project.url, creativeWorkStatus=project.status)


def _page(about: About) -> Node:
    digest = _node("PropertyValue", propertyID="sha256", value=about.source_sha256)
    return _node("AboutPage", name=about.title, identifier=digest)


def _sponsors(about: About) -> Node:
    by_property: Node = {}
    for sponsor in about.sponsors:
        by_property.setdefault(_SPONSOR_PROPERTY[sponsor.kind], []).append(_organisation(sponsor))
    return by_property


def _identity(about: About) -> Node:
    organization = about.organization
    return {
        "name": organization.name,
        "alternateName": organization.short_name,
        "description": organization.description,
        "foundingDate": _founding_date(about),
        "email": about.contact.email,
        "sameAs": [link.url for link in about.contact.links if link.platform != "email"],
    }


def _members(about: About) -> Node:
    institutions = [_node("Organization", name=institution.name) for institution in about.history.institutions]
    return {"member": _roles(about) + institutions}


def _projects(about: About) -> Node:
    works = [_work(project) for project in about.history.projects]
    return {"@reverse": {"creator": works} if works else None}


# Each part gives some of the organisation's properties; empty ones are left out.
_PARTS: tuple[Callable[[About], Node], ...] = (_identity, _members, _sponsors, _projects)


def to_jsonld(about: About) -> Node:
    """The page as a schema.org ``Organization`` (a JSON-LD document as a dict, ``@context`` included).

    >>> from lmsys_about import load
    >>> document = to_jsonld(load())
    >>> document["@type"], document["alternateName"], document["foundingDate"]
    ('Organization', 'LMSYS Corp', '2024-09')
    >>> document["member"][0]["roleName"], document["member"][0]["member"]["name"]
    ('Directors and officers', 'Lianmin Zheng')
    """
    properties = {key: value for part in _PARTS for key, value in part(about).items()}
    return {"@context": SCHEMA_ORG, **_node("Organization", **properties, subjectOf=_page(about))}
