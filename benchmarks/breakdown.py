"""Where the time of compare goes: its wall time split by the rows, and its in-process profile by package."""

from __future__ import annotations

from plan import Row
from profile_compare import CompareProfile

Table = tuple[tuple[str, ...], list[tuple[str, ...]]]


def build_time_split(rows: list[Row]) -> Table:
    """compare's wall time as start-up, imports after start-up, and the rest, from the medians of five rows."""
    by_key = {row.key: row for row in rows if row.measured}
    header = ("part of compare art5 budapest (shipped models)", "ms", "share", "measured as")
    if not {"compare", "startup", "compare-imports", "startup-imports", "floor"} <= by_key.keys():
        return header, [("not measured", "—", "—", "")]
    whole, startup = by_key["compare"].timings.median, by_key["startup"].timings.median
    floor = by_key["floor"].timings.median
    imports = by_key["compare-imports"].timings.median - by_key["startup-imports"].timings.median
    parts = [
        ("the whole process", whole, f"the median of `{by_key['compare'].name}`"),
        ("interpreter start-up", startup, f"the median of `{by_key['startup'].name}`"),
        (
            "imports after start-up",
            imports,
            "`-X importtime` sums of self times: imports during compare less imports during start-up",
        ),
        (
            "the rest: parsing, loading, checking, rendering, exit",
            whole - startup - imports,
            "the whole less the above",
        ),
        ("(for comparison: the floor less start-up)", floor - startup, "the stack's imports alone, without importtime"),
    ]
    return header, [(name, f"{s * 1e3:.0f}", f"{s / whole:.0%}", how) for name, s, how in parts]


SHOWN_SHARE = 0.01  # a group under this share of the profiled total in both columns is summed with the rest


def build_package_split(profile: CompareProfile) -> Table:
    """The in-process profile by group: self time, and self time with the stdlib functions each group calls."""
    header = ("group", "own ms", "share", "with the stdlib it calls, ms", "share")
    if profile.error or not profile.runs:
        return header, [(profile.error or "not measured", "—", "—", "—", "—")]
    names = sorted({*profile.own, *profile.calls}, key=lambda n: -max(profile.own.get(n, 0), profile.calls.get(n, 0)))
    shown = [n for n in names if max(profile.own.get(n, 0), profile.calls.get(n, 0)) >= SHOWN_SHARE * profile.total]

    def cells(name: str, own: float, calls: float) -> tuple[str, ...]:
        total = profile.total
        return (name, f"{own * 1e3:.1f}", f"{own / total:.0%}", f"{calls * 1e3:.1f}", f"{calls / total:.0%}")

    def summed(names: list[str]) -> tuple[float, float]:
        return sum(profile.own.get(n, 0) for n in names), sum(profile.calls.get(n, 0) for n in names)

    rest = [n for n in names if n not in shown]
    ours = [n for n in names if n.startswith("guarantees")]
    lines = [cells(n, profile.own.get(n, 0), profile.calls.get(n, 0)) for n in shown]
    lines.append(cells(f"{len(rest)} other groups, each under {SHOWN_SHARE:.0%} in both columns", *summed(rest)))
    lines.append(cells(f"(all {len(ours)} guarantees modules together)", *summed(ours)))
    lines.append(cells("profiled total", profile.total, profile.total))
    return header, lines


def build_function_split(profile: CompareProfile, *, markdown: bool = False) -> Table:
    """The functions with the most own time; in Markdown as code, or `<built-in ...>` would read as HTML."""
    return ("function (module:line(name), or a built-in)", "own ms"), [
        (f"`{name}`" if markdown else name, f"{seconds * 1e3:.1f}") for name, seconds in profile.functions.items()
    ]


def describe_profile(profile: CompareProfile) -> str:
    if profile.error or not profile.runs:
        return "cProfile of compare: " + (profile.error or "not measured")
    return (
        f"cProfile of one in-process `compare art5 budapest` (shipped models), median of {profile.runs} run(s):"
        f" {profile.seconds * 1e3:.0f} ms from the entry point to exit under the profiler, which slows"
        " Python code more than C code, so compare shares, not milliseconds, with the rows above."
    )


PROFILE_NOTES = (
    "Own time is the time in a group's own functions plus the built-in (C) functions they call directly, such as"
    " pydantic_core's validators; a guarantees module and a stdlib module are each a group of their own.",
    "The second column also gives each group the time of the stdlib functions it calls (`typing`, `re`, `enum`,"
    " `dataclasses`, ...), except the import machinery, which keeps its own. cProfile records caller → callee"
    " edges, not whole stacks, so a time passed up through several stdlib calls is split by each edge's share:"
    " an approximation.",
    "Module-level code runs at import: a pydantic model class built when `guarantees.model` is imported counts"
    " as pydantic time here, and as import time in the table above.",
)
