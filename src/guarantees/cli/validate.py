"""`guarantees validate` and `guarantees schema`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from guarantees.cli import app
from guarantees.cli.options import OutputOption, SeedsOption
from guarantees.findings import ExitCode, UsageError


@app.command()
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Model files or directories (default: the models directory).", show_default=False),
    ] = None,
    seeds: SeedsOption = None,
    output_format: Annotated[str, typer.Option("--format", "-f", help="text, json or github.")] = "text",
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=0, help="Worker processes; 0 picks one per core for 64 files or more.")
    ] = 0,
) -> None:
    """Check model files: YAML, types, citations against the sources, ids and aliases.

    Exit 0 when clean, 1 when any file has an error, 2 for a usage error.

    Example: guarantees validate models/ --format github
    """
    from guarantees.location import find_models_dir, find_seeds_dir
    from guarantees.render.findings import REPORTERS
    from guarantees.sources import load_seeds
    from guarantees.validator import choose_jobs, iter_model_files, validate_files

    if output_format not in REPORTERS:
        raise UsageError(f"unknown format `{output_format}`; expected one of: {', '.join(REPORTERS)}")
    seeds_dir = find_seeds_dir(seeds)
    loaded, manifest_findings = load_seeds(seeds_dir)
    files = iter_model_files(paths or [find_models_dir()])
    if loaded is None:
        from guarantees.findings import Report

        report = Report(findings=manifest_findings, files=[])
    else:
        workers = jobs or choose_jobs(len(files))
        report, _ = validate_files(files, loaded, keep_models=False, jobs=workers)
        report.extend(manifest_findings)
    sys.stdout.write(REPORTERS[output_format](report))
    raise typer.Exit(int(report.exit_code))


@app.command()
def schema(
    which: Annotated[str, typer.Argument(help="arrangement or sources.")] = "arrangement",
    output: OutputOption = None,
) -> None:
    """Print the JSON Schema of a model file (or of the source manifest).

    Example: guarantees schema arrangement > arrangement.schema.json
    """
    from guarantees.schema import SCHEMAS, render_schema
    from guarantees.writer import write_output

    if which not in SCHEMAS:
        raise UsageError(f"unknown schema `{which}`; expected one of: {', '.join(SCHEMAS)}")
    write_output(render_schema(which), output)
    raise typer.Exit(int(ExitCode.OK))


@app.command()
def generate(
    check: Annotated[bool, typer.Option("--check", help="Only report stale files; exit 1 if any.")] = False,
    root: Annotated[Path, typer.Option("--root", help="The project root.", file_okay=False)] = Path("."),
) -> None:
    """Regenerate the schemas, docs/codebook.md and docs/models.md from the types and the models.

    Example: guarantees generate --check
    """
    from guarantees.generated import Project, iter_stale, write_generated

    project = Project(root)
    if not (project.seeds / "sources.yaml").is_file():
        raise UsageError(f"{root} is not a guarantees project root (no seeds/sources.yaml)")
    changed = iter_stale(project) if check else write_generated(project)
    for relative in changed:
        sys.stdout.write(f"{'stale' if check else 'wrote'}: {relative}\n")
    raise typer.Exit(int(ExitCode.FINDINGS if check and changed else ExitCode.OK))
