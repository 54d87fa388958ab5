"""The one way the tool opens a file it reads: a regular file, never a link, of bounded size, never blocking.

Model files, the source manifest, the source texts and the alias lines of the name index are all
read here, so a pull request cannot make a run follow a link out of the repository (and print
what it found there), read an endless device, hang on a pipe, or load a huge file into memory.

The rule is deliberately simple: a symbolic link is never followed, whatever it points at
(docs/reference/limits.md). The kind of a path is checked with `lstat` before it is opened, so a
device or a pipe is never even opened; the open itself refuses links (`O_NOFOLLOW`) and never
waits (`O_NONBLOCK`), and `fstat` on the open file checks the kind and the size again before a
single byte is read. At most limit + 1 bytes are read whatever the size claimed.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

CHUNK = 65_536
_OPEN_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC | getattr(os, "O_NOCTTY", 0)
_NEVER = "the tool never follows a link, nor opens a pipe, a device or a socket"


class Refusal(NamedTuple):
    """Why a file was not read: a registered finding code and a message in the form 'expected …, found …'."""

    code: str  # unsafe-file, unreadable-file or file-too-large
    message: str


def kind_of(mode: int) -> str:
    """What a file mode is, in words."""
    kinds: tuple[tuple[Callable[[int], bool], str], ...] = (
        (stat.S_ISREG, "a regular file"),
        (stat.S_ISLNK, "a symbolic link"),
        (stat.S_ISDIR, "a directory"),
        (stat.S_ISFIFO, "a pipe (FIFO)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    )
    return next((name for test, name in kinds if test(mode)), "something that is not a file")


def _unsafe(expected: str, mode: int) -> Refusal:
    return Refusal("unsafe-file", f"expected {expected}, found {kind_of(mode)}; {_NEVER}")


def _unreadable(error: OSError) -> Refusal:
    if error.errno == errno.ELOOP:  # O_NOFOLLOW met a link that appeared after the lstat
        return Refusal("unsafe-file", f"expected a regular file, found a symbolic link; {_NEVER}")
    return Refusal("unreadable-file", f"cannot read the file: {error.strerror or error}")


def _too_large(what: str, limit: int, found: str) -> Refusal:
    return Refusal("file-too-large", f"expected {what} of at most {limit:,} bytes, found {found}")


def check_directory(path: Path) -> Refusal | None:
    """None for a real directory; a refusal for a link (even to a directory) or anything else.

    When the path cannot be examined at all, the refusal's code is unreadable-file and its message
    only the system's reason (`No such file or directory`), for the caller to say which directory.
    """
    try:
        mode = os.lstat(path).st_mode
    except OSError as error:
        return Refusal("unreadable-file", error.strerror or str(error))
    return None if stat.S_ISDIR(mode) else _unsafe("a directory", mode)


def read_bounded(path: Path, *, limit: int, what: str = "a file") -> bytes | Refusal:
    """The bytes of a regular file of at most `limit` bytes, or why it was not read."""
    chunks: list[bytes] = []
    refusal = _read(path, limit, what, chunks.append)
    return refusal or b"".join(chunks)


def read_hashed(path: Path, *, limit: int, what: str = "a file") -> tuple[bytes, str] | Refusal:
    """As read_bounded, with the SHA-256 of the bytes computed chunk by chunk as they are read."""
    chunks: list[bytes] = []
    digest = hashlib.sha256()

    def keep(chunk: bytes) -> None:
        digest.update(chunk)
        chunks.append(chunk)

    refusal = _read(path, limit, what, keep)
    return refusal or (b"".join(chunks), digest.hexdigest())


def _read(path: Path, limit: int, what: str, sink: Callable[[bytes], None]) -> Refusal | None:
    try:
        mode = os.lstat(path).st_mode
        if not stat.S_ISREG(mode):
            return _unsafe("a regular file", mode)
        descriptor = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        return _unreadable(error)
    try:
        return _read_open(descriptor, limit, what, sink)
    except OSError as error:
        return _unreadable(error)
    finally:
        os.close(descriptor)


def _read_open(descriptor: int, limit: int, what: str, sink: Callable[[bytes], None]) -> Refusal | None:
    status = os.fstat(descriptor)
    if not stat.S_ISREG(status.st_mode):  # swapped for something else between lstat and open
        return _unsafe("a regular file", status.st_mode)
    if status.st_size > limit:  # decided before anything is read
        return _too_large(what, limit, f"{status.st_size:,} bytes")
    left = limit + 1  # a file that grows after the fstat is still cut off here
    while left > 0:
        chunk = os.read(descriptor, min(CHUNK, left))
        if not chunk:
            return None
        left -= len(chunk)
        sink(chunk)
    return _too_large(what, limit, f"more than {limit:,} bytes")
