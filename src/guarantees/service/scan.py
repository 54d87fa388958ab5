"""Many model files checked in one stream, in order, on one worker per core for a large corpus.

Each file is read, type-checked and resolved, then reduced at once to what the caller's view needs
(`extract`), so memory stays flat however many files there are: 10,000 models are never all held.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from guarantees.checks import Identity, check_identity, identity_of
from guarantees.findings import Finding
from guarantees.loaded import LoadedModel
from guarantees.model_file import load_checked_model
from guarantees.service.worker import end_if_orphaned, max_jobs, sigint_deferred, start_worker, stop_workers
from guarantees.sources import Seeds

PARALLEL_FROM = 64  # below this many files, starting worker processes costs more than it saves
T = TypeVar("T")


@dataclass(frozen=True)
class Scanned(Generic[T]):
    """What one file left behind: its findings, its names for the cross-file checks, and the extract."""

    findings: tuple[Finding, ...]
    identity: Identity | None
    extract: T | None


def choose_jobs(file_count: int, requested: int = 0) -> int:
    """Worker processes worth starting: `requested` (at most one per core) if given, else one per core for a
    large corpus."""
    if requested:
        return min(requested, max_jobs())
    if file_count < PARALLEL_FROM:
        return 1
    import multiprocessing  # here, not at the top: compare and show never start workers

    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(max_jobs(), 8))


def scan_one(path: Path, seeds: Seeds, extract: Callable[[LoadedModel], T] | None) -> Scanned[T]:
    model, findings = load_checked_model(path, seeds)
    if model is None:
        return Scanned(tuple(findings), None, None)
    return Scanned(tuple(findings), identity_of(model), extract(model) if extract else None)


# A forked worker inherits the parent's verified seeds and the extract function through this global
# instead of re-reading the sources or pickling a function for every file.
_WORKER: tuple[Seeds, Callable[[LoadedModel], object] | None] | None = None


def _scan_in_worker(path: Path) -> Scanned[object]:
    assert _WORKER is not None
    end_if_orphaned(_WORKER_PARENT)
    return scan_one(path, *_WORKER)


_WORKER_PARENT = 0  # the pid that started the pool, as the worker saw it when it began


def _start_worker(parent: int) -> None:
    global _WORKER_PARENT
    _WORKER_PARENT = parent
    start_worker(parent)


def _iter_parallel(
    files: list[Path], seeds: Seeds, extract: Callable[[LoadedModel], T] | None, jobs: int
) -> Iterator[Scanned[T]]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _WORKER
    _WORKER = (seeds, extract)
    context = multiprocessing.get_context("fork")
    chunk = max(1, min(64, len(files) // (jobs * 4) or 1))
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_start_worker, initargs=(os.getpid(),))
    try:
        with sigint_deferred():  # the workers fork inside map(); Ctrl-C is the parent's to handle
            results = pool.map(_scan_in_worker, files, chunksize=chunk)
        yield from results  # type: ignore[misc]
    except BaseException:
        # Interrupted, failed, or the consumer stopped reading: end the workers now rather than let
        # shutdown() wait for every queued file.
        stop_workers(pool)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def iter_scanned(
    files: list[Path], seeds: Seeds, extract: Callable[[LoadedModel], T] | None = None, *, jobs: int = 1
) -> Iterator[Scanned[T]]:
    """Every file's Scanned, in file order; jobs > 1 spreads the files over forked worker processes."""
    if jobs > 1:
        yield from _iter_parallel(files, seeds, extract, jobs)
    else:
        yield from (scan_one(path, seeds, extract) for path in files)


@dataclass(frozen=True)
class ScanResult(Generic[T]):
    """Every finding of a corpus (per file, then across files) and the extract of each file that type-checked."""

    findings: tuple[Finding, ...]
    models: int  # files that type-checked
    extracts: tuple[T, ...]


def scan_files(
    files: list[Path], seeds: Seeds, extract: Callable[[LoadedModel], T] | None = None, *, jobs: int = 1
) -> ScanResult[T]:
    """Check every file and the ids and aliases across them; keep only the extracts."""
    # Read and verify every source first: forked workers inherit the texts, and a source that is
    # missing or changed is one finding however many files cite it.
    findings: list[Finding] = list(seeds.check_all())
    identities: list[Identity] = []
    extracts: list[T] = []
    for scanned in iter_scanned(files, seeds, extract, jobs=jobs):
        findings.extend(scanned.findings)
        if scanned.identity is not None:
            identities.append(scanned.identity)
        if scanned.extract is not None:
            extracts.append(scanned.extract)
    findings.extend(check_identity(identities))
    return ScanResult(tuple(findings), len(identities), tuple(extracts))
