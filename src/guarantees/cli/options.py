"""The one vocabulary of options shared by every command, defined once."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

SeedsOption = Annotated[
    Path | None,
    typer.Option("--seeds", help="Directory of the source corpus (default: ./seeds, or the one shipped with the tool).",
                 file_okay=False, show_default=False),
]
ModelsOption = Annotated[
    Path | None,
    typer.Option("--models", help="Directory of model files (default: ./models, or the ones shipped with the tool).",
                 file_okay=False, show_default=False),
]
OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write to this file (atomically) instead of stdout.", dir_okay=False, show_default=False),
]
