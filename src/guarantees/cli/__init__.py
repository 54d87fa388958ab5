"""The typer application: thin commands over the core; errors become one line and an exit code."""

from __future__ import annotations

import sys
from typing import Any

import typer
from typer.core import TyperGroup

from guarantees import __version__
from guarantees.findings import ExitCode, GuaranteesError


class GuardedGroup(TyperGroup):
    """Turns 'cannot proceed' errors into one line on stderr and a named exit code, never a traceback."""

    def invoke(self, ctx: Any) -> Any:  # typer's vendored click Context
        try:
            return super().invoke(ctx)
        except GuaranteesError as error:
            typer.echo(f"guarantees: error: {error}", err=True)
            ctx.exit(int(error.exit_code))
        except Exception as error:
            # typer (which vendors its own click) signals usage errors and exits by exception: let them through.
            if type(error).__module__.split(".")[0] in {"typer", "click"} or ctx.meta.get("guarantees.debug"):
                raise
            typer.echo(f"guarantees: internal error: {type(error).__name__}: {error} (rerun with --debug)", err=True)
            ctx.exit(int(ExitCode.FAILURE))


# rich_markup_mode=None: help text is never read as markup, and rich's Markdown machinery is
# not imported on every run (measured on this machine: ~0.1 s per invocation).
app = typer.Typer(
    name="guarantees",
    cls=GuardedGroup,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"guarantees {__version__}\n")
        raise typer.Exit(int(ExitCode.OK))


@app.callback()
def _root(
    ctx: typer.Context,
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
    debug: bool = typer.Option(False, "--debug", help="Show a traceback for internal errors."),
) -> None:
    """Compare security-guarantee arrangements, every claim cited to an exact span of a source article.

    Example: guarantees compare art5 budapest
    """
    ctx.meta["guarantees.debug"] = debug


from guarantees.cli import agree as _agree  # noqa: E402,F401  (registers its command)
from guarantees.cli import compare as _compare  # noqa: E402,F401  (registers compare, show, list, export)
from guarantees.cli import sources as _sources  # noqa: E402,F401  (registers its command)
from guarantees.cli import validate as _validate  # noqa: E402,F401  (registers its commands)


def main() -> None:
    """Console entry point."""
    app()
