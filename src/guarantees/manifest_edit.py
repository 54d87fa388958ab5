"""One entry appended to seeds/sources.yaml as text, so every existing byte (comments, order, blank lines) stays.

The manifest is never re-serialised: a YAML library would drop its comments and restyle its values.
The new entry is written as text after the last one, and the whole new manifest is read back with the
project's own loader and types, and must hold exactly the old entries plus the new one, before anything
is written (guarantees.service.add_source).
"""

from __future__ import annotations

import json
import re

from pydantic import ValidationError

from guarantees.findings import GuaranteesError, UsageError
from guarantees.loader import Document, parse_document
from guarantees.model import Source, SourceManifest

FIELD_ORDER = (
    "id", "file", "collected_as", "title", "publisher", "author", "date", "url", "kind", "note", "sha256",
)  # fmt: skip
# A value written plain only when every YAML reader (1.1 or 1.2) reads it back as this same string.
_PLAIN = re.compile(r"[a-z][a-z0-9._-]*")
_YAML11_WORDS = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null"})
_ITEM_PREFIX = re.compile(r"( *)-( +)")
_EMPTY_FLOW = re.compile(r"\[\s*\]")


def render_scalar(value: str | None) -> str:
    """A value as YAML: `null`, a plain word, or a double-quoted string (JSON's escapes are YAML's too)."""
    if value is None:
        return "null"
    if _PLAIN.fullmatch(value) and value not in _YAML11_WORDS:
        return value
    return json.dumps(value, ensure_ascii=False)


def render_entry(entry: dict[str, str | None], prefix: str) -> str:
    """The entry as block-mapping lines, the first after `prefix` (`  - `), the rest aligned under it."""
    keys = [key for key in FIELD_ORDER if key in entry]
    lines = [
        f"{prefix if i == 0 else ' ' * len(prefix)}{key}: {render_scalar(entry[key])}" for i, key in enumerate(keys)
    ]
    return "\n".join(lines) + "\n"


def append_entry(document: Document, entry: dict[str, str | None]) -> str:
    """The manifest's text with the entry added as the last source; the old text is kept as it is."""
    text, sources = document.text, document.data["sources"]
    if not sources:
        return _fill_empty_list(document, entry)
    line, column = document.values[("sources", 0)]
    lines = text.split("\n")
    if text[_index(lines, *document.values[("sources",)])] == "[":
        raise UsageError(
            f"{document.file}: the `sources` list is written in flow style ([...]); "
            "write it as a block list (`- id: ...` lines) to add to it"
        )
    prefix = lines[line - 1][: column - 1]
    if not _ITEM_PREFIX.fullmatch(prefix):  # `- - id:` or the like: nothing a person writes; start anew
        prefix = "  - "
    blank = len(sources) > 1 and not lines[document.values[("sources", 1)][0] - 2].strip()
    separator = ("" if text.endswith("\n") else "\n") + ("\n" if blank else "")
    return text + separator + render_entry(entry, prefix)


def _index(lines: list[str], line: int, column: int) -> int:
    return sum(len(part) + 1 for part in lines[: line - 1]) + column - 1


def _fill_empty_list(document: Document, entry: dict[str, str | None]) -> str:
    """`sources: []` (as `guarantees init` writes it) becomes `sources:` followed by the entry."""
    text = document.text
    at = _index(text.split("\n"), *document.values[("sources",)])
    empty = _EMPTY_FLOW.match(text, at)
    if empty is None:
        raise UsageError(f"{document.file}: expected `sources: []` or a block list of sources, found neither")
    end_of_line = text.find("\n", empty.end())
    end_of_line = len(text) if end_of_line == -1 else end_of_line
    head = text[:at].rstrip(" ") + text[empty.end() : end_of_line]
    return head + "\n" + render_entry(entry, "  - ") + text[end_of_line + 1 :]


def verify_appended(new_text: str, file: str, old: list[Source], entry: Source) -> None:
    """Read the new manifest back as `validate` will: it must be the old entries, in order, plus the new one."""
    document, finding = parse_document(new_text, file)
    if document is None:
        raise GuaranteesError(f"the new {file} would not read back ({finding.render() if finding else 'empty'})")
    try:
        parsed = SourceManifest.model_validate(document.data)
    except ValidationError as error:
        raise GuaranteesError(f"the new {file} would not validate: {error.errors()[0]['msg']}") from None
    expected = [*old, entry]
    if list(parsed.sources) != expected:
        raise GuaranteesError(f"appending to {file} would change its existing entries; nothing was written")
