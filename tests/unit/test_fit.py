"""Column widths that never cut a word, and the choice between a table and stacked blocks."""

from __future__ import annotations

import io

from hypothesis import given
from hypothesis import strategies as st
from rich.text import Text

from guarantees.render.console import build_console, iter_rendered
from guarantees.render.fit import READABLE, FitRow, Hanging, fit_rows, fit_table, measure, share_widths

RANGES = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 120)), min_size=1, max_size=6)


@given(RANGES, st.integers(0, 300))
def test_shared_widths_give_every_column_its_longest_word_within_the_room(ranges, room) -> None:
    floors = [READABLE] * len(ranges)
    widths = share_widths(ranges, floors, room)
    needed = sum(min(max(low, READABLE), max(high, low)) for low, high in ranges)
    if widths is None:
        assert needed > room
        return
    assert sum(widths) <= room
    for width, (low, high) in zip(widths, ranges, strict=True):
        assert low <= width <= max(low, high)


def test_measure_counts_a_lines_indent_with_its_longest_word() -> None:
    assert measure(Text("treaty [1]\n  per journalist: glimpse-potential-terms")) == (25, 41)


def render(renderable, width: int) -> str:
    return "".join(iter_rendered(build_console(io.StringIO(), width=width), [renderable]))


def test_an_indented_line_keeps_its_indent_when_it_wraps() -> None:
    out = render(Hanging(Text("label [1]\n  note: a caveat long enough to wrap twice"), 2), 24)
    assert out.splitlines() == ["  label [1]", "    note: a caveat long", "    enough to wrap twice"]


def test_a_table_only_when_every_column_has_room_else_stacked_blocks() -> None:
    headers = [Text("dimension"), Text("Alpha"), Text("Beta")]
    rows = [FitRow(Text("≠ trigger"), [Text("armed attack [1][2]"), Text("intelligence-sharing [3]")])]
    assert fit_table(headers, rows, 80) is not None
    assert fit_table(headers, rows, 40) is None  # two columns of 18 and the titles do not fit in 40
    stacked = render(fit_rows(headers, [Text("Alpha (a)"), Text("Beta (b)")], rows, 40), 40)
    assert stacked.splitlines()[:5] == [
        "≠ trigger",
        "  Alpha (a)",
        "    armed attack [1][2]",
        "  Beta (b)",
        "    intelligence-sharing [3]",
    ]


WORDS = st.text(alphabet=st.sampled_from("abcdefg"), min_size=1, max_size=9)
CELL = st.lists(st.lists(WORDS, min_size=1, max_size=6).map(" ".join), min_size=1, max_size=3).map("\n".join)


@given(
    st.lists(st.integers(9, 30), min_size=1, max_size=4).flatmap(
        lambda widths: st.tuples(
            st.just(widths),
            st.lists(st.lists(CELL, min_size=len(widths), max_size=len(widths)), min_size=1, max_size=3),
        )
    )
)
def test_the_box_table_draws_what_rich_s_table_drew(case) -> None:
    """The hand-laid table must give rich's own lines (box.SQUARE, rules between rows, headers at the foot),
    so replacing rich's Table for speed changed nothing a reader sees."""
    from rich import box
    from rich.table import Table

    from guarantees.render.fit import BoxTable

    widths, rows = case
    headers = [Text(f"h{n}\nhead" if n % 2 else f"h{n}") for n in range(len(widths))]
    table = Table(box=box.SQUARE, show_lines=True, header_style="", expand=False)
    for header, width in zip(headers, widths, strict=True):
        table.add_column(header, width=width, overflow="fold")
    for row in rows:
        table.add_row(*(Text(cell) for cell in row))
    ours = BoxTable(headers, [[Text(cell) for cell in row] for row in rows], widths)

    def lines(renderable) -> list[str]:
        console = build_console(io.StringIO(), width=200)
        return [line.rstrip() for line in "".join(iter_rendered(console, [renderable])).splitlines()]

    assert lines(ours) == lines(table)


STYLED_CELL = st.lists(
    st.tuples(
        st.lists(st.sampled_from(["ab", "cdé", "日本", "x"]), min_size=1, max_size=5).map(" ".join),
        st.sampled_from(["", "bold", "dim", "cyan", "italic magenta"]),
    ),
    min_size=1,
    max_size=4,
).map(  # styled runs of words, every third starting a new line of the cell
    lambda runs: Text.assemble(
        *[(("\n" if n % 3 == 2 else " " if n else "") + words, style) for n, (words, style) in enumerate(runs)]
    )
)


@given(st.lists(st.lists(STYLED_CELL, min_size=2, max_size=2), min_size=1, max_size=3), st.integers(8, 20))
def test_the_box_table_without_colour_writes_the_coloured_table_s_text(rows, width) -> None:
    """Where no colour can be shown (a pipe, NO_COLOR) the table skips its cells' styles: the text must be the
    coloured table's, character for character, once its escape codes are taken out."""
    import re

    from rich.console import Console

    from guarantees.render.fit import BoxTable

    table = BoxTable([Text("h0"), Text("h1")], rows, [width, width])
    plain = "".join(iter_rendered(build_console(io.StringIO(), width=200), [table]))
    colour = Console(file=io.StringIO(), width=200, force_terminal=True, color_system="truecolor", markup=False)
    coloured = "".join(iter_rendered(colour, [table]))
    assert "\x1b[" in coloured or not any(cell.spans for row in rows for cell in row)
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain
