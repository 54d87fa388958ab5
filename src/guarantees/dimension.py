"""What each dimension holds, read off the pydantic types: its assessment type, typed fields and ordered scale."""

from __future__ import annotations

import types
from functools import cache
from typing import Annotated, Any, Literal, NamedTuple, Union, get_args, get_origin

from pydantic import BaseModel

from guarantees.model import Arrangement, Assessed, Assessment, Dimensions, Unspecified
from guarantees.scale import Choice, Scale

DIMENSIONS: tuple[str, ...] = tuple(Dimensions.model_fields)
METADATA_FIELDS = frozenset({"provenance"})


class TypedField(NamedTuple):
    """A field whose values are a closed set: a vocabulary, a yes/no, or party codes; maybe a list of them."""

    name: str
    vocabulary: type[Choice] | None  # None for bool and party codes
    values: tuple[str, ...]
    is_list: bool

    @property
    def ordered(self) -> bool:
        return self.vocabulary is not None and issubclass(self.vocabulary, Scale)


def humanise(value: object) -> str:
    """A vocabulary value as words: `legally_binding` → `legally binding`."""
    return str(value).replace("_", " ")


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """The inner type of Optional/Annotated/list wrappers, and whether a list was among them."""
    is_list = False
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            annotation = next(a for a in get_args(annotation) if a is not type(None))
        elif origin is list:
            annotation, is_list = get_args(annotation)[0], True
        else:
            return annotation, is_list


def typed_field(name: str, annotation: Any) -> TypedField | None:
    """A TypedField for a closed-set annotation, None for free text and numbers."""
    inner, is_list = _unwrap(annotation)
    if isinstance(inner, type) and issubclass(inner, Choice):
        return TypedField(name, inner, tuple(m.value for m in inner), is_list)
    if inner is bool:
        return TypedField(name, None, ("true", "false"), is_list)
    if get_origin(inner) is Literal:
        return TypedField(name, None, tuple(str(v) for v in get_args(inner)), is_list)
    return None


@cache
def assessment_type(dimension: str) -> type[Assessment]:
    """The assessment type of one dimension, e.g. `troops` → Troops."""
    for member in get_args(Dimensions.model_fields[dimension].annotation):
        inner = _unwrap(member)[0]
        if isinstance(inner, type) and issubclass(inner, BaseModel) and "assessments" in inner.model_fields:
            found, _ = _unwrap(inner.model_fields["assessments"].annotation)
            return found  # type: ignore[no-any-return]
    raise LookupError(dimension)


@cache
def typed_fields(dimension: str) -> dict[str, TypedField]:
    """The closed-set fields of a dimension's assessments, in declaration order.

    `provenance` says whose words a reading rests on, not what it says: it is shown with every reading but
    never makes two arrangements differ, never counts as a gap and is not a filter field.
    """
    found = {}
    for name, info in assessment_type(dimension).model_fields.items():
        if name in METADATA_FIELDS:
            continue
        field = typed_field(name, info.annotation)
        if field is not None:
            found[name] = field
    return found


@cache
def scale_field(dimension: str) -> TypedField | None:
    """The field that places a dimension on an ordered scale (binding_force → level), if it has one."""
    return next((f for f in typed_fields(dimension).values() if f.ordered and not f.is_list), None)


def dimension_value(arrangement: Arrangement, dimension: str) -> Assessed[Any] | Unspecified:
    """One dimension of an arrangement: its assessments, or what the sources leave open."""
    return getattr(arrangement.dimensions, dimension)  # type: ignore[no-any-return]


def format_value(value: Any) -> str:
    """A field value as words: vocabularies humanised, lists joined, numbers grouped, booleans as yes/no."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Choice):
        return humanise(value)
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, list):
        return ", ".join(format_value(v) for v in value)
    return str(value)
