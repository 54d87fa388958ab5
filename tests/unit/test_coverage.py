"""Source coverage: cited share, labels, and paragraphs that name an arrangement but cite nothing."""

from __future__ import annotations

from pathlib import Path

from conftest import SEEDS
from guarantees.coverage import build_coverage, citations_of
from guarantees.service.selection import load_selection
from samples import MINI


def _coverage(tmp_path: Path, text: str):
    (tmp_path / "mini.yaml").write_text(text, encoding="utf-8")
    selection = load_selection([tmp_path / "mini.yaml"], SEEDS)
    assert selection.report.ok and selection.seeds is not None, selection.report.findings
    return build_coverage([citations_of(m) for m in selection.models], selection.seeds)


def test_spans_are_attributed_to_model_and_dimension(tmp_path: Path) -> None:
    coverage = _coverage(tmp_path, MINI)["defense-news-2025-08-16"]
    labels = {(c.model_id, c.dimension, coverage.text[c.start : c.end]) for c in coverage.spans}
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
    # "ironclad" stands in one paragraph of the article, which MINI does not cite; "mini-snap" stands nowhere.
    aliased = MINI.replace("aliases: [mini-snap]", "aliases: [mini-snap, ironclad]")
    coverage = _coverage(tmp_path, aliased)["defense-news-2025-08-16"]
    flagged = [(coverage.text[p.start : p.end], p.mentions) for p in coverage.uncited_mentions]
    (paragraph,) = [line for line in coverage.text.split("\n") if "ironclad" in line]
    assert flagged == [(paragraph, ["mini"])]


def test_a_cited_paragraph_is_not_flagged(tmp_path: Path) -> None:
    # "snap-back" names the model in the options list, and MINI cites that very line.
    aliased = MINI.replace("aliases: [mini-snap]", "aliases: [mini-snap, snap-back]")
    coverage = _coverage(tmp_path, aliased)["defense-news-2025-08-16"]
    mentioned = [p for p in coverage.paragraphs if "mini" in p.mentions]
    assert mentioned and all(p.cited for p in mentioned)
    assert coverage.uncited_mentions == []
