"""`guarantees validate` end to end: exit codes, located findings, formats."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import MODELS
from samples import MINI


def write(tmp_path: Path, text: str, name: str = "mini.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_shipped_models_validate(invoke) -> None:
    result = invoke("validate", "models/")
    assert result.exit_code == 0, result
    count = len(list(MODELS.glob("*.yaml")))
    assert result.stdout == f"{count} file(s) checked: all valid\n"


def test_no_paths_means_the_models_directory(invoke) -> None:
    assert invoke("validate").stdout == invoke("validate", "models").stdout


def test_a_minimal_model_with_party_code_no_is_valid(invoke, tmp_path: Path) -> None:
    result = invoke("validate", write(tmp_path, MINI))
    assert result.exit_code == 0, result


# One thing broken at a time: (what to replace, with what, the line to point at, column, code, text to expect).
BROKEN = {
    "quote with one letter changed": (
        "if Russia violates peace terms",
        "if Russia violated peace terms",
        "if Russia violated",
        20,
        "quote-not-found",
        "closest passage: 'if Russia violates peace terms'",
    ),
    "duplicate key": (
        "kind: sanctions_mechanism\n",
        "kind: sanctions_mechanism\nkind: treaty_clause\n",
        "kind: treaty_clause",
        1,
        "duplicate-key",
        "(first at line 5)",
    ),
    "lowercase party code": ("code: NO", "code: no", "code: no", 11, "invalid-value", "did you mean `NO`?"),
    "misspelt field": (
        "      - level: automatic\n",
        "      - level: automatic\n        levle: automatic\n",
        "levle",
        9,
        "unknown-field",
        "did you mean `level`?",
    ),
}


@pytest.mark.parametrize(("old", "new", "needle", "column", "code", "expected"), BROKEN.values(), ids=list(BROKEN))
def test_a_broken_file_gets_one_located_finding(
    invoke, tmp_path: Path, old: str, new: str, needle: str, column: int, code: str, expected: str
) -> None:
    text = MINI.replace(old, new)
    assert text != MINI
    path = write(tmp_path, text)
    result = invoke("validate", path)
    assert result.exit_code == 1, result
    assert result.stdout.startswith(f"{path}:{line_of(text, needle)}:{column}: error[{code}] "), result
    assert expected in result.stdout
    assert result.stdout.endswith("1 file(s) checked: 1 error(s) in 1 file(s)\n")
    assert "Traceback" not in result.stdout + result.stderr


def test_id_must_equal_the_file_stem(invoke, tmp_path: Path) -> None:
    path = write(tmp_path, MINI, name="other.yaml")
    result = invoke("validate", path)
    assert result.exit_code == 1
    assert f"{path}:2:5: error[id-mismatch] expected id `other` (the file name), found `mini`" in result.stdout


def test_alias_collisions_across_files_are_reported(invoke, tmp_path: Path) -> None:
    write(tmp_path, MINI)
    write(tmp_path, MINI.replace("id: mini", "id: mini-two"), name="mini-two.yaml")
    result = invoke("validate", tmp_path)
    assert result.exit_code == 1
    assert "error[alias-collision] expected `mini-snap` to name one arrangement" in result.stdout


def test_json_format_is_a_versioned_envelope(invoke, tmp_path: Path) -> None:
    path = write(tmp_path, MINI.replace("code: NO", "code: XX"))
    result = invoke("validate", path, "--format", "json")
    assert result.exit_code == 1
    envelope = json.loads(result.stdout)
    assert envelope["format"] == "guarantees.validate" and envelope["version"] == 2 and envelope["valid"] is False
    (finding,) = envelope["findings"]
    assert finding["code"] == "invalid-value" and finding["line"] == 10 and finding["path"] == "parties[0].code"


def test_usage_errors_exit_2_with_one_line(invoke) -> None:
    result = invoke("validate", "no/such/dir")
    assert result.exit_code == 2, result
    assert result.stderr == "guarantees: error: no such file or directory: no/such/dir\n"


@pytest.mark.parametrize(
    ("args", "choices"),
    [
        (["validate", "--format", "xml"], "'xml' is not one of 'text', 'json', 'github'"),
        (["schema", "nothing"], "'nothing' is not one of 'arrangement', 'sources'"),
        (["export", "alpha", "--format", "pdf"], "'pdf' is not one of markdown (md), json, csv, html, docx"),
    ],
)
def test_an_unknown_choice_is_a_usage_error_that_lists_the_choices(invoke, args: list[str], choices: str) -> None:
    result = invoke(*args)
    assert result.exit_code == 2, result
    assert choices in result.stderr and "Traceback" not in result.stderr and result.stdout == ""


def test_schema_prints_the_committed_schema(invoke) -> None:
    assert invoke("schema").stdout == Path("schemas/arrangement.schema.json").read_text(encoding="utf-8")


def test_unknown_option_is_a_usage_error_not_an_internal_one(invoke) -> None:
    result = invoke("validate", "--bogus")
    assert result.exit_code == 2
    assert "No such option: --bogus" in result.stderr and "internal error" not in result.stderr


def test_a_bug_becomes_one_line_and_exit_3_unless_debug(invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("guarantees.service.validate.scan_files", broken)
    result = invoke("validate")
    assert result.exit_code == 3
    assert result.stderr == "guarantees: internal error: RuntimeError: boom (rerun with --debug)\n"
    with pytest.raises(RuntimeError):
        invoke("--debug", "validate")
