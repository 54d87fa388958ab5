"""An on-disk cache of derived data, keyed so a stale entry is never used: a shortcut, never a source of truth.

Lives in $GUARANTEES_CACHE_DIR, else $XDG_CACHE_HOME/guarantees, else ~/.cache/guarantees;
GUARANTEES_NO_CACHE=1 turns it off. Every read tolerates a missing, partial or foreign file.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from guarantees.writer import write_atomic


def find_cache_dir() -> Path | None:
    """The cache directory, or None when caching is off."""
    if os.environ.get("GUARANTEES_NO_CACHE"):
        return None
    if os.environ.get("GUARANTEES_CACHE_DIR"):
        return Path(os.environ["GUARANTEES_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "guarantees"


def _entry_path(kind: str, key: str) -> Path | None:
    directory = find_cache_dir()
    if directory is None:
        return None
    return directory / f"{kind}-{hashlib.sha256(key.encode('utf-8')).hexdigest()[:32]}.json"


def read_entry(kind: str, key: str, fingerprint: str) -> Any | None:
    """The cached value for (kind, key) if it was stored with this exact fingerprint, else None."""
    path = _entry_path(kind, key)
    if path is None:
        return None
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(stored, dict) or stored.get("fingerprint") != fingerprint:
        return None
    return stored.get("value")


def write_entry(kind: str, key: str, fingerprint: str, value: Any) -> None:
    """Store a value; a cache that cannot be written is silently skipped (it only saves time)."""
    path = _entry_path(kind, key)
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, json.dumps({"fingerprint": fingerprint, "value": value}, ensure_ascii=False))
    except Exception:  # noqa: BLE001 - a read-only or full disk must not fail the command
        return
