"""Run the benchmark suite of issues 6 and 11: print the tables and the budgets; with --write, docs/performance.md.

python3 benchmarks/run.py                  # sizes 100, 1,000, 10,000; 5 runs; 10-15 minutes on 2 cores
python3 benchmarks/run.py --quick          # a tiny corpus, one run: does the script work?
python3 benchmarks/run.py --write          # also write docs/performance.md
python3 benchmarks/run.py --only search,compare   # only these rows (and the budgets they decide); never --write
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import shutil
import sys
import tempfile
from pathlib import Path

from budget import iter_budgets
from corpus import DEFAULT_SEED, write_corpus
from measure import Sample, build_import_profile, parse_importtime, run_once
from method import describe_method
from plan import (
    CHECK_JSONSCHEMA_ALWAYS,
    CHECK_JSONSCHEMA_LIMIT,
    COMPARE_NAMES,
    IMPORT_ROOTS,
    MODELS,
    ROOT,
    SEARCH_SOURCES,
    SLOW_RUNS,
    SLOW_SECONDS,
    Corpora,
    Row,
    build_rows,
    data_args,
)
from profile_compare import build_compare_profile
from report import HEADER, budget_cells, build_cells, render_markdown, render_text, render_text_table, write_atomically
from source_corpus import write_source_corpus

DEFAULT_SIZES = (100, 1000, 10_000)
QUICK_SIZE = 20
OUTPUT = ROOT / "docs" / "performance.md"
# Variables that would change what the CLI prints or where it looks; the measured runs must not depend on the shell.
_UNSET = (
    "GUARANTEES_SEEDS",
    "GUARANTEES_MODELS",
    "FORCE_COLOR",
    "GITHUB_ACTIONS",
    "TTY_COMPATIBLE",
    "PYTHONPROFILEIMPORTTIME",
    # Bytecode is cached as after any install: without this, a shell that sets it makes every run of
    # an editable install compile the tool from source while the floor's libraries load their .pyc files.
    "PYTHONDONTWRITEBYTECODE",
)


class Bench:
    """Where and how the commands of one benchmark run: a scratch directory and a fixed environment."""

    def __init__(self, scratch: Path):
        self.scratch = scratch
        base = {k: v for k, v in os.environ.items() if k not in _UNSET}
        self.env = {**base, "NO_COLOR": "1", "COLUMNS": "100", "TERM": "dumb"}
        self.fresh = 0

    def run(self, argv: list[str]) -> Sample:
        """One run of a command, in a working directory never used before and removed after: nothing carries over."""
        self.fresh += 1
        cwd = self.scratch / f"run-{self.fresh}"
        cwd.mkdir()
        try:
            return run_once(argv, cwd=cwd, env=self.env)
        finally:
            shutil.rmtree(cwd, ignore_errors=True)


def build_corpora(scratch: Path, sizes: list[int], seed: int) -> Corpora:
    """A corpus directory per size; the largest also holds the shipped models (hard links), so `art5` resolves."""
    by_size = {size: scratch / f"corpus-{size}" for size in sizes}
    for size, directory in by_size.items():
        write_corpus(size, directory, seed=seed)
    shipped = sorted(MODELS.glob("*.yaml"))
    for path in shipped:
        target = by_size[max(sizes)] / path.name
        try:
            os.link(path, target)
        except OSError:
            shutil.copyfile(path, target)
    return Corpora(by_size, len(shipped))


def tail(text: str, lines: int = 5) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


def judge(row: Row, sample: Sample) -> None:
    """Keep a sample, or explain why the row failed; a generated corpus that does not validate stops the run."""
    if row.key.startswith("validate-") and sample.exit_code != 0:
        raise SystemExit(
            f"benchmark: the generated corpus of {row.models:,} models does not validate "
            f"(exit {sample.exit_code}):\n{tail(sample.stdout)}\n{tail(sample.stderr)}"
        )
    if row.key.startswith("cjs-"):
        row.note = (
            "" if sample.exit_code == 0 else f"check-jsonschema exit {sample.exit_code}: {tail(sample.stdout, 1)}"
        )
    elif sample.exit_code != 0:
        row.status = f"error: exit {sample.exit_code}: {tail(sample.stderr, 1)}"
        return
    if row.key in IMPORT_ROOTS:
        sample = dataclasses.replace(sample, seconds=parse_importtime(sample.stderr, IMPORT_ROOTS[row.key])[0])
    row.timings.samples.append(sample)


def plan_check_jsonschema(row: Row, rows: dict[str, Row]) -> None:
    """Skip a large check-jsonschema row when the smaller ones predict it would take too long."""
    smaller = [r for r in rows.values() if r.key.startswith("cjs-") and r.measured and r.models < row.models]
    if int(row.key.removeprefix("cjs-")) <= CHECK_JSONSCHEMA_ALWAYS or not smaller:  # by corpus size, not files
        return
    base = max(smaller, key=lambda r: r.models)
    estimate = base.timings.seconds[0] * row.models / base.models
    if estimate > CHECK_JSONSCHEMA_LIMIT:
        row.status = f"skipped: estimated {estimate:.0f} s > {CHECK_JSONSCHEMA_LIMIT:.0f} s"
    row.runs = 1  # no budget reads it (the speed-up is judged at 1,000): one run keeps the suite short


def run_rows(bench: Bench, rows: list[Row], *, warm_up: bool) -> None:
    """Round-robin over the rows, so drift on the machine affects every row alike."""
    by_key = {row.key: row for row in rows}
    if warm_up:  # compile bytecode and fill the page cache, untimed
        for row in rows:
            if row.warm_up and not row.status:
                bench.run(row.warm_up)
    for round_ in range(max(row.runs for row in rows)):
        for row in rows:
            if round_ == 0 and row.key.startswith("cjs-"):
                plan_check_jsonschema(row, by_key)
            if row.status or round_ >= row.runs:
                continue
            print(f"  run {round_ + 1}/{row.runs}: {row.name}", file=sys.stderr, flush=True)
            judge(row, bench.run(row.argv))
            if round_ == 0 and row.measured and row.timings.seconds[0] > SLOW_SECONDS:
                row.runs = min(row.runs, SLOW_RUNS)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="Timed runs per row (default 5).")
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)), help="Corpus sizes, comma-separated.")
    parser.add_argument("--quick", action="store_true", help=f"A {QUICK_SIZE}-model corpus, one run, no warm-up.")
    parser.add_argument("--write", action="store_true", help=f"Write {OUTPUT.relative_to(ROOT)}.")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="Seed of the corpus generator.")
    parser.add_argument("--keep", action="store_true", help="Keep the scratch directory (corpora) and print its path.")
    parser.add_argument("--only", default="", metavar="KEY,...", help="Run only these rows (e.g. search,compare).")
    args = parser.parse_args(argv)
    args.only = {key for key in args.only.split(",") if key}
    if args.only and args.write:
        parser.error("--only measures part of the suite; docs/performance.md is written from a full run only")
    fast_keys = {"startup", "startup-imports", "floor", "typer-app", "help", "version", "import", "compare", "search"}
    if args.only and args.only <= fast_keys:
        args.sizes = str(QUICK_SIZE)  # no selected row reads a generated model corpus: do not build 10,000 files
    args.sizes = [QUICK_SIZE] if args.quick else sorted({int(s.replace("_", "")) for s in args.sizes.split(",") if s})
    args.runs = 1 if args.quick else args.runs
    if args.runs < 1 or not args.sizes or min(args.sizes) < 1:
        parser.error("--runs and every size must be at least 1")
    return args


def reproduce_command(args: argparse.Namespace) -> str:
    if args.quick:
        return ".venv/bin/python benchmarks/run.py --quick --write"
    seed = f" --seed {args.seed}" if args.seed != DEFAULT_SEED else ""
    return (
        f".venv/bin/python benchmarks/run.py --runs {args.runs} --sizes {','.join(map(str, args.sizes))}{seed} --write"
    )


def run_only(bench: Bench, rows: list[Row], args: argparse.Namespace) -> int:
    """The rows named by --only, and the budgets they are enough to judge."""
    chosen = [row for row in rows if row.key in args.only]
    unknown = args.only - {row.key for row in chosen}
    if unknown:
        raise SystemExit(f"benchmark: no row {', '.join(sorted(unknown))}; rows: {', '.join(r.key for r in rows)}")
    run_rows(bench, chosen, warm_up=not args.quick)
    budgets = [b for b in iter_budgets({row.key: row for row in chosen}) if not b.verdict.startswith("not measured")]
    print(render_text_table(HEADER, [build_cells(row) for row in chosen]))
    print(render_text_table(*budget_cells(budgets)))
    return 1 if any(row.status.startswith("error") for row in chosen) else 0


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    scratch = Path(tempfile.mkdtemp(prefix="guarantees-bench-"))
    load_start = os.getloadavg()[0]
    try:
        print(f"generating corpora of {', '.join(f'{n:,}' for n in args.sizes)} models", file=sys.stderr, flush=True)
        corpora = build_corpora(scratch, args.sizes, args.seed)
        bench = Bench(scratch)
        rows = build_rows(corpora, args.runs, write_source_corpus(SEARCH_SOURCES, scratch / "sources"))
        if args.only:
            return run_only(bench, rows, args)
        run_rows(bench, rows, warm_up=not args.quick)
        print(f"  profiling compare in process, {args.runs} run(s)", file=sys.stderr, flush=True)
        compare_profile = build_compare_profile(
            lambda command: bench.run(command).exit_code,
            ["compare", *COMPARE_NAMES, *data_args(MODELS)],
            args.runs,
            scratch,
        )
        by_key = {row.key: row for row in rows}
        budgets = list(iter_budgets(by_key))
        profiles = {
            by_key[key].name: build_import_profile([s.stderr for s in by_key[key].timings.samples], root)
            for key, root in IMPORT_ROOTS.items()
            if by_key[key].measured
        }
        print(render_text(rows, budgets, profiles, compare_profile))
        if args.write:
            method = describe_method(corpora, args, (load_start, os.getloadavg()[0]))
            text = render_markdown(
                rows, budgets, profiles, compare_profile, method=method, command=reproduce_command(args)
            )
            write_atomically(OUTPUT, text)
            print(f"wrote {OUTPUT.relative_to(ROOT)}")
        failed = any(row.status.startswith("error") for row in rows) or bool(compare_profile.error)
        return 1 if failed else 0
    finally:
        if args.keep:
            print(f"kept {scratch}", file=sys.stderr)
        else:
            shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
