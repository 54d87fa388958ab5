"""The manifest entry of a new source: the fields given, the page's metadata for HTML, and a note on the rest."""

from __future__ import annotations

import re
from typing import NamedTuple

from guarantees.fields import PARTIAL_DATE
from guarantees.source_text import TITLE_MAX, Extracted, first_line
from guarantees.text import CONTROL

_DATE = re.compile(PARTIAL_DATE)
DESCRIBED = ("title", "publisher", "author", "date", "url", "kind")  # the fields `sources add` takes as options


class SourceFields(NamedTuple):
    """What the user said about the source (`--id`, `--title`, ...); None where they said nothing."""

    id: str | None = None
    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    date: str | None = None
    url: str | None = None
    kind: str | None = None

    def given(self) -> dict[str, str | None]:
        return {name: getattr(self, name) for name in DESCRIBED}


def _usable(key: str, value: str) -> bool:
    """Page metadata is a stranger's text too: kept only where it is short, clean and (for a date) a date."""
    if CONTROL.search(value) or len(value) > TITLE_MAX:
        return False
    return key != "date" or bool(_DATE.fullmatch(value))


def build_entry(
    source_id: str, name: str, text: str, extracted: Extracted | None, fields: SourceFields, digest: str
) -> dict[str, str | None]:
    """The entry in manifest order; the note says what was not given, and where the title and text came from."""
    page = {k: v.strip() for k, v in (extracted.metadata if extracted else {}).items() if _usable(k, v.strip())}
    values = fields.given()
    from_page = [key for key in DESCRIBED if values[key] is None and key in page]
    values.update({key: page[key] for key in from_page})
    notes = [f"text extracted from the HTML page {name} with {extracted.extractor}"] if extracted else []
    if from_page:
        notes.append("taken from the page's metadata: " + ", ".join(from_page))
    if values["title"] is None:
        values["title"] = first_line(text)
        notes.append("title taken from the text's first line")
    missing = [key for key in DESCRIBED if values[key] is None]
    if missing:
        notes.append("not given when the source was added: " + ", ".join(missing))
    note = "; ".join(notes)
    collected_as = name if not CONTROL.search(name) and len(name) <= TITLE_MAX else None
    return {
        "id": source_id,
        "file": f"{source_id}.txt",
        **({"collected_as": collected_as} if collected_as else {}),
        **values,
        "note": note[:1].upper() + note[1:] + "." if note else None,
        "sha256": digest,
    }
