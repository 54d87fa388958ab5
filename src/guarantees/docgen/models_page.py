"""docs/models.md, generated: each arrangement with its aliases, one-line summary and the sources it cites."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from guarantees.checks import iter_citations
from guarantees.loaded import LoadedModel
from guarantees.sources import Seeds

DECISIONS = "models-decisions.md"


def _source_line(seeds: Seeds, source_id: str, count: int) -> str:
    entry = seeds.entries.get(source_id)
    if entry is None:
        return f"`{source_id}` ({count})"
    who = entry.publisher or "publisher not named"
    when = str(entry.date) if entry.date is not None else "undated"
    return f"{who}, {when} — “{entry.title}” (`{source_id}`, {count} citation{'s' if count != 1 else ''})"


def render_models_page(models: list[LoadedModel], seeds: Seeds, decisions: str | None) -> str:
    """The catalogue page; `decisions` is the hand-written page on merges and splits, included as is."""
    lines = [
        "# Models",
        "",
        "<!-- Generated from models/ and docs/models-decisions.md by `guarantees generate`; do not edit. -->",
        "",
        f"{len(models)} arrangements, each a file in `models/`. Every value in them cites an exact span of a source.",
        "",
        "| id | aliases | kind | status | summary |",
        "| --- | --- | --- | --- | --- |",
    ]
    for model in models:
        a = model.arrangement
        status = getattr(a.status, "assessments", None)
        shown = " / ".join(str(s.value) for s in status) if status else "unspecified"
        aliases = ", ".join(f"`{x}`" for x in a.aliases)
        lines.append(f"| [`{a.id}`](#{a.id}) | {aliases} | {a.kind} | {shown} | {a.summary.replace('|', '/')} |")
    lines.append("")
    for model in models:
        a = model.arrangement
        counts = Counter(citation.source for _, citation in iter_citations(a))
        lines += [
            f"## {a.id}",
            "",
            f"**{a.name}** — {a.summary}",
            "",
            f"Aliases: {', '.join(f'`{x}`' for x in a.aliases)}.",
            "",
        ]
        lines += ["Sources:", ""] + [f"- {_source_line(seeds, s, n)}" for s, n in sorted(counts.items())] + [""]
    if decisions:
        lines += [
            "## Decisions: which arrangements are one model, which are two",
            "",
            decisions.strip().split("\n", 1)[-1].strip(),
            "",
        ]
    return "\n".join(lines).rstrip() + "\n"


def read_decisions(docs_dir: Path) -> str | None:
    path = docs_dir / DECISIONS
    return path.read_text(encoding="utf-8") if path.is_file() else None
