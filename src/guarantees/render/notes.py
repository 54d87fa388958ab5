"""The editors' notes on the compared models, in reading order, as plain text with the markers they comment on."""

from __future__ import annotations

from collections.abc import Iterator

from guarantees.comparison import Comparison


def iter_notes(comparison: Comparison) -> Iterator[tuple[str, tuple[int, ...]]]:
    """`Name, escape clauses: note` for each note on a reading or a dimension, then each model's own notes."""
    for row in comparison.rows:
        for arrangement, cell in zip(comparison.arrangements, row.cells, strict=True):
            where = f"{arrangement.name}, {row.title}"
            if cell.note:
                yield f"{where}: {cell.note}", ()
            for reading in cell.readings:
                if reading.note:
                    yield f"{where}: {reading.note}", reading.markers
    for arrangement in comparison.arrangements:
        if arrangement.notes:
            yield f"{arrangement.name}: {arrangement.notes}", ()
