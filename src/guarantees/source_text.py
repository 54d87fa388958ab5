"""The text of a new source: strict UTF-8 and no unsafe characters, each refusal located; HTML reduced to text.

Offsets into a source are code points of the file decoded as it is stored (guarantees.sources), so the
text is checked as it will be stored: a byte-order mark is refused rather than stripped (it would be
character 0 of every offset), and CRLF line ends are kept as they are.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

from guarantees.fields import SLUG, SLUG_MAX_LENGTH
from guarantees.findings import Finding, Location, UsageError
from guarantees.loader import locate_byte
from guarantees.text import CONTROL_CLASS, describe_character
from guarantees.yaml_errors import line_and_column

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
# Every unsafe character of guarantees.text except the CR of a CRLF line end.
_UNSAFE = re.compile(f"(?!\\r\\n)[{CONTROL_CLASS}]")
_SLUG = re.compile(SLUG)
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
TITLE_MAX = 200


class Extracted(NamedTuple):
    """Text taken out of an HTML page, the tool that took it, and what the page's metadata says."""

    text: str
    extractor: str  # e.g. "trafilatura 2.3.1"
    metadata: dict[str, str]  # title, author, date, publisher, when the page gives them


def decode_source(raw: bytes, file: str) -> str | Finding:
    """The bytes as text, or the finding for the first byte that is not UTF-8 or character that is unsafe."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        where = locate_byte(raw, error.start, file)
        message = (
            f"expected UTF-8 text, found byte 0x{raw[error.start]:02x} at byte offset {error.start:,} "
            f"(line {where.line}, column {where.column}) that is not valid UTF-8"
        )
        hint = "convert the file to UTF-8 first, e.g. `iconv -f WINDOWS-1252 -t UTF-8 IN > OUT`"
        return Finding("invalid-utf8", message, where, hint=hint)
    return check_characters(text, file)


def check_characters(text: str, file: str) -> str | Finding:
    """The text itself, or a finding for its first unsafe character (which one, and where)."""
    unsafe = _UNSAFE.search(text)
    if unsafe is not None:
        line, column = line_and_column(text, unsafe.start())
        message = f"expected text without control characters, found {describe_character(unsafe.group())}"
        where = f"at character offset {unsafe.start():,}"
        hint = "remove it (a byte-order mark or a terminal control has no place in a source text)"
        return Finding("control-character", f"{message} {where}", Location(file, line, column), hint=hint)
    if not text.strip():
        return Finding("empty-file", "expected the text of an article, found an empty file", Location(file, 1, 1))
    return text


def is_html(name: str) -> bool:
    return name.lower().endswith(HTML_SUFFIXES)


def extract_html(raw: bytes) -> Extracted:
    """The main text of an HTML page (boilerplate such as menus and footers left out), with trafilatura."""
    try:
        import trafilatura
    except ImportError:
        raise UsageError(
            "reading HTML needs the optional extra: pip install 'guarantees[html]' (it installs trafilatura); "
            "or save the article as a UTF-8 .txt file and add that"
        ) from None
    text = trafilatura.extract(raw, include_comments=False, include_tables=True, favor_precision=True)
    if not text:
        raise UsageError("found no article text in the HTML page; save the article as a UTF-8 .txt file and add that")
    found = trafilatura.extract_metadata(raw)
    pairs = {"title": found.title, "author": found.author, "date": found.date, "publisher": found.sitename}
    metadata = {key: value for key, value in pairs.items() if isinstance(value, str) and value.strip()}
    return Extracted(text.rstrip("\n") + "\n", f"trafilatura {trafilatura.__version__}", metadata)


def derive_id(file_name: str) -> str:
    """A source id from a file name: `Le Monde – 16 août.txt` → `le-monde-16-aout`."""
    stem = file_name.rsplit(".", 1)[0] if "." in file_name.lstrip(".") else file_name
    ascii_name = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode("ascii").lower()
    slug = _NOT_SLUG.sub("-", ascii_name).strip("-")[:SLUG_MAX_LENGTH].rstrip("-")
    if len(slug) < 2 or not _SLUG.fullmatch(slug):
        raise UsageError(f"cannot make a source id from the file name {file_name!r}; pass --id ID (e.g. --id le-monde)")
    return slug


def first_line(text: str) -> str:
    """The first non-blank line, white space collapsed and cut to a title's length: the default title."""
    line = next(line for line in text.splitlines() if line.strip())
    words = " ".join(line.split())
    return words if len(words) <= TITLE_MAX else words[: TITLE_MAX - 1].rstrip() + "…"
