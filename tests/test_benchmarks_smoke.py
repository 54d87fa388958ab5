"""The benchmark script runs end to end on a tiny corpus; it asserts no timings (benchmarks are not tests)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = len(list((ROOT / "models").glob("*.yaml")))
CORPUS = f"20 + {SHIPPED} shipped models"  # --quick: 20 generated models, plus the shipped ones so `art5` resolves
SCALED = f"{CORPUS} (the budget is for 10,000)"
COMMANDS = ("list", "list --where 'binding_force>=legally_binding'", "sources", "compare --against art5")
QUICK_ROWS = (
    "interpreter start-up: python -c pass",
    "imports during start-up (python -X importtime -c pass total)",
    'floor: python -c "import typer, rich.console, rich.table, pydantic, yaml"',
    "reference: a one-command typer app printing a table",
    "guarantees --help",
    "guarantees --version",
    "import guarantees.cli (-X importtime total)",
    "compare art5 budapest (shipped models)",
    "imports during compare art5 budapest (-X importtime total)",
    f"compare art5 budapest ({CORPUS})",
    "search a phrase in 1,000 sources (shipped models)",
    f"validate {CORPUS}",
    *(f"{command} ({CORPUS})" for command in COMMANDS),
    f"check-jsonschema {CORPUS}",
)
BUDGETS = (
    "compare / floor",
    "search 1,000 sources / compare",
    *(f"{command} / validate, {SCALED}" for command in COMMANDS),
    *(f"{command}, {SCALED}: peak memory" for command in COMMANDS),
    f"validate {CORPUS}: speed-up over check-jsonschema",
    "validate time per model",
    f"validate {CORPUS}: peak memory",
    "--help / floor",
    "--version / floor",
)
CONTEXT = (  # rows of the budget table that are not budgets
    "reference typer app / floor",
    "compare / reference typer app",
    f"compare with {CORPUS} / with shipped",
)
PROFILE = (
    "part of compare art5 budapest (shipped models)",
    "interpreter start-up",
    "imports after start-up",
    "the rest: parsing, loading, checking, rendering, exit",
    "cProfile of one in-process `compare art5 budapest` (shipped models), median of 1 run(s)",
    "pydantic (+ pydantic_core",
    "typer (+ its vendored click",
    "guarantees modules together",
    "profiled total",
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
        assert any(line.startswith(name) for line in lines), f"missing {name!r}\n{shown}"
    for name in PROFILE:
        assert any(name in line for line in lines), f"missing {name!r}\n{shown}"
    for name in BUDGETS:  # a budget is judged, never left as context
        line = next(line for line in lines if line.startswith(name))
        assert line.rstrip().endswith(("PASS", "FAIL", "not measured (needs three sizes)")), f"{line!r}\n{shown}"
    for name in CONTEXT:
        line = next((line for line in lines if line.startswith(name)), "")
        assert line.rstrip().endswith("info"), f"{name!r} is not shown as context\n{shown}"
    tables = result.stdout.split(PROFILE[0])[0]  # the rows and budgets (a profiled function may name a cache)
    for word in ("cache", "first run"):  # the tool keeps no cache: no row or budget may suggest one
        assert word not in tables, f"{word!r} in a row or budget\n{shown}"
    assert "wrote" not in result.stdout, shown


def test_a_command_peak_memory_is_its_own_not_the_runner_s() -> None:
    """Linux counts in a forked child's peak RSS what the parent held at the fork; a runner holding 300 MB
    must still measure `python -c pass` at the size of an interpreter (fails if run_once forks the runner)."""
    probe = (
        "import os, sys; sys.path.insert(0, 'benchmarks'); from measure import run_once; from pathlib import Path;"
        "ballast = bytearray(300_000_000); ballast[::4096] = b'x' * len(ballast[::4096]);"
        "small = run_once([sys.executable, '-c', 'pass'], cwd=Path('.'), env=dict(os.environ));"
        "big = run_once([sys.executable, '-c', 'b = bytearray(100_000_000); b[::4096] = b\"x\" * len(b[::4096])'],"
        " cwd=Path('.'), env=dict(os.environ));"
        "print(small.peak_bytes, big.peak_bytes, small.exit_code)"
    )
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    small, big, exit_code = map(int, result.stdout.split())
    assert small < 50_000_000, small  # an interpreter: about 10 MB, never the runner's 300 MB
    assert 100_000_000 < big < 200_000_000, big  # and a command's own memory is counted
    assert exit_code == 0
