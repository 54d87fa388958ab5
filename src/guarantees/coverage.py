"""Which parts of each source the models cite, and which paragraphs name an arrangement but cite nothing."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from guarantees.model import Source
from guarantees.sources import Seeds, Span
from guarantees.validator import LoadedModel


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


def _mention_patterns(models: list[LoadedModel]) -> dict[str, re.Pattern[str]]:
    """How a paragraph names an arrangement: any alias of four letters or more, hyphens read as spaces."""
    patterns = {}
    for model in models:
        terms = {
            alias.replace("-", " ") for alias in model.arrangement.aliases if len(alias) >= 4 and not alias.isdigit()
        }
        if terms:
            alternatives = "|".join(
                re.escape(t).replace(r"\ ", r"[\s-]+") for t in sorted(terms, key=len, reverse=True)
            )
            patterns[model.arrangement.id] = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
    return patterns


def _paragraphs(text: str, spans: list[CitedSpan], patterns: dict[str, re.Pattern[str]]) -> list[Paragraph]:
    paragraphs, start = [], 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            cited = any(c.span.start < end and c.span.end > start for c in spans)
            mentions = [model_id for model_id, pattern in patterns.items() if pattern.search(line)]
            paragraphs.append(Paragraph(start, end, cited, mentions))
        start = end + 1
    return paragraphs


def build_coverage(models: list[LoadedModel], seeds: Seeds) -> dict[str, SourceCoverage]:
    """Coverage of every source in the manifest, in manifest order."""
    by_source: dict[str, list[CitedSpan]] = {source_id: [] for source_id in seeds.entries}
    for model in models:
        for path, span in model.spans.items():
            by_source.setdefault(span.source, []).append(CitedSpan(span, model.arrangement.id, _dimension_of(path)))
    patterns = _mention_patterns(models)
    result = {}
    for source_id, entry in seeds.entries.items():
        text = seeds.text(source_id) or ""
        spans = sorted(by_source[source_id], key=lambda c: (c.span.start, c.span.end))
        result[source_id] = SourceCoverage(entry, text, spans, _paragraphs(text, spans, patterns))
    return result
