"""`validate`: every model file checked against the types and the sources, as one Report."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from guarantees.data_dirs import DataDirs, display_path
from guarantees.findings import Finding, Location, Report, UsageError
from guarantees.model_dir import list_model_paths
from guarantees.service.scan import ScanResult, choose_jobs, scan_files
from guarantees.service.selection import read_inputs
from guarantees.sources import load_seeds


def _as_path(argument: str | Path) -> Path:
    # Path("") is ".", so an empty argument (an unset CI variable) would quietly check the working directory.
    if argument == "":
        raise UsageError("expected a model file or directory, found an empty argument")
    return Path(argument)


def _nothing_checked(first: Path) -> Finding:
    return Finding(
        "no-model-files",
        "expected at least one model file (ID.yaml or ID.yml) to check, found none",
        Location(display_path(first)),
        hint="pass the models directory or model files; a run that checks nothing fails, so CI cannot pass by accident",
    )


def validate(paths: Sequence[str | Path], dirs: DataDirs, *, jobs: int = 0) -> Report:
    """Check the files (the models directory when no path is given); the manifest and sources are checked too."""
    given = [_as_path(path) for path in paths]
    seeds_dir = dirs.seeds_dir
    targets = given or [dirs.models_dir]
    inputs = read_inputs(seeds_dir, None if given else targets[0])
    seeds, manifest_findings = load_seeds(seeds_dir)
    listing = list_model_paths(targets)
    files = list(listing.files)
    shown = tuple(display_path(f) for f in files)
    found = (*manifest_findings, *listing.findings, *(() if files else (_nothing_checked(targets[0]),)))
    if seeds is None:
        return Report(found, shown, inputs)
    scanned: ScanResult[None] = scan_files(files, seeds, jobs=choose_jobs(len(files), jobs))
    return Report((*found, *scanned.findings), shown, inputs)
