"""The `--where` language: `field OP value` over typed dimensions, with order on the ordered scales."""

from __future__ import annotations

import difflib
import operator
import re
from collections.abc import Callable
from typing import Any, NamedTuple

from guarantees.dimension import DIMENSIONS, TypedField, dimension_value, scale_field, typed_field, typed_fields
from guarantees.findings import UsageError
from guarantees.model import Arrangement, Unspecified

# Read by hand, not by one regular expression: `(\S.*?)\s*$` backtracked quadratically (43 s for 120 KB).
# Each step below is one pass over the text, and the text is bounded first.
MAX_FILTER_LENGTH = 1_000  # characters; the longest real filter is under 60
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*")
_OPERATORS = (">=", "<=", "!=", "==", "=", ">", "<")  # two-character operators first
_ORDER: dict[str, Callable[[Any, Any], bool]] = {
    ">=": operator.ge,
    "<=": operator.le,
    ">": operator.gt,
    "<": operator.lt,
    "=": operator.eq,
    "==": operator.eq,
}
UNSPECIFIED = "unspecified"  # matches a dimension the sources leave open


class Filter(NamedTuple):
    """One parsed `--where` expression; `dimension` is None for the top-level fields kind and status."""

    text: str
    dimension: str | None
    field: TypedField
    op: str
    value: str

    def matches(self, arrangement: Arrangement) -> bool:
        values = _values_of(arrangement, self.dimension, self.field.name)
        if self.value == UNSPECIFIED:
            return (values is None) == (self.op in ("=", "=="))
        if values is None:
            return self.op == "!="
        if self.op == "!=":
            return self.value not in values
        if self.field.ordered:
            wanted = self.field.vocabulary(self.value)  # type: ignore[misc,call-arg]
            return any(_ORDER[self.op](self.field.vocabulary(v), wanted) for v in values)  # type: ignore[misc,call-arg]
        return self.value in values


def _values_of(arrangement: Arrangement, dimension: str | None, name: str) -> list[str] | None:
    """The field's values over every assessment (lists expanded), or None when the dimension is unspecified."""
    if dimension is None and name == "kind":
        return [str(arrangement.kind)]
    value = arrangement.status if dimension is None else dimension_value(arrangement, dimension)
    attribute = "value" if dimension is None else name
    if isinstance(value, Unspecified):
        return None
    found: list[str] = []
    for assessment in value.assessments:
        raw = getattr(assessment, attribute)
        for item in raw if isinstance(raw, list) else [raw]:
            if item is not None:
                found.append(str(item).lower() if isinstance(item, bool) else str(item))
    return found


def _top_level_fields() -> dict[str, TypedField]:
    from guarantees.model import Arrangement, Status

    kind = typed_field("kind", Arrangement.model_fields["kind"].annotation)
    status = typed_field("status", Status.model_fields["value"].annotation)
    return {"kind": kind, "status": status}  # type: ignore[dict-item]


def field_names() -> list[str]:
    """Every field a filter can name: `kind`, `status`, `<dimension>` for scales, `<dimension>.<field>`."""
    names = list(_top_level_fields())
    for dimension in DIMENSIONS:
        if scale_field(dimension):
            names.append(dimension)
        names.extend(f"{dimension}.{name}" for name in typed_fields(dimension))
    return names


def _lookup(name: str) -> tuple[str | None, TypedField]:
    top = _top_level_fields()
    if name in top:
        return None, top[name]
    dimension, _, sub = name.partition(".")
    scale = scale_field(dimension) if dimension in DIMENSIONS else None
    field = typed_fields(dimension).get(sub) if dimension in DIMENSIONS and sub else scale
    if field is None:
        close = difflib.get_close_matches(name, field_names(), n=1, cutoff=0.6)
        hint = f"did you mean `{close[0]}`? " if close else ""
        if dimension in DIMENSIONS and not sub:
            hint = f"`{dimension}` has no ordered scale; name one of its fields. " + hint
        raise UsageError(f"unknown filter field `{name}`; {hint}valid fields: {', '.join(field_names())}")
    return dimension, field


def describe_values(field: TypedField) -> str:
    """The valid values of a field, weakest first with `<` for ordered scales."""
    return (" < " if field.ordered else ", ").join(field.values)


def split_filter(text: str) -> tuple[str, str, str] | None:
    """`FIELD OP VALUE` as its three parts (white space around each ignored), or None when it is not of that form."""
    if len(text) > MAX_FILTER_LENGTH:
        raise UsageError(f"a filter is at most {MAX_FILTER_LENGTH:,} characters; this one has {len(text):,}")
    stripped = text.strip()
    name = _NAME.match(stripped)
    if name is None:
        return None
    rest = stripped[name.end() :].lstrip()
    op = next((candidate for candidate in _OPERATORS if rest.startswith(candidate)), None)
    value = rest[len(op) :].lstrip() if op else ""
    return (name.group(), op, value) if op and value else None


def parse_filter(text: str) -> Filter:
    """Parse `field OP value`; a bad expression is a usage error naming the valid fields, operators or values."""
    parts = split_filter(text)
    if parts is None:
        raise UsageError(
            f"cannot read the filter `{text}`; expected FIELD OP VALUE with OP one of =, !=, <, <=, >, >= "
            "(e.g. `binding_force>=legally_binding`, `troops.presence=in_territory`)"
        )
    name, op, raw = parts[0].lower().replace("-", "_"), parts[1], parts[2].strip("'\"")
    dimension, field = _lookup(name)
    party_codes = field.vocabulary is None and field.values[0] != "true"
    value = UNSPECIFIED if raw.lower() == UNSPECIFIED else raw.upper() if party_codes else raw.lower()
    if op not in ("=", "==", "!=") and not field.ordered:
        raise UsageError(
            f"`{name}` is not an ordered scale, so `{op}` does not apply; use = or != "
            f"(values: {describe_values(field)})"
        )
    if value != UNSPECIFIED and value not in field.values:
        close = difflib.get_close_matches(value, field.values, n=1)
        hint = f"did you mean `{close[0]}`? " if close else ""
        raise UsageError(
            f"unknown value `{raw}` for `{name}`; {hint}expected one of: {describe_values(field)}"
            + ("" if dimension is None else f" (or `{UNSPECIFIED}`)")
        )
    if value == UNSPECIFIED and op not in ("=", "==", "!="):
        raise UsageError(f"`{UNSPECIFIED}` takes = or !=, not `{op}`")
    return Filter(text, dimension, field, op, value)


def select(arrangements: list[Arrangement], filters: list[Filter]) -> list[Arrangement]:
    """The arrangements that match every filter (a contested dimension matches when any reading does)."""
    return [a for a in arrangements if all(f.matches(a) for f in filters)]
