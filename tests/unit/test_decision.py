"""The decision in one line reads as a sentence, for every shipped model and for generated ones."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from guarantees.assessments import Automaticity, EscapeClause, ReciprocityReading, Response, Trigger
from guarantees.decision import build_summary
from guarantees.model import Arrangement, Citation, Unspecified
from guarantees.scale import AutomaticityLevel, ObligationLevel
from guarantees.service.selection import load_selection
from guarantees.vocabulary import (
    Decider,
    EscapeKind,
    ExitEffect,
    ExitHolder,
    Means,
    Provenance,
    Reciprocity,
    TriggerEvent,
)

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = load_selection(sorted((ROOT / "models").glob("*.yaml")), ROOT / "seeds")
CITE = [Citation.model_construct(source="x", quote="xyz")]
CONNECTIVES = ("if", "unless", "or", "and", "with", "but", "not", "then")


def assert_sentence(line: str) -> None:
    """One sentence as a person writes it: a capital first, a full stop last, nothing doubled or empty."""
    assert line[:1].isupper() and line.endswith(".") and line.count(".") == 1, line
    for word in CONNECTIVES:
        assert not re.search(rf"\b{word} {word}\b", line, re.IGNORECASE), line
    assert not re.search(r"\b(if|unless|then|or|and|with)\s+[A-Z]", line[1:]), line  # no capital mid-sentence
    assert not re.search(r"[;,]\s*[;,.]|\(\s*\)|\s[;,.]|\s{2}", line), line  # no empty clause
    assert "unspecified" not in line and "_" not in line, line


@pytest.mark.parametrize("model", SHIPPED.models, ids=lambda m: m.arrangement.id)
def test_every_shipped_model_gives_a_sentence(model) -> None:
    assert_sentence(build_summary(model.arrangement))


def test_article_5_reads_as_written() -> None:
    art5 = next(m.arrangement for m in SHIPPED.models if m.arrangement.id == "nato-article-5")
    assert build_summary(art5) == (
        "If an armed attack occurs, each member must act, as it deems necessary; each member judges for itself "
        "whether it has happened; three escape clauses can limit or void it (one of them not in its text)."
    )


def _dimension(kind: type, items: list[dict]) -> object:
    if not items:
        return Unspecified.model_construct(unspecified="open", cite=[], note=None)
    from guarantees.model import assessed_type

    made = [
        kind.model_construct(provenance=item.pop("provenance"), by=None, cite=CITE, note=None, **item) for item in items
    ]
    return assessed_type(kind).model_construct(assessments=made, note=None)


PROVENANCE = st.sampled_from(list(Provenance))
TRIGGERS = st.lists(
    st.fixed_dictionaries(
        {
            "event": st.sampled_from(list(TriggerEvent)),
            "decided_by": st.sampled_from(list(Decider)),
            "provenance": PROVENANCE,
            "description": st.none(),
        }
    ),
    max_size=3,
)
RESPONSES = st.lists(
    st.fixed_dictionaries(
        {
            "obligation": st.none() | st.sampled_from(list(ObligationLevel)),
            "means": st.lists(st.sampled_from(list(Means)), max_size=4),
            "excluded_means": st.lists(st.sampled_from(list(Means)), max_size=2),
            "provenance": PROVENANCE,
        }
    ),
    max_size=3,
)
LEVELS = st.lists(
    st.fixed_dictionaries({"level": st.sampled_from(list(AutomaticityLevel)), "provenance": PROVENANCE}), max_size=3
)
EXITS = st.lists(
    st.fixed_dictionaries(
        {
            "condition": st.sampled_from(["If they don't pay, no.", "Each member decides"]),
            "holder": st.sampled_from(list(ExitHolder)),
            "effect": st.sampled_from(list(ExitEffect)),
            "decided_by": st.sampled_from(list(Decider)),
            "kind": st.none() | st.sampled_from(list(EscapeKind)),
            "provenance": PROVENANCE,
        }
    ),
    max_size=12,
)
RECIPROCITY = st.lists(
    st.fixed_dictionaries({"kind": st.sampled_from(list(Reciprocity)), "provenance": PROVENANCE}), max_size=2
)


@settings(max_examples=300, deadline=None)
@given(TRIGGERS, RESPONSES, LEVELS, EXITS, RECIPROCITY, st.integers(0, len(SHIPPED.models) - 1))
def test_generated_models_give_a_sentence(triggers, responses, levels, exits, reciprocity, index) -> None:
    base = SHIPPED.models[index]  # an index, so a failure's report stays short
    dimensions = base.arrangement.dimensions.model_copy(
        update={
            "trigger": _dimension(Trigger, triggers),
            "response": _dimension(Response, responses),
            "automaticity": _dimension(Automaticity, levels),
            "escape_clauses": _dimension(EscapeClause, exits),
            "reciprocity": _dimension(ReciprocityReading, reciprocity),
        }
    )
    arrangement: Arrangement = base.arrangement.model_copy(update={"dimensions": dimensions})
    assert_sentence(build_summary(arrangement))
