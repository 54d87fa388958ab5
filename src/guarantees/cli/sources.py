"""`guarantees sources [ID]`: what each source article contributes, and what of it is still uncited."""

from __future__ import annotations

from typing import Annotated

import typer

from guarantees.cli import app
from guarantees.cli.options import ModelsOption, SeedsOption
from guarantees.findings import ExitCode, GuaranteesError, UsageError


@app.command()
def sources(
    source_id: Annotated[
        str | None,
        typer.Argument(metavar="[ID]", help="Show this source with its cited spans marked.", show_default=False),
    ] = None,
    models: ModelsOption = None,
    seeds: SeedsOption = None,
) -> None:
    """List the sources with how much of each the models cite, or show one article with its cited spans.

    Example: guarantees sources vnexpress-2025-12-20
    """
    import difflib

    from guarantees.coverage import build_coverage
    from guarantees.location import find_models_dir, find_seeds_dir
    from guarantees.render.console import build_console
    from guarantees.render.coverage import render_source_table, render_source_text
    from guarantees.sources import load_seeds
    from guarantees.validator import iter_model_files, validate_files

    loaded, findings = load_seeds(find_seeds_dir(seeds))
    if loaded is None:
        raise GuaranteesError("the source manifest does not validate; run `guarantees validate`")
    if source_id is not None and source_id not in loaded.entries:
        close = difflib.get_close_matches(source_id, list(loaded.entries), n=3)
        raise UsageError(
            f"unknown source `{source_id}`; "
            + (f"did you mean {', '.join(close)}?" if close else f"known: {', '.join(loaded.entries)}")
        )
    _, models_loaded = validate_files(iter_model_files([find_models_dir(models)]), loaded)
    coverage = build_coverage(models_loaded, loaded)
    console = build_console()
    if source_id is None:
        console.print(render_source_table(list(coverage.values())))
    else:
        console.print(render_source_text(coverage[source_id]))
    raise typer.Exit(int(ExitCode.OK))
