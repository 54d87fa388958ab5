"""What every command does with a result: findings to stderr with exit 1, a view or text to stdout with exit 0.

Writing to stdout can fail (closed, a full disk, a pipe whose reader left): that is one line and a named
exit code, raised here as a GuaranteesError, never a traceback or an `internal error`.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer

from guarantees.findings import ExitCode, OutputError, PipeClosed, Report, UsageError
from guarantees.formats import ExportFormat
from guarantees.streams import abandon_stdout, fit_to_stdout

if TYPE_CHECKING:
    from collections.abc import Callable

    from rich.console import RenderableType

    from guarantees.render.console import View


def stop_on_findings(report: Report) -> None:
    """A result whose models have findings is not shown: the findings go to stderr and the exit code is 1."""
    if not report.ok:
        show_findings(report)
        raise typer.Exit(int(ExitCode.FINDINGS))


def show_findings(report: Report) -> None:
    """Any findings on stderr, compiler style, for a view that is shown all the same (`history`'s link findings)."""
    if report.findings:
        from guarantees.render.findings import render_text

        with contextlib.suppress(OSError, ValueError):  # a stderr that cannot be written loses the text, not the code
            sys.stderr.write(render_text(report))
            sys.stderr.flush()


def print_view(
    view: RenderableType | Callable[[int], RenderableType | list[View]], *, exit_code: ExitCode = ExitCode.OK
) -> NoReturn:
    """A terminal view on stdout, through the one console for data; exit 0 (or `exit_code`).

    A view that lays itself out (a grid over 10,000 rows) is a function of the console's width, and may come
    in parts: each is laid out and written as it comes, so the whole view is never held in memory."""
    from guarantees.render.console import build_console, iter_rendered

    console = build_console()
    shown = view(console.width) if callable(view) else view
    with stdout_errors():  # rich flushes stdout even while it captures
        for chunk in iter_rendered(console, shown if isinstance(shown, list) else [shown]):
            sys.stdout.write(fit_to_stdout(chunk))
        sys.stdout.flush()
    raise typer.Exit(int(exit_code))


def write_text(text: str, output: Path | None, *, exit_code: ExitCode = ExitCode.OK) -> NoReturn:
    """Plain text to stdout or atomically to a file, never through rich; then exit."""
    if output is None:
        with stdout_errors():
            sys.stdout.write(text)
            sys.stdout.flush()
    else:
        from guarantees.writer import write_output

        write_output(text, output)
    raise typer.Exit(int(exit_code))


def check_export_target(chosen: ExportFormat, output: Path | None, *, excel: bool) -> ExportFormat:
    """A usage error, before any work, for a Word file without -o (binary on a terminal or pipe) or --excel
    with a format other than CSV."""
    if chosen is ExportFormat.docx and output is None:
        raise UsageError("--format docx writes a binary Word file: name it with -o FILE (e.g. -o memo.docx)")
    if excel and chosen is not ExportFormat.csv:
        raise UsageError("--excel applies to --format csv only")
    return chosen


def write_export(data: str | bytes, output: Path | None) -> NoReturn:
    """Text as `write_text` writes it; bytes (a Word file, which never goes to stdout) atomically to a file."""
    if isinstance(data, str):
        write_text(data, output)
    if output is None:  # check_export_target refuses this first; never write binary to a terminal or a pipe
        raise UsageError("a binary export needs -o FILE")
    from guarantees.writer import write_output_bytes

    write_output_bytes(data, output)
    raise typer.Exit(int(ExitCode.OK))


@contextlib.contextmanager
def stdout_errors() -> Iterator[None]:
    """A failed write to stdout as PipeClosed (the reader left) or OutputError (closed stdout, full disk)."""
    try:
        yield
    except BrokenPipeError:
        abandon_stdout()
        raise PipeClosed() from None
    except OSError as error:
        abandon_stdout()
        raise OutputError(f"cannot write to standard output: {error.strerror or error}") from None
