"""The on-disk cache: used only when its fingerprint matches, ignored when broken or switched off."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import MODELS
from guarantees import catalogue
from guarantees.cache import find_cache_dir, read_entry, write_entry
from guarantees.catalogue import build_catalogue


def test_entries_are_returned_only_for_the_same_fingerprint(private_cache: Path) -> None:
    write_entry("kind", "key", "fp-1", {"a": 1})
    assert read_entry("kind", "key", "fp-1") == {"a": 1}
    assert read_entry("kind", "key", "fp-2") is None
    assert read_entry("kind", "other", "fp-1") is None


def test_a_corrupt_entry_is_ignored(private_cache: Path) -> None:
    write_entry("kind", "key", "fp", [1])
    (entry,) = private_cache.iterdir()
    entry.write_text("{not json", encoding="utf-8")
    assert read_entry("kind", "key", "fp") is None


def test_no_cache_switch_turns_it_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GUARANTEES_NO_CACHE", "1")
    assert find_cache_dir() is None
    write_entry("kind", "key", "fp", 1)
    assert read_entry("kind", "key", "fp") is None


def _models(tmp_path: Path) -> Path:
    target = tmp_path / "models"
    shutil.copytree(MODELS, target)
    return target


def test_alias_index_is_reused_without_reading_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    directory = _models(tmp_path)
    assert build_catalogue(directory).find("budapest") == directory / "budapest-memorandum.yaml"

    def unreadable(path: Path) -> str:
        raise AssertionError(f"read {path} although the index was fresh")

    monkeypatch.setattr(catalogue, "_read_text", unreadable)
    assert build_catalogue(directory).find("BUDAPEST") == directory / "budapest-memorandum.yaml"


def test_a_changed_listing_makes_the_index_stale(tmp_path: Path) -> None:
    directory = _models(tmp_path)
    assert build_catalogue(directory).find("budapest") is not None
    source = (directory / "budapest-memorandum.yaml").read_text(encoding="utf-8")
    (directory / "budapest-memorandum.yaml").unlink()
    moved = source.replace("id: budapest-memorandum", "id: moved").replace("  - budapest\n", "  - budapest-moved\n")
    (directory / "moved.yaml").write_text(moved, encoding="utf-8")
    fresh = build_catalogue(directory)
    assert fresh.find("budapest") is None
    assert fresh.find("budapest-moved") == directory / "moved.yaml"
