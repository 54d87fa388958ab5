"""Textual edits of a YAML file that keep its comments and layout: where each scalar stands, and replacing it.

The loader gives each value's start; an edit needs its end too, so the event stream is walked once more
here for the extent of every scalar (and of every key). Values are written back as double-quoted
scalars (a JSON string is a valid YAML one), the style the model files use.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import yaml

from guarantees.loader import USING_LIBYAML

DataPath = tuple[str | int, ...]
_Loader: Any = yaml.CSafeLoader if USING_LIBYAML else yaml.SafeLoader  # the loader's own parser


def yaml_string(value: str) -> str:
    """A string as a YAML double-quoted scalar, every character escaped as YAML needs."""
    return json.dumps(value, ensure_ascii=False)


@dataclass
class Extents:
    """Character offsets [start, end) of every scalar value and key; which mappings are in flow style."""

    values: dict[DataPath, tuple[int, int]] = field(default_factory=dict)
    keys: dict[DataPath, tuple[int, int]] = field(default_factory=dict)
    flow: set[DataPath] = field(default_factory=set)


@dataclass
class _Frame:
    path: DataPath
    mapping: bool
    key: str | None = None
    index: int = 0


def scalar_extents(text: str) -> Extents:
    """Walk the events of a file the loader has already accepted and note where every scalar stands."""
    line_starts = [0, *(i + 1 for i, char in enumerate(text) if char == "\n")]

    def offset(mark: Any) -> int:
        return int(line_starts[mark.line] + mark.column)

    extents, stack = Extents(), list[_Frame]()
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            stack.pop()
            continue
        if not isinstance(event, (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            continue
        path: DataPath = ()
        if stack and stack[-1].mapping and stack[-1].key is None:  # a key (the loader accepts only scalar keys)
            stack[-1].key = str(getattr(event, "value", ""))
            extents.keys[(*stack[-1].path, stack[-1].key)] = (offset(event.start_mark), offset(event.end_mark))
            continue
        if stack:
            frame = stack[-1]
            path = (*frame.path, frame.key) if frame.mapping else (*frame.path, frame.index)  # type: ignore[arg-type]
            frame.key, frame.index = None, frame.index + 1
        if isinstance(event, yaml.ScalarEvent):
            extents.values[path] = (offset(event.start_mark), offset(event.end_mark))
        else:
            mapping = isinstance(event, yaml.MappingStartEvent)
            if mapping and event.flow_style:
                extents.flow.add(path)
            stack.append(_Frame(path, mapping))
    return extents


def set_values(text: str, mapping: DataPath, values: dict[str, str], extents: Extents) -> list[tuple[int, int, str]]:
    """The edits that give the keys of one mapping these (already YAML-written) values, adding keys it lacks
    after its last scalar value, on lines of their own with the mapping's indentation (or inline in flow style)."""
    edits = []
    anchor_key = max((k for k in extents.keys if k[:-1] == mapping), key=lambda k: extents.keys[k][0])
    key_start = extents.keys[anchor_key][0]
    after = extents.values.get(anchor_key, extents.keys[anchor_key])[1]
    indent = key_start - (text.rfind("\n", 0, key_start) + 1)
    added = []
    for key, written in values.items():
        where = extents.values.get((*mapping, key))
        if where is not None:
            edits.append((where[0], where[1], written))
        else:
            added.append(f"{key}: {written}")
    if added and mapping in extents.flow:
        edits.append((after, after, "".join(f", {line}" for line in added)))
    elif added:
        line_end = text.find("\n", after)
        line_end = len(text) if line_end == -1 else line_end
        edits.append((line_end, line_end, "".join(f"\n{' ' * indent}{line}" for line in added)))
    return edits


def apply_edits(text: str, edits: list[tuple[int, int, str]]) -> str:
    """The text with each [start, end) replaced; edits must not overlap."""
    for start, end, replacement in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        text = text[:start] + replacement + text[end:]
    return text
