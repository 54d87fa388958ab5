"""Writing results: stdout, or a file replaced atomically so a failure never leaves half a file.

Only a regular file or a new path is ever written. Whatever else is at the path (a pipe, a device
such as /dev/full, a socket, or a symbolic link, even one to a regular file) is refused before
anything is written, and left exactly as it was: renaming over it would silently destroy it, and
writing through a link would change a file the user never named (docs/reference/exit-codes.md).
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from pathlib import Path

from guarantees.findings import GuaranteesError, UsageError
from guarantees.safe_file import kind_of


def check_target(path: Path) -> None:
    """A usage error unless `path` is a regular file or does not exist (a link that leads nowhere exists)."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    except OSError:
        return  # writing reports why the path cannot be used
    if not stat.S_ISREG(mode):
        raise UsageError(
            f"cannot write {path}: it is {kind_of(mode)}, not a regular file; "
            "the output is written only to a regular file or a new path, never through a link"
        )


def write_atomic(path: Path, text: str) -> None:
    """Write text to a temporary file beside `path`, flush it to disk, then rename it into place."""
    write_atomic_bytes(path, text.encode("utf-8"))


def write_atomic_bytes(path: Path, data: bytes) -> None:
    """Write bytes to a temporary file beside `path`, flush it to disk, then rename it into place."""
    check_target(path)
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise GuaranteesError(f"cannot write {path}: no such directory {directory}")
    temporary = write_temporary(path, directory, data)
    try:
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_temporary(path: Path, directory: Path, data: bytes) -> Path:
    """The bytes in a new temporary file in `directory`, flushed to disk, with the permissions `path` will have."""
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    temporary = Path(name)
    try:
        os.chmod(temporary, _mode_for(path))
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary


def write_new_bytes(path: Path, data: bytes) -> None:
    """Create `path` with these bytes, complete or not at all, and never over anything already there.

    The bytes go to a temporary file beside it first; a hard link then gives it its name, which fails
    (FileExistsError) when the name is taken, even by a file that appeared a moment ago."""
    temporary = write_temporary(path, path.parent, data)
    try:
        os.link(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _mode_for(path: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual 0666 less the umask (mkstemp uses 0600)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_output(text: str, output: Path | None) -> None:
    """Plain text to stdout, or atomically to `output`; never through rich, which wraps and eats brackets."""
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        write_atomic(output, text)
    except OSError as error:
        raise GuaranteesError(f"cannot write {output}: {error.strerror or error}") from error


def write_output_bytes(data: bytes, output: Path) -> None:
    """Bytes atomically to `output` (a Word file, a CSV with its byte-order mark)."""
    try:
        write_atomic_bytes(output, data)
    except OSError as error:
        raise GuaranteesError(f"cannot write {output}: {error.strerror or error}") from error
