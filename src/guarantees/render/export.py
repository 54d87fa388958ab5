"""The export formats, by name: each turns a CompareResult into plain text (never through rich)."""

from __future__ import annotations

from collections.abc import Callable

from guarantees.formats import ExportFormat
from guarantees.render.data import render_csv, render_json
from guarantees.render.markdown import render_memo
from guarantees.service.compare import CompareResult

EXPORTERS: dict[ExportFormat, Callable[[CompareResult], str]] = {
    ExportFormat.markdown: render_memo,
    ExportFormat.json: render_json,
    ExportFormat.csv: render_csv,
}
