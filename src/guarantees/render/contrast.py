"""Where the arrangements differ, in a few sentences built by fixed rules from the comparison (plain text)."""

from __future__ import annotations

from guarantees.comparison import Cell, Comparison
from guarantees.decision import join_words
from guarantees.dimension import humanise
from guarantees.render.phrases import describe_provenance, phrase_cell


def _levels(cell: Cell) -> set[str]:
    return {str(r.level) for r in cell.readings if r.level is not None}


def _binding(comparison: Comparison, names: list[str]) -> list[str]:
    """Rule 1: who is legally binding by every reading, by some, or by none."""
    row = next((r for r in comparison.rows if r.dimension == "binding_force"), None)
    if row is None or not row.differs:
        return []
    every = [n for n, c in zip(names, row.cells, strict=True) if _levels(c) == {"legally_binding"}]
    some = [n for n, c in zip(names, row.cells, strict=True) if "legally_binding" in _levels(c) and len(_levels(c)) > 1]
    found = []
    if every and len(every) < len(names):
        found.append(
            f"{'Only ' if len(every) == 1 else ''}{join_words(every)} {'is' if len(every) == 1 else 'are'} "
            "legally binding by every reading"
        )
    for name in some:
        found.append(f"The sources disagree on whether {name} is legally binding")
    return found


def _only_stated(comparison: Comparison, names: list[str]) -> list[str]:
    """Rule 2: dimensions that the sources state for one arrangement only."""
    if len(names) < 2:
        return []
    by_name: dict[str, list[str]] = {}
    for row in comparison.rows:
        stated = [n for n, c in zip(names, row.cells, strict=True) if c.unspecified is None]
        if len(stated) == 1:
            by_name.setdefault(stated[0], []).append(humanise(row.dimension))
    return [f"Only for {name} do the sources state the {join_words(dims)}" for name, dims in by_name.items()]


def _troops(comparison: Comparison, names: list[str]) -> list[str]:
    """Rule 3: who would put troops in the protected territory."""
    row = next((r for r in comparison.rows if r.dimension == "troops"), None)
    inside = [n for n, c in zip(names, row.cells, strict=True) if "in_territory" in _levels(c)] if row else []
    if not inside or len(inside) == len(names):
        return []
    return [f"{'Only ' if len(inside) == 1 else ''}{join_words(inside)} would put troops in the protected territory"]


def _contested(comparison: Comparison, names: list[str]) -> list[str]:
    """Rule 4: the readings the sources disagree on, per arrangement."""
    found: dict[str, list[str]] = {}
    for row in comparison.rows:
        for name, cell in zip(names, row.cells, strict=True):
            if row.dimension != "binding_force" and phrase_cell(cell, "").lead == "contested":
                found.setdefault(name, []).append(humanise(row.dimension))
    return [f"The sources disagree on the {join_words(dims)} of {name}" for name, dims in found.items()]


def _caveats(comparison: Comparison, names: list[str], kinds: list[str]) -> list[str]:
    """Rule 5: escape clauses that rest on someone's remark rather than on the arrangement's text."""
    found = []
    for row in (r for r in comparison.rows if r.dimension == "escape_clauses"):
        for name, kind, cell in zip(names, kinds, row.cells, strict=True):
            for reading in cell.readings:
                whose = describe_provenance(reading, kind)
                if whose and reading.provenance in ("official statement", "unnamed official"):
                    found.append(f"An escape clause of {name} is a {whose}")
    return found


def build_contrasts(comparison: Comparison) -> list[str]:
    """The summary sentences, in rule order; none when the arrangements do not differ on what the rules cover."""
    names = [a.name for a in comparison.arrangements]
    kinds = [str(a.kind) for a in comparison.arrangements]
    found = [
        *_binding(comparison, names),
        *_troops(comparison, names),
        *_only_stated(comparison, names),
        *_contested(comparison, names),
        *_caveats(comparison, names, kinds),
    ]
    return [f"{sentence}." for sentence in found]
