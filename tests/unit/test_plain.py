"""The plain layout (guarantees.render.plain) is rich's, character for character, wherever it answers.

Each property renders the same thing twice on an unstyled console, once through rich and once without it;
a break, a trimmed space or a folded word placed differently fails it.
"""

from __future__ import annotations

import io

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console, Group
from rich.text import Text

from guarantees.render.console import build_console, iter_rendered
from guarantees.render.fit import Hanging
from guarantees.render.plain import plain_lines, wrap_plain

# Words of one-cell, two-cell and combining (no-cell) characters, a word longer than any line, hyphens; runs
# of spaces and leading spaces (rich keeps those at a line's start and trims them at its end), empty lines.
WORD = st.sampled_from(["a", "ab", "cdé", "e\u0301e\u0301", "日本語", "x-y", "supercalifragilistic", "“q”", "12:3"])
SPACE = st.sampled_from([" ", " ", "  ", "\n", "\n  ", "   "])
TEXT = st.lists(st.tuples(SPACE, WORD), max_size=12).map(lambda parts: "".join(s + w for s, w in parts))
STYLE = st.sampled_from(["", "bold", "dim", "italic cyan"])
STYLED = st.lists(st.tuples(TEXT, STYLE), min_size=1, max_size=3).map(lambda runs: Text.assemble(*runs))


def unstyled(width: int) -> Console:
    return build_console(io.StringIO(), width=width)


def crowded(hanging: Hanging, width: int) -> bool:
    """A line of the cell whose indent (the cell's and its own) leaves no column for its text."""
    return any(hanging.indent + len(line) - len(line.lstrip(" ")) >= width for line in hanging.text.plain.split("\n"))


def printed_by_rich(console: Console, renderable: object) -> str:
    with console.capture() as captured:
        console.print(renderable)
    return captured.get()


@given(TEXT, st.integers(1, 30))
def test_wrap_plain_breaks_where_rich_breaks(text: str, width: int) -> None:
    console = unstyled(80)
    assert wrap_plain(text, width) == [line.plain for line in Text(text).wrap(console, width)]


@given(st.lists(STYLED, min_size=1, max_size=4), st.integers(0, 6), st.integers(2, 40))
def test_texts_groups_and_hanging_cells_print_as_rich_prints_them(texts: list[Text], indent: int, width: int) -> None:
    console = unstyled(width)
    for renderable in (texts[0], Group(*texts), Hanging(texts[0], indent), Group(texts[0], Hanging(texts[-1], 2))):
        lines = plain_lines(renderable, width)
        if lines is None:  # only where rich would crop a line: a hanging indent as wide as the console
            hanging = renderable if isinstance(renderable, Hanging) else renderable.renderables[-1]  # type: ignore[attr-defined]
            assert isinstance(hanging, Hanging) and crowded(hanging, width)
            continue
        assert "".join(f"{line}\n" for line in lines) == printed_by_rich(console, renderable)


@pytest.mark.parametrize(
    "renderable",
    [
        Text("a\tb"),  # rich expands tabs by cells
        Text("centred", justify="center"),
        Text("cropped", overflow="crop"),
        Text("no end", end=""),
        Group(Text("fine"), Text("a\tb")),
        Hanging(Text("x\ty"), 2),
        object(),
    ],
)
def test_what_the_plain_layout_cannot_promise_goes_to_rich(renderable: object) -> None:
    assert plain_lines(renderable, 40) is None


def test_compare_reads_the_same_through_rich_and_without_it(invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    """The whole `compare` view, piped: the plain layout took every part (the table, the notes, the decision
    lines, the quotes), and the text is what rich alone prints."""
    import guarantees.render.console as console_module

    taken: list[bool] = []

    def watched(renderable: object, width: int) -> list[str] | None:
        lines = plain_lines(renderable, width)
        taken.append(lines is not None)
        return lines

    monkeypatch.setattr(console_module, "plain_lines", watched)
    plain = invoke("compare", "art5", "budapest")
    assert taken and all(taken), taken
    monkeypatch.setattr(console_module, "plain_lines", lambda renderable, width: None)
    through_rich = invoke("compare", "art5", "budapest")
    assert plain.exit_code == through_rich.exit_code == 0
    assert plain.stdout == through_rich.stdout and "binding force" in plain.stdout


def test_iter_rendered_keeps_rich_for_a_console_that_shows_colour() -> None:
    colour = Console(file=io.StringIO(), width=40, force_terminal=True, color_system="truecolor", markup=False)
    assert "\x1b[1m" in "".join(iter_rendered(colour, [Text("bold", style="bold")]))
