"""Names → model files without loading them: file stems, then a line scan for aliases. Imports no model code."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from guarantees.cache import read_text_entry, write_text_entry
from guarantees.findings import UsageError
from guarantees.location import MODEL_SUFFIXES

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
    """The model files of one directory, by lower-case file stem; aliases come from a cached index or a line scan.

    Nothing is listed until something needs the listing: a name that is a file stem is one `stat`,
    and an alias is looked up in the cached index. The index is a hint, never trusted: a hit is
    confirmed by the alias lines of that one file, and a miss or a stale hit lists and rescans every
    file (and saves the new index) before a name is called unknown.
    """

    directory: Path
    _names: dict[str, str] | None = None  # lower-case stem → file name, once listed
    _aliases: dict[str, str] = field(default_factory=dict)  # alias → file name
    _complete: bool = False  # _aliases was built by scanning every file, in this run
    _index: str | None = None  # the cached index's text, read once

    @property
    def names(self) -> dict[str, str]:
        if self._names is None:
            self._names = _list_model_files(self.directory)
        return self._names

    @property
    def files(self) -> dict[str, Path]:
        return {stem: self.directory / name for stem, name in self.names.items()}

    @property
    def _index_key(self) -> str:
        return str(self.directory.resolve())

    def _fingerprint(self) -> str:
        """The directory's own stat: it changes whenever a file is added, removed or renamed in it."""
        stat = self.directory.stat()
        return f"{stat.st_dev}:{stat.st_ino}:{stat.st_mtime_ns}"

    def _look_up_index(self, key: str) -> None:
        """Look `key` up in the cached index: a text search, not a parse (it may hold 30,000 aliases)."""
        if self._index is None:
            self._index = read_text_entry("aliases", self._index_key, self._fingerprint()) or ""
        at = self._index.find(f"\n{key}\t") if "\t" not in key and "\n" not in key else -1
        if at != -1:
            line = self._index[at + 1 : self._index.find("\n", at + 1)]
            self._aliases[key] = line.partition("\t")[2]

    def _scan_all(self) -> None:
        """Read the alias lines of every file, in name order, and save them as the index."""
        fingerprint = self._fingerprint()  # before listing: a file added meanwhile makes the index stale, not wrong
        self._aliases = {}
        for name in self.names.values():
            for alias in scan_aliases(_read_text(self.directory / name)):
                self._aliases.setdefault(alias, name)
        self._complete = True
        lines = "".join(f"{alias}\t{name}\n" for alias, name in self._aliases.items() if "\t" not in alias)
        write_text_entry("aliases", self._index_key, fingerprint, "\n" + lines)

    def _confirmed(self, key: str) -> bool:
        name = self._aliases.get(key)
        return name is not None and (self._complete or key in scan_aliases(_read_text(self.directory / name)))

    def _stem_file(self, key: str) -> Path | None:
        if self._names is not None:
            return self.directory / self._names[key] if key in self._names else None
        if "/" in key or key.startswith("."):
            return None
        candidates = (self.directory / f"{key}{suffix}" for suffix in MODEL_SUFFIXES)
        return next((path for path in candidates if path.is_file()), None)

    def find(self, name: str) -> Path | None:
        """The file of an id or alias (case-insensitive), or None. Loading the file checks it in full."""
        key = name.strip().lower()
        stem = self._stem_file(key)
        if stem is not None:
            return stem
        if not self._complete:
            self._look_up_index(key)
        if not self._confirmed(key) and not self._complete:
            self._scan_all()
        found = self._aliases.get(key)
        return self.directory / found if found is not None else None

    def suggest(self, name: str) -> list[str]:
        if not self._complete:
            self._scan_all()
        import difflib  # only for an unknown name

        return difflib.get_close_matches(name.lower(), [*self.names, *self._aliases], n=3, cutoff=0.5)


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def _list_model_files(directory: Path) -> dict[str, str]:
    """Lower-case stem → file name of every model file in a directory, in name order."""
    try:
        with os.scandir(directory) as entries:
            found = sorted(e.name for e in entries if e.name.endswith(MODEL_SUFFIXES) and e.is_file())
    except OSError as error:
        raise UsageError(f"cannot read the models directory {directory}: {error.strerror or error}") from error
    names: dict[str, str] = {}
    for name in found:
        names.setdefault(name.rpartition(".")[0].lower(), name)
    return names


def build_catalogue(directory: Path) -> Catalogue:
    """The catalogue of a models directory; nothing is read until a name needs it."""
    if not directory.is_dir():
        raise UsageError(f"cannot read the models directory {directory}: not a directory")
    return Catalogue(directory=directory)


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
