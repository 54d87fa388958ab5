"""The shortest selector that makes the resolver pick one occurrence of a quote alone.

Uniqueness is decided by `sources.resolve` itself, the resolver `validate` uses, so a citation built
here resolves to the span it was built for by construction, not by a second reading of the rules.
"""

from __future__ import annotations

from pydantic import ValidationError

from guarantees.fields import Citation
from guarantees.sources import Seeds, Span, resolve

MAX_SELECTOR_CHARS = 200  # as long as a prefix or suffix may be


def build_citation(fields: dict[str, object]) -> Citation | None:
    """A citation from these fields, or None when a field breaks its type (too long, a control character)."""
    try:
        return Citation.model_validate(fields)
    except ValidationError:
        return None


def picks(seeds: Seeds, citation: Citation, start: int) -> bool:
    """Whether the resolver picks exactly the occurrence at `start` for this citation."""
    span = resolve(citation, seeds, closest=False)
    return isinstance(span, Span) and span.start == start


def unique_citation(seeds: Seeds, source: str, quote: str, start: int) -> Citation:
    """The citation of `quote` at `start` with the shortest prefix or suffix that makes `resolve` pick it alone;
    offsets when no prefix or suffix of at most 200 characters does."""
    text = seeds.text(source) or ""
    plain = build_citation({"source": source, "quote": quote})
    if plain is not None and picks(seeds, plain, start):
        return plain
    end = start + len(quote)
    for size in range(1, MAX_SELECTOR_CHARS + 1):
        for key, selector in (("prefix", text[max(0, start - size) : start]), ("suffix", text[end : end + size])):
            if len(selector) == size:
                citation = build_citation({"source": source, "quote": quote, key: selector})
                if citation is not None and picks(seeds, citation, start):
                    return citation
    return Citation.model_validate({"source": source, "quote": quote, "start": start, "end": end})
