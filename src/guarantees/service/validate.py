"""`validate`: every model file checked against the types and the sources, as one Report."""

from __future__ import annotations

from pathlib import Path

from guarantees.data_dirs import DataDirs
from guarantees.findings import Report
from guarantees.model_file import display_path, list_model_files
from guarantees.service.scan import ScanResult, choose_jobs, scan_files
from guarantees.sources import load_seeds


def validate(paths: list[Path], dirs: DataDirs, *, jobs: int = 0) -> Report:
    """Check the files (the models directory when no path is given); the manifest and sources are checked too."""
    seeds, manifest_findings = load_seeds(dirs.seeds_dir)
    files = list_model_files(paths or [dirs.models_dir])
    shown = tuple(display_path(f) for f in files)
    if seeds is None:
        return Report(tuple(manifest_findings), shown)
    scanned: ScanResult[None] = scan_files(files, seeds, jobs=choose_jobs(len(files), jobs))
    return Report((*manifest_findings, *scanned.findings), shown)
