"""The process's edges, run as a user or a CI job runs the installed tool, in a subprocess: worker
processes that end with their parent however it ends (item 13).

Every child is bounded by a timeout and killed in a `finally`.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import MODELS, ROOT, SEEDS
from guarantees.service.worker import max_jobs

_SCRIPT = Path(sys.executable).with_name("guarantees")  # the console script of this environment
GUARANTEES = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "guarantees"]
TIMEOUT = 60
TWO_CORES = pytest.mark.skipif(max_jobs() < 2, reason="-j 2 needs two cores")


def _environment(extra: dict[str, str]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHONIO", "LC_", "GITHUB_", "FORCE_COLOR"))}
    return {**env, "NO_COLOR": "1", "COLUMNS": "100", **extra}


def _start(args: list[str], env: dict[str, str] | None = None, **kwargs) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [*GUARANTEES, *args],
        cwd=ROOT,
        env=_environment(env or {}),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        **kwargs,
    )


@contextlib.contextmanager
def running(args: list[str], env: dict[str, str] | None = None, **kwargs) -> Iterator[subprocess.Popen[bytes]]:
    process = _start(args, env, **kwargs)
    try:
        yield process
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=TIMEOUT)


def _corpus(directory: Path, count: int) -> Path:
    """`count` valid model files: the shipped models under new ids and aliases."""
    directory.mkdir()
    shipped = sorted(MODELS.glob("*.yaml"))
    for index in range(count):
        source = shipped[index % len(shipped)]
        text = source.read_text(encoding="utf-8").replace(f"id: {source.stem}\n", f"id: {source.stem}-{index}\n", 1)
        head, _, rest = text.partition("\naliases:\n")
        items, _, tail = rest.partition("\nkind:")
        renamed = "\n".join(f"{line}-{index}" for line in items.splitlines())
        (directory / f"{source.stem}-{index}.yaml").write_text(f"{head}\naliases:\n{renamed}\nkind:{tail}")
    return directory


# --- workers end with their parent (item 13) ------------------------------------------------------------


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        with contextlib.suppress(OSError):
            found |= {int(child) for child in task.read_text().split()}
    return found


def _wait_for_children(pid: int, count: int, timeout: float = 20) -> set[int]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        children = _children(pid)
        if len(children) >= count:
            return children
        time.sleep(0.01)
    return set()


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return re.sub(r"^.*\) ", "", stat)[:1] != "Z"  # a zombie has ended; only its parent has not reaped it


@TWO_CORES
@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_workers_end_when_the_parent_is_killed(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "models", 600)
    workers: set[int] = set()
    try:
        with running(["validate", str(corpus), "--seeds", str(SEEDS), "-j", "2"]) as process:
            workers = _wait_for_children(process.pid, 2)
            assert workers, "the workers never started"
            process.send_signal(signal.SIGKILL)  # as a CI timeout does: no handler runs in the parent
            process.wait(timeout=TIMEOUT)
        deadline = time.monotonic() + 2
        while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.02)
        assert [pid for pid in workers if _alive(pid)] == []
    finally:
        for pid in workers:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
