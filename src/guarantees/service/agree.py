"""`agree`: how far two or more independent codings of the same arrangements agree, as one frozen result."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from guarantees.agreement import (
    MEASURED,
    ArrangementAgreement,
    DimensionAgreement,
    FieldAgreement,
    measure_arrangement,
    measure_dimension,
    measure_fields,
)
from guarantees.data_dirs import DataDirs, display_path
from guarantees.findings import Finding, Report, UsageError
from guarantees.loaded import LoadedModel
from guarantees.model_dir import list_model_dir
from guarantees.service.selection import load_selection, read_inputs


class AgreeResult(NamedTuple):
    """Agreement per dimension and per arrangement; or the findings that stopped it (a coding must validate)."""

    report: Report
    coders: tuple[str, ...] = ()
    dimensions: tuple[DimensionAgreement, ...] = ()
    arrangements: tuple[ArrangementAgreement, ...] = ()
    fields: tuple[FieldAgreement, ...] = ()

    def below(self, minimum: float) -> list[DimensionAgreement]:
        """The dimensions whose alpha is defined and under `minimum`."""
        return [d for d in self.dimensions if d.alpha is not None and d.alpha < minimum]


def agree(codings: list[Path], dirs: DataDirs) -> AgreeResult:
    """Compare the codings in these directories (each a models directory of the same arrangements)."""
    if len(codings) < 2:
        raise UsageError("expected at least two codings to compare, e.g. `guarantees agree coding/a coding/b`")
    findings: list[Finding] = []
    loaded: dict[str, dict[str, LoadedModel]] = {}
    for directory in codings:
        if not directory.is_dir():
            raise UsageError(f"expected a directory of model files, found {directory}")
        listing = list_model_dir(directory)
        selection = load_selection(list(listing.files), dirs.seeds_dir)
        findings.extend((*listing.findings, *selection.report.findings))
        loaded[display_path(directory)] = {m.arrangement.id: m for m in selection.models}
    if len(loaded) < len(codings):
        raise UsageError("the same coding was given twice")
    report = Report(tuple(findings), tuple(loaded), read_inputs(dirs.seeds_dir))
    if not report.ok:
        return AgreeResult(report)
    dimensions = tuple(measure_dimension(d, loaded) for d in MEASURED)
    ids = sorted({i for models in loaded.values() for i in models})
    arrangements = tuple(measure_arrangement(i, loaded) for i in ids)
    fields = tuple(f for d in MEASURED for f in measure_fields(d, loaded))
    return AgreeResult(report, tuple(loaded), dimensions, arrangements, fields)
