"""`list`: every arrangement with its key dimensions, filtered by `--where`, streamed over any corpus."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from guarantees.comparison import Brief, build_brief
from guarantees.data_dirs import DataDirs
from guarantees.findings import Report
from guarantees.gap import Label
from guarantees.loaded import LoadedModel
from guarantees.model_dir import list_model_dir
from guarantees.query import Filter, parse_filter
from guarantees.service.scan import choose_jobs, scan_files
from guarantees.sources import load_seeds

KEY_DIMENSIONS = ("binding_force", "automaticity", "response", "troops")


class ListRow(NamedTuple):
    label: Label
    cells: tuple[Brief, ...]  # one per key dimension


class ListResult(NamedTuple):
    """The arrangements that match every filter, of how many; or the findings that stopped the listing."""

    report: Report
    dimensions: tuple[str, ...] = KEY_DIMENSIONS
    rows: tuple[ListRow, ...] = ()
    total: int = 0


def _row_if_kept(filters: list[Filter]) -> Callable[[LoadedModel], ListRow | None]:
    def row(model: LoadedModel) -> ListRow | None:
        if not all(f.matches(model.arrangement) for f in filters):
            return None
        return ListRow(Label.of(model.arrangement), tuple(build_brief(model, d) for d in KEY_DIMENSIONS))

    return row


def list_arrangements(where: list[str], dirs: DataDirs, *, jobs: int = 0) -> ListResult:
    """Every model of the models directory that matches all `where` expressions (`field OP value`)."""
    filters = [parse_filter(expression) for expression in where]
    listing = list_model_dir(dirs.models_dir)
    files = list(listing.files)
    seeds, findings = load_seeds(dirs.seeds_dir)
    if seeds is None:
        return ListResult(Report((*listing.findings, *findings)))
    scanned = scan_files(files, seeds, _row_if_kept(filters), jobs=choose_jobs(len(files), jobs))
    report = Report((*listing.findings, *findings, *scanned.findings))
    if not report.ok:
        return ListResult(report)
    rows = tuple(row for row in scanned.extracts if row is not None)
    return ListResult(report, KEY_DIMENSIONS, rows, scanned.models)
