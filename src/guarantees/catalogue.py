"""Names → model files without loading them (file stems, then a line scan for aliases); loading only the chosen ones."""

from __future__ import annotations

import difflib
import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from guarantees.checks import check_identity
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
    """The model files of one directory, by lower-case file stem; aliases are scanned only as far as a name needs."""

    directory: Path
    files: dict[str, Path]
    _aliases: dict[str, Path] = field(default_factory=dict)
    _scanned: int = 0

    def _scan_until(self, key: str | None) -> None:
        """Read alias lines file by file (in name order) until `key` turns up; None reads them all."""
        paths = list(self.files.values())
        while self._scanned < len(paths) and (key is None or key not in self._aliases):
            path = paths[self._scanned]
            self._scanned += 1
            for alias in scan_aliases(_read_text(path)):
                self._aliases.setdefault(alias, path)

    def find(self, name: str) -> Path | None:
        """The file of an id or alias (case-insensitive), or None."""
        key = name.strip().lower()
        if key in self.files:
            return self.files[key]
        self._scan_until(key)
        return self._aliases.get(key)

    def suggest(self, name: str) -> list[str]:
        self._scan_until(None)
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
    for entry in entries:
        stem, suffix = os.path.splitext(entry.name)
        if suffix in MODEL_SUFFIXES and entry.is_file():
            files.setdefault(stem.lower(), Path(entry.path))
    return Catalogue(directory=directory, files=files)


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
    selection.report.extend(check_identity(selection.models))
    selection.report.extend(seeds.problems.values())
    return selection
