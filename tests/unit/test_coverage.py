"""Source coverage: cited share, labels, and paragraphs that name an arrangement but cite nothing."""

from __future__ import annotations

from pathlib import Path

from conftest import SEEDS
from guarantees.coverage import build_coverage
from guarantees.sources import load_seeds
from guarantees.validator import validate_files
from samples import MINI


def _coverage(tmp_path: Path, text: str):
    (tmp_path / "mini.yaml").write_text(text, encoding="utf-8")
    seeds, _ = load_seeds(SEEDS)
    assert seeds is not None
    report, models = validate_files([tmp_path / "mini.yaml"], seeds)
    assert report.ok, report.findings
    return build_coverage(models, seeds)


def test_spans_are_attributed_to_model_and_dimension(tmp_path: Path) -> None:
    coverage = _coverage(tmp_path, MINI)["defense-news-2025-08-16"]
    labels = {(c.model_id, c.dimension, c.span.quote) for c in coverage.spans}
    assert ("mini", "trigger", "if Russia violates peace terms") in labels
    assert ("mini", "parties", "Sanctions snap-back clauses") in labels


def test_share_counts_overlapping_spans_once(tmp_path: Path) -> None:
    twice = MINI.replace(
        'quote: "if Russia violates peace terms"',
        'quote: "if Russia violates peace terms"\n'
        '          - source: defense-news-2025-08-16\n            quote: "Russia violates peace"',
    )
    coverage = _coverage(tmp_path, twice)["defense-news-2025-08-16"]
    expected = (
        len("Sanctions snap-back clauses")
        + len("automatically trigger severe economic measures")
        + len("if Russia violates peace terms")
    )
    assert coverage.covered == expected
    assert coverage.share == expected / len(coverage.text)


def test_uncited_paragraph_naming_an_arrangement_is_flagged(tmp_path: Path) -> None:
    aliased = MINI.replace("aliases: [mini-snap]", "aliases: [mini-snap, snap-back]")
    coverage = _coverage(tmp_path, aliased)["defense-news-2025-08-16"]
    flagged = coverage.uncited_mentions
    # The options list's snap-back line is cited; a paragraph only mentions it if it says "snap-back" uncited.
    cited_lines = {coverage.text[p.start : p.end] for p in coverage.paragraphs if p.cited}
    assert any("Sanctions snap-back clauses" in line for line in cited_lines)
    assert all("mini" in p.mentions for p in flagged)
    assert all(not p.cited for p in flagged)
