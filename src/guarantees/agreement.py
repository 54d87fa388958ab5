"""How far independent codings of the same arrangements agree, dimension by dimension and arrangement by arrangement.

Units are arrangements (matched by id across codings). For each dimension a coder's value is read
from its primary typed field, and two alphas are computed:

- `stated`: nominal, whether the coder found the sources speak to the dimension at all (assessed or unspecified);
- `value`: over the arrangements the coder assessed, with the metric that fits the field: ordinal for an ordered
  scale (a contested cell counts as its weakest reading, the one a careful reader must assume), nominal for a
  categorical field (a contested cell, two values, is a category of its own), MASI for a list field or a
  cumulative dimension (a cell is a set of values or of clauses).

The dimension's alpha is the lower of the two: coders agree on a dimension only when they agree both on whether
the sources speak to it and on what they say. Percentage agreement counts identical codings (the set of values,
`unspecified` included) among all pairs of coders.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from guarantees.dimension import DIMENSIONS, dimension_value, format_value, scale_field, typed_fields
from guarantees.loaded import LoadedModel
from guarantees.model import CUMULATIVE_DIMENSIONS, Unspecified
from guarantees.reliability import Metric, alpha, percent_agreement

UNSPECIFIED = "unspecified"
# The field whose values stand for a dimension when it is not an ordered scale; cumulative dimensions use tuples.
PRIMARY_FIELDS: dict[str, tuple[str, ...]] = {
    "status": ("value",),
    "instrument": ("kind",),
    "domestic_approval": ("step", "state"),
    "reciprocity": ("kind",),
    "trigger": ("event", "decided_by"),
    "response": ("obligation",),
    "escape_clauses": ("holder", "effect", "decided_by"),
    "geographic_scope": ("areas",),
    "monitoring": ("exists",),
    "preconditions": ("kind",),
    "duration": ("term",),
    "consideration": ("kind",),
    "positions": ("party", "stance"),
    "track_record": ("event",),
}
MEASURED = ("status", *DIMENSIONS)


class Coded(NamedTuple):
    """One coder's coding of one dimension of one arrangement."""

    assessed: bool
    values: frozenset[str]  # {"unspecified"} when not assessed
    weakest: Any  # the weakest level on an ordered scale, else None
    citations: tuple[tuple[str, str], ...]  # (source, quote) of every reading


class Disagreement(NamedTuple):
    arrangement: str
    dimension: str
    codings: tuple[tuple[str, Coded | None], ...]  # (coder, coding) for every coder


class DimensionAgreement(NamedTuple):
    dimension: str
    metric: str
    alpha: float | None
    stated_alpha: float | None
    value_alpha: float | None
    percent: float | None
    units: int  # arrangements coded by at least two coders
    disagreements: tuple[Disagreement, ...]


class FieldAgreement(NamedTuple):
    """Agreement on one typed field of a dimension, over the arrangements where both coders assessed it."""

    dimension: str
    field: str
    metric: str
    alpha: float | None
    percent: float | None


class ArrangementAgreement(NamedTuple):
    arrangement: str
    alpha: float | None  # nominal over its dimensions as units
    percent: float | None
    disagreeing: tuple[str, ...]  # dimensions


def metric_of(dimension: str) -> Metric:
    if dimension in CUMULATIVE_DIMENSIONS or any(f.is_list for f in _fields(dimension)):
        return Metric.MASI
    return Metric.ORDINAL if _scale(dimension) is not None else Metric.NOMINAL


def _scale(dimension: str) -> Any:
    return None if dimension == "status" else scale_field(dimension)


def _fields(dimension: str) -> list[Any]:
    if dimension == "status":
        return []
    names = PRIMARY_FIELDS.get(dimension) or (_scale(dimension).name,)
    return [typed_fields(dimension)[name] for name in names]


def _value(model: LoadedModel, dimension: str) -> Any:
    arrangement = model.arrangement
    return arrangement.status if dimension == "status" else dimension_value(arrangement, dimension)


def code_of(model: LoadedModel, dimension: str) -> Coded:
    """What a coder coded for a dimension, reduced to its typed primary values."""
    value = _value(model, dimension)
    if isinstance(value, Unspecified):
        return Coded(False, frozenset({UNSPECIFIED}), None, tuple((c.source, c.quote) for c in value.cite))
    names = PRIMARY_FIELDS.get(dimension) or (_scale(dimension).name,)
    items: set[str] = set()
    for assessment in value.assessments:
        parts = [getattr(assessment, name) for name in names]
        if dimension in CUMULATIVE_DIMENSIONS:
            items.add(" / ".join(format_value(p) for p in parts if p is not None) or "stated")
        else:
            for part in parts:
                items.update(format_value(v) for v in (part if isinstance(part, list) else [part]) if v is not None)
    scale = _scale(dimension)
    levels = [getattr(a, scale.name) for a in value.assessments if scale is not None] if scale else []
    weakest = min((level for level in levels if level is not None), default=None)
    citations = tuple((c.source, c.quote) for a in value.assessments for c in a.cite)
    return Coded(True, frozenset(items or {"stated"}), weakest, citations)


def _unit_value(coded: Coded | None, metric: Metric) -> Any:
    """A coding as the value alpha compares: missing when not assessed."""
    if coded is None or not coded.assessed:
        return None
    if metric is Metric.ORDINAL:
        return coded.weakest
    return coded.values if metric is Metric.MASI else "|".join(sorted(coded.values))


def measure_dimension(dimension: str, codings: Mapping[str, Mapping[str, LoadedModel]]) -> DimensionAgreement:
    """Agreement on one dimension across every arrangement that at least two codings hold."""
    coders = list(codings)
    ids = sorted({i for models in codings.values() for i in models})
    table = {i: [code_of(codings[c][i], dimension) if i in codings[c] else None for c in coders] for i in ids}
    table = {i: row for i, row in table.items() if sum(r is not None for r in row) >= 2}
    metric = metric_of(dimension)
    stated = alpha([[None if r is None else r.assessed for r in row] for row in table.values()], Metric.NOMINAL)
    member = _scale_member(dimension)
    order: list[Any] | None = list(type(member)) if metric is Metric.ORDINAL and member is not None else None  # type: ignore[call-overload]
    valued = [[_unit_value(r, metric) for r in row] for row in table.values()]
    value = alpha(valued, metric, order=order) if order is not None or metric is not Metric.ORDINAL else None
    percent = percent_agreement([[None if r is None else r.values for r in row] for row in table.values()])
    disagreements = tuple(
        Disagreement(i, dimension, tuple(zip(coders, row, strict=True)))
        for i, row in table.items()
        if len({r.values for r in row if r is not None}) > 1
    )
    headline = min((a for a in (stated, value) if a is not None), default=None)
    return DimensionAgreement(dimension, str(metric), headline, stated, value, percent, len(table), disagreements)


def _scale_member(dimension: str) -> Any:
    scale = _scale(dimension)
    return scale.vocabulary(scale.values[0]) if scale is not None and scale.vocabulary is not None else None


def measure_arrangement(arrangement: str, codings: Mapping[str, Mapping[str, LoadedModel]]) -> ArrangementAgreement:
    """Agreement on one arrangement, its dimensions taken as units (nominal over each coding's set of values)."""
    holders = [models[arrangement] for models in codings.values() if arrangement in models]
    rows = [["|".join(sorted(code_of(m, d).values)) for m in holders] for d in MEASURED]
    disagreeing = tuple(d for d, row in zip(MEASURED, rows, strict=True) if len(set(row)) > 1)
    return ArrangementAgreement(arrangement, alpha(rows, Metric.NOMINAL), percent_agreement(rows), disagreeing)


def _field_value(model: LoadedModel, dimension: str, name: str, metric: Metric) -> Any:
    """The values a coder gave one field over a dimension's assessments; None when the dimension is unspecified."""
    value = _value(model, dimension)
    if isinstance(value, Unspecified):
        return None
    raw = [getattr(a, name) for a in value.assessments]
    if metric is Metric.ORDINAL:
        return min((v for v in raw if v is not None), default=None)
    items = frozenset(
        format_value(v) for part in raw for v in (part if isinstance(part, list) else [part]) if v is not None
    )
    return items if metric is Metric.MASI else "|".join(sorted(items))


def measure_fields(dimension: str, codings: Mapping[str, Mapping[str, LoadedModel]]) -> tuple[FieldAgreement, ...]:
    """Agreement on every typed field of a dimension (status: its value), each with the metric of that field."""
    fields = {"value": None} if dimension == "status" else typed_fields(dimension)
    ids = sorted({i for models in codings.values() for i in models})
    found = []
    for name, field in fields.items():
        if field is not None and field.ordered and not field.is_list:
            metric, order = Metric.ORDINAL, list(field.vocabulary)  # type: ignore[arg-type]
        elif dimension in CUMULATIVE_DIMENSIONS or (field is not None and field.is_list):
            metric, order = Metric.MASI, None
        else:
            metric, order = Metric.NOMINAL, None
        units = [
            [_field_value(m[i], dimension, name, metric) if i in m else None for m in codings.values()] for i in ids
        ]
        found.append(
            FieldAgreement(dimension, name, str(metric), alpha(units, metric, order=order), percent_agreement(units))
        )
    return tuple(found)
