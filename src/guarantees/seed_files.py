"""The files of a seeds directory: each listed source read through the file policy and hashed; nothing unlisted.

A pull request can change `seeds/` as easily as `models/`, so a source text gets the same
treatment as a model file (guarantees.safe_file): never a link, a pipe or a device, a size
checked before anything is read, and a SHA-256 computed chunk by chunk as it is read.
"""

from __future__ import annotations

import os
import re
from dataclasses import replace
from pathlib import Path

from guarantees.data_dirs import display_path
from guarantees.findings import Finding, Location
from guarantees.model import Source
from guarantees.safe_file import Refusal, kind_of, read_hashed

MANIFEST = "sources.yaml"
MAX_MANIFEST_BYTES = 262_144  # read like a model file; the shipped manifest of 5 sources is ~2 KiB
MAX_SOURCE_BYTES = 4 * 1024 * 1024  # the shipped sources are each under 20 KiB; a long article is ~100 KiB


def read_source(directory: Path, entry: Source, where: Location, hash_where: Location) -> str | Finding:
    """The text of one listed source, verified against its hash; or the one finding why it cannot be used."""
    # The file name comes from the manifest's own pattern (no separators): never a path from a model file.
    read = read_hashed(directory / entry.file, limit=MAX_SOURCE_BYTES, what="a source text")
    if isinstance(read, Refusal):
        return _refused(entry, read, where)
    raw, digest = read
    if digest != entry.sha256:
        return Finding(
            "source-checksum",
            f"expected {entry.file} to have SHA-256 {entry.sha256[:12]}…, found {digest[:12]}…; "
            "the text changed, so every span into it may have moved",
            hash_where,
            hint=f"restore the original bytes; only change the hash together with every citation into it "
            f"(the file's SHA-256 now: {digest})",
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return Finding("invalid-utf8", f"source `{entry.id}` is not UTF-8 text", where)


_FILE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*\.txt")


def with_hash_hint(finding: Finding, directory: Path, data: object) -> Finding:
    """A finding about an entry's missing or malformed `sha256`, with the file's actual SHA-256 to paste."""
    path = finding.location.path
    if len(path) != 3 or path[0] != "sources" or path[2] != "sha256" or not isinstance(data, dict):
        return finding
    entries, index = data.get("sources"), path[1]
    entry = entries[index] if isinstance(entries, list) and isinstance(index, int) and index < len(entries) else None
    name = entry.get("file") if isinstance(entry, dict) else None
    if not isinstance(name, str) or not _FILE_NAME.fullmatch(name):  # only a name the manifest could list
        return finding
    read = read_hashed(directory / name, limit=MAX_SOURCE_BYTES, what="a source text")
    if isinstance(read, Refusal):
        return finding
    return replace(finding, hint=f"the SHA-256 of {name} is {read[1]}; paste it as `sha256: {read[1]}`")


def _refused(entry: Source, refusal: Refusal, where: Location) -> Finding:
    if refusal.code == "unreadable-file":  # missing, or the system refuses to open it
        reason = refusal.message.removeprefix("cannot read the file: ")
        return Finding("source-missing", f"cannot read source `{entry.id}` ({entry.file}): {reason}", where)
    return Finding(refusal.code, f"source `{entry.id}` ({entry.file}): {refusal.message}", where)


def check_unlisted(directory: Path, listed: set[str]) -> list[Finding]:
    """A finding for every entry of the seeds directory that is neither the manifest nor a listed source."""
    try:
        with os.scandir(directory) as entries:
            extra = sorted((e.name, e.stat(follow_symlinks=False).st_mode) for e in entries if e.name not in listed)
    except OSError as error:  # what cannot be listed cannot be vouched for
        message = f"cannot list the seeds directory: {error.strerror or error}"
        return [Finding("unreadable-file", message, Location(display_path(directory)))]
    return [
        Finding(
            "source-unlisted",
            f"expected every file of the seeds directory to be listed in {MANIFEST}, found {kind_of(mode)} "
            f"`{name}` that is not",
            Location(display_path(directory / name)),
            hint=f"add it to {MANIFEST} with its SHA-256, or remove it",
        )
        for name, mode in extra
    ]
