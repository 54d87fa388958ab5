"""`new`: models/ID.yaml written from the skeleton, unless the file, the id or an alias is taken or invalid."""

from __future__ import annotations

import os
from typing import Any, NamedTuple

from pydantic import TypeAdapter, ValidationError

from guarantees.data_dirs import MODEL_SUFFIXES, DataDirs, display_path
from guarantees.fields import Slug, Text
from guarantees.findings import GuaranteesError, UsageError
from guarantees.model_skeleton import render_skeleton
from guarantees.name_index import build_name_index
from guarantees.vocabulary import Kind
from guarantees.writer import write_new_bytes

_SLUG: TypeAdapter[Any] = TypeAdapter(Slug)
_TEXT: TypeAdapter[Any] = TypeAdapter(Text)


class NewModel(NamedTuple):
    """The file written, as the user would type it."""

    file: str


def _checked(adapter: TypeAdapter[Any], value: str, what: str) -> str:
    try:
        adapter.validate_python(value, strict=True)
    except ValidationError as error:
        from guarantees.type_findings import plain_message  # only a refused value needs it

        raise UsageError(f"{what}: {plain_message(error.errors()[0])}, found {value!r}") from None
    return value


def new_model(model_id: str, name: str, aliases: list[str], dirs: DataDirs, *, kind: Kind) -> NewModel:
    """Write the skeleton of a new model, never over a file, never with a name another model claims."""
    _checked(_SLUG, model_id, "ID (lower-case words joined by hyphens, e.g. coalition-force)")
    _checked(_TEXT, name, "--name")
    chosen = list(dict.fromkeys(alias.lower() for alias in aliases or [model_id]))
    for alias in chosen:
        _checked(_SLUG, alias, "--alias")
    directory = dirs.to_write("models")
    taken = [
        directory / f"{model_id}{suffix}"
        for suffix in MODEL_SUFFIXES
        if os.path.lexists(directory / f"{model_id}{suffix}")
    ]
    if taken:
        raise UsageError(f"{display_path(taken[0])}: expected a new model file, found one there; nothing was written")
    index = build_name_index(directory)
    for claimed in (model_id, *chosen):
        owners = index.owners(claimed)
        if owners:
            raise UsageError(f"`{claimed}` already names {display_path(owners[0])}; choose another id or --alias")
    target = directory / f"{model_id}.yaml"
    try:
        write_new_bytes(target, render_skeleton(model_id, name, chosen, kind).encode("utf-8"))
    except FileExistsError:
        raise UsageError(f"{display_path(target)}: expected a new model file, found one there") from None
    except OSError as error:
        raise GuaranteesError(f"cannot write {display_path(target)}: {error.strerror or error}") from None
    return NewModel(display_path(target))
