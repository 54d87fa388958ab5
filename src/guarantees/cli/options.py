"""The one vocabulary of options shared by every command, defined once."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

SeedsOption = Annotated[
    Path | None,
    typer.Option(
        "--seeds",
        help="Directory of the source corpus (default: ./seeds, or the one shipped with the tool).",
        file_okay=False,
        show_default=False,
    ),
]
ModelsOption = Annotated[
    Path | None,
    typer.Option(
        "--models",
        help="Directory of model files (default: ./models, or the ones shipped with the tool).",
        file_okay=False,
        show_default=False,
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o", help="Write to this file (atomically) instead of stdout.", dir_okay=False, show_default=False
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
AgainstOption = Annotated[
    str | None,
    typer.Option(
        "--against",
        metavar="BASELINE",
        show_default=False,
        help="Measure every other arrangement against this one (id or alias): what it lacks or weakens.",
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
