"""Where one in-process `guarantees compare art5 budapest` spends its time: cProfile self time by package.

The benchmark runs `profile_child.py` as a child process several times, each in a fresh working directory;
the child runs the entry point (`guarantees.entry`, short of its final os._exit) under cProfile and dumps the
stats. Self time is the time spent in a function's own code, not in the functions it calls; a C function
(a built-in such as pydantic_core's validator or `marshal.loads`) has no package of its own, so its self
time is counted in the package of the Python function that called it (split by the time under each caller).
cProfile slows Python code more than C code, so the shares are approximate.
"""

from __future__ import annotations

import marshal
import re
import statistics
import sys
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

# Top-level packages summed into one group; a guarantees module, and a stdlib module, is a group of its own.
GROUPS = (
    ("typer (+ its vendored click, shellingham, annotated_doc)", ("typer", "click", "shellingham", "annotated_doc")),
    (
        "pydantic (+ pydantic_core, annotated_types, typing_extensions, typing_inspection)",
        ("pydantic", "pydantic_core", "annotated_types", "typing_extensions", "typing_inspection"),
    ),
    ("rich (+ markdown_it, mdurl, pygments)", ("rich", "markdown_it", "mdurl", "pygments")),
    ("yaml", ("yaml", "_yaml")),
    ("importlib (the import machinery, importlib.metadata)", ("importlib", "zipimport")),
)
STDLIB = "stdlib: "
CHILD = Path(__file__).with_name("profile_child.py")
TOP_FUNCTIONS = 12


def find_group(module: str) -> str:
    top = module.split(".")[0]
    if top == "guarantees":
        return module
    if module == "__main__":
        return "benchmark harness (profile_compare.py)"
    for group, packages in GROUPS:
        if top in packages:
            return group
    return STDLIB + top if top in sys.stdlib_module_names else "other"


def find_module(filename: str, modules: dict[str, str]) -> str:
    """The module a code object's file belongs to; frozen modules are named `<frozen NAME>`."""
    if filename.startswith("<frozen "):
        return filename.removeprefix("<frozen ").removesuffix(">")
    return modules.get(filename, "?")


ROUNDS = 200  # at most this many steps up the call graph (a chain of stdlib and built-in calls is far shorter)


def split_time(stats: dict, modules: dict[str, str], *, through_stdlib: bool) -> dict[str, float]:
    """Each group's time in seconds: its functions' self time, plus the self time of the built-ins they call and,
    `through_stdlib`, of the stdlib functions they call (the import machinery keeps its own).

    A function whose time passes on is split over its callers by the time it spent under each. cProfile keeps
    caller → callee edges, not whole stacks, so above the first caller the split follows each edge's share of
    the caller's cumulative time: the fraction that reaches each group is solved for over the whole call graph
    (a function's calls to itself left out), as absorption in a Markov chain over callers.
    """
    groups_of: dict[tuple, str | None] = {}

    def own_group(func: tuple) -> str | None:
        if func not in groups_of:
            group = None if func[0] == "~" else find_group(find_module(func[0], modules))  # "~": a built-in
            groups_of[func] = None if group is None or (through_stdlib and group.startswith(STDLIB)) else group
        return groups_of[func]

    def up(func: tuple, index: int) -> dict[tuple, float]:
        """func's callers, weighted by edge field `index` (calls, primitive calls, self, cumulative); sum 1."""
        edges = {c: edge for c, edge in stats[func][4].items() if c != func}
        weights = {c: edge[index] for c, edge in edges.items()}
        if not sum(weights.values()):
            weights = {c: edge[0] for c, edge in edges.items()}  # none measurable: by call count
        total = sum(weights.values())
        return {c: w / total for c, w in weights.items() if w}

    passing = [func for func in stats if own_group(func) is None]
    callers = {func: up(func, 3) for func in passing}
    reached: dict[tuple, dict[str, float]] = {func: {} for func in passing}

    def spread(weights: dict[tuple, float]) -> dict[str, float]:
        result: defaultdict[str, float] = defaultdict(float)
        for caller, weight in weights.items():
            group = own_group(caller)
            for name, fraction in ({group: 1.0} if group else reached[caller]).items():
                result[name] += weight * fraction
        return result

    for _ in range(ROUNDS):
        previous = sum(sum(d.values()) for d in reached.values())
        reached = {func: spread(callers[func]) for func in passing}
        if sum(sum(d.values()) for d in reached.values()) - previous < 1e-9:
            break
    totals: defaultdict[str, float] = defaultdict(float)
    for func, (_, _, self_time, _, _) in stats.items():
        group = own_group(func)
        fractions = {group: 1.0} if group else spread(up(func, 2))
        mass = sum(fractions.values())
        if not mass:  # no caller outside a closed cycle: the time stays where it is
            fractions, mass = {"unattributed" if func[0] == "~" else find_group(find_module(func[0], modules)): 1}, 1
        for name, fraction in fractions.items():
            totals[name] += self_time * fraction / mass
    return dict(totals)


def describe_function(func: tuple, modules: dict[str, str]) -> str:
    """module:line(name), or a built-in's name without its address (which changes from run to run)."""
    filename, line, name = func
    return (
        re.sub(r" at 0x[0-9a-f]+", "", name) if filename == "~" else f"{find_module(filename, modules)}:{line}({name})"
    )


def summarise(path: Path) -> dict:
    """One child's dump: exit code, seconds, the profiled total, time by group both ways, the top functions."""
    with path.open("rb") as stream:
        exit_code, seconds, stats, modules = marshal.load(stream)
    by_function = sorted(stats.items(), key=lambda item: -item[1][2])[: TOP_FUNCTIONS * 3]
    return {
        "exit_code": exit_code,
        "seconds": seconds,
        "total": sum(value[2] for value in stats.values()),
        "own": split_time(stats, modules, through_stdlib=False),
        "calls": split_time(stats, modules, through_stdlib=True),
        "functions": {describe_function(func, modules): value[2] for func, value in by_function},
    }


@dataclass(frozen=True)
class CompareProfile:
    """Medians over the profiled runs, in seconds; `error` says why there are none."""

    runs: int = 0
    seconds: float = 0.0  # the in-process run under the profiler, from import to exit
    total: float = 0.0  # the sum of every function's self time
    own: dict[str, float] = field(default_factory=dict)  # by group: self time and the built-ins it calls
    calls: dict[str, float] = field(default_factory=dict)  # by group: also the stdlib functions it calls
    functions: dict[str, float] = field(default_factory=dict)
    error: str = ""


def _medians(summaries: list[dict], key: str) -> dict[str, float]:
    """Per name, the median over runs (a name missing from a run counts as 0 there)."""
    names = {name for summary in summaries for name in summary[key]}
    medians = {name: statistics.median(s[key].get(name, 0.0) for s in summaries) for name in names}
    return dict(sorted(medians.items(), key=lambda item: -item[1]))


def build_compare_profile(run: Callable[[list[str]], int], argv: list[str], runs: int, scratch: Path) -> CompareProfile:
    """Profile `guarantees ARGV` RUNS times; `run` runs a command in a fresh directory and returns its exit code."""
    summaries = []
    for index in range(runs):
        output = scratch / f"profile-{index}.marshal"
        exit_code = run([sys.executable, "-P", str(CHILD), str(output), "--", *argv])
        if exit_code != 0 or not output.is_file():
            return CompareProfile(error=f"error: the profiled run exited {exit_code}")
        summaries.append(summarise(output))
    return CompareProfile(
        runs=runs,
        seconds=statistics.median(s["seconds"] for s in summaries),
        total=statistics.median(s["total"] for s in summaries),
        own=_medians(summaries, "own"),
        calls=_medians(summaries, "calls"),
        functions=dict(list(_medians(summaries, "functions").items())[:TOP_FUNCTIONS]),
    )
