"""The types: ordered scales, strictness, and the two shapes of a dimension."""

from __future__ import annotations

import pytest
import yaml
from pydantic import TypeAdapter, ValidationError

from conftest import SEEDS
from guarantees.dimension import assessment_type
from guarantees.docgen.codebook import EXAMPLES, render_codebook
from guarantees.model import Arrangement, Dimensions, Party, dimension
from guarantees.scale import BindingLevel, Presence, Scale
from guarantees.sources import Span, load_seeds, resolve
from guarantees.vocabulary import choice_types


def test_scales_order_by_declaration_not_alphabet() -> None:
    assert BindingLevel.NONE < BindingLevel.POLITICAL_DECLARATION < BindingLevel.LEGALLY_BINDING
    assert max(BindingLevel) is BindingLevel.LEGALLY_BINDING
    assert sorted([Presence.IN_TERRITORY, Presence.NONE, Presence.NEAR_TERRITORY]) == list(Presence)
    assert BindingLevel.LEGALLY_BINDING.rank == 4 and BindingLevel.top() == 4


def test_scales_of_different_kinds_do_not_compare() -> None:
    with pytest.raises(TypeError):
        _ = BindingLevel.NONE < Presence.NONE


def test_every_vocabulary_member_has_a_meaning() -> None:
    for choice in choice_types():
        assert all(member.meaning.endswith(".") for member in choice), choice
    assert {c.__name__ for c in Scale.__subclasses__()} >= {"BindingLevel", "AutomaticityLevel", "SpecificityLevel"}


def test_party_code_no_is_norway_and_yes_is_no_party() -> None:
    cite = [{"source": "euromaidan-opinion", "quote": "legally binding"}]
    assert Party.model_validate({"code": "NO", "role": "guarantor", "cite": cite}).code == "NO"
    with pytest.raises(ValidationError):
        Party.model_validate({"code": False, "role": "guarantor", "cite": cite})


@pytest.mark.parametrize("bad", [{"assessments": []}, {}, {"assessments": [], "unspecified": "x"}, "open", None])
def test_a_dimension_is_assessed_or_unspecified_never_both_or_neither(bad: object) -> None:
    adapter = TypeAdapter(dimension(assessment_type("troops")))
    with pytest.raises(ValidationError):
        adapter.validate_python(bad)


def test_strict_types_refuse_coercion() -> None:
    adapter = TypeAdapter(dimension(assessment_type("troops")))
    cite = [{"source": "euromaidan-opinion", "quote": "a mere 25,000"}]
    for bad in ({"size_min": "25000"}, {"combat_role": "yes"}, {"presence": True}):
        with pytest.raises(ValidationError):
            adapter.validate_python(
                {"assessments": [{"presence": "in_territory", "provenance": "journalist", "cite": cite, **bad}]}
            )
    ok = adapter.validate_python(
        {"assessments": [{"presence": "in_territory", "provenance": "journalist", "size_min": 25000.0, "cite": cite}]}
    )
    assert ok.assessments[0].size_min == 25000


@pytest.mark.parametrize("name", list(Dimensions.model_fields))
def test_codebook_examples_validate_and_cite_real_text(name: str) -> None:
    seeds, _ = load_seeds(SEEDS)
    assert seeds is not None
    value = TypeAdapter(dimension(assessment_type(name))).validate_python(yaml.safe_load(EXAMPLES[name]))
    citations = [c for a in value.assessments for c in a.cite] if hasattr(value, "assessments") else value.cite
    assert citations, "every example quotes the sources, an unspecified one where a source says the point is open"
    for citation in citations:
        assert isinstance(resolve(citation, seeds), Span), citation


def test_codebook_lists_every_dimension_and_every_level_in_order() -> None:
    text = render_codebook()
    for name in Dimensions.model_fields:
        assert f"### `{name}`" in text
    levels = [text.index(f"| `{member.value}` |", text.index("### BindingLevel")) for member in BindingLevel]
    assert levels == sorted(levels)
    for name in Arrangement.model_fields:
        assert f"| `{name}` |" in text
