"""The console entry point: signals and the exit status around the typer app.

Ctrl-C at any moment ends the run with exit 130 and at most one line, never a traceback: during the
command as a KeyboardInterrupt (so -o's temporary file is removed and workers are stopped); after it,
as an immediate exit; and there is no interpreter shutdown to interrupt, since the process ends with
os._exit once its output is flushed. This module imports nothing heavy at its top,
so even an interrupt while the app is being imported is caught; only the first milliseconds, while
Python itself starts and before this module runs, keep Python's own handling.
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import sys

# guarantees.findings.ExitCode, spelled out so that nothing is imported before the handler is installed.
FAILURE, INTERRUPTED, PIPE_CLOSED = 3, 130, 141


class _Interrupts:
    """Ctrl-C raises KeyboardInterrupt once, while the command runs; any Ctrl-C after that exits at once."""

    command_running = True

    def handle(self, signum: int, frame: object) -> None:
        if not self.command_running:
            os._exit(INTERRUPTED)
        self.command_running = False  # a second Ctrl-C, even inside an exception handler, ends the process
        raise KeyboardInterrupt


def main() -> None:
    """Console entry point: run one command and exit with its code."""
    interrupts = _Interrupts()
    if signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:  # `guarantees ... &` in a script: stay deaf to it
        signal.signal(signal.SIGINT, interrupts.handle)
    try:
        try:
            code = _run_app()
        finally:
            interrupts.command_running = False  # from here on, Ctrl-C is an immediate exit 130
    except KeyboardInterrupt:
        code = INTERRUPTED
    if code == INTERRUPTED:
        _say("guarantees: interrupted")
    code = _flush(code)
    # Everything is written and every worker has ended: skip interpreter shutdown, the last place where
    # a Ctrl-C would land outside any handler (Python resets SIGINT to its default while finalising).
    os._exit(code)


def _run_app() -> int:
    """The typer app's exit code. An OSError that escapes typer comes from writing its help or usage text."""
    from guarantees.streams import abandon_stdout, prepare_streams

    prepare_streams()
    _collect_garbage_less_often()
    _without_pydantic_plugins()
    from guarantees.cli import app

    try:
        app(prog_name="guarantees")
    except SystemExit as done:
        return done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    except BrokenPipeError:
        abandon_stdout()
        return PIPE_CLOSED
    except OSError as error:
        abandon_stdout()
        _say(f"guarantees: error: cannot write to standard output: {error.strerror or error}")
        return FAILURE
    return 0


# Allocations between two young-generation collections; Python's default is 700.
YOUNG_COLLECTION_AFTER = 100_000


def _collect_garbage_less_often() -> None:
    """Run the cycle collector about 140 times less often than Python's default (every 100,000 allocations, not 700).

    Nearly all a command allocates in its first 200 ms is kept to the end: modules, classes, pydantic's
    validators. None of it is garbage, yet at the default threshold the collector walks it about 90 times
    during a cold `compare`, 13 ms of its run. Collection stays on: a command over 10,000 files still frees
    its cycles, at most some 100,000 objects late.
    """
    _, older, oldest = gc.get_threshold()
    gc.set_threshold(YOUNG_COLLECTION_AFTER, older, oldest)


def _without_pydantic_plugins() -> None:
    """No pydantic plugin runs inside the tool, and nothing is spent looking for one.

    A plugin is any installed package's entry point: third-party code that would watch every untrusted model file
    being validated. The variable turns plugins off for pydantic and typer alike; but pydantic reads it inside its
    plugin loader, whose module first imports importlib.metadata (email, zipfile, csv ...), 11 ms of every command
    that loads a model or parses an argument. In its place goes a loader that finds none, which is what the real
    one returns under this variable; a loader already imported is left as it is.
    """
    import types

    os.environ["PYDANTIC_DISABLE_PLUGINS"] = "__all__"
    no_plugins = types.ModuleType("pydantic.plugin._loader", "pydantic's plugin loader, with plugins turned off.")
    no_plugins.get_plugins = tuple  # type: ignore[attr-defined]  # get_plugins() -> (): no plugins
    sys.modules.setdefault("pydantic.plugin._loader", no_plugins)


def _flush(code: int) -> int:
    """Flush what a command left buffered (`--version`, `generate`); a failure is reported like any other."""
    from guarantees.streams import flush_or_abandon

    error = flush_or_abandon()
    if isinstance(error, BrokenPipeError):
        code = code or PIPE_CLOSED
    elif error is not None:
        _say(f"guarantees: error: cannot write to standard output: {error.strerror or error}")
        code = code or FAILURE
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.flush()
    return code


def _say(line: str) -> None:
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.write(line + "\n")
        sys.stderr.flush()
