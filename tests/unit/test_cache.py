"""The on-disk cache: used only when its fingerprint matches, ignored when broken or switched off."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import MODELS
from guarantees import catalogue
from guarantees import selection as selection_module
from guarantees.cache import find_cache_dir, read_pickle, read_text_entry, write_pickle, write_text_entry
from guarantees.catalogue import build_catalogue


def test_entries_are_returned_only_for_the_same_fingerprint(private_cache: Path) -> None:
    write_text_entry("kind", "key", "fp-1", "text")
    write_pickle("kind", "key", "fp-1", {"a": 1})
    assert read_text_entry("kind", "key", "fp-1") == "text"
    assert read_pickle("kind", "key", "fp-1") == {"a": 1}
    assert read_text_entry("kind", "key", "fp-2") is None and read_pickle("kind", "key", "fp-2") is None
    assert read_text_entry("kind", "other", "fp-1") is None


def test_a_corrupt_or_truncated_entry_is_a_miss(private_cache: Path) -> None:
    write_pickle("kind", "key", "fp", [1])
    (entry,) = private_cache.iterdir()
    entry.write_bytes(entry.read_bytes()[:-3])
    assert read_pickle("kind", "key", "fp") is None


def test_the_cache_directory_is_private(private_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = private_cache / "sub"
    monkeypatch.setenv("GUARANTEES_CACHE_DIR", str(target))
    write_pickle("kind", "key", "fp", 1)
    assert target.stat().st_mode & 0o777 == 0o700


def test_no_cache_switch_turns_it_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GUARANTEES_NO_CACHE", "1")
    assert find_cache_dir() is None
    write_text_entry("kind", "key", "fp", "x")
    assert read_text_entry("kind", "key", "fp") is None


def _models(tmp_path: Path) -> Path:
    target = tmp_path / "models"
    shutil.copytree(MODELS, target)
    return target


def test_alias_index_is_reused_reading_only_the_file_it_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    directory = _models(tmp_path)
    target = directory / "budapest-memorandum.yaml"
    assert build_catalogue(directory).find("budapest") == target
    read: list[Path] = []
    real = catalogue._read_text
    monkeypatch.setattr(catalogue, "_read_text", lambda path: read.append(path) or real(path))
    again = build_catalogue(directory)
    assert again.find("BUDAPEST") == target and again.find("art5") == directory / "nato-article-5.yaml"
    assert read == [target, directory / "nato-article-5.yaml"]  # each hit confirmed in its own file, no other read


def test_an_alias_edited_in_place_is_found_despite_the_index(tmp_path: Path) -> None:
    directory = _models(tmp_path)
    assert build_catalogue(directory).find("budapest") is not None
    target = directory / "budapest-memorandum.yaml"
    target.write_text(target.read_text(encoding="utf-8").replace("  - budapest\n", "  - bm94\n"), "utf-8")
    fresh = build_catalogue(directory)  # same listing, so the cached index is offered, and is stale
    assert fresh.find("budapest") is None
    assert fresh.find("bm94") == target


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


def test_a_clean_selection_is_reused_and_any_byte_change_misses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from conftest import SEEDS
    from guarantees.selection import load_selection

    directory = _models(tmp_path)
    files = [directory / "nato-article-5.yaml", directory / "budapest-memorandum.yaml"]
    first = load_selection(files, SEEDS)
    assert first.report.ok and len(first.models) == 2

    def no_loading(*args: object) -> object:
        raise AssertionError("loaded although the cached selection was valid")

    real = selection_module._load_selection
    monkeypatch.setattr(selection_module, "_load_selection", no_loading)
    again = load_selection(files, SEEDS)
    assert [m.arrangement.id for m in again.models] == ["nato-article-5", "budapest-memorandum"]
    assert again.models[0].spans == first.models[0].spans

    monkeypatch.setattr(selection_module, "_load_selection", real)  # same cache directory, entry still there
    text = files[1].read_text(encoding="utf-8")
    files[1].write_text(text.replace("The 1994 Budapest Memorandum", "The 1995 Budapest Memorandum"), "utf-8")
    broken = load_selection(files, SEEDS)
    assert not broken.report.ok  # a stale entry never hides the new error
    assert "quote-not-found" in {f.code for f in broken.report.findings}


def test_a_selection_with_findings_is_never_cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from conftest import SEEDS
    from guarantees.selection import load_selection

    directory = _models(tmp_path)
    target = directory / "budapest-memorandum.yaml"
    target.write_text(target.read_text(encoding="utf-8").replace("kind: memorandum", "kind: memo"), "utf-8")
    assert not load_selection([target], SEEDS).report.ok
    calls = []
    real = selection_module._load_selection
    monkeypatch.setattr(selection_module, "_load_selection", lambda *a: calls.append(1) or real(*a))
    assert not load_selection([target], SEEDS).report.ok
    assert calls == [1]


def test_views_and_selections_keep_only_their_most_recently_used_entries(
    private_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from guarantees import cache

    monkeypatch.setitem(cache.KEEP_ENTRIES, "view", 3)
    for number in range(3):
        write_text_entry("view", f"key-{number}", "fp", f"view {number}")
        entry = cache._entry_path("view", f"key-{number}", ".txt")
        assert entry is not None
        os.utime(entry, ns=(10**18 + number, 10**18 + number))  # written in this order, a second apart
    assert read_text_entry("view", "key-0", "fp") == "view 0"  # the oldest, used again: now the newest
    write_text_entry("view", "key-3", "fp", "view 3")
    assert len(list(private_cache.glob("view-*"))) == 3
    assert read_text_entry("view", "key-1", "fp") is None  # the least recently used went
    assert [read_text_entry("view", f"key-{n}", "fp") for n in (0, 2, 3)] == ["view 0", "view 2", "view 3"]
    write_text_entry("aliases", "directory", "fp", "index")  # kinds without a bound are never pruned
    assert read_text_entry("aliases", "directory", "fp") == "index"
