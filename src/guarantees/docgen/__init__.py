"""Every committed file generated from the types, the models or the command tree: schemas and reference pages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from guarantees.findings import GuaranteesError
from guarantees.formats import SchemaName


class Project(NamedTuple):
    """A checkout of this project: where its seeds, models and docs are, and the CLI whose reference it keeps."""

    root: Path
    app: Any  # the typer application, passed in so that generating the reference imports no CLI module

    @property
    def seeds(self) -> Path:
        return self.root / "seeds"

    @property
    def models(self) -> Path:
        return self.root / "models"


def _schema(name: SchemaName) -> Callable[[Project], str]:
    def build(project: Project) -> str:
        from guarantees.schema import render_schema

        return render_schema(name)

    return build


def _codebook(project: Project) -> str:
    from guarantees.docgen.codebook import render_codebook

    return render_codebook()


def _models_page(project: Project) -> str:
    from guarantees.docgen.models_page import read_decisions, render_models_page
    from guarantees.model_dir import list_model_dir
    from guarantees.service.selection import load_selection

    listing = list_model_dir(project.models)
    selection = load_selection(list(listing.files), project.seeds)
    if listing.findings or not selection.report.ok or selection.seeds is None:
        found = len(listing.findings) + len(selection.report.errors)
        raise GuaranteesError(f"{found} finding(s) in models/; run `guarantees validate` first")
    return render_models_page(list(selection.models), selection.seeds, read_decisions(project.root / "docs"))


def _cli_reference(project: Project) -> str:
    from guarantees.docgen.cli_reference import render_cli_reference

    return render_cli_reference(project.app)


def _reliability(project: Project) -> str:
    from guarantees.docgen.reliability_page import render_reliability_page

    return render_reliability_page(project.root, project.seeds)


GENERATED: dict[str, Callable[[Project], str]] = {
    "schemas/arrangement.schema.json": _schema(SchemaName.arrangement),
    "schemas/sources.schema.json": _schema(SchemaName.sources),
    "docs/codebook.md": _codebook,
    "docs/models.md": _models_page,
    "docs/reference/cli.md": _cli_reference,
    "docs/reliability.md": _reliability,
}


def find_stale(project: Project) -> list[str]:
    """The generated files whose committed copy differs from what the code generates now."""
    stale = []
    for relative, build in GENERATED.items():
        path = project.root / relative
        if not path.is_file() or path.read_text(encoding="utf-8") != build(project):
            stale.append(relative)
    return stale


def write_generated(project: Project) -> list[str]:
    """Regenerate every stale file; the ones written."""
    from guarantees.writer import write_atomic

    changed = find_stale(project)
    for relative in changed:
        write_atomic(project.root / relative, GENERATED[relative](project))
    return changed
