"""Names → model files without loading them (file stems, then a line scan for aliases); loading only the chosen ones."""

from __future__ import annotations

import difflib
import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from guarantees.cache import read_entry, write_entry
from guarantees.checks import check_identity, identity_of
from guarantees.findings import Report, UsageError
from guarantees.sources import Seeds, load_seeds
from guarantees.validator import MODEL_SUFFIXES, LoadedModel, check_model, load_model

# Top-level `aliases:` as a flow list on the same line, or as a block list below it.
_FLOW = re.compile(r"^aliases:[ \t]*\[([^\]\n]*)\]", re.MULTILINE)
_BLOCK = re.compile(r"^aliases:[ \t]*(?:#[^\n]*)?\n((?:[ \t]*(?:-[^\n]*|#[^\n]*)?\n?)+)", re.MULTILINE)


def scan_aliases(text: str) -> list[str]:
    """The aliases a model file declares, read from its lines without parsing YAML (a hint; loading confirms)."""
    flow = _FLOW.search(text)
    if flow:
        items = flow.group(1).split(",")
    else:
        block = _BLOCK.search(text)
        items = (
            [line.strip()[1:] for line in block.group(1).splitlines() if line.strip().startswith("-")] if block else []
        )
    cleaned = (item.split(" #", 1)[0].strip().strip("'\"").lower() for item in items)
    return [item for item in cleaned if item]


@dataclass
class Catalogue:
    """The model files of one directory, by lower-case file stem; aliases come from a cached index or a line scan."""

    directory: Path
    files: dict[str, Path]
    fingerprint: str = ""
    _aliases: dict[str, Path] = field(default_factory=dict)
    _scanned: int = 0
    _index_tried: bool = False

    def _use_index(self) -> None:
        """Load the alias index cached for exactly this listing (names, sizes, mtimes); stale ones never match."""
        self._index_tried = True
        cached = read_entry("aliases", str(self.directory.resolve()), self.fingerprint)
        if isinstance(cached, dict):
            by_name = {path.name: path for path in self.files.values()}
            self._aliases = {alias: by_name[name] for alias, name in cached.items() if name in by_name}
            self._scanned = len(self.files)

    def _save_index(self) -> None:
        index = {alias: path.name for alias, path in self._aliases.items()}
        write_entry("aliases", str(self.directory.resolve()), self.fingerprint, index)

    def _scan_all(self) -> None:
        """Read the alias lines of every file not yet read, in name order."""
        paths = list(self.files.values())
        for path in paths[self._scanned :]:
            for alias in scan_aliases(_read_text(path)):
                self._aliases.setdefault(alias, path)
        self._scanned = len(paths)
        self._save_index()

    def find(self, name: str) -> Path | None:
        """The file of an id or alias (case-insensitive), or None. Loading the file confirms the match."""
        key = name.strip().lower()
        if key in self.files:
            return self.files[key]
        if not self._index_tried:
            self._use_index()
        if key not in self._aliases and self._scanned < len(self.files):
            self._scan_all()  # all of them, so the index it saves serves every later name
        return self._aliases.get(key)

    def suggest(self, name: str) -> list[str]:
        if self._scanned < len(self.files):
            self._scan_all()
        return difflib.get_close_matches(name.lower(), [*self.files, *self._aliases], n=3, cutoff=0.5)


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def build_catalogue(directory: Path) -> Catalogue:
    """List the model files of a directory (names only; nothing is read)."""
    try:
        entries = sorted(os.scandir(directory), key=lambda e: e.name)
    except OSError as error:
        raise UsageError(f"cannot read the models directory {directory}: {error.strerror or error}") from error
    files = {}
    listing = hashlib.sha256()
    for entry in entries:
        stem, suffix = os.path.splitext(entry.name)
        if suffix in MODEL_SUFFIXES and entry.is_file():
            files.setdefault(stem.lower(), Path(entry.path))
            stat = entry.stat()
            listing.update(f"{entry.name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode("utf-8", "surrogateescape"))
    return Catalogue(directory=directory, files=files, fingerprint=listing.hexdigest())


def find_files(catalogue: Catalogue, names: list[str]) -> list[Path]:
    """The file of every name, in order, each once; unknown names are one usage error with suggestions."""
    found: list[Path] = []
    unknown: list[str] = []
    for name in names:
        path = catalogue.find(name)
        if path is None:
            close = catalogue.suggest(name)
            unknown.append(f"`{name}`" + (f" (did you mean {', '.join(f'`{c}`' for c in close)}?)" if close else ""))
        elif path not in found:
            found.append(path)
    if unknown:
        raise UsageError(f"unknown arrangement {'; '.join(unknown)}; `guarantees list` shows every id and alias")
    return found


@dataclass
class Selection:
    """The chosen models, validated and with resolved spans, their content hashes, and what was wrong."""

    models: list[LoadedModel] = field(default_factory=list)
    hashes: dict[str, str] = field(default_factory=dict)
    report: Report = field(default_factory=Report)
    seeds: Seeds | None = None

    def find(self, name: str) -> LoadedModel | None:
        key = name.strip().lower()
        return next((m for m in self.models if key == m.arrangement.id or key in m.arrangement.aliases), None)


def load_selection(files: list[Path], seeds_dir: Path) -> Selection:
    """Load, type-check and resolve the citations of these files only; findings go to the report, not raised."""
    seeds, manifest_findings = load_seeds(seeds_dir)
    selection = Selection(seeds=seeds, report=Report(findings=list(manifest_findings), files=[str(f) for f in files]))
    if seeds is None:
        return selection
    for path in files:
        model, findings = load_model(path)
        selection.report.extend(findings)
        if model is not None:
            selection.report.extend(check_model(model, seeds))
            selection.models.append(model)
            selection.hashes[model.arrangement.id] = hashlib.sha256(model.document.text.encode("utf-8")).hexdigest()
    selection.report.extend(check_identity([identity_of(m) for m in selection.models]))
    selection.report.extend(seeds.problems.values())
    return selection
