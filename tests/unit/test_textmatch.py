"""Typography-insensitive matching finds every passage of a seed at its own exact offsets, and nothing looser."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SEEDS
from guarantees.textmatch import build_pattern

TEXT = (SEEDS / "2025-08-16-explainer-inspired-by-article-5.txt").read_text(encoding="utf-8")
_RETYPED = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})


def _as_typed(passage: str) -> str:
    """What a person might type for a passage: straight quotes, hyphens, single spaces, other case."""
    plain = re.sub(r"\s+", " ", passage.translate(_RETYPED))
    return "".join(c.swapcase() if c.isascii() else c for c in plain)


@settings(max_examples=300, deadline=None)
@given(st.integers(0, len(TEXT) - 1), st.integers(3, 120))
def test_every_retyped_passage_matches_at_its_own_offsets(start: int, size: int) -> None:
    end = min(len(TEXT), start + size)
    passage = TEXT[start:end]
    if not passage.strip() or passage != passage.strip():
        return  # a query is stripped; passages that start or end with white space are not asked for
    match = build_pattern(_as_typed(passage)).match(TEXT, start)
    assert match is not None and match.end() == end, (passage, _as_typed(passage))


def test_other_letters_do_not_match() -> None:
    assert build_pattern("Article 6").search(TEXT) is None
    assert build_pattern("Article5").search(TEXT) is None  # a missing space is not typography
    assert build_pattern("(a+)+$").search("aaaa") is None  # the query is text, never a pattern


def test_case_is_kept_when_asked() -> None:
    assert build_pattern("article 5", ignore_case=False).search(TEXT) is None
    assert build_pattern("Article 5", ignore_case=False).search(TEXT) is not None


def test_an_ellipsis_matches_three_dots() -> None:
    assert build_pattern("wait...").fullmatch("wait\u2026")
    assert build_pattern("wait\u2026").fullmatch("wait...")
