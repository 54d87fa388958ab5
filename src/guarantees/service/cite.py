"""`cite`: a quote resolved exactly as `validate` resolves it, as citations ready to paste.

Every answer comes from `sources.resolve`, the resolver `validate` uses: an exact match is returned as
typed; when only typography differs, the exact source text is resolved in its place; each occurrence of
an ambiguous quote gets the shortest prefix or suffix with which `resolve` picks that one alone.
"""

from __future__ import annotations

from enum import Enum
from typing import NamedTuple

from pydantic import ValidationError

from guarantees.data_dirs import DataDirs
from guarantees.fields import Citation
from guarantees.findings import Report, UsageError
from guarantees.selector import unique_citation
from guarantees.service.selection import with_inputs
from guarantees.sources import Problem, Seeds, Span, find_typographic, load_seeds, resolve

MAX_PLACEMENTS = 50  # each costs up to 400 resolves; a quote found more often is too short to cite anyway


class CiteKind(str, Enum):
    exact = "exact"
    typography = "typography"  # found only once quotes, dashes or spaces were normalised
    ambiguous = "ambiguous"  # several occurrences, each given its own selector
    not_found = "not-found"


class Placement(NamedTuple):
    """One citation that resolves to one span, with where that span is."""

    citation: Citation
    start: int
    end: int
    line: int
    column: int


class CiteResult(NamedTuple):
    source: str
    quote: str  # as asked
    kind: CiteKind
    placements: tuple[Placement, ...] = ()
    hint: str | None = None  # for not-found: the closest passage
    report: Report = Report()
    occurrences: int = 0  # of the quote (or its exact text); blocks are given for the first MAX_PLACEMENTS


def _placement(seeds: Seeds, citation: Citation, start: int) -> Placement:
    text = seeds.text(citation.source) or ""
    line_start = text.rfind("\n", 0, start) + 1
    line = text.count("\n", 0, start) + 1
    return Placement(citation, start, start + len(citation.quote), line, start - line_start + 1)


def place_all(seeds: Seeds, source: str, quote: str) -> tuple[Placement, ...]:
    """The first MAX_PLACEMENTS occurrences of `quote`, each with the citation that picks it."""
    starts = seeds.occurrences(source, quote)[:MAX_PLACEMENTS]
    return tuple(_placement(seeds, unique_citation(seeds, source, quote, s), s) for s in starts)


def _asked(source: str, quote: str) -> Citation:
    try:
        return Citation.model_validate({"source": source, "quote": quote})
    except ValidationError as error:
        from guarantees.type_findings import plain_message  # only a refused quote needs it

        detail = "; ".join(f"{'.'.join(map(str, e['loc']))}: {plain_message(e)}" for e in error.errors())
        raise UsageError(f"expected a source id and a quote a model may hold, found: {detail}") from None


def cite(source: str, quote: str, dirs: DataDirs) -> CiteResult:
    """Resolve `quote` in `source` as `validate` will, and the citation(s) to paste."""
    return with_inputs(_cite(source, quote, dirs), dirs, models=False)  # reads the sources only


def _cite(source: str, quote: str, dirs: DataDirs) -> CiteResult:
    asked = _asked(source, quote)
    seeds, findings = load_seeds(dirs.seeds_dir)
    if seeds is None:
        return CiteResult(source, quote, CiteKind.not_found, report=Report(tuple(findings)))
    resolved = resolve(asked, seeds)
    if isinstance(resolved, Problem) and resolved.code == "unknown-source":
        raise UsageError(f"unknown source `{source}`; {resolved.hint}")
    if resolved is None:  # the source is missing or its bytes changed
        return CiteResult(source, quote, CiteKind.not_found, report=Report(tuple(seeds.problems.values())))
    if isinstance(resolved, Span):
        return CiteResult(source, quote, CiteKind.exact, (_placement(seeds, asked, resolved.start),), occurrences=1)
    if resolved.code == "quote-ambiguous":
        count = len(seeds.occurrences(source, quote))
        return CiteResult(source, quote, CiteKind.ambiguous, place_all(seeds, source, quote), occurrences=count)
    typographic = find_typographic(seeds, source, quote)
    if typographic is None:
        return CiteResult(source, quote, CiteKind.not_found, hint=resolved.hint)
    exact = (seeds.text(source) or "")[slice(*typographic)]
    count = len(seeds.occurrences(source, exact))
    return CiteResult(source, quote, CiteKind.typography, place_all(seeds, source, exact), occurrences=count)
