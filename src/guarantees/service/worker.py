"""Worker processes that never outlive the process that started them, however it ends.

A CI job's timeout kills the parent with SIGKILL, which no handler sees: a worker left behind keeps
its memory and blocks forever on a queue nobody writes to. On Linux the kernel ends each worker when
the parent dies (`PR_SET_PDEATHSIG`); elsewhere a watchdog thread in the worker notices that its
parent changed. Both are belt and braces with the per-file check in the scan.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import signal
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

_PR_SET_PDEATHSIG = 1  # from <sys/prctl.h>
WATCH_INTERVAL = 0.5  # seconds between the watchdog's looks at its parent, where the kernel cannot help


def max_jobs() -> int:
    """The cores this process may run on: more workers than that only cost memory, so `-j` stops there."""
    affinity = getattr(os, "sched_getaffinity", None)
    return max(1, len(affinity(0)) if affinity else os.cpu_count() or 1)


def _die_with_parent() -> bool:
    """Ask the kernel to SIGKILL this process when its parent dies; False where there is no prctl."""
    library = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(library, use_errno=True)
        prctl = libc.prctl
    except (OSError, AttributeError, TypeError):
        return False
    return bool(prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0)


def end_if_orphaned(parent: int) -> None:
    """End this worker at once when the process that started it is gone (its parent pid changed)."""
    if parent and os.getppid() != parent:
        os._exit(1)


def _watch(parent: int) -> None:
    while True:
        end_if_orphaned(parent)
        time.sleep(WATCH_INTERVAL)


def start_worker(parent: int) -> None:
    """Run first in every worker: die with the parent, leave Ctrl-C to the parent, and check it is still there."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # blocked while the parent forked
    if not _die_with_parent():
        threading.Thread(target=_watch, args=(parent,), name="guarantees-parent-watch", daemon=True).start()
    end_if_orphaned(parent)  # the parent may have died before the kernel was asked


@contextlib.contextmanager
def sigint_deferred() -> Iterator[None]:
    """Hold Ctrl-C back while workers fork: none starts with the parent's KeyboardInterrupt handler, and a
    Ctrl-C pressed meanwhile reaches the parent as soon as they have started (it is blocked, not lost)."""
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def stop_workers(pool: ProcessPoolExecutor) -> None:
    """Kill a pool's workers without waiting for the files queued for them."""
    processes = getattr(pool, "_processes", None) or {}  # private, but the only handle on the workers
    for process in list(processes.values()):
        with contextlib.suppress(OSError, AttributeError, ValueError):
            process.kill()
