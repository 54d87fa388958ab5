"""Writing several files as one change: every new file is written beside its target first, then all are renamed.

A failure while the new files are written leaves every target untouched; a failure while they are renamed
puts back the ones already renamed, from hard links to the originals made beforehand. So a `reanchor
--write` never leaves models that point into a source they no longer match.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from guarantees.findings import GuaranteesError
from guarantees.writer import check_target, write_temporary


def _keep_original(path: Path) -> Path | None:
    if not path.exists():
        return None
    backup = Path(tempfile.mktemp(prefix=f".{path.name}.", suffix=".orig", dir=path.parent))  # noqa: S306
    os.link(path, backup)  # a second name for the original bytes, made atomically
    return backup


def write_all_atomic(files: dict[Path, bytes]) -> None:
    """Replace every file with its new bytes, or (on any failure) none of them."""
    for path in files:
        check_target(path)
    temporaries: dict[Path, Path] = {}
    originals: dict[Path, Path | None] = {}
    renamed: list[Path] = []
    try:
        for path, data in files.items():
            temporaries[path] = write_temporary(path, path.parent, data)
        for path in files:
            originals[path] = _keep_original(path)
        for path, temporary in temporaries.items():
            os.replace(temporary, path)
            renamed.append(path)
    except BaseException as error:
        for path in reversed(renamed):  # put back what was already replaced
            original = originals.get(path)
            with contextlib.suppress(OSError):
                if original is not None:
                    os.replace(original, path)
                else:
                    path.unlink()
        if isinstance(error, OSError):
            raise GuaranteesError(
                f"cannot write {error.filename or 'the files'}: {error.strerror or error}; nothing was changed"
            ) from error
        raise
    finally:
        for leftover in [*temporaries.values(), *(o for o in originals.values() if o is not None)]:
            with contextlib.suppress(OSError):
                leftover.unlink()
