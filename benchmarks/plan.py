"""The benchmark rows: which command each one runs, how often, and in what environment."""

from __future__ import annotations

import shutil
import sys
import sysconfig
from dataclasses import dataclass, field
from pathlib import Path

from measure import Timings

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
MODELS = ROOT / "models"
SCHEMA = ROOT / "schemas" / "arrangement.schema.json"
FLOOR_IMPORTS = "import typer, rich.console, rich.table, pydantic, yaml"
COMPARE_NAMES = ("art5", "budapest")
# Rows that run under `python -X importtime`, and the module whose cumulative time they report (None: all imports).
IMPORT_ROOTS = {"import": "guarantees.cli", "compare-imports": None}


@dataclass
class Row:
    """One line of the results table."""

    key: str
    name: str
    argv: list[str]
    runs: int
    models: int | None = None  # files the command reads, for the per-model column
    cold: bool = False  # a fresh working directory and cache directory for every run
    status: str = ""  # empty when measured; otherwise why not ("not available", "skipped: ...", "error: ...")
    note: str = ""
    timings: Timings = field(default_factory=Timings)

    @property
    def measured(self) -> bool:
        return not self.status and bool(self.timings.samples)


def find_executable(name: str) -> str:
    """A console script of this interpreter's environment, called directly (a pyenv shim would add ~0.1 s)."""
    candidate = Path(sysconfig.get_path("scripts")) / name
    found = str(candidate) if candidate.is_file() else shutil.which(name)
    if found is None:
        raise SystemExit(f"benchmark: cannot find `{name}`; install the project with its test extra")
    return found


def compare_row(key: str, name: str, models_dir: Path, runs: int, *, python: list[str] = (), cold: bool = False) -> Row:
    guarantees = find_executable("guarantees")
    argv = [*python, guarantees, "compare", *COMPARE_NAMES, "--models", str(models_dir), "--seeds", str(SEEDS)]
    return Row(key, name, argv, runs, cold=cold)


# Rows under a second are run this many times as often: their budgets are ratios of medians of
# sub-second times, which a shared 2-core machine moves by ±30 % from run to run.
FAST_ROW_FACTOR = 3


def build_rows(corpora: dict[int, Path], compare_dir: Path, runs: int) -> list[Row]:
    """Every row, fastest first; the check-jsonschema rows get the corpus files as arguments."""
    guarantees, check_jsonschema = find_executable("guarantees"), find_executable("check-jsonschema")
    slow_runs, runs = runs, runs * FAST_ROW_FACTOR
    largest = max(corpora)
    rows = [
        Row("floor", f'floor: python -c "{FLOOR_IMPORTS}"', [sys.executable, "-c", FLOOR_IMPORTS], runs),
        Row(
            "typer-app",
            "reference: a one-command typer app printing a table",
            [sys.executable, str(Path(__file__).with_name("reference_app.py")), *COMPARE_NAMES],
            runs,
        ),
        Row("help", "guarantees --help", [guarantees, "--help"], runs),
        Row("version", "guarantees --version", [guarantees, "--version"], runs),
        Row(
            "import",
            "import guarantees.cli (-X importtime total)",
            [sys.executable, "-X", "importtime", "-c", "import guarantees.cli"],
            runs,
        ),
        compare_row("compare", "compare art5 budapest (shipped models)", MODELS, runs),
        compare_row("compare-corpus", f"compare art5 budapest (shipped + {largest:,})", compare_dir, runs),
        compare_row("compare-first", "compare art5 budapest, first run (empty cache)", MODELS, runs, cold=True),
        compare_row(
            "compare-imports",
            "imports during compare art5 budapest (-X importtime total)",
            MODELS,
            runs,
            python=[sys.executable, "-X", "importtime"],
        ),
    ]
    for size, directory in sorted(corpora.items()):
        argv = [guarantees, "validate", str(directory), "--seeds", str(SEEDS)]
        rows.append(Row(f"validate-{size}", f"validate {size:,} models", argv, slow_runs, models=size, cold=True))
    for size, directory in sorted(corpora.items()):
        files = [str(path) for path in sorted(directory.glob("*.yaml"))]
        argv = [check_jsonschema, "--schemafile", str(SCHEMA), *files]
        rows.append(Row(f"cjs-{size}", f"check-jsonschema {size:,} models", argv, slow_runs, models=size, cold=True))
    return rows
