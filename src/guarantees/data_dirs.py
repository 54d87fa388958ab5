"""Where the seed corpus and the model files live: flag, environment, working directory, or the package.

The lookup never switches silently to the tool's own copies once a local choice exists: an
explicit `--seeds`/`--models`, the environment variable, or a `./seeds`/`./models` that exists at
all (even as a broken link) is used, and what is wrong with it (no `sources.yaml`, a link) is
reported against that path. Only when there is none of these are the checkout's or the
package's copies used (docs/reference/environment.md). Each lookup is reported, as a DirChoice, to
CHOICE_OBSERVER when one is set: the CLI uses it to announce a local folder that shadows the shipped
one and, with --verbose, every directory a run reads; this module itself prints nothing.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from contextvars import ContextVar
from pathlib import Path
from typing import NamedTuple

from guarantees.findings import UsageError

MODEL_SUFFIXES = (".yaml", ".yml")  # what a model file's name ends in (guarantees.model_dir decides the rest)
_PACKAGE = Path(__file__).resolve().parent
# An editable install or a checkout: src/guarantees/ → the project root. A wheel ships copies in _data/.
_BUNDLED_ROOTS: tuple[Callable[[], Path], ...] = (lambda: _PACKAGE.parents[1], lambda: _PACKAGE / "_data")


def display_path(path: Path) -> str:
    """A path as a user would type it: relative to the working directory when below it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return str(path)
    return relative if not relative.startswith("..") else str(path)


def _given(path: Path, source: str) -> Path:
    if not path.is_dir():
        raise UsageError(f"no such directory: {path} (from {source})")
    return path


class DirChoice(NamedTuple):
    """Which directory a lookup chose and why; `shadows` is the shipped copy a local ./models or ./seeds hides."""

    name: str  # "models" or "seeds"
    path: Path
    how: str  # "flag", "environment", "working directory" or "shipped"
    shadows: Path | None = None


# Told of every lookup as it is made; the CLI sets it to announce the choice on stderr (the core prints nothing).
CHOICE_OBSERVER: ContextVar[Callable[[DirChoice], None] | None] = ContextVar("choice_observer", default=None)


def _bundled(name: str, marker: str | None) -> Path | None:
    for root in _BUNDLED_ROOTS:
        candidate = root() / name
        if candidate.is_dir() and (marker is None or (candidate / marker).is_file()):
            return candidate
    return None


def choose_dir(name: str, explicit: Path | None, env: str, marker: str | None) -> DirChoice:
    """The directory to use, in the documented order (docs/reference/environment.md), and how it was chosen."""
    if explicit is not None:
        return DirChoice(name, _given(explicit, f"--{name}"), "flag")
    if os.environ.get(env):
        return DirChoice(name, _given(Path(os.environ[env]), env), "environment")
    if os.path.lexists(name):  # a ./seeds without sources.yaml is an error, never a reason to look elsewhere
        local, shipped = Path.cwd() / name, _bundled(name, marker)
        hidden = shipped if shipped is not None and not _same_dir(local, shipped) else None
        return DirChoice(name, local, "working directory", hidden)
    shipped = _bundled(name, marker)
    if shipped is None:
        raise UsageError(f"cannot find the {name}/ directory; pass its path or set {env}")
    return DirChoice(name, shipped, "shipped")


def _same_dir(first: Path, second: Path) -> bool:
    """Whether two paths are one directory (run from the checkout itself, ./models is the shipped copy)."""
    try:
        return os.path.samefile(first, second)
    except OSError:
        return False


def _find(name: str, explicit: Path | None, env: str, marker: str | None) -> Path:
    choice = choose_dir(name, explicit, env, marker)
    observer = CHOICE_OBSERVER.get()
    if observer is not None:
        observer(choice)
    return choice.path


def find_seeds_dir(explicit: Path | None = None) -> Path:
    """The directory holding sources.yaml and the source texts."""
    return _find("seeds", explicit, "GUARANTEES_SEEDS", "sources.yaml")


def find_models_dir(explicit: Path | None = None) -> Path:
    """The directory of arrangement model files."""
    return _find("models", explicit, "GUARANTEES_MODELS", None)


class DataDirs(NamedTuple):
    """The --models and --seeds a command was given (None: look them up as above when first needed)."""

    models: Path | None = None
    seeds: Path | None = None

    @property
    def models_dir(self) -> Path:
        return find_models_dir(self.models)

    @property
    def seeds_dir(self) -> Path:
        return find_seeds_dir(self.seeds)

    def to_write(self, name: str) -> Path:
        """The models or seeds directory a command will write into; never the shipped copy unless named.

        A run outside any project would otherwise change the tool's own data (a checkout's, or the
        installed package's), so the shipped directory is written only when given by flag or variable."""
        explicit = self.models if name == "models" else self.seeds
        path = find_models_dir(explicit) if name == "models" else find_seeds_dir(explicit)
        named = explicit is not None or bool(os.environ.get(f"GUARANTEES_{name.upper()}"))
        if not named and not os.path.lexists(name) and any(_same_dir(path, root() / name) for root in _BUNDLED_ROOTS):
            raise UsageError(
                f"the {name} directory here is the one shipped with the tool ({display_path(path)}); "
                f"run this in a project of your own (`guarantees init DIR`), or pass --{name} DIR"
            )
        return path
