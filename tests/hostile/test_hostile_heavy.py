"""The heavy hostile files, each validated in its own process under memory and time limits.

A segfault (libyaml's composer dies near 25,000 levels), a memory blow-up (an expanded alias
bomb) or a hang fails the test instead of killing pytest. The bounds measured on this machine are
in docs/reference/limits.md (benchmarks/hostile.py); the limits here are only generous ceilings.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from bounded import run_bounded
from hostile_corpus import FILE_NAME, HEAVY, HeavyCase

from conftest import ROOT, SEEDS
from guarantees.loader import read_document

MEMORY_CEILING = 1024 * 1024 * 1024  # address space; a run needs well under 200 MB of it resident
TIME_CEILING = 60  # seconds; a run takes about a second


def run_validate(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """`python -m guarantees validate ARGS` in a child process with a memory ceiling and a timeout."""
    result, _ = run_bounded(
        "validate", "--seeds", SEEDS, *args, memory_bytes=MEMORY_CEILING, seconds=TIME_CEILING, cwd=cwd
    )
    return result


@pytest.mark.parametrize("case", HEAVY, ids=lambda case: case.name)
def test_heavy_hostile_file_is_refused_in_a_bounded_child(tmp_path: Path, case: HeavyCase) -> None:
    path = tmp_path / FILE_NAME
    path.write_bytes(case.build())
    result = run_validate(path, "--format", "json")
    assert result.returncode == 1, (result.returncode, result.stderr[-2000:])  # -11 would be a segfault
    assert result.stderr == ""
    (finding,) = json.loads(result.stdout)["findings"]
    assert finding["code"] == case.code and finding["file"] == str(path)
    if case.line is not None:
        assert (finding["line"], finding["column"]) == (case.line, case.column)


def test_binary_junk_is_located_at_its_first_bad_byte(tmp_path: Path) -> None:
    junk = next(case for case in HEAVY if case.code == "invalid-utf8").build()
    try:
        junk.decode("utf-8")
    except UnicodeDecodeError as error:
        before = junk[: error.start]
    path = tmp_path / FILE_NAME
    path.write_bytes(junk)
    (finding,) = json.loads(run_validate(path, "--format", "json").stdout)["findings"]
    assert finding["line"] == before.count(b"\n") + 1


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_model_that_links_to_an_endless_device_is_not_read(tmp_path: Path, device: str) -> None:
    link = tmp_path / FILE_NAME
    link.symlink_to(device)
    result = run_validate(link, "--format", "json")
    assert result.returncode == 1, result.stderr[-2000:]
    (finding,) = json.loads(result.stdout)["findings"]
    # A link is never followed, so what it points at is never opened (guarantees.safe_file).
    assert finding["code"] == "unsafe-file" and "found a symbolic link" in finding["message"]


def test_a_fifo_is_never_opened(tmp_path: Path) -> None:
    fifo = tmp_path / FILE_NAME
    os.mkfifo(fifo)  # opening it for reading would block until a writer came
    document, finding = read_document(fifo)
    assert document is None and finding is not None
    assert (finding.code, finding.message) == (
        "unsafe-file",
        "expected a regular file, found a pipe (FIFO); "
        "the tool never follows a link, nor opens a pipe, a device or a socket",
    )
    result = run_validate(fifo, "--format", "json")  # named on the command line: a finding, not a usage error
    assert result.returncode == 1, result
    assert [f["code"] for f in json.loads(result.stdout)["findings"]] == ["unsafe-file"]


def test_no_traceback_for_any_heavy_case_in_text_format(tmp_path: Path) -> None:
    for case in HEAVY:
        path = tmp_path / f"{case.name}.yaml"
        path.write_bytes(case.build())
    result = run_validate(tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout.endswith(f"{len(HEAVY)} file(s) checked: {len(HEAVY)} error(s) in {len(HEAVY)} file(s)\n")
