"""`sources`: what each source contributes to the models, and what of it is uncited, streamed over any corpus."""

from __future__ import annotations

from typing import NamedTuple

from guarantees.coverage import SourceCoverage, build_coverage, citations_of
from guarantees.data_dirs import DataDirs
from guarantees.findings import Report, UsageError
from guarantees.model_dir import list_model_dir
from guarantees.service.scan import choose_jobs, scan_files
from guarantees.sources import load_seeds


class CoverageResult(NamedTuple):
    """Each source's coverage in manifest order (one source with `source_id`); or the findings that stopped it."""

    report: Report
    sources: tuple[SourceCoverage, ...] = ()


def source_coverage(source_id: str | None, dirs: DataDirs, *, jobs: int = 0) -> CoverageResult:
    """How much of each source the models cite; with `source_id`, that source only."""
    seeds, findings = load_seeds(dirs.seeds_dir)
    if seeds is None:
        return CoverageResult(Report(tuple(findings)))
    if source_id is not None and source_id not in seeds.entries:
        import difflib  # only for an unknown id

        close = difflib.get_close_matches(source_id, list(seeds.entries), n=3)
        known = f"did you mean {', '.join(close)}?" if close else f"known: {', '.join(seeds.entries)}"
        raise UsageError(f"unknown source `{source_id}`; {known}")
    listing = list_model_dir(dirs.models_dir)
    files = list(listing.files)
    scanned = scan_files(files, seeds, citations_of, jobs=choose_jobs(len(files), jobs))
    report = Report((*listing.findings, *findings, *scanned.findings))
    if not report.ok:
        return CoverageResult(report)
    coverage = build_coverage(list(scanned.extracts), seeds)
    chosen = [coverage[source_id]] if source_id is not None else list(coverage.values())
    return CoverageResult(report, tuple(chosen))
