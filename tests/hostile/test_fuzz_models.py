"""Mutated valid models (a key dropped, renamed or retyped, a quote character changed, offsets shifted)
always give located findings, never an exception."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import EXAMPLES, MODELS, SEEDS
from guarantees.findings import FINDING_CODES
from guarantees.service.scan import scan_files
from guarantees.sources import load_seeds
from samples import MINI

SEED_SET, _ = load_seeds(SEEDS)
BASES = [MINI, *(p.read_text(encoding="utf-8") for p in sorted((EXAMPLES / "valid").glob("*.yaml")))]
BASES += [p.read_text(encoding="utf-8") for p in sorted(MODELS.glob("*.yaml"))[:3]]
KEY_LINE = re.compile(r"^(\s*-?\s*)([a-z_]+):(.*)$")
RETYPED = ["[]", "{}", "1", "-7", "true", "null", "'text'", "[a, b]", "{x: 1}", "1.5", "2025-08-16", "NO", '"\\u202e"']
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
LONG_FUZZ = settings(max_examples=3_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def mutated(draw: st.DrawFn) -> str:
    lines = draw(st.sampled_from(BASES)).splitlines(keepends=True)
    keyed = [i for i, line in enumerate(lines) if KEY_LINE.match(line)]
    for _ in range(draw(st.integers(1, 3))):
        index = draw(st.sampled_from(keyed))
        match = KEY_LINE.match(lines[index].rstrip("\n"))
        if match is None:  # already dropped or changed by an earlier mutation
            continue
        indent, key, rest = match.groups()
        how = draw(st.sampled_from(["drop", "rename", "retype", "quote", "offset"]))
        if how == "drop":
            lines[index] = ""
        elif how == "rename":
            lines[index] = f"{indent}{draw(st.sampled_from([key[:-1], key + 's', key.upper(), 'x' + key]))}:{rest}\n"
        elif how == "retype":
            lines[index] = f"{indent}{key}: {draw(st.sampled_from(RETYPED))}\n"
        elif how == "quote" and len(rest.strip()) > 3:
            at = draw(st.integers(1, len(rest) - 1))
            lines[index] = f"{indent}{key}:{rest[:at]}{draw(st.sampled_from(list('’”—x ')))}{rest[at + 1 :]}\n"
        elif how == "offset":
            lines[index] += (
                f"{' ' * (len(indent) + 2 if indent.strip() else len(indent))}start: {draw(st.integers(-1, 40_000))}\n"
            )
    return "".join(lines)


def check_mutant(text: str) -> None:
    assert SEED_SET is not None
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "mutant.yaml"
        path.write_text(text, encoding="utf-8")
        findings = scan_files([path], SEED_SET).findings
    for finding in findings:
        assert finding.code in FINDING_CODES
        assert finding.location.line is not None and finding.location.line >= 1, finding
        assert finding.location.column is not None and finding.location.column >= 1, finding


@FUZZ
@given(mutated())
def test_a_mutated_model_gives_located_findings_never_an_exception(text: str) -> None:
    check_mutant(text)


@pytest.mark.slow
@LONG_FUZZ
@given(mutated())
def test_long_fuzz_mutated_models(text: str) -> None:
    check_mutant(text)
