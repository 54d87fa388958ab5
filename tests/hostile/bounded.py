"""`python -m guarantees ARGS` in a child process under an address-space ceiling and a timeout.

A run that could hang, blow up memory or crash the interpreter on a regression goes here, so it
fails its test instead of taking pytest down with it. The ceilings are generous bounds, not the
measured limits (those are in docs/reference/limits.md).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from functools import partial
from pathlib import Path

from conftest import ROOT


def _limit_resources(memory_bytes: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def run_bounded(
    *args: str | Path, memory_bytes: int, seconds: float, cwd: Path = ROOT
) -> tuple[subprocess.CompletedProcess[str], float]:
    """The finished child (text, undecodable bytes replaced) and the seconds it took; no colour, and no
    GUARANTEES_/GITHUB_ variables of the test's own environment leak in."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GUARANTEES_", "GITHUB_", "FORCE_COLOR"))}
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "guarantees", *map(str, args)],
        capture_output=True,
        text=True,
        errors="replace",
        timeout=seconds,
        cwd=cwd,
        env={**env, "NO_COLOR": "1"},
        preexec_fn=partial(_limit_resources, memory_bytes),
    )
    return result, time.monotonic() - started
