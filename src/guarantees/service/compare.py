"""`compare`, `export` and `show`: the named models side by side, or one in full, as frozen results."""

from __future__ import annotations

import datetime
from typing import NamedTuple

from guarantees.comparison import Comparison, Markers, Profile, build_comparison, build_profile, parse_dimensions
from guarantees.data_dirs import DataDirs
from guarantees.findings import Report, UsageError
from guarantees.gap import GapColumn, Label, build_gaps
from guarantees.name_index import build_name_index, find_files
from guarantees.service.selection import Selection, load_selection
from guarantees.sources import Seeds
from guarantees.standing import Standing, build_standing


class CompareResult(NamedTuple):
    """A comparison of the named arrangements (baseline first with --against), or the findings that stopped it."""

    report: Report
    comparison: Comparison | None = None
    baseline: Label | None = None
    gaps: tuple[GapColumn, ...] = ()
    hashes: dict[str, str] | None = None  # SHA-256 of each model file's text, by id
    generated: datetime.date | None = None
    texts: dict[str, str] | None = None  # the verified text of each cited source, by id (the HTML report shows them)
    standing: Standing | None = None  # status and parties, for the views that show them (the memo)


class ProfileResult(NamedTuple):
    """One arrangement in full, or the findings that stopped it."""

    report: Report
    profile: Profile | None = None


def select_named(names: list[str], dirs: DataDirs) -> Selection:
    """The named models (every model when none is named), loaded and checked."""
    models_dir = dirs.models_dir
    index = build_name_index(models_dir)
    if index.findings:  # the directory holds what cannot be a model file: every command refuses it alike
        return Selection((), {}, Report(index.findings), None)
    files = find_files(index, names) if names else list(index.files)
    return load_selection(files, dirs.seeds_dir, models_dir=models_dir)


def compare(
    names: list[str],
    dirs: DataDirs,
    *,
    today: datetime.date,
    against: str | None = None,
    dimensions: str | None = None,
    only_diff: bool = False,
    least: int = 2,
    standing: bool = False,
) -> CompareResult:
    """The named arrangements side by side; with `against`, that one first and every other measured against it.

    With `standing`, also the status and parties of each, numbered first (the memo shows them above the table).
    """
    chosen = parse_dimensions(dimensions)
    selection = select_named([against, *names] if against and names else names, dirs)
    if not selection.report.ok:
        return CompareResult(selection.report)
    baseline = selection.find(against) if against else None
    if against and baseline is None:  # no names: every model was loaded, the baseline among them
        raise UsageError(f"unknown arrangement `{against}`; `guarantees list` shows every id and alias")
    ordered = ([baseline] if baseline else []) + [m for m in selection.models if m is not baseline]
    if len(ordered) < least:
        raise UsageError(f"expected at least {least} different arrangements, found {len(ordered)}")
    markers = Markers(selection.seeds)
    stands = build_standing(ordered, markers) if standing else None
    comparison = build_comparison(ordered, selection.seeds, dimensions=chosen, only_diff=only_diff, markers=markers)
    others = [m.arrangement for m in ordered[1:]]
    gaps = tuple(build_gaps(baseline.arrangement, others, chosen)) if baseline else ()
    label = Label.of(baseline.arrangement) if baseline else None
    texts = cited_texts(comparison, selection.seeds)
    return CompareResult(selection.report, comparison, label, gaps, selection.hashes, today, texts, stands)


def cited_texts(comparison: Comparison, seeds: Seeds | None) -> dict[str, str]:
    """Each cited source's text, already read and verified to build the quotes; nothing is read twice."""
    ids = dict.fromkeys(quote.span.source for quote in comparison.quotes)
    return {i: text for i in ids if seeds is not None and (text := seeds.text(i)) is not None}


def show(name: str, dirs: DataDirs) -> ProfileResult:
    """One arrangement with every dimension, its status, parties, notes and cited spans."""
    selection = select_named([name], dirs)
    if not selection.report.ok:
        return ProfileResult(selection.report)
    return ProfileResult(selection.report, build_profile(selection.models[0], selection.seeds))
