"""The benchmark script runs end to end on a tiny corpus; it asserts no timings (benchmarks are not tests)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUICK_ROWS = (
    'floor: python -c "import typer, rich.console, rich.table, pydantic, yaml"',
    "guarantees --help",
    "guarantees --version",
    "import guarantees.cli (-X importtime total)",
    "compare art5 budapest (shipped models)",
    "compare art5 budapest (shipped + 20)",
    "imports during compare art5 budapest (-X importtime total)",
    "validate 20 models",
    "check-jsonschema 20 models",
)
BUDGETS = (
    "compare / floor",
    "/ with shipped",
    "speed-up over check-jsonschema",
    "validate time per model",
    "peak memory",
    "--help / floor",
    "--version / floor",
)


def test_quick_benchmark_prints_every_row() -> None:
    result = subprocess.run(
        [sys.executable, "benchmarks/run.py", "--quick"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    shown = f"exit {result.returncode}\n--- stdout\n{result.stdout}\n--- stderr\n{result.stderr}"
    assert result.returncode == 0, shown
    lines = result.stdout.splitlines()
    for name in (*QUICK_ROWS, *BUDGETS):
        assert any(line.startswith(name) or name in line for line in lines), f"missing {name!r}\n{shown}"
    assert "wrote" not in result.stdout, shown
