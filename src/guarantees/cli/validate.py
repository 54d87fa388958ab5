"""`guarantees validate`, `schema` and `generate`: parse, call the service, render, exit."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from guarantees.cli.app import app
from guarantees.cli.bounds import within_path_limits
from guarantees.cli.options import JobsOption, OutputOption, ReportFormatOption, SeedsOption
from guarantees.cli.output import write_text
from guarantees.data_dirs import DataDirs
from guarantees.findings import ExitCode
from guarantees.formats import ReportFormat, SchemaName


@app.command()
def validate(
    paths: Annotated[
        list[str] | None,  # str, not Path: Path("") is ".", and an empty argument must be refused
        typer.Argument(
            metavar="PATH...",
            help="Model files or directories (default: the models directory).",
            show_default=False,
            callback=within_path_limits,
        ),
    ] = None,
    seeds: SeedsOption = None,
    output_format: ReportFormatOption = ReportFormat.text,
    jobs: JobsOption = 0,
) -> None:
    """Check model files: YAML, types, citations against the sources, ids and aliases.

    Exit 0 when clean, 1 when any file has an error or no file was checked, 2 for a usage error.
    The seeds directory and manifest used (and the models directory, with no paths) are named
    on stderr, or in the JSON envelope.

    Example: guarantees validate models/ --format github
    """
    from guarantees.render.findings import REPORTERS, render_inputs
    from guarantees.service.validate import validate as validate_files

    report = validate_files(paths or [], DataDirs(seeds=seeds), jobs=jobs)
    if output_format is not ReportFormat.json:  # the JSON envelope carries the same keys
        sys.stderr.write(render_inputs(report))
    write_text(REPORTERS[output_format](report), None, exit_code=report.exit_code)


@app.command()
def schema(
    which: Annotated[
        SchemaName, typer.Argument(metavar="KIND", help="arrangement or sources.")
    ] = SchemaName.arrangement,
    output: OutputOption = None,
) -> None:
    """Print the JSON Schema of a model file (or of the source manifest).

    Example: guarantees schema arrangement > arrangement.schema.json
    """
    from guarantees.schema import render_schema

    write_text(render_schema(which), output)


@app.command()
def generate(
    check: Annotated[bool, typer.Option("--check", help="Only report stale files; exit 1 if any.")] = False,
    root: Annotated[Path, typer.Option("--root", help="The project root.", file_okay=False)] = Path("."),
) -> None:
    """Regenerate the schemas, docs/codebook.md, docs/models.md and the command reference from the code and models.

    Example: guarantees generate --check
    """
    from guarantees.render.generated import render_generated
    from guarantees.service.generate import generate as generate_files

    result = generate_files(root, app, check=check)
    write_text(render_generated(result), None, exit_code=ExitCode.OK if result.ok else ExitCode.FINDINGS)
