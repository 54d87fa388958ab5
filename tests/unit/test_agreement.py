"""Agreement between codings: what counts as a disagreement, the metric of each dimension, the gate for CI."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import EXAMPLES, SEEDS
from guarantees.agreement import metric_of
from guarantees.data_dirs import DataDirs
from guarantees.reliability import Metric
from guarantees.service.agree import agree

TINY = EXAMPLES / "agree" / "tiny.yaml"


def coding(root: Path, name: str, *edits: tuple[str, str], arrangement: str = "tiny") -> Path:
    """A coding directory holding TINY (as `arrangement`), with each (old, new) text edit applied once."""
    directory = root / name
    directory.mkdir()
    text = TINY.read_text(encoding="utf-8").replace("id: tiny", f"id: {arrangement}")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    (directory / f"{arrangement}.yaml").write_text(text, encoding="utf-8")
    return directory


def by_dimension(result):
    return {d.dimension: d for d in result.dimensions}


def test_identical_codings_agree_everywhere(tmp_path: Path) -> None:
    result = agree([coding(tmp_path, "a"), coding(tmp_path, "b")], DataDirs(seeds=SEEDS))
    assert result.report.ok
    assert all(d.percent == 1.0 and not d.disagreements for d in result.dimensions)
    assert result.arrangements[0].disagreeing == () and result.arrangements[0].percent == 1.0


def test_a_different_value_is_a_disagreement_with_both_values_and_their_citations(tmp_path: Path) -> None:
    a = coding(tmp_path, "a")
    b = coding(tmp_path, "b", ("level: legally_binding", "level: political_declaration"))
    result = agree([a, b], DataDirs(seeds=SEEDS))
    binding = by_dimension(result)["binding_force"]
    assert binding.percent == 0.0 and binding.metric == "ordinal"
    (item,) = binding.disagreements
    values = {coder: coded.values for coder, coded in item.codings}
    assert set(values.values()) == {frozenset({"legally binding"}), frozenset({"political declaration"})}
    assert all(coded.citations == (("euromaidan-opinion", "legally binding and approved by Congress"),)
               for _, coded in item.codings)  # fmt: skip
    assert result.arrangements[0].disagreeing == ("binding_force",)


def test_unspecified_against_assessed_is_a_disagreement_on_whether_the_sources_speak(tmp_path: Path) -> None:
    unspecified = "duration:\n    unspecified: No source says how long the guarantees would last."
    a = coding(tmp_path, "a")
    b = coding(tmp_path, "b", (unspecified, "duration:\n    assessments:\n      - term: permanent\n"
                               "        provenance: journalist\n        cite:\n"
                               "          - source: explainer-2025-08-16\n"
                               "            quote: \"Article 5 is a cornerstone\""))  # fmt: skip
    duration = by_dimension(agree([a, b], DataDirs(seeds=SEEDS)))["duration"]
    (item,) = duration.disagreements
    assert sorted(c.assessed for _, c in item.codings) == [False, True]


def test_coders_in_another_order_give_the_same_numbers(tmp_path: Path) -> None:
    a = coding(tmp_path, "a", ("kind: joint_statement", "kind: offer"))
    b = coding(tmp_path, "b")
    c = coding(tmp_path, "c", ("level: legally_binding", "level: non_binding_assurance"))
    forward, backward = (agree(order, DataDirs(seeds=SEEDS)) for order in ([a, b, c], [c, b, a]))
    numbers = [[(d.alpha, d.percent, len(d.disagreements)) for d in r.dimensions] for r in (forward, backward)]
    assert numbers[0] == numbers[1]


def test_an_arrangement_only_one_coder_coded_is_left_out_of_the_alphas(tmp_path: Path) -> None:
    a = coding(tmp_path, "a")
    b = coding(tmp_path, "b")
    shutil.copy(coding(tmp_path, "extra", arrangement="other") / "other.yaml", a / "other.yaml")
    (a / "other.yaml").write_text((a / "other.yaml").read_text("utf-8").replace("[tn]", "[ot]"), "utf-8")
    result = agree([a, b], DataDirs(seeds=SEEDS))
    assert result.report.ok and {d.units for d in result.dimensions} == {1}
    assert [x.arrangement for x in result.arrangements] == ["other", "tiny"]


def test_each_dimension_gets_the_metric_of_its_field() -> None:
    assert metric_of("binding_force") is Metric.ORDINAL
    assert metric_of("instrument") is Metric.NOMINAL
    assert metric_of("geographic_scope") is Metric.MASI  # a list field
    assert metric_of("escape_clauses") is Metric.MASI  # cumulative


def test_the_gate_exits_1_below_the_minimum_and_0_above(invoke, tmp_path: Path) -> None:
    a = coding(tmp_path, "a", ("level: legally_binding", "level: political_declaration"))
    b = coding(tmp_path, "b")
    c = coding(tmp_path, "c")
    assert invoke("agree", a, b, c, "--min-alpha", "0.8").exit_code == 1
    assert invoke("agree", b, c, "--min-alpha", "0.8").exit_code == 0
    assert invoke("agree", b).exit_code == 2


@pytest.mark.parametrize("output_format", ["text", "json", "markdown"])
def test_every_format_names_the_disagreement(invoke, tmp_path: Path, output_format: str) -> None:
    a = coding(tmp_path, "a", ("kind: joint_statement", "kind: offer"))
    result = invoke("agree", a, coding(tmp_path, "b"), "--format", output_format)
    assert result.exit_code == 0, result
    assert "instrument" in result.stdout and "offer" in result.stdout and "joint statement" in result.stdout
