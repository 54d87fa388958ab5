"""The export formats, by name: each turns a Comparison into plain text (never through rich)."""

from __future__ import annotations

from collections.abc import Callable

from guarantees.compare import Comparison
from guarantees.render.data import render_csv, render_json
from guarantees.render.markdown import render_memo

EXPORTERS: dict[str, Callable[[Comparison], str]] = {"markdown": render_memo, "json": render_json, "csv": render_csv}
