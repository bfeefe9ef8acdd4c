"""The JSON Schema of the About JSON, generated from the models with their field descriptions."""

from __future__ import annotations

from typing import Any

from pydantic.json_schema import GenerateJsonSchema
from pydantic_core import core_schema

from ..models import About

__all__ = ["json_schema"]


class _OutputSchema(GenerateJsonSchema):
    """Describes the JSON as written: ``model_dump`` writes every field, so fields with defaults are required."""

    def field_is_required(
        self,
        field: core_schema.ModelField | core_schema.DataclassField | core_schema.TypedDictField,
        total: bool,
    ) -> bool:
        return not field.get("serialization_exclude")


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``About.model_dump(mode="json")``, with the fields' descriptions.

    >>> schema = json_schema()
    >>> schema["title"], schema["$defs"]["Person"]["required"][-2:]
    ('About', ['notes', 'line'])
    """
    schema = About.model_json_schema(mode="serialization", schema_generator=_OutputSchema)
    definitions = schema.pop("$defs")
    return {"$schema": _OutputSchema.schema_dialect, **schema, "$defs": definitions}  # the definitions last
