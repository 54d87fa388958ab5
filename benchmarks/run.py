"""Run the benchmark suite of issue 6: print the table and the budgets; with --write, docs/performance.md.

python3 benchmarks/run.py                  # sizes 100, 1,000, 10,000; 5 runs; about 5 minutes on 2 cores
python3 benchmarks/run.py --quick          # a tiny corpus, one run: does the script work?
python3 benchmarks/run.py --write          # also write docs/performance.md
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
from plan import FAST_ROW_FACTOR, IMPORT_ROOTS, MODELS, ROOT, Row, build_rows, find_executable
from report import render_markdown, render_text, write_atomically

DEFAULT_SIZES = (100, 1000, 10_000)
QUICK_SIZE = 20
SLOW_SECONDS = 20.0  # a row whose first run takes longer is run only SLOW_RUNS times
SLOW_RUNS = 3
CHECK_JSONSCHEMA_ALWAYS = 1000  # larger check-jsonschema rows run only when estimated under CHECK_JSONSCHEMA_LIMIT
CHECK_JSONSCHEMA_LIMIT = 120.0
OUTPUT = ROOT / "docs" / "performance.md"
# Variables that would change what the CLI prints or where it looks; the measured runs must not depend on the shell.
_UNSET = (
    "GUARANTEES_SEEDS",
    "GUARANTEES_MODELS",
    "FORCE_COLOR",
    "GITHUB_ACTIONS",
    "TTY_COMPATIBLE",
    "PYTHONPROFILEIMPORTTIME",
    "GUARANTEES_CACHE_DIR",  # the cache lives under the run's own XDG_CACHE_HOME
    "GUARANTEES_NO_CACHE",
    # Bytecode is cached as after any install: without this, a shell that sets it makes every run of
    # an editable install compile the tool from source while the floor's libraries load their .pyc files.
    "PYTHONDONTWRITEBYTECODE",
)


class Bench:
    """Where and how the commands of one benchmark run: a scratch directory and a fixed environment."""

    def __init__(self, scratch: Path):
        self.scratch = scratch
        self.workdir = scratch / "work"  # where the warm rows run, so a cache they write persists between runs
        self.workdir.mkdir()
        base = {k: v for k, v in os.environ.items() if k not in _UNSET}
        self.env = {**base, "NO_COLOR": "1", "COLUMNS": "100", "TERM": "dumb", "XDG_CACHE_HOME": str(scratch / "cache")}
        self.fresh = 0

    def measure(self, row: Row) -> Sample:
        """One run of a row; a cold row gets a working directory and a cache directory never used before."""
        cwd, env = self.workdir, self.env
        if row.cold:
            self.fresh += 1
            cwd = self.scratch / f"cold-{self.fresh}"
            cwd.mkdir()
            env = {**env, "XDG_CACHE_HOME": str(cwd / ".cache")}
        try:
            return run_once(row.argv, cwd=cwd, env=env)
        finally:
            if row.cold:
                shutil.rmtree(cwd, ignore_errors=True)


def build_corpora(scratch: Path, sizes: list[int], seed: int) -> tuple[dict[int, Path], Path]:
    """A corpus directory per size, and one holding the shipped models next to the largest corpus (hard links)."""
    corpora = {size: scratch / f"corpus-{size}" for size in sizes}
    for size, directory in corpora.items():
        write_corpus(size, directory, seed=seed)
    compare_dir = scratch / f"compare-{max(sizes)}"
    compare_dir.mkdir()
    for path in [*sorted(corpora[max(sizes)].glob("*.yaml")), *sorted(MODELS.glob("*.yaml"))]:
        try:
            os.link(path, compare_dir / path.name)
        except OSError:
            shutil.copyfile(path, compare_dir / path.name)
    return corpora, compare_dir


def has_compare(bench: Bench) -> bool:
    """Whether this checkout's CLI has a `compare` command yet."""
    return bench.measure(Row("probe", "probe", [find_executable("guarantees"), "compare", "--help"], 1)).exit_code == 0


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
    if row.models <= CHECK_JSONSCHEMA_ALWAYS or not smaller:
        return
    base = max(smaller, key=lambda r: r.models)
    estimate = base.timings.seconds[0] * row.models / base.models
    if estimate > CHECK_JSONSCHEMA_LIMIT:
        row.status = f"skipped: estimated {estimate:.0f} s > {CHECK_JSONSCHEMA_LIMIT:.0f} s"


def run_rows(bench: Bench, rows: list[Row], *, warm_up: bool) -> None:
    """Round-robin over the rows, so drift on the machine affects every row alike."""
    by_key = {row.key: row for row in rows}
    if warm_up:  # compile bytecode and fill the page cache: the smallest of each kind of command, untimed
        smallest = min(row.models for row in rows if row.models)
        for row in rows:
            if row.models in (None, smallest) and not row.status:
                bench.measure(row)
    for round_ in range(max(row.runs for row in rows)):
        for row in rows:
            if round_ == 0 and row.key.startswith("cjs-"):
                plan_check_jsonschema(row, by_key)
            if row.status or round_ >= row.runs:
                continue
            print(f"  run {round_ + 1}/{row.runs}: {row.name}", file=sys.stderr, flush=True)
            judge(row, bench.measure(row))
            if round_ == 0 and row.measured and row.timings.seconds[0] > SLOW_SECONDS:
                row.runs = min(row.runs, SLOW_RUNS)


def describe_method(rows: list[Row], args: argparse.Namespace, load: tuple[float, float]) -> list[str]:
    largest = max(r.models or 0 for r in rows)
    warm_up = "with no warm-up (--quick)" if args.quick else "after one untimed warm-up of each kind of command"
    return [
        f"Each validate and check-jsonschema row runs its command as a subprocess {args.runs} time(s), every"
        f" other (sub-second) row {args.runs * FAST_ROW_FACTOR} times (a row whose first run takes over"
        f" {SLOW_SECONDS:g} s: at most {SLOW_RUNS}), {warm_up}, round-robin over the rows so drift on the machine"
        " affects them alike; the table gives the median, min and max wall time.",
        f"Load average (1 min) {load[0]:.2f} at the start, {load[1]:.2f} at the end: the budgets are ratios of rows"
        " measured in the same run, so a busy machine slows both sides.",
        "Peak MB is the largest resident set of the command's own process over its runs (`wait4`), in 10^6 bytes.",
        "`validate`, `check-jsonschema` and first-run `compare` rows are cold: every run starts in a new working"
        " directory with a new `XDG_CACHE_HOME`, so an on-disk cache there cannot carry over. The other rows are"
        " warm: they share one working directory and cache directory, as an interactive user's shell would; a warm"
        " `compare` prints the view cached by the warm-up run (`guarantees.render.cached`: keyed by the options and"
        " the terminal, valid only for the same bytes of the chosen models, the seeds, the tool's code and the"
        " libraries), the first-run row loads, checks and renders both models every time.",
        "`PYTHONDONTWRITEBYTECODE` is unset for every command, so the tool's bytecode is cached as after an install,"
        " like the floor's libraries.",
        f"Corpora: `benchmarks/corpus.py` (seed {args.seed}) renames the shipped models (new ids, aliases and names;"
        " every citation kept as written, so each quote is resolved against the seeds); every generated corpus"
        " must pass `guarantees validate` with exit 0.",
        f"`compare` with the corpus reads a models directory holding the shipped models and the {largest:,}-model"
        " corpus, so `art5` and `budapest` still resolve.",
        "The import rows run under `python -X importtime`: `import guarantees.cli` reports the cumulative time of"
        " `guarantees.cli`; `compare` reports the sum of every import's own time, interpreter start-up included.",
        f"check-jsonschema is run on the same files; above {CHECK_JSONSCHEMA_ALWAYS:,} models only when estimated"
        f" (linearly, from the largest smaller size) under {CHECK_JSONSCHEMA_LIMIT:g} s.",
        "Commands are the environment's own console scripts, not pyenv shims, with `NO_COLOR=1` and stdout to a file.",
    ]


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="Timed runs per row (default 5).")
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)), help="Corpus sizes, comma-separated.")
    parser.add_argument("--quick", action="store_true", help=f"A {QUICK_SIZE}-model corpus, one run, no warm-up.")
    parser.add_argument("--write", action="store_true", help=f"Write {OUTPUT.relative_to(ROOT)}.")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="Seed of the corpus generator.")
    parser.add_argument("--keep", action="store_true", help="Keep the scratch directory (corpora) and print its path.")
    args = parser.parse_args(argv)
    args.sizes = [QUICK_SIZE] if args.quick else sorted({int(s.replace("_", "")) for s in args.sizes.split(",") if s})
    args.runs = 1 if args.quick else args.runs
    if args.runs < 1 or not args.sizes or min(args.sizes) < 1:
        parser.error("--runs and every size must be at least 1")
    return args


def reproduce_command(args: argparse.Namespace) -> str:
    if args.quick:
        return "python3 benchmarks/run.py --quick --write"
    seed = f" --seed {args.seed}" if args.seed != DEFAULT_SEED else ""
    return f"python3 benchmarks/run.py --runs {args.runs} --sizes {','.join(map(str, args.sizes))}{seed} --write"


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    scratch = Path(tempfile.mkdtemp(prefix="guarantees-bench-"))
    load_start = os.getloadavg()[0]
    try:
        print(f"generating corpora of {', '.join(f'{n:,}' for n in args.sizes)} models", file=sys.stderr, flush=True)
        corpora, compare_dir = build_corpora(scratch, args.sizes, args.seed)
        bench = Bench(scratch)
        rows = build_rows(corpora, compare_dir, args.runs)
        if not has_compare(bench):
            for row in rows:
                if row.key.startswith("compare"):
                    row.status = "not available (no `compare` command yet)"
        run_rows(bench, rows, warm_up=not args.quick)
        by_key = {row.key: row for row in rows}
        budgets = list(iter_budgets(by_key))
        profiles = {
            by_key[key].name: build_import_profile([s.stderr for s in by_key[key].timings.samples], root)
            for key, root in IMPORT_ROOTS.items()
            if by_key[key].measured
        }
        print(render_text(rows, budgets, profiles))
        if args.write:
            text = render_markdown(
                rows,
                budgets,
                profiles,
                method=describe_method(rows, args, (load_start, os.getloadavg()[0])),
                command=reproduce_command(args),
            )
            write_atomically(OUTPUT, text)
            print(f"wrote {OUTPUT.relative_to(ROOT)}")
        return 1 if any(row.status.startswith("error") for row in rows) else 0
    finally:
        if args.keep:
            print(f"kept {scratch}", file=sys.stderr)
        else:
            shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
