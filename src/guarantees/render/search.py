"""`search` results as plain text (one located line and one context line per match) or a JSON envelope.

Source text is untrusted: every piece of it goes through `text.terminal` (or `json_text`), so a match can
never drive the terminal or forge a CI annotation.
"""

from __future__ import annotations

from guarantees import __version__
from guarantees.render.grid import wrap_paragraph
from guarantees.service.search import SearchResult
from guarantees.text import json_text, terminal

JSON_FORMAT = "guarantees.search"
JSON_FORMAT_VERSION = 2  # 2 added `seeds`, `manifest` and `models`: the directories read


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _citers(cited_by: tuple[tuple[str, str], ...]) -> str:
    """`cited by berlin-commitment (binding_force, response), …`: each model once, with its dimensions."""
    by_model: dict[str, list[str]] = {}
    for model, dimension in cited_by:
        by_model.setdefault(model, []).append(dimension)
    listed = ", ".join(f"{model} ({', '.join(dimensions)})" for model, dimensions in by_model.items())
    return f"cited by {listed}" if listed else "not cited"


def render_search_text(result: SearchResult, width: int = 80) -> str:
    """`source:line:column [start:end]  cited by …`, then the match «bracketed» in a few words of context, each
    wrapped to `width` (the location always starts its line, so the output still greps)."""
    lines = []
    for hit in result.hits:
        where = f"{hit.source}:{hit.line}:{hit.column} [{hit.start}:{hit.end}]"
        lines += wrap_paragraph(terminal(f"{where}  {_citers(hit.cited_by)}"), width, hanging="    ")
        context = terminal(f"…{hit.before}«{_one_line(hit.text)}»{hit.after}…")
        lines += wrap_paragraph(context, width, indent="    ", hanging="    ")
    return "".join(line + "\n" for line in lines)


def render_search_summary(result: SearchResult) -> str:
    """One line for stderr: how many matches in how many sources, or that there were none."""
    shown = terminal(_one_line(result.query))
    if not result.hits:
        return f"guarantees: no match for {shown!r} in {result.sources:,} source(s) ({result.mode.value} search)\n"
    in_sources = len({hit.source for hit in result.hits})
    more = (
        f"; more than {len(result.hits):,} matches, only the first shown: narrow the search" if result.truncated else ""
    )
    return f"guarantees: {len(result.hits):,} match(es) in {in_sources:,} of {result.sources:,} source(s){more}\n"


def render_search_json(result: SearchResult) -> str:
    envelope = {
        "format": JSON_FORMAT,
        "version": JSON_FORMAT_VERSION,
        "tool_version": __version__,
        **result.report.input_keys(),
        "query": result.query,
        "mode": result.mode.value,
        "sources_searched": result.sources,
        "truncated": result.truncated,
        "hits": [hit.as_dict() for hit in result.hits],
        "findings": [finding.as_dict() for finding in result.report.findings],
    }
    return json_text(envelope) + "\n"
