"""CI integration: the pre-commit hook, the GitHub annotations, the JSON contract, and the reference pages
that must list every finding code and exit code."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import ROOT, SEEDS
from guarantees.findings import FINDING_CODES, ExitCode
from samples import MINI

DOCS = ROOT / "docs" / "reference"


def test_pre_commit_hook_runs_guarantees_validate_on_model_files() -> None:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert (hook["id"], hook["entry"], hook["language"]) == ("guarantees-validate", "guarantees validate", "python")
    files = re.compile(hook["files"])
    assert files.search("models/nato-article-5.yaml") and files.search("models/x.yml")
    assert not files.search("README.md") and not files.search("seeds/sources.yaml")
    assert hook["require_serial"] is True  # identity checks need every model in one run


def test_the_hook_entry_as_pre_commit_runs_it(tmp_path: Path) -> None:
    # pre-commit runs `entry` with the staged file names appended, from the repository root.
    (tmp_path / "models").mkdir()
    good, bad = tmp_path / "models" / "mini.yaml", tmp_path / "models" / "broken.yaml"
    good.write_text(MINI, encoding="utf-8")
    bad.write_text(
        MINI.replace("id: mini", "id: broken").replace("mini-snap", "broken-snap") + "kind: x\n", encoding="utf-8"
    )
    command = [sys.executable, "-m", "guarantees", "validate", "--seeds", str(SEEDS)]
    passing = subprocess.run([*command, "models/mini.yaml"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    failing = subprocess.run(
        [*command, "models/mini.yaml", "models/broken.yaml"], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert (passing.returncode, passing.stdout) == (0, "1 file(s) checked: all valid\n")
    assert failing.returncode == 1
    assert failing.stdout.startswith(f"models/broken.yaml:{MINI.count(chr(10)) + 1}:1: error[duplicate-key] ")


def test_github_format_is_exact_workflow_commands(invoke, tmp_path: Path) -> None:
    path = tmp_path / "mini.yaml"
    path.write_text(MINI.replace("role: guarantor", "role: guarantr"), encoding="utf-8")
    result = invoke("validate", path, "--format", "github")
    assert result.exit_code == 1
    assert result.stdout == (
        f"::error file={path},line=11,col=11,title=guarantees invalid-value::"
        "expected one of the `parties[0].role` values, found string 'guarantr'%0Adid you mean `guarantor`?\n"
        "1 file(s) checked: 1 error(s) in 1 file(s)\n"
    )


def test_json_envelope_contract(invoke, tmp_path: Path) -> None:
    """The JSON output is a contract: a change here needs a new `version`."""
    path = tmp_path / "mini.yaml"
    path.write_text(MINI.replace("role: guarantor", "role: guarantr"), encoding="utf-8")
    envelope = json.loads(invoke("validate", path, "--format", "json").stdout)
    from guarantees import __version__

    assert envelope == {
        "format": "guarantees.validate",
        "version": 2,
        "tool_version": __version__,
        "valid": False,
        "seeds": "seeds",
        "manifest": "seeds/sources.yaml",
        "models": None,
        "files": [str(path)],
        "findings": [
            {
                "code": "invalid-value",
                "severity": "error",
                "message": "expected one of the `parties[0].role` values, found string 'guarantr'",
                "file": str(path),
                "line": 11,
                "column": 11,
                "path": "parties[0].role",
                "hint": "did you mean `guarantor`?",
            }
        ],
    }


def test_json_envelope_when_clean(invoke, tmp_path: Path) -> None:
    path = tmp_path / "mini.yaml"
    path.write_text(MINI, encoding="utf-8")
    result = invoke("validate", path, "--format", "json")
    assert result.exit_code == 0
    assert {k: v for k, v in json.loads(result.stdout).items() if k != "tool_version"} == {
        "format": "guarantees.validate",
        "version": 2,
        "valid": True,
        "seeds": "seeds",
        "manifest": "seeds/sources.yaml",
        "models": None,
        "files": [str(path)],
        "findings": [],
    }


def test_json_envelope_names_the_models_directory_when_no_path_is_given(invoke) -> None:
    envelope = json.loads(invoke("validate", "--format", "json").stdout)
    assert (envelope["valid"], envelope["seeds"], envelope["manifest"], envelope["models"]) == (
        True,
        "seeds",
        "seeds/sources.yaml",
        "models",
    )


def codes_used_in_source() -> set[str]:
    """Every code literal handed to Finding, Problem or the loader's _finding, wherever it is in src/."""
    pattern = re.compile(r"""\b(?:Finding|Problem|_finding)\(\s*["']([a-z0-9-]+)["']""")
    found: set[str] = set()
    for path in (ROOT / "src").rglob("*.py"):
        found |= set(pattern.findall(path.read_text(encoding="utf-8")))
    return found


def documented(page: str) -> list[str]:
    return re.findall(r"^### `([a-z0-9-]+)`", (DOCS / page).read_text(encoding="utf-8"), re.MULTILINE)


def test_every_code_used_in_source_is_registered() -> None:
    assert codes_used_in_source() - set(FINDING_CODES) == set()


def test_findings_page_documents_every_registered_code_once() -> None:
    listed = documented("findings.md")
    assert sorted(listed) == sorted(FINDING_CODES), "docs/reference/findings.md and findings.FINDING_CODES differ"
    assert len(listed) == len(set(listed))


def test_findings_page_gives_meaning_example_and_fix_for_each_code() -> None:
    text = (DOCS / "findings.md").read_text(encoding="utf-8")
    sections = re.split(r"^### ", text, flags=re.MULTILINE)[1:]
    for section in sections:
        assert "Example:" in section and "Fix:" in section, section.splitlines()[0]


def test_exit_codes_page_lists_every_exit_code() -> None:
    text = (DOCS / "exit-codes.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| (\d+) \| `(\w+)` \|", text, re.MULTILINE)
    assert rows == [(str(int(code)), code.name) for code in ExitCode]
