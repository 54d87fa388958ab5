"""The text of a new model file (`guarantees new`): every dimension `unspecified`, each with a comment from the types.

The comments are read off the pydantic types and vocabularies (each dimension's description and the
values of its closed-set fields), so they cannot drift from the codebook. The file validates except
for `parties`, which must be cited and so cannot be written before a source is read.
"""

from __future__ import annotations

from guarantees.dimension import DIMENSIONS, TypedField, typed_field, typed_fields
from guarantees.formats import SchemaName
from guarantees.manifest_edit import render_scalar
from guarantees.model import Arrangement, Dimensions, Party
from guarantees.vocabulary import Kind

DEFAULT_KIND = Kind.SECURITY_GUARANTEE
TO_FILL = "Not coded yet: replace with `assessments:` from the sources, or say what they leave open."
SUMMARY = "To be written: one line for catalogues."
_LONG_VOCABULARY = 20  # party codes: too many to list in a comment


def _values(field: TypedField) -> str:
    if len(field.values) > _LONG_VOCABULARY:
        return f"{field.name}: one of {len(field.values)} codes (docs/codebook.md)"
    joiner = " < " if field.ordered else " | "
    return f"{field.name}{' (list)' if field.is_list else ''}: {joiner.join(field.values)}"


def describe(description: str | None, fields: list[TypedField]) -> str:
    """One comment line: what the field means, then the values its closed-set fields take (`<`: weakest first)."""
    scale = "; ".join(_values(f) for f in fields)
    return f"# {description or ''}" + (f" Values: {scale}." if scale else "")


def _unspecified(key: str, indent: str, comment: str) -> list[str]:
    return [f"{indent}{comment}", f"{indent}{key}:", f"{indent}  unspecified: {render_scalar(TO_FILL)}"]


def _parties_example() -> list[str]:
    role = typed_field("role", Party.model_fields["role"].annotation)
    return [
        describe(Arrangement.model_fields["parties"].description, [role] if role else []),
        "# Required, and each party must be cited, so `validate` reports it missing until you write it:",
        "# parties:",
        "#   - code: US",
        "#     role: guarantor",
        "#     cite:",
        "#       - source: SOURCE-ID",
        '#         quote: "the exact words of the source"',
    ]


def render_skeleton(model_id: str, name: str, aliases: list[str], kind: Kind = DEFAULT_KIND) -> str:
    """The model file's text; id, name, aliases and kind as given, every dimension unspecified."""
    kinds = typed_field("kind", Arrangement.model_fields["kind"].annotation)
    lines = [
        f"# yaml-language-server: $schema=../schemas/{SchemaName.arrangement.value}.schema.json",
        "# Written by `guarantees new`. Every dimension starts `unspecified`; code each from the sources",
        "# (docs/codebook.md gives its fields, scale and decision rules), citing the exact words.",
        f"id: {model_id}",
        f"name: {render_scalar(name)}",
        f"aliases: [{', '.join(aliases)}]",
        describe(Arrangement.model_fields["kind"].description, [kinds] if kinds else []),
        f"kind: {kind.value}",
        f"summary: {render_scalar(SUMMARY)}",
        *_unspecified("status", "", describe(Arrangement.model_fields["status"].description, [])),
        *_parties_example(),
        "dimensions:",
    ]
    for dimension in DIMENSIONS:
        comment = describe(Dimensions.model_fields[dimension].description, list(typed_fields(dimension).values()))
        lines += _unspecified(dimension, "  ", comment)
    return "\n".join(lines) + "\n"
