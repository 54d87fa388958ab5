"""`guarantees compare`, `show`, `list` and `export`: parse, call the service, render, exit."""

import datetime
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Annotated, Any

import typer

from guarantees.cli.app import app
from guarantees.cli.bounds import names_within_limits
from guarantees.cli.options import (
    AgainstOption,
    AllOption,
    DimensionsOption,
    ExcelOption,
    ExportFormatOption,
    ModelsOption,
    NamesArgument,
    OnlyDiffOption,
    OutputOption,
    SeedsOption,
    SvgOption,
    WhereOption,
)
from guarantees.cli.output import check_export_target, print_view, stop_on_findings, write_export
from guarantees.data_dirs import DataDirs
from guarantees.findings import UsageError
from guarantees.formats import ExportFormat

if TYPE_CHECKING:
    from guarantees.render.console import View

ViewFunction = Callable[[int], "list[View]"]


def chosen_names(names: list[str] | None, *, every: bool, against: str | None) -> list[str]:
    """The names to compare: none with --all (every model), none with --against (every model measured against it);
    otherwise at least one, so a bare `compare` is a usage error rather than a silent comparison of everything."""
    if every and names:
        raise UsageError("give names or --all, not both")
    if not (names or every or against):
        raise UsageError(
            "name the arrangements to compare, e.g. `guarantees compare art5 budapest`; "
            "`guarantees list` shows every id and alias, `--all` compares every arrangement"
        )
    return names or []


@app.command()
def compare(
    names: NamesArgument = None,
    every: AllOption = False,
    against: AgainstOption = None,
    only_diff: OnlyDiffOption = False,
    dimensions: DimensionsOption = None,
    svg: SvgOption = None,
    models: ModelsOption = None,
    seeds: SeedsOption = None,
) -> None:
    """Put arrangements side by side: one row per dimension, every value cited to an exact span.

    With --against BASELINE and no names, every model is measured against the baseline; --all compares every model.

    Example: guarantees compare art5 budapest --only-diff
    """
    from guarantees.render.terminal import SVG_WIDTH, render_svg

    dirs, chosen = DataDirs(models, seeds), chosen_names(names, every=every, against=against)
    if against is not None:
        view, title = gap_view(against, chosen, dirs, dimensions=dimensions, only_diff=only_diff)
    else:
        view, title = comparison_view(chosen, dirs, dimensions=dimensions, only_diff=only_diff)
    if svg is not None:
        from guarantees.writer import write_output

        write_output(render_svg(view(SVG_WIDTH), title), svg)
    print_view(view)


def gap_view(against: str, names: list[str], dirs: DataDirs, **options: Any) -> tuple[ViewFunction, str]:
    """`compare --against`: the gap view of the result, or the findings that stopped it (exit 1)."""
    from guarantees.render.gapview import render_gap_view
    from guarantees.service.gaps import measure_against  # here: it brings the corpus scan, which compare A B never uses

    measured = measure_against(against, names, dirs, **options)
    stop_on_findings(measured.report)
    return partial(render_gap_view, measured), f"guarantees compare --against {against}"


def comparison_view(names: list[str], dirs: DataDirs, **options: Any) -> tuple[ViewFunction, str]:
    """`compare A B ...`: the comparison view of the result, or the findings that stopped it (exit 1)."""
    from guarantees.render.terminal import render_comparison
    from guarantees.service.compare import compare as compare_arrangements

    result = compare_arrangements(names, dirs, today=datetime.date.today(), standing=True, **options)
    stop_on_findings(result.report)
    assert result.comparison is not None  # noqa: S101  (a result without findings has its comparison)
    ids = " ".join(a.id for a in result.comparison.arrangements)
    return partial(render_comparison, result.comparison, standing=result.standing), f"guarantees compare {ids}"


@app.command()
def show(
    name: Annotated[
        str, typer.Argument(metavar="NAME", help="An arrangement id or alias.", callback=names_within_limits)
    ],
    models: ModelsOption = None,
    seeds: SeedsOption = None,
) -> None:
    """One arrangement in full: every dimension with its citations, notes and contested readings.

    Example: guarantees show budapest
    """
    from guarantees.render.terminal import render_profile
    from guarantees.service.compare import show as show_arrangement

    result = show_arrangement(name, DataDirs(models, seeds))
    stop_on_findings(result.report)
    assert result.profile is not None  # noqa: S101  (a result without findings has its profile)
    print_view(partial(render_profile, result.profile))


@app.command("list")
def list_(
    where: WhereOption = None,
    models: ModelsOption = None,
    seeds: SeedsOption = None,
) -> None:
    """Every arrangement with its key dimensions; --where filters on typed values, with order on scales.

    Fields: kind, status, a dimension with an ordered scale (binding_force, automaticity, response,
    troops, institution, specificity) or DIMENSION.FIELD; OP is =, !=, <, <=, >, >=; VALUE may be `unspecified`.

    Example: guarantees list --where 'binding_force>=legally_binding' --where kind=security_guarantee
    """
    from guarantees.render.terminal import render_list
    from guarantees.service.listing import list_arrangements

    result = list_arrangements(where or [], DataDirs(models, seeds))
    stop_on_findings(result.report)
    print_view(partial(render_list, result))


@app.command()
def export(
    names: NamesArgument = None,
    every: AllOption = False,
    output_format: ExportFormatOption = ExportFormat.markdown.value,
    output: OutputOption = None,
    excel: ExcelOption = False,
    against: AgainstOption = None,
    only_diff: OnlyDiffOption = False,
    dimensions: DimensionsOption = None,
    models: ModelsOption = None,
    seeds: SeedsOption = None,
) -> None:
    """Write a comparison as a Markdown memo (with footnoted quotes), JSON, CSV, an HTML evidence report or a Word
    file; -o writes it atomically.

    Example: guarantees export art5 budapest --format html -o report.html
    """
    from guarantees.render.export import render_export
    from guarantees.service.compare import compare as compare_arrangements

    chosen = check_export_target(ExportFormat(output_format), output, excel=excel)
    result = compare_arrangements(
        chosen_names(names, every=every, against=against),
        DataDirs(models, seeds),
        today=datetime.date.today(),
        against=against,
        dimensions=dimensions,
        only_diff=only_diff,
        least=1,
        standing=True,
    )
    stop_on_findings(result.report)
    write_export(render_export(result, chosen, excel=excel), output)
