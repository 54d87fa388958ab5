"""Shared fixtures: the project's paths, and invoke() around typer's CliRunner with a fixed, colourless terminal."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from guarantees.cli import app
from guarantees.service.selection import Selection, load_selection

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
MODELS = ROOT / "models"
SCHEMAS = ROOT / "schemas"
EXAMPLES = Path(__file__).resolve().parent / "examples"

# What `validate` says on stderr, in text and github formats, when run from the project root.
SEEDS_LINE = "guarantees: checked against seeds directory seeds, manifest seeds/sources.yaml\n"

# CSI and OSC sequences: under GITHUB_ACTIONS/FORCE_COLOR typer forces a terminal, so strip them.
ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)")


@dataclass
class Invocation:
    exit_code: int
    stdout: str
    stderr: str

    def __str__(self) -> str:
        return f"exit {self.exit_code}\n--- stdout\n{self.stdout}\n--- stderr\n{self.stderr}"


def strip_ansi(text: str) -> str:
    return ANSI.sub("", text)


@pytest.fixture
def invoke(monkeypatch: pytest.MonkeyPatch):
    """Run the CLI in-process from the project root; returns exit code, stdout and stderr (ANSI stripped)."""
    monkeypatch.chdir(ROOT)
    for name in ("GITHUB_ACTIONS", "FORCE_COLOR", "GUARANTEES_SEEDS", "GUARANTEES_MODELS", "TTY_COMPATIBLE"):
        monkeypatch.delenv(name, raising=False)

    def run(*args: str, env: dict[str, str] | None = None, input: str | None = None) -> Invocation:
        runner = CliRunner()
        environment = {"NO_COLOR": "1", "COLUMNS": "100", "TERM": "dumb", **(env or {})}
        result = runner.invoke(app, [str(a) for a in args], env=environment, input=input, catch_exceptions=False)
        return Invocation(result.exit_code, strip_ansi(result.stdout), strip_ansi(result.stderr))

    return run


@pytest.fixture
def models_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped models, for tests that break one."""
    target = tmp_path / "models"
    shutil.copytree(MODELS, target)
    return target


def load_checked(files: list[Path], seeds_dir: Path = SEEDS) -> Selection:
    """Load, type-check and resolve these model files, as `compare` and `show` do."""
    return load_selection(files, seeds_dir)


@pytest.fixture
def fixtures(tmp_path: Path) -> Path:
    """tests/examples/compare (alpha, beta, gamma) copied to a models directory of its own."""
    target = tmp_path / "models"
    shutil.copytree(EXAMPLES / "compare", target)
    return target
