"""The terminal view of a lineage: one stacked block per arrangement, wrapped to any width, never cut.

No table: a lineage's values are shown one under another (the earlier value, then the later one), so
every value and citation marker wraps within the width instead of being squeezed into a column.
"""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.segment import Segment
from rich.text import Text

from guarantees.comparison import DIFFERS, Row
from guarantees.dimension import humanise
from guarantees.lineage import RELATION_WORDS, RULE, describe_change, describe_dated, describe_link
from guarantees.render.console import View
from guarantees.render.terminal import markers, render_cell, render_quotes, text
from guarantees.service.history import Entry, HistoryResult, Step


class Indented:
    """A renderable laid out `columns` in from the left, each wrapped line too, with no spaces after a line.

    rich's Padding pads every line to the widest one, which leaves trailing spaces in a pipe."""

    def __init__(self, renderable: RenderableType, columns: int) -> None:
        self.renderable, self.columns = renderable, columns

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        inner = options.update_width(max(1, options.max_width - self.columns))
        for line in console.render_lines(self.renderable, inner, pad=False, new_lines=False):
            while line and not line[-1].text.rstrip():
                line.pop()  # rich's word wrap leaves the space it broke at
            if line:
                line[-1] = Segment(line[-1].text.rstrip(), line[-1].style)
                yield Segment(" " * self.columns)
            yield from line
            yield Segment.line()


def indented(renderable: RenderableType, columns: int) -> Indented:
    return Indented(renderable, columns)


def render_change(row: Row, before: str, after: str) -> list[RenderableType]:
    """One dimension that differs: its title, then the earlier cell and the later one, each under its id."""
    earlier, later = row.cells
    return [
        indented(Text.assemble((f"{DIFFERS} ", "bold yellow"), text(row.title, "bold")), 5),
        indented(text(f"{before}:", "dim"), 7),
        indented(render_cell(earlier), 9),
        indented(text(f"{after}:", "dim"), 7),
        indented(render_cell(later), 9),
    ]


def render_step(entry: Entry, step: Step) -> list[RenderableType]:
    """A followed link (how this arrangement relates to the target, who says so), then what differs."""
    parts: list[RenderableType] = [indented(text(describe_link(step.relation, step.target), "bold"), 3)]
    for said in step.said:
        parts.append(indented(Text.assemble(text(f"according to {said.by} ", "italic"), markers(said.markers)), 5))
    shown = len(step.changes) + len(step.unchanged)
    parts.append(indented(text(describe_change(step.relation, step.target, len(step.changes), shown)), 3))
    for row in step.changes:
        parts += render_change(row, step.target, entry.id)
    if step.unchanged and step.changes:
        same = ", ".join(humanise(d) for d in step.unchanged)
        parts.append(indented(text(f"The same as {step.target} on: {same}.", "dim"), 3))
    return parts


def render_entry(number: int, entry: Entry) -> list[RenderableType]:
    head = Text.assemble(text(f"{number}. "), text(entry.name, "bold"))
    where = text(f"{entry.id} · {describe_dated(entry.dates)}", "dim")
    status = Text.assemble(text("status: "), render_cell(entry.status))
    parts: list[RenderableType] = [Text(""), head, indented(where, 3), indented(status, 3)]
    for step in entry.steps:
        parts += render_step(entry, step)
    return parts


def render_beside(result: HistoryResult) -> list[RenderableType]:
    """The links of the named arrangement that are not a lineage, each with its citations."""
    if not result.beside:
        return []
    lines: list[RenderableType] = [Text(""), Text("Linked, but not a lineage (not followed)", style="bold")]
    for link in result.beside:
        words = f"{link.source} is {RELATION_WORDS[link.relation]} {link.target} ({link.target_name})"
        lines.append(indented(Text.assemble(text(words), " ", markers(link.markers)), 2))
    return lines


def render_history(result: HistoryResult, width: int | None = None) -> list[View]:
    """`history NAME`: the rule, each arrangement in order with what changed at each link, the cited spans."""
    named = next(e for e in result.entries if e.id == result.named)
    title = Text.assemble(("Lineage of ", "bold"), text(named.name, "bold"), text(f" ({named.id})", "dim"))
    parts: list[RenderableType] = [title, text(result.summary)]
    for number, entry in enumerate(result.entries, start=1):
        parts += render_entry(number, entry)
    parts += render_beside(result)
    parts += [Text(""), text(RULE, "dim"), Text(""), render_quotes(result.quotes)]
    shown: list[View] = [part if isinstance(part, Indented) else indented(part, 0) for part in parts]
    return shown
