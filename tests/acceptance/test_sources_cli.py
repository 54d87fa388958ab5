"""`guarantees sources [ID]` end to end."""

from __future__ import annotations

from conftest import SEEDS
from guarantees.sources import load_seeds


def test_sources_lists_every_source_with_counts(invoke) -> None:
    result = invoke("sources")
    assert result.exit_code == 0, result
    seeds, _ = load_seeds(SEEDS)
    assert seeds is not None
    for entry in seeds.entries.values():
        assert entry.id in result.stdout
    assert "(undated)" in result.stdout and "%" in result.stdout


def test_sources_id_shows_the_article_with_labelled_spans(invoke) -> None:
    result = invoke("sources", "vnexpress-2025-12-20")
    assert result.exit_code == 0, result
    assert "Skepticism grows over NATO-style security guarantees for Ukraine" in result.stdout
    assert "«" in result.stdout and "»[" in result.stdout and " · " in result.stdout


def test_unknown_source_id_suggests_close_ones(invoke) -> None:
    result = invoke("sources", "vnexpress")
    assert result.exit_code == 2
    assert "did you mean vnexpress-2025-12-20?" in result.stderr
