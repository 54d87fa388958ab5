"""Rich renderables of a comparison, a profile and a catalogue; model text is always data, never markup.

Nothing is cut to fit: a view that does not fit the width is stacked (render/fit.py), never ellipsised."""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.console import Console, Group, RenderableType
from rich.text import Text

from guarantees.comparison import DIFFERS, Brief, Cell, Comparison, Profile, Quote, source_of
from guarantees.dimension import dimension_value, humanise
from guarantees.model import Arrangement, Source, Unspecified
from guarantees.party import find_party_name
from guarantees.render.console import PlainLines, View, print_parts
from guarantees.render.fit import FitRow, Hanging, fit_rows, fit_table, stack_rows
from guarantees.render.grid import Column, fits, render_grid, wrap_paragraph
from guarantees.render.phrases import phrase_parties
from guarantees.scale import Scale
from guarantees.standing import Standing
from guarantees.text import terminal
from guarantees.vocabulary import Provenance

if TYPE_CHECKING:
    from guarantees.service.listing import ListResult


def text(value: object, style: str = "") -> Text:
    """Data as a Text: never parsed as markup; control characters (escape sequences included) and the pieces of
    a GitHub workflow command (`::`, `##[`) shown as U+FFFD."""
    return Text(terminal(value), style=style)


def gauge(level: Scale) -> Text:
    """Strength on an ordered scale at a glance: one dot per step above the weakest level."""
    return Text.assemble(("●" * level.rank, "green"), ("○" * (level.top() - level.rank), "dim"))


def markers(numbers: Iterable[int]) -> Text:
    return Text("".join(f"[{n}]" for n in numbers), style="cyan")


NOT_STATED = "not stated"  # how every terminal view reads `unspecified`: the sources are silent, nothing more


def render_cell(cell: Cell, *, full: bool = False) -> Text:
    """A cell: gauge and label per reading, markers, details, whose words and editors' notes (a remark by a
    politician reads as his, not as treaty text); `full` adds what the sources leave open."""
    out = Text()
    if cell.unspecified is not None:
        out.append_text(text(NOT_STATED, "italic dim"))
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
        out.append("\n  ").append_text(text(f"per {source_of(reading)}", "italic"))
        if reading.note:
            out.append("\n  ").append_text(text(f"note: {reading.note}", "yellow italic"))
    if cell.note:
        out.append("\n").append_text(text(f"note: {cell.note}", "yellow italic"))
    return out


def _header(arrangement: Arrangement) -> Text:
    return Text.assemble(text(arrangement.name, "bold"), "\n", text(arrangement.aliases[0], "dim"))


def _label(arrangement: Arrangement) -> Text:
    return Text.assemble(text(arrangement.name, "bold"), text(f" ({arrangement.aliases[0]})", "dim"))


def _rows(comparison: Comparison, *, full: bool = False) -> list[FitRow]:
    return [
        FitRow(
            Text(f"{DIFFERS} " if row.differs else "  ", style="bold yellow").append_text(text(row.title, "bold")),
            [render_cell(cell, full=full) for cell in row.cells],
        )
        for row in comparison.rows
    ]


def _standing_rows(standing: Standing) -> list[FitRow]:
    """Status and parties (who guarantees whom), above the dimensions as in the memo."""
    parties = [
        Text("\n").join(text(p.text).append(" ").append_text(markers(p.markers)) for p in phrase_parties(entries))
        for entries in standing.parties
    ]
    return [
        FitRow(Text("  ").append_text(text("status", "bold")), [render_cell(cell) for cell in standing.status]),
        FitRow(Text("  ").append_text(text("parties", "bold")), parties),
    ]


def render_table(comparison: Comparison, width: int, standing: Standing | None = None) -> RenderableType:
    """The arrangements side by side when they fit `width` without cutting a word; else one block per dimension."""
    arrangements = comparison.arrangements
    headers = [Text("dimension"), *(_header(a) for a in arrangements)]
    rows = (_standing_rows(standing) if standing else []) + _rows(comparison)
    return fit_rows(headers, [_label(a) for a in arrangements], rows, width)


def source_line(source: Source | None, source_id: str) -> str:
    """`publisher, date` of a source, falling back to its title and `undated`."""
    if source is None:
        return source_id
    return f"{source.publisher or source.title}, {source.date or 'undated'}"


def render_quote(quote: Quote) -> Text:
    """A cited span in its sentence: the words around it dim, the quote itself bold between quotation marks."""
    span = quote.span
    head = Text.assemble(
        markers([quote.marker]),
        " ",
        text(source_line(quote.source, span.source)),
        text(f" · {span.source} [{span.start}:{span.end}]", "dim"),
    )
    body = Text.assemble(
        "    ", text(quote.before, "dim"), "“", text(span.quote, "bold"), "”", text(quote.after, "dim")
    )
    return Text.assemble(head, "\n", body)


def render_quotes(quotes: tuple[Quote, ...]) -> RenderableType:
    lines: list[RenderableType] = [Text("Cited spans (offsets are code points into the source text)", style="bold")]
    return Group(*lines, *(render_quote(q) for q in quotes)) if quotes else Text("")


# Whose words are a remark or a reading, never a term: an exit they state is said to be theirs under the line.
_NOT_TERMS = frozenset({Provenance.OFFICIAL_STATEMENT, Provenance.UNNAMED_OFFICIAL, Provenance.ANALYST})


def render_summaries(comparison: Comparison) -> Group:
    """The decision line of each arrangement; under it, each exit in its `unless` that is someone's remark or
    reading rather than a term of the arrangement (Trump's "If they don't pay ..."), with whose it is."""
    shown: list[RenderableType] = [Text("Decision in one line", style="bold")]
    for arrangement in comparison.arrangements:
        shown.append(Text.assemble(text(arrangement.name, "bold"), ": ", text(comparison.summaries[arrangement.id])))
        shown += [Hanging(Text.assemble("  ", text(line, "yellow italic")), 0) for line in _claimed_exits(arrangement)]
    return Group(*shown)


def _claimed_exits(arrangement: Arrangement) -> list[str]:
    exits = dimension_value(arrangement, "escape_clauses")
    if isinstance(exits, Unspecified):
        return []
    return [
        f"{'a reading' if a.provenance is Provenance.ANALYST else 'a remark'}, not a term "
        f"({humanise(a.provenance)}{f', {a.by}' if a.by else ''}): {a.condition}"
        for a in exits.assessments
        if a.provenance in _NOT_TERMS
    ]


def render_notes(arrangements: list[Arrangement]) -> list[View]:
    """Each arrangement's editors' notes (uncited: what the sources lack or get wrong), when it has any."""
    noted = [a for a in arrangements if a.notes]
    if not noted:
        return []
    shown = [Text.assemble(text(a.name, "bold"), ": ", text(a.notes or "", "italic")) for a in noted]
    return [Text("Editors' notes (uncited)", style="bold"), *shown, Text("")]


def legend(comparison: Comparison) -> Text:
    differing = sum(row.differs for row in comparison.rows)
    return Text(
        f"{DIFFERS} marks a dimension on which the arrangements differ ({differing} of {len(comparison.rows)} shown). "
        "●○ strength on the dimension's ordered scale. [n] the cited span, quoted below. "
        "per: whose words a reading rests on. note: an editor's caveat. not stated: the sources do not say.",
        style="dim",
    )


def render_comparison(comparison: Comparison, width: int, standing: Standing | None = None) -> list[View]:
    """The whole `compare` view: table (or stacked blocks), legend, notes, decision lines, cited spans."""
    if not comparison.rows:
        names = " and ".join(a.aliases[0] for a in comparison.arrangements)
        body: list[View] = [text(f"--only-diff leaves no dimension: {names} are the same on every dimension compared.")]
    else:
        body = [render_table(comparison, width, standing), legend(comparison)]
    return [
        *body,
        Text(""),
        *render_notes(comparison.arrangements),
        render_summaries(comparison),
        Text(""),
        render_quotes(comparison.quotes),
    ]


def render_profile(profile: Profile, width: int) -> Group:
    """The whole `show` view of one arrangement."""
    arrangement = profile.model.arrangement
    name = Text.assemble(
        text(arrangement.name, "bold"), text(f"  ({arrangement.id}; aliases: {', '.join(arrangement.aliases)})", "dim")
    )
    status = Hanging(Text.assemble(text(f"{humanise(arrangement.kind)} · "), render_cell(profile.status)))
    parties = Text("parties: ", style="bold")
    for code, role, numbers in profile.parties:
        parties.append_text(text(f"{find_party_name(code) or code} ({code}, {role}) ")).append_text(
            markers(numbers)
        ).append("  ")
    rows = _rows(profile.comparison, full=True)
    table = fit_table([Text("dimension"), Text("value")], rows, width, show_header=False)
    notes = [Text.assemble(("notes: ", "bold"), text(arrangement.notes, "italic"))] if arrangement.notes else []
    body = table or stack_rows([_label(arrangement)], rows)
    return Group(
        name,
        status,
        text(arrangement.summary),
        parties,
        body,
        *notes,
        Text(""),
        render_quotes(profile.comparison.quotes),
    )


def render_list(result: ListResult, width: int) -> list[View]:
    """`list`: one row per arrangement, with a cell for each key dimension, and how many of all are shown; stacked
    (one block per arrangement) when a word would not fit its column."""
    count = Text(f"{len(result.rows)} of {result.total} arrangements")
    if not result.rows:
        return [Text(f"No arrangement matches every --where filter ({result.total} checked)."), count]
    columns = [Column("arrangement", ratio=3), *(Column(humanise(d), ratio=2) for d in result.dimensions)]
    rows = [
        [terminal(f"{row.label.name}\n{row.label.alias} · {row.label.id}"), *(_short(cell) for cell in row.cells)]
        for row in result.rows
    ]
    if fits(columns, rows, width):
        return [render_grid(columns, rows, width, spaced=True), count]
    return [_stacked_list(result, rows, width), count]


def _stacked_list(result: ListResult, rows: list[list[str]], width: int) -> PlainLines:
    lines: list[str] = []
    for row in rows:
        name, ids = row[0].split("\n")
        lines += wrap_paragraph(name, width, hanging="  ") + wrap_paragraph(ids, width, indent="  ", hanging="  ")
        for dimension, cell in zip(result.dimensions, row[1:], strict=True):
            lines += wrap_paragraph(f"{humanise(dimension)}: {cell}", width, indent="    ", hanging="      ")
        lines.append("")
    return PlainLines(lines)


def _short(brief: Brief) -> str:
    """A catalogue cell: gauge and label of each reading (`|` between contested ones), or `not stated`."""
    if brief.unspecified:
        return NOT_STATED
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
