"""Terminal views of source coverage: the list of sources, and one article with its cited spans marked.

Seed text is as untrusted as model text: every piece of it goes through `text.terminal`, so an escape
sequence, a bidi override or a workflow command in a source file is shown, never acted on.
"""

from __future__ import annotations

import bisect
from itertools import accumulate

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from guarantees.coverage import SourceCoverage
from guarantees.text import terminal

CITED = "black on yellow"
LABEL = "bold cyan"


def render_source_table(coverages: tuple[SourceCoverage, ...]) -> RenderableType:
    """One row per source: who and what it is, how many spans the models cite, and what share of its text."""
    table = Table(
        title="Sources",
        title_justify="left",
        caption="uncited: paragraphs that name an arrangement but cite nothing (see `guarantees sources ID`)",
        caption_justify="left",
    )
    table.add_column("source", overflow="fold", ratio=1)
    for column in ("spans", "cited", "uncited"):
        table.add_column(column, justify="right", no_wrap=True)
    for c in coverages:
        source = c.source
        cell = Text(terminal(source.id), style="bold")
        who = f"{source.publisher or '(publisher not named)'}, {source.date or '(undated)'}"
        cell.append(f"\n{terminal(who)}\n", style="dim")
        cell.append(terminal(source.title))
        table.add_row(cell, Text(str(len(c.spans))), Text(f"{c.share:.1%}"), Text(str(len(c.uncited_mentions))))
    return table


def _labels(coverage: SourceCoverage) -> dict[int, str]:
    """At each offset where spans end, the `[model · dimension]` labels of those spans."""
    labels: dict[int, list[str]] = {}
    for c in coverage.spans:
        labels.setdefault(c.end, []).append(f"[{terminal(c.model_id)} · {terminal(c.dimension)}]")
    return {end: " ".join(found) for end, found in labels.items()}


def render_source_text(coverage: SourceCoverage) -> RenderableType:
    """The article, cited spans highlighted and bracketed «…» with their model and dimension after them."""
    text = terminal(coverage.text)  # one character for one: the spans' offsets still hold
    starts = {c.start for c in coverage.spans}
    labels = _labels(coverage)
    cuts = sorted({0, len(text), *starts, *labels})
    # Spans sorted by start, and the running maximum of their ends: a segment is inside a span when some span that
    # starts at or before it reaches past it.
    span_starts = [c.start for c in coverage.spans]
    reach = list(accumulate((c.end for c in coverage.spans), max))
    body = Text()
    for left, right in zip(cuts, cuts[1:], strict=False):
        if left in starts:
            body.append("«", style=LABEL)
        before = bisect.bisect_right(span_starts, left)
        inside = before > 0 and reach[before - 1] >= right
        body.append(text[left:right], style=CITED if inside else "")
        if right in labels:
            body.append("»" + labels[right], style=LABEL)
    header = Text(terminal(f"{coverage.source.id}: {coverage.source.title}") + "\n", style="bold")
    header.append(f"{len(coverage.spans)} cited spans, {coverage.share:.1%} of {len(text):,} characters cited\n")
    flagged = coverage.uncited_mentions
    footer = Text(
        "\nParagraphs that name an arrangement but cite nothing:\n" if flagged else "\nNo uncited mentions.\n",
        style="bold",
    )
    for paragraph in flagged:
        line = text.count("\n", 0, paragraph.start) + 1
        excerpt = text[paragraph.start : paragraph.end]
        excerpt = excerpt if len(excerpt) <= 100 else excerpt[:97] + "..."
        footer.append(f"  line {line} ({terminal(', '.join(paragraph.mentions))}): ", style="bold red")
        footer.append(excerpt + "\n")
    return Group(header, body, footer)
