"""The validate pipeline: files → located findings and typed, citation-resolved models."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from guarantees.checks import DataPath, Identity, check_citations, check_identity, check_ranges, identity_of
from guarantees.findings import Finding, Location, Report, UsageError
from guarantees.loader import Document, read_document
from guarantees.location import MODEL_SUFFIXES
from guarantees.model import Arrangement
from guarantees.sources import Seeds, Span
from guarantees.validation import iter_validation_findings

PARALLEL_FROM = 64  # below this many files, starting worker processes costs more than it saves


@dataclass
class LoadedModel:
    """A model file that passed the type checks, with its resolved citation spans."""

    path: Path
    file: str
    document: Document
    arrangement: Arrangement
    spans: dict[DataPath, Span] = field(default_factory=dict)


def display_path(path: Path) -> str:
    """A path as a user would type it: relative to the working directory when below it."""
    try:
        return os.path.relpath(path) if not os.path.relpath(path).startswith("..") else str(path)
    except ValueError:
        return str(path)


def iter_model_files(paths: list[Path]) -> list[Path]:
    """Files as given; directories expanded to their *.yaml and *.yml files, sorted."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.suffix in MODEL_SUFFIXES and p.is_file()))
        elif path.is_file() or path.is_symlink():
            files.append(path)
        else:
            raise UsageError(f"no such file or directory: {path}")
    return files


def load_model(path: Path) -> tuple[LoadedModel | None, list[Finding]]:
    """Read and type-check one model file (no citation checks yet)."""
    file = display_path(path)
    document, finding = read_document(path, file)
    if document is None:
        return None, [finding] if finding else []
    if not isinstance(document.data, dict):
        found = "a list" if isinstance(document.data, list) else "a single value"
        return None, [
            Finding(
                "not-a-mapping", f"expected a mapping of fields at the top level, found {found}", Location(file, 1, 1)
            )
        ]
    try:
        arrangement = Arrangement.model_validate(document.data)
    except ValidationError as error:
        return None, list(iter_validation_findings(error, document, Arrangement))
    return LoadedModel(path=path, file=file, document=document, arrangement=arrangement), []


def check_model(model: LoadedModel, seeds: Seeds) -> list[Finding]:
    """Every per-file semantic check; resolves the model's spans as a side effect."""
    return [*check_citations(model, seeds), *check_ranges(model)]


def _validate_one(path: Path, seeds: Seeds) -> tuple[list[Finding], LoadedModel | None]:
    model, findings = load_model(path)
    if model is not None:
        findings = [*findings, *check_model(model, seeds)]
    return findings, model


# A forked worker inherits the parent's verified seeds through this global instead of re-reading them.
_WORKER_SEEDS: Seeds | None = None


def _validate_in_worker(path: Path) -> tuple[list[Finding], Identity | None]:
    assert _WORKER_SEEDS is not None
    findings, model = _validate_one(path, _WORKER_SEEDS)
    return findings, identity_of(model) if model is not None else None


def choose_jobs(file_count: int) -> int:
    """Worker processes worth starting: one per core for a large corpus, none for a handful of files."""
    if file_count < PARALLEL_FROM:
        return 1
    import multiprocessing  # here, not at the top: compare and show never start workers

    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(os.cpu_count() or 1, 8))


def _iter_parallel(files: list[Path], seeds: Seeds, jobs: int) -> Iterator[tuple[list[Finding], Identity | None]]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _WORKER_SEEDS
    _WORKER_SEEDS = seeds
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        yield from pool.map(_validate_in_worker, files, chunksize=max(1, min(64, len(files) // (jobs * 4) or 1)))


def validate_files(
    files: list[Path], seeds: Seeds, *, keep_models: bool = True, jobs: int = 1
) -> tuple[Report, list[LoadedModel]]:
    """Type, semantic and citation checks of every file, plus identity checks across them.

    With keep_models=False only what the cross-file checks need is kept, so memory stays flat
    however many files there are; jobs > 1 (which implies it) spreads the files over processes.
    """
    report = Report(files=[display_path(f) for f in files])
    report.extend(seeds.check_all())
    models: list[LoadedModel] = []
    identities: list[Identity] = []
    if jobs > 1 and not keep_models:
        for findings, identity in _iter_parallel(files, seeds, jobs):
            report.extend(findings)
            if identity is not None:
                identities.append(identity)
    else:
        for path in files:
            findings, model = _validate_one(path, seeds)
            report.extend(findings)
            if model is not None:
                identities.append(identity_of(model))
                if keep_models:
                    models.append(model)
    report.extend(check_identity(identities))
    return report, models
