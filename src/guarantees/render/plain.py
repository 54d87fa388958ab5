"""The lines rich prints on a console that shows no style (a pipe, NO_COLOR), laid out without rich's segments.

With no colour system rich drops every style, so what it prints there is the text alone; it gets there
through a styled Text for each wrapped piece and a segment for each span, which was most of `compare`'s
rendering time. Here the text is broken where rich breaks it, by the function its Text.wrap calls
(`divide_line`), and tests/unit/test_plain.py holds every layout to rich's, character for character.
Where this layout is not certain to be rich's (a tab, a Text that justifies or crops, a line wider than the
console, a renderable of another kind) the answer is None, and rich lays the text out itself.
"""

from __future__ import annotations

import re

from rich._wrap import divide_line  # rich's own line breaking, so the breaks cannot drift from Text.wrap's
from rich.cells import cell_len, set_cell_size
from rich.console import Group
from rich.text import Text

_END_SPACE = re.compile(r"\s+$")  # Text.rstrip_end's


def takes_plain(text: Text) -> bool:
    """Whether a Text wraps as `wrap_plain` does: rich's defaults (fold, no justification, a newline at its end)
    and no tab, which rich expands by cells."""
    return (
        text.justify in (None, "default")
        and text.overflow in (None, "fold")
        and not text.no_wrap
        and text.end == "\n"
        and "\t" not in text.plain
    )


def wrap_plain(text: str, width: int) -> list[str]:
    """`Text(text).wrap(console, width)` as strings: the same breaks, the same trimming and the same folding."""
    lines: list[str] = []
    for line in text.split("\n"):
        offsets = divide_line(line, width, fold=True)
        for start, end in zip([0, *offsets], [*offsets, len(line)], strict=True):
            piece = line[start:end]
            excess = len(piece) - width
            if excess > 0 and (space := _END_SPACE.search(piece)):  # Text.rstrip_end: spaces past the width go
                piece = piece[: len(piece) - min(len(space.group()), excess)]
            if cell_len(piece) > width:  # Text.truncate: a piece still too wide is cut to the width
                piece = set_cell_size(piece, width)
            lines.append(piece)
    return lines


def plain_lines(renderable: object, width: int) -> list[str] | None:
    """The lines rich prints for `renderable` on an unstyled console `width` columns wide, or None.

    Takes a Text, a Group of what this takes, and any renderable with a `plain_lines(width)` of its own
    (the box table, a hanging cell)."""
    lines: list[str] | None
    if isinstance(renderable, Text):
        lines = wrap_plain(renderable.plain, width) if takes_plain(renderable) else None
    elif isinstance(renderable, Group):
        lines = []
        for part in renderable.renderables:
            part_lines = plain_lines(part, width)
            if part_lines is None:
                return None
            lines += part_lines
    else:
        own = getattr(renderable, "plain_lines", None)
        lines = own(width) if callable(own) else None
    if lines is None or any(cell_len(line) > width for line in lines):
        return None  # rich crops a line wider than the console: it does that itself
    return lines
