"""Bounds on command-line arguments, checked while the command line is parsed: a value no file system, name
or machine can take is a usage error (exit 2) before anything is opened, forked or printed back in full."""

import os
from pathlib import Path
from typing import Any

import typer

from guarantees.text import printable

_NAME_MAX, _PATH_MAX = 255, 4096  # bytes; Linux and macOS file systems, when pathconf cannot say


def _limit(path: Path, name: str, default: int) -> int:
    """The file system's limit for `path`, asked of its nearest existing directory."""
    probe = path.parent
    while not os.path.isdir(probe) and probe != probe.parent:  # os.path: an overlong name is False, not an error
        probe = probe.parent
    try:
        return os.pathconf(probe, name)
    except (OSError, ValueError, AttributeError):
        return default


def find_overlong(path: Path) -> str | None:
    """Why a path is longer than the file system allows, or None: a usage error, found before anything opens it."""
    too_long = [part for part in path.parts if len(os.fsencode(part)) > _limit(path, "PC_NAME_MAX", _NAME_MAX)]
    if too_long:
        size, shown = len(os.fsencode(too_long[0])), printable(too_long[0][:40])
        return f"the file name `{shown}...` is {size:,} bytes long, more than the file system allows"
    if len(os.fsencode(str(path))) > _limit(path, "PC_PATH_MAX", _PATH_MAX):
        return f"the path is {len(os.fsencode(str(path))):,} bytes long, more than the file system allows"
    return None


def within_path_limits(value: Path | str | list[Path] | list[str] | None) -> Any:
    for path in value if isinstance(value, list) else [value] if value is not None else []:
        problem = find_overlong(Path(path))
        if problem:
            raise typer.BadParameter(problem)
    return value


def names_within_limits(value: str | list[str] | None) -> str | list[str] | None:
    from guarantees.fields import SLUG_MAX_LENGTH  # here: parsing --help imports no model code

    for name in value if isinstance(value, list) else [value] if value is not None else []:
        if len(name) > SLUG_MAX_LENGTH:
            shown = printable(name[:40])
            raise typer.BadParameter(
                f"`{shown}...` has {len(name):,} characters; an id or alias has {SLUG_MAX_LENGTH} at most"
            )
    return value


def at_most_one_per_core(value: int) -> int:
    from guarantees.service.worker import max_jobs

    cores = max_jobs()
    if value > cores:
        raise typer.BadParameter(
            f"{value} is more than the {cores} core(s) guarantees may use here; use 0 or 1 to {cores}"
        )
    return value
