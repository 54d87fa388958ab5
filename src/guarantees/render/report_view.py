"""A CompareResult as the plain data the HTML report shows: table cells, evidence entries, source sections.

No markup is made here: every string stays text, and the template escapes it. Every element id the
report uses is built here from numbers (`cell-2-1`, `q-3`, `span-3`, `source-1`), never from model or
source text, so ids are unique and no data can name one.
"""

from __future__ import annotations

from typing import NamedTuple

from guarantees.comparison import Cell, Comparison, Quote
from guarantees.dimension import humanise
from guarantees.gap import GAP_SYMBOLS
from guarantees.model import Source
from guarantees.render.evidence import Marked, Piece, build_pieces, find_paragraph
from guarantees.render.phrases import phrase_cell, phrase_parties
from guarantees.service.compare import CompareResult
from guarantees.standing import PartyEntry, Standing
from guarantees.text import is_link_safe


class Phrase(NamedTuple):
    """One reading in a cell: the words, smaller print under them, and its citation markers."""

    text: str
    detail: str = ""
    markers: tuple[int, ...] = ()


class CellText(NamedTuple):
    """What a table cell says: a lead word ("contested"), its phrases, and a note on the whole cell."""

    lead: str
    phrases: tuple[Phrase, ...]
    note: str = ""


def cell_text(cell: Cell, kind: str) -> CellText:
    """The words of one table cell, as the memo words it (render.phrases); the editors' notes on the cell and its
    readings stay beside it, as smaller print."""
    phrase = phrase_cell(cell, kind)
    phrases = tuple(Phrase(p.text, p.caveat or p.holder or "", p.markers) for p in phrase.pieces)
    notes = [reading.note for reading in cell.readings if reading.note] + ([cell.note] if cell.note else [])
    note = "note: " + " ".join(notes) if notes else ""
    if phrase.lead == "not stated":  # the open cell's own markers (where a source says it is open) go with it
        return CellText("", (Phrase("not stated", "", phrase.markers), *phrases), note)
    return CellText(phrase.lead or "", phrases, note)


def party_text(parties: tuple[PartyEntry, ...]) -> CellText:
    return CellText("", tuple(Phrase(p.text, "", p.markers) for p in phrase_parties(parties)))


class CellView(NamedTuple):
    id: str
    text: CellText


class RowView(NamedTuple):
    title: str
    differs: bool
    cells: tuple[CellView, ...]


class Citer(NamedTuple):
    """A table cell that cites a span: where it is, and what to call it in a back-link."""

    cell_id: str
    label: str


class SourceView(NamedTuple):
    id: str  # the element id of the source's section
    source_id: str
    title: str
    publisher: str
    author: str
    date: str
    url: str
    link: str | None  # the URL again when it may be a link: http(s) and nothing that can carry markup
    pieces: tuple[Piece, ...]  # the whole text, cut at every cited span; empty when the text is not at hand


class EvidenceView(NamedTuple):
    marker: int
    quote: str
    source: SourceView
    pieces: tuple[Piece, ...]  # the quote's paragraph with the quote marked; empty when the text is not at hand
    cited_by: tuple[Citer, ...]
    start: int
    end: int


class GapTable(NamedTuple):
    baseline: str
    verdicts: tuple[tuple[str, str], ...]  # arrangement name, verdict
    names: tuple[str, ...]
    rows: tuple[tuple[str, tuple[str, ...]], ...]  # dimension, one "✗ lacks: detail" per arrangement


class ReportView(NamedTuple):
    title: str
    date: str
    version: str
    arrangements: tuple[tuple[str, str, str], ...]  # name, id, sha256
    rows: tuple[RowView, ...]
    evidence: tuple[EvidenceView, ...]
    sources: tuple[SourceView, ...]
    citers: dict[int, tuple[Citer, ...]]  # by marker: the cells that cite it, for the back-links
    gaps: GapTable | None


def safe_link(url: str | None) -> str | None:
    """A URL that may become a link: http or https, and only characters that cannot end an attribute."""
    return url if url and is_link_safe(url) else None


def build_rows(comparison: Comparison, standing: Standing | None) -> tuple[RowView, ...]:
    """The table: status and parties first when the result has them (as in the memo), then each dimension."""
    kinds = [str(a.kind) for a in comparison.arrangements]
    rows: list[tuple[str, bool, list[CellText]]] = []
    if standing is not None:
        rows.append(("status", False, [cell_text(c, k) for c, k in zip(standing.status, kinds, strict=True)]))
        rows.append(("parties", False, [party_text(parties) for parties in standing.parties]))
    rows += [
        (row.title, row.differs, [cell_text(c, k) for c, k in zip(row.cells, kinds, strict=True)])
        for row in comparison.rows
    ]
    return tuple(
        RowView(title, differs, tuple(CellView(f"cell-{r}-{c}", text) for c, text in enumerate(cells, 1)))
        for r, (title, differs, cells) in enumerate(rows, 1)
    )


def find_citers(rows: tuple[RowView, ...], names: list[str]) -> dict[int, tuple[Citer, ...]]:
    """Every cell that cites each marker, in table order."""
    citers: dict[int, list[Citer]] = {}
    for row in rows:
        for name, cell in zip(names, row.cells, strict=True):
            for marker in dict.fromkeys(m for phrase in cell.text.phrases for m in phrase.markers):
                citers.setdefault(marker, []).append(Citer(cell.id, f"{name}: {row.title}"))
    return {marker: tuple(found) for marker, found in citers.items()}


def build_source(index: int, source_id: str, entry: Source | None, quotes: list[Quote], text: str | None) -> SourceView:
    spans = [Marked(q.marker, q.span.start, q.span.end) for q in quotes]
    entry_url = entry.url if entry else None
    return SourceView(
        id=f"source-{index}",
        source_id=source_id,
        title=entry.title if entry else source_id,
        publisher=(entry.publisher or "") if entry else "",
        author=(entry.author or "") if entry else "",
        date=str(entry.date) if entry and entry.date else "undated",
        url=entry_url or "",
        link=safe_link(entry_url),
        pieces=build_pieces(text, spans) if text else (),
    )


def build_sources(comparison: Comparison, texts: dict[str, str]) -> dict[str, SourceView]:
    """One view per cited source, in order of first citation."""
    by_source: dict[str, list[Quote]] = {}
    for quote in comparison.quotes:
        by_source.setdefault(quote.span.source, []).append(quote)
    return {
        source_id: build_source(index, source_id, quotes[0].source, quotes, texts.get(source_id))
        for index, (source_id, quotes) in enumerate(by_source.items(), 1)
    }


def build_evidence(quote: Quote, source: SourceView, text: str | None, citers: tuple[Citer, ...]) -> EvidenceView:
    span = quote.span
    pieces: tuple[Piece, ...] = ()
    if text:
        first, last = find_paragraph(text, span.start, span.end)
        pieces = build_pieces(text, [Marked(quote.marker, span.start, span.end)], first, last)
    return EvidenceView(quote.marker, span.quote, source, pieces, citers, span.start, span.end)


def build_gap_table(result: CompareResult) -> GapTable | None:
    if result.baseline is None:
        return None
    columns = result.gaps
    rows = tuple(
        (
            humanise(gap.dimension),
            tuple(f"{GAP_SYMBOLS[c.gaps[i].status]} {c.gaps[i].status}: {c.gaps[i].detail}" for c in columns),
        )
        for i, gap in enumerate(columns[0].gaps if columns else ())
    )
    return GapTable(
        result.baseline.name,
        tuple((c.arrangement.name, c.verdict) for c in columns),
        tuple(c.arrangement.name for c in columns),
        rows,
    )


def build_report_view(result: CompareResult, version: str) -> ReportView:
    """Everything the report shows, in the order it shows it."""
    comparison = result.comparison
    assert comparison is not None and result.generated is not None  # noqa: S101  (rendered only on success)
    texts = result.texts or {}
    sources = build_sources(comparison, texts)
    rows = build_rows(comparison, result.standing)
    citers = find_citers(rows, [a.name for a in comparison.arrangements])
    evidence = tuple(
        build_evidence(q, sources[q.span.source], texts.get(q.span.source), citers.get(q.marker, ()))
        for q in comparison.quotes
    )
    hashes = result.hashes or {}
    return ReportView(
        title="Comparison: " + ", ".join(a.name for a in comparison.arrangements),
        date=result.generated.isoformat(),
        version=version,
        arrangements=tuple((a.name, a.id, hashes.get(a.id, "unknown")) for a in comparison.arrangements),
        rows=rows,
        evidence=evidence,
        sources=tuple(sources.values()),
        citers=citers,
        gaps=build_gap_table(result),
    )
