"""One model file: read, type-checked, its citations resolved; each step returns its findings."""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType

from pydantic import ValidationError

from guarantees.checks import check_ranges, resolve_citations
from guarantees.data_dirs import display_path
from guarantees.findings import Finding, Location
from guarantees.loaded import LoadedModel
from guarantees.loader import read_document
from guarantees.model import Arrangement
from guarantees.sources import Seeds


def load_model(path: Path) -> tuple[LoadedModel | None, list[Finding]]:
    """Read and type-check one model file; its citations are not resolved yet."""
    file = display_path(path)
    document, finding = read_document(path, file)
    if document is None:
        return None, [finding] if finding else []
    if not isinstance(document.data, dict):
        found = "a list" if isinstance(document.data, list) else "a single value"
        message = f"expected a mapping of fields at the top level, found {found}"
        return None, [Finding("not-a-mapping", message, Location(file, 1, 1))]
    try:
        arrangement = Arrangement.model_validate(document.data)
    except ValidationError as error:
        from guarantees.type_findings import iter_validation_findings  # only an invalid file needs it

        return None, list(iter_validation_findings(error, document, Arrangement))
    return LoadedModel(path=path, file=file, document=document, arrangement=arrangement), []


def check_model(model: LoadedModel, seeds: Seeds) -> tuple[LoadedModel, list[Finding]]:
    """The model with its citations resolved, and every per-file semantic finding."""
    spans, findings = resolve_citations(model, seeds)
    resolved = model._replace(spans=MappingProxyType(spans))
    return resolved, [*findings, *check_ranges(resolved)]


def load_checked_model(path: Path, seeds: Seeds) -> tuple[LoadedModel | None, list[Finding]]:
    """Read, type-check and resolve one file: the model (None when it does not type-check) and all its findings."""
    model, findings = load_model(path)
    if model is None:
        return None, findings
    resolved, more = check_model(model, seeds)
    return resolved, [*findings, *more]
