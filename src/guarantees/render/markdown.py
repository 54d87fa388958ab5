"""The Markdown memo: a title, a summary of the differences, the table in plain words, footnoted quotes, and the
evidence trail (ids, offsets, hashes) at the end.

Every piece of model or source text goes through `escape` (a URL through `markdown_url`), so it can never
open a table cell, a link of its own, an HTML tag or a footnote. The words of a cell come from
`render.phrases`, which the HTML report shares.
"""

from __future__ import annotations

from guarantees.comparison import DIFFERS, Comparison, Quote
from guarantees.decision import number_word
from guarantees.dimension import humanise
from guarantees.gap import GAP_SYMBOLS, GapColumn, Label
from guarantees.model import Source
from guarantees.render.contrast import build_contrasts
from guarantees.render.notes import iter_notes
from guarantees.render.phrases import CellPhrase, Piece, phrase_cell, phrase_parties
from guarantees.render.quoting import human_date, quoted
from guarantees.render.trail import render_evidence_trail
from guarantees.service.compare import CompareResult
from guarantees.standing import Standing
from guarantees.text import markdown_inline as escape
from guarantees.text import markdown_url

LEGEND = (
    f"{DIFFERS} marks a row on which the arrangements differ. *Contested* means the sources disagree; each "
    "reading then names who holds it. A remark, report or reading in brackets is not the arrangement's own "
    "text. *Not stated* means the sources leave the point open. Each footnote quotes the source."
)


def footnotes(numbers: tuple[int, ...]) -> str:
    return "".join(f"[^{n}]" for n in numbers)


def render_piece(piece: Piece) -> str:
    """`legally binding (as reported by X)[^3]`."""
    aside = piece.caveat or piece.holder
    return escape(piece.text) + (f" ({escape(aside)})" if aside else "") + footnotes(piece.markers)


def render_phrase(phrase: CellPhrase) -> str:
    pieces = "; ".join(render_piece(p) for p in phrase.pieces)
    if phrase.lead is None:
        return pieces
    lead = f"*{phrase.lead}*" + footnotes(phrase.markers)
    return f"{lead}: {pieces}" if pieces else lead


def table_row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def render_table(comparison: Comparison, standing: Standing | None) -> list[str]:
    kinds = [str(a.kind) for a in comparison.arrangements]
    lines = [table_row(["", *(escape(a.name) for a in comparison.arrangements)])]
    lines.append(table_row(["---"] * (len(kinds) + 1)))
    if standing is not None:
        status = [render_phrase(phrase_cell(c, k)) for c, k in zip(standing.status, kinds, strict=True)]
        lines.append(table_row(["status", *status]))
        lines.append(
            table_row(["parties", *("; ".join(render_piece(p) for p in phrase_parties(ps)) for ps in standing.parties)])
        )
    for row in comparison.rows:
        title = f"{DIFFERS} {escape(row.title)}" if row.differs else escape(row.title)
        cells = [render_phrase(phrase_cell(c, k)) for c, k in zip(row.cells, kinds, strict=True)]
        lines.append(table_row([title, *cells]))
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
    """`Publisher, “Title”, date, URL`, each part where known."""
    if source is None:
        return escape(source_id)
    parts = [escape(source.publisher)] if source.publisher else []
    parts.append(escape(quoted(source.title)))
    parts.append(escape(human_date(str(source.date) if source.date else None)))
    if source.url:
        parts.append(markdown_url(source.url))
    return ", ".join(parts)


def render_footnote(quote: Quote) -> str:
    return f"[^{quote.marker}]: {describe_source(quote.source, quote.span.source)}. {escape(quoted(quote.span.quote))}"


def render_memo(result: CompareResult) -> str:
    """The whole memo; the ids, offsets and hashes only in the closing evidence trail."""
    comparison: Comparison | None = result.comparison
    assert comparison is not None and result.generated is not None  # noqa: S101  (rendered only on success)
    names = [a.name for a in comparison.arrangements]
    count = "this arrangement" if len(names) == 1 else f"these {number_word(len(names))} arrangements"
    lines = [
        f"# Compared: {escape('; '.join(names))}",
        "",
        f"Date: {escape(human_date(result.generated.isoformat()))}",
        "",
        f"Purpose: to show what {count} would commit to as security guarantees, each point cited to its source.",
        "",
    ]
    contrasts = build_contrasts(comparison)
    if contrasts:
        lines += ["## Where they differ", "", *(f"- {escape(s)}" for s in contrasts), ""]
    lines += ["## Comparison", "", *render_table(comparison, result.standing), "", LEGEND, ""]
    lines += ["## Decision in one line", ""]
    lines += [f"- **{escape(a.name)}**: {escape(comparison.summaries[a.id])}" for a in comparison.arrangements] + [""]
    notes = [f"- {escape(text)}{footnotes(markers)}" for text, markers in iter_notes(comparison)]
    if notes:
        lines += ["## Notes and caveats", "", "The editors' notes on the models; they cite nothing themselves.", ""]
        lines += [*notes, ""]
    if result.baseline is not None:
        lines += render_gaps(result.baseline, result.gaps)
    for quote in comparison.quotes:
        lines += [render_footnote(quote), ""]
    return "\n".join([*lines, *render_evidence_trail(result)])
