"""Where each arrangement stands and who is party to it, as cited cells numbered with the comparison's markers."""

from __future__ import annotations

from typing import NamedTuple

from guarantees.comparison import Cell, Markers, build_cell
from guarantees.loaded import LoadedModel
from guarantees.party import find_party_name


class PartyEntry(NamedTuple):
    """One party of one arrangement: its code, display name, role and markers."""

    code: str
    name: str
    role: str
    markers: tuple[int, ...]


class Standing(NamedTuple):
    """The status cell and the parties of each compared arrangement, in the comparison's order."""

    status: tuple[Cell, ...]
    parties: tuple[tuple[PartyEntry, ...], ...]


def build_standing(models: list[LoadedModel], markers: Markers) -> Standing:
    """Built before the table's rows, so the status and party quotes take the first footnote numbers."""
    status = tuple(build_cell(m, "status", ("status",), markers) for m in models)
    parties = tuple(
        tuple(
            PartyEntry(p.code, find_party_name(p.code) or p.code, str(p.role), markers.mark(m, ("parties", i), p.cite))
            for i, p in enumerate(m.arrangement.parties)
        )
        for m in models
    )
    return Standing(status, parties)
