"""Which paths are model files: one rule for validate, list, compare, export and sources.

A model file is named after its id: a slug (lower-case letters and digits in words joined by
single hyphens, 2 to 64 characters) followed by `.yaml` or `.yml`. In a models directory every
entry whose name ends in `.yaml` or `.yml` is either such a file or a finding (`models/.yaml`,
`Foo.yaml`): no command skips what another would load. An entry of the right name is listed
whatever its kind; reading it (guarantees.safe_file) refuses a link, a pipe or a device.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import NamedTuple

from guarantees.data_dirs import MODEL_SUFFIXES, display_path
from guarantees.findings import Finding, Location, UsageError
from guarantees.safe_file import check_directory

# model.Slug (2 to 64 characters of model.SLUG), repeated here so that listing imports no model code.
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class Listing(NamedTuple):
    """The model files found, in order and each once, and the findings about what could not be one."""

    files: tuple[Path, ...] = ()
    findings: tuple[Finding, ...] = ()


def is_model_file_name(name: str) -> bool:
    """True for `ID.yaml` and `ID.yml`, where ID is a valid arrangement id."""
    stem, _, suffix = name.rpartition(".")
    return f".{suffix}" in MODEL_SUFFIXES and 2 <= len(stem) <= 64 and _SLUG.match(stem) is not None


def _name_finding(path: Path) -> Finding:
    message = f"expected a model file named ID.yaml or ID.yml (ID a slug such as `nato-article-5`), found `{path.name}`"
    return Finding("invalid-file-name", message, Location(display_path(path)), hint="rename the file after its id")


def list_model_dir(directory: Path) -> Listing:
    """Every model file of one directory in name order; a finding for each `*.yaml`/`*.yml` that cannot be one."""
    refusal = check_directory(directory)
    if refusal is not None and refusal.code == "unreadable-file":
        raise UsageError(f"cannot read the models directory {directory}: {refusal.message}")
    if refusal is not None:  # a link to a directory is not followed: it could lead anywhere on the machine
        return Listing((), (Finding(refusal.code, refusal.message, Location(display_path(directory))),))
    try:
        with os.scandir(directory) as entries:
            names = sorted(entry.name for entry in entries if entry.name.endswith(MODEL_SUFFIXES))
    except OSError as error:
        raise UsageError(f"cannot read the models directory {directory}: {error.strerror or error}") from error
    files = tuple(directory / name for name in names if is_model_file_name(name))
    return Listing(files, tuple(_name_finding(directory / name) for name in names if not is_model_file_name(name)))


def _key(path: Path) -> tuple[str, str]:
    # The same file however it was spelt (`models/a.yaml`, `./models/../models/a.yaml`); the last
    # component is not resolved, since a link there is refused, not followed.
    return os.path.realpath(path.parent), path.name


def _is_directory(path: Path) -> bool:
    """A directory or a link to one (refused when listed); else a file, which reading refuses if it must."""
    try:
        mode = os.lstat(path).st_mode
    except (FileNotFoundError, NotADirectoryError) as error:
        raise UsageError(f"no such file or directory: {path}") from error
    except OSError:
        return False  # it exists but cannot be examined: reading it reports why
    return stat.S_ISDIR(mode) or (stat.S_ISLNK(mode) and path.is_dir())


def list_model_paths(paths: list[Path]) -> Listing:
    """Files as given and directories expanded, each file once.

    A file named on the command line is checked whatever its name, as the user asked (its id must
    still equal its name, so `.yaml` fails there with id-mismatch); the name rule sorts directories.
    """
    files: dict[tuple[str, str], Path] = {}
    findings: dict[tuple[str, str], Finding] = {}
    for path in paths:
        if _is_directory(path):
            listing = list_model_dir(path)
            for file in listing.files:
                files.setdefault(_key(file), file)
            for finding in listing.findings:
                findings.setdefault(_key(Path(finding.location.file)), finding)
        else:
            files.setdefault(_key(path), path)
    return Listing(tuple(files.values()), tuple(findings.values()))
