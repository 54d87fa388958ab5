"""The view cache: a repeated `compare`, `show` or `list` prints the same bytes without loading a model,
and any change to what shaped the view (a model, a seed, the terminal, the options) builds it afresh."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import SEEDS
from guarantees import selection as selection_module


def _entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("view-*"))


def _refuse_loading(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> object:
        raise AssertionError("a model was loaded although the cached view was current")

    monkeypatch.setattr(selection_module, "load_selection", refuse)


@pytest.mark.parametrize(
    "args",
    [
        ("compare", "art5", "budapest"),
        ("compare", "art5", "budapest", "--only-diff", "--dimensions", "trigger,troops"),
        ("compare", "--against", "art5", "budapest", "berlin"),
        ("show", "budapest"),
        ("list", "--where", "binding_force>=legally_binding"),
    ],
)
def test_a_repeated_view_prints_the_same_bytes_without_loading_a_model(
    invoke, private_cache: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    monkeypatch.setenv("GUARANTEES_NO_CACHE", "1")
    uncached = invoke(*args)
    assert not _entries(private_cache)
    monkeypatch.delenv("GUARANTEES_NO_CACHE")
    first = invoke(*args)
    assert first.exit_code == 0, first
    assert first.stdout == uncached.stdout
    assert len(_entries(private_cache)) == 1

    _refuse_loading(monkeypatch)
    again = invoke(*args)
    assert again.exit_code == 0, again
    assert again.stdout == first.stdout


def test_each_option_set_and_terminal_width_is_its_own_view(invoke, private_cache: Path) -> None:
    wide = invoke("compare", "art5", "budapest", env={"COLUMNS": "140"})
    narrow = invoke("compare", "art5", "budapest", env={"COLUMNS": "80"})
    only_diff = invoke("compare", "art5", "budapest", "--only-diff", env={"COLUMNS": "80"})
    assert max(len(line) for line in wide.stdout.splitlines()) > 80
    assert max(len(line) for line in narrow.stdout.splitlines()) <= 80
    assert only_diff.stdout != narrow.stdout
    assert len(_entries(private_cache)) == 3  # one entry per option set and terminal width
    assert invoke("compare", "art5", "budapest", env={"COLUMNS": "140"}).stdout == wide.stdout


def test_an_edited_model_is_loaded_again_and_a_new_error_is_never_hidden(
    invoke, models_copy: Path, private_cache: Path
) -> None:
    args = ("compare", "art5", "budapest", "--models", str(models_copy))
    assert invoke(*args).exit_code == 0
    target = models_copy / "budapest-memorandum.yaml"
    text = target.read_text(encoding="utf-8")

    target.write_text(text.replace("name: Budapest Memorandum", "name: Budapest Memorandum (edited)"), "utf-8")
    edited = invoke(*args)
    assert edited.exit_code == 0 and "Budapest Memorandum (edited)" in edited.stdout

    target.write_text(text.replace("The 1994 Budapest Memorandum", "The 1995 Budapest Memorandum"), "utf-8")
    broken = invoke(*args)
    assert broken.exit_code == 1, broken
    assert "quote-not-found" in broken.stderr and "budapest-memorandum.yaml:" in broken.stderr
    assert broken.stdout == ""

    target.write_text(text, "utf-8")  # back to the original bytes: the first entry is current again
    assert invoke(*args).exit_code == 0


def test_an_edited_seed_is_a_miss(invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    args = ("compare", "art5", "budapest", "--seeds", str(seeds))
    assert invoke(*args).exit_code == 0
    article = next(p for p in seeds.iterdir() if p.suffix == ".txt")
    article.write_bytes(article.read_bytes() + b" ")  # the manifest's hash no longer matches
    changed = invoke(*args)
    assert changed.exit_code == 1, changed
    assert "sources.yaml" in changed.stderr


def test_a_failed_run_stores_nothing(invoke, models_copy: Path, private_cache: Path) -> None:
    target = models_copy / "budapest-memorandum.yaml"
    target.write_text(target.read_text(encoding="utf-8").replace("kind: memorandum", "kind: memo"), "utf-8")
    assert invoke("compare", "art5", "budapest", "--models", str(models_copy)).exit_code == 1
    assert invoke("list", "--where", "nonsense>=1").exit_code == 2
    assert not _entries(private_cache)


def test_svg_is_written_on_every_run(invoke, tmp_path: Path, private_cache: Path) -> None:
    image = tmp_path / "view.svg"
    assert invoke("compare", "art5", "budapest").exit_code == 0  # a current text view exists
    assert invoke("compare", "art5", "budapest", "--svg", str(image)).exit_code == 0
    assert image.read_text(encoding="utf-8").startswith("<svg")
    image.unlink()
    assert invoke("compare", "art5", "budapest", "--svg", str(image)).exit_code == 0
    assert image.is_file()
    assert len(_entries(private_cache)) == 1


def test_two_models_directories_keep_two_entries(invoke, models_copy: Path, private_cache: Path) -> None:
    shipped = invoke("compare", "art5", "budapest")
    copied = invoke("compare", "art5", "budapest", "--models", str(models_copy))
    assert shipped.stdout == copied.stdout
    assert len(_entries(private_cache)) == 2  # alternating between them never evicts the other's view


def _run_on_a_terminal(args: list[str], env: dict[str, str]) -> bytes:
    """Run the CLI with its stdout on a pseudo-terminal (so rich colours it) and return what it wrote."""
    import os
    import pty
    import subprocess
    import sys

    master, slave = pty.openpty()
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "guarantees", *args], stdout=slave, stderr=subprocess.PIPE, env=env
        )
        os.close(slave)
        chunks = []
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            chunks.append(chunk)
        _, stderr = process.communicate(timeout=60)
        assert process.returncode == 0, stderr
        return b"".join(chunks)
    finally:
        os.close(master)


def test_a_colour_terminal_gets_the_same_bytes_from_the_cache(private_cache: Path) -> None:
    import os

    from conftest import ROOT

    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "GITHUB_ACTIONS")}
    env.update(COLUMNS="100", TERM="xterm-256color", GUARANTEES_CACHE_DIR=str(private_cache))
    args = ["compare", "art5", "budapest", "--models", str(ROOT / "models"), "--seeds", str(SEEDS)]
    uncached = _run_on_a_terminal(args, {**env, "GUARANTEES_NO_CACHE": "1"})
    first = _run_on_a_terminal(args, env)
    assert len(_entries(private_cache)) == 1
    again = _run_on_a_terminal(args, env)
    assert b"\x1b[" in uncached  # coloured: the terminal path, not the pipe path
    assert first == again == uncached
