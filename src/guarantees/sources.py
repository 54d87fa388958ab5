"""The seed corpus: manifest, checksums, and resolving a quoted citation to one exact span.

Offsets are code points (Python str indices) into the file decoded as strict UTF-8, with no
newline translation, half-open [start, end).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from pydantic import ValidationError

from guarantees.data_dirs import display_path
from guarantees.findings import Finding, GuaranteesError, Location
from guarantees.loader import Document, read_document
from guarantees.model import Citation, Source, SourceManifest
from guarantees.safe_file import check_directory
from guarantees.seed_files import MANIFEST, MAX_MANIFEST_BYTES, check_unlisted, read_source, with_hash_hint


class Span(NamedTuple):
    """A citation resolved to exactly one place in one source."""

    source: str
    quote: str
    start: int
    end: int

    def as_dict(self) -> dict[str, object]:
        return {"source": self.source, "quote": self.quote, "start": self.start, "end": self.end}


class Problem(NamedTuple):
    """Why a citation did not resolve: a finding code, a message and, where possible, the fix."""

    code: str
    message: str
    hint: str | None = None


@dataclass
class Seeds:
    """The manifest and the texts it vouches for; texts are read and checked on first use."""

    directory: Path
    document: Document
    entries: dict[str, Source]
    _texts: dict[str, str | None] = field(default_factory=dict)
    _normalised: dict[str, tuple[str, list[int]]] = field(default_factory=dict)
    _occurrences: dict[tuple[str, str], list[int]] = field(default_factory=dict)
    problems: dict[str, Finding] = field(default_factory=dict)

    @property
    def manifest_file(self) -> str:
        return self.document.file

    def text(self, source_id: str) -> str | None:
        """The verified text of a source, or None when it is missing or its bytes changed."""
        if source_id not in self._texts:
            self._texts[source_id] = self._read(source_id)
        return self._texts[source_id]

    def _read(self, source_id: str) -> str | None:
        entry = self.entries[source_id]
        index = list(self.entries).index(source_id)
        where = self.document.locate(("sources", index, "file"))
        read = read_source(self.directory, entry, where, self.document.locate(("sources", index, "sha256")))
        if isinstance(read, Finding):
            self.problems[source_id] = read
            return None
        return read

    def check_all(self) -> list[Finding]:
        """Read every source once; the findings for those that are missing or changed."""
        for source_id in self.entries:
            self.text(source_id)
        return list(self.problems.values())

    def occurrences(self, source_id: str, quote: str) -> list[int]:
        """Every start of `quote` in a verified source, remembered: a file may cite one quote thousands of times."""
        key = (source_id, quote)
        if key not in self._occurrences:
            self._occurrences[key] = find_occurrences(self.text(source_id) or "", quote)
        return self._occurrences[key]

    def normalised(self, source_id: str) -> tuple[str, list[int]]:
        if source_id not in self._normalised:
            self._normalised[source_id] = normalise_typography(self.text(source_id) or "")
        return self._normalised[source_id]


def load_seeds(directory: Path) -> tuple[Seeds | None, list[Finding]]:
    """Read seeds/sources.yaml; a manifest that does not validate cannot vouch for anything.

    The directory must be a real directory (a link could lead anywhere), its manifest must exist
    (a missing one is never replaced by another corpus), and it may hold nothing the manifest
    does not list.
    """
    refusal = check_directory(directory)
    if refusal is not None and refusal.code != "unreadable-file":
        return None, [Finding(refusal.code, refusal.message, Location(display_path(directory)))]
    manifest = directory / MANIFEST
    if not os.path.lexists(manifest):
        raise GuaranteesError(f"no source manifest at {manifest}; pass --seeds DIR with the seeds directory to use")
    document, finding = read_document(
        manifest, display_path(manifest), limit=MAX_MANIFEST_BYTES, what="a source manifest"
    )
    if document is None:
        return None, [finding] if finding else []
    try:
        parsed = SourceManifest.model_validate(document.data)
    except ValidationError as error:
        from guarantees.type_findings import iter_validation_findings  # only a broken manifest needs it

        found = iter_validation_findings(error, document, SourceManifest)
        return None, [with_hash_hint(finding, directory, document.data) for finding in found]
    entries: dict[str, Source] = {}
    findings = []
    for index, entry in enumerate(parsed.sources):
        if entry.id in entries:
            findings.append(
                Finding(
                    "duplicate-id",
                    f"expected unique source ids, found `{entry.id}` twice",
                    document.locate(("sources", index, "id")),
                )
            )
        entries[entry.id] = entry
    findings += check_unlisted(directory, {MANIFEST, *(entry.file for entry in parsed.sources)})
    return Seeds(directory=directory, document=document, entries=entries), findings


# Typography that hand-typed quotes get wrong; used only to suggest the exact text to paste.
_TYPOGRAPHY = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u2026": "...",
    }
)


def normalise_typography(text: str) -> tuple[str, list[int]]:
    """Straight quotes, ASCII dashes, single spaces; with the original index of every output character."""
    out: list[str] = []
    origin: list[int] = []
    previous_space = False
    for index, char in enumerate(text):
        if char.isspace():
            if not previous_space:
                out.append(" ")
                origin.append(index)
            previous_space = True
            continue
        previous_space = False
        for piece in char.translate(_TYPOGRAPHY):
            out.append(piece)
            origin.append(index)
    return "".join(out), origin


def find_occurrences(text: str, quote: str) -> list[int]:
    """Every start offset of `quote` in `text`, overlapping ones included."""
    starts, at = [], text.find(quote)
    while at != -1:
        starts.append(at)
        at = text.find(quote, at + 1)
    return starts


def resolve(citation: Citation, seeds: Seeds, *, closest: bool = True) -> Span | Problem | None:
    """Resolve a citation to one span; a Problem says why not; None when its source is unusable.

    `closest=False` skips the search for the closest passage (tens of milliseconds a quote), so a
    hostile file of a thousand unfound quotes cannot make a run take minutes.
    """
    if citation.source not in seeds.entries:
        import difflib  # the hints of a failed citation; a clean run never needs it

        close = difflib.get_close_matches(citation.source, list(seeds.entries), n=1)
        hint = f"did you mean `{close[0]}`?" if close else f"known sources: {', '.join(seeds.entries)}"
        return Problem(
            "unknown-source", f"expected a source id from {seeds.manifest_file}, found `{citation.source}`", hint
        )
    text = seeds.text(citation.source)
    if text is None:
        return None
    quote = citation.quote
    starts = seeds.occurrences(citation.source, quote)
    if not starts:
        return _not_found(citation, seeds, text, closest=closest)
    selected = citation.prefix is not None or citation.suffix is not None
    picked = [s for s in starts if _context_matches(text, s, s + len(quote), citation)] if selected else starts
    if citation.start is not None or citation.end is not None:
        return _check_offsets(citation, text, picked or starts)
    if not picked:
        shown = ", ".join(str(s) for s in starts[:5])
        return Problem(
            "selector-mismatch",
            f"the quote occurs at {shown}, but never with the given prefix/suffix",
            "copy prefix/suffix exactly from the text around the wanted occurrence",
        )
    if len(picked) > 1:
        return _ambiguous(citation, text, picked)
    return Span(citation.source, quote, picked[0], picked[0] + len(quote))


def _context_matches(text: str, start: int, end: int, citation: Citation) -> bool:
    if citation.prefix is not None and text[max(0, start - len(citation.prefix)) : start] != citation.prefix:
        return False
    return citation.suffix is None or text[end : end + len(citation.suffix)] == citation.suffix


def _check_offsets(citation: Citation, text: str, candidates: list[int]) -> Span | Problem:
    quote = citation.quote
    start = citation.start if citation.start is not None else (citation.end or 0) - len(quote)
    end = citation.end if citation.end is not None else start + len(quote)
    if start >= 0 and text[start:end] == quote and start in candidates:
        return Span(citation.source, quote, start, end)
    right = ", ".join(f"start: {s}, end: {s + len(quote)}" for s in candidates[:5])
    found = text[max(0, start) : max(0, end)][:80]
    return Problem(
        "span-mismatch",
        f"expected the quote at [{citation.start}, {citation.end}), found {found!r} there",
        f"the quote is at {right}" if len(candidates) == 1 else f"the quote occurs at: {right}",
    )


def _ambiguous(citation: Citation, text: str, starts: list[int]) -> Problem:
    places = "; ".join(f"{s} (after {text[max(0, s - 20) : s]!r})" for s in starts[:5])
    return Problem(
        "quote-ambiguous",
        f"expected the quote once in `{citation.source}`, found it {len(starts)} times: at {places}",
        "add `prefix:` or `suffix:` with the text around the wanted one, or `start:`/`end:`",
    )


def _not_found(citation: Citation, seeds: Seeds, text: str, *, closest: bool) -> Problem:
    message = f"expected the quote in `{citation.source}`, found no exact match"
    typographic = find_typographic(seeds, citation.source, citation.quote)
    if typographic is not None:
        start, end = typographic
        return Problem(
            "quote-not-found",
            message + " (it matches only after normalising quotes, dashes or spaces)",
            f"paste the exact source text: {text[start:end]!r} (start: {start}, end: {end})",
        )
    hint = (
        _closest_hint(citation.quote, text)
        if closest
        else "(closest passages are searched for the first unfound quotes of a file only)"
    )
    return Problem("quote-not-found", message, hint)


def find_typographic(seeds: Seeds, source_id: str, quote: str) -> tuple[int, int] | None:
    """The first span of a source that equals `quote` once quotes, dashes and spaces are normalised; or None."""
    normal_text, origin = seeds.normalised(source_id)
    normal_quote = normalise_typography(quote)[0].strip()
    found = normal_text.find(normal_quote) if normal_quote else -1
    if found == -1:
        return None
    return origin[found], origin[found + len(normal_quote) - 1] + 1


def find_closest(quote: str, text: str) -> int | None:
    """The start of the passage of `text` most like `quote` (its longest common block, aligned); or None."""
    if len(quote) < 8:  # no block of 8 characters to find
        return None
    import difflib

    matcher = difflib.SequenceMatcher(None, text, quote, autojunk=False)
    block = matcher.find_longest_match(0, len(text), 0, len(quote))
    if block.size < max(8, len(quote) // 3):
        return None
    return max(0, block.a - block.b)


def _closest_hint(quote: str, text: str) -> str | None:
    start = find_closest(quote, text)
    if start is None:
        return None
    return f"closest passage: {text[start : start + len(quote)]!r} (start: {start})"
