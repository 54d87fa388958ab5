"""The validate pipeline: files → located findings and typed, citation-resolved models."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from guarantees.checks import DataPath, check_citations, check_identity, check_ranges
from guarantees.findings import Finding, Location, Report, UsageError
from guarantees.loader import Document, read_document
from guarantees.model import Arrangement
from guarantees.sources import Seeds, Span
from guarantees.validation import iter_validation_findings

MODEL_SUFFIXES = (".yaml", ".yml")


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


def validate_files(files: list[Path], seeds: Seeds) -> tuple[Report, list[LoadedModel]]:
    """Type, semantic and citation checks of every file, plus identity checks across them."""
    report = Report(files=[display_path(f) for f in files])
    report.extend(seeds.check_all())
    models: list[LoadedModel] = []
    for path in files:
        model, findings = load_model(path)
        report.extend(findings)
        if model is not None:
            report.extend(check_model(model, seeds))
            models.append(model)
    report.extend(check_identity(models))
    return report, models
