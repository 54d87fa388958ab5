"""The export formats, by name: each turns a CompareResult into plain text (never through rich)."""

from __future__ import annotations

from collections.abc import Callable

from guarantees.formats import ExportFormat
from guarantees.render.data import render_csv, render_json
from guarantees.render.markdown import render_memo
from guarantees.service.compare import CompareResult


def render_html(result: CompareResult) -> str:
    """The HTML report, imported only when asked for: it brings jinja2, which no other format needs."""
    from guarantees.render.html import render_html as render

    return render(result)


EXPORTERS: dict[ExportFormat, Callable[[CompareResult], str]] = {
    ExportFormat.markdown: render_memo,
    ExportFormat.json: render_json,
    ExportFormat.csv: render_csv,
    ExportFormat.html: render_html,
}


UTF8_BOM = "\ufeff"  # Excel takes a CSV for UTF-8 only when it starts with this


def render_export(result: CompareResult, chosen: ExportFormat, *, excel: bool = False) -> str | bytes:
    """The export: text (a BOM first for Excel), or the bytes of a Word file built from the memo."""
    if chosen is ExportFormat.docx:
        from guarantees.render.docx import render_docx

        return render_docx(render_memo(result))
    return (UTF8_BOM if excel else "") + EXPORTERS[chosen](result)
