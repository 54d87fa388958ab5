"""A cell of the comparison in plain English: its value, who holds each contested reading, whose words it rests on.

Plain text only, no Markdown or HTML: the memo and the HTML report both phrase a cell with `phrase_cell` and
escape and mark up the pieces themselves (footnote markers, emphasis), so the two can never word it differently.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from guarantees.comparison import Cell, Reading
from guarantees.decision import join_words, means_word
from guarantees.model import CUMULATIVE_DIMENSIONS
from guarantees.render.quoting import human_date
from guarantees.standing import PartyEntry

# What a remark outside the arrangement's own text is not, by the kind of arrangement.
_NOT_A_TERM = {
    "treaty_clause": "not a treaty term",
    "memorandum": "not a term of the memorandum",
    "peace_plan_clause": "not a term of the plan",
}
_DATES = ("signed", "announced", "proposed", "since")
_OBLIGATION = {"shall act": "must act", "will consider": "will consider acting", "may": "may act"}
_PARENTHESIS = re.compile(r"^(.*\S) \(([^()]+)\)$")
_CLOSENESS = ("arrangement text", "official statement", "unnamed official", "journalist", "analyst")
_PLURAL_ROLES = {"guarantor": "guarantors", "beneficiary": "beneficiaries", "member": "members"}


class Piece(NamedTuple):
    """One phrase of a cell: the value in words, who holds it (when readings differ), a caveat, its markers."""

    text: str
    holder: str | None = None
    caveat: str | None = None
    markers: tuple[int, ...] = ()


class CellPhrase(NamedTuple):
    """A cell in words: `contested` or `not stated` (or neither), its pieces, and the markers of an open cell."""

    lead: str | None
    pieces: tuple[Piece, ...]
    markers: tuple[int, ...] = ()


def plain_name(by: str) -> str:
    """`Euromaidan Press (opinion)` → `Euromaidan Press, opinion`: no brackets nested in a cell's brackets."""
    match = _PARENTHESIS.match(by)
    return f"{match.group(1)}, {match.group(2)}" if match else by


def describe_provenance(reading: Reading, kind: str) -> str | None:
    """Whose words a reading rests on, in plain words; None for the arrangement's own text."""
    by = plain_name(reading.by) if reading.by else None
    provenance = reading.provenance.replace(" ", "_")
    not_a_term = _NOT_A_TERM.get(kind, "not in its text")
    if provenance == "arrangement_text":
        return None
    if provenance == "official_statement":
        return f"remark by {by}, {not_a_term}" if by else f"an official's remark, {not_a_term}"
    if provenance == "unnamed_official":
        return f"an unnamed official, as reported, {not_a_term}"
    if provenance == "journalist":
        return f"as reported by {by}" if by else "a journalist's account"
    return f"reading by {by}" if by else "an analyst's reading"


def _nouns(means: str) -> list[str]:
    """`armed force, diplomatic` (a formatted list of means) → `["armed force", "diplomatic support"]`."""
    return [means_word(m) for m in means.split(", ")]


def _value(dimension: str, reading: Reading) -> str:
    """The reading's value as a short phrase: its label, with the one or two details a reader needs."""
    details = dict(reading.details)
    label = reading.label
    if dimension == "response":
        duty, _, means = label.partition(": ")
        label = _OBLIGATION.get(duty, duty) + (f" with {join_words(_nouns(means))}" if means else "")
        if label == "stated":
            label = f"would provide {join_words(_nouns(details['means']))}" if "means" in details else "no duty stated"
        if "excluded means" in details:
            label += f", not {join_words(_nouns(details['excluded means']), 'or')}"
    elif dimension == "monitoring":
        label = "a mechanism" if label == "yes" else "none"
        label += f", led by {details['led by']}" if "led by" in details else ""
    elif dimension == "troops":
        sizes = [details[k] for k in ("size min", "size max") if k in details]
        label += f", {'–'.join(sizes)} troops" if sizes else ""
    elif dimension == "status":
        dated = next((k for k in _DATES if k in details), None)
        when = human_date(details[dated]) if dated else None
        label += (f", {when}" if dated == label else f", {dated} {when}") if dated else ""
    elif dimension == "positions":
        label += f", {details['condition']}" if "condition" in details else ""
    elif dimension in CUMULATIVE_DIMENSIONS and ": " in label:
        label = label.split(": ", 1)[1]  # the one-line description says more than its kind
    for name in ("name", "organisation"):
        label += f": {details[name]}" if name in details else ""
    label = label.rstrip(".")
    return label + (f" ({human_date(details['date'])})" if dimension == "track_record" and "date" in details else "")


def _closest(readings: list[Reading], kind: str) -> str | None:
    """The caveat of the reading closest to the arrangement's own text: none when the text itself says so."""
    ranked = sorted(readings, key=lambda r: _CLOSENESS.index(r.provenance) if r.provenance in _CLOSENESS else 9)
    return describe_provenance(ranked[0], kind)


def phrase_cell(cell: Cell, kind: str) -> CellPhrase:
    """One arrangement (of this `kind`) on one dimension in words.

    Readings with the same value are said once, with all their markers and the caveat of the one closest to the
    arrangement's text; on a dimension whose items add up (escape clauses, track record) each item keeps its own.
    """
    if cell.unspecified is not None:
        return CellPhrase("not stated", (), cell.markers)
    cumulative = cell.dimension in CUMULATIVE_DIMENSIONS
    grouped: dict[tuple[str, str | None], list[Reading]] = {}
    for reading in cell.readings:
        caveat = describe_provenance(reading, kind) if cumulative else None
        grouped.setdefault((_value(cell.dimension, reading), caveat), []).append(reading)
    contested = len(grouped) > 1 and not cumulative
    pieces = []
    for (value, caveat), readings in grouped.items():
        shown = caveat if cumulative else _closest(readings, kind)
        holder = plain_name(readings[0].by) if contested and shown is None and readings[0].by else None
        markers = tuple(dict.fromkeys(n for r in readings for n in r.markers))
        pieces.append(Piece(value, holder=holder, caveat=shown, markers=markers))
    return CellPhrase("contested" if contested else None, tuple(pieces))


def phrase_parties(parties: tuple[PartyEntry, ...]) -> tuple[Piece, ...]:
    """`guarantors: United States, United Kingdom` per role, in the order roles first appear."""
    roles: dict[str, list[PartyEntry]] = {}
    for party in parties:
        roles.setdefault(party.role, []).append(party)
    return tuple(
        Piece(
            f"{_PLURAL_ROLES.get(role, role) if len(found) > 1 else role}: {', '.join(p.name for p in found)}",
            markers=tuple(dict.fromkeys(n for p in found for n in p.markers)),
        )
        for role, found in roles.items()
    )
