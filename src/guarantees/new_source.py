"""A new version of a source text, read under the policy for seeds: a regular file, bounded, UTF-8, no controls.

Offsets into a source count the code points of its bytes decoded as they are, so a byte-order mark is
refused rather than stripped (it would shift every offset by one), as are control characters.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from guarantees.data_dirs import display_path
from guarantees.findings import Finding, Location
from guarantees.loader import decode_text
from guarantees.safe_file import Refusal, read_hashed
from guarantees.seed_files import MAX_SOURCE_BYTES
from guarantees.text import CONTROL, describe_character


@dataclass(frozen=True)
class NewSource:
    raw: bytes
    text: str
    sha256: str


def read_new_source(path: Path) -> NewSource | Finding:
    """The bytes, text and SHA-256 of a file that may become a source; or the located reason it may not."""
    file = display_path(path)
    read = read_hashed(path, limit=MAX_SOURCE_BYTES, what="a source text")
    if isinstance(read, Refusal):
        return Finding(read.code, read.message, Location(file))
    raw, digest = read
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        _, finding = decode_text(raw, file)
        assert finding is not None
        return finding
    if not text.strip():
        return Finding("empty-file", "expected a source text, found an empty file", Location(file, 1, 1))
    bad = CONTROL.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        column = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        message = f"expected text without control or invisible characters, found {describe_character(bad.group())}"
        return Finding("control-character", message, Location(file, line, column))
    return NewSource(raw, text, digest)
