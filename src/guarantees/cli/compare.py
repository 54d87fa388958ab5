"""`guarantees compare`, `show`, `list` and `export`: parse, call the service, render, exit."""

from __future__ import annotations

import datetime
from functools import partial
from typing import Annotated

import typer

from guarantees.cli.app import app
from guarantees.cli.bounds import names_within_limits
from guarantees.cli.options import (
    AgainstOption,
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
from guarantees.formats import ExportFormat


@app.command()
def compare(
    names: NamesArgument = None,
    against: AgainstOption = None,
    only_diff: OnlyDiffOption = False,
    dimensions: DimensionsOption = None,
    svg: SvgOption = None,
    models: ModelsOption = None,
    seeds: SeedsOption = None,
) -> None:
    """Put arrangements side by side: one row per dimension, every value cited to an exact span.

    With --against BASELINE and no names, every model is measured against the baseline.

    Example: guarantees compare art5 budapest --only-diff
    """
    from guarantees.render.terminal import SVG_WIDTH, render_comparison, render_gap_view, render_svg
    from guarantees.service.compare import compare as compare_arrangements

    dirs, today = DataDirs(models, seeds), datetime.date.today()
    if against is not None:
        from guarantees.service.gaps import (
            measure_against,
        )  # here: it brings the corpus scan, which compare A B never uses

        measured = measure_against(against, names or [], dirs, dimensions=dimensions)
        stop_on_findings(measured.report)
        view, title = partial(render_gap_view, measured), f"guarantees compare --against {against}"
    else:
        result = compare_arrangements(names or [], dirs, today=today, dimensions=dimensions, only_diff=only_diff)
        stop_on_findings(result.report)
        assert result.comparison is not None  # noqa: S101  (a result without findings has its comparison)
        ids = " ".join(a.id for a in result.comparison.arrangements)
        view, title = partial(render_comparison, result.comparison), f"guarantees compare {ids}"
    if svg is not None:
        from guarantees.writer import write_output

        write_output(render_svg(view(SVG_WIDTH), title), svg)
    print_view(view)


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
    print_view(render_profile(result.profile))


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
    from guarantees.render.terminal import render_list
    from guarantees.service.listing import list_arrangements

    result = list_arrangements(where or [], DataDirs(models, seeds))
    stop_on_findings(result.report)
    print_view(partial(render_list, result))


@app.command()
def export(
    names: NamesArgument = None,
    output_format: ExportFormatOption = ExportFormat.markdown.value,
    output: OutputOption = None,
    excel: ExcelOption = False,
    against: AgainstOption = None,
    only_diff: OnlyDiffOption = False,
    dimensions: DimensionsOption = None,
    models: ModelsOption = None,
    seeds: SeedsOption = None,
) -> None:
    """Write a comparison as a Markdown memo (with footnoted quotes), JSON, CSV or a Word file, atomically with -o.

    Example: guarantees export art5 budapest --format docx -o memo.docx
    """
    from guarantees.render.export import render_export
    from guarantees.service.compare import compare as compare_arrangements

    chosen = check_export_target(ExportFormat(output_format), output, excel=excel)
    result = compare_arrangements(
        names or [],
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
