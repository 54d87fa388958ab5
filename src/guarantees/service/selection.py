"""The few model files a view names, loaded, type-checked and resolved, with their content hashes and findings."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import NamedTuple, TypeVar

from guarantees.checks import check_identity, identity_of
from guarantees.data_dirs import DataDirs, display_path
from guarantees.findings import Inputs, Report
from guarantees.loaded import LoadedModel
from guarantees.model_file import load_checked_model
from guarantees.seed_files import MANIFEST
from guarantees.sources import Seeds, load_seeds


class Selection(NamedTuple):
    """The chosen models, validated and with resolved spans, their content hashes, and what was wrong."""

    models: tuple[LoadedModel, ...]
    hashes: dict[str, str]
    report: Report
    seeds: Seeds | None

    def find(self, name: str) -> LoadedModel | None:
        key = name.strip().lower()
        return next((m for m in self.models if key == m.arrangement.id or key in m.arrangement.aliases), None)


def read_inputs(seeds_dir: Path, models_dir: Path | None = None) -> Inputs:
    """The seeds directory, its manifest and the models directory, as the user would type them."""
    shown_models = display_path(models_dir) if models_dir is not None else None
    return Inputs(display_path(seeds_dir), display_path(seeds_dir / MANIFEST), shown_models)


R = TypeVar("R")


def with_inputs(result: R, dirs: DataDirs, *, models: bool = True) -> R:
    """The result with the directories it read on its report, for the JSON envelope (`seeds`, `manifest`, `models`)."""
    inputs = read_inputs(dirs.seeds_dir, dirs.models_dir if models else None)
    report = result.report._replace(inputs=inputs)  # type: ignore[attr-defined]
    return result._replace(report=report)  # type: ignore[attr-defined,no-any-return]


def load_selection(files: list[Path], seeds_dir: Path, *, models_dir: Path | None = None) -> Selection:
    """Load, type-check and resolve the citations of these files only; findings go to the report, not raised."""
    seeds, findings = load_seeds(seeds_dir)
    report_files = tuple(display_path(f) for f in files)
    inputs = read_inputs(seeds_dir, models_dir)
    if seeds is None:
        return Selection((), {}, Report(tuple(findings), report_files, inputs), None)
    models: list[LoadedModel] = []
    hashes: dict[str, str] = {}
    for path in files:
        model, more = load_checked_model(path, seeds)
        findings.extend(more)
        if model is not None:
            models.append(model)
            hashes[model.arrangement.id] = hashlib.sha256(model.document.text.encode("utf-8")).hexdigest()
    findings.extend(check_identity([identity_of(m) for m in models]))
    findings.extend(seeds.problems.values())
    return Selection(tuple(models), hashes, Report(tuple(findings), report_files, inputs), seeds)
