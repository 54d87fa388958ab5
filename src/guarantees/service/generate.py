"""`generate`: the committed generated files (schemas, codebook, model catalogue, command reference) kept true."""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from guarantees.docgen import GENERATED, Project, find_stale, write_generated
from guarantees.findings import UsageError
from guarantees.seed_files import MANIFEST


class GenerateResult(NamedTuple):
    """The generated files that were stale (with check) or that were rewritten."""

    paths: tuple[str, ...]
    check: bool
    total: int = 0  # generated files there are, stale or not

    @property
    def ok(self) -> bool:
        return not (self.check and self.paths)


def generate(root: Path, app: Any, *, check: bool) -> GenerateResult:
    """Regenerate every generated file under `root` from the types, models and `app`; with `check`, only compare."""
    project = Project(root, app)
    if not (project.seeds / MANIFEST).is_file():
        raise UsageError(f"{root} is not a guarantees project root (no seeds/{MANIFEST})")
    paths = find_stale(project) if check else write_generated(project)
    return GenerateResult(tuple(paths), check, len(GENERATED))
