"""Models → a neutral comparison: rows of cells with footnote markers, the cited quotes in context; no rendering."""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from guarantees.decision import build_summary
from guarantees.dimension import DIMENSIONS, dimension_value, format_value, humanise, scale_field, typed_fields
from guarantees.findings import UsageError
from guarantees.loaded import DataPath, LoadedModel
from guarantees.model import CUMULATIVE_DIMENSIONS, Arrangement, Assessed, Assessment, Citation, Source, Unspecified
from guarantees.scale import Scale
from guarantees.sources import Seeds, Span

DIFFERS = "≠"  # marks a row on which the arrangements differ, in every output format
CONTEXT_WORDS = 6  # words of source text shown either side of a quote
_NOT_SHOWN = frozenset({"cite", "by", "note", "provenance"})
# The field(s) that make up a reading's one-line label; the other set fields become its details.
_LABEL_FIELDS: dict[str, tuple[str, ...]] = {
    "instrument": ("kind",),
    "binding_force": ("level",),
    "domestic_approval": ("step", "state"),
    "reciprocity": ("kind",),
    "trigger": ("event",),
    "automaticity": ("level",),
    "response": ("obligation", "means"),
    "escape_clauses": ("condition",),
    "troops": ("presence",),
    "geographic_scope": ("areas",),
    "institution": ("level",),
    "monitoring": ("exists",),
    "preconditions": ("kind", "condition"),
    "duration": ("term",),
    "consideration": ("kind", "description"),
    "positions": ("party", "stance"),
    "track_record": ("event", "description"),
    "specificity": ("level",),
    "status": ("value",),
}


class Quote(NamedTuple):
    """One cited span, its footnote marker, its source entry and a few words around it."""

    marker: int
    span: Span
    source: Source | None
    before: str
    after: str


class Reading(NamedTuple):
    """One assessment as shown: a label, its other fields, who says so, and its markers."""

    label: str
    details: tuple[tuple[str, str], ...]
    level: Scale | None
    provenance: str  # whose words: "analyst", "arrangement text" ... (humanised)
    by: str | None
    note: str | None
    markers: tuple[int, ...]


def source_of(reading: Reading) -> str:
    """Whose words a reading rests on, for every view: `analyst: Jill Dougherty`, `arrangement text`."""
    return f"{reading.provenance}: {reading.by}" if reading.by else reading.provenance


class Cell(NamedTuple):
    """One arrangement on one dimension: its readings, or what the sources leave open."""

    dimension: str
    readings: tuple[Reading, ...] = ()
    unspecified: str | None = None
    markers: tuple[int, ...] = ()
    note: str | None = None

    @property
    def contested(self) -> bool:
        return len(self.readings) > 1 and self.dimension not in CUMULATIVE_DIMENSIONS

    @property
    def text(self) -> str:
        """The cell as plain words (for CSV and summaries): readings joined, or `unspecified`."""
        if self.unspecified is not None:
            return "unspecified"
        return (" | " if self.contested else "; ").join(r.label for r in self.readings)


class Row(NamedTuple):
    dimension: str
    cells: tuple[Cell, ...]
    differs: bool

    @property
    def title(self) -> str:
        return humanise(self.dimension)


class Comparison(NamedTuple):
    """The table of a comparison: rows of cells, the quotes they cite, one decision line per arrangement."""

    models: tuple[LoadedModel, ...]
    rows: tuple[Row, ...]
    quotes: tuple[Quote, ...]
    summaries: dict[str, str]

    @property
    def arrangements(self) -> list[Arrangement]:
        return [m.arrangement for m in self.models]


def parse_dimensions(text: str | None) -> tuple[str, ...]:
    """`binding_force,troops` → those dimensions in the order given; every dimension when empty."""
    if not text:
        return DIMENSIONS
    chosen = []
    for raw in text.split(","):
        name = raw.strip().lower().replace("-", "_").replace(" ", "_")
        if name not in DIMENSIONS:
            import difflib  # only for the hint on a misspelt dimension

            close = difflib.get_close_matches(name, DIMENSIONS, n=1)
            hint = f"did you mean `{close[0]}`? " if close else ""
            raise UsageError(f"unknown dimension `{raw.strip()}`; {hint}expected some of: {', '.join(DIMENSIONS)}")
        if name not in chosen:
            chosen.append(name)
    return tuple(chosen)


def signature(dimension: str, value: Assessed[Any] | Unspecified) -> frozenset[tuple[tuple[str, str], ...]]:
    """The typed (closed-set) values of a dimension: cells differ when these differ, not when wording does."""
    if isinstance(value, Unspecified):
        return frozenset({(("unspecified", ""),)})
    fields = typed_fields(dimension)
    return frozenset(tuple((name, format_value(getattr(a, name))) for name in fields) for a in value.assessments)


class Markers:
    """Numbers each distinct cited span once, in the order it is first shown."""

    def __init__(self, seeds: Seeds | None) -> None:
        self.seeds = seeds
        self.quotes: list[Quote] = []
        self._numbers: dict[tuple[str, int, int], int] = {}

    def mark(self, model: LoadedModel, path: DataPath, citations: list[Citation]) -> tuple[int, ...]:
        markers = []
        for index in range(len(citations)):
            span = model.spans.get((*path, "cite", index))
            if span is not None:
                markers.append(self._number(span))
        return tuple(markers)

    def _number(self, span: Span) -> int:
        key = (span.source, span.start, span.end)
        if key not in self._numbers:
            self._numbers[key] = len(self._numbers) + 1
            self.quotes.append(build_quote(self._numbers[key], span, self.seeds))
        return self._numbers[key]


_WORD = re.compile(r"\S+")


def build_quote(marker: int, span: Span, seeds: Seeds | None) -> Quote:
    """A quote with up to CONTEXT_WORDS words of source text on each side, whitespace collapsed."""
    text = (seeds.text(span.source) if seeds else None) or ""
    before = _WORD.findall(text[max(0, span.start - 200) : span.start])
    after = _WORD.findall(text[span.end : span.end + 200])
    tight_before = span.start > 0 and not text[span.start - 1].isspace()
    tight_after = span.end < len(text) and not text[span.end].isspace()
    head = " ".join(before[-CONTEXT_WORDS:]) + ("" if tight_before or not before else " ")
    tail = ("" if tight_after or not after else " ") + " ".join(after[:CONTEXT_WORDS])
    source = seeds.entries.get(span.source) if seeds else None
    return Quote(marker, span, source, head, tail)


def build_reading(dimension: str, assessment: Assessment, markers: tuple[int, ...]) -> Reading:
    label_fields = _LABEL_FIELDS[dimension]
    shown = [
        n for n in type(assessment).model_fields if n not in _NOT_SHOWN and getattr(assessment, n) not in (None, [])
    ]
    label = ": ".join(format_value(getattr(assessment, n)) for n in label_fields if n in shown) or "stated"
    details = tuple((humanise(n), format_value(getattr(assessment, n))) for n in shown if n not in label_fields)
    scale = scale_field(dimension) if dimension in DIMENSIONS else None
    level = getattr(assessment, scale.name) if scale else None
    provenance = humanise(assessment.provenance)
    return Reading(label, details, level, provenance, assessment.by, assessment.note, markers)


class _NoMarkers(Markers):
    """For views that show no citations (`list`): no quote is numbered or built, which is most of a cell's cost."""

    def __init__(self) -> None:
        super().__init__(None)

    def mark(self, model: LoadedModel, path: DataPath, citations: list[Citation]) -> tuple[int, ...]:
        return ()


class Brief(NamedTuple):
    """A dimension at a glance, for a catalogue row: each distinct reading's label and level, nothing cited."""

    readings: tuple[tuple[str, Scale | None], ...]
    contested: bool
    unspecified: bool


def build_brief(model: LoadedModel, dimension: str) -> Brief:
    """A dimension's brief: small, so a catalogue of 10,000 rows stays small."""
    cell = build_cell(model, dimension, ("dimensions", dimension), _NoMarkers())
    readings = tuple(dict.fromkeys((r.label, r.level) for r in cell.readings))
    return Brief(readings, cell.contested, cell.unspecified is not None)


def build_cell(model: LoadedModel, name: str, path: DataPath, markers: Markers) -> Cell:
    """The cell of a dimension (or of `status`) at `path` in one model."""
    value = model.arrangement.status if name == "status" else dimension_value(model.arrangement, name)
    if isinstance(value, Unspecified):
        return Cell(name, unspecified=value.unspecified, markers=markers.mark(model, path, value.cite), note=value.note)
    readings = tuple(
        build_reading(name, a, markers.mark(model, (*path, "assessments", i), a.cite))
        for i, a in enumerate(value.assessments)
    )
    return Cell(name, readings=readings, note=value.note)


def build_comparison(
    models: list[LoadedModel],
    seeds: Seeds | None,
    *,
    dimensions: tuple[str, ...] = DIMENSIONS,
    only_diff: bool = False,
    markers: Markers | None = None,
) -> Comparison:
    """One row per chosen dimension (only the differing ones with only_diff), markers numbered in reading order."""
    markers = markers or Markers(seeds)
    rows = []
    for dimension in dimensions:
        differs = len({signature(dimension, dimension_value(m.arrangement, dimension)) for m in models}) > 1
        if differs or not only_diff:
            cells = tuple(build_cell(m, dimension, ("dimensions", dimension), markers) for m in models)
            rows.append(Row(dimension, cells, differs))
    summaries = {m.arrangement.id: build_summary(m.arrangement) for m in models}
    return Comparison(models=tuple(models), rows=tuple(rows), quotes=tuple(markers.quotes), summaries=summaries)


class Profile(NamedTuple):
    """One arrangement in full, for `show`: its status and parties with their markers, then every dimension."""

    status: Cell
    parties: tuple[tuple[str, str, tuple[int, ...]], ...]  # code, role, markers
    comparison: Comparison

    @property
    def model(self) -> LoadedModel:
        return self.comparison.models[0]


def build_profile(model: LoadedModel, seeds: Seeds | None) -> Profile:
    markers = Markers(seeds)
    status = build_cell(model, "status", ("status",), markers)
    parties = tuple(
        (p.code, str(p.role), markers.mark(model, ("parties", i), p.cite))
        for i, p in enumerate(model.arrangement.parties)
    )
    return Profile(status, parties, build_comparison([model], seeds, markers=markers))
