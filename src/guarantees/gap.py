"""The gap view: what a baseline has, dimension by dimension, that another arrangement lacks or weakens."""

from __future__ import annotations

from typing import Any, NamedTuple

from guarantees.dimension import dimension_value, format_value, humanise, scale_field, typed_fields
from guarantees.model import CUMULATIVE_DIMENSIONS, Arrangement, Assessed, Unspecified
from guarantees.scale import Scale

# How each status reads, in plain English, strongest concern first; renderers add their own symbols.
# `unstated` is not a weakness: the sources of this arrangement are silent, which says nothing of its strength.
STATUSES: dict[str, str] = {
    "lacks": "has less of what the baseline has (a means of response, an area, a kind)",
    "weaker": "lower on the dimension's ordered scale, or adds an escape clause",
    "contested": "the sources disagree, some readings as strong as the baseline's and some not",
    "differs": "different, but neither stronger nor weaker (a track record is history, not strength)",
    "same": "the same as the baseline",
    "stronger": "higher on the ordered scale, or without one of the baseline's escape clauses",
    "unstated": "not stated: this arrangement's sources do not say, which is not counted against it",
    "open": "not stated for either",
}
GAP_SYMBOLS = {
    "lacks": "✗",
    "weaker": "▼",
    "contested": "≈",
    "differs": "~",
    "same": "=",
    "stronger": "▲",
    "unstated": "?",
    "open": "·",
}
# Dimensions that record what happened or who said what: a different entry is a different history, never a lack.
DESCRIPTIVE_DIMENSIONS = frozenset({"track_record", "positions"})


class Gap(NamedTuple):
    dimension: str
    status: str
    detail: str
    meets: bool | None = None  # on an ordered scale: every reading at least the baseline's strongest; None unstated


class Label(NamedTuple):
    """What a view shows to name an arrangement; small, so a gap view over 10,000 models holds only these."""

    id: str
    name: str
    alias: str

    @classmethod
    def of(cls, arrangement: Arrangement) -> Label:
        return cls(arrangement.id, arrangement.name, arrangement.aliases[0])


class GapColumn(NamedTuple):
    """One arrangement measured against the baseline, dimension by dimension."""

    arrangement: Label
    gaps: tuple[Gap, ...]

    @property
    def score(self) -> tuple[int, int]:
        """(ordered dimensions where it matches or exceeds the baseline, ordered dimensions both state).

        A dimension this arrangement's sources leave unstated is in neither count: silence is not weakness."""
        ordered = [g for g in self.gaps if g.meets is not None]
        return sum(bool(g.meets) for g in ordered), len(ordered)

    @property
    def unstated(self) -> int:
        """Ordered dimensions the baseline states and this arrangement's sources do not."""
        return sum(g.status == "unstated" and scale_field(g.dimension) is not None for g in self.gaps)

    @property
    def verdict(self) -> str:
        matched, total = self.score
        silent = f"; {self.unstated} more not stated" if self.unstated else ""
        noun = "dimension" if total == 1 else "dimensions"
        return f"matches or exceeds the baseline on {matched} of {total} ordered {noun} both state{silent}"


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
    if dimension in DESCRIPTIVE_DIMENSIONS and (missing or extra):
        shown = "; ".join(extra) if extra else "none of the baseline's entries"
        return Gap(dimension, "differs", f"records {shown}; the baseline records {'; '.join(sorted(base))}")
    if dimension == "escape_clauses" and extra:
        return Gap(dimension, "weaker", "adds " + "; ".join(extra))
    if dimension == "escape_clauses" and missing:
        return Gap(dimension, "stronger", "without " + "; ".join(missing))
    if missing and extra:
        return Gap(dimension, "lacks", f"has {'; '.join(extra)} where the baseline has {'; '.join(missing)}")
    if missing:
        return Gap(dimension, "lacks", "without " + "; ".join(missing))
    if extra:
        return Gap(dimension, "differs", "also " + "; ".join(extra))
    return Gap(dimension, "same", "same")


class _Side(NamedTuple):
    """One side of a gap on one dimension: its value and, when assessed, its ordered levels and typed facts."""

    value: Assessed[Any] | Unspecified
    levels: tuple[Scale, ...] = ()
    facts: frozenset[str] = frozenset()

    @classmethod
    def of(cls, dimension: str, value: Assessed[Any] | Unspecified) -> _Side:
        if isinstance(value, Unspecified):
            return cls(value)
        return cls(value, tuple(_levels(dimension, value)), frozenset(_facts(dimension, value)))


def _build_gap(dimension: str, base: _Side, other: _Side) -> Gap:
    if isinstance(base.value, Unspecified):
        return (
            Gap(dimension, "open", "not stated for either")
            if isinstance(other.value, Unspecified)
            else Gap(dimension, "differs", "stated here; not stated for the baseline")
        )
    if isinstance(other.value, Unspecified):
        return Gap(dimension, "unstated", "not stated in this arrangement's sources")
    by_facts = _compare_facts(dimension, set(base.facts), set(other.facts))
    if not (base.levels and other.levels):
        return by_facts
    meets = other.levels[0] >= base.levels[-1]
    found = _compare_levels(list(base.levels), list(other.levels)) or by_facts
    return Gap(dimension, found.status, found.detail, meets)


def build_gap(dimension: str, base: Assessed[Any] | Unspecified, other: Assessed[Any] | Unspecified) -> Gap:
    return _build_gap(dimension, _Side.of(dimension, base), _Side.of(dimension, other))


class GapBaseline:
    """The baseline of a gap view, read once: over 10,000 arrangements its levels and facts are not recomputed
    for each one (they are the same every time)."""

    def __init__(self, baseline: Arrangement, dimensions: tuple[str, ...]):
        self.id = baseline.id
        self.dimensions = dimensions
        self._sides = tuple(_Side.of(d, dimension_value(baseline, d)) for d in dimensions)

    def column(self, other: Arrangement) -> GapColumn:
        """One arrangement against the baseline, over the chosen dimensions."""
        gaps = tuple(
            _build_gap(d, base, _Side.of(d, dimension_value(other, d)))
            for d, base in zip(self.dimensions, self._sides, strict=True)
        )
        return GapColumn(Label.of(other), gaps)


def build_gap_column(baseline: Arrangement, other: Arrangement, dimensions: tuple[str, ...]) -> GapColumn:
    """One arrangement against the baseline, over the chosen dimensions."""
    return GapBaseline(baseline, dimensions).column(other)


def build_gaps(baseline: Arrangement, others: list[Arrangement], dimensions: tuple[str, ...]) -> list[GapColumn]:
    """The gap view of each other arrangement against the baseline, over the chosen dimensions."""
    measured = GapBaseline(baseline, dimensions)
    return [measured.column(other) for other in others if other.id != baseline.id]
