"""The neutral comparison over the fixture models in tests/examples/compare/."""

from __future__ import annotations

from pathlib import Path

import pytest

from guarantees.comparison import build_comparison, build_profile, parse_dimensions
from guarantees.decision import build_summary
from guarantees.findings import UsageError
from guarantees.gap import build_gaps
from guarantees.name_index import build_name_index, find_files
from guarantees.service.selection import load_selection

HERE = Path(__file__).resolve().parents[1]
FIXTURES = HERE / "examples" / "compare"
SEEDS = HERE.parent / "seeds"


def select(*names: str):
    selection = load_selection(find_files(build_name_index(FIXTURES), list(names)), SEEDS)
    assert selection.report.ok, [f.render() for f in selection.report.findings]
    return selection


def test_rows_follow_the_dimensions_and_mark_differences() -> None:
    selection = select("alpha", "beta")
    comparison = build_comparison(selection.models, selection.seeds)
    assert [row.dimension for row in comparison.rows][:4] == [
        "instrument",
        "binding_force",
        "domestic_approval",
        "reciprocity",
    ]
    differs = {row.dimension: row.differs for row in comparison.rows}
    assert differs["binding_force"] and differs["trigger"]
    assert not differs["troops"]  # both unspecified
    assert not differs["monitoring"]


def test_only_diff_and_dimensions_select_rows() -> None:
    selection = select("alpha", "beta")
    only = build_comparison(selection.models, selection.seeds, only_diff=True)
    assert "troops" not in [row.dimension for row in only.rows]
    chosen = build_comparison(selection.models, selection.seeds, dimensions=("troops", "binding_force"))
    assert [row.dimension for row in chosen.rows] == ["troops", "binding_force"]


def test_markers_number_each_span_once_in_reading_order() -> None:
    selection = select("alpha", "beta")
    comparison = build_comparison(selection.models, selection.seeds)
    assert [q.marker for q in comparison.quotes] == list(range(1, len(comparison.quotes) + 1))
    binding = next(row for row in comparison.rows if row.dimension == "binding_force")
    assert binding.cells[0].contested
    assert [r.markers for r in binding.cells[0].readings] == [(1,), (2,)]
    # beta cites "those assurances failed ..." twice (status and track record): one footnote
    quotes = [q.span.quote for q in comparison.quotes]
    assert len(quotes) == len(set(quotes))


def test_quotes_carry_context_and_their_source() -> None:
    selection = select("alpha", "beta")
    comparison = build_comparison(selection.models, selection.seeds, dimensions=("binding_force",))
    first = comparison.quotes[0]
    assert first.span.quote == "NATO membership triggers a binding mutual defense clause under Article 5"
    assert first.before == "primarily in legal status and commitments. "
    assert first.after == ", obliging members to come to"
    assert first.source is not None and first.source.id == "glimpse-potential-terms"
    text = selection.seeds.text(first.span.source)
    assert text[first.span.start : first.span.end] == first.span.quote


def test_decision_summary() -> None:
    alpha, beta, gamma = (m.arrangement for m in select("alpha", "beta", "gamma").models)
    assert build_summary(alpha) == (
        "If an armed attack occurs, the guarantors must act with armed force, as they deem necessary; "
        "each guarantor judges for itself whether it has happened; one escape clause can limit it (not in its text)."
    )
    assert build_summary(beta) == "The sources give no trigger, response or escape clause."
    assert build_summary(gamma) == (
        "If aggression is renewed, the guarantors must act with armed force, intelligence, logistics, economic "
        "support and diplomatic support; one escape clause can void it (not in its text)."
    )


def test_profile_numbers_status_and_parties_first() -> None:
    selection = select("gamma")
    profile = build_profile(selection.models[0], selection.seeds)
    assert profile.status.readings[0].label == "proposed"
    assert profile.status.readings[0].markers == (1,)
    assert profile.parties == (("UA", "beneficiary", (2,)),)
    first_assessed = next(row for row in profile.comparison.rows if row.cells[0].readings)
    assert first_assessed.cells[0].readings[0].markers == (3,)


def test_parse_dimensions() -> None:
    assert parse_dimensions("troops, Binding-Force") == ("troops", "binding_force")
    with pytest.raises(UsageError, match="did you mean `troops`"):
        parse_dimensions("troop")


def test_gaps_against_a_baseline() -> None:
    alpha, beta, gamma = (m.arrangement for m in select("alpha", "beta", "gamma").models)
    columns = build_gaps(alpha, [alpha, beta, gamma], ("binding_force", "troops", "institution", "escape_clauses"))
    assert [c.arrangement.id for c in columns] == ["beta-memo", "gamma-force"]
    beta_gaps = {g.dimension: g.status for g in columns[0].gaps}
    # beta's sources are silent on institution and escape clauses: not stated, never a lack or a weakness
    assert beta_gaps == {
        "binding_force": "contested",
        "troops": "open",
        "institution": "unstated",
        "escape_clauses": "unstated",
    }
    assert columns[0].score == (0, 1) and columns[0].unstated == 1  # institution is ordered; escape clauses not
    gamma_gaps = {g.dimension: (g.status, g.detail) for g in columns[1].gaps}
    assert gamma_gaps["institution"] == ("weaker", "standing organisation → ad hoc coalition (-1 of 2)")
    assert gamma_gaps["escape_clauses"] == ("weaker", "adds guarantor, voids, unspecified, non provocation")
    # v2 codes legal character only (ratification is domestic_approval), so gamma now meets alpha on binding force
    assert columns[1].score == (1, 2)
