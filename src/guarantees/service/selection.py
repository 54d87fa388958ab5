"""The few model files a view names, loaded, type-checked and resolved, with their content hashes and findings."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from guarantees.checks import check_identity, identity_of
from guarantees.data_dirs import display_path
from guarantees.findings import Report
from guarantees.loaded import LoadedModel
from guarantees.model_file import load_checked_model
from guarantees.sources import Seeds, load_seeds


@dataclass(frozen=True)
class Selection:
    """The chosen models, validated and with resolved spans, their content hashes, and what was wrong."""

    models: tuple[LoadedModel, ...]
    hashes: dict[str, str]
    report: Report
    seeds: Seeds | None

    def find(self, name: str) -> LoadedModel | None:
        key = name.strip().lower()
        return next((m for m in self.models if key == m.arrangement.id or key in m.arrangement.aliases), None)


def load_selection(files: list[Path], seeds_dir: Path) -> Selection:
    """Load, type-check and resolve the citations of these files only; findings go to the report, not raised."""
    seeds, findings = load_seeds(seeds_dir)
    report_files = tuple(display_path(f) for f in files)
    if seeds is None:
        return Selection((), {}, Report(tuple(findings), report_files), None)
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
    return Selection(tuple(models), hashes, Report(tuple(findings), report_files), seeds)
