"""The validate pipeline: streaming and parallel runs find exactly what a plain run finds."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import MODELS, SEEDS
from guarantees.sources import load_seeds
from guarantees.validator import PARALLEL_FROM, choose_jobs, iter_model_files, validate_files


def _corpus(tmp_path: Path) -> list[Path]:
    """Every shipped model twice (the copies keep their ids: id-mismatch and alias collisions), one broken."""
    directory = tmp_path / "models"
    shutil.copytree(MODELS, directory)
    for path in sorted(MODELS.glob("*.yaml")):
        shutil.copy(path, directory / f"copy-{path.name}")
    broken = directory / "budapest-memorandum.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("The 1994 Budapest", "The 1995 Budapest"), "utf-8")
    return iter_model_files([directory])


def _summary(report) -> list[tuple[str, str, int | None, int | None]]:
    return [(f.code, f.location.file, f.location.line, f.location.column) for f in report.sorted()]


def test_parallel_and_streaming_runs_report_the_same_findings(tmp_path: Path) -> None:
    seeds, _ = load_seeds(SEEDS)
    assert seeds is not None
    files = _corpus(tmp_path)
    plain, models = validate_files(files, seeds)
    streamed, none_kept = validate_files(files, seeds, keep_models=False)
    parallel, _ = validate_files(files, seeds, keep_models=False, jobs=2)
    assert none_kept == [] and len(models) == len(files)
    codes = {code for code, *_ in _summary(plain)}
    assert {"quote-not-found", "id-mismatch", "alias-collision"} <= codes
    assert _summary(plain) == _summary(streamed) == _summary(parallel)


def test_workers_only_for_a_large_corpus() -> None:
    assert choose_jobs(PARALLEL_FROM - 1) == 1
    assert choose_jobs(10_000) >= 1
