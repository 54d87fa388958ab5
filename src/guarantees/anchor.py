"""Re-anchoring one citation in a new version of its source, as web annotations are re-anchored.

In order: the citation as it stands (the resolver `validate` uses); the quote alone, the occurrence picked
by the old position and context; the quote with its quotes, dashes and spaces relaxed (the words are the
same, so the quote is updated to the new text); and last a fuzzy search (difflib, near the position the
old context points to) that only ever proposes a candidate: a reworded passage is an orphan for a person
to judge, never a silent change of what a model claims.
"""

from __future__ import annotations

from enum import Enum
from typing import NamedTuple

from guarantees.fields import Citation
from guarantees.selector import build_citation, picks, unique_citation
from guarantees.sources import Seeds, Span, find_closest, find_occurrences, resolve
from guarantees.textmatch import build_pattern

CONTEXT_CHARS = 32  # of old text either side of a span, to find where it went
_MIN_CONTEXT = 8


class How(str, Enum):
    unchanged = "unchanged"  # resolves as it stands
    moved = "moved"  # same quote, new offsets or selector
    requoted = "requoted"  # same words, new typography or spacing
    orphan = "orphan"


class Anchoring(NamedTuple):
    how: How
    citation: Citation | None  # what the model should hold (None for an orphan)
    start: int | None = None
    candidate: str | None = None  # for an orphan: the closest passage of the new text
    candidate_start: int | None = None


def _unique_end(text: str, needle: str) -> int | None:
    found = find_occurrences(text, needle) if len(needle) >= _MIN_CONTEXT else []
    return found[0] + len(needle) if len(found) == 1 else None


def position_hint(old_text: str, old: Span | None, new_text: str) -> int | None:
    """Where the old span should start in the new text: after its old prefix, before its old suffix, or in
    proportion to its old offset."""
    if old is None:
        return None
    after_prefix = _unique_end(new_text, old_text[max(0, old.start - CONTEXT_CHARS) : old.start])
    if after_prefix is not None:
        return after_prefix
    suffix = old_text[old.end : old.end + CONTEXT_CHARS]
    before_suffix = _unique_end(new_text, suffix)
    if before_suffix is not None:
        return before_suffix - len(suffix) - (old.end - old.start)
    return round(old.start * len(new_text) / max(1, len(old_text)))


def _nearest(starts: list[int], hint: int | None) -> int | None:
    if len(starts) == 1:
        return starts[0]
    return min(starts, key=lambda s: abs(s - hint)) if hint is not None and starts else None


def reselect(citation: Citation, quote: str, start: int, seeds: Seeds) -> Citation:
    """The citation of `quote` at `start` in the new text: its prefix/suffix and offsets (those it had)
    rewritten from the new text, or the shortest selector that picks it when those no longer do."""
    text = seeds.text(citation.source) or ""
    end = start + len(quote)
    fields: dict[str, object] = {"source": citation.source, "quote": quote}
    if citation.prefix is not None and start >= len(citation.prefix):
        fields["prefix"] = text[start - len(citation.prefix) : start]
    if citation.suffix is not None and end + len(citation.suffix) <= len(text):
        fields["suffix"] = text[end : end + len(citation.suffix)]
    offsets = {"start": start, "end": end} if citation.start is not None or citation.end is not None else {}
    candidate = build_citation({**fields, **offsets})
    if candidate is not None and picks(seeds, candidate, start):
        return candidate
    picked = unique_citation(seeds, citation.source, quote, start)
    with_offsets = Citation.model_validate({**picked.model_dump(exclude_none=True), **offsets})
    return with_offsets if picks(seeds, with_offsets, start) else picked


def anchor(citation: Citation, old: Span | None, old_text: str, seeds: Seeds) -> Anchoring:
    """Place one citation in the new text held by `seeds` (old: its span in the old text, if it resolved)."""
    new_text = seeds.text(citation.source) or ""
    if _picks_anything(citation, seeds):
        return Anchoring(How.unchanged, citation, _start_of(citation, seeds))
    hint = position_hint(old_text, old, new_text)
    exact = _nearest(seeds.occurrences(citation.source, citation.quote), hint)
    if exact is not None:
        return Anchoring(How.moved, reselect(citation, citation.quote, exact, seeds), exact)
    relaxed = [m.span() for m in build_pattern(citation.quote, ignore_case=False).finditer(new_text)]
    chosen = _nearest([s for s, _ in relaxed], hint)
    if chosen is not None:
        quote = new_text[chosen : dict(relaxed)[chosen]]
        requoted = build_citation({"source": citation.source, "quote": quote})
        if requoted is not None:
            return Anchoring(How.requoted, reselect(citation, quote, chosen, seeds), chosen)
    return _orphan(citation.quote, new_text, hint)


def _picks_anything(citation: Citation, seeds: Seeds) -> bool:
    return isinstance(resolve(citation, seeds, closest=False), Span)


def _start_of(citation: Citation, seeds: Seeds) -> int:
    span = resolve(citation, seeds, closest=False)
    assert isinstance(span, Span)
    return span.start


def _candidate(text: str, start: int, size: int) -> Anchoring:
    """An orphan with the passage at `start` as its candidate, widened or narrowed to whole words."""
    end = min(len(text), start + size)
    while start < end and start > 0 and text[start - 1].isalnum():
        start += 1  # a cut word at the start is dropped
    while end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1  # a cut word at the end is completed
    passage = text[start:end]
    start += len(passage) - len(passage.lstrip())
    return Anchoring(How.orphan, None, candidate=passage.strip(), candidate_start=start)


def _orphan(quote: str, text: str, hint: int | None) -> Anchoring:
    """No placement; the closest passage near the hint (else anywhere) as the candidate."""
    if hint is not None:
        left = max(0, hint - len(quote))
        near = find_closest(quote, text[left : hint + 2 * len(quote)])
        if near is not None:
            return _candidate(text, left + near, len(quote))
    anywhere = find_closest(quote, text)
    return Anchoring(How.orphan, None) if anywhere is None else _candidate(text, anywhere, len(quote))
