"""`guarantees cite` end to end; every printed block is pasted into a model and must validate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from conftest import MODELS

TARGET = "nato-article-5.yaml"
# The first citation of the model, replaced by the pasted block (same indentation).
FIRST = """        - source: explainer-2025-08-16
          quote: "Article 5 is a cornerstone of the NATO’s collective defense principle."
"""


def _paste(block: str, models: Path) -> None:
    path = models / TARGET
    text = path.read_text(encoding="utf-8")
    assert FIRST in text
    body = "".join(f"        {line}\n" for line in block.strip("\n").splitlines() if not line.startswith("#"))
    path.write_text(text.replace(FIRST, body, 1), encoding="utf-8")


def _blocks(stdout: str) -> list[str]:
    return [b for b in stdout.split("\n\n") if b.strip()]


def test_exact_quote_prints_a_block_that_validates(invoke, models_copy: Path) -> None:
    result = invoke("cite", "explainer-2025-08-16", "an attack on one NATO member")
    assert result.exit_code == 0, result
    assert result.stdout.splitlines()[1:] == [
        "- source: explainer-2025-08-16",
        '  quote: "an attack on one NATO member"',
    ]
    assert "found exactly once" in result.stderr
    _paste(result.stdout, models_copy)
    assert invoke("validate", str(models_copy / TARGET)).exit_code == 0


def test_typography_only_difference_gives_the_exact_text(invoke, models_copy: Path) -> None:
    result = invoke("cite", "glimpse-potential-terms", "NATO's Article 5 treaty obligations")
    assert result.exit_code == 0, result
    assert '  quote: "NATO’s Article 5 treaty obligations"' in result.stdout
    assert "only after normalising" in result.stderr
    _paste(result.stdout, models_copy)
    assert invoke("validate", str(models_copy / TARGET)).exit_code == 0


@pytest.mark.parametrize("quote", ["Article 5", "security guarantees", "NATO"])
def test_every_block_of_an_ambiguous_quote_validates_and_picks_its_own_span(invoke, models_copy: Path, quote) -> None:
    result = invoke("cite", "explainer-2025-08-16", quote, "--format", "json")
    assert result.exit_code == 0, result
    placements = json.loads(result.stdout)["placements"]
    assert len(placements) > 1 and len({p["start"] for p in placements}) == len(placements)
    text_result = invoke("cite", "explainer-2025-08-16", quote)
    blocks = _blocks(text_result.stdout)
    assert len(blocks) == len(placements) and "occurs" in text_result.stderr
    original = (models_copy / TARGET).read_text(encoding="utf-8")
    for block, placement in zip(blocks, placements, strict=True):
        assert yaml.safe_load(block)[0] == placement["citation"]  # the YAML reads back as the citation
        (models_copy / TARGET).write_text(original, encoding="utf-8")
        _paste(block, models_copy)
        checked = invoke("validate", str(models_copy / TARGET))
        assert checked.exit_code == 0, (block, checked)


def test_not_found_gives_the_closest_passage_and_exit_1(invoke) -> None:
    result = invoke("cite", "explainer-2025-08-16", "an attack on one NATO country is considered")
    assert result.exit_code == 1, result
    assert result.stdout == ""
    assert "no exact match" in result.stderr and "closest passage" in result.stderr


def test_bad_arguments_are_usage_errors(invoke) -> None:
    unknown = invoke("cite", "explainer", "anything at all")
    assert unknown.exit_code == 2 and "did you mean `explainer-2025-08-16`?" in unknown.stderr
    assert invoke("cite", "explainer-2025-08-16", "ab").exit_code == 2  # a quote has at least 3 characters
    control = invoke("cite", "explainer-2025-08-16", "bad \x1b[2J quote")
    assert control.exit_code == 2 and "without control, bidirectional or invisible characters" in control.stderr
    assert "\\x00" not in control.stderr and "pattern" not in control.stderr  # named in words, not as the regex


def test_a_quote_with_quotes_and_backslashes_round_trips(invoke, models_copy: Path) -> None:
    result = invoke("cite", "explainer-2025-08-16", 'security guarantees for Ukraine "inspired by NATO\'s Article 5"')
    assert result.exit_code == 0, result
    _paste(result.stdout, models_copy)
    assert invoke("validate", str(models_copy / TARGET)).exit_code == 0
    assert MODELS.joinpath(TARGET).read_text(encoding="utf-8").count(FIRST) == 1  # the shipped file is untouched


def test_a_very_common_quote_gets_blocks_for_the_first_50_only(invoke) -> None:
    result = invoke("cite", "vnexpress-2025-12-20", "the", "--format", "json")
    envelope = json.loads(result.stdout)
    assert result.exit_code == 0 and envelope["occurrences"] > 50 and len(envelope["placements"]) == 50
    assert "blocks for the first 50 only" in invoke("cite", "vnexpress-2025-12-20", "the").stderr
