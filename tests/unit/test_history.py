"""The history service on the example set in tests/examples/history/, and on the shipped models."""

from __future__ import annotations

import pytest

from conftest import EXAMPLES, MODELS, SEEDS
from guarantees.data_dirs import DataDirs
from guarantees.findings import UsageError
from guarantees.service.history import HistoryResult, history
from guarantees.vocabulary import LinkKind

HISTORY = EXAMPLES / "history"
DIRS = DataDirs(HISTORY, SEEDS)
ACCORD = ("accord-v1", "accord-v2", "accord-v3", "shield-pact")


def follow(name: str, dimensions: str | None = None, dirs: DataDirs = DIRS) -> HistoryResult:
    result = history(name, dirs, dimensions=dimensions)
    assert result.report.ok, [f.render() for f in result.report.findings]
    return result


def steps(result: HistoryResult) -> list[tuple[str, str, str, list[str]]]:
    """(arrangement, relation, target, changed dimensions) of every step, in order."""
    return [
        (e.id, str(s.relation), s.target, [r.dimension for r in s.changes]) for e in result.entries for s in e.steps
    ]


@pytest.mark.parametrize("name", ["accord-v1", "accord-2", "ACCORD-V3", "shield"])
def test_the_lineage_is_the_same_from_the_oldest_newest_middle_or_a_branch(name: str) -> None:
    result = follow(name)
    # shield-pact (2025-06) is modelled on accord-v2; accord-v3 (signed 2025, a year) sorts at the year's start
    assert tuple(e.id for e in result.entries) == ("accord-v1", "accord-v2", "accord-v3", "shield-pact")
    assert steps(result) == [
        ("accord-v2", "revises", "accord-v1", ["binding_force", "response"]),
        ("accord-v3", "supersedes", "accord-v2", ["troops"]),
        ("shield-pact", "modelled_on", "accord-v2", ["binding_force", "troops"]),
    ]
    assert result.links.ok and result.links.findings == ()


def test_each_change_holds_the_earlier_cell_then_the_later_with_their_citation_markers() -> None:
    result = follow("accord-v1")
    change = result.entries[1].steps[0].changes[0]
    before, after = change.cells
    assert [r.label for r in before.readings] == ["political declaration"]
    assert [r.label for r in after.readings] == ["legally binding"]
    quotes = {q.marker: q.span.quote for q in result.quotes}
    assert quotes[before.readings[0].markers[0]].startswith("It's a political commitment")
    assert quotes[after.readings[0].markers[0]].startswith("NATO membership triggers a binding")
    # every marker is numbered once, in the order a reader meets it, and every number has its quote
    assert sorted(quotes) == list(range(1, len(quotes) + 1))


def test_the_link_citations_and_whose_words_they_are_come_with_each_step() -> None:
    step = follow("shield").entries[3].steps[0]
    assert step.relation is LinkKind.MODELLED_ON and not step.is_version
    ((said, markers),) = [(s.by, s.markers) for s in step.said]
    quotes = {q.marker: q.span for q in follow("shield").quotes}
    assert said == "journalist" and quotes[markers[0]].source == "explainer-2025-08-16"


def test_dimensions_limit_what_is_compared_and_what_counts_as_unchanged() -> None:
    result = follow("accord-v1", "troops,response")
    assert steps(result) == [
        ("accord-v2", "revises", "accord-v1", ["response"]),
        ("accord-v3", "supersedes", "accord-v2", ["troops"]),
        ("shield-pact", "modelled_on", "accord-v2", ["troops"]),
    ]
    assert result.entries[1].steps[0].unchanged == ("troops",)


def test_status_dates_come_with_their_event_and_precision() -> None:
    dates = {e.id: [(d.event, d.date, d.precision) for d in e.dates] for e in follow("accord-v1").entries}
    assert dates == {
        "accord-v1": [("proposed", "2024-03", "month")],
        "accord-v2": [("announced", "2024-09-12", "day")],
        "accord-v3": [("signed", "2025", "year")],
        "shield-pact": [("proposed", "2025-06", "month")],
    }


def test_a_cycle_is_a_located_finding_and_both_versions_are_still_shown() -> None:
    result = follow("loop-a")
    assert [e.id for e in result.entries] == ["loop-b", "loop-a"]
    (finding,) = result.links.findings
    assert finding.code == "link-cycle"
    assert finding.location.render().endswith("loop-a.yaml:23:13")
    assert not result.links.ok


def test_a_dangling_link_is_a_located_finding_not_a_crash() -> None:
    result = follow("orphan")
    (finding,) = result.links.findings
    assert (finding.code, finding.hint) == ("unknown-link-target", "did you mean `accord-v3`?")
    assert finding.location.render().endswith("orphan-offer.yaml:22:13")
    assert [e.id for e in result.entries] == ["orphan-offer"]
    # its part_of link is shown beside the (empty) lineage, not followed
    assert [(b.relation, b.target) for b in result.beside] == [(LinkKind.PART_OF, "shield-pact")]


def test_a_dangling_link_outside_the_lineage_is_not_this_lineage_s_finding() -> None:
    # orphan-offer (with its dangling link) points at shield-pact by part_of, which is not followed
    assert follow("shield").links.findings == ()


def test_an_arrangement_with_no_links_is_a_lineage_of_one() -> None:
    result = follow("lonely")
    assert [e.id for e in result.entries] == ["lonely-pledge"] and result.beside == ()
    assert result.summary.startswith("lonely-pledge has no revises, supersedes or modelled_on link")


def test_an_unknown_name_is_a_usage_error_with_a_suggestion() -> None:
    with pytest.raises(UsageError, match="unknown arrangement `accord-l` .did you mean"):
        history("accord-l", DIRS)


def test_a_broken_model_anywhere_stops_the_history_with_its_findings(tmp_path) -> None:
    import shutil

    shutil.copytree(HISTORY, tmp_path / "models")
    broken = tmp_path / "models" / "lonely-pledge.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("value: proposed", "value: maybe"), encoding="utf-8")
    result = history("accord-v1", DataDirs(tmp_path / "models", SEEDS))
    assert not result.report.ok and result.entries == ()
    assert {f.code for f in result.report.findings} == {"invalid-value"}


def test_the_shipped_models_hold_designs_after_article_5_and_no_versions() -> None:
    """What the shipped data gives: three arrangements modelled on Article 5, none a version of another."""
    result = follow("berlin", dirs=DataDirs(MODELS, SEEDS))
    assert [e.id for e in result.entries] == [
        "nato-article-5",
        "article-5-inspired-guarantees",  # proposed 2025-08-16
        "berlin-commitment",  # announced 2025-12
        "us-28-point-guarantee",  # undated in the sources: last
    ]
    assert {(s.relation, s.target) for e in result.entries for s in e.steps} == {
        (LinkKind.MODELLED_ON, "nato-article-5")
    }
    assert result.links.findings == ()
    assert "none is a later version of another" in result.summary
    assert {(b.source, b.relation, b.target) for b in result.beside} == {
        ("berlin-commitment", LinkKind.ALTERNATIVE_TO, "nato-membership-for-ukraine"),
        ("multinational-force", LinkKind.PART_OF, "berlin-commitment"),
    }
