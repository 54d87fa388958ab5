"""JSON Schemas generated from the pydantic types, for check-jsonschema and editors."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from guarantees.formats import SchemaName
from guarantees.model import Arrangement, SourceManifest
from guarantees.scale import Scale
from guarantees.text import json_text
from guarantees.vocabulary import choice_types

DRAFT = "https://json-schema.org/draft/2020-12/schema"
BASE_ID = "urn:guarantees:schema:"
SCHEMAS: dict[SchemaName, tuple[type[BaseModel], str]] = {
    SchemaName.arrangement: (Arrangement, "A security-guarantee arrangement model file (models/*.yaml)."),
    SchemaName.sources: (SourceManifest, "The source manifest (seeds/sources.yaml)."),
}


def _describe_vocabularies(defs: dict[str, Any]) -> None:
    """Give each vocabulary its level meanings, in order, where editors show them."""
    for choice in choice_types():
        entry = defs.get(choice.__name__)
        if entry is None:
            continue
        ordered = "Ordered scale, weakest first. " if issubclass(choice, Scale) else ""
        entry["description"] = ordered + " ".join(f"`{m.value}`: {m.meaning}" for m in choice)
        entry["enumDescriptions"] = [m.meaning for m in choice]


def build_schema(name: SchemaName) -> dict[str, Any]:
    """The JSON Schema of one file type, with a stable key order."""
    model, description = SCHEMAS[name]
    generated = model.model_json_schema()
    _describe_vocabularies(generated.get("$defs", {}))
    header = {"$schema": DRAFT, "$id": f"{BASE_ID}{name.value}.schema.json", "description": description}
    generated.pop("description", None)
    return {**header, **generated}


def render_schema(name: SchemaName) -> str:
    """The schema as committed in schemas/: two-space JSON with a final newline; the invisible characters of
    the text patterns written as `\\u` escapes, so a reader sees them."""
    return json_text(build_schema(name)) + "\n"
