"""The seed corpus from a pull request: endless devices, pipes, huge and unlisted files, a missing manifest.

Issue 12, items 1 and 5. Runs that could hang or exhaust memory on a regression go to a child
process with an address-space ceiling and a timeout, so they fail the test instead of pytest.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import bounded
import pytest

from conftest import MODELS, ROOT, SEEDS

MEMORY_CEILING = 512 * 1024 * 1024  # address space: a run needs ~40 MB resident; reading /dev/zero would need all
TIME_CEILING = 30  # seconds, a hang's ceiling; a refused seed takes as long as a clean run (about a second)
CITED = "glimpse-into-potential-terms.txt"  # cited by both nato-article-5 and budapest-memorandum
CITED_LINE = 49  # the `file:` line of its manifest entry


def run_bounded(*args: str | Path, cwd: Path = ROOT) -> tuple[subprocess.CompletedProcess[str], float]:
    """`python -m guarantees ARGS` in a child under the ceilings; the result and the seconds it took."""
    return bounded.run_bounded(*args, memory_bytes=MEMORY_CEILING, seconds=TIME_CEILING, cwd=cwd)


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target


def _replace_cited(seeds: Path, kind: str) -> None:
    path = seeds / CITED
    path.unlink()
    if kind == "link-to-dev-zero":
        path.symlink_to("/dev/zero")
    elif kind == "fifo":
        os.mkfifo(path)  # opening it to read would wait for a writer forever
    else:
        with path.open("wb") as stream:
            stream.truncate(4 * 1024 * 1024 + 1)  # one byte over the limit, sparse


KINDS = {"link-to-dev-zero": "unsafe-file", "fifo": "unsafe-file", "over-4-mib": "file-too-large"}


@pytest.mark.parametrize(("kind", "code"), KINDS.items(), ids=list(KINDS))
def test_item1_a_replaced_seed_is_a_located_finding_fast_and_in_bounded_memory(
    seeds: Path, kind: str, code: str
) -> None:
    _replace_cited(seeds, kind)
    result, seconds = run_bounded("validate", "--seeds", seeds, "--format", "json")
    assert result.returncode == 1, result
    findings = [(f["code"], Path(f["file"]).name, f["line"]) for f in json.loads(result.stdout)["findings"]]
    assert findings == [(code, "sources.yaml", CITED_LINE)]
    assert seconds < 15, seconds


@pytest.mark.parametrize(("kind", "code"), KINDS.items(), ids=list(KINDS))
def test_item1_compare_refuses_a_replaced_seed_too(seeds: Path, kind: str, code: str) -> None:
    _replace_cited(seeds, kind)
    result, _ = run_bounded("compare", "art5", "budapest", "--seeds", seeds)
    assert result.returncode == 1, result
    assert f"sources.yaml:{CITED_LINE}:11: error[{code}] source `glimpse-potential-terms`" in result.stderr, result


def test_item1_an_unlisted_file_in_the_seeds_directory_is_a_finding_and_never_read(seeds: Path) -> None:
    with (seeds / "huge.bin").open("wb") as stream:
        stream.truncate(1024 * 1024 * 1024)  # 1 GiB, sparse: reading it whole would break the memory ceiling
    (seeds / "notes").mkdir()
    for args in (["validate", "--seeds", seeds], ["compare", "art5", "budapest", "--seeds", seeds]):
        result, _ = run_bounded(*args)
        assert result.returncode == 1, result
        out = result.stdout if args[0] == "validate" else result.stderr
        assert f"{seeds / 'huge.bin'}: error[source-unlisted] expected every file of the seeds directory to be " in out
        assert f"{seeds / 'notes'}: error[source-unlisted]" in out and "found a directory `notes`" in out


def test_item1_a_linked_seeds_directory_is_not_followed(invoke, tmp_path: Path) -> None:
    (tmp_path / "seeds").symlink_to(SEEDS)
    result = invoke("validate", "models/", "--seeds", tmp_path / "seeds")
    assert result.exit_code == 1, result
    assert result.stdout.startswith(
        f"{tmp_path / 'seeds'}: error[unsafe-file] expected a directory, found a symbolic link"
    ), result


# --- item 5: the manifest is never silently swapped for the bundled one


@pytest.fixture
def project(tmp_path: Path, seeds: Path) -> Path:
    shutil.copytree(MODELS, tmp_path / "models")
    return tmp_path


def test_item5_a_local_seeds_directory_without_a_manifest_is_an_error_naming_it(project: Path) -> None:
    (project / "seeds" / "sources.yaml").unlink()
    for command in (["validate"], ["compare", "art5", "budapest"], ["list"]):
        result, _ = run_bounded(*command, cwd=project)
        assert result.returncode == 3, (command, result)
        *notes, error = result.stderr.splitlines()
        assert error == (
            f"guarantees: error: no source manifest at {project / 'seeds' / 'sources.yaml'}; "
            "pass --seeds DIR with the seeds directory to use"
        ), result
        # ./models and ./seeds hide the shipped copies, and say so before the error
        assert sorted(notes) == [
            "note: using ./models (shadows the shipped models); pass --models to choose",
            "note: using ./seeds (shadows the shipped seeds); pass --seeds to choose",
        ]


def test_item5_a_broken_link_for_the_local_seeds_directory_is_not_a_reason_to_look_elsewhere(project: Path) -> None:
    shutil.rmtree(project / "seeds")
    (project / "seeds").symlink_to(project / "nowhere")
    result, _ = run_bounded("validate", cwd=project)
    assert result.returncode == 1, result
    assert "seeds: error[unsafe-file] expected a directory, found a symbolic link" in result.stdout, result


def test_item5_an_explicit_or_environment_seeds_directory_without_a_manifest_is_an_error(
    invoke, tmp_path: Path
) -> None:
    result = invoke("validate", "--seeds", tmp_path)
    assert result.exit_code == 3 and result.stderr.startswith(
        f"guarantees: error: no source manifest at {tmp_path / 'sources.yaml'}; "
    ), result
    result = invoke("validate", env={"GUARANTEES_SEEDS": str(tmp_path / "missing")})
    assert result.exit_code == 2, result
    assert result.stderr == f"guarantees: error: no such directory: {tmp_path / 'missing'} (from GUARANTEES_SEEDS)\n"


def test_item5_a_manifest_that_is_a_fifo_is_a_finding_not_a_hang_or_a_fallback(project: Path) -> None:
    (project / "seeds" / "sources.yaml").unlink()
    os.mkfifo(project / "seeds" / "sources.yaml")
    result, _ = run_bounded("validate", "--format", "json", cwd=project)
    assert result.returncode == 1, result
    (finding,) = json.loads(result.stdout)["findings"]
    assert (finding["code"], finding["file"]) == ("unsafe-file", "seeds/sources.yaml")


def test_item5_an_unreadable_manifest_is_a_finding_not_a_fallback(
    invoke, seeds: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    manifest = seeds / "sources.yaml"
    real_open = os.open

    def refuse(target, *args, **kwargs):  # type: ignore[no-untyped-def]
        if os.fspath(target) == str(manifest):
            raise PermissionError(13, "Permission denied", str(manifest))
        return real_open(target, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)  # root reads any file: the system's refusal is simulated
    result = invoke("validate", "models/", "--seeds", seeds)
    assert result.exit_code == 1, result
    assert result.stdout.startswith(f"{manifest}: error[unreadable-file] cannot read the file: Permission denied\n")


def test_item5_a_huge_manifest_is_refused_before_it_is_read(seeds: Path) -> None:
    manifest = seeds / "sources.yaml"
    with manifest.open("ab") as stream:
        stream.truncate(50 * 1024 * 1024)
    result, _ = run_bounded("validate", "--seeds", seeds, "--format", "json")
    assert result.returncode == 1, result
    (finding,) = json.loads(result.stdout)["findings"]
    assert finding["code"] == "file-too-large" and "a source manifest of at most 262,144 bytes" in finding["message"]


@pytest.mark.parametrize("output_format", ["text", "github"])
def test_item5_validate_names_the_seeds_directory_and_manifest_it_used(invoke, seeds: Path, output_format: str) -> None:
    result = invoke("validate", "models/", "--seeds", seeds, "--format", output_format)
    assert result.exit_code == 0, result
    assert result.stderr == f"guarantees: checked against seeds directory {seeds}, manifest {seeds / 'sources.yaml'}\n"
    default = invoke("validate", "--format", output_format)
    assert default.stderr == (
        "guarantees: checked against seeds directory seeds, manifest seeds/sources.yaml, models directory models\n"
    )
