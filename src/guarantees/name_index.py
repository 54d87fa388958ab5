"""Names → model files without loading them: file stems and each file's alias lines. Imports no model code.

The index is read afresh from the files on every run (nothing is kept between runs), so a name
always resolves to the files as they are now. The alias lines are read by a pattern, not by the
YAML parser; loading the chosen file confirms them in full.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import NamedTuple

from guarantees.findings import Finding, UsageError
from guarantees.loader import MAX_BYTES
from guarantees.model_dir import list_model_dir
from guarantees.safe_file import Refusal, read_bounded

# Top-level `aliases:` as a flow list on the same line, or as a block list below it.
_FLOW = re.compile(r"^aliases:[ \t]*\[([^\]\n]*)\]", re.MULTILINE)
_BLOCK = re.compile(r"^aliases:[ \t]*(?:#[^\n]*)?\n((?:[ \t]*(?:-[^\n]*|#[^\n]*)?\n?)+)", re.MULTILINE)


def scan_aliases(text: str) -> list[str]:
    """The aliases a model file declares, read from its lines without parsing YAML (a hint; loading confirms)."""
    at = 0 if text.startswith("aliases:") else text.find("\naliases:") + 1
    if not at and not text.startswith("aliases:"):
        return []
    flow = _FLOW.match(text, at)
    if flow:
        items = flow.group(1).split(",")
    else:
        block = _BLOCK.match(text, at)
        items = (
            [line.strip()[1:] for line in block.group(1).splitlines() if line.strip().startswith("-")] if block else []
        )
    cleaned = (item.split(" #", 1)[0].strip().strip("'\"").lower() for item in items)
    return [item for item in cleaned if item]


class NameIndex(NamedTuple):
    """Every name of one models directory: its model files, their stems, and which files declare each alias."""

    directory: Path
    files: tuple[Path, ...]  # every model file, in name order (guarantees.model_dir decides which)
    stems: dict[str, tuple[Path, ...]]  # `x.yaml` and `x.yml` share a stem: a name meaning both is ambiguous
    aliases: dict[str, tuple[Path, ...]]
    findings: tuple[Finding, ...] = ()  # what in the directory cannot be a model file

    def owners(self, name: str) -> list[Path]:
        """Every file that a name could mean: the files of that stem, then each file declaring it as an alias."""
        key = name.strip().lower()
        found = list(self.stems.get(key, ()))
        return found + [path for path in self.aliases.get(key, ()) if path not in found]

    def suggest(self, name: str) -> list[str]:
        import difflib  # only for an unknown name

        return difflib.get_close_matches(name.lower(), [*self.stems, *self.aliases], n=3, cutoff=0.5)


ALIAS_BLOCK_BYTES = 16_384  # more than any aliases list can take up (a model file has at most 256 KiB)


def read_alias_lines(path: Path) -> str:
    """The text from a file's top-level `aliases:` line on; decoding only that part keeps 10,000 files fast."""
    raw = read_bounded(path, limit=MAX_BYTES)
    if isinstance(raw, Refusal):
        return ""  # loading the file, if it is chosen, reports why it was not read
    at = 0 if raw.startswith(b"aliases:") else raw.find(b"\naliases:") + 1
    if not at and not raw.startswith(b"aliases:"):
        return ""
    return raw[at : at + ALIAS_BLOCK_BYTES].decode("utf-8", "replace")


def build_name_index(directory: Path) -> NameIndex:
    """Read the names of every model file in a directory."""
    if not os.path.lexists(directory):
        raise UsageError(f"cannot read the models directory {directory}: no such directory")
    listing = list_model_dir(directory)
    stems: dict[str, tuple[Path, ...]] = {}
    aliases: dict[str, list[Path]] = {}
    for path in listing.files:
        stems[path.stem] = (*stems.get(path.stem, ()), path)
        for alias in dict.fromkeys(scan_aliases(read_alias_lines(path))):
            aliases.setdefault(alias, []).append(path)
    owned = {alias: tuple(paths) for alias, paths in aliases.items()}
    return NameIndex(directory, listing.files, stems, owned, listing.findings)


def find_files(index: NameIndex, names: list[str]) -> list[Path]:
    """The file of every name, in order, each once; an unknown or ambiguous name is a usage error."""
    found: list[Path] = []
    problems: list[str] = []
    for name in names:
        owners = index.owners(name)
        if not owners:
            close = index.suggest(name)
            problems.append(f"unknown arrangement `{name}`" + (f" (did you mean {_listed(close)}?)" if close else ""))
        elif len(owners) > 1:
            problems.append(f"`{name}` names {len(owners)} files: {_listed([p.name for p in owners])}")
        elif owners[0] not in found:
            found.append(owners[0])
    if problems:
        raise UsageError("; ".join(problems) + "; `guarantees list` shows every id and alias")
    return found


def _listed(names: list[str]) -> str:
    return ", ".join(f"`{n}`" for n in names)
