"""The shared example corpus: each invalid file gives exactly the findings its header names, and
check-jsonschema, the second opinion a contributor's CI runs, agrees on which files are bad as far
as a schema can see (citations, ids and YAML anchors are beyond it: see docs/how-to/ci.md)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, MODELS, SCHEMAS

INVALID = sorted((EXAMPLES / "invalid").glob("*.yaml"))
VALID = sorted((EXAMPLES / "valid").glob("*.yaml"))
EXPECT = re.compile(r"^# expect: (?P<code>[a-z0-9-]+) (?P<line>\d+):(?P<column>\d+)$", re.MULTILINE)
SECOND_OPINION = re.compile(r"^# check-jsonschema: (?P<verdict>valid|invalid)\b", re.MULTILINE)


def expected_findings(path: Path) -> list[tuple[str, int, int]]:
    return [(m["code"], int(m["line"]), int(m["column"])) for m in EXPECT.finditer(path.read_text(encoding="utf-8"))]


def check_jsonschema(*args: str | Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "check_jsonschema", "--schemafile", str(SCHEMAS / "arrangement.schema.json")]
    return subprocess.run([*command, *map(str, args)], capture_output=True, text=True, timeout=120)


def test_the_corpus_is_there() -> None:
    assert len(INVALID) >= 10 and VALID
    assert all(expected_findings(path) for path in INVALID), "every invalid example names its findings"
    assert all(SECOND_OPINION.search(path.read_text(encoding="utf-8")) for path in INVALID)


@pytest.mark.parametrize("path", INVALID, ids=lambda path: path.stem)
def test_invalid_example_gives_exactly_its_findings(invoke, path: Path) -> None:
    result = invoke("validate", path, "--format", "json")
    assert result.exit_code == 1, result
    found = [(f["code"], f["line"], f["column"]) for f in json.loads(result.stdout)["findings"]]
    assert found == expected_findings(path)
    assert {f["file"] for f in json.loads(result.stdout)["findings"]} == {str(path.relative_to(Path.cwd()))}


def test_valid_examples_validate_clean(invoke) -> None:
    result = invoke("validate", *VALID)
    assert (result.exit_code, result.stdout) == (0, f"{len(VALID)} file(s) checked: all valid\n"), result


def test_check_jsonschema_accepts_every_valid_example_and_shipped_model() -> None:
    result = check_jsonschema(*VALID, *sorted(MODELS.glob("*.yaml")))
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_jsonschema_agrees_where_a_schema_can_see() -> None:
    result = check_jsonschema("--output-format", "json", *INVALID)
    report = json.loads(result.stdout)
    refused = {Path(e["filename"]).name for e in report["errors"] + report["parse_errors"]}
    expected = {p.name for p in INVALID if SECOND_OPINION.search(p.read_text(encoding="utf-8"))["verdict"] == "invalid"}
    assert refused == expected
    assert expected and len(expected) < len(INVALID)  # both kinds are in the corpus
