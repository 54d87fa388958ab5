"""The method section of docs/performance.md: exactly what the rows measure, and how."""

from __future__ import annotations

import argparse

from plan import (
    BASELINE,
    CHECK_JSONSCHEMA_ALWAYS,
    CHECK_JSONSCHEMA_LIMIT,
    COMPARE_NAMES,
    FAST_ROW_FACTOR,
    SEARCH_SOURCES,
    SLOW_RUNS,
    SLOW_SECONDS,
    Corpora,
)


def describe_runs(args: argparse.Namespace) -> list[str]:
    warm_up = (
        "with no warm-up (--quick)"
        if args.quick
        else "after one untimed warm-up of each kind of command (the commands that read the largest corpus are"
        " warmed up on the shipped models)"
    )
    return [
        f"Each row runs its command as a subprocess: the rows that read a corpus {args.runs} time(s), every other"
        f" (sub-second) row {args.runs * FAST_ROW_FACTOR} times (a row whose first run takes over {SLOW_SECONDS:g} s:"
        f" at most {SLOW_RUNS}), {warm_up}, round-robin over the rows so drift on the machine affects them alike;"
        " the table gives the median, min and max wall time.",
        "Peak MB is the largest resident set of the command's own process over its runs, in 10^6 bytes: `wait4`"
        " on a process started by a small launcher (`benchmarks/launch.py`), because Linux counts in a child's peak"
        " the memory of the process it was forked from, and this runner holds megabytes of corpora; the launcher"
        " also takes the wall time, so its own start-up is not counted.",
        "Nothing is cached between runs: the tool keeps no cache on disk (no rendered views, no checked selections,"
        " no alias index), so every run reads, checks and renders from the files. Every run of every row starts in"
        " a new, empty working directory, removed afterwards, so nothing a run leaves there can carry over.",
        "`PYTHONDONTWRITEBYTECODE` is unset for every command, so the tool's bytecode is cached by Python as after"
        " an install, like the floor's libraries.",
        "Commands are the environment's own console scripts, not pyenv shims, with `NO_COLOR=1`, `COLUMNS=100`,"
        " `TERM=dumb`, and stdout and stderr to files, so no terminal slows the commands that print a line or more"
        " per model.",
    ]


def describe_corpora(corpora: Corpora, args: argparse.Namespace) -> list[str]:
    largest, names = f"{corpora.largest:,}", " ".join(COMPARE_NAMES)
    search = (
        f"`search` reads a seeds directory of {SEARCH_SOURCES:,} sources made by `benchmarks/source_corpus.py` (the"
        " five shipped articles and copies of them, each with a line of its own, about 8 MB), looking for a phrase"
        " only the last one holds, so every source is read, hashed and searched; the models are the shipped ones."
    )
    return [
        f"Corpora: `benchmarks/corpus.py` (seed {args.seed}) renames the shipped models (new ids, aliases and names;"
        " every citation kept as written, so each quote is resolved against the seeds); every generated corpus"
        " must pass `guarantees validate` with exit 0.",
        f"The {largest}-model directory also holds the {corpora.shipped} shipped models, so `{BASELINE}` and"
        f" `budapest` resolve; every row at that size reads it: `validate`, `list`, `list --where`, `sources`,"
        f" `compare --against {BASELINE}` and `compare {names}`. `list`, `sources` and `compare --against` each"
        " have two budgets: their median time over that of `validate` of the same directory in the same run, and"
        " their peak memory.",
        f"`compare {names}` with the {largest} models present is context, not a budget: a name lookup reads the"
        " alias lines of every model file on every run (no index is kept between runs), so that a name two files"
        " claim is caught; that read grows with the directory.",
        f"check-jsonschema is run on the same files; above {CHECK_JSONSCHEMA_ALWAYS:,} models only when estimated"
        f" (linearly, from the largest smaller size) under {CHECK_JSONSCHEMA_LIMIT:g} s, and then once: no budget"
        " reads it.",
        search,
    ]


def describe_profiles(args: argparse.Namespace) -> list[str]:
    names = " ".join(COMPARE_NAMES)
    return [
        "The import rows run under `python -X importtime`: `import guarantees.cli` reports the cumulative time of"
        f" `guarantees.cli`; start-up (`-c pass`) and `compare {names}` report the sum of every import's own time,"
        " the imports of start-up itself (`site`, `encodings`, the environment's `.pth` files) included.",
        f"Where the time of compare goes: the wall-time split takes the medians of five rows (`compare {names}`"
        " with the shipped models, interpreter start-up, the two import sums, and the floor); the imports after"
        " start-up are the compare sum less the start-up sum, measured under `-X importtime`, which adds a little"
        " time of its own. The cProfile split runs `benchmarks/profile_compare.py`, which calls the CLI's `main()`"
        f" in one process under cProfile, {args.runs} time(s), each in a fresh working directory, and gives the"
        " median of each group and function.",
    ]


def describe_method(corpora: Corpora, args: argparse.Namespace, load: tuple[float, float]) -> list[str]:
    return [
        *describe_runs(args),
        f"Load average (1 min) {load[0]:.2f} at the start, {load[1]:.2f} at the end: the budgets are ratios of rows"
        " measured in the same run, so a busy machine slows both sides.",
        *describe_corpora(corpora, args),
        *describe_profiles(args),
    ]
