"""Scalar extents agree with the loader's positions, and an edit changes only the value it names."""

from __future__ import annotations

import yaml

from conftest import MODELS
from guarantees.loader import parse_document
from guarantees.yaml_edit import apply_edits, scalar_extents, set_values, yaml_string


def _value(data: object, path: tuple[str | int, ...]) -> object:
    for part in path:
        data = data[part]  # type: ignore[index]
    return data


def test_every_value_starts_where_the_loader_says() -> None:
    for path in sorted(MODELS.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        document, _ = parse_document(text, path.name)
        assert document is not None
        extents = scalar_extents(text)
        line_starts = [0, *(i + 1 for i, c in enumerate(text) if c == "\n")]
        for data_path, (start, end) in extents.values.items():
            line, column = document.values[data_path]
            assert line_starts[line - 1] + column - 1 == start, (path.name, data_path)
            if isinstance(document_value := _value(document.data, data_path), str) and text[start] == '"':
                assert yaml.safe_load(text[start:end]) == document_value, (path.name, data_path)


def test_set_values_replaces_and_adds_keeping_comments() -> None:
    text = 'cite:\n  - source: a-b  # why\n    quote: "old"\n  - source: c-d\n    quote: x y z\n'
    extents = scalar_extents(text)
    edits = set_values(text, ("cite", 0), {"quote": yaml_string('new "one"'), "prefix": yaml_string("p")}, extents)
    edited = apply_edits(text, edits)
    assert (
        edited == 'cite:\n  - source: a-b  # why\n    quote: "new \\"one\\""\n    prefix: "p"\n'
        "  - source: c-d\n    quote: x y z\n"
    )
    assert yaml.safe_load(edited)["cite"][0] == {"source": "a-b", "quote": 'new "one"', "prefix": "p"}


def test_flow_mappings_get_keys_inline() -> None:
    text = "cite: [{source: a-b, quote: old}]\n"
    edited = apply_edits(text, set_values(text, ("cite", 0), {"start": "3"}, scalar_extents(text)))
    assert yaml.safe_load(edited) == {"cite": [{"source": "a-b", "quote": "old", "start": 3}]}
