"""Plain YAML scalars resolved with YAML 1.2 core rules (`NO`, `on`, `1:20` stay strings), as editors read them."""

from __future__ import annotations

import re
from typing import Any

# YAML 1.2 core schema, for plain scalars only; anything else is a string.
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT10 = re.compile(r"^[-+]?[0-9]+$")
_INT8 = re.compile(r"^0o[0-7]+$")
_INT16 = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_SPECIAL_FLOAT = {".inf": float("inf"), "+.inf": float("inf"), "-.inf": float("-inf"), ".nan": float("nan")}
_NULL_WORDS = frozenset({"", "~", "null", "Null", "NULL"})
_NUMBER_START = frozenset("0123456789+-.")


def resolve_plain(value: str) -> Any:
    """Resolve a plain scalar with YAML 1.2 core rules; ValueError for a decimal too long to convert."""
    if value in _NULL_WORDS:
        return None
    if value in _BOOL:
        return _BOOL[value]
    if value[0] not in _NUMBER_START:  # most scalars are words: no number can start with a letter
        return value
    if _INT10.match(value):
        return int(value)
    if _INT8.match(value):
        return int(value[2:], 8)
    if _INT16.match(value):
        return int(value[2:], 16)
    if _FLOAT.match(value):
        return float(value)
    return _SPECIAL_FLOAT.get(value.lower(), value)
