"""The selector `cite` proposes is the shortest that makes validate's resolver pick the occurrence alone."""

from __future__ import annotations

import pytest

from conftest import SEEDS
from guarantees.fields import Citation
from guarantees.selector import picks, unique_citation
from guarantees.sources import load_seeds

SOURCE = "explainer-2025-08-16"


@pytest.mark.parametrize("quote", ["Article 5", "NATO", "security guarantees", "the"])
def test_each_occurrence_gets_the_shortest_selector(quote: str) -> None:
    seeds, _ = load_seeds(SEEDS)
    assert seeds is not None
    text = seeds.text(SOURCE) or ""
    starts = seeds.occurrences(SOURCE, quote)
    assert len(starts) > 1
    for start in starts:
        citation = unique_citation(seeds, SOURCE, quote, start)
        assert picks(seeds, citation, start)
        size = len(citation.prefix or citation.suffix or "")
        end = start + len(quote)
        for shorter in range(1, size):  # no shorter prefix or suffix would do
            for key, selector in (
                ("prefix", text[max(0, start - shorter) : start]),
                ("suffix", text[end : end + shorter]),
            ):
                if len(selector) == shorter:
                    other = Citation.model_validate({"source": SOURCE, "quote": quote, key: selector})
                    assert not picks(seeds, other, start), (start, key, selector)
