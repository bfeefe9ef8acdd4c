"""The JSON Schema: a valid draft 2020-12 schema, with descriptions, that the About JSON of every page meets."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from pydantic import ValidationError

from lmsys_about import About, json_schema, load, loads

from ..pages import EXPORTS, WARNINGS
from ..paths import PARSEABLE, case_id


def validator() -> Draft202012Validator:
    schema = json_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def object_schemas(schema: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """The models' schemas (pydantic's ``JsonValue`` for front matter values is not one)."""
    yield "About", schema
    yield from ((name, part) for name, part in schema["$defs"].items() if "properties" in part)


def test_it_is_a_draft_2020_12_schema_of_about() -> None:
    schema = json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["title"] == "About"
    assert {"Person", "Sponsor", "Event", "Diagnostic"} <= set(schema["$defs"])


def test_every_field_is_described_and_required() -> None:
    for name, schema in object_schemas(json_schema()):
        assert schema.get("description"), name
        for field, definition in schema["properties"].items():
            assert definition.get("description") or "$ref" in definition, (name, field)
        assert set(schema["required"]) == set(schema["properties"]), name


@pytest.mark.parametrize(
    "text", [None, EXPORTS, WARNINGS, *PARSEABLE], ids=["bundled", "exports", "warnings", *map(case_id, PARSEABLE)]
)
def test_the_json_of_every_page_is_valid(text: str | Path | None) -> None:
    about = loads(text) if isinstance(text, str) else load(text)
    errors = list(validator().iter_errors(about.model_dump(mode="json")))
    assert errors == []


def set_in(path: tuple[str | int, ...], value: object) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        target: Any = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


def drop(key: str) -> Callable[[dict[str, Any]], None]:
    return lambda data: data.pop(key)


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(set_in(("people", 0, "line"), 0), id="line-0"),
        pytest.param(set_in(("people", 0, "groups"), "Advisors"), id="groups-not-a-list"),
        pytest.param(set_in(("sponsors", 0, "kind"), "friend"), id="unknown-sponsor-kind"),
        pytest.param(set_in(("diagnostics", 0, "severity"), "fatal"), id="unknown-severity"),
        pytest.param(set_in(("organization", "nickname"), "x"), id="unknown-key"),
        pytest.param(drop("people"), id="missing-people"),
        pytest.param(drop("links"), id="missing-field-with-default"),
        pytest.param(set_in(("format_version",), "2.0"), id="another-format-version"),
    ],
)
def test_a_changed_json_is_rejected(change: Callable[[dict[str, Any]], None]) -> None:
    data = copy.deepcopy(load().model_dump(mode="json"))
    change(data)
    assert list(validator().iter_errors(data))


def test_the_tuples_of_strings_are_plain_arrays() -> None:
    """A person's groups and the notes are tuples in Python: in the schema, as in JSON, arrays of any length."""
    defs = json_schema()["$defs"]
    for model, field in (("Person", "groups"), ("Person", "notes"), ("Member", "notes"), ("Institution", "notes")):
        schema = defs[model]["properties"][field]
        assert (schema["type"], schema["items"]) == ("array", {"type": "string"})
        assert not {"prefixItems", "minItems", "maxItems"} & schema.keys()


def test_the_schema_and_the_json_name_one_format_version() -> None:
    schema = json_schema()
    version = load().model_dump(mode="json")["format_version"]
    assert version == schema["properties"]["format_version"]["const"] == "1.0"
    assert schema["$id"] == f"urn:lmsys-about:about-json:{version}"
    assert next(iter(load().model_dump(mode="json"))) == "format_version"  # the first key, to be read first


@pytest.mark.parametrize(("version", "readable"), [("1.0", True), ("1.7", True), ("2.0", False), ("1", False)])
def test_the_models_read_any_minor_version_of_the_first(version: str, readable: bool) -> None:
    data = load().model_dump(mode="json")
    data["format_version"] = version
    if readable:
        assert About.model_validate(data).format_version == version
    else:
        with pytest.raises(ValidationError, match="format_version"):
            About.model_validate(data)


def test_json_written_before_the_version_was_is_read_as_1_0() -> None:
    data = load().model_dump(mode="json")
    del data["format_version"]
    assert About.model_validate(data) == load()
