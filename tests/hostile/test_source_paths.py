"""A source id that looks like a path never opens a file: citations name manifest entries, never files."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS
from guarantees.model import Citation
from guarantees.sources import Problem, load_seeds, resolve
from samples import MINI

_opened: list[str] | None = None


def _audit(event: str, args: tuple) -> None:
    if _opened is not None and event == "open" and isinstance(args[0], (str, bytes, Path)):
        _opened.append(str(args[0]))


sys.addaudithook(_audit)  # audit hooks cannot be removed; this one records only inside opened_files()


@contextmanager
def opened_files() -> Iterator[list[str]]:
    """Every path the interpreter opens meanwhile (io.open, os.open, Path.read_bytes: all raise the `open` event)."""
    global _opened
    _opened = []
    try:
        yield _opened
    finally:
        _opened = None


def outside(paths: list[str], *allowed: Path) -> list[str]:
    """The data files opened outside `allowed` (Python's own modules and caches are not data)."""
    roots = [p.resolve() for p in allowed] + [Path(sys.prefix).resolve(), Path(sys.base_prefix).resolve(), ROOT / "src"]
    data = [Path(p).resolve() for p in paths if not p.endswith((".py", ".pyc")) and not p.startswith("/dev/")]
    return [str(p) for p in data if not any(p.is_relative_to(root) for root in roots)]


@pytest.mark.parametrize(
    "source", ["../../etc/passwd", "/etc/passwd", "..", "../seeds/sources.yaml", "x/../../etc/passwd"]
)
def test_resolve_never_builds_a_path_from_a_citation(source: str) -> None:
    seeds, _ = load_seeds(SEEDS)
    assert seeds is not None
    citation = Citation.model_construct(
        source=source, quote="root:x:0:0", start=None, end=None, prefix=None, suffix=None
    )
    with opened_files() as opened:
        result = resolve(citation, seeds)
    assert isinstance(result, Problem) and result.code == "unknown-source"
    assert opened == []


@pytest.mark.parametrize("source", ["../../etc/passwd", "/etc/passwd"])
def test_validating_a_path_like_source_id_opens_nothing_outside_the_seeds(invoke, tmp_path: Path, source: str) -> None:
    model = tmp_path / "mini.yaml"
    model.write_text(MINI.replace("source: defense-news-2025-08-16\n        quote", f"source: {source}\n        quote"))
    with opened_files() as opened:
        result = invoke("validate", model)
    assert result.exit_code == 1 and "error[invalid-format]" in result.stdout, result
    assert outside(opened, SEEDS, tmp_path) == []
    assert str(model) in opened


@pytest.mark.parametrize("file", ["../../etc/passwd", "/etc/passwd", "sub/dir.txt", "..txt"])
def test_a_manifest_entry_naming_a_path_is_refused_before_anything_is_read(tmp_path: Path, file: str) -> None:
    manifest = (SEEDS / "sources.yaml").read_text(encoding="utf-8")
    first = "file: 2025-08-16-explainer-inspired-by-article-5.txt"
    (tmp_path / "sources.yaml").write_text(manifest.replace(first, f'file: "{file}"'), encoding="utf-8")
    with opened_files() as opened:
        seeds, findings = load_seeds(tmp_path)
    assert seeds is None and [f.code for f in findings] == ["invalid-format"]
    assert outside(opened, tmp_path) == []
