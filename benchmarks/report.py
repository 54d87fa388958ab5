"""Rendering the results: a plain-text table for the terminal, docs/performance.md, and the machine they ran on."""

from __future__ import annotations

import datetime
import importlib.metadata
import importlib.util
import os
import platform
import statistics
import subprocess
import tempfile
from pathlib import Path

from breakdown import (
    PROFILE_NOTES,
    build_function_split,
    build_package_split,
    build_time_split,
    describe_profile,
)
from budget import Budget
from measure import ImportProfile
from plan import ROOT, Row
from profile_compare import CompareProfile

PACKAGES = ("guarantees", "pydantic", "pydantic-core", "PyYAML", "rich", "typer", "check-jsonschema", "jsonschema")
HEADER = ("benchmark", "runs", "median s", "min s", "max s", "peak MB", "ms/model", "note")


def build_cells(row: Row) -> tuple[str, ...]:
    """The table cells of one row; an unmeasured row says why in its note."""
    if not row.measured:
        return (row.name, "0", "—", "—", "—", "—", "—", row.status)
    t = row.timings
    per_model = f"{t.median / row.models * 1e3:.2f}" if row.models else ""
    return (
        row.name,
        str(len(t.samples)),
        f"{t.median:.3f}",
        f"{t.low:.3f}",
        f"{t.high:.3f}",
        f"{t.peak_bytes / 1e6:.1f}",
        per_model,
        row.note,
    )


def render_text_table(header: tuple[str, ...], lines: list[tuple[str, ...]]) -> str:
    widths = [max(len(cells[i]) for cells in [header, *lines]) for i in range(len(header))]
    rendered = [
        "  ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True)).rstrip()
        for cells in [header, *lines]
    ]
    rendered.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(rendered) + "\n"


def render_markdown_table(header: tuple[str, ...], lines: list[tuple[str, ...]]) -> str:
    def row(cells: tuple[str, ...]) -> str:
        return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"

    return "\n".join([row(header), row(tuple("---" for _ in header)), *(row(cells) for cells in lines)]) + "\n"


def budget_cells(budgets: list[Budget]) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    return ("budget", "target", "measured", "verdict"), [(b.name, b.target, b.value, b.verdict) for b in budgets]


def render_profiles(profiles: dict[str, ImportProfile]) -> str:
    """Per profiled row: the median total, the five heaviest modules and the five heaviest top-level packages."""
    if not profiles:
        return "import profile: not measured\n"
    blocks = []
    for name, profile in profiles.items():
        modules = ", ".join(f"{module} {seconds * 1e3:.1f}" for module, seconds in profile.top_modules())
        packages = ", ".join(f"{package} {seconds * 1e3:.1f}" for package, seconds in profile.top_packages())
        blocks.append(
            f"{name}: {statistics.median(profile.total) * 1e3:.1f} ms (median of {len(profile.total)})\n"
            f"  top 5 modules, self ms: {modules}\n"
            f"  top 5 packages, sum of self ms: {packages}\n"
        )
    return "".join(blocks)


def render_text(
    rows: list[Row], budgets: list[Budget], profiles: dict[str, ImportProfile], compare_profile: CompareProfile
) -> str:
    return "\n".join(
        [
            render_text_table(HEADER, [build_cells(r) for r in rows]),
            render_text_table(*budget_cells(budgets)),
            render_text_table(*build_time_split(rows)),
            describe_profile(compare_profile),
            render_text_table(*build_package_split(compare_profile)),
            render_text_table(*build_function_split(compare_profile)),
            render_profiles(profiles),
        ]
    )


def find_cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def find_libyaml_use() -> str:
    import yaml

    if not getattr(yaml, "__with_libyaml__", False):
        return "libyaml not available"
    spec = importlib.util.find_spec("guarantees.loader")
    source = Path(spec.origin).read_text(encoding="utf-8") if spec and spec.origin else ""
    return "libyaml available; " + (
        "guarantees.loader uses CSafeLoader" if "CSafeLoader" in source else "guarantees.loader does not use it"
    )


def find_revision() -> str:
    def git(*args: str) -> str:
        result = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False)
        return result.stdout.strip() if result.returncode == 0 else ""

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    return commit + (" with uncommitted changes" if git("status", "--porcelain", "--untracked-files=no") else "")


def describe_machine() -> list[tuple[str, str]]:
    def version(name: str) -> str:
        try:
            return importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            return "not installed"

    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return [
        ("CPU", find_cpu_model()),
        ("cores", f"{os.cpu_count()} ({usable} usable)"),
        ("OS", platform.platform()),
        ("Python", f"{platform.python_implementation()} {platform.python_version()}"),
        *((name, version(name)) for name in PACKAGES),
        ("YAML", find_libyaml_use()),
        ("revision", find_revision()),
    ]


def write_atomically(path: Path, text: str) -> None:
    """Write through a temporary file in the same directory, so a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def render_markdown(
    rows: list[Row],
    budgets: list[Budget],
    profiles: dict[str, ImportProfile],
    compare_profile: CompareProfile,
    *,
    method: list[str],
    command: str,
) -> str:
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    machine = "\n".join(f"- {name}: {value}" for name, value in describe_machine())
    return "\n".join(
        [
            "# Performance",
            "",
            f"Measured {now} by `benchmarks/run.py` (issues 6 and 11); generated, do not edit by hand.",
            "",
            "## Results",
            "",
            render_markdown_table(HEADER, [build_cells(r) for r in rows]),
            "## Budgets",
            "",
            render_markdown_table(*budget_cells(budgets)),
            "## Where the time of compare goes",
            "",
            "### Wall time: start-up, imports, the command",
            "",
            render_markdown_table(*build_time_split(rows)),
            "### In process, by package (cProfile)",
            "",
            describe_profile(compare_profile),
            "",
            *(f"- {note}" for note in PROFILE_NOTES),
            "",
            render_markdown_table(*build_package_split(compare_profile)),
            "The functions with the most own time:",
            "",
            render_markdown_table(*build_function_split(compare_profile, markdown=True)),
            "## Import profile",
            "",
            "```",
            render_profiles(profiles).rstrip(),
            "```",
            "",
            "## Method",
            "",
            *(f"- {line}" for line in method),
            "",
            "## Machine",
            "",
            machine,
            "",
            "## Reproduce",
            "",
            "```sh",
            "python3 -m venv .venv && .venv/bin/pip install -e '.[test]'",
            command,
            "```",
            "",
        ]
    )
