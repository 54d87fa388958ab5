"""The typer application: thin commands over the core, each module registering its commands on `app`.

The modules that define commands do not postpone annotations (no `from __future__ import annotations`):
typer reads every command's signature on every run, and string annotations would be evaluated again
each time, which cost `compare` about 10 ms."""

from __future__ import annotations

from guarantees.cli import agree as _agree  # noqa: F401  (registers its command)
from guarantees.cli import authoring as _authoring  # noqa: F401  (registers init and new)
from guarantees.cli import citing as _citing  # noqa: F401  (registers search, cite, reanchor)
from guarantees.cli import compare as _compare  # noqa: F401  (registers compare, show, list, export)
from guarantees.cli import history as _history  # noqa: F401  (registers its command)
from guarantees.cli import sources as _sources  # noqa: F401  (registers the sources group: show, add)
from guarantees.cli import validate as _validate  # noqa: F401  (registers its commands)
from guarantees.cli.app import app

__all__ = ["app"]
