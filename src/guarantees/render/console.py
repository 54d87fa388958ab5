"""The one rich Console the terminal views print through: no markup, no guessing, no colour when asked."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple, TextIO

from rich.console import Console, RenderableType
from rich.text import Text

from guarantees.render.plain import plain_lines


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


class PlainLines(NamedTuple):
    """Text already laid out and made safe (a grid over 10,000 rows): written as it is, without rich's layout."""

    lines: Sequence[str]


View = RenderableType | PlainLines
# Spaces rich leaves where it wrapped a line, before any closing style codes: a reader pasting the text
# would carry them along.
# The look-behind starts a match only at the first space of a run: without it every space of a table's
# padding starts a failing match of its own, and the search takes a quarter of compare's rendering time.
_TRAILING = re.compile(r"(?<! ) +((?:\x1b\[[0-9;]*m)*)$", re.MULTILINE)


def _captured(console: Console, renderable: RenderableType) -> str:
    """What `console.print` writes for the renderable, without the spaces at the ends of its lines.

    A console that shows no style gets the lines from guarantees.render.plain where it can lay them out:
    the same text, without building rich's styled segments for it."""
    lines = plain_lines(renderable, console.width) if console.color_system is None else None
    if lines is not None:
        return _TRAILING.sub("", "".join(f"{line}\n" for line in lines))
    with console.capture() as captured:
        console.print(renderable)
    return _TRAILING.sub(r"\1", captured.get())


CHUNK_LINES = 500  # Text lines rich lays out in one call: one call per line costs twice as much, one for all no less


def iter_rendered(console: Console, parts: Iterable[View]) -> Iterator[str]:
    """Each part laid out as text, as it comes, so a view over 10,000 arrangements is never laid out whole."""
    chunk: list[Text] = []

    def flush() -> Iterator[str]:
        if chunk:
            text = _captured(console, Text("\n").join(chunk))
            chunk.clear()
            yield text

    for part in parts:
        if isinstance(part, Text) and "\n" not in part.plain:
            chunk.append(part)
            if len(chunk) >= CHUNK_LINES:
                yield from flush()
            continue
        yield from flush()
        if isinstance(part, PlainLines):
            yield "".join(f"{line}\n" for line in part.lines)
        else:
            yield _captured(console, part)
    yield from flush()


def print_parts(console: Console, parts: Iterable[View]) -> None:
    """Print every part through the console itself (a recording console, for SVG, sees them all)."""
    for part in parts:
        console.print(Text("\n".join(part.lines)) if isinstance(part, PlainLines) else part)
