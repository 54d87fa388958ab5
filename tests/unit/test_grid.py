"""The plain layout for views with a line per arrangement: wrapped, aligned, nothing cut, printed in order."""

from __future__ import annotations

import io
import textwrap

from hypothesis import given
from hypothesis import strategies as st
from rich.text import Text

from guarantees.coverage import ModelCitations, find_mentions, mention_table
from guarantees.render.console import PlainLines, build_console, print_parts
from guarantees.render.grid import Column, column_widths, fits, render_grid, wrap_paragraph


def test_cells_wrap_within_their_column_and_every_word_survives() -> None:
    columns = [Column("name", ratio=2), Column("value"), Column("n", ratio=0, width=3, justify="right")]
    cells = ["a fairly long arrangement name that must wrap", "legally binding | political declaration", "12"]
    lines = render_grid(columns, [cells], 40).lines
    widths = column_widths(columns, 40)
    assert all(len(line) <= 40 for line in lines) and len(lines) > 3
    # Each column read down its own slice of every line gives back its cell, word for word, in order.
    offset = 0
    for cell, width in zip(cells, widths, strict=True):
        column = " ".join(line[offset : offset + width] for line in lines[2:])
        assert column.split() == cell.split()
        offset += width + 2


def test_an_id_longer_than_its_column_breaks_at_its_hyphens_and_no_word_is_cut() -> None:
    lines = wrap_paragraph("article-5-inspired-guarantees intelligence,", 13)
    assert "".join(lines).replace(" ", "") == "article-5-inspired-guaranteesintelligence,"
    assert "intelligence," in lines  # never "intel" / "ligence,"


def test_a_word_wider_than_the_line_is_folded_on_lines_of_its_own_every_character_kept() -> None:
    lines = wrap_paragraph("an intelligence, sharing", 8)
    assert lines == ["an", "intellig", "ence,", "sharing"]
    cells = render_grid([Column("a"), Column("b")], [["xx", "abcdefghijklmnopqrstuvwxyz"]], 20).lines
    assert all(len(line) <= 20 for line in cells)
    assert "".join(line[10:].strip() for line in cells[2:]) == "abcdefghijklmnopqrstuvwxyz"


def test_fits_says_whether_every_word_has_room_in_its_column() -> None:
    columns = [Column("name"), Column("value")]
    assert fits(columns, [["Alpha", "legally binding"]], 40)
    assert not fits(columns, [["Alpha", "intelligence-sharing"]], 20)  # pieces `intelligence-` (13) > 9
    assert fits(columns, [["Alpha", "art-5-inspired"]], 20)  # breaks at its hyphens


def test_plain_lines_and_rich_parts_print_in_order() -> None:
    stream = io.StringIO()
    print_parts(build_console(stream, width=60), [Text("first"), PlainLines(["second", "third"]), Text("fourth")])
    assert stream.getvalue().split() == ["first", "second", "third", "fourth"]


def test_mentions_are_whole_word_runs_of_an_alias_in_any_case_hyphens_as_spaces() -> None:
    owners = mention_table([ModelCitations("m", ("art5-inspired", "dmz", "snap-back"), ())])
    assert find_mentions("Guarantees ART5 inspired by it", owners, 2) == ["m"]
    assert find_mentions("sanctions snap back clauses", owners, 2) == ["m"]
    assert find_mentions("art5inspired and snapback", owners, 2) == []  # no run of whole words
    assert ("dmz",) not in owners and find_mentions("the dmz", owners, 2) == []  # four letters or more only


@given(
    st.text(alphabet=st.sampled_from("ab -\t\n\r"), max_size=40).filter(
        lambda t: max(map(len, t.split()), default=0) <= 4
    ),
    st.integers(min_value=8, max_value=50),  # room for a 4-letter word after the 4-space hanging indent
    st.sampled_from(["", "  "]),
)
def test_the_fast_path_gives_what_textwrap_gives(text: str, width: int, indent: str) -> None:
    """A paragraph that fits is returned without textwrap; the lines must be the wrapped ones all the same
    (here no word outgrows the width, so folding never applies and plain textwrap is the reference)."""
    # Every word fits the line here, so the slow path wraps between words only (no break at a hyphen).
    options = {"break_long_words": False, "break_on_hyphens": False}
    expected = textwrap.wrap(text, width, initial_indent=indent, subsequent_indent="    ", **options)
    assert wrap_paragraph(text, width, indent=indent, hanging="    ") == (expected or [indent])
    cell = render_grid([Column("h", ratio=0, width=width)], [[text]], width).lines[2:]
    paragraphs = [
        line for part in text.split("\n") for line in textwrap.wrap(part, width, break_long_words=False) or [""]
    ]
    assert cell == [line.rstrip() for line in paragraphs]
