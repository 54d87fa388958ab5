"""The one vocabulary of options shared by every command, defined once."""

from pathlib import Path
from typing import Annotated

import typer

from guarantees.cli.bounds import at_most_one_per_core, names_within_limits, within_path_limits
from guarantees.formats import ExportFormat, ReportFormat

SeedsOption = Annotated[
    Path | None,
    typer.Option(
        "--seeds",
        callback=within_path_limits,
        help="Directory of the source texts (default: $GUARANTEES_SEEDS, else ./seeds if it exists, else the shipped).",
        file_okay=False,
        show_default=False,
    ),
]
ModelsOption = Annotated[
    Path | None,
    typer.Option(
        "--models",
        callback=within_path_limits,
        help="Directory of model files (default: $GUARANTEES_MODELS, else ./models if it exists, else the shipped).",
        file_okay=False,
        show_default=False,
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        callback=within_path_limits,
        help="Write to this file (atomically) instead of stdout; only a regular file or a new path, never a link.",
        dir_okay=False,
        show_default=False,
    ),
]
DimensionsOption = Annotated[
    str | None,
    typer.Option(
        "--dimensions",
        "-d",
        metavar="A,B,...",
        show_default=False,
        help="Only these dimensions, in this order, e.g. binding_force,trigger,troops.",
    ),
]
OnlyDiffOption = Annotated[
    bool, typer.Option("--only-diff", help="Only the dimensions on which the arrangements differ.")
]
AllOption = Annotated[
    bool, typer.Option("--all", help="Compare every arrangement of the models directory (no names needed).")
]
AgainstOption = Annotated[
    str | None,
    typer.Option(
        "--against",
        metavar="BASELINE",
        callback=names_within_limits,
        show_default=False,
        help="Measure every other arrangement against this one (id or alias): where each is weaker, lacking or silent.",
    ),
]
WhereOption = Annotated[
    list[str] | None,
    typer.Option(
        "--where",
        "-w",
        metavar="FIELD OP VALUE",
        show_default=False,
        help="Filter, e.g. 'binding_force>=legally_binding' or troops.presence=in_territory; repeat to AND.",
    ),
]
NamesArgument = Annotated[
    list[str] | None,
    typer.Argument(
        metavar="NAME...",
        help="Arrangement ids or aliases, any case.",
        show_default=False,
        callback=names_within_limits,
    ),
]
SvgOption = Annotated[
    Path | None,
    typer.Option(
        "--svg",
        callback=within_path_limits,
        metavar="FILE",
        dir_okay=False,
        show_default=False,
        help="Also save the rendered view as an SVG image (for slides).",
    ),
]


def export_format(value: str) -> str:
    """One of the export formats, or `md` for markdown; anything else is a usage error naming the choices."""
    if value not in (*(f.value for f in ExportFormat), "md"):
        choices = ", ".join("markdown (md)" if f is ExportFormat.markdown else f.value for f in ExportFormat)
        raise typer.BadParameter(f"{value!r} is not one of {choices}")
    return value


# `md` is offered beside the formats as the alias of markdown; the command turns the choice into an ExportFormat.
ExportFormatOption = Annotated[
    str,
    typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        callback=export_format,
        help="markdown (or md), json, csv, html (a self-contained page), or docx (a Word file; needs -o and the"
        " docx extra).",
    ),
]
ReportFormatOption = Annotated[ReportFormat, typer.Option("--format", "-f", help="text, json or github.")]
ExcelOption = Annotated[
    bool,
    typer.Option("--excel", help="With --format csv: start with a UTF-8 byte-order mark, so Excel reads the accents."),
]
JobsOption = Annotated[
    int,
    typer.Option(
        "--jobs",
        "-j",
        metavar="N",
        min=0,
        callback=at_most_one_per_core,
        help="Worker processes, at most one per core; 0 picks one per core for 64 files or more.",
    ),
]
