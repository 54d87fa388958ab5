"""The one file-opening policy: regular files only, no link ever followed, the size checked before reading."""

from __future__ import annotations

import hashlib
import os
import socket
from pathlib import Path

import pytest

import guarantees.safe_file as safe_file
from guarantees.safe_file import CHUNK, Refusal, check_directory, read_bounded, read_hashed


def special_files(directory: Path) -> dict[str, Path]:
    """A FIFO, a socket, a directory and links to a file, to a directory and to nothing; a device when root."""
    target = directory / "target.txt"
    target.write_text("secret\n", encoding="utf-8")
    made = {"fifo": directory / "fifo", "socket": directory / "socket", "directory": directory / "sub"}
    os.mkfifo(made["fifo"])
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(made["socket"]))
    made["directory"].mkdir()
    for name, to in {
        "link-to-file": target,
        "link-to-directory": made["directory"],
        "dangling": directory / "x",
    }.items():
        (directory / name).symlink_to(to)
        made[name] = directory / name
    if os.geteuid() == 0:  # creating a device node needs root; the kinds above cover the rule without one
        os.mknod(directory / "zero", 0o600 | 0o020000, os.makedev(1, 5))  # a character device like /dev/zero
        made["device"] = directory / "zero"
    return made


def test_only_a_regular_file_is_read_and_nothing_else_is_even_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    real_open = os.open
    monkeypatch.setattr(safe_file.os, "open", lambda path, *a: opened.append(str(path)) or real_open(path, *a))
    for name, path in special_files(tmp_path).items():
        refusal = read_bounded(path, limit=1000)
        assert isinstance(refusal, Refusal) and refusal.code == "unsafe-file", name
        assert refusal.message.startswith("expected a regular file, found "), refusal
        assert "secret" not in refusal.message
    assert opened == []
    assert read_bounded(tmp_path / "target.txt", limit=1000) == b"secret\n"


def test_the_size_is_checked_before_anything_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as stream:
        stream.truncate(10_000_000)  # sparse: costs no disk
    reads: list[int] = []
    real_read = os.read
    monkeypatch.setattr(safe_file.os, "read", lambda fd, n: reads.append(n) or real_read(fd, n))
    refusal = read_bounded(big, limit=1000, what="a source text")
    assert refusal == Refusal("file-too-large", "expected a source text of at most 1,000 bytes, found 10,000,000 bytes")
    assert reads == []


def test_a_file_that_grows_after_it_was_measured_is_still_cut_at_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "growing.txt"
    path.write_bytes(b"x" * 5000)
    real_fstat = os.fstat

    def shrunk(fd: int) -> os.stat_result:  # the file claims to be small when measured
        values = list(real_fstat(fd))
        values[6] = 10  # st_size
        return os.stat_result(values)

    monkeypatch.setattr(safe_file.os, "fstat", shrunk)
    refusal = read_bounded(path, limit=1000)
    assert refusal == Refusal("file-too-large", "expected a file of at most 1,000 bytes, found more than 1,000 bytes")


def test_hashing_streams_in_chunks_and_matches_hashlib(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = os.urandom(3 * CHUNK + 17)
    path = tmp_path / "source.txt"
    path.write_bytes(data)
    reads: list[int] = []
    real_read = os.read
    monkeypatch.setattr(safe_file.os, "read", lambda fd, n: reads.append(n) or real_read(fd, n))
    assert read_hashed(path, limit=len(data)) == (data, hashlib.sha256(data).hexdigest())
    assert max(reads) <= CHUNK and len(reads) >= 4


def test_an_open_that_the_system_refuses_is_unreadable_not_unsafe(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("id: x\n", encoding="utf-8")

    def refuse(*args: object) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(safe_file.os, "open", refuse)
    assert read_bounded(path, limit=100) == Refusal("unreadable-file", "cannot read the file: Permission denied")


def test_a_link_that_appears_between_the_check_and_the_open_is_refused_by_the_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("id: x\n", encoding="utf-8")
    real_open = os.open

    def swap(target: Path, flags: int) -> int:
        target.unlink()
        target.symlink_to("/dev/zero")
        return real_open(target, flags)

    monkeypatch.setattr(safe_file.os, "open", swap)
    refusal = read_bounded(path, limit=100)
    assert isinstance(refusal, Refusal) and refusal.code == "unsafe-file" and "symbolic link" in refusal.message


def test_a_directory_is_checked_without_following_a_link(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "real")
    (tmp_path / "file").write_text("", encoding="utf-8")
    assert check_directory(tmp_path / "real") is None
    assert check_directory(tmp_path / "link") == Refusal(
        "unsafe-file",
        "expected a directory, found a symbolic link; "
        "the tool never follows a link, nor opens a pipe, a device or a socket",
    )
    file_refusal = check_directory(tmp_path / "file")
    assert file_refusal is not None and file_refusal.message.startswith("expected a directory, found a regular file")
    assert check_directory(tmp_path / "missing") == Refusal("unreadable-file", "No such file or directory")
