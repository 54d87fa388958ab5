"""`guarantees compare`, `show`, `list` and `export`: parse, load only the models named, build, render, exit."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from guarantees.cli import app
from guarantees.cli.options import (
    AgainstOption,
    DimensionsOption,
    ModelsOption,
    OnlyDiffOption,
    OutputOption,
    SeedsOption,
    WhereOption,
)
from guarantees.findings import ExitCode, UsageError

if TYPE_CHECKING:
    from collections.abc import Callable

    from rich.console import RenderableType

    from guarantees.compare import Comparison
    from guarantees.selection import Selection

NamesArgument = Annotated[
    list[str] | None,
    typer.Argument(metavar="NAME...", help="Arrangement ids or aliases, any case.", show_default=False),
]


def _files(names: list[str], models: Path | None) -> list[Path]:
    """The files of the named models, in order (every model file when no name is given), none of them loaded."""
    from guarantees.catalogue import build_catalogue, find_files
    from guarantees.location import find_models_dir

    catalogue = build_catalogue(find_models_dir(models))
    return find_files(catalogue, names) if names else list(catalogue.files.values())


def _select(files: list[Path], seeds_dir: Path) -> Selection:
    """Load and check these model files only; findings end the run with exit 1."""
    from guarantees.render.findings import render_text
    from guarantees.selection import load_selection

    selection = load_selection(files, seeds_dir)
    if not selection.report.ok:
        sys.stderr.write(render_text(selection.report))
        raise typer.Exit(int(ExitCode.FINDINGS))
    return selection


def _print_view(
    command: str,
    options: object,
    files: list[Path],
    seeds_dir: Path,
    build: Callable[[], list[RenderableType]],
    *,
    cache: bool = True,
) -> None:
    """Print a terminal view through the on-disk view cache (see guarantees.render.cached), then exit 0."""
    from guarantees.render.cached import print_view, view_fingerprint
    from guarantees.render.console import build_console

    console = build_console()

    def fingerprint() -> str | None:
        return view_fingerprint(files, seeds_dir) if cache else None

    # The resolved files and the seeds directory are part of the key: two models directories keep two entries.
    key = "\0".join([command, repr(options), *map(str, files), str(seeds_dir)])
    print_view(console, key, fingerprint, build)
    raise typer.Exit(int(ExitCode.OK))


def _compare_files(names: list[str], against: str | None, models: Path | None) -> list[Path]:
    """The baseline's file first (when it is named as well), then the named arrangements' files."""
    return _files([against, *names] if against and names else names, models)


def _compare(
    names: list[str],
    *,
    against: str | None,
    dimensions: str | None,
    only_diff: bool,
    files: list[Path],
    seeds_dir: Path,
    least: int,
) -> Comparison:
    from guarantees.compare import build_comparison, parse_dimensions
    from guarantees.gap import build_gaps

    chosen = parse_dimensions(dimensions)
    selection = _select(files, seeds_dir)
    baseline = selection.find(against) if against else None
    if against and baseline is None:  # no names: every model was loaded, the baseline among them
        raise UsageError(f"unknown arrangement `{against}`; `guarantees list` shows every id and alias")
    ordered = ([baseline] if baseline else []) + [m for m in selection.models if m is not baseline]
    if len(ordered) < least:
        raise UsageError(f"expected at least {least} different arrangements, found {len(ordered)}")
    comparison = build_comparison(ordered, selection.seeds, dimensions=chosen, only_diff=only_diff)
    comparison.hashes = selection.hashes
    if baseline is not None:
        comparison.baseline = baseline.arrangement
        comparison.gaps = build_gaps(baseline.arrangement, [m.arrangement for m in ordered[1:]], chosen)
    return comparison


@app.command()
def compare(
    names: NamesArgument = None,
    against: AgainstOption = None,
    only_diff: OnlyDiffOption = False,
    dimensions: DimensionsOption = None,
    svg: Annotated[
        Path | None,
        typer.Option(
            "--svg",
            metavar="FILE",
            dir_okay=False,
            show_default=False,
            help="Also save the rendered view as an SVG image (for slides).",
        ),
    ] = None,
    models: ModelsOption = None,
    seeds: SeedsOption = None,
) -> None:
    """Put arrangements side by side: one row per dimension, every value cited to an exact span.

    With --against BASELINE and no names, every model is measured against the baseline.

    Example: guarantees compare art5 budapest --only-diff
    """
    from guarantees.location import find_seeds_dir

    names = names or []
    files, seeds_dir = _compare_files(names, against, models), find_seeds_dir(seeds)

    def build() -> list[RenderableType]:
        from guarantees.render.terminal import render_comparison, render_svg
        from guarantees.writer import write_output

        comparison = _compare(
            names,
            against=against,
            dimensions=dimensions,
            only_diff=only_diff,
            files=files,
            seeds_dir=seeds_dir,
            least=2,
        )
        renderable = render_comparison(comparison)
        if svg is not None:
            title = "guarantees compare " + " ".join(a.id for a in comparison.arrangements)
            write_output(render_svg(renderable, title), svg)
        return [renderable]

    # With --svg the view is always built: a cached answer would skip writing the image.
    _print_view("compare", (names, against, only_diff, dimensions), files, seeds_dir, build, cache=svg is None)


@app.command()
def show(
    name: Annotated[str, typer.Argument(metavar="NAME", help="An arrangement id or alias.")],
    models: ModelsOption = None,
    seeds: SeedsOption = None,
) -> None:
    """One arrangement in full: every dimension with its citations, notes and contested readings.

    Example: guarantees show budapest
    """
    from guarantees.location import find_seeds_dir

    files, seeds_dir = _files([name], models), find_seeds_dir(seeds)

    def build() -> list[RenderableType]:
        from guarantees.compare import build_profile
        from guarantees.render.terminal import render_profile

        selection = _select(files, seeds_dir)
        return [render_profile(build_profile(selection.models[0], selection.seeds))]

    _print_view("show", name, files, seeds_dir, build)


@app.command("list")
def list_(
    where: WhereOption = None,
    models: ModelsOption = None,
    seeds: SeedsOption = None,
) -> None:
    """Every arrangement with its key dimensions; --where filters on typed values, with order on scales.

    Fields: kind, status, a dimension with an ordered scale (binding_force, automaticity, response,
    troops, institution, specificity) or DIMENSION.FIELD; OP is =, !=, <, <=, >, >=; VALUE may be `unspecified`.

    Example: guarantees list --where 'binding_force>=legally_binding' --where troops.presence=in_territory
    """
    from guarantees.location import find_seeds_dir

    files, seeds_dir = _files([], models), find_seeds_dir(seeds)

    def build() -> list[RenderableType]:
        from rich.text import Text

        from guarantees.compare import build_comparison
        from guarantees.query import parse_filter, select
        from guarantees.render.terminal import render_catalogue

        filters = [parse_filter(expression) for expression in where or []]
        selection = _select(files, seeds_dir)
        kept = {a.id for a in select([m.arrangement for m in selection.models], filters)}
        chosen = [m for m in selection.models if m.arrangement.id in kept]
        key = ("binding_force", "automaticity", "response", "troops")
        comparison = build_comparison(chosen, selection.seeds, dimensions=key)
        columns = [(row.dimension, list(row.cells)) for row in comparison.rows]
        total = Text(f"{len(chosen)} of {len(selection.models)} arrangements")
        return [render_catalogue(comparison.arrangements, columns), total]

    _print_view("list", where, files, seeds_dir, build)


@app.command()
def export(
    names: NamesArgument = None,
    output_format: Annotated[str, typer.Option("--format", "-f", help="markdown, json or csv.")] = "markdown",
    output: OutputOption = None,
    against: AgainstOption = None,
    only_diff: OnlyDiffOption = False,
    dimensions: DimensionsOption = None,
    models: ModelsOption = None,
    seeds: SeedsOption = None,
) -> None:
    """Write a comparison as a Markdown memo (with footnoted quotes), JSON or CSV; -o writes a file atomically.

    Example: guarantees export art5 budapest --format markdown -o memo.md
    """
    from guarantees.render.export import EXPORTERS
    from guarantees.writer import write_output

    if output_format not in EXPORTERS:
        raise UsageError(f"unknown format `{output_format}`; expected one of: {', '.join(EXPORTERS)}")
    from guarantees.location import find_seeds_dir

    names = names or []
    files, seeds_dir = _compare_files(names, against, models), find_seeds_dir(seeds)
    comparison = _compare(
        names, against=against, dimensions=dimensions, only_diff=only_diff, files=files, seeds_dir=seeds_dir, least=1
    )
    write_output(EXPORTERS[output_format](comparison), output)
    raise typer.Exit(int(ExitCode.OK))
