"""The benchmark rows: which command each one runs, how often, and what it is warmed up with."""

from __future__ import annotations

import shutil
import sys
import sysconfig
from dataclasses import dataclass, field
from pathlib import Path

from measure import Timings
from source_corpus import NEEDLE

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
MODELS = ROOT / "models"
SCHEMA = ROOT / "schemas" / "arrangement.schema.json"
FLOOR_IMPORTS = "import typer, rich.console, rich.table, pydantic, yaml"
COMPARE_NAMES = ("art5", "budapest")
BASELINE = "art5"
WHERE = "binding_force>=legally_binding"
# Rows that run under `python -X importtime`, and the module whose cumulative time they report (None: all imports).
IMPORT_ROOTS = {"startup-imports": None, "import": "guarantees.cli", "compare-imports": None}
# The commands that read every model of the largest corpus, each budgeted against `validate` of the same directory.
CORPUS_COMMANDS = {
    "list": ("list",),
    "list-where": ("list", "--where", WHERE),
    "sources": ("sources",),
    "against": ("compare", "--against", BASELINE),
}


@dataclass
class Row:
    """One line of the results table."""

    key: str
    name: str
    argv: list[str]
    runs: int
    models: int | None = None  # files the command reads, for the per-model column
    warm_up: list[str] | None = None  # an untimed run before the timed ones (None: none)
    status: str = ""  # empty when measured; otherwise why not ("skipped: ...", "error: ...")
    note: str = ""
    timings: Timings = field(default_factory=Timings)

    @property
    def measured(self) -> bool:
        return not self.status and bool(self.timings.samples)


@dataclass(frozen=True)
class Corpora:
    """The generated corpus directories by size; the largest also holds the shipped models (see run.py)."""

    by_size: dict[int, Path]
    shipped: int  # shipped model files in the largest directory

    @property
    def largest(self) -> int:
        return max(self.by_size)

    def files(self, size: int) -> int:
        return size + (self.shipped if size == self.largest else 0)

    def label(self, size: int) -> str:
        return f"{size:,} + {self.shipped} shipped models" if size == self.largest else f"{size:,} models"


def find_executable(name: str) -> str:
    """A console script of this interpreter's environment, called directly (a pyenv shim would add ~0.1 s)."""
    candidate = Path(sysconfig.get_path("scripts")) / name
    found = str(candidate) if candidate.is_file() else shutil.which(name)
    if found is None:
        raise SystemExit(f"benchmark: cannot find `{name}`; install the project with its test extra")
    return found


def data_args(models_dir: Path) -> list[str]:
    return ["--models", str(models_dir), "--seeds", str(SEEDS)]


def fast_row(key: str, name: str, argv: list[str], runs: int) -> Row:
    return Row(key, name, argv, runs, warm_up=argv)


def build_fast_rows(corpora: Corpora, runs: int) -> list[Row]:
    """The sub-second rows: start-up, the floor, the reference app, --help, imports, and compare of two models."""
    guarantees, python = find_executable("guarantees"), sys.executable
    compare = [guarantees, "compare", *COMPARE_NAMES]
    largest = corpora.by_size[corpora.largest]
    return [
        fast_row("startup", "interpreter start-up: python -c pass", [python, "-c", "pass"], runs),
        fast_row(
            "startup-imports",
            "imports during start-up (python -X importtime -c pass total)",
            [python, "-X", "importtime", "-c", "pass"],
            runs,
        ),
        fast_row("floor", f'floor: python -c "{FLOOR_IMPORTS}"', [python, "-c", FLOOR_IMPORTS], runs),
        fast_row(
            "typer-app",
            "reference: a one-command typer app printing a table",
            [python, str(Path(__file__).with_name("reference_app.py")), *COMPARE_NAMES],
            runs,
        ),
        fast_row("help", "guarantees --help", [guarantees, "--help"], runs),
        fast_row("version", "guarantees --version", [guarantees, "--version"], runs),
        fast_row(
            "import",
            "import guarantees.cli (-X importtime total)",
            [python, "-X", "importtime", "-c", "import guarantees.cli"],
            runs,
        ),
        fast_row("compare", "compare art5 budapest (shipped models)", [*compare, *data_args(MODELS)], runs),
        fast_row(
            "compare-imports",
            "imports during compare art5 budapest (-X importtime total)",
            [python, "-X", "importtime", *compare, *data_args(MODELS)],
            runs,
        ),
        fast_row(
            "compare-corpus",
            f"compare art5 budapest ({corpora.label(corpora.largest)})",
            [*compare, *data_args(largest)],
            runs,
        ),
    ]


def build_corpus_rows(corpora: Corpora, runs: int) -> list[Row]:
    """validate and check-jsonschema at every size; list, sources and compare --against at the largest."""
    guarantees, check_jsonschema = find_executable("guarantees"), find_executable("check-jsonschema")
    smallest, largest = min(corpora.by_size), corpora.largest
    rows = []
    for size, directory in sorted(corpora.by_size.items()):
        argv = [guarantees, "validate", str(directory), "--seeds", str(SEEDS)]
        warm_up = argv if size == smallest else None
        rows.append(
            Row(f"validate-{size}", f"validate {corpora.label(size)}", argv, runs, corpora.files(size), warm_up)
        )
    for command, args in CORPUS_COMMANDS.items():
        argv = [guarantees, *args, *data_args(corpora.by_size[largest])]
        name = f"{' '.join(args)} ({corpora.label(largest)})".replace(WHERE, f"'{WHERE}'")
        # Warmed up on the shipped models: the bytecode gets compiled without a second 10,000-model run.
        warm_up = [guarantees, *args, *data_args(MODELS)]
        rows.append(Row(command, name, argv, runs, corpora.files(largest), warm_up))
    for size, directory in sorted(corpora.by_size.items()):
        files = [str(path) for path in sorted(directory.glob("*.yaml"))]
        argv = [check_jsonschema, "--schemafile", str(SCHEMA), *files]
        warm_up = argv if size == smallest else None
        rows.append(Row(f"cjs-{size}", f"check-jsonschema {corpora.label(size)}", argv, runs, len(files), warm_up))
    return rows


SEARCH_SOURCES = 1000  # the "fast enough for a thousand sources"


def build_search_rows(sources_dir: Path, runs: int) -> list[Row]:
    """`search` over a seeds directory of 1,000 sources: a phrase only the last one holds, so every source is read."""
    argv = [find_executable("guarantees"), "search", NEEDLE, "--models", str(MODELS), "--seeds", str(sources_dir)]
    return [Row("search", f"search a phrase in {SEARCH_SOURCES:,} sources (shipped models)", argv, runs, warm_up=argv)]


SLOW_SECONDS = 10.0  # a row whose first run takes longer is run only SLOW_RUNS times
SLOW_RUNS = 3
CHECK_JSONSCHEMA_ALWAYS = 1000  # larger check-jsonschema rows run only when estimated under CHECK_JSONSCHEMA_LIMIT
CHECK_JSONSCHEMA_LIMIT = 120.0
# Rows under a second are run this many times as often: their budgets are ratios of medians of
# sub-second times, which a shared 2-core machine moves by ±30 % from run to run.
FAST_ROW_FACTOR = 3


def build_rows(corpora: Corpora, runs: int, sources_dir: Path) -> list[Row]:
    """Every row, fastest first."""
    fast = runs * FAST_ROW_FACTOR
    return [
        *build_fast_rows(corpora, fast),
        *build_search_rows(sources_dir, fast),
        *build_corpus_rows(corpora, runs),
    ]
