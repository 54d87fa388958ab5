"""What every command does with a result: findings to stderr with exit 1, a view or text to stdout with exit 0."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer

from guarantees.findings import ExitCode, Report

if TYPE_CHECKING:
    from collections.abc import Callable

    from rich.console import RenderableType

    from guarantees.render.console import View


def stop_on_findings(report: Report) -> None:
    """A result whose models have findings is not shown: the findings go to stderr and the exit code is 1."""
    if not report.ok:
        from guarantees.render.findings import render_text

        sys.stderr.write(render_text(report))
        raise typer.Exit(int(ExitCode.FINDINGS))


def print_view(view: RenderableType | Callable[[int], RenderableType | list[View]]) -> NoReturn:
    """A terminal view on stdout, through the one console for data; exit 0.

    A view that lays itself out (a grid over 10,000 rows) is a function of the console's width, and may come
    in parts, each printed as it comes."""
    from guarantees.render.console import build_console, print_parts

    console = build_console()
    shown = view(console.width) if callable(view) else view
    print_parts(console, shown if isinstance(shown, list) else [shown])
    raise typer.Exit(int(ExitCode.OK))


def write_text(text: str, output: Path | None, *, exit_code: ExitCode = ExitCode.OK) -> NoReturn:
    """Plain text to stdout or atomically to a file, never through rich; then exit."""
    from guarantees.writer import write_output

    write_output(text, output)
    raise typer.Exit(int(exit_code))
