"""The process's edges, run as a user or a CI job runs the installed tool, in a subprocess: any stdout
encoding (item 15), a closed or full stdout and a closed pipe (item 16), Ctrl-C at any moment (item 21),
and worker processes that end with their parent however it ends (item 13).

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
from functools import partial
from pathlib import Path

import pytest

from conftest import MODELS, ROOT, SEEDS
from guarantees.service.worker import max_jobs
from samples import MINI

_SCRIPT = Path(sys.executable).with_name("guarantees")  # the console script of this environment
GUARANTEES = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "guarantees"]
TIMEOUT = 60
ASCII = {"PYTHONIOENCODING": "ascii"}
TWO_CORES = pytest.mark.skipif(max_jobs() < 2, reason="-j 2 needs two cores")
LINUX_PROC = pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="watches children through Linux /proc")
C_LOCALE = {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}


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


# --- encodings (item 15) ----------------------------------------------------------------------------

COMMANDS = {
    "compare": ["compare", "art5", "budapest"],
    "show": ["show", "budapest"],
    "history": ["history", "berlin"],
    "list": ["list"],
    "export-markdown": ["export", "art5", "budapest"],
    "export-json": ["export", "art5", "budapest", "-f", "json"],
    "sources": ["sources"],
    "sources-id": ["sources", "vnexpress-2025-12-20"],
}


def _ellipsis_corpus(directory: Path) -> Path:
    """Two files with findings, the first of which quotes `…`: the second must not be lost."""
    directory.mkdir()
    (directory / "a.yaml").write_text(MINI.replace("id: mini", "id: a").replace("role: guarantor", "role: 'guar…'"))
    (directory / "b.yaml").write_text(MINI.replace("id: mini", "id: b").replace("mini-snap", "b-snap") + "extra: 1\n")
    return directory


def test_any_stdout_encoding_works_and_loses_no_finding(tmp_path: Path) -> None:
    corpus = str(_ellipsis_corpus(tmp_path / "models"))
    runs = {(name, "ascii"): _start(args, ASCII) for name, args in COMMANDS.items()}
    for name, env in (("ascii", ASCII), ("c-locale", C_LOCALE), ("utf-8", {})):
        runs[("validate", name)] = _start(["validate", corpus, "--seeds", str(SEEDS)], env)
    runs[("list", "c-locale")] = _start(COMMANDS["list"], C_LOCALE)
    runs[("export-json", "c-locale")] = _start(COMMANDS["export-json"], C_LOCALE)
    done = {key: (p.communicate(timeout=TIMEOUT), p.returncode) for key, p in runs.items()}
    for (name, env), ((stdout, stderr), code) in done.items():
        assert code == (1 if name == "validate" else 0), (name, env, code, stderr.decode(errors="replace"))
        assert b"Error" not in stderr and b"Traceback" not in stderr, (name, env, stderr)
        if env != "utf-8":
            assert stdout.isascii(), (name, env)
    (utf8, _), _ = done[("validate", "utf-8")]
    for env in ("ascii", "c-locale"):
        (text, _), _ = done[("validate", env)]
        assert text.decode("ascii") == utf8.decode("utf-8").replace("…", "\\u2026"), env  # every finding, escaped
    import json

    for env in ("ascii", "c-locale"):
        (data, _), _ = done[("export-json", env)]
        assert json.loads(data)["format"] == "guarantees.export"  # the escapes keep it valid JSON


# --- a closed or full stdout, a closed pipe (item 16) -------------------------------------------------


@pytest.mark.parametrize("args", [["list"], ["validate"], ["--help"]], ids=["list", "validate", "help"])
def test_a_closed_stdout_is_one_clear_line_and_exit_3(args: list[str]) -> None:
    command = " ".join([*GUARANTEES, *args]) + " >&-"
    done = subprocess.run(["sh", "-c", command], cwd=ROOT, env=_environment({}), capture_output=True, timeout=TIMEOUT)
    assert done.returncode == 3, done
    assert _without_inputs(done.stderr.decode()) == (
        "guarantees: error: cannot write to standard output: standard output is closed\n"
    )


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["list"], ["validate"]], ids=["list", "validate"])
def test_a_full_disk_is_one_clear_line_and_exit_3(args: list[str]) -> None:
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [*GUARANTEES, *args], cwd=ROOT, env=_environment({}), stdout=full, stderr=subprocess.PIPE, timeout=TIMEOUT
        )
    assert done.returncode == 3, done
    assert _without_inputs(done.stderr.decode()) == (
        "guarantees: error: cannot write to standard output: No space left on device\n"
    )


@pytest.mark.parametrize("args", [["list"], ["sources", "vnexpress-2025-12-20"]], ids=["list", "sources"])
def test_a_pipe_closed_early_exits_141_quietly(args: list[str]) -> None:
    with running(args) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()  # the reader is gone before the first write, like `| head -0`
        stderr = process.stderr.read()
        process.wait(timeout=TIMEOUT)
    assert (process.returncode, stderr) == (141, b"")


# --- Ctrl-C (item 21) ----------------------------------------------------------------------------------


def _corpus(directory: Path, count: int) -> Path:
    """`count` valid model files: the shipped models under new ids and aliases."""
    directory.mkdir()
    shipped = sorted(MODELS.glob("*.yaml"))
    for index in range(count):
        source = shipped[index % len(shipped)]
        text = source.read_text(encoding="utf-8").replace(f"id: {source.stem}\n", f"id: {source.stem}-{index}\n", 1)
        # One fresh alias in place of the model's own (flow or block list): unique across the corpus.
        text = re.sub(r"^aliases:.*?(?=^kind:)", f"aliases: [{source.stem}-{index}-x]\n", text, flags=re.S | re.M)
        (directory / f"{source.stem}-{index}.yaml").write_text(text)
    return directory


@TWO_CORES
@LINUX_PROC
@pytest.mark.parametrize("moment", ["importing", "mid-run", "shutdown"])
def test_ctrl_c_at_any_moment_is_exit_130_without_a_traceback(tmp_path: Path, moment: str) -> None:
    corpus = _corpus(tmp_path / "models", 300 if moment == "shutdown" else 600)
    # In a process group of its own, so the signal goes to the workers too, as a terminal's Ctrl-C does.
    # SIGINT at its default, as a shell starts a program in the foreground: a suite run in the background (nohup,
    # a runner without a terminal) passes SIGINT on ignored, and a program rightly leaves an ignored SIGINT ignored.
    at_default = partial(signal.signal, signal.SIGINT, signal.SIG_DFL)
    command = ["validate", str(corpus), "--seeds", str(SEEDS), "-j", "2"]
    with running(command, start_new_session=True, preexec_fn=at_default) as process:
        assert process.stdout is not None
        if moment == "importing":
            assert _wait_for_library(process.pid, "_pydantic_core"), "pydantic was never imported"
        elif moment == "mid-run":
            assert _wait_for_children(process.pid, 2), "the workers never started"
        else:
            assert process.stdout.readline().endswith(b"all valid\n")  # written: the process is ending
        os.killpg(process.pid, signal.SIGINT)
        try:
            _, stderr = process.communicate(timeout=TIMEOUT)
        finally:
            with contextlib.suppress(OSError):  # whatever of the group is left, workers included
                os.killpg(process.pid, signal.SIGKILL)
    expected = {130, 0} if moment == "shutdown" else {130}  # at shutdown it may have exited already
    assert process.returncode in expected, (process.returncode, stderr)
    shown = _without_inputs(stderr.decode()).encode()
    assert b"Traceback" not in stderr and shown in (b"", b"guarantees: interrupted\n"), stderr


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


def _wait_for_library(pid: int, name: str, timeout: float = 20) -> bool:
    """Wait until the process has loaded a compiled module: its own code is running by then, still importing."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError):
            if name in Path(f"/proc/{pid}/maps").read_text():
                return True
        time.sleep(0.005)
    return False


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return re.sub(r"^.*\) ", "", stat)[:1] != "Z"  # a zombie has ended; only its parent has not reaped it


@TWO_CORES
@LINUX_PROC
def test_workers_end_when_the_parent_is_killed(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "models", 600)
    command = [*GUARANTEES, "validate", str(corpus), "--seeds", str(SEEDS), "-j", "2"]
    # No pipes: a worker left behind would hold them open, and reading them would wait for it.
    parent = subprocess.Popen(
        command, cwd=ROOT, env=_environment({}), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    workers: set[int] = set()
    try:
        workers = _wait_for_children(parent.pid, 2)
        assert workers, "the workers never started"
        parent.send_signal(signal.SIGKILL)  # as a CI timeout does: no handler runs in the parent
        parent.wait(timeout=TIMEOUT)
        deadline = time.monotonic() + 2
        while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.02)
        assert [pid for pid in workers if _alive(pid)] == []
    finally:
        for pid in [parent.pid, *workers]:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        parent.wait(timeout=TIMEOUT)


def _without_inputs(stderr: str) -> str:
    """stderr less `validate`'s line naming the seeds and models it read (it comes before any output)."""
    return "".join(line for line in stderr.splitlines(keepends=True) if not line.startswith("guarantees: checked "))
