"""Rows of rich cells laid out to a width without cutting a word: a table when every column fits, else stacked.

rich shrinks a table that is too wide by cutting cells with an ellipsis (`[13][14][1…`). Here each
column is measured first (its longest word, its longest line); the table is drawn with explicit
widths only when every column gets at least its longest word and a readable width. Otherwise the
same cells are stacked, one block per row (a dimension) listing each column (an arrangement) under
it, where every cell has nearly the whole width.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.text import Text

from guarantees.render.plain import takes_plain, wrap_plain

READABLE = 18  # narrowest value column worth a table; below it a stacked block reads better
STACK_INDENT = 4  # columns a stacked cell is indented under its column's label


class FitRow(NamedTuple):
    title: Text
    cells: Sequence[Text]


def measure(cell: Text) -> tuple[int, int]:
    """(longest word after its line's indent, longest line) of a cell, in terminal columns."""
    lines = cell.plain.split("\n")
    words = [_lead(line) + cell_len(word) for line in lines for word in line.split()]
    return max(words, default=0), max((cell_len(line) for line in lines), default=0)


def _lead(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


class Hanging(NamedTuple):
    """A cell whose indented lines stay indented when they wrap (rich's own wrap returns to the left edge)."""

    text: Text
    indent: int = 0

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        low, high = measure(self.text)
        return Measurement(low + self.indent, high + self.indent)

    def plain_lines(self, width: int) -> list[str] | None:
        """The lines `__rich_console__` gives an unstyled console of `width` columns (guarantees.render.plain)."""
        return wrap_plain_cell(self.text.plain, width, self.indent) if takes_plain(self.text) else None

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for line in self.text.split("\n"):
            lead = self.indent + _lead(line.plain)
            inner = options.update_width(max(1, options.max_width - lead))
            body = line[_lead(line.plain) :]
            for wrapped in console.render_lines(body, inner, pad=False):
                yield Segment(" " * lead)
                yield from wrapped
                yield Segment.line()


def wrap_plain_cell(cell: str, width: int, indent: int = 0) -> list[str]:
    """`wrap_cell` (and Hanging) of an unstyled cell, as strings: each line's continuations keep its indent.

    Trailing spaces stay: wrap_cell strips them, but in a box cell they are the padding either way, and in a
    hanging cell rich keeps them too (the console takes them off every line it writes)."""
    lines: list[str] = []
    for line in cell.split("\n"):
        lead = indent + _lead(line)
        lines += [" " * lead + piece for piece in wrap_plain(line[_lead(line) :], max(1, width - lead))]
    return lines


def wrap_cell(console: Console, cell: Text, width: int, indent: int = 0) -> list[Text]:
    """A cell's lines wrapped to `width`, each indented line's continuations keeping its indent (as Hanging)."""
    lines: list[Text] = []
    for line in cell.split("\n"):
        lead = indent + _lead(line.plain)
        body = line[_lead(line.plain) :]
        wrapped = body.wrap(console, max(1, width - lead), overflow="fold", no_wrap=False) if body.plain else [body]
        for piece in wrapped:
            piece.rstrip()
            lines.append(Text.assemble(" " * lead, piece) if lead else piece)
    return lines


class BoxTable(NamedTuple):
    """A box-drawn table with fixed column widths, laid out line by line.

    What rich's Table drew here (box.SQUARE, a rule between rows, one space of padding), without its
    measuring and per-cell rendering passes, which took most of `compare`'s rendering time: each cell is
    wrapped once to its column's width and the lines are written out with their borders."""

    headers: Sequence[Text] | None
    rows: Sequence[Sequence[Text]]
    widths: Sequence[int]

    def _rule(self, left: str, middle: str, right: str) -> str:
        return left + middle.join("─" * (width + 2) for width in self.widths) + right

    def _row(self, console: Console, cells: Sequence[Text], *, bottom: bool = False) -> RenderResult:
        """One row's lines; `bottom` aligns short cells to the row's foot (rich's placing of headers)."""
        wrapped = [wrap_cell(console, cell, width) for cell, width in zip(cells, self.widths, strict=True)]
        height = max(len(lines) for lines in wrapped)
        if bottom:
            wrapped = [[Text()] * (height - len(lines)) + lines for lines in wrapped]
        for index in range(height):
            yield Segment("│")
            for lines, width in zip(wrapped, self.widths, strict=True):
                line = lines[index] if index < len(lines) else Text()
                yield Segment(" ")
                yield from line.render(console)
                yield Segment(" " * (width - line.cell_len) + " │")
            yield Segment("\n")

    def _plain_row(self, cells: Sequence[Text], *, bottom: bool = False) -> list[str]:
        """`_row` on an unstyled console, as strings."""
        wrapped = [wrap_plain_cell(cell.plain, width) for cell, width in zip(cells, self.widths, strict=True)]
        height = max(len(lines) for lines in wrapped)
        if bottom:
            wrapped = [[""] * (height - len(lines)) + lines for lines in wrapped]
        rows = []
        for index in range(height):
            padded = []
            for lines, width in zip(wrapped, self.widths, strict=True):
                line = lines[index] if index < len(lines) else ""
                padded.append(f" {line}{' ' * (width - cell_len(line))} ")
            rows.append(f"│{'│'.join(padded)}│")
        return rows

    def plain_lines(self, width: int) -> list[str] | None:
        """The table's lines on an unstyled console (guarantees.render.plain); the width is its own."""
        if not all(takes_plain(cell) for row in (self.headers or (), *self.rows) for cell in row):
            return None
        lines = [self._rule("┌", "┬", "┐")]
        if self.headers is not None:
            lines += [*self._plain_row(self.headers, bottom=True), self._rule("├", "┼", "┤")]
        for number, cells in enumerate(self.rows):
            if number:
                lines.append(self._rule("├", "┼", "┤"))
            lines += self._plain_row(cells)
        return [*lines, self._rule("└", "┴", "┘")]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        # A console that shows no style (a pipe, NO_COLOR: rich drops every style when it has no colour system)
        # gets the lines as plain strings: rendering the cells' styled segments would be work thrown away.
        if console.color_system is None and (lines := self.plain_lines(options.max_width)) is not None:
            yield Segment("".join(f"{line}\n" for line in lines))
            return
        yield Segment(self._rule("┌", "┬", "┐") + "\n")
        if self.headers is not None:
            yield from self._row(console, self.headers, bottom=True)
            yield Segment(self._rule("├", "┼", "┤") + "\n")
        for number, cells in enumerate(self.rows):
            if number:
                yield Segment(self._rule("├", "┼", "┤") + "\n")
            yield from self._row(console, cells)
        yield Segment(self._rule("└", "┴", "┘") + "\n")


def share_widths(ranges: Sequence[tuple[int, int]], floors: Sequence[int], room: int) -> list[int] | None:
    """Column widths within `room`: each at least its longest word (and its floor, where its content is wider),
    the rest shared in proportion to what each still needs; None when the words alone do not fit."""
    widths = [min(max(low, floor), max(high, low)) for (low, high), floor in zip(ranges, floors, strict=True)]
    if sum(widths) > room:
        return None
    wants = [max(high, low) - width for (low, high), width in zip(ranges, widths, strict=True)]
    spare, wanted = room - sum(widths), sum(wants)
    if wanted:
        widths = [width + min(want, spare * want // wanted) for width, want in zip(widths, wants, strict=True)]
    return widths


def _table_overhead(columns: int) -> int:
    """Border and padding columns of a box.SQUARE table: a bar either side and between, one space each side."""
    return (columns + 1) + 2 * columns


def fit_table(
    headers: Sequence[Text], rows: Sequence[FitRow], width: int, *, show_header: bool = True
) -> BoxTable | None:
    """The rows as a table of `width` columns or fewer, first column the titles; None when they do not fit."""
    columns = len(headers)
    ranges = [measure(header) if show_header else (0, 0) for header in headers]
    for row in rows:
        for index, cell in enumerate([row.title, *row.cells]):
            low, high = measure(cell)
            ranges[index] = (max(ranges[index][0], low), max(ranges[index][1], high))
    room = width - _table_overhead(columns)
    # The titles whole on one line where they fit (`≠ automaticity`), else wrapped at their longest word.
    widths = share_widths(ranges, [ranges[0][1]] + [READABLE] * (columns - 1), room)
    widths = widths or share_widths(ranges, [0] + [READABLE] * (columns - 1), room)
    if widths is None:
        return None
    cells = [[row.title, *row.cells] for row in rows]
    return BoxTable(tuple(headers) if show_header else None, cells, widths)


def stack_rows(labels: Sequence[Text], rows: Sequence[FitRow]) -> Group:
    """One block per row: its title, then each cell under its column's label (no label when there is one column)."""
    blocks: list[RenderableType] = []
    for row in rows:
        blocks.append(row.title)
        for label, cell in zip(labels, row.cells, strict=True):
            if len(labels) > 1:
                blocks.append(Hanging(label, 2))
            blocks.append(Hanging(cell, STACK_INDENT))
        blocks.append(Text(""))
    return Group(*blocks)


def fit_rows(headers: Sequence[Text], labels: Sequence[Text], rows: Sequence[FitRow], width: int) -> RenderableType:
    """A table when it fits `width` without cutting a word, else the stacked blocks (`labels` name the columns)."""
    return fit_table(headers, rows, width) or stack_rows(labels, rows)
