"""`compare --against`: where each arrangement is weaker, lacking or silent against a baseline, over any corpus."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from guarantees.comparison import parse_dimensions
from guarantees.data_dirs import DataDirs
from guarantees.decision import build_summary
from guarantees.findings import Report, UsageError
from guarantees.gap import GapBaseline, GapColumn, Label
from guarantees.loaded import LoadedModel
from guarantees.model import Arrangement
from guarantees.name_index import build_name_index, find_files
from guarantees.service.scan import choose_jobs, scan_files
from guarantees.service.selection import load_selection


class Measured(NamedTuple):
    """One arrangement as the gap view shows it: its label, its decision line, and its gaps (None: the baseline)."""

    label: Label
    summary: str
    column: GapColumn | None


class GapResult(NamedTuple):
    """The baseline, the dimensions measured, and every other arrangement's gaps; or the findings that stopped it."""

    report: Report
    baseline: Measured | None = None
    dimensions: tuple[str, ...] = ()  # the dimensions shown (with only_diff, those where some arrangement differs)
    others: tuple[Measured, ...] = ()


def _measure(baseline: Arrangement, dimensions: tuple[str, ...]) -> Callable[[LoadedModel], Measured]:
    against = GapBaseline(baseline, dimensions)  # read once, in the parent; forked workers inherit it

    def measure(model: LoadedModel) -> Measured:
        arrangement = model.arrangement
        column = None if arrangement.id == against.id else against.column(arrangement)
        return Measured(Label.of(arrangement), build_summary(arrangement), column)

    return measure


def differing(dimensions: tuple[str, ...], others: tuple[Measured, ...]) -> tuple[str, ...]:
    """The dimensions on which some arrangement is not the same as the baseline (nor, like it, unstated)."""
    columns = [m.column for m in others if m.column is not None]
    return tuple(d for i, d in enumerate(dimensions) if any(c.gaps[i].status not in ("same", "open") for c in columns))


def only_shown(measured: Measured, shown: tuple[str, ...]) -> Measured:
    """The arrangement with the gaps of the shown dimensions only; its verdict counts those alone."""
    if measured.column is None:
        return measured
    gaps = tuple(g for g in measured.column.gaps if g.dimension in shown)
    return Measured(measured.label, measured.summary, GapColumn(measured.column.arrangement, gaps))


def measure_against(
    against: str,
    names: list[str],
    dirs: DataDirs,
    *,
    dimensions: str | None = None,
    only_diff: bool = False,
    jobs: int = 0,
) -> GapResult:
    """The named arrangements (every model when none is named) against the baseline `against`; with `only_diff`,
    only the dimensions on which some arrangement is not the same as the baseline."""
    chosen = parse_dimensions(dimensions)
    index = build_name_index(dirs.models_dir)
    if index.findings:  # the directory holds what cannot be a model file: every command refuses it alike
        return GapResult(Report(index.findings))
    (baseline_file,) = find_files(index, [against])
    first = load_selection([baseline_file], dirs.seeds_dir)
    if not first.report.ok or first.seeds is None:
        return GapResult(first.report)
    baseline = first.models[0].arrangement
    files = find_files(index, [against, *names]) if names else list(index.files)
    measure = _measure(baseline, chosen)
    scanned = scan_files(files, first.seeds, measure, jobs=choose_jobs(len(files), jobs))
    report = Report((*first.report.findings, *scanned.findings), first.report.files)
    if not report.ok:
        return GapResult(report)
    others = tuple(m for m in scanned.extracts if m.column is not None)
    if not others:
        raise UsageError(f"expected at least one arrangement besides the baseline `{against}`, found none")
    if only_diff:
        chosen = differing(chosen, others)
        others = tuple(only_shown(m, chosen) for m in others)
    return GapResult(report, Measured(Label.of(baseline), build_summary(baseline), None), chosen, others)
