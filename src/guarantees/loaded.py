"""A model file as every later step sees it: its text, its typed arrangement and its resolved citation spans."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple

from guarantees.loader import Document
from guarantees.model import Arrangement
from guarantees.sources import Span

# Where a value stands in a model file: keys and list indexes from the top, e.g. ("dimensions", "troops").
DataPath = tuple[str | int, ...]


class LoadedModel(NamedTuple):
    """A model file that passed the type checks; `spans` holds each citation resolved to its span, by data path."""

    path: Path
    file: str  # as shown in findings and exports: relative to the working directory when below it
    document: Document
    arrangement: Arrangement
    spans: Mapping[DataPath, Span] = MappingProxyType({})  # read-only, so one empty mapping serves every model
