"""Which parts of each source the models cite, and which paragraphs name an arrangement but cite nothing."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from guarantees.loaded import LoadedModel
from guarantees.model import Source
from guarantees.sources import Seeds, Span


@dataclass(frozen=True)
class CitedSpan:
    span: Span
    model_id: str
    dimension: str  # `binding_force`, `status`, `parties`, ...


@dataclass
class Paragraph:
    start: int
    end: int
    cited: bool
    mentions: list[str] = field(default_factory=list)  # ids of arrangements the paragraph names


@dataclass
class SourceCoverage:
    source: Source
    text: str
    spans: list[CitedSpan]
    paragraphs: list[Paragraph]

    @property
    def covered(self) -> int:
        """Characters inside at least one cited span."""
        covered, reach = 0, 0
        for start, end in sorted((c.span.start, c.span.end) for c in self.spans):
            covered += max(0, end - max(start, reach))
            reach = max(reach, end)
        return covered

    @property
    def share(self) -> float:
        return self.covered / len(self.text) if self.text else 0.0

    @property
    def uncited_mentions(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.mentions and not p.cited]


def _dimension_of(path: tuple[str | int, ...]) -> str:
    return str(path[1]) if path and path[0] == "dimensions" else str(path[0])


@dataclass(frozen=True)
class ModelCitations:
    """What coverage needs of one model: its id, its aliases and where its citations point."""

    model_id: str
    aliases: tuple[str, ...]
    spans: tuple[CitedSpan, ...]


def citations_of(model: LoadedModel) -> ModelCitations:
    arrangement = model.arrangement
    spans = tuple(CitedSpan(span, arrangement.id, _dimension_of(path)) for path, span in model.spans.items())
    return ModelCitations(arrangement.id, tuple(arrangement.aliases), spans)


def _mention_pattern(models: list[ModelCitations]) -> tuple[re.Pattern[str] | None, dict[str, list[str]]]:
    """One pattern for every way a paragraph names an arrangement: any alias of four letters or more, hyphens
    read as spaces; and which models each such term names. One pattern, so 10,000 models cost one search."""
    owners: dict[str, list[str]] = {}
    for model in models:
        for alias in model.aliases:
            if len(alias) >= 4 and not alias.isdigit():
                owners.setdefault(alias.replace("-", " ").lower(), []).append(model.model_id)
    if not owners:
        return None, owners
    alternatives = "|".join(re.escape(t).replace(r"\ ", r"[\s-]+") for t in sorted(owners, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE), owners


def _paragraphs(
    text: str, spans: list[CitedSpan], pattern: re.Pattern[str] | None, owners: dict[str, list[str]]
) -> list[Paragraph]:
    paragraphs, start = [], 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            cited = any(c.span.start < end and c.span.end > start for c in spans)
            terms = (re.sub(r"[\s-]+", " ", m.group().lower()) for m in pattern.finditer(line)) if pattern else ()
            mentions = list(dict.fromkeys(owner for term in terms for owner in owners.get(term, ())))
            paragraphs.append(Paragraph(start, end, cited, mentions))
        start = end + 1
    return paragraphs


def build_coverage(models: list[ModelCitations], seeds: Seeds) -> dict[str, SourceCoverage]:
    """Coverage of every source in the manifest, in manifest order."""
    by_source: dict[str, list[CitedSpan]] = {source_id: [] for source_id in seeds.entries}
    for model in models:
        for cited in model.spans:
            by_source.setdefault(cited.span.source, []).append(cited)
    pattern, owners = _mention_pattern(models)
    result = {}
    for source_id, entry in seeds.entries.items():
        text = seeds.text(source_id) or ""
        spans = sorted(by_source[source_id], key=lambda c: (c.span.start, c.span.end))
        result[source_id] = SourceCoverage(entry, text, spans, _paragraphs(text, spans, pattern, owners))
    return result
