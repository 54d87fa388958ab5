"""`init`: a new project directory (models/, seeds/ with an empty manifest, schemas/, a pre-commit example, a README).

Nothing is ever overwritten: the directory must be new or empty. The files are written into a staging
directory inside it first and moved into place only when all are written, so a failure leaves the
directory as it was (and removes it again when `init` created it).
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from pathlib import Path
from typing import NamedTuple

from guarantees.data_dirs import display_path
from guarantees.findings import GuaranteesError, UsageError
from guarantees.project_template import project_files
from guarantees.safe_file import kind_of


class InitResult(NamedTuple):
    """The project directory as the user would type it, and the files written into it."""

    directory: str
    files: tuple[str, ...]


def _check_free(directory: Path) -> bool:
    """Whether the directory is there already (and empty); a usage error when it cannot be used."""
    shown = display_path(directory)
    try:
        mode = os.lstat(directory).st_mode
    except FileNotFoundError:
        if not directory.parent.is_dir():
            raise UsageError(f"{shown}: no such directory {display_path(directory.parent)} to create it in") from None
        return False
    if not stat.S_ISDIR(mode):
        raise UsageError(f"{shown}: expected a new or empty directory, found {kind_of(mode)}")
    entries = sorted(os.listdir(directory))
    if entries:
        listed = ", ".join(entries[:3]) + (", ..." if len(entries) > 3 else "")
        raise UsageError(f"{shown}: expected a new or empty directory, found {len(entries)} entries ({listed})")
    return True


def init_project(directory: Path) -> InitResult:
    """Create the project, or change nothing."""
    existed = _check_free(directory)
    files = project_files(directory.absolute().name or "project")
    if not existed:
        directory.mkdir()
    moved: list[Path] = []
    staging = Path(tempfile.mkdtemp(prefix=".guarantees-init.", dir=directory))
    try:
        for relative, text in files.items():
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8", newline="\n")
        for entry in sorted(staging.iterdir()):
            os.rename(entry, directory / entry.name)  # the directory was empty: nothing is replaced
            moved.append(directory / entry.name)
        staging.rmdir()
    except OSError as error:
        _undo(directory, staging, moved, remove=not existed)
        raise GuaranteesError(
            f"cannot create the project in {display_path(directory)}: {error.strerror or error}"
        ) from None
    except BaseException:
        _undo(directory, staging, moved, remove=not existed)
        raise
    return InitResult(display_path(directory), tuple(files))


def _undo(directory: Path, staging: Path, moved: list[Path], *, remove: bool) -> None:
    for path in [staging, *moved]:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
    if remove:
        directory.rmdir()
