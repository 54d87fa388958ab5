"""The curated data: every arrangement the sources discuss is modelled, cited and honest about gaps."""

from __future__ import annotations

import pytest

from conftest import MODELS, SEEDS
from guarantees.checks import iter_citations, iter_nodes
from guarantees.loaded import LoadedModel
from guarantees.model import CUMULATIVE_DIMENSIONS, Assessed, Assessment, Party, Unspecified
from guarantees.model_dir import list_model_paths
from guarantees.service.selection import load_selection
from guarantees.sources import load_seeds

# One alias per arrangement the sources discuss (issue: curate every arrangement).
REQUIRED_ALIASES = {
    "art5": "NATO Article 5",
    "budapest": "the Budapest Memorandum",
    "28-point-plan": "the 28-point plan's US guarantee and voiding clause",
    "art5-inspired": "the August 2025 guarantees inspired by Article 5",
    "coalition-of-the-willing": "the European-led multinational force",
    "snap-back": "sanctions snap-back",
    "arms-packages": "long-term arms, intelligence and training agreements",
    "berlin": "the December 2025 Berlin commitment",
    "ceasefire-monitoring": "the US-led ceasefire monitoring mechanism",
    "minsk": "the Minsk agreements",
    "dmz": "the demilitarised zone with European peacekeepers",
}


@pytest.fixture(scope="module")
def models() -> list[LoadedModel]:
    selection = load_selection(list(list_model_paths([MODELS]).files), SEEDS)
    assert selection.report.ok, [f.render() for f in selection.report.findings]
    return list(selection.models)


def test_every_arrangement_the_sources_discuss_has_a_model(models: list[LoadedModel]) -> None:
    aliases = {alias for m in models for alias in m.arrangement.aliases}
    missing = {alias: what for alias, what in REQUIRED_ALIASES.items() if alias not in aliases}
    assert not missing


def test_every_model_has_aliases_and_a_summary(models: list[LoadedModel]) -> None:
    for model in models:
        assert model.arrangement.aliases and model.arrangement.summary.strip(), model.file


def test_every_source_is_cited_at_least_once(models: list[LoadedModel]) -> None:
    seeds, _ = load_seeds(SEEDS)
    assert seeds is not None
    cited = {citation.source for m in models for _, citation in iter_citations(m.arrangement)}
    assert cited == set(seeds.entries)


def test_no_set_value_lacks_a_resolved_citation(models: list[LoadedModel]) -> None:
    for model in models:
        for path, node in [*iter_nodes(model.arrangement, Assessment), *iter_nodes(model.arrangement, Party)]:
            assert node.cite, (model.file, path)
            assert all((*path, "cite", i) in model.spans for i in range(len(node.cite))), (model.file, path)


def test_unspecified_dimensions_say_what_is_open(models: list[LoadedModel]) -> None:
    for model in models:
        for path, node in iter_nodes(model.arrangement, Unspecified):
            assert len(node.unspecified.strip()) >= 8, (model.file, path)


def test_contested_readings_say_who_holds_them(models: list[LoadedModel]) -> None:
    for model in models:
        for name in type(model.arrangement.dimensions).model_fields:
            value = getattr(model.arrangement.dimensions, name)
            if name in CUMULATIVE_DIMENSIONS or not isinstance(value, Assessed) or len(value.assessments) < 2:
                continue
            unattributed = [a for a in value.assessments if not a.by]
            assert not unattributed, f"{model.file}: {name} has competing readings without `by`"


def test_the_budapest_date_conflict_is_recorded_not_resolved(models: list[LoadedModel]) -> None:
    (budapest,) = [m for m in models if "budapest" in m.arrangement.aliases]
    quotes = {span.quote for span in budapest.spans.values()}
    assert any("1994" in q for q in quotes)
    assert any("Twenty years after" in q for q in quotes)
