"""Rich renderables of a comparison, a gap view, a profile and a catalogue; model text is always data, never markup."""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from guarantees.comparison import DIFFERS, Brief, Cell, Comparison, Profile, Quote, source_of
from guarantees.dimension import humanise
from guarantees.gap import GAP_SYMBOLS, STATUSES, GapColumn
from guarantees.model import Arrangement, Source
from guarantees.party import find_party_name
from guarantees.render.console import PlainLines, View, print_parts
from guarantees.render.grid import Column, render_grid, wrap_paragraph
from guarantees.scale import Scale
from guarantees.text import terminal

if TYPE_CHECKING:
    from guarantees.service.gaps import GapResult
    from guarantees.service.listing import ListResult

GAP_STYLES = {"lacks": "red", "weaker": "red", "contested": "yellow", "stronger": "green", "same": "green"}


def text(value: object, style: str = "") -> Text:
    """Data as a Text: never parsed as markup; control characters (escape sequences included) and the pieces of
    a GitHub workflow command (`::`, `##[`) shown as U+FFFD."""
    return Text(terminal(value), style=style)


def gauge(level: Scale) -> Text:
    """Strength on an ordered scale at a glance: one dot per step above the weakest level."""
    return Text.assemble(("●" * level.rank, "green"), ("○" * (level.top() - level.rank), "dim"))


def markers(numbers: Iterable[int]) -> Text:
    return Text("".join(f"[{n}]" for n in numbers), style="cyan")


def render_cell(cell: Cell, *, full: bool = False) -> Text:
    """A cell: gauge and label per reading, markers, details; `full` adds who says so and editors' notes."""
    out = Text()
    if cell.unspecified is not None:
        out.append_text(text("unspecified", "italic dim"))
        if cell.markers:
            out.append(" ").append_text(markers(cell.markers))
        if full:
            out.append("\n").append_text(text(cell.unspecified, "dim"))
    if cell.contested:
        out.append_text(text("contested:", "magenta"))
    for reading in cell.readings:
        if out:
            out.append("\n")
        if cell.contested or len(cell.readings) > 1:
            out.append("• ")
        if reading.level is not None:
            out.append_text(gauge(reading.level)).append(" ")
        out.append_text(text(reading.label, "bold")).append(" ").append_text(markers(reading.markers))
        for name, value in reading.details:
            out.append("\n  ").append_text(text(f"{name}: {value}", "dim"))
        out.append("\n  ").append_text(text(source_of(reading), "italic"))
        if full and reading.note:
            out.append("\n  ").append_text(text(f"note: {reading.note}", "dim italic"))
    if full and cell.note:
        out.append("\n").append_text(text(f"note: {cell.note}", "dim italic"))
    return out


def _header(arrangement: Arrangement) -> Text:
    return Text.assemble(text(arrangement.name, "bold"), "\n", text(arrangement.id, "dim"))


def render_table(comparison: Comparison) -> Table:
    table = Table(box=box.SQUARE, show_lines=True, expand=True, header_style="")
    table.add_column("dimension", ratio=1, min_width=12)
    for arrangement in comparison.arrangements:
        table.add_column(_header(arrangement), ratio=2)
    for row in comparison.rows:
        title = Text(f"{DIFFERS} " if row.differs else "  ", style="bold yellow").append_text(text(row.title, "bold"))
        table.add_row(title, *(render_cell(cell) for cell in row.cells))
    return table


def source_line(source: Source | None, source_id: str) -> str:
    """`publisher, date` of a source, falling back to its title and `undated`."""
    if source is None:
        return source_id
    return f"{source.publisher or source.title}, {source.date or 'undated'}"


def render_quote(quote: Quote) -> Text:
    span = quote.span
    head = Text.assemble(
        markers([quote.marker]),
        " ",
        text(source_line(quote.source, span.source)),
        text(f" · {span.source} [{span.start}:{span.end}]", "dim"),
    )
    body = Text.assemble(
        "    …", text(quote.before, "dim"), "“", text(span.quote, "bold"), "”", text(quote.after, "dim"), "…"
    )
    return Text.assemble(head, "\n", body)


def render_quotes(quotes: tuple[Quote, ...]) -> RenderableType:
    lines: list[RenderableType] = [Text("Cited spans (offsets are code points into the source text)", style="bold")]
    return Group(*lines, *(render_quote(q) for q in quotes)) if quotes else Text("")


def render_summaries(lines: list[tuple[str, str]]) -> Group:
    """The decision line of each arrangement, given as (name, line)."""
    shown: list[RenderableType] = [Text("Decision in one line", style="bold")]
    shown += [Text.assemble(text(name, "bold"), ": ", text(line)) for name, line in lines]
    return Group(*shown)


def _summaries(comparison: Comparison) -> list[tuple[str, str]]:
    return [(a.name, comparison.summaries[a.id]) for a in comparison.arrangements]


def legend(comparison: Comparison) -> Text:
    differing = sum(row.differs for row in comparison.rows)
    return Text(
        f"{DIFFERS} the arrangements differ on this dimension ({differing} of {len(comparison.rows)} shown) · "
        "●○ strength on the dimension's ordered scale · [n] cited span below",
        style="dim",
    )


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


def render_gap_matrix(columns: tuple[GapColumn, ...], width: int) -> PlainLines:
    """One row per arrangement, one narrow column per dimension: the gap at a glance, readable at 80 columns."""
    dimensions = [gap.dimension for gap in columns[0].gaps] if columns else []
    shorts = [SHORT.get(d, d) for d in dimensions]
    longest = max((len(c.arrangement.alias) for c in columns), default=12)
    grid = [Column("arrangement", ratio=0, width=min(max(12, longest), 30))]
    grid += [Column(short, ratio=0, width=len(short), justify="center") for short in shorts]
    grid.append(Column("meets", ratio=0, width=5, justify="right"))
    rows = [
        [terminal(c.arrangement.alias), *(GAP_SYMBOLS[g.status] for g in c.gaps), "{}/{}".format(*c.score)]
        for c in columns
    ]
    return render_grid(grid, rows, width, gap=1)


def render_gap_details(columns: tuple[GapColumn, ...], width: int) -> PlainLines:
    """Per arrangement, each dimension where it is not the same as the baseline, with the values that differ.

    Laid out as plain wrapped lines: over 10,000 arrangements this is 100,000 lines, which rich would take
    most of a minute to lay out."""
    lines: list[str] = []
    for column in columns:
        arrangement = column.arrangement
        head = terminal(f"{arrangement.name} ({arrangement.alias}): {column.verdict}")
        lines += wrap_paragraph(head, width, hanging="  ")
        for gap in column.gaps:
            if gap.status not in ("same", "open"):
                item = terminal(f"{GAP_SYMBOLS[gap.status]} {humanise(gap.dimension)}: {gap.status}, {gap.detail}")
                lines += wrap_paragraph(item, width, indent="  ", hanging="    ")
    return PlainLines(lines)


def gap_legend(dimensions: list[str]) -> Text:
    names = " · ".join(f"{SHORT.get(d, d)} = {humanise(d)}" for d in dimensions)
    symbols = " · ".join(f"{GAP_SYMBOLS[s]} {s}: {meaning}" for s, meaning in STATUSES.items())
    return Text(
        f"{names}\n{symbols}\nmeets: ordered dimensions where every reading is at least the baseline's strongest",
        style="dim",
    )


def render_gap_view(result: GapResult, width: int) -> list[View]:
    """`compare --against`: the matrix, its legend, the details, and the decision line of each arrangement."""
    assert result.baseline is not None  # noqa: S101  (rendered only when the service found no problem)
    baseline = result.baseline.label
    columns = tuple(m.column for m in result.others if m.column is not None)
    title = Text.assemble(("Against the baseline: ", "bold"), text(f"{baseline.name} ({baseline.id})", "bold"))
    decisions = [
        line
        for m in (result.baseline, *result.others)
        for line in wrap_paragraph(terminal(f"{m.label.name}: {m.summary}"), width, hanging="  ")
    ]
    return [
        title,
        render_gap_matrix(columns, width),
        gap_legend(list(result.dimensions)),
        Text(""),
        render_gap_details(columns, width),
        Text(""),
        Text("Decision in one line", style="bold"),
        PlainLines(decisions),
    ]


def render_comparison(comparison: Comparison, width: int | None = None) -> list[View]:
    """The whole `compare` view: table, legend, decision lines, cited spans (rich lays it out to any width)."""
    return [
        render_table(comparison),
        legend(comparison),
        Text(""),
        render_summaries(_summaries(comparison)),
        Text(""),
        render_quotes(comparison.quotes),
    ]


def render_profile(profile: Profile) -> Group:
    """The whole `show` view of one arrangement."""
    arrangement = profile.model.arrangement
    head = Text.assemble(
        text(arrangement.name, "bold"),
        text(f"  ({arrangement.id}; aliases: {', '.join(arrangement.aliases)})", "dim"),
        "\n",
        text(f"{humanise(arrangement.kind)} · "),
        render_cell(profile.status),
        "\n",
        text(arrangement.summary),
    )
    parties = Text("parties: ", style="bold")
    for code, role, numbers in profile.parties:
        parties.append_text(text(f"{find_party_name(code) or code} ({code}, {role}) ")).append_text(
            markers(numbers)
        ).append("  ")
    table = Table(box=box.SIMPLE, show_header=False, expand=True, show_lines=True)
    table.add_column("dimension", ratio=1, min_width=12, style="bold")
    table.add_column("value", ratio=4)
    for row in profile.comparison.rows:
        table.add_row(text(row.title), render_cell(row.cells[0], full=True))
    notes = [Text.assemble(("notes: ", "bold"), text(arrangement.notes, "italic"))] if arrangement.notes else []
    return Group(head, parties, table, *notes, Text(""), render_quotes(profile.comparison.quotes))


def render_list(result: ListResult, width: int) -> list[View]:
    """`list`: one row per arrangement, with a cell for each key dimension, and how many of all are shown."""
    columns = [Column("arrangement", ratio=2), *(Column(humanise(d)) for d in result.dimensions)]
    rows = [
        [terminal(f"{row.label.name}\n{row.label.alias} · {row.label.id}"), *(_short(cell) for cell in row.cells)]
        for row in result.rows
    ]
    return [render_grid(columns, rows, width, spaced=True), Text(f"{len(result.rows)} of {result.total} arrangements")]


def _short(brief: Brief) -> str:
    """A catalogue cell: gauge and label of each reading (`|` between contested ones), or `unspecified`."""
    if brief.unspecified:
        return "unspecified"
    shown = [f"{gauge(level).plain} {label}" if level is not None else label for label, level in brief.readings]
    return terminal((" | " if brief.contested else "; ").join(shown))


SVG_WIDTH = 110  # columns of the recorded image: room for three arrangements on a slide


def render_svg(renderable: RenderableType | list[View], title: str) -> str:
    """The renderable recorded at a fixed width, in colour, as an SVG document."""
    console = Console(
        record=True,
        file=io.StringIO(),
        width=SVG_WIDTH,
        force_terminal=True,
        color_system="truecolor",
        markup=False,
        highlight=False,
        emoji=False,
    )
    print_parts(console, renderable if isinstance(renderable, list) else [renderable])
    return console.export_svg(title=title)
