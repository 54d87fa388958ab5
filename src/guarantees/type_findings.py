"""Pydantic validation errors → located findings, with the node's line and column and a did-you-mean."""

from __future__ import annotations

import dataclasses
import difflib
import re
import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ValidationError

from guarantees.fields import NO_CONTROL, PARTIAL_DATE, SLUG
from guarantees.findings import Finding
from guarantees.loader import Document
from guarantees.migration import migration_hint
from guarantees.model import SourceManifest
from guarantees.text import URL

_DATE = 'a date "YYYY", "YYYY-MM" or "YYYY-MM-DD"'
_PATTERNS = {
    SLUG: "a lowercase slug of letters, digits and single hyphens (e.g. `nato-article-5`)",
    NO_CONTROL: "printable text without control, bidirectional or invisible characters",
    PARTIAL_DATE: _DATE,
    URL: 'an http(s) URL of the ASCII characters RFC 3986 allows (no space, `"`, `<` or `>`; percent-encode others)',
}
_DATE_SHAPE = re.compile(r"^[0-9]{4}(-[0-9]{2}){0,2}$")


def _date_hint(value: Any) -> str | None:
    """Why a date of the right shape is refused: a month or a day that the calendar does not have."""
    if isinstance(value, int) and not isinstance(value, bool):
        return "a year is from 1000 to 2999"
    if isinstance(value, str) and _DATE_SHAPE.match(value):
        return (
            f"{value} is not a real date: months are 01-12 and days end with the month (29 February only in leap years)"
        )
    if isinstance(value, float):
        return 'a year is a whole number; write a month as a string, e.g. "2025-08"'
    return None


_TYPE_NAMES = {
    "string_type": "a string",
    "int_type": "an integer",
    "bool_type": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
    "float_type": "a number",
}


def describe(value: Any) -> str:
    """How a YAML value looks to a reader: `found integer 1994`, `found a mapping`."""
    if value is None:
        return "null (an empty value)"
    if isinstance(value, bool):
        return f"boolean {str(value).lower()}"
    if isinstance(value, int):
        return f"integer {value}"
    if isinstance(value, float):
        return f"number {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "..."
        return f"string {shown!r}"
    return "a mapping" if isinstance(value, dict) else "a list" if isinstance(value, list) else type(value).__name__


def data_path(loc: tuple[Any, ...], data: Any) -> tuple[str | int, ...]:
    """Drop union tags from a pydantic loc by following it through the data itself."""
    path: list[str | int] = []
    node = data
    for part in loc:
        if (isinstance(node, dict) and isinstance(part, str) and part in node) or (
            isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        ):
            path.append(part)
            node = node[part]  # type: ignore[index]  # a dict with a str key or a list with an int index
        elif isinstance(node, dict) and isinstance(part, str) and not _is_tag(part):
            path.append(part)  # a missing or unknown key: the end of the path
            node = None
    return tuple(path)


def _is_tag(part: str) -> bool:
    return (
        part.endswith("-dimension")
        or part in {"int", "str", "constrained-str", "constrained-int", "none"}
        or "[" in part
    )


def _models_in(annotation: Any) -> set[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return {annotation}
    found: set[type[BaseModel]] = set()
    for arg in typing.get_args(annotation):
        found |= _models_in(arg)
    return found


def allowed_fields(model: type[BaseModel], path: tuple[str | int, ...]) -> list[str]:
    """The field names the types allow at `path` (the union of every model that can stand there)."""
    models = {model}
    for part in path:
        if isinstance(part, str):
            models = set().union(
                *(_models_in(m.model_fields[part].annotation) for m in models if part in m.model_fields)
            )
    return sorted({name for m in models for name in m.model_fields})


SUGGESTIONS = 200  # findings per file that get a did-you-mean (difflib costs ~50 µs each; bounds a hostile file)


def _suggest(word: Any, choices: list[str], label: str) -> str | None:
    if not choices:
        return None
    same_letters = [c for c in choices if c.lower() == str(word).lower()]
    if same_letters:
        return f"did you mean `{same_letters[0]}`? (values are case-sensitive)"
    close = difflib.get_close_matches(str(word), choices, n=1, cutoff=0.5)
    if close:
        return f"did you mean `{close[0]}`?"
    listed = ", ".join(choices) if len(choices) <= 16 else ", ".join(choices[:16]) + ", ..."
    return f"{label}: {listed}"


def _no_suggestion(word: Any, choices: list[str], label: str) -> None:
    return None


def _finding_for(
    error: Any, path: tuple[str | int, ...], document: Document, model: type[BaseModel], *, suggest: bool = True
) -> Finding:
    kind, value = error["type"], error.get("input")
    hint_for = _suggest if suggest else _no_suggestion
    field = document.locate(path).data_path or "document"
    if kind == "extra_forbidden":
        hint = hint_for(path[-1], allowed_fields(model, path[:-1]), "allowed here")
        parent = document.locate(path[:-1]).data_path or "the top level"
        return Finding(
            "unknown-field",
            f"expected a known field, found `{path[-1]}` in `{parent}`",
            document.locate(path, key=True),
            hint=hint,
        )
    location = document.locate(path)
    if kind == "missing":
        return Finding("missing-field", f"expected the field `{field}`, found it missing", location)
    if kind in {"enum", "literal_error"}:
        choices = re.findall(r"'([^']*)'", error.get("ctx", {}).get("expected", ""))
        return Finding(
            "invalid-value",
            f"expected one of the `{field}` values, found {describe(value)}",
            location,
            hint=hint_for(value, choices, "allowed values"),
        )
    if kind in _TYPE_NAMES:
        # The hint shows the value as written (`true`, `1e3`), not as Python prints it (`True`, `1000.0`).
        written = document.plain.get(path, str(value))
        return Finding(
            "wrong-type",
            f"expected {_TYPE_NAMES[kind]} for `{field}`, found {describe(value)}",
            location,
            hint=f'quote it: "{written}"' if kind == "string_type" and isinstance(value, (int, float, bool)) else None,
        )
    if kind == "partial_date":
        return Finding(
            "invalid-format",
            f"expected {_DATE} for `{field}`, found {describe(value)}",
            location,
            hint=_date_hint(value),
        )
    if kind == "dimension-shape":
        keys = list(value)[:10] if isinstance(value, dict) else []
        shapes = ["assessments", "unspecified"]
        close = [c for k in keys for c in difflib.get_close_matches(str(k), shapes, n=1, cutoff=0.6)] if suggest else []
        hint = f"did you mean `{close[0]}`?" if close else None
        return Finding(
            "dimension-shape",
            f"expected `{field}` to have `assessments` (a list) or `unspecified` (a note), "
            f"found {describe(value)}" + (f" with keys {', '.join(map(str, keys))}" if keys else ""),
            location,
            hint=hint,
        )
    if kind == "string_pattern_mismatch":
        wanted = _PATTERNS.get(error.get("ctx", {}).get("pattern", ""), "text of the documented form")
        return Finding("invalid-format", f"expected {wanted} for `{field}`, found {describe(value)}", location)
    if kind in {"too_short", "too_long", "string_too_short", "string_too_long"}:
        return Finding("invalid-length", f"`{field}`: {error['msg'][0].lower() + error['msg'][1:]}", location)
    message = error["msg"][0].lower() + error["msg"][1:]
    return Finding("invalid-value", f"`{field}`: {message}, found {describe(value)}", location)


def plain_message(item: Any) -> str:
    """One pydantic error as the findings word it, for a value given on the command line (no file, no location):
    a pattern is named by what it allows, never shown as the regular expression."""
    if item["type"] == "string_pattern_mismatch":
        wanted = _PATTERNS.get(item.get("ctx", {}).get("pattern", ""), "text of the documented form")
        return f"expected {wanted}"
    return str(item["msg"])


def iter_validation_findings(error: ValidationError, document: Document, model: type[BaseModel]) -> Iterator[Finding]:
    """One finding per offending node; a union's several complaints about one node become one."""
    seen: dict[tuple[str | int, ...], int] = {}
    for item in error.errors(include_url=False):
        path = data_path(tuple(item["loc"]), document.data)
        key = (*path, item["type"] == "extra_forbidden")
        if key in seen:
            continue
        seen[key] = 1
        finding = _finding_for(item, path, document, model, suggest=len(seen) <= SUGGESTIONS)
        v1_shape = migration_hint(item["type"], path, item.get("input")) if model is not SourceManifest else None
        yield dataclasses.replace(finding, hint=v1_shape) if v1_shape else finding
