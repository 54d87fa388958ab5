"""`cite` and `reanchor` results: citation blocks ready to paste into a model file, notes, orphans, a JSON envelope.

A block is YAML that reads back as the same citation (the round trip is tested); the comments above each
block hold only the source id and numbers, so nothing from a file can end the comment early.
"""

from __future__ import annotations

from guarantees import __version__
from guarantees.fields import Citation
from guarantees.service.cite import CiteKind, CiteResult
from guarantees.service.reanchor import ReanchorResult
from guarantees.text import json_text, sanitise, terminal
from guarantees.yaml_edit import yaml_string


def render_block(citation: Citation) -> str:
    """`- source: ID` / `  quote: "..."` (+ prefix, suffix, start, end): one item of a `cite:` list."""
    lines = [f"- source: {citation.source}", f"  quote: {yaml_string(citation.quote)}"]
    lines += [
        f"  {key}: {yaml_string(getattr(citation, key))}" for key in ("prefix", "suffix") if getattr(citation, key)
    ]
    lines += [f"  {key}: {getattr(citation, key)}" for key in ("start", "end") if getattr(citation, key) is not None]
    return "".join(line + "\n" for line in lines)


def render_cite_text(result: CiteResult) -> str:
    """Each placement as a located comment and its block; nothing for a quote that was not found."""
    count = len(result.placements)
    blocks = []
    for number, p in enumerate(result.placements, 1):
        which = f"occurrence {number} of {count}: " if count > 1 else ""
        blocks.append(
            f"# {which}{p.citation.source}:{p.line}:{p.column} [{p.start}:{p.end}]\n{render_block(p.citation)}"
        )
    return "\n".join(blocks)


_NOTES = {
    CiteKind.exact: "found exactly once; paste the block under `cite:`",
    CiteKind.typography: "found only after normalising quotes, dashes or spaces: the block holds the exact source text",
    CiteKind.ambiguous: "the quote occurs {count} times: each block picks one with the shortest prefix or suffix; "
    "paste the one you mean{more}",
}


def render_cite_note(result: CiteResult) -> str:
    """One or two lines for stderr: what kind of match it was, or the closest passage."""
    if result.kind is CiteKind.not_found:
        hint = f"\n  hint: {terminal(result.hint)}" if result.hint else ""
        return f"guarantees: no exact match for the quote in `{result.source}`{hint}\n"
    shown = len(result.placements)
    more = f" (blocks for the first {shown} only: a longer quote narrows it)" if result.occurrences > shown else ""
    return f"guarantees: {_NOTES[result.kind].format(count=result.occurrences, more=more)}\n"


def render_cite_json(result: CiteResult) -> str:
    envelope = {
        "format": "guarantees.cite",
        "version": 2,  # 2 added `seeds`, `manifest` and `models` (models null: cite reads the sources only)
        "tool_version": __version__,
        **result.report.input_keys(),
        "source": result.source,
        "quote": result.quote,
        "kind": result.kind.value,
        "occurrences": result.occurrences,
        "placements": [
            {
                "citation": p.citation.model_dump(exclude_none=True),
                "start": p.start,
                "end": p.end,
                "line": p.line,
                "column": p.column,
                "yaml": render_block(p.citation),
            }
            for p in result.placements
        ],
        "hint": result.hint,
        "findings": [f.as_dict() for f in result.report.findings],
    }
    return json_text(envelope) + "\n"


def render_reanchor_text(result: ReanchorResult) -> str:
    """How each citation was placed, every orphan with its closest candidate, then the diff."""
    lines = []
    for moved in result.citations:
        a = moved.anchoring
        where = f" at {a.start}" if a.start is not None else ""
        lines.append(terminal(f"{moved.location}: {a.how.value}{where}: {moved.quote!r}"))
        if a.candidate is not None:
            lines.append(terminal(f"    closest candidate at {a.candidate_start}: {a.candidate!r}"))
        elif a.citation is None:
            lines.append("    no candidate passage found")
    body = "".join(line + "\n" for line in lines)
    diff = "".join(sanitise(line) + "\n" for line in result.diff.splitlines())
    replaced = f"{result.replaced}: replaced by the new text\n"
    return body + ("\n" + diff + replaced if result.diff else "")


def render_reanchor_summary(result: ReanchorResult) -> str:
    total, orphans = len(result.citations), len(result.orphans)
    placed = f"{total - orphans} of {total} citation(s) into `{result.source}` placed, {orphans} orphaned"
    if result.written:
        return f"guarantees: {placed}; wrote the models, the manifest and {result.replaced}\n"
    if orphans:
        return f"guarantees: {placed}; nothing written (place the orphans by hand, or pass --allow-orphans)\n"
    return f"guarantees: {placed}; dry run, nothing written (pass --write to apply the diff above)\n"


def render_reanchor_json(result: ReanchorResult) -> str:
    envelope = {
        "format": "guarantees.reanchor",
        "version": 2,  # 2 added `seeds`, `manifest` and `models`: the directories read
        "tool_version": __version__,
        **result.report.input_keys(),
        "source": result.source,
        "written": result.written,
        "citations": [
            {
                "file": m.file,
                "location": m.location,
                "quote": m.quote,
                "how": m.anchoring.how.value,
                "start": m.anchoring.start,
                "citation": m.anchoring.citation.model_dump(exclude_none=True) if m.anchoring.citation else None,
                "candidate": m.anchoring.candidate,
                "candidate_start": m.anchoring.candidate_start,
            }
            for m in result.citations
        ],
        "diff": result.diff,
        "findings": [f.as_dict() for f in result.report.findings],
    }
    return json_text(envelope) + "\n"
