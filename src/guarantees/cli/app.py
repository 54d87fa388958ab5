"""The typer application object and its guard: errors become one line and an exit code, never a traceback."""

import contextlib
import sys
from collections.abc import Iterator
from typing import Any

import typer
from typer import _click as click
from typer.core import TyperArgument, TyperGroup

from guarantees import __version__
from guarantees.cli.announce import Announcer
from guarantees.cli.output import stdout_errors
from guarantees.data_dirs import CHOICE_OBSERVER
from guarantees.findings import ExitCode, GuaranteesError
from guarantees.text import printable


class PlainArgument(TyperArgument):
    """An argument as --help conventionally shows it: its metavar (`NAME...`, `ID`), in brackets when optional,
    without typer's `{NAME}`, `[NAME...]...` and `<list[str]>` decorations."""

    def _usage_display_name(self) -> str:
        return self.display_name_raw if self.required else f"[{self.display_name_raw}]"

    def _rich_display_name(self) -> str:
        return self.display_name_raw

    def display_type_rich(self, ctx: Any) -> str | None:
        return None


def _plain_arguments(commands: Any) -> None:
    """Every argument of these commands, and of the subcommands of a group among them (`sources add`), plain."""
    for command in commands:
        for param in command.params:
            if type(param) is TyperArgument:
                param.__class__ = PlainArgument
        _plain_arguments(getattr(command, "commands", {}).values())


class GuardedGroup(TyperGroup):
    """Turns 'cannot proceed' errors into one line on stderr and a named exit code, never a traceback.

    This is the one place error messages reach the terminal, so it is the one place they are made
    printable: a message can quote a name from the command line, an alias read from a file or a
    did-you-mean suggestion, and none of them may drive the terminal or forge a CI annotation.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _plain_arguments(self.commands.values())  # every command, whichever module adds it

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        try:  # parsing the command line, which prints --help and --version itself
            with _printable_click_errors(), stdout_errors():
                return super().make_context(*args, **kwargs)
        except GuaranteesError as error:
            raise typer.Exit(_report(error)) from None

    def invoke(self, ctx: Any) -> Any:  # typer's vendored click Context
        try:
            with _printable_click_errors():
                return super().invoke(ctx)
        except GuaranteesError as error:
            ctx.exit(_report(error))
        except Exception as error:
            # typer (which vendors its own click) signals usage errors and exits by exception: let them through.
            if type(error).__module__.split(".")[0] in {"typer", "click"} or ctx.meta.get("guarantees.debug"):
                raise
            _say(f"guarantees: internal error: {type(error).__name__}: {error} (rerun with --debug)")
            ctx.exit(int(ExitCode.FAILURE))


def _report(error: GuaranteesError) -> int:
    """One line for the error (none for a closed pipe), and its exit code."""
    if str(error):
        _say(f"guarantees: error: {error}")
    return int(error.exit_code)


def _say(line: str) -> None:
    """One line on stderr, printable; a stderr that cannot be written to loses the line, not the exit code."""
    with contextlib.suppress(OSError, ValueError):
        typer.echo(printable(line), err=True)


@contextlib.contextmanager
def _printable_click_errors() -> Iterator[None]:
    """typer's own usage errors quote the command line (`No such command ...`): print those quotes escaped too."""
    try:
        yield
    except click.ClickException as error:
        error.message = printable(error.message)
        raise


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
    verbose: bool = typer.Option(
        False, "--verbose", "-v", help="Say on stderr which models and seeds directories the command reads."
    ),
) -> None:
    """Compare security-guarantee arrangements, every claim cited to an exact span of a source article.

    Example: guarantees compare art5 budapest
    """
    ctx.meta["guarantees.debug"] = debug
    token = CHOICE_OBSERVER.set(Announcer(verbose))
    ctx.call_on_close(lambda: CHOICE_OBSERVER.reset(token))
