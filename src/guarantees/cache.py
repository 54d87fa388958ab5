"""An on-disk cache of derived data, keyed so a stale entry is never used: a shortcut, never a source of truth.

Lives in $GUARANTEES_CACHE_DIR, else $XDG_CACHE_HOME/guarantees, else ~/.cache/guarantees;
GUARANTEES_NO_CACHE=1 turns it off. Every read tolerates a missing, partial or foreign file, and
every write that fails is skipped: the cache only ever saves time. Kinds written once per set of
options (views, selections) keep only their most recently used entries, so the directory stays small.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import pickle
from pathlib import Path
from typing import Any

from guarantees.writer import write_atomic_bytes


def find_cache_dir() -> Path | None:
    """The cache directory, or None when caching is off."""
    if os.environ.get("GUARANTEES_NO_CACHE"):
        return None
    if os.environ.get("GUARANTEES_CACHE_DIR"):
        return Path(os.environ["GUARANTEES_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "guarantees"


def _entry_path(kind: str, key: str, suffix: str) -> Path | None:
    directory = find_cache_dir()
    if directory is None:
        return None
    return directory / f"{kind}-{hashlib.sha256(key.encode('utf-8', 'surrogateescape')).hexdigest()[:32]}{suffix}"


# Entries kept per kind, most recently used first; other kinds (one alias index per models directory) are few.
KEEP_ENTRIES = {"view": 256, "selection": 64}


def _read(kind: str, key: str, suffix: str, fingerprint: str) -> bytes | None:
    """The payload stored under this exact fingerprint (the entry's first line), else None."""
    path = _entry_path(kind, key, suffix)
    if path is None:
        return None
    try:
        stored, _, payload = path.read_bytes().partition(b"\n")
    except OSError:
        return None
    if stored != fingerprint.encode("ascii"):
        return None
    if kind in KEEP_ENTRIES:
        with contextlib.suppress(OSError):
            os.utime(path)  # used now: pruning keeps it
    return payload


def _prune(directory: Path, kind: str) -> None:
    """Delete all but the most recently used entries of a kind; a later run simply recomputes them."""
    keep = KEEP_ENTRIES.get(kind)
    entries = list(directory.glob(f"{kind}-*")) if keep is not None else []
    if keep is None or len(entries) <= keep:
        return

    def last_used(path: Path) -> int:
        try:
            return path.stat().st_mtime_ns
        except OSError:
            return 0

    for path in sorted(entries, key=last_used)[:-keep]:
        path.unlink(missing_ok=True)


def _write(kind: str, key: str, suffix: str, fingerprint: str, payload: bytes) -> None:
    path = _entry_path(kind, key, suffix)
    if path is None:
        return
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_atomic_bytes(path, fingerprint.encode("ascii") + b"\n" + payload)
        _prune(path.parent, kind)
    except Exception:  # noqa: BLE001 - a read-only or full disk must not fail the command
        return


def read_text_entry(kind: str, key: str, fingerprint: str) -> str | None:
    payload = _read(kind, key, ".txt", fingerprint)
    try:
        return payload.decode("utf-8") if payload is not None else None
    except UnicodeDecodeError:
        return None


def write_text_entry(kind: str, key: str, fingerprint: str, text: str) -> None:
    _write(kind, key, ".txt", fingerprint, text.encode("utf-8", "surrogateescape"))


def read_pickle(kind: str, key: str, fingerprint: str) -> Any | None:
    """A pickled value stored under this exact fingerprint, else None.

    Pickles are only ever read from the user's own cache directory (created 0700), never from a
    model file or anything a contributor supplies.
    """
    payload = _read(kind, key, ".pickle", fingerprint)
    if payload is None:
        return None
    try:
        return pickle.loads(payload)
    except Exception:  # noqa: BLE001 - a truncated or foreign entry is a miss
        return None


def write_pickle(kind: str, key: str, fingerprint: str, value: Any) -> None:
    _write(kind, key, ".pickle", fingerprint, pickle.dumps(value, pickle.HIGHEST_PROTOCOL))


def fingerprint_files(paths: list[Path]) -> str:
    """SHA-256 over the names and bytes of files: any change to any of them changes it."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(str(path).encode("utf-8", "surrogateescape") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@functools.cache  # the code running is the code imported: hash it once per process, not once per entry
def code_fingerprint() -> str:
    """The tool's own source: a cached result is only as valid as the code that computed it."""
    package = Path(__file__).resolve().parent
    return fingerprint_files(sorted(package.rglob("*.py")))


def fingerprint_inputs(files: list[Path], seeds_dir: Path) -> str | None:
    """What a checked model depends on: its file, every file of the seeds directory, and the tool's code.

    None when one of them cannot be read: the caller loads afresh and the loader reports the problem.
    """
    try:
        seed_files = sorted(p for p in seeds_dir.iterdir() if p.is_file()) if seeds_dir.is_dir() else []
        return fingerprint_files([*files, *seed_files]) + code_fingerprint()
    except OSError:
        return None
