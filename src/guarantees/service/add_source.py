"""`sources add`: a text file copied into seeds/ byte for byte and listed in the manifest, or the reason it is not.

Everything is checked before anything is written: the input (through the file policy), the manifest
(it must validate), the new entry (its fields, its id, its bytes and its file name against those already
listed), and the new manifest text (read back in full). Then the copy is created (never over a file) and
the manifest replaced atomically; if that fails, the copy is removed again, so seeds/ is as it was.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import NamedTuple

from pydantic import ValidationError

from guarantees.data_dirs import DataDirs, display_path
from guarantees.findings import Finding, GuaranteesError, Location, Report, UsageError
from guarantees.manifest_edit import append_entry, verify_appended
from guarantees.model import Source
from guarantees.safe_file import Refusal, read_bounded
from guarantees.seed_files import MANIFEST, MAX_MANIFEST_BYTES, MAX_SOURCE_BYTES
from guarantees.source_entry import SourceFields, build_entry
from guarantees.source_text import Extracted, decode_source, derive_id, extract_html, is_html
from guarantees.sources import Seeds, load_seeds
from guarantees.writer import write_atomic_bytes, write_new_bytes

_URL_LIKE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_BOM = b"\xef\xbb\xbf"


class AddedSource(NamedTuple):
    """The source as listed, where its copy and the manifest are; or the findings that stopped it."""

    report: Report
    source: Source | None = None
    stored: str | None = None
    manifest: str | None = None


class _Input(NamedTuple):
    data: bytes  # what is stored and hashed: the file's bytes, or the text extracted from HTML
    text: str
    extracted: Extracted | None


def add_source(argument: str, fields: SourceFields, dirs: DataDirs) -> AddedSource:
    """Copy the file into the seeds directory and list it, or say (as findings) why not."""
    if _URL_LIKE.match(argument):
        raise UsageError(
            f"expected a local file, found the URL {argument!r}: `sources add` never fetches from a network; "
            "save the page (or its text) yourself and add the file"
        )
    path, shown = Path(argument), display_path(Path(argument))
    read = _read_input(path, shown)
    if isinstance(read, Finding):
        return AddedSource(Report((read,), (shown,)))
    seeds_dir = dirs.to_write("seeds")
    seeds, findings = load_seeds(seeds_dir)
    if seeds is None or findings:  # a manifest that does not validate is fixed first, never added to
        return AddedSource(Report(tuple(findings), (display_path(seeds_dir / MANIFEST),)))
    source_id = fields.id or derive_id(path.name)
    digest = hashlib.sha256(read.data).hexdigest()
    entry = build_entry(source_id, path.name, read.text, read.extracted, fields, digest)
    source = _validated(entry)
    clash = _find_clash(seeds, source)
    if clash is not None:
        return AddedSource(Report((clash,), (shown,)))
    _commit(seeds, entry, source, read.data)
    return AddedSource(Report((), (shown,)), source, display_path(seeds_dir / source.file), seeds.manifest_file)


def _read_input(path: Path, shown: str) -> _Input | Finding:
    raw = read_bounded(path, limit=MAX_SOURCE_BYTES, what="a source text")
    if isinstance(raw, Refusal):
        return Finding(
            raw.code, raw.message, Location(shown, 1, 1) if raw.code == "file-too-large" else Location(shown)
        )
    if not is_html(path.name):
        text = decode_source(raw, shown)
        return text if isinstance(text, Finding) else _Input(raw, text, None)
    extracted = extract_html(raw)
    text = decode_source(extracted.text.encode("utf-8"), f"{shown} (the text extracted from it)")
    return text if isinstance(text, Finding) else _Input(text.encode("utf-8"), text, extracted)


def _validated(entry: dict[str, str | None]) -> Source:
    """The entry as a Source; a field the options got wrong is a usage error naming the option."""
    try:
        return Source.model_validate(entry)
    except ValidationError as error:
        first = error.errors()[0]
        field = str(first["loc"][0]) if first["loc"] else "entry"
        raise UsageError(f"--{field.replace('_', '-')}: {first['msg']}, found {first['input']!r}") from None


def _find_clash(seeds: Seeds, new: Source) -> Finding | None:
    """A finding when the id, the bytes or the file name is already taken in the seeds directory."""
    for index, listed in enumerate(seeds.entries.values()):
        if listed.id == new.id:
            where = seeds.document.locate(("sources", index, "id"))
            message = f"expected a new source id, found `{new.id}` already listed"
            return Finding("duplicate-id", message, where, hint="pass --id with another id")
        if listed.sha256 == new.sha256:
            where = seeds.document.locate(("sources", index, "sha256"))
            message = f"expected a new text, found the same bytes (SHA-256 {new.sha256[:12]}…) listed as `{listed.id}`"
            return Finding("source-duplicate", message, where, hint=f"it is there already: cite it as `{listed.id}`")
        if listed.file == new.file:
            where = seeds.document.locate(("sources", index, "file"))
            message = f"expected no listed file named {new.file}, found it listed for `{listed.id}`"
            return Finding("file-exists", message, where, hint="pass --id with another id (the copy is named ID.txt)")
    target = seeds.directory / new.file
    if target.exists() or target.is_symlink():
        message = f"expected no file named {new.file} in the seeds directory, found one"
        return Finding("file-exists", message, Location(display_path(target)), hint="pass --id with another id")
    return None


def _commit(seeds: Seeds, entry: dict[str, str | None], source: Source, data: bytes) -> None:
    """The new manifest proved valid, then the copy created and the manifest replaced; all or nothing."""
    manifest = seeds.directory / MANIFEST
    before = read_bounded(manifest, limit=MAX_MANIFEST_BYTES, what="a source manifest")
    if isinstance(before, Refusal) or before.removeprefix(_BOM).decode("utf-8", "replace") != seeds.document.text:
        raise GuaranteesError(f"{seeds.manifest_file} changed while the source was being added; nothing was written")
    new_text = append_entry(seeds.document, entry)
    verify_appended(new_text, seeds.manifest_file, list(seeds.entries.values()), source)
    target = seeds.directory / source.file
    try:
        write_new_bytes(target, data)
    except OSError as error:
        raise GuaranteesError(f"cannot write {display_path(target)}: {error.strerror or error}") from None
    try:
        bom = _BOM if before.startswith(_BOM) else b""
        write_atomic_bytes(manifest, bom + new_text.encode("utf-8"))
    except BaseException as error:
        target.unlink(missing_ok=True)  # the manifest was not replaced: take the copy away again
        if isinstance(error, OSError):
            raise GuaranteesError(f"cannot write {seeds.manifest_file}: {error.strerror or error}") from None
        raise
