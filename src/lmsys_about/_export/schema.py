"""The JSON Schema of the About JSON, generated from the models with their field descriptions."""

from __future__ import annotations

from typing import Any

from pydantic.json_schema import GenerateJsonSchema
from pydantic_core import core_schema

from .._version import FORMAT_VERSION
from ..models import About

__all__ = ["SCHEMA_ID", "json_schema"]

# The schema's identifier names the version of the About JSON it describes (no document is fetched from it).
SCHEMA_ID = f"urn:lmsys-about:about-json:{FORMAT_VERSION}"


class _OutputSchema(GenerateJsonSchema):
    """Describes the JSON as written: ``model_dump`` writes every field, so fields with defaults are required."""

    def field_is_required(
        self,
        field: core_schema.ModelField | core_schema.DataclassField | core_schema.TypedDictField,
        total: bool,
    ) -> bool:
        return not field.get("serialization_exclude")


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``About.model_dump(mode="json")``, with the fields' descriptions;
    its ``$id`` and ``format_version`` name the version of the About JSON it describes.

    >>> schema = json_schema()
    >>> schema["$id"], schema["properties"]["format_version"]["const"]
    ('urn:lmsys-about:about-json:1.0', '1.0')
    >>> schema["title"], schema["$defs"]["Person"]["required"][-2:]
    ('About', ['notes', 'line'])
    """
    schema = About.model_json_schema(mode="serialization", schema_generator=_OutputSchema)
    definitions = schema.pop("$defs")
    version = schema["properties"]["format_version"]
    del version["pattern"], version["default"]  # models read any 1.x; this version writes its own
    version["const"] = FORMAT_VERSION
    return {"$schema": _OutputSchema.schema_dialect, "$id": SCHEMA_ID, **schema, "$defs": definitions}
