"""A new version of a source text, read under the policy for seeds: a regular file, bounded, UTF-8, no controls.

The checks are those of `sources add` (guarantees.source_text): a byte-order mark is refused rather than
stripped (it would shift every offset by one), as are control characters; a CRLF line end is kept.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from guarantees.data_dirs import display_path
from guarantees.findings import Finding, Location
from guarantees.safe_file import Refusal, read_hashed
from guarantees.seed_files import MAX_SOURCE_BYTES
from guarantees.source_text import decode_source


class NewSource(NamedTuple):
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
    text = decode_source(raw, file)  # the rules of `sources add`: strict UTF-8, no unsafe character, not empty
    return text if isinstance(text, Finding) else NewSource(raw, text, digest)
