"""The Markdown memo: GitHub-Flavoured Markdown with the comparison table and one footnote per cited span.

Every piece of model or source text goes through `escape` (a URL through `markdown_url`), so it can never
open a table cell, a link of its own, an HTML tag or a footnote.
"""

from __future__ import annotations

from guarantees import __version__
from guarantees.comparison import DIFFERS, Cell, Comparison, Quote, Reading, source_of
from guarantees.dimension import humanise
from guarantees.gap import GAP_SYMBOLS, GapColumn, Label
from guarantees.model import Source
from guarantees.service.compare import CompareResult
from guarantees.text import markdown_inline as escape
from guarantees.text import markdown_url


def gauge(reading: Reading) -> str:
    if reading.level is None:
        return ""
    return "●" * reading.level.rank + "○" * (reading.level.top() - reading.level.rank) + " "


def footnotes(numbers: tuple[int, ...]) -> str:
    return "".join(f"[^{n}]" for n in numbers)


def render_reading(reading: Reading) -> str:
    """A reading with its details and whose words it rests on, then its footnote markers."""
    extra = [f"{name}: {value}" for name, value in reading.details]
    extra.append(source_of(reading))
    if reading.note:
        extra.append(f"note: {reading.note}")
    suffix = f" ({escape('; '.join(extra))})" if extra else ""
    return f"{gauge(reading)}**{escape(reading.label)}**{suffix}{footnotes(reading.markers)}"


def render_cell(cell: Cell) -> str:
    if cell.unspecified is not None:
        return f"*unspecified*: {escape(cell.unspecified)}{footnotes(cell.markers)}"
    readings = "; ".join(render_reading(r) for r in cell.readings)
    return f"*contested*: {readings}" if cell.contested else readings


def table_row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def render_table(comparison: Comparison) -> list[str]:
    header = ["Dimension", *(f"{escape(a.name)} (`{a.id}`)" for a in comparison.arrangements)]
    lines = [table_row(header), table_row(["---"] * len(header))]
    for row in comparison.rows:
        title = f"{DIFFERS} {escape(row.title)}" if row.differs else escape(row.title)
        lines.append(table_row([title, *(render_cell(c) for c in row.cells)]))
    return lines


def render_gaps(baseline: Label, columns: tuple[GapColumn, ...]) -> list[str]:
    lines = [f"## Against the baseline: {escape(baseline.name)}", ""]
    lines += [f"- **{escape(c.arrangement.name)}** {escape(c.verdict)}." for c in columns] + [""]
    header = ["Dimension", *(escape(c.arrangement.name) for c in columns)]
    lines += [table_row(header), table_row(["---"] * len(header))]
    for index, gap in enumerate(columns[0].gaps if columns else ()):
        cells = [
            f"{GAP_SYMBOLS[c.gaps[index].status]} **{c.gaps[index].status}**: {escape(c.gaps[index].detail)}"
            for c in columns
        ]
        lines.append(table_row([escape(humanise(gap.dimension)), *cells]))
    return [*lines, ""]


def describe_source(source: Source | None, source_id: str) -> str:
    """Publisher, *title*, date and URL where known."""
    if source is None:
        return escape(source_id)
    parts = [escape(source.publisher)] if source.publisher else []
    parts.append(f"*{escape(source.title)}*")
    parts.append(escape(source.date) if source.date else "undated")
    if source.url:
        parts.append(markdown_url(source.url))
    return ", ".join(parts)


def render_footnote(quote: Quote) -> str:
    span = quote.span
    context = f"…{escape(quote.before)}**{escape(span.quote)}**{escape(quote.after)}…"
    return (
        f"[^{quote.marker}]: “{escape(span.quote)}” — {describe_source(quote.source, span.source)}; "
        f"`{span.source}` \\[{span.start}:{span.end}\\]. In context: {context}"
    )


def render_sources_line(quotes: tuple[Quote, ...]) -> str:
    seen = {q.span.source: q.source for q in quotes}
    return "Sources: " + ("; ".join(describe_source(s, i) for i, s in seen.items()) or "none cited") + "."


def render_memo(result: CompareResult) -> str:
    """The whole memo, ending with the tool version and each model's content hash."""
    comparison: Comparison | None = result.comparison
    assert comparison is not None and result.generated is not None  # noqa: S101  (rendered only on success)
    names = ", ".join(escape(a.name) for a in comparison.arrangements)
    lines = [
        f"# Comparison: {names}",
        "",
        f"Date: {result.generated.isoformat()}",
        "",
        render_sources_line(comparison.quotes),
        "",
        *render_table(comparison),
        "",
        f"{DIFFERS} marks the dimensions on which the arrangements differ; ●○ is the strength on an ordered "
        "scale; each footnote quotes the cited source.",
        "",
        "## Decision in one line",
        "",
    ]
    lines += [f"- **{escape(a.name)}**: {escape(comparison.summaries[a.id])}" for a in comparison.arrangements] + [""]
    if result.baseline is not None:
        lines += render_gaps(result.baseline, result.gaps)
    for quote in comparison.quotes:
        lines += [render_footnote(quote), ""]
    hashes = ", ".join(f"`{a.id}` sha256:{(result.hashes or {}).get(a.id, 'unknown')}" for a in comparison.arrangements)
    lines += ["---", "", f"Generated by guarantees {__version__}. Models: {hashes}.", ""]
    return "\n".join(lines)
