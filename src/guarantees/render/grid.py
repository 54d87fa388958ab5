"""Plain text layout (a grid of wrapped cells, wrapped paragraphs) for views with a line per arrangement.

rich's Table measures every cell of every row before it draws one (about 0.4 ms a row for `list`),
which dominated `list` and `compare --against` over a large corpus. These views hold short, plain
cells, so a grid that wraps each cell to a fixed width does the same job ten times faster. It never
cuts a word with an ellipsis: a view checks `fits` and stacks its rows when a word is wider than its
column; only a word wider than the whole line is broken across lines, every character kept.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence
from typing import NamedTuple

from guarantees.render.console import PlainLines

_PIECE = re.compile(r"[^-]*-|[^-]+")  # a word's parts as textwrap may break it: after each hyphen


class Column(NamedTuple):
    header: str
    ratio: int = 1  # share of the width left after the fixed columns; 0 for a fixed column
    width: int = 0  # for a fixed column: its width
    justify: str = "left"  # or "center" or "right"


def column_widths(columns: Sequence[Column], total: int, gap: int = 2) -> list[int]:
    """Widths that fill `total` columns: fixed ones as given, the rest shared by ratio, none under 4."""
    fixed = sum(c.width for c in columns if not c.ratio) + gap * (len(columns) - 1)
    shares = sum(c.ratio for c in columns) or 1
    free = max(4 * sum(1 for c in columns if c.ratio), total - fixed)
    widths = [c.width if not c.ratio else max(4, free * c.ratio // shares) for c in columns]
    return widths


_WRAP_WHITESPACE = frozenset("\t\n\x0b\x0c\r")


def _fits(text: str, width: int) -> bool:
    """Whether textwrap would return `text` as its one line unchanged: it fits and has no whitespace textwrap
    rewrites (tabs, line breaks, space at either end). Most cells and gap lines do, and skipping textwrap for
    them halves the time of a gap view over 10,000 arrangements."""
    return 0 < len(text) <= width and text[0] != " " and text[-1] != " " and _WRAP_WHITESPACE.isdisjoint(text)


def wrap_paragraph(text: str, width: int, *, indent: str = "", hanging: str = "") -> list[str]:
    """One paragraph wrapped to `width`, its first line after `indent` and the rest after `hanging`; nothing cut."""
    if _fits(text, width - len(indent)):
        return [indent + text]
    room = max(1, width - max(len(indent), len(hanging)))
    # Prose whose every word fits the line wraps between words only: a hyphenated word stays whole, and
    # textwrap's simpler word split takes half the time. A word wider than the line breaks at its hyphens.
    whole_words = all(len(word) <= room for word in text.split())
    return textwrap.wrap(
        text if whole_words else _fold(text, room),  # every word fits: nothing to fold
        width,
        initial_indent=indent,
        subsequent_indent=hanging,
        break_long_words=False,
        break_on_hyphens=not whole_words,
    ) or [indent]


def _fold(text: str, width: int) -> str:
    """A word that neither fits the width nor breaks at a hyphen into pieces that do is cut into whole lines of
    `width` characters, so it starts a line of its own and no line overflows; every character is kept."""
    if _unbroken(text, width):
        return text
    return " ".join(
        word if longest_piece(word) <= width else " ".join(word[i : i + width] for i in range(0, len(word), width))
        for word in text.split(" ")
    )


def _wrap(cell: str, width: int) -> list[str]:
    lines: list[str] = []
    for paragraph in cell.split("\n"):
        if _fits(paragraph, width):
            lines.append(paragraph)
            continue
        # An id longer than its column breaks at its hyphens; only a word no hyphen can break is cut (on lines of
        # its own), so no line overflows and every character is shown.
        lines.extend(textwrap.wrap(_fold(paragraph, width), width, break_long_words=False) or [""])
    return lines


def longest_piece(cell: str) -> int:
    """The widest piece of a cell that wrapping cannot split: a word, or an id's part between hyphens."""
    return max((len(piece) for word in cell.split() for piece in _PIECE.findall(word)), default=0)


def _unbroken(cell: str, width: int) -> bool:
    """Whether wrapping to `width` splits no piece of the cell: `longest_piece(cell) <= width`, without
    looking into words that fit whole (nearly all of them, over 10,000 rows)."""
    return len(cell) <= width or all(len(word) <= width or longest_piece(word) <= width for word in cell.split())


def fits(columns: Sequence[Column], rows: Sequence[Sequence[str]], width: int, *, gap: int = 2) -> bool:
    """Whether every word of every cell fits its column at `width`, so the grid breaks none."""
    widths = column_widths(columns, width, gap)
    if sum(widths) + gap * (len(columns) - 1) > width:
        return False
    cells = [[c.header for c in columns], *rows]
    return all(_unbroken(cell, w) for row in cells for cell, w in zip(row, widths, strict=True))


def _place(text: str, width: int, justify: str) -> str:
    if justify == "center":
        return text.center(width)
    return text.rjust(width) if justify == "right" else text.ljust(width)


def render_grid(
    columns: Sequence[Column], rows: Sequence[Sequence[str]], width: int, *, spaced: bool = False, gap: int = 2
) -> PlainLines:
    """The header, a rule under it, and each row's cells wrapped to their column, as plain lines (unstyled);
    `spaced` puts a blank line between rows, for rows of several lines; `gap` spaces stand between columns."""
    widths = column_widths(columns, width, gap)
    out: list[str] = []

    def emit(cells: Sequence[str]) -> None:
        wrapped = [_wrap(cell, w) for cell, w in zip(cells, widths, strict=True)]
        for index in range(max(len(lines) for lines in wrapped)):
            parts = [
                _place(lines[index] if index < len(lines) else "", w, c.justify)
                for lines, w, c in zip(wrapped, widths, columns, strict=True)
            ]
            out.append((" " * gap).join(parts).rstrip())

    emit([c.header for c in columns])
    out.append((" " * gap).join("─" * w for w in widths))
    for number, row in enumerate(rows):
        if spaced and number:
            out.append("")
        emit(row)
    return PlainLines(out)
