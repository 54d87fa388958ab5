"""`guarantees agree`: parse, call the service, render, exit (1 when a dimension falls below --min-alpha)."""

from pathlib import Path
from typing import Annotated

import typer

from guarantees.cli.app import app
from guarantees.cli.options import SeedsOption
from guarantees.cli.output import stop_on_findings, write_text
from guarantees.data_dirs import DataDirs
from guarantees.findings import ExitCode
from guarantees.formats import AgreeFormat


@app.command()
def agree(
    codings: Annotated[list[Path], typer.Argument(metavar="CODING...", help="Two or more directories of codings.")],
    output_format: Annotated[AgreeFormat, typer.Option("--format", "-f", help="text, json or markdown.")] = (
        AgreeFormat.text
    ),
    min_alpha: Annotated[
        float | None,
        typer.Option(
            "--min-alpha", metavar="ALPHA", min=-1.0, max=1.0, help="Exit 1 when a dimension's alpha is below this."
        ),
    ] = None,
    seeds: SeedsOption = None,
) -> None:
    """Krippendorff's alpha and percentage agreement of independent codings, per dimension and per arrangement.

    Example: guarantees agree coding/a coding/b --min-alpha 0.8
    """
    from guarantees.render.agreement import RENDERERS
    from guarantees.service.agree import agree as measure

    result = measure(codings, DataDirs(seeds=seeds))
    stop_on_findings(result.report)
    below = result.below(min_alpha) if min_alpha is not None else []
    write_text(RENDERERS[output_format](result), None, exit_code=ExitCode.FINDINGS if below else ExitCode.OK)
