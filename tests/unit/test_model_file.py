"""One model file, and many in a stream: serial, parallel and extracting runs find exactly the same."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from conftest import MODELS, SEEDS
from guarantees.model_dir import list_model_paths
from guarantees.model_file import load_model
from guarantees.service.scan import PARALLEL_FROM, choose_jobs, scan_files
from guarantees.sources import load_seeds


def _corpus(tmp_path: Path) -> list[Path]:
    """Every shipped model twice (the copies keep their ids: id-mismatch and alias collisions), one broken."""
    directory = tmp_path / "models"
    shutil.copytree(MODELS, directory)
    for path in sorted(MODELS.glob("*.yaml")):
        shutil.copy(path, directory / f"copy-{path.name}")
    broken = directory / "budapest-memorandum.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("The 1994 Budapest", "The 1995 Budapest"), "utf-8")
    return list(list_model_paths([directory]).files)


def _summary(findings) -> list[tuple[str, str, int | None, int | None]]:
    ordered = sorted(findings, key=lambda f: (f.location.file, f.location.line or 0, f.location.column or 0, f.code))
    return [(f.code, f.location.file, f.location.line, f.location.column) for f in ordered]


def test_parallel_and_serial_scans_report_the_same_findings_and_extracts(tmp_path: Path) -> None:
    seeds, _ = load_seeds(SEEDS)
    assert seeds is not None
    files = _corpus(tmp_path)

    def ids(model):
        return model.arrangement.id

    serial = scan_files(files, seeds, ids, jobs=1)
    parallel = scan_files(files, seeds, ids, jobs=2)
    codes = {code for code, *_ in _summary(serial.findings)}
    assert {"quote-not-found", "id-mismatch", "alias-collision"} <= codes
    assert _summary(serial.findings) == _summary(parallel.findings)
    # Every file type-checks (the broken one fails only its citation), and the extracts keep file order.
    assert serial.models == parallel.models == len(files)
    assert serial.extracts == parallel.extracts == tuple(load_model(f)[0].arrangement.id for f in files)


def test_workers_only_for_a_large_corpus_and_never_more_than_asked() -> None:
    assert choose_jobs(PARALLEL_FROM - 1) == 1
    assert choose_jobs(10_000) == max(1, min(os.cpu_count() or 1, 8))
    assert choose_jobs(3, requested=2) == 2


def test_a_check_does_not_change_the_model_it_checks() -> None:
    from guarantees.model_file import check_model

    seeds, _ = load_seeds(SEEDS)
    assert seeds is not None
    model, findings = load_model(MODELS / "nato-article-5.yaml")
    assert model is not None and not findings
    resolved, problems = check_model(model, seeds)
    assert not problems
    assert len(model.spans) == 0 and len(resolved.spans) > 0
