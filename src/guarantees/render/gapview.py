"""The gap view (`compare --against`) as plain lines: a matrix in bands that fit the width, a legend, the details.

Laid out as plain wrapped lines rather than rich tables: over 10,000 arrangements the details are
100,000 lines, which rich would take most of a minute to lay out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from guarantees.dimension import humanise
from guarantees.gap import GAP_SYMBOLS, STATUSES, GapColumn
from guarantees.render.console import PlainLines, View
from guarantees.render.grid import Column, render_grid, wrap_paragraph
from guarantees.text import terminal

if TYPE_CHECKING:
    from guarantees.service.gaps import GapResult

SHORT = {
    "instrument": "instr",
    "binding_force": "bind",
    "domestic_approval": "appr",
    "reciprocity": "recip",
    "trigger": "trig",
    "automaticity": "auto",
    "response": "resp",
    "escape_clauses": "esc",
    "troops": "trp",
    "geographic_scope": "geo",
    "institution": "inst",
    "monitoring": "mon",
    "preconditions": "pre",
    "duration": "dur",
    "consideration": "cons",
    "positions": "pos",
    "track_record": "rec",
    "specificity": "spec",
}
MEETS = Column("meets", ratio=0, width=5, justify="right")


def _bands(shorts: list[str], room: int) -> list[range]:
    """Consecutive runs of dimension columns (each its short name wide, one space apart) that fit in `room`."""
    bands: list[range] = []
    start, used = 0, 0
    for index, short in enumerate(shorts):
        if used and used + 1 + len(short) > room:
            bands.append(range(start, index))
            start, used = index, 0
        used += (1 if used else 0) + len(short)
    if start < len(shorts) or not bands:
        bands.append(range(start, len(shorts)))
    return bands


def render_gap_matrix(columns: tuple[GapColumn, ...], width: int) -> PlainLines | Text:
    """One row per arrangement, one narrow column per dimension; when the dimensions do not fit the width they
    are shown in bands (the first dimensions, then the next), each band repeating the arrangement column."""
    dimensions = [gap.dimension for gap in columns[0].gaps] if columns else []
    if not dimensions:
        return Text("Every arrangement is the same as the baseline on every dimension compared.")
    shorts = [SHORT.get(d, d) for d in dimensions]
    longest = max((len(c.arrangement.alias) for c in columns), default=12)
    name_width = max(len("arrangement"), min(longest, 30, width // 3))
    bands = _bands(shorts, max(len(max(shorts, key=len, default="")), width - name_width - 1 - MEETS.width - 1))
    lines: list[str] = []
    for number, band in enumerate(bands):
        last = number == len(bands) - 1
        grid = [Column("arrangement", ratio=0, width=name_width)]
        grid += [Column(shorts[i], ratio=0, width=len(shorts[i]), justify="center") for i in band]
        rows = [
            [terminal(c.arrangement.alias), *(GAP_SYMBOLS[c.gaps[i].status] for i in band)]
            + (["{}/{}".format(*c.score)] if last else [])
            for c in columns
        ]
        lines += ([""] if number else []) + list(
            render_grid([*grid, *([MEETS] if last else [])], rows, width, gap=1).lines
        )
    return PlainLines(lines)


def render_gap_details(columns: tuple[GapColumn, ...], width: int) -> PlainLines:
    """Per arrangement, each dimension where it is not the same as the baseline, with the values that differ."""
    lines: list[str] = []
    for column in columns:
        arrangement = column.arrangement
        head = terminal(f"{arrangement.name} ({arrangement.alias}): {column.verdict}")
        lines += wrap_paragraph(head, width, hanging="  ")
        for gap in column.gaps:
            if gap.status not in ("same", "open"):
                said = gap.detail if gap.status == "unstated" else f"{gap.status}, {gap.detail}"
                item = terminal(f"{GAP_SYMBOLS[gap.status]} {humanise(gap.dimension)}: {said}")
                lines += wrap_paragraph(item, width, indent="  ", hanging="    ")
    return PlainLines(lines)


def render_gap_legend(dimensions: list[str], width: int) -> PlainLines:
    """What each short name and symbol means, and how `meets` counts, one per line, in plain English."""
    names = " · ".join(f"{SHORT.get(d, d)} = {humanise(d)}" for d in dimensions)
    lines = wrap_paragraph(f"Columns: {names}.", width, hanging="  ")
    lines += [symbol_line for s, meaning in STATUSES.items() for symbol_line in _legend_line(s, meaning, width)]
    meets = (
        "meets: of the dimensions with an ordered scale that both state, how many this arrangement matches or "
        "exceeds (every reading at least the baseline's strongest); what its sources leave unstated is not counted."
    )
    return PlainLines([*lines, *wrap_paragraph(meets, width, hanging="  ")])


def _legend_line(status: str, meaning: str, width: int) -> list[str]:
    return wrap_paragraph(f"{GAP_SYMBOLS[status]} {meaning}", width, hanging="  ")


def render_gap_view(result: GapResult, width: int) -> list[View]:
    """`compare --against`: the matrix, its legend, the details, and the decision line of each arrangement."""
    assert result.baseline is not None  # noqa: S101  (rendered only when the service found no problem)
    baseline = result.baseline.label
    columns = tuple(m.column for m in result.others if m.column is not None)
    title = Text.assemble(("Against the baseline: ", "bold"), (terminal(f"{baseline.name} ({baseline.id})"), "bold"))
    decisions = [
        line
        for m in (result.baseline, *result.others)
        for line in wrap_paragraph(terminal(f"{m.label.name}: {m.summary}"), width, hanging="  ")
    ]
    return [
        title,
        render_gap_matrix(columns, width),
        Text(""),
        render_gap_legend(list(result.dimensions), width),
        Text(""),
        render_gap_details(columns, width),
        Text(""),
        Text("Decision in one line", style="bold"),
        PlainLines(decisions),
    ]
