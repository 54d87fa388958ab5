"""Source text cut into pieces for highlighting: which cited spans cover each piece, where each span starts and ends.

Pure data, no markup: the HTML template turns a piece into `<mark>` and anchors, and escapes its text, so
nothing here can make source text into markup. Offsets are those of `sources.Span` (code points into the
verified text), so a piece is always an exact slice of the source.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple


class Piece(NamedTuple):
    """A run of source text and the cited spans that cover it (by footnote marker)."""

    text: str
    covered_by: tuple[int, ...] = ()
    starts: tuple[int, ...] = ()  # spans that start at this piece: their anchors stand here
    ends: tuple[int, ...] = ()  # spans that end with this piece: their back-links follow it


class Marked(NamedTuple):
    """One cited span, by marker, as offsets into its source."""

    marker: int
    start: int
    end: int


def find_paragraph(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the paragraph(s) holding [start, end): the collected articles hold one paragraph a line."""
    last = text.find("\n", end)
    return text.rfind("\n", 0, start) + 1, len(text) if last < 0 else last


def build_pieces(text: str, spans: Iterable[Marked], lo: int = 0, hi: int | None = None) -> tuple[Piece, ...]:
    """`text[lo:hi]` cut at every span's start and end; overlapping and nested spans each keep their own ends."""
    hi = len(text) if hi is None else hi
    if lo >= hi:
        return ()
    inside = [s for s in spans if s.start < hi and s.end > lo and s.start < s.end]
    cuts = sorted({lo, hi} | {min(max(c, lo), hi) for s in inside for c in (s.start, s.end)})
    pieces = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        covering = tuple(s.marker for s in inside if s.start <= left and s.end >= right)
        starts = tuple(s.marker for s in inside if max(s.start, lo) == left)
        ends = tuple(s.marker for s in inside if min(s.end, hi) == right)
        pieces.append(Piece(text[left:right], covering, starts, ends))
    return tuple(pieces)
