"""`guarantees sources [ID]`: what each source article contributes, and what of it is still uncited."""

from __future__ import annotations

from typing import Annotated

import typer

from guarantees.cli.app import app
from guarantees.cli.options import ModelsOption, SeedsOption
from guarantees.cli.output import print_view, stop_on_findings
from guarantees.data_dirs import DataDirs


@app.command()
def sources(
    source_id: Annotated[
        str | None,
        typer.Argument(metavar="ID", help="Show this source with its cited spans marked.", show_default=False),
    ] = None,
    models: ModelsOption = None,
    seeds: SeedsOption = None,
) -> None:
    """List the sources with how much of each the models cite, or show one article with its cited spans.

    Example: guarantees sources vnexpress-2025-12-20
    """
    from guarantees.render.coverage import render_source_table, render_source_text
    from guarantees.service.coverage import source_coverage

    result = source_coverage(source_id, DataDirs(models, seeds))
    stop_on_findings(result.report)
    print_view(render_source_text(result.sources[0]) if source_id else render_source_table(result.sources))
