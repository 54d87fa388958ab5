"""The gap view: what a baseline has, dimension by dimension, that another arrangement lacks or weakens."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from guarantees.dimension import dimension_value, format_value, humanise, scale_field, typed_fields
from guarantees.model import CUMULATIVE_DIMENSIONS, Arrangement, Assessed, Unspecified
from guarantees.scale import Scale

# How each status reads, strongest concern first; renderers add their own symbols.
STATUSES: dict[str, str] = {
    "lacks": "the baseline's value is missing here",
    "weaker": "lower on the ordered scale, or extra escape clauses",
    "contested": "readings overlap the baseline's",
    "differs": "other typed values, neither stronger nor weaker",
    "same": "the same typed values",
    "stronger": "higher on the ordered scale, or fewer escape clauses",
    "open": "both leave it unspecified",
}
GAP_SYMBOLS = {"lacks": "✗", "weaker": "▼", "contested": "≈", "differs": "~", "same": "=", "stronger": "▲", "open": "·"}


@dataclass(frozen=True)
class Gap:
    dimension: str
    status: str
    detail: str
    meets: bool | None = None  # on an ordered scale: every reading at least the baseline's strongest


@dataclass(frozen=True)
class Label:
    """What a view shows to name an arrangement; small, so a gap view over 10,000 models holds only these."""

    id: str
    name: str
    alias: str

    @classmethod
    def of(cls, arrangement: Arrangement) -> Label:
        return cls(arrangement.id, arrangement.name, arrangement.aliases[0])


@dataclass(frozen=True)
class GapColumn:
    """One arrangement measured against the baseline, dimension by dimension."""

    arrangement: Label
    gaps: tuple[Gap, ...]

    @property
    def score(self) -> tuple[int, int]:
        """(ordered dimensions where it matches or exceeds the baseline, ordered dimensions the baseline assesses)."""
        ordered = [g for g in self.gaps if g.meets is not None or (g.status == "lacks" and scale_field(g.dimension))]
        return sum(bool(g.meets) for g in ordered), len(ordered)

    @property
    def verdict(self) -> str:
        matched, total = self.score
        return f"matches or exceeds the baseline on {matched} of {total} ordered dimensions"


def _levels(dimension: str, value: Assessed[Any]) -> list[Scale]:
    field = scale_field(dimension)
    found = [getattr(a, field.name) for a in value.assessments] if field else []
    return sorted(level for level in found if level is not None)


def _facts(dimension: str, value: Assessed[Any]) -> set[str]:
    """Every typed value as `field: value`, lists expanded, so sets show what one side has and the other lacks.

    On a cumulative dimension each assessment is one fact (one clause, one event)."""
    facts = set()
    for assessment in value.assessments:
        if dimension in CUMULATIVE_DIMENSIONS:
            values = (getattr(assessment, name) for name in typed_fields(dimension))
            facts.add(", ".join(format_value(v) for v in values if v is not None))
            continue
        for name in typed_fields(dimension):
            raw = getattr(assessment, name)
            for item in raw if isinstance(raw, list) else [raw]:
                if item is not None:
                    facts.add(f"{humanise(name)}: {format_value(item)}")
    return facts


def _step(base: Scale, other: Scale) -> str:
    return f"{humanise(base)} → {humanise(other)} ({other.rank - base.rank:+d} of {type(base).top()})"


def _compare_levels(base: list[Scale], other: list[Scale]) -> Gap | None:
    if other[-1] < base[0]:
        return Gap("", "weaker", _step(base[-1], other[-1]))
    if other[0] > base[-1]:
        return Gap("", "stronger", _step(base[-1], other[0]))
    if base != other:
        words = " or ".join(humanise(v) for v in dict.fromkeys(other))
        return Gap("", "contested", f"{words}, against {' or '.join(humanise(v) for v in dict.fromkeys(base))}")
    return None


def _compare_facts(dimension: str, base: set[str], other: set[str]) -> Gap:
    missing, extra = sorted(base - other), sorted(other - base)
    if dimension == "escape_clauses" and extra:
        return Gap(dimension, "weaker", "adds " + "; ".join(extra))
    if dimension == "escape_clauses" and missing:
        return Gap(dimension, "stronger", "without " + "; ".join(missing))
    if missing:
        return Gap(dimension, "lacks", "lacks " + "; ".join(missing) + ("; has " + "; ".join(extra) if extra else ""))
    if extra:
        return Gap(dimension, "differs", "also " + "; ".join(extra))
    return Gap(dimension, "same", "same")


def build_gap(dimension: str, base: Assessed[Any] | Unspecified, other: Assessed[Any] | Unspecified) -> Gap:
    if isinstance(base, Unspecified):
        return (
            Gap(dimension, "open", "both leave it open")
            if isinstance(other, Unspecified)
            else Gap(dimension, "differs", "the baseline leaves it open; this one specifies it")
        )
    if isinstance(other, Unspecified):
        return Gap(dimension, "lacks", "leaves it open")
    base_levels, other_levels = _levels(dimension, base), _levels(dimension, other)
    by_facts = _compare_facts(dimension, _facts(dimension, base), _facts(dimension, other))
    if not (base_levels and other_levels):
        return by_facts
    meets = other_levels[0] >= base_levels[-1]
    found = _compare_levels(base_levels, other_levels) or by_facts
    return Gap(dimension, found.status, found.detail, meets)


def build_gap_column(baseline: Arrangement, other: Arrangement, dimensions: tuple[str, ...]) -> GapColumn:
    """One arrangement against the baseline, over the chosen dimensions."""
    gaps = tuple(build_gap(d, dimension_value(baseline, d), dimension_value(other, d)) for d in dimensions)
    return GapColumn(Label.of(other), gaps)


def build_gaps(baseline: Arrangement, others: list[Arrangement], dimensions: tuple[str, ...]) -> list[GapColumn]:
    """The gap view of each other arrangement against the baseline, over the chosen dimensions."""
    return [build_gap_column(baseline, other, dimensions) for other in others if other.id != baseline.id]
