"""Nothing lost: a write that fails or is interrupted leaves the old file intact and no temporary file behind."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

import guarantees.writer as writer
from guarantees.findings import GuaranteesError
from guarantees.formats import SchemaName
from guarantees.schema import render_schema

OLD = "the old content, which must survive\n"


@pytest.fixture
def existing(tmp_path: Path) -> Path:
    path = tmp_path / "out.json"
    path.write_text(OLD, encoding="utf-8")
    path.chmod(0o640)
    return path


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name != "out.json")


def test_write_atomic_replaces_the_file_and_keeps_its_mode(existing: Path) -> None:
    writer.write_atomic(existing, "new\r\nbytes as given ✓\n")
    assert existing.read_bytes() == "new\r\nbytes as given ✓\n".encode()
    assert stat.S_IMODE(existing.stat().st_mode) == 0o640
    assert leftovers(existing.parent) == []


def test_a_new_file_gets_the_umask_mode_not_mkstemps_0600(tmp_path: Path) -> None:
    old_umask = os.umask(0o022)
    try:
        writer.write_atomic(tmp_path / "new.txt", "x")
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o644


@pytest.mark.parametrize(
    ("target", "error"),
    [
        ("os.replace", OSError(28, "No space left on device")),
        ("os.fsync", OSError(5, "Input/output error")),
        ("os.replace", KeyboardInterrupt()),
        ("os.fsync", KeyboardInterrupt()),
    ],
    ids=["replace-fails", "fsync-fails", "interrupt-at-replace", "interrupt-mid-write"],
)
def test_a_failed_or_interrupted_write_leaves_the_old_file_and_no_temporary(
    existing: Path, monkeypatch: pytest.MonkeyPatch, target: str, error: BaseException
) -> None:
    def fail(*args: object) -> None:
        raise error

    monkeypatch.setattr(f"guarantees.writer.{target}", fail)
    with pytest.raises(type(error)):
        writer.write_atomic(existing, "half a new file")
    assert existing.read_text(encoding="utf-8") == OLD
    assert leftovers(existing.parent) == []


def test_a_stream_write_that_dies_halfway_leaves_the_old_file(existing: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_fdopen = os.fdopen

    class Dying:
        def __init__(self, stream) -> None:
            self.stream = stream

        def __enter__(self):
            return self

        def __exit__(self, *exc: object) -> None:
            self.stream.close()

        def write(self, text: str) -> int:
            self.stream.write(text[: len(text) // 2])
            self.stream.flush()
            raise KeyboardInterrupt

    monkeypatch.setattr("guarantees.writer.os.fdopen", lambda *a, **k: Dying(real_fdopen(*a, **k)))
    with pytest.raises(KeyboardInterrupt):
        writer.write_atomic(existing, "x" * 10_000)
    assert existing.read_text(encoding="utf-8") == OLD
    assert leftovers(existing.parent) == []


def test_write_output_turns_an_os_error_into_one_cannot_proceed_error(
    existing: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        "guarantees.writer.os.replace", lambda *a: (_ for _ in ()).throw(OSError(13, "Permission denied"))
    )
    with pytest.raises(GuaranteesError, match=r"^cannot write .*out\.json: Permission denied$"):
        writer.write_output("new", existing)
    assert existing.read_text(encoding="utf-8") == OLD


def test_write_output_without_a_file_writes_stdout_plainly(capsys: pytest.CaptureFixture[str]) -> None:
    writer.write_output("[red]not markup[/red]\n", None)
    assert capsys.readouterr().out == "[red]not markup[/red]\n"


def test_schema_to_a_file(invoke, existing: Path) -> None:
    result = invoke("schema", "-o", existing)
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", ""), result
    assert existing.read_text(encoding="utf-8") == render_schema(SchemaName.arrangement)


def test_schema_to_a_file_that_cannot_be_replaced_exits_3_and_keeps_the_old_file(
    invoke, existing: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        "guarantees.writer.os.replace", lambda *a: (_ for _ in ()).throw(OSError(28, "No space left on device"))
    )
    result = invoke("schema", "-o", existing)
    assert result.exit_code == 3, result
    assert result.stderr == f"guarantees: error: cannot write {existing}: No space left on device\n"
    assert existing.read_text(encoding="utf-8") == OLD
    assert leftovers(existing.parent) == []


def test_schema_into_a_missing_directory_exits_3_without_creating_it(invoke, tmp_path: Path) -> None:
    result = invoke("schema", "-o", tmp_path / "missing" / "schema.json")
    assert result.exit_code == 3 and result.stderr.startswith("guarantees: error: cannot write "), result
    assert not (tmp_path / "missing").exists()


# --- issue 12, item 7: -o writes only to a regular file or a new path; anything else is left as it was


def _special_target(tmp_path: Path, kind: str) -> tuple[Path, Path | None]:
    """A path that is not a regular file, and the file a link there points at (kept to check it is untouched)."""
    path = tmp_path / "out.json"
    target = tmp_path / "target.json"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "device":
        if os.geteuid() != 0:  # no device node without root: name the system's own, which cannot be replaced
            return Path("/dev/null"), None
        os.mknod(path, 0o600 | stat.S_IFCHR, os.makedev(1, 7))  # a character device like /dev/full
    elif kind == "link-to-a-file":
        target.write_text(OLD, encoding="utf-8")
        path.symlink_to(target)
    else:
        path.symlink_to(tmp_path / "nowhere.json")
    return path, target if kind == "link-to-a-file" else None


def _snapshot(path: Path) -> tuple[int, str | None]:
    status = os.lstat(path)
    return status.st_mode, os.readlink(path) if stat.S_ISLNK(status.st_mode) else None


@pytest.mark.parametrize("kind", ["fifo", "device", "link-to-a-file", "dangling-link"])
@pytest.mark.parametrize("command", [["schema"], ["export", "art5", "budapest", "--format", "json"]])
def test_item7_output_to_anything_but_a_regular_file_is_refused_and_left_as_it_was(
    invoke, tmp_path: Path, kind: str, command: list[str]
) -> None:
    path, target = _special_target(tmp_path, kind)
    before = _snapshot(path)
    result = invoke(*command, "-o", path)
    assert result.exit_code == 2, result
    assert result.stderr.startswith(f"guarantees: error: cannot write {path}: it is a ") and result.stderr.endswith(
        ", not a regular file; the output is written only to a regular file or a new path, never through a link\n"
    ), result
    assert result.stderr.count("\n") == 1 and result.stdout == ""
    assert _snapshot(path) == before
    if target is not None:
        assert target.read_text(encoding="utf-8") == OLD
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_item7_an_svg_to_a_fifo_is_refused_too(invoke, tmp_path: Path) -> None:
    fifo = tmp_path / "view.svg"
    os.mkfifo(fifo)
    result = invoke("compare", "art5", "budapest", "--svg", fifo)
    assert result.exit_code == 2 and "it is a pipe (FIFO), not a regular file" in result.stderr, result
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
