"""The one rich Console the terminal views print through: no markup, no guessing, no colour when asked."""

from __future__ import annotations

import os
import sys
from typing import TextIO

from rich.console import Console


def build_console(stream: TextIO | None = None, *, width: int | None = None, record: bool = False) -> Console:
    """A console for data: markup, emoji codes and highlighting off; NO_COLOR or a non-terminal means no colour."""
    stream = stream or sys.stdout
    no_color = bool(os.environ.get("NO_COLOR")) or not stream.isatty()
    return Console(
        file=stream,
        width=width,
        markup=False,
        emoji=False,
        highlight=False,
        no_color=no_color,
        color_system=None if no_color else "auto",
        record=record,
        soft_wrap=False,
    )
