"""What a codebook v1 model file must change to fit v2: the hint a finding gives when a v1 shape is the cause."""

from __future__ import annotations

from typing import Any

PROVENANCE_VALUES = "arrangement_text, official_statement, unnamed_official, journalist or analyst"
NEW_DIMENSIONS = frozenset(
    {"instrument", "domestic_approval", "reciprocity", "geographic_scope", "preconditions", "duration"}
    | {"consideration", "positions"}
)

# (the field, the dimension or object it stands in) → what v2 wants instead; None matches anywhere.
_UNKNOWN_FIELD: dict[tuple[str, str | None], str] = {
    ("ratification", "binding_force"): "codebook v2 moved ratification to the `domestic_approval` dimension "
    "(`step`, `state`)",
    ("instrument", "binding_force"): "codebook v2 made the instrument a dimension of its own: "
    "`dimensions.instrument` with `kind` and `name`",
    ("date", "status"): "codebook v2 splits the date: `signed`, `announced` or `proposed` for when that happened, "
    "`since` only for since when the status holds",
}


def _context(path: tuple[str | int, ...]) -> str | None:
    """The dimension (or `status`) a data path stands in."""
    if len(path) > 1 and path[0] == "dimensions":
        return str(path[1])
    return str(path[0]) if path and isinstance(path[0], str) else None


def migration_hint(kind: str, path: tuple[str | int, ...], value: Any) -> str | None:
    """The v1 → v2 hint for a type error of `kind` at `path`, or None when the error is not a v1 shape."""
    field = path[-1] if path else None
    if kind == "extra_forbidden" and isinstance(field, str):
        return _UNKNOWN_FIELD.get((field, _context(path)))
    if kind == "missing" and field == "provenance":
        return f"codebook v2: every assessment says whose words it rests on: `provenance:` {PROVENANCE_VALUES}"
    if kind == "missing" and field in NEW_DIMENSIONS and path[:1] == ("dimensions",):
        return f"codebook v2 adds `{field}`; write `{field}: {{unspecified: ...}}` with what the sources leave open"
    if kind == "missing" and field == "decided_by":
        return "codebook v2 types who decides: guarantor_alone, parties_jointly, institution or unspecified"
    if value == "ratified_treaty_obligation":
        return (
            "codebook v2 codes the legal character only: use `legally_binding` and put ratification in "
            "`domestic_approval`"
        )
    if field == "decided_by" and isinstance(value, str):
        return (
            "codebook v2: `decided_by` is guarantor_alone, parties_jointly, institution or unspecified; "
            "put the sources' words in `description`"
        )
    return None
