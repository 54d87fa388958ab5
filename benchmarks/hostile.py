"""Measure time and peak memory of `guarantees validate` on each hostile file, one fresh process each.

    python3 benchmarks/hostile.py            # a Markdown table for docs/reference/limits.md
    python3 benchmarks/hostile.py --runs 5   # the worst of five runs per file

The files are the heavy cases of tests/hostile/hostile_corpus.py (50 MB, 50,000 levels, an alias
bomb, binary junk), the worst cases that fit under the size and value-count bounds (a file of nothing
but unfound quotes, of short ambiguous quotes, of invalid values, of unknown keys), every light case of the
corpus, and a clean shipped model as the baseline.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASELINE = ROOT / "models" / "nato-article-5.yaml"
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "hostile")]

from hostile_corpus import CASES, HEAVY  # noqa: E402
from measure import run_once  # noqa: E402

from guarantees.loader import MAX_BYTES, MAX_NODES  # noqa: E402
from samples import MINI  # noqa: E402

CITE_AT = (
    '        cite:\n          - source: defense-news-2025-08-16\n            quote: "if Russia violates peace terms"\n'
)


def fill(unit: Callable[[int], str], nodes: int, head: str = "", tail: str = "") -> bytes:
    """`head`, then as many `unit(i)` (of `nodes` keys and values each) as fit under both bounds, then `tail`."""
    parts, size, i = [head], len((head + tail).encode()), 0
    while size + len(unit(i).encode()) < MAX_BYTES and (i + 1) * nodes < MAX_NODES - 200:
        parts.append(unit(i))
        size += len(unit(i).encode())
        i += 1
    return ("".join(parts) + tail).encode()


def cited(unit: Callable[[int], str]) -> bytes:
    head, _, tail = MINI.partition(CITE_AT)
    return fill(unit, 5, head + "        cite:\n", tail)


def worst_cases() -> dict[str, Callable[[], bytes]]:
    words = (ROOT / "seeds" / "2025-12-20-vnexpress-skepticism-grows.txt").read_text(encoding="utf-8").split()
    return {
        "cap: unfound 1000-character quotes": lambda: cited(
            lambda i: (
                "          - source: vnexpress-2025-12-20\n"
                f'            quote: "{" ".join(words[i % 50 :])[:990]}x{i}"\n'
            )
        ),
        "cap: unfound 3-character quotes": lambda: cited(
            lambda i: f'          - {{source: vnexpress-2025-12-20, quote: "q{i % 1000:03}"}}\n'
        ),
        "cap: ambiguous 3-character quotes": lambda: cited(
            lambda i: '          - {source: vnexpress-2025-12-20, quote: "the"}\n'
        ),
        "cap: invalid party codes and roles": lambda: fill(
            lambda i: f"  - {{code: X{i % 100}, role: guarant{i % 10}, cite: [{{source: x, quote: abc}}]}}\n",
            12,
            MINI.partition("parties:\n")[0] + "parties:\n",
            "dimensions: {}\n",
        ),
        "cap: unknown keys": lambda: fill(lambda i: f"k{i}: {i}\n", 2, MINI),
        "cap: one long value": lambda: (MINI + "notes: '" + "x" * (MAX_BYTES - len(MINI) - 20) + "'\n").encode(),
        "cap: nesting 64 levels, repeated": lambda: fill(lambda i: f"k{i}: " + "[" * 62 + "]" * 62 + "\n", 63),
        "over: 80,000 empty lists": lambda: ("k: [" + "[]," * 80_000 + "]\n").encode(),
    }


def measure(path: Path) -> tuple[float, float, int]:
    """Seconds, peak resident MiB, exit code of one `python -m guarantees validate FILE`."""
    command = [sys.executable, "-m", "guarantees", "validate", "--seeds", str(ROOT / "seeds"), str(path)]
    sample = run_once(command, cwd=ROOT, env=dict(os.environ))
    return sample.seconds, sample.peak_bytes / 2**20, sample.exit_code


def all_files() -> dict[str, tuple[str, Callable[[], bytes]]]:
    """Label → (file name, builder) for every file measured."""
    files = {"baseline: models/nato-article-5.yaml, clean": (BASELINE.name, BASELINE.read_bytes)}
    files |= {f"heavy: {case.name}": ("mini.yaml", case.build) for case in HEAVY}
    files |= {label: ("mini.yaml", build) for label, build in worst_cases().items()}
    files |= {f"light: {case.name}": ("mini.yaml", lambda content=case.content: content) for case in CASES}
    return files


def write_all(directory: Path) -> None:
    """Phase one, in its own process: a process that built 50 MB would pass that peak on to every child."""
    for number, (name, build) in enumerate(all_files().values()):
        (directory / f"{number:03}").mkdir()
        (directory / f"{number:03}" / name).write_bytes(build())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per file; the slowest is reported")
    parser.add_argument("--write", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.write:
        write_all(args.write)
        return
    print(
        "| file | size (bytes) | exit | time (s, worst) | peak RSS (MiB, worst) |\n| --- | ---: | ---: | ---: | ---: |"
    )
    with tempfile.TemporaryDirectory() as scratch:
        subprocess.run([sys.executable, __file__, "--write", scratch], check=True)
        for number, (label, (name, _)) in enumerate(all_files().items()):
            path = Path(scratch) / f"{number:03}" / name
            runs = [measure(path) for _ in range(args.runs)]
            seconds, mib = max(r[0] for r in runs), max(r[1] for r in runs)
            print(f"| {label} | {path.stat().st_size:,} | {runs[0][2]} | {seconds:.2f} | {mib:.0f} |", flush=True)


if __name__ == "__main__":
    main()
