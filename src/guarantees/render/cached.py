"""Terminal views kept on disk, so repeating a command prints its answer without loading a model again.

An entry is keyed by the command, its options and what the console decided from the terminal (width,
colour system, encoding), so each terminal keeps its own entry. It is stored under a fingerprint of
everything else that shapes the output: the bytes and paths of the chosen model files and of every
seed file, the tool's own code, and the versions of the libraries that validate and render. Any
change to any of them is a miss, which loads, checks and renders in full. Only a run that got as far
as printing is stored, and only when its inputs did not change while it ran, so a hit can never hide
a finding or show an old reading.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from pathlib import Path

import pydantic
import rich
import yaml
from rich.console import Console, RenderableType

from guarantees.cache import fingerprint_inputs, read_text_entry, write_text_entry

CACHED_VIEW_MAX_FILES = 64  # a view over more files than this is rare, and hashing them all would cost more


def _libraries() -> str:
    """The libraries that decide what is valid and how it looks; rich has no version attribute, so its files' time."""
    rich_files = Path(rich.__file__).stat().st_mtime_ns
    return f"python {sys.version}; pydantic {pydantic.VERSION}; pyyaml {yaml.__version__}; rich {rich_files}"


def _console(console: Console) -> str:
    """What the console decided from the terminal and the environment (NO_COLOR, COLUMNS, TERM, a pipe)."""
    return (
        f"width {console.width}; colour {console.color_system}; no_color {console.no_color}; "
        f"encoding {console.encoding}; terminal {console.is_terminal}; legacy {console.legacy_windows}"
    )


def view_fingerprint(files: list[Path], seeds_dir: Path) -> str | None:
    """The fingerprint of a view's inputs, or None when the view should not be cached (or a file is unreadable)."""
    inputs = fingerprint_inputs(files, seeds_dir) if len(files) <= CACHED_VIEW_MAX_FILES else None
    return f"{inputs}|{_libraries()}" if inputs is not None else None


def print_view(
    console: Console,
    key: str,
    fingerprint: Callable[[], str | None],
    build: Callable[[], Iterable[RenderableType]],
) -> None:
    """Print the view stored for `key` under the current fingerprint; else build, print and store it.

    `build` loads and checks the models; it raises (a finding, a usage error) instead of returning a view,
    so nothing is stored for a failed run. The fingerprint is taken again after building: a file edited
    meanwhile leaves the entry unwritten rather than filed under the old bytes.
    """
    # Legacy Windows consoles are written through an API, not as text; a recording console must see the renderables.
    before = None if console.legacy_windows or console.record else fingerprint()
    if before is None:
        for renderable in build():
            console.print(renderable)
        return
    key = f"{key}\0{_console(console)}"
    output = read_text_entry("view", key, before)
    if output is None:
        with console.capture() as capture:
            for renderable in build():
                console.print(renderable)
        output = capture.get()
        if fingerprint() == before:
            write_text_entry("view", key, before, output)
    console.file.write(output)
    console.file.flush()
