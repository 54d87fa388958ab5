"""The chosen model files, loaded, type-checked and resolved; from the cache when nothing they depend on changed."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from guarantees.cache import fingerprint_inputs, read_pickle, write_pickle
from guarantees.checks import check_identity, identity_of
from guarantees.findings import Report
from guarantees.sources import Seeds, load_seeds
from guarantees.validator import LoadedModel, check_model, load_model

CACHED_SELECTION_MAX = 64


@dataclass
class Selection:
    """The chosen models, validated and with resolved spans, their content hashes, and what was wrong."""

    models: list[LoadedModel] = field(default_factory=list)
    hashes: dict[str, str] = field(default_factory=dict)
    report: Report = field(default_factory=Report)
    seeds: Seeds | None = None

    def find(self, name: str) -> LoadedModel | None:
        key = name.strip().lower()
        return next((m for m in self.models if key == m.arrangement.id or key in m.arrangement.aliases), None)


def load_selection(files: list[Path], seeds_dir: Path) -> Selection:
    """The checked selection, from the cache when the files, the sources and the tool's code are byte for byte
    the ones a clean earlier run checked; else loaded afresh (and cached when clean)."""
    if (
        len(files) > CACHED_SELECTION_MAX
    ):  # `list` over a large corpus: a pickle of it all would cost more than it saves
        return _load_selection(files, seeds_dir)
    fingerprint = fingerprint_inputs(files, seeds_dir)
    if fingerprint is None:
        return _load_selection(files, seeds_dir)  # an unreadable file: let the loader report it
    key = "\0".join(str(path.resolve()) for path in files)
    cached = read_pickle("selection", key, fingerprint)
    if isinstance(cached, Selection):
        return cached
    selection = _load_selection(files, seeds_dir)
    if selection.report.ok:
        write_pickle("selection", key, fingerprint, selection)
    return selection


def _load_selection(files: list[Path], seeds_dir: Path) -> Selection:
    """Load, type-check and resolve the citations of these files only; findings go to the report, not raised."""
    seeds, manifest_findings = load_seeds(seeds_dir)
    selection = Selection(seeds=seeds, report=Report(findings=list(manifest_findings), files=[str(f) for f in files]))
    if seeds is None:
        return selection
    for path in files:
        model, findings = load_model(path)
        selection.report.extend(findings)
        if model is not None:
            selection.report.extend(check_model(model, seeds))
            selection.models.append(model)
            selection.hashes[model.arrangement.id] = hashlib.sha256(model.document.text.encode("utf-8")).hexdigest()
    selection.report.extend(check_identity([identity_of(m) for m in selection.models]))
    selection.report.extend(seeds.problems.values())
    return selection
