"""A printed citation block reads back, through the tool's own strict loader, as the same citation."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from guarantees.fields import Citation
from guarantees.loader import parse_document
from guarantees.render.citation import render_block
from guarantees.text import CONTROL

_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=3, max_size=60).filter(
    lambda s: not CONTROL.search(s) and "\r" not in s
)


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.none() | _TEXT, st.none() | st.integers(0, 10_000))
def test_block_round_trips(quote: str, prefix: str | None, start: int | None) -> None:
    fields: dict[str, object] = {"source": "some-source", "quote": quote}
    if prefix is not None:
        fields["prefix"] = prefix
    if start is not None:
        fields.update(start=start, end=start + len(quote))
    citation = Citation.model_validate(fields)
    block = render_block(citation)
    document, finding = parse_document("cite:\n" + "".join(f"  {line}\n" for line in block.splitlines()), "x.yaml")
    assert finding is None and document is not None, (block, finding)
    assert Citation.model_validate(document.data["cite"][0]) == citation
