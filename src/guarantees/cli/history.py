"""`guarantees history NAME`: parse, call the service, render, exit (1 when a followed link is broken)."""

from functools import partial
from typing import Annotated

import typer

from guarantees.cli.app import app
from guarantees.cli.bounds import names_within_limits
from guarantees.cli.options import DimensionsOption, ModelsOption, SeedsOption
from guarantees.cli.output import print_view, show_findings, stop_on_findings, write_text
from guarantees.data_dirs import DataDirs
from guarantees.formats import HistoryFormat


@app.command()
def history(
    name: Annotated[
        str, typer.Argument(metavar="NAME", help="An arrangement id or alias.", callback=names_within_limits)
    ],
    output_format: Annotated[HistoryFormat, typer.Option("--format", "-f", help="text, json or markdown.")] = (
        HistoryFormat.text
    ),
    dimensions: DimensionsOption = None,
    models: ModelsOption = None,
    seeds: SeedsOption = None,
) -> None:
    """The lineage of an arrangement: its versions (revises, supersedes) and what it is modelled on, in date
    order, with what changed on each dimension at each link and the citations of the values that changed.

    A broken link (to no model, or in a cycle) is reported on stderr and exits 1; the rest is still shown.
    An arrangement with no such link is a lineage of one: it is shown, and the exit code is 0.

    Example: guarantees history berlin --dimensions binding_force,response
    """
    from guarantees.service.history import history as follow_links

    result = follow_links(name, DataDirs(models, seeds), dimensions=dimensions)
    stop_on_findings(result.report)
    show_findings(result.links)
    if output_format is HistoryFormat.text:
        from guarantees.render.history import render_history

        print_view(partial(render_history, result), exit_code=result.links.exit_code)
    from guarantees.render.history_text import RENDERERS

    write_text(RENDERERS[output_format](result), None, exit_code=result.links.exit_code)
