"""Every committed file generated from the types or the models: schemas, codebook, model catalogue."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from guarantees.findings import GuaranteesError


@dataclass
class Project:
    root: Path

    @property
    def seeds(self) -> Path:
        return self.root / "seeds"

    @property
    def models(self) -> Path:
        return self.root / "models"


def _schema(name: str) -> Callable[[Project], str]:
    def build(project: Project) -> str:
        from guarantees.schema import render_schema

        return render_schema(name)

    return build


def _codebook(project: Project) -> str:
    from guarantees.codebook import render_codebook

    return render_codebook()


def _catalogue(project: Project) -> str:
    from guarantees.catalogue_doc import read_decisions, render_model_catalogue
    from guarantees.sources import load_seeds
    from guarantees.validator import iter_model_files, validate_files

    seeds, findings = load_seeds(project.seeds)
    if seeds is None:
        raise GuaranteesError("the source manifest does not validate; run `guarantees validate` first")
    report, models = validate_files(iter_model_files([project.models]), seeds)
    if not report.ok:
        raise GuaranteesError(f"{len(report.errors)} finding(s) in models/; run `guarantees validate` first")
    return render_model_catalogue(models, seeds, read_decisions(project.root / "docs"))


def _cli_reference(project: Project) -> str:
    from guarantees.cli import app
    from guarantees.clidoc import render_cli_reference

    return render_cli_reference(app)


GENERATED: dict[str, Callable[[Project], str]] = {
    "schemas/arrangement.schema.json": _schema("arrangement"),
    "schemas/sources.schema.json": _schema("sources"),
    "docs/codebook.md": _codebook,
    "docs/models.md": _catalogue,
    "docs/reference/cli.md": _cli_reference,
}


def iter_stale(project: Project) -> list[str]:
    """The generated files whose committed copy differs from what the code generates now."""
    stale = []
    for relative, build in GENERATED.items():
        path = project.root / relative
        if not path.is_file() or path.read_text(encoding="utf-8") != build(project):
            stale.append(relative)
    return stale


def write_generated(project: Project) -> list[str]:
    """Regenerate every file; the ones that changed."""
    from guarantees.writer import write_atomic

    changed = iter_stale(project)
    for relative in changed:
        write_atomic(project.root / relative, GENERATED[relative](project))
    return changed
