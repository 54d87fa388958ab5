"""Timing one command as a subprocess: wall time and that process's own peak RSS, run after run."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

# ru_maxrss is in KiB on Linux, in bytes on macOS.
_MAXRSS_BYTES = 1 if sys.platform == "darwin" else 1024
_LAUNCHER = Path(__file__).with_name("launch.py")


@dataclass(frozen=True)
class Sample:
    """One run of a command."""

    seconds: float
    peak_bytes: int
    exit_code: int
    stdout: str
    stderr: str


def run_once(argv: list[str], *, cwd: Path, env: dict[str, str]) -> Sample:
    """Run a command once, through launch.py: its own wall time and peak RSS (wait4 on its pid, forked from
    the small launcher, so neither this runner's memory nor an earlier child can inflate the figure)."""
    read_end, write_end = os.pipe()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, os.fdopen(read_end, "rb") as report:
        process = subprocess.Popen(
            [sys.executable, "-I", "-S", str(_LAUNCHER), str(write_end), *argv],
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            pass_fds=(write_end,),
        )
        os.close(write_end)
        data = report.read()
        if process.wait() != 0 or not data:
            err.seek(0)
            raise RuntimeError(f"the launcher failed for {argv!r}: {err.read().decode('utf-8', 'replace')[-500:]}")
        measured = json.loads(data)
        out.seek(0)
        err.seek(0)
        return Sample(
            seconds=measured["seconds"],
            peak_bytes=measured["maxrss_kib"] * _MAXRSS_BYTES,
            exit_code=measured["exit_code"],
            stdout=out.read().decode("utf-8", "replace"),
            stderr=err.read().decode("utf-8", "replace"),
        )


@dataclass
class Timings:
    """The samples of one benchmark row, summarised as median, min and max."""

    samples: list[Sample] = field(default_factory=list)

    @property
    def seconds(self) -> list[float]:
        return [s.seconds for s in self.samples]

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def low(self) -> float:
        return min(self.seconds)

    @property
    def high(self) -> float:
        return max(self.seconds)

    @property
    def peak_bytes(self) -> int:
        return max(s.peak_bytes for s in self.samples)


@dataclass(frozen=True)
class ImportProfile:
    """`python -X importtime` summarised over several runs: medians, in seconds."""

    total: list[float]
    by_module: dict[str, float]
    by_package: dict[str, float]

    def top_modules(self, count: int = 5) -> list[tuple[str, float]]:
        return sorted(self.by_module.items(), key=lambda item: -item[1])[:count]

    def top_packages(self, count: int = 5) -> list[tuple[str, float]]:
        return sorted(self.by_package.items(), key=lambda item: -item[1])[:count]


def parse_importtime(stderr: str, root: str | None) -> tuple[float, dict[str, float]]:
    """The cumulative import time of `root` (None: of everything) and each module's self time, from -X importtime."""
    total = 0.0
    self_times: dict[str, float] = {}
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "[us]" in line:
            continue
        self_us, cumulative_us, name = line.removeprefix("import time:").split("|", 2)
        name = name.strip()
        self_times[name] = self_times.get(name, 0.0) + int(self_us) / 1e6
        if name == root:
            total = int(cumulative_us) / 1e6
    return (total if root else sum(self_times.values())), self_times


def build_import_profile(stderrs: list[str], root: str | None) -> ImportProfile:
    """Medians across runs: the total, each module's self time, and each top-level package's sum of self times."""
    totals, modules = [], defaultdict(list)
    packages: defaultdict[str, list[float]] = defaultdict(list)
    for stderr in stderrs:
        total, self_times = parse_importtime(stderr, root)
        totals.append(total)
        per_package: defaultdict[str, float] = defaultdict(float)
        for name, seconds in self_times.items():
            modules[name].append(seconds)
            per_package[name.split(".")[0]] += seconds
        for name, seconds in per_package.items():
            packages[name].append(seconds)
    return ImportProfile(
        total=totals,
        by_module={name: statistics.median(values) for name, values in modules.items()},
        by_package={name: statistics.median(values) for name, values in packages.items()},
    )
