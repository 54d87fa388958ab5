"""The standard streams at the process's edges: any encoding, closed descriptors, output nobody can read.

Only the entry point and the CLI's output step use this; nothing else touches the process's streams.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import io
import os
import sys

ESCAPE_ERRORS = "guarantees-escape"


def _escape(error: UnicodeError) -> tuple[str, int]:
    """A character the stream cannot encode as a `\\uXXXX` escape (a surrogate pair beyond U+FFFF): readable in a
    finding, and the very escape JSON uses, so a JSON document stays valid and means the same."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    return "".join(_units(ord(char)) for char in error.object[error.start : error.end]), error.end


def _units(code: int) -> str:
    # A lone surrogate (a file name of bytes that are not UTF-8) is escaped as itself.
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


codecs.register_error(ESCAPE_ERRORS, _escape)


def prepare_streams() -> None:
    """Unencodable characters as `\\u` escapes; a standard stream that was closed when Python started replaced.

    With `PYTHONIOENCODING=ascii` or a C locale, `…` in a finding would otherwise end the run with a
    UnicodeEncodeError and lose every finding after it.
    """
    for fd, name in ((1, "stdout"), (2, "stderr")):
        stream = getattr(sys, name)
        if stream is None:
            _plug(fd)
            # A closed stdout fails the first write, with a clear error; a closed stderr can report nothing.
            replacement = ClosedStream() if fd == 1 else open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
            setattr(sys, name, replacement)
        elif isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors=ESCAPE_ERRORS)


def _plug(fd: int) -> None:
    """Open the null device on a closed descriptor, so no file opened later lands on 1 or 2."""
    with contextlib.suppress(OSError):
        null = os.open(os.devnull, os.O_RDWR)
        if null != fd:
            os.dup2(null, fd)
            os.close(null)


class ClosedStream(io.TextIOBase):
    """stdout when the shell closed it (`guarantees list >&-`): every write fails as a write to fd 1 would."""

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")

    def isatty(self) -> bool:
        return False


def fit_to_stdout(text: str) -> str:
    """A terminal view as stdout can encode it: a character it cannot becomes `?`, one column for one, so the
    tables stay aligned (plain text keeps the escapes of `prepare_streams` instead, which lose nothing)."""
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return text.encode(encoding, "replace").decode(encoding)
    except LookupError:
        pass
    return text


def abandon_stdout() -> None:
    """Point file descriptor 1 at the null device: what is still buffered then goes nowhere at exit, instead of
    failing once more and printing `Exception ignored ... BrokenPipeError`."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)


def flush_or_abandon() -> OSError | None:
    """Flush stdout now, while a failure can still be reported; the error (stdout then abandoned), or None."""
    try:
        sys.stdout.flush()
    except (OSError, ValueError) as error:
        abandon_stdout()
        return error if isinstance(error, OSError) else OSError(str(error))
    return None
