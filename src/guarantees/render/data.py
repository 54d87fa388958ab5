"""JSON (a versioned envelope, every citation resolved to its span) and CSV (arrangement × dimension) exports."""

from __future__ import annotations

import csv
import io
from typing import Any

from guarantees import __version__
from guarantees.comparison import Cell, Comparison
from guarantees.loaded import LoadedModel
from guarantees.service.compare import CompareResult
from guarantees.text import json_text

JSON_FORMAT = "guarantees.export"
JSON_FORMAT_VERSION = 2  # 2 added `seeds`, `manifest` and `models`: which project the export was read from
CSV_COLUMNS = (
    "arrangement",
    "name",
    "dimension",
    "differs",
    "state",
    "value",
    "level",
    "level_rank",
    "level_top",
    "contested",
    "by",
    "citations",
    "quotes",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet would run such a cell as a formula


def resolved_model(model: LoadedModel) -> dict[str, Any]:
    """The model as JSON data, each citation replaced by its resolved {source, quote, start, end}."""
    data: dict[str, Any] = model.arrangement.model_dump(mode="json")
    for path, span in model.spans.items():
        node: Any = data
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = span.as_dict()
    return data


def render_json(result: CompareResult) -> str:
    comparison = result.comparison
    assert comparison is not None and result.generated is not None  # noqa: S101  (rendered only on success)
    envelope: dict[str, Any] = {
        "format": JSON_FORMAT,
        "version": JSON_FORMAT_VERSION,
        "tool_version": __version__,
        "generated": result.generated.isoformat(),
        **result.report.input_keys(),
        "arrangements": [
            {
                "id": m.arrangement.id,
                "sha256": (result.hashes or {}).get(m.arrangement.id),
                "file": m.file,
                "summary_line": comparison.summaries[m.arrangement.id],
                "model": resolved_model(m),
            }
            for m in comparison.models
        ],
        "dimensions": [row.dimension for row in comparison.rows],
        "differing_dimensions": [row.dimension for row in comparison.rows if row.differs],
    }
    if result.baseline is not None:
        envelope["baseline"] = result.baseline.id
        envelope["gaps"] = {c.arrangement.id: [g._asdict() for g in c.gaps] for c in result.gaps}
    return json_text(envelope) + "\n"  # the same data, with nothing in it that a terminal or a CI log acts on


def _safe(value: str) -> str:
    """Model text is data: a leading = + - @ would make a spreadsheet evaluate it, so it gets a quote mark."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def _csv_row(comparison: Comparison, index: int, dimension: str, differs: bool, cell: Cell) -> list[str]:
    arrangement = comparison.arrangements[index]
    levels = [r.level for r in cell.readings if r.level is not None]
    markers = [*cell.markers, *(n for r in cell.readings for n in r.markers)]
    quotes = [comparison.quotes[n - 1] for n in markers]
    return [
        arrangement.id,
        _safe(arrangement.name),
        dimension,
        "yes" if differs else "no",
        "unspecified" if cell.unspecified is not None else "assessed",
        _safe(cell.text),
        " | ".join(str(level) for level in levels),
        " | ".join(str(level.rank) for level in levels),
        str(levels[0].top()) if levels else "",
        "yes" if cell.contested else "no",
        _safe(" | ".join(r.by for r in cell.readings if r.by)),
        "; ".join(f"{q.span.source}[{q.span.start}:{q.span.end}]" for q in quotes),
        _safe(" | ".join(q.span.quote for q in quotes)),
    ]


def render_csv(result: CompareResult) -> str:
    """One row per arrangement × dimension, RFC 4180 quoting, CRLF line ends."""
    comparison = result.comparison
    assert comparison is not None  # noqa: S101  (rendered only on success)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for row in comparison.rows:
        for index, cell in enumerate(row.cells):
            writer.writerow(_csv_row(comparison, index, row.dimension, row.differs, cell))
    return buffer.getvalue()
